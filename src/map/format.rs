//! The map file as written (`assets/<repo>/architecture.ron`), before any check.

use serde::Deserialize;

use super::Level;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Architecture", deny_unknown_fields)]
pub struct ArchitectureFile {
    /// The repository's display name, e.g. "Daytona".
    pub name: String,
    /// Where the code lives, e.g. "github.com/daytonaio/daytona".
    #[serde(default)]
    pub repository: Option<String>,
    /// The tag or commit the map describes.
    #[serde(default)]
    pub revision: Option<String>,
    pub groups: Vec<GroupEntry>,
    pub nodes: Vec<NodeEntry>,
    #[serde(default)]
    pub edges: Vec<EdgeEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Group", deny_unknown_fields)]
pub struct GroupEntry {
    pub id: String,
    pub label: String,
    /// `#RRGGBB`.
    pub colour: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Node", deny_unknown_fields)]
pub struct NodeEntry {
    pub id: String,
    pub label: String,
    pub level: Level,
    pub group: String,
    /// The node one level up that this one belongs to; required below L1.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub description: String,
    /// The repository path (a directory, a file, or a glob such as `image_*.go`).
    #[serde(default)]
    pub path: Option<String>,
    /// How many files the path covers.
    #[serde(default)]
    pub files: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Edge", deny_unknown_fields)]
pub struct EdgeEntry {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub label: String,
}
