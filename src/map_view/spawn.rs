//! Spawns one entity per node (its box, label, description and file badge) and one
//! per edge (its curve and label) from the stage's map and layout.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{FontSource, Justify, LineBreak, TextColor, TextFont, TextLayout};

use super::box_material::{BoxMaterial, BoxParams};
use super::edge_material::{EdgeMaterial, EdgeParams};
use super::sharp_text::SharpText;
use super::{MapFonts, QuadMesh};
use crate::app::Stage;
use crate::layout::label_size;
use crate::map::{EdgeIndex, Level, NodeIndex};

/// A node's box (and, once open, its frame).
#[derive(Component, Debug, Clone, Copy)]
pub struct NodeBox(pub NodeIndex);

#[derive(Component, Debug, Clone, Copy)]
pub struct NodeLabel(pub NodeIndex);

#[derive(Component, Debug, Clone, Copy)]
pub struct NodeDescription(pub NodeIndex);

/// The pill behind a file count.
#[derive(Component, Debug, Clone, Copy)]
pub struct NodeBadge(pub NodeIndex);

#[derive(Component, Debug, Clone, Copy)]
pub struct NodeBadgeText(pub NodeIndex);

#[derive(Component, Debug, Clone, Copy)]
pub struct EdgeCurve(pub EdgeIndex);

#[derive(Component, Debug, Clone, Copy)]
pub struct EdgeLabel(pub EdgeIndex);

/// The plate behind an edge label.
#[derive(Component, Debug, Clone, Copy)]
pub struct EdgeLabelPlate(pub EdgeIndex);

/// Draw order: deeper levels on top of the frames that hold them; within a level,
/// boxes, then badges, edges, plates, text. `order` (the node's or edge's index) breaks
/// ties, so overlapping halos always blend in the same order and frames are repeatable.
pub fn depth(level: Level, layer: f32, order: usize) -> f32 {
    f32::from(level.number()) * 10.0 + layer + order as f32 * 1e-4
}

pub mod layer {
    pub const BOX: f32 = 0.0;
    pub const BADGE: f32 = 1.0;
    pub const EDGE: f32 = 2.0;
    pub const PLATE: f32 = 3.0;
    pub const TEXT: f32 = 4.0;
}

fn text_bundle(text: String, font: Handle<Font>, size: f32, justify: Justify) -> impl Bundle {
    (
        Text2d::new(text),
        TextFont {
            font: FontSource::Handle(font),
            font_size: bevy::text::FontSize::Px(16.0),
            ..default()
        },
        TextLayout::new(justify, LineBreak::NoWrap),
        TextColor(Color::WHITE),
        Anchor::CENTER,
        SharpText::new(size, 4.5),
    )
}

pub(super) fn spawn_map(
    mut commands: Commands,
    stage: Res<Stage>,
    fonts: Res<MapFonts>,
    quad: Res<QuadMesh>,
    mut materials: ResMut<Assets<BoxMaterial>>,
    mut edge_materials: ResMut<Assets<EdgeMaterial>>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let map = &stage.map;
    for n in map.node_indices() {
        let node = map.node(n);
        let l = stage.layout.node(n);
        let name = |what: &str| Name::new(format!("{what} {}", node.id));
        commands.spawn((
            name("Node"),
            NodeBox(n),
            Mesh2d(quad.0.clone()),
            MeshMaterial2d(materials.add(BoxMaterial {
                params: BoxParams::default(),
            })),
            Transform::from_xyz(
                l.closed.center.x,
                l.closed.center.y,
                depth(node.level, layer::BOX, n.0),
            ),
        ));
        commands.spawn((
            name("Label"),
            NodeLabel(n),
            text_bundle(
                node.label.clone(),
                fonts.semibold.clone(),
                l.label_size,
                Justify::Center,
            ),
            Transform::from_xyz(0.0, 0.0, depth(node.level, layer::TEXT, n.0)),
        ));
        if !l.description.is_empty() {
            commands.spawn((
                name("Description"),
                NodeDescription(n),
                text_bundle(
                    l.description.join("\n"),
                    fonts.regular.clone(),
                    l.description_size,
                    Justify::Center,
                ),
                Transform::from_xyz(0.0, 0.0, depth(node.level, layer::TEXT, n.0)),
            ));
        }
        if let Some(badge) = &l.badge {
            commands.spawn((
                name("Badge"),
                NodeBadge(n),
                Mesh2d(quad.0.clone()),
                MeshMaterial2d(materials.add(BoxMaterial {
                    params: BoxParams::default(),
                })),
                Transform::from_xyz(0.0, 0.0, depth(node.level, layer::BADGE, n.0)),
            ));
            commands.spawn((
                name("Badge text"),
                NodeBadgeText(n),
                text_bundle(
                    badge.clone(),
                    fonts.semibold.clone(),
                    l.label_size * crate::layout::proportions::BADGE,
                    Justify::Center,
                ),
                Transform::from_xyz(0.0, 0.0, depth(node.level, layer::TEXT, n.0)),
            ));
        }
    }
    for e in map.edge_indices() {
        let edge = map.edge(e);
        let level = map.node(edge.from).level;
        let name = format!("{} -> {}", map.node(edge.from).id, map.node(edge.to).id);
        commands.spawn((
            Name::new(format!("Edge {name}")),
            EdgeCurve(e),
            Mesh2d(meshes.add(Mesh::from(Rectangle::new(0.0, 0.0)))),
            MeshMaterial2d(edge_materials.add(EdgeMaterial {
                params: EdgeParams::default(),
            })),
            Transform::from_xyz(0.0, 0.0, depth(level, layer::EDGE, e.0)),
        ));
        if !edge.label.is_empty() {
            let size = label_size(level) * crate::layout::proportions::EDGE_LABEL;
            commands.spawn((
                Name::new(format!("Edge plate {name}")),
                EdgeLabelPlate(e),
                Mesh2d(quad.0.clone()),
                MeshMaterial2d(materials.add(BoxMaterial {
                    params: BoxParams::default(),
                })),
                Transform::from_xyz(0.0, 0.0, depth(level, layer::PLATE, e.0)),
            ));
            commands.spawn((
                Name::new(format!("Edge label {name}")),
                EdgeLabel(e),
                text_bundle(
                    edge.label.clone(),
                    fonts.regular.clone(),
                    size,
                    Justify::Center,
                ),
                Transform::from_xyz(0.0, 0.0, depth(level, layer::TEXT, e.0)),
            ));
        }
    }
}
