//! The deck files as written: `deck.ron` (title, map, scene order) and one
//! `Scene( … )` per talking point, before any check.

use serde::{Deserialize, Serialize};

use crate::map::Level;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Deck", deny_unknown_fields)]
pub struct DeckFile {
    pub title: String,
    /// The map file, relative to the deck file.
    pub map: String,
    /// Scene files in talk order, relative to the deck file.
    pub scenes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Scene", deny_unknown_fields)]
pub struct SceneFile {
    pub title: String,
    pub level: Level,
    /// Nodes the camera frames; empty frames the whole level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub camera: Vec<String>,
    /// Nodes lit from the start of the scene.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<String>,
    /// Edges lit from the start of the scene, e.g. "a -> b", "a -> b/*", "a -> b -> c".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<String>,
    /// Lines shown on screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<String>,
    /// What the presenter says; never exported.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Builds: each adds highlights (or replaces them with `clear: true`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepEntry>,
    /// Seconds the camera takes to fly to this scene.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transition: Option<f32>,
    /// Seconds the scene's first step holds in an export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold: Option<f32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename = "Step", deny_unknown_fields)]
pub struct StepEntry {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<String>,
    /// Replaces the caption from this step on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Vec<String>>,
    /// Replaces the speaker notes from this step on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold: Option<f32>,
    /// Drop the earlier highlights instead of adding to them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub clear: bool,
}
