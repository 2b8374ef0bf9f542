//! The talk as a function of time. A position (scene, step, time since the step and
//! since the scene began) decides the whole picture: where the camera is, how lit or
//! dimmed each node and edge is, where the dashes on lit edges have flowed to. The
//! live presenter and the exporter both draw from here, so a frame depends on its
//! position alone. Plain Rust, no Bevy.

mod picture;
mod playhead;

pub use picture::{EdgeLook, NodeLook, Picture};
pub use playhead::{Direction, Playhead};

use crate::deck::{Deck, Highlight, Scene};
use crate::layout::{ASPECT, Layout, Point, Rect};
use crate::map::{EdgeIndex, Level, NodeIndex};
use crate::zoom::ZoomScale;

/// Seconds a step's highlights take to fade in (or out).
pub const HIGHLIGHT_FADE: f32 = 0.45;
/// Seconds between the edges of a one-to-many set lighting up.
pub const EDGE_STAGGER: f32 = 0.16;
/// The whole stagger of one step never takes longer than this.
pub const MAX_STAGGER: f32 = 1.2;
/// Part of a scene's camera flight after which its highlights start to fade in.
pub const LIGHT_AFTER_FLIGHT: f32 = 0.7;
/// How far around a level a scene's camera may sit and still show that level settled.
const SETTLED: f32 = 0.33;

/// A camera frame: the 16:9 rectangle of the world that is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub center: Point,
    pub height: f32,
}

impl View {
    /// Blends two views: centre linearly, height evenly in scale.
    pub fn lerp(&self, to: &View, t: f32) -> View {
        View {
            center: self.center.lerp(to.center, t),
            height: self.height * (to.height / self.height).powf(t),
        }
    }
}

/// Where the talk is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub scene: usize,
    pub step: usize,
    /// Seconds since the step began.
    pub step_time: f32,
    /// Seconds since the scene began (drives the flow on lit edges).
    pub scene_time: f32,
    /// Where the camera flies in from when the scene was jumped to rather than reached
    /// step by step; `None` means from the previous scene.
    pub jumped_from: Option<View>,
}

impl Position {
    pub fn start(scene: usize) -> Position {
        Position {
            scene,
            step: 0,
            step_time: 0.0,
            scene_time: 0.0,
            jumped_from: None,
        }
    }
}

/// One step's timing and what it lights.
#[derive(Debug, Clone)]
struct StepPlan {
    highlight: Highlight,
    /// When (seconds into the step) each of this step's newly lit edges starts to light.
    edge_delays: Vec<(EdgeIndex, f32)>,
    /// When the highlights begin to fade in.
    light_at: f32,
    /// Seconds until the step has settled.
    settle: f32,
    /// Seconds the step lasts in an export.
    length: f32,
}

#[derive(Debug, Clone)]
struct ScenePlan {
    view: View,
    level: Level,
    transition: f32,
    steps: Vec<StepPlan>,
}

/// The deck laid out in time.
#[derive(Debug, Clone)]
pub struct Timeline {
    scenes: Vec<ScenePlan>,
    overview: View,
    node_count: usize,
    edge_count: usize,
    /// Each node's level, and each edge's ends, for dimming.
    node_levels: Vec<Level>,
    edge_ends: Vec<(NodeIndex, NodeIndex)>,
}

/// The frame that shows all of `rect` with a small margin.
pub fn framing(rect: &Rect) -> View {
    View {
        center: rect.center,
        height: rect.view_height(ASPECT) * 1.12,
    }
}

/// The camera for a scene: its nodes framed, as close as the level allows.
pub fn scene_view(layout: &Layout, scale: &ZoomScale, scene: &Scene) -> View {
    let rect = scene
        .camera
        .iter()
        .map(|&n| layout.node(n).closed)
        .reduce(|a, b| a.union(&b))
        .unwrap_or(layout.bounds);
    // Room for the title above and the caption below: frame a little wider and sit
    // the nodes a little higher than the middle.
    let wanted = View {
        center: rect.center - Point::new(0.0, rect.view_height(ASPECT) * 0.06),
        height: rect.view_height(ASPECT) * 1.3,
    };
    let k = f32::from(scene.level.number());
    let lowest = scale.view_height_at((k + SETTLED).min(4.0));
    // Zooming out past L1 changes nothing on the map, so an L1 scene may step back far
    // enough to leave room for the title and caption around the whole map.
    let highest = if k - SETTLED < 1.0 {
        scale.view_height_at(1.0) * 1.4
    } else {
        scale.view_height_at(k - SETTLED)
    };
    View {
        center: wanted.center,
        height: wanted.height.clamp(lowest, highest),
    }
}

