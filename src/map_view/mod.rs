//! The map on screen: one entity per node and per edge, spawned from the stage and
//! morphed every frame to the camera's zoom.

mod apply;
pub mod box_material;
pub mod curve;
pub mod edge_material;
pub mod sharp_text;
pub mod spawn;
pub mod theme;

use bevy::asset::embedded_asset;
use bevy::prelude::*;
use bevy::sprite_render::Material2dPlugin;

use crate::app::{AppSystems, fonts};
use box_material::BoxMaterial;
use edge_material::EdgeMaterial;

use crate::timeline::{EdgeLook, NodeLook};

/// How lit or dimmed each node and edge is, set by the talk; empty when the map is
/// shown without one.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct Emphasis {
    pub nodes: Vec<NodeLook>,
    pub edges: Vec<EdgeLook>,
}

impl Emphasis {
    pub fn node(&self, n: crate::map::NodeIndex) -> NodeLook {
        self.nodes.get(n.0).copied().unwrap_or_default()
    }

    pub fn edge(&self, e: crate::map::EdgeIndex) -> EdgeLook {
        self.edges.get(e.0).copied().unwrap_or_default()
    }
}

/// The systems that apply this frame's shapes to the entities.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct MorphSystems;

/// The fonts labels are drawn in.
#[derive(Resource, Clone)]
pub struct MapFonts {
    pub regular: Handle<Font>,
    pub semibold: Handle<Font>,
}

/// The unit square every box is drawn on, scaled per box.
#[derive(Resource, Clone)]
pub struct QuadMesh(pub Handle<Mesh>);

pub struct MapViewPlugin;

impl Plugin for MapViewPlugin {
    fn build(&self, app: &mut App) {
        embedded_asset!(app, "box.wgsl");
        embedded_asset!(app, "edge.wgsl");
        app.add_plugins((
            Material2dPlugin::<BoxMaterial>::default(),
            Material2dPlugin::<EdgeMaterial>::default(),
        ))
        .init_resource::<Emphasis>()
        .init_resource::<apply::MapShapes>();
        let (regular, semibold) = {
            let mut assets = app.world_mut().resource_mut::<Assets<Font>>();
            (
                assets.add(Font::from_bytes(fonts::REGULAR.to_vec())),
                assets.add(Font::from_bytes(fonts::SEMIBOLD.to_vec())),
            )
        };
        app.insert_resource(MapFonts { regular, semibold });
        let quad = app
            .world_mut()
            .resource_mut::<Assets<Mesh>>()
            .add(Rectangle::new(1.0, 1.0));
        app.insert_resource(QuadMesh(quad))
            .add_systems(Startup, spawn::spawn_map)
            .add_systems(
                Update,
                (
                    apply::work_out_shapes
                        .in_set(AppSystems::Morph)
                        .before(MorphSystems),
                    (
                        apply::morph_boxes,
                        apply::morph_labels,
                        apply::morph_descriptions,
                        apply::morph_badges,
                        apply::morph_edges,
                        apply::morph_edge_labels,
                    )
                        .in_set(AppSystems::Morph)
                        .in_set(MorphSystems),
                    sharp_text::rasterise_at_screen_size.in_set(AppSystems::Present),
                ),
            );
    }
}
