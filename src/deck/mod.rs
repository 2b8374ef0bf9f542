//! The talk: a deck of scenes, one per talking point, each with its level, camera
//! framing, highlighted nodes and edges, caption, speaker notes, builds and timing.

mod format;
mod load;
mod scene_check;
mod selector;

use std::path::PathBuf;

pub use format::{DeckFile, SceneFile, StepEntry};
pub use load::{DECK_FILE, DeckLoad, load_deck, load_deck_against, load_scene, parse_scene};
pub use selector::{EdgePattern, NodePattern};

use crate::map::{EdgeIndex, Level, Map, NodeIndex};

/// Seconds a scene's camera flight takes unless the scene says otherwise.
pub const DEFAULT_TRANSITION: f32 = 1.0;
/// Seconds a scene's first step holds in an export unless the scene says otherwise.
pub const DEFAULT_HOLD: f32 = 6.0;
/// Seconds each further step holds unless the step says otherwise.
pub const DEFAULT_STEP_HOLD: f32 = 4.0;

/// A checked deck: the map and the scenes that are valid, in talk order.
#[derive(Debug, Clone)]
pub struct Deck {
    pub title: String,
    pub file: PathBuf,
    pub map: Map,
    pub scenes: Vec<Scene>,
}

/// One talking point.
#[derive(Debug, Clone)]
pub struct Scene {
    pub title: String,
    pub level: Level,
    /// What the camera frames; never empty (an empty list in the file means the whole level).
    pub camera: Vec<NodeIndex>,
    /// At least one: the scene as it opens, then each build.
    pub steps: Vec<Step>,
    pub transition: f32,
    pub file: PathBuf,
}

/// What is on screen at one step of a scene once it has settled.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub highlight: Highlight,
    pub caption: Vec<String>,
    pub notes: String,
    pub hold: f32,
}

/// Lit nodes and edges. Edges keep the order they were named in, so a fan-out can
/// light one edge after another.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    pub nodes: Vec<NodeIndex>,
    pub edges: Vec<EdgeIndex>,
}

impl Highlight {
    fn add_node(&mut self, node: NodeIndex) {
        if !self.nodes.contains(&node) {
            self.nodes.push(node);
        }
    }

    fn add_edge(&mut self, edge: EdgeIndex) {
        if !self.edges.contains(&edge) {
            self.edges.push(edge);
        }
    }
}

impl Scene {
    /// Seconds the scene lasts in an export: its flight and every step's hold.
    pub fn duration(&self) -> f32 {
        self.transition + self.steps.iter().map(|s| s.hold).sum::<f32>()
    }
}

impl Deck {
    /// Seconds the whole talk lasts in an export.
    pub fn duration(&self) -> f32 {
        self.scenes.iter().map(Scene::duration).sum()
    }
}
