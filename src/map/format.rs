//! The map file as written (`assets/<repo>/architecture.ron`), before any check.

use serde::{Deserialize, Serialize};

use super::Level;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Architecture", deny_unknown_fields)]
pub struct ArchitectureFile {
    /// The repository's display name, e.g. "Daytona".
    pub name: String,
    /// Where the code lives, e.g. "github.com/daytonaio/daytona".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// The tag or commit the map describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    pub groups: Vec<GroupEntry>,
    pub nodes: Vec<NodeEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<EdgeEntry>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Group", deny_unknown_fields)]
pub struct GroupEntry {
    pub id: String,
    pub label: String,
    /// `#RRGGBB`.
    pub colour: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Node", deny_unknown_fields)]
pub struct NodeEntry {
    pub id: String,
    pub label: String,
    pub level: Level,
    pub group: String,
    /// The node one level up that this one belongs to; required below L1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The repository path (a directory, a file, or a glob such as `image_*.go`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// How many files the path covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Edge", deny_unknown_fields)]
pub struct EdgeEntry {
    pub from: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}