impl Timeline {
    pub fn new(deck: &Deck, layout: &Layout, scale: &ZoomScale) -> Timeline {
        let map = &deck.map;
        let scenes = deck
            .scenes
            .iter()
            .map(|scene| {
                let mut previous = Highlight::default();
                let steps = scene
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(k, step)| {
                        let fresh: Vec<EdgeIndex> = step
                            .highlight
                            .edges
                            .iter()
                            .copied()
                            .filter(|e| !previous.edges.contains(e))
                            .collect();
                        let stagger = if fresh.len() > 1 {
                            EDGE_STAGGER.min(MAX_STAGGER / (fresh.len() - 1) as f32)
                        } else {
                            0.0
                        };
                        let light_at = if k == 0 {
                            scene.transition * LIGHT_AFTER_FLIGHT
                        } else {
                            0.0
                        };
                        let edge_delays: Vec<(EdgeIndex, f32)> = fresh
                            .iter()
                            .enumerate()
                            .map(|(i, &e)| (e, light_at + i as f32 * stagger))
                            .collect();
                        let settle = light_at
                            + HIGHLIGHT_FADE
                            + stagger * fresh.len().saturating_sub(1) as f32;
                        let settle = if k == 0 {
                            settle.max(scene.transition)
                        } else {
                            settle
                        };
                        let nominal = if k == 0 {
                            scene.transition + step.hold
                        } else {
                            step.hold
                        };
                        previous = step.highlight.clone();
                        StepPlan {
                            highlight: step.highlight.clone(),
                            edge_delays,
                            light_at,
                            settle,
                            length: nominal.max(settle),
                        }
                    })
                    .collect();
                ScenePlan {
                    view: scene_view(layout, scale, scene),
                    level: scene.level,
                    transition: scene.transition,
                    steps,
                }
            })
            .collect();
        Timeline {
            scenes,
            overview: framing(&layout.bounds),
            node_count: map.nodes.len(),
            edge_count: map.edges.len(),
            node_levels: map.nodes.iter().map(|n| n.level).collect(),
            edge_ends: map.edges.iter().map(|e| (e.from, e.to)).collect(),
        }
    }

    pub fn scene_count(&self) -> usize {
        self.scenes.len()
    }

    pub fn step_count(&self, scene: usize) -> usize {
        self.scenes.get(scene).map_or(0, |s| s.steps.len())
    }

    /// The camera a scene settles on.
    pub fn view(&self, scene: usize) -> View {
        self.scenes[scene].view
    }

    /// The whole map, where the talk starts from.
    pub fn overview(&self) -> View {
        self.overview
    }

    /// Seconds until a step has settled.
    pub fn settle_time(&self, scene: usize, step: usize) -> f32 {
        self.scenes[scene].steps[step].settle
    }

    /// Seconds a scene lasts in an export.
    pub fn scene_length(&self, scene: usize) -> f32 {
        self.scenes[scene].steps.iter().map(|s| s.length).sum()
    }

    /// Seconds the whole talk lasts in an export.
    pub fn duration(&self) -> f32 {
        (0..self.scenes.len()).map(|s| self.scene_length(s)).sum()
    }

    /// The settled end of a step.
    pub fn settled(&self, scene: usize, step: usize) -> Position {
        let before: f32 = self.scenes[scene].steps[..step]
            .iter()
            .map(|s| s.length)
            .sum();
        let at = self.settle_time(scene, step);
        Position {
            scene,
            step,
            step_time: at,
            scene_time: before + at,
            jumped_from: None,
        }
    }

    /// The step after a position's, if any: (scene, step).
    pub fn next_step(&self, scene: usize, step: usize) -> Option<(usize, usize)> {
        if step + 1 < self.step_count(scene) {
            Some((scene, step + 1))
        } else if scene + 1 < self.scenes.len() {
            Some((scene + 1, 0))
        } else {
            None
        }
    }

    /// The step before, if any.
    pub fn previous_step(&self, scene: usize, step: usize) -> Option<(usize, usize)> {
        if step > 0 {
            Some((scene, step - 1))
        } else if scene > 0 {
            Some((scene - 1, self.step_count(scene - 1) - 1))
        } else {
            None
        }
    }

    /// Where an export is `t` seconds in, each step held for its length.
    pub fn position_at(&self, t: f32) -> Position {
        let mut left = t.max(0.0);
        for (s, scene) in self.scenes.iter().enumerate() {
            let mut scene_time = 0.0;
            for (k, step) in scene.steps.iter().enumerate() {
                let last = s + 1 == self.scenes.len() && k + 1 == scene.steps.len();
                if left < step.length || last {
                    return Position {
                        scene: s,
                        step: k,
                        step_time: left,
                        scene_time: scene_time + left,
                        jumped_from: None,
                    };
                }
                left -= step.length;
                scene_time += step.length;
            }
        }
        Position::start(0)
    }
}
