//! Which view of the map a snapshot shows: a level (framing the node one level up
//! that has the most children, or a chosen one), or a raw zoom value.

use bevy::math::Vec2;

use crate::app::Stage;
use crate::camera::CameraView;
use crate::map::{Level, NodeIndex};

/// A view to render.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shot {
    pub view: CameraView,
}

/// The view for `level` (focused on `focus` when given), or for `zoom` when given.
pub fn level_shot(
    stage: &Stage,
    level: Level,
    focus: Option<&str>,
    zoom: Option<f32>,
) -> Result<Shot, String> {
    let map = &stage.map;
    let frame_of = match focus {
        Some(id) => {
            let node = map
                .find(id)
                .ok_or_else(|| format!("no node \"{id}\" in the map"))?;
            if map.node(node).children.is_empty() {
                return Err(format!("node \"{id}\" has no children to show"));
            }
            Some(node)
        }
        None => level.above().and_then(|above| busiest(stage, above)),
    };
    let level = frame_of
        .and_then(|n| map.node(n).level.below())
        .unwrap_or(level);
    let center = match frame_of {
        Some(n) => {
            let r = stage.layout.node(n).region;
            Vec2::new(r.center.x, r.center.y)
        }
        None => Vec2::new(stage.layout.bounds.center.x, stage.layout.bounds.center.y),
    };
    // The level's own height, or more when the framed node is bigger than typical.
    let framed = frame_of.map_or(0.0, |n| {
        stage
            .layout
            .node(n)
            .region
            .view_height(crate::layout::ASPECT)
            * 1.04
    });
    let height = match zoom {
        Some(z) if (1.0..=4.0).contains(&z) => stage.zoom_scale.view_height_at(z),
        Some(z) => return Err(format!("zoom {z} is outside 1.0–4.0")),
        None => stage.zoom_scale.view_height_of(level).max(framed),
    };
    Ok(Shot {
        view: CameraView { center, height },
    })
}

/// The node on `level` with the most children.
fn busiest(stage: &Stage, level: Level) -> Option<NodeIndex> {
    stage
        .map
        .nodes_on(level)
        .max_by_key(|&n| (stage.map.node(n).children.len(), std::cmp::Reverse(n.0)))
        .filter(|&n| !stage.map.node(n).children.is_empty())
}
