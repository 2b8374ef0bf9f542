//! The deck files as written: `deck.ron` (title, map, scene order) and one
//! `Scene( … )` per talking point, before any check.

use serde::Deserialize;

use crate::map::Level;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Deck", deny_unknown_fields)]
pub struct DeckFile {
    pub title: String,
    /// The map file, relative to the deck file.
    pub map: String,
    /// Scene files in talk order, relative to the deck file.
    pub scenes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Scene", deny_unknown_fields)]
pub struct SceneFile {
    pub title: String,
    pub level: Level,
    /// Nodes the camera frames; empty frames the whole level.
    #[serde(default)]
    pub camera: Vec<String>,
    /// Nodes lit from the start of the scene.
    #[serde(default)]
    pub nodes: Vec<String>,
    /// Edges lit from the start of the scene, e.g. "a -> b", "a -> b/*", "a -> b -> c".
    #[serde(default)]
    pub edges: Vec<String>,
    /// Lines shown on screen.
    #[serde(default)]
    pub caption: Vec<String>,
    /// What the presenter says; never exported.
    #[serde(default)]
    pub notes: String,
    /// Builds: each adds highlights (or replaces them with `clear: true`).
    #[serde(default)]
    pub steps: Vec<StepEntry>,
    /// Seconds the camera takes to fly to this scene.
    #[serde(default)]
    pub transition: Option<f32>,
    /// Seconds the scene's first step holds in an export.
    #[serde(default)]
    pub hold: Option<f32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Step", deny_unknown_fields)]
pub struct StepEntry {
    #[serde(default)]
    pub nodes: Vec<String>,
    #[serde(default)]
    pub edges: Vec<String>,
    /// Replaces the caption from this step on.
    #[serde(default)]
    pub caption: Option<Vec<String>>,
    /// Replaces the speaker notes from this step on.
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub hold: Option<f32>,
    /// Drop the earlier highlights instead of adding to them.
    #[serde(default)]
    pub clear: bool,
}
