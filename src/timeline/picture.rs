//! What the picture is at a position: the camera, and for every node and edge how lit
//! and how dimmed it is.

use super::{HIGHLIGHT_FADE, LIGHT_AFTER_FLIGHT, Position, StepPlan, Timeline, View};
use crate::deck::Highlight;
use crate::map::{EdgeIndex, Level, NodeIndex};

/// How one node looks beyond its zoom morph.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NodeLook {
    /// 0 plain, 1 highlighted (full colour with a glow).
    pub emphasis: f32,
    /// 0 as usual, 1 fully dimmed (outside the highlight).
    pub dim: f32,
}

/// How one edge looks beyond its zoom morph.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct EdgeLook {
    /// 0 plain, 1 highlighted (thick, coloured, flowing).
    pub emphasis: f32,
    pub dim: f32,
    /// How far the flow along the edge has moved, in dash periods.
    pub phase: f32,
}

/// Everything about a frame that the talk decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub camera: View,
    pub nodes: Vec<NodeLook>,
    pub edges: Vec<EdgeLook>,
    pub scene: usize,
    pub step: usize,
}

/// Dash periods per second on lit edges.
pub const FLOW_SPEED: f32 = 0.9;

fn smooth(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

fn ease_in_out(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// Lit state of a highlight: which nodes and edges, and the ends of its edges.
struct Lit<'a> {
    highlight: &'a Highlight,
    ends: Vec<NodeIndex>,
}

impl Timeline {
    fn lit<'a>(&self, highlight: &'a Highlight) -> Lit<'a> {
        let ends = highlight
            .edges
            .iter()
            .flat_map(|e| {
                let (a, b) = self.edge_ends[e.0];
                [a, b]
            })
            .collect();
        Lit { highlight, ends }
    }

    /// The highlight a step starts from: the previous step's (or the previous scene's
    /// last), and nothing after a jump.
    fn before(&self, position: &Position) -> Option<(&Highlight, Level)> {
        if position.step > 0 {
            let scene = &self.scenes[position.scene];
            return Some((&scene.steps[position.step - 1].highlight, scene.level));
        }
        if position.jumped_from.is_some() || position.scene == 0 {
            return None;
        }
        let previous = &self.scenes[position.scene - 1];
        previous
            .steps
            .last()
            .map(|s| (&s.highlight, previous.level))
    }

    /// The picture at a position.
    pub fn picture(&self, position: &Position) -> Picture {
        let scene = &self.scenes[position.scene];
        let plan: &StepPlan = &scene.steps[position.step];
        let t = position.step_time;

        // Camera: step 0 flies in; later steps stay.
        let camera = if position.step == 0 {
            let from = position.jumped_from.unwrap_or_else(|| {
                if position.scene == 0 {
                    self.overview
                } else {
                    self.scenes[position.scene - 1].view
                }
            });
            from.lerp(&scene.view, ease_in_out(t / scene.transition.max(1e-3)))
        } else {
            scene.view
        };

        // The old highlight fades out (during the first part of a flight, or as the
        // new one fades in); the new one fades in from `light_at`.
        let fade_in = smooth((t - plan.light_at) / HIGHLIGHT_FADE);
        let fade_out = if position.step == 0 {
            1.0 - smooth(t / (scene.transition * LIGHT_AFTER_FLIGHT).max(HIGHLIGHT_FADE))
        } else {
            1.0 - fade_in
        };
        let now = self.lit(&plan.highlight);
        let before = self.before(position);
        let was = before.map(|(h, _)| self.lit(h));
        let was_level = before.map(|(_, l)| l);
        let dims = |h: &Highlight| {
            if h.nodes.is_empty() && h.edges.is_empty() {
                0.0
            } else {
                1.0
            }
        };
        let dimming_now = dims(now.highlight) * fade_in;
        let dimming_was = was.as_ref().map_or(0.0, |w| dims(w.highlight)) * fade_out;

        let nodes = (0..self.node_count)
            .map(|i| {
                let n = NodeIndex(i);
                let level = self.node_levels[i];
                let in_now = f32::from(u8::from(now.highlight.nodes.contains(&n)));
                let in_was = was
                    .as_ref()
                    .map_or(0.0, |w| f32::from(u8::from(w.highlight.nodes.contains(&n))));
                let emphasis = (in_now * fade_in).max(in_was * fade_out);
                // Only the level being talked about dims; frames above stay as they are.
                let involved_now = in_now.max(f32::from(u8::from(now.ends.contains(&n))));
                let involved_was = was.as_ref().map_or(0.0, |w| {
                    in_was.max(f32::from(u8::from(w.ends.contains(&n))))
                });
                let dim_now = if level == scene.level {
                    dimming_now * (1.0 - involved_now)
                } else {
                    0.0
                };
                let dim_was = if Some(level) == was_level {
                    dimming_was * (1.0 - involved_was)
                } else {
                    0.0
                };
                NodeLook {
                    emphasis,
                    dim: dim_now.max(dim_was),
                }
            })
            .collect();

        let phase = position.scene_time * FLOW_SPEED;
        let delay = |e: EdgeIndex| {
            plan.edge_delays
                .iter()
                .find(|(x, _)| *x == e)
                .map(|(_, d)| *d)
        };
        let edges = (0..self.edge_count)
            .map(|i| {
                let e = EdgeIndex(i);
                let in_now = now.highlight.edges.contains(&e);
                let in_was = was.as_ref().is_some_and(|w| w.highlight.edges.contains(&e));
                let lit_now = match (in_now, delay(e)) {
                    (true, Some(d)) => smooth((t - d) / HIGHLIGHT_FADE),
                    (true, None) => {
                        if in_was {
                            1.0
                        } else {
                            fade_in
                        }
                    }
                    (false, _) => 0.0,
                };
                let lit_was = if in_was { fade_out } else { 0.0 };
                let emphasis = lit_now.max(lit_was);
                let level = self.node_levels[self.edge_ends[i].0.0];
                let dim_now = if level == scene.level {
                    dimming_now * (1.0 - f32::from(u8::from(in_now)))
                } else {
                    0.0
                };
                let dim_was = if Some(level) == was_level {
                    dimming_was * (1.0 - f32::from(u8::from(in_was)))
                } else {
                    0.0
                };
                EdgeLook {
                    emphasis,
                    dim: dim_now.max(dim_was),
                    phase,
                }
            })
            .collect();

        Picture {
            camera,
            nodes,
            edges,
            scene: position.scene,
            step: position.step,
        }
    }
}
