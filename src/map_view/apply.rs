//! Applies the morph to the entities each frame: box and frame rectangles, colours
//! and opacity, label positions and sizes, edge curves. The shapes themselves come
//! from the pure `morph` module.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::text::TextColor;

use super::Emphasis;
use super::box_material::{BoxMaterial, box_params};
use super::curve::edge_mesh;
use super::edge_material::{EdgeMaterial, EdgeParams};
use super::sharp_text::SharpText;
use super::spawn::{
    EdgeCurve, EdgeLabel, EdgeLabelPlate, NodeBadge, NodeBadgeText, NodeBox, NodeDescription,
    NodeLabel,
};
use super::theme;
use crate::app::Stage;
use crate::camera::{OnScreen, PixelScale, Zoom};
use crate::layout::{Route, edge_label_plate, label_size, proportions as p};
use crate::map::NodeIndex;
use crate::morph::{Shapes, shapes};

const HIDDEN_BELOW: f32 = 0.004;

/// What every morph system reads: the map, this frame's shapes, how lit each part is,
/// the size of a pixel and what is on screen.
#[derive(SystemParam)]
pub(super) struct MapFrame<'w> {
    stage: Res<'w, Stage>,
    shapes: Res<'w, MapShapes>,
    pixel: Res<'w, PixelScale>,
    on_screen: Res<'w, OnScreen>,
    emphasis: Res<'w, Emphasis>,
}

/// Every node's and edge's shape for this frame's zoom, worked out once for all the
/// systems below.
#[derive(Resource, Debug, Clone, Default)]
pub struct MapShapes(pub Shapes);

pub(super) fn work_out_shapes(stage: Res<Stage>, zoom: Res<Zoom>, mut current: ResMut<MapShapes>) {
    current.0 = shapes(&stage.map, &stage.layout, zoom.0);
}
/// A badge (pill and count together) is shown once its text is this many pixels tall.
const BADGE_MIN_PIXELS: f32 = 7.0;

/// How much of a box's own text and badge is left as it opens: gone by halfway, so it
/// never ghosts over the children fading in.
fn fade_on_opening(open: f32) -> f32 {
    (1.0 - 2.0 * open).max(0.0).powi(2)
}

fn shown(opacity: f32) -> Visibility {
    if opacity < HIDDEN_BELOW {
        Visibility::Hidden
    } else {
        Visibility::Inherited
    }
}

fn update_material(
    materials: &mut Assets<BoxMaterial>,
    handle: &Handle<BoxMaterial>,
    params: super::box_material::BoxParams,
) {
    if materials.get(handle).is_some_and(|m| m.params != params)
        && let Some(mut material) = materials.get_mut(handle)
    {
        material.params = params;
    }
}

/// How much bigger a lit edge's label is drawn.
fn lit_label_growth(emphasis: f32) -> f32 {
    1.0 + (p::LIT_EDGE_LABEL - 1.0) * emphasis
}

/// Where along an edge its label sits: its lit spot while mostly lit, else the spot the
/// layout found free (if any).
fn label_spot(route: &Route, emphasis: f32) -> Option<f32> {
    if emphasis > 0.5 {
        Some(route.lit_label_at)
    } else {
        route.label_at
    }
}

/// What is left of something dimmed by `dim` (0 not at all, 1 fully).
fn undimmed(dim: f32) -> f32 {
    1.0 - (1.0 - theme::DIMMED) * dim
}

pub(super) fn morph_boxes(
    frame: MapFrame,
    mut materials: ResMut<Assets<BoxMaterial>>,
    mut boxes: Query<(
        &NodeBox,
        &mut Transform,
        &MeshMaterial2d<BoxMaterial>,
        &mut Visibility,
    )>,
) {
    let MapFrame {
        stage,
        shapes,
        pixel,
        on_screen,
        emphasis,
    } = frame;
    let glow_width = pixel.0 * 14.0;
    let margin = pixel.0 * 2.0 + glow_width;
    for (&NodeBox(n), mut transform, material, mut visibility) in &mut boxes {
        let shape = shapes.0.nodes[n.0];
        let look = emphasis.node(n);
        let opacity = shape.opacity * undimmed(look.dim);
        let seen = on_screen.0.sees(&shape.rect, margin);
        visibility.set_if_neq(if seen {
            shown(opacity)
        } else {
            Visibility::Hidden
        });
        if opacity < HIDDEN_BELOW || !seen {
            continue;
        }
        let node = stage.map.node(n);
        let colour = stage.map.group(node.group).colour;
        let h = label_size(node.level);
        let fill = theme::blend(
            theme::box_fill(colour),
            theme::frame_fill(colour),
            shape.open,
        );
        let border = theme::blend(
            theme::border(colour),
            LinearRgba::WHITE,
            0.6 * look.emphasis,
        );
        let size = Vec2::new(shape.rect.width, shape.rect.height);
        let params = box_params(
            size,
            p::CORNER * h * (1.0 - 0.6 * shape.open),
            pixel.0 * (1.6 + 1.4 * look.emphasis),
            margin,
            fill.with_alpha(fill.alpha * opacity),
            border.with_alpha(0.9 * opacity),
        )
        .with_glow(
            theme::glow(colour).with_alpha(0.6 * look.emphasis * shape.opacity),
            glow_width,
        );
        update_material(&mut materials, &material.0, params);
        transform.translation.x = shape.rect.center.x;
        transform.translation.y = shape.rect.center.y;
        transform.scale = Vec3::new(size.x + 2.0 * margin, size.y + 2.0 * margin, 1.0);
    }
}

pub(super) fn morph_labels(
    frame: MapFrame,
    mut labels: Query<(&NodeLabel, &mut Transform, &mut SharpText, &mut TextColor)>,
) {
    let MapFrame {
        stage,
        shapes,
        on_screen,
        emphasis,
        ..
    } = frame;
    for (&NodeLabel(n), mut transform, mut sharp, mut colour) in &mut labels {
        let shape = shapes.0.nodes[n.0];
        let opacity = shape.opacity * undimmed(emphasis.node(n).dim);
        sharp.visible = opacity >= HIDDEN_BELOW && on_screen.0.sees(&shape.rect, 0.0);
        if !sharp.visible {
            continue;
        }
        let group = stage.map.group(stage.map.node(n).group).colour;
        let c = theme::blend(theme::label_text(), theme::header_text(group), shape.open);
        colour.0 = c.with_alpha(opacity).into();
        sharp.world_size = shape.label_size;
        transform.translation.x = shape.label_center.x;
        transform.translation.y = shape.label_center.y;
    }
}

pub(super) fn morph_descriptions(
    frame: MapFrame,
    mut texts: Query<(
        &NodeDescription,
        &mut Transform,
        &mut SharpText,
        &mut TextColor,
    )>,
) {
    let MapFrame {
        stage,
        shapes,
        on_screen,
        emphasis,
        ..
    } = frame;
    for (&NodeDescription(n), mut transform, mut sharp, mut colour) in &mut texts {
        let shape = shapes.0.nodes[n.0];
        let alpha = shape.opacity * fade_on_opening(shape.open) * undimmed(emphasis.node(n).dim);
        sharp.visible = alpha >= HIDDEN_BELOW && on_screen.0.sees(&shape.rect, 0.0);
        if !sharp.visible {
            continue;
        }
        colour.0 = theme::description_text().with_alpha(0.82 * alpha).into();
        sharp.min_pixels = 7.0;
        let at = stage.layout.node(n).description_center();
        transform.translation.x = at.x;
        transform.translation.y = at.y;
    }
}

/// How visible a node's file badge is, and where it sits.
fn badge_look(
    stage: &Stage,
    shapes: &MapShapes,
    emphasis: &Emphasis,
    n: NodeIndex,
) -> (f32, crate::layout::Rect) {
    let shape = shapes.0.nodes[n.0];
    let alpha = shape.opacity * fade_on_opening(shape.open) * undimmed(emphasis.node(n).dim);
    let rect = stage
        .layout
        .node(n)
        .badge_rect()
        .expect("badges are spawned for nodes with a file count");
    (alpha, rect)
}

pub(super) fn morph_badges(
    frame: MapFrame,
    mut materials: ResMut<Assets<BoxMaterial>>,
    mut pills: Query<(
        &NodeBadge,
        &mut Transform,
        &MeshMaterial2d<BoxMaterial>,
        &mut Visibility,
    )>,
    mut texts: Query<
        (
            &NodeBadgeText,
            &mut Transform,
            &mut SharpText,
            &mut TextColor,
        ),
        Without<NodeBadge>,
    >,
) {
    let MapFrame {
        stage,
        shapes,
        pixel,
        on_screen,
        emphasis,
    } = frame;
    let margin = pixel.0 * 2.0;
    for (&NodeBadge(n), mut transform, material, mut visibility) in &mut pills {
        let (alpha, rect) = badge_look(&stage, &shapes, &emphasis, n);
        // Pills smaller than a few pixels are noise.
        let text_size = label_size(stage.map.node(n).level) * p::BADGE;
        let big_enough = text_size / pixel.0 >= BADGE_MIN_PIXELS;
        let seen = big_enough && on_screen.0.sees(&rect, margin);
        visibility.set_if_neq(if seen {
            shown(alpha)
        } else {
            Visibility::Hidden
        });
        if !seen || alpha < HIDDEN_BELOW {
            continue;
        }
        let params = box_params(
            Vec2::new(rect.width, rect.height),
            rect.height / 2.0,
            0.0,
            margin,
            LinearRgba::WHITE.with_alpha(0.18 * alpha),
            LinearRgba::NONE,
        );
        update_material(&mut materials, &material.0, params);
        transform.translation.x = rect.center.x;
        transform.translation.y = rect.center.y;
        transform.scale = Vec3::new(rect.width + 2.0 * margin, rect.height + 2.0 * margin, 1.0);
    }
    for (&NodeBadgeText(n), mut transform, mut sharp, mut colour) in &mut texts {
        let (alpha, rect) = badge_look(&stage, &shapes, &emphasis, n);
        sharp.visible = alpha >= HIDDEN_BELOW && on_screen.0.sees(&rect, 0.0);
        if !sharp.visible {
            continue;
        }
        colour.0 = LinearRgba::WHITE.with_alpha(0.92 * alpha).into();
        sharp.min_pixels = BADGE_MIN_PIXELS;
        transform.translation.x = rect.center.x;
        transform.translation.y = rect.center.y;
    }
}

/// What the edge system reads and writes on each edge entity.
type EdgeParts = (
    Entity,
    &'static EdgeCurve,
    &'static Mesh2d,
    &'static MeshMaterial2d<EdgeMaterial>,
    &'static mut Visibility,
    Option<&'static DrawnRoute>,
);

/// The route and stroke width (as bits) an edge mesh was last built for.
#[derive(Component, Debug, Clone, PartialEq)]
pub struct DrawnRoute(pub Route, pub u32);

pub(super) fn morph_edges(
    mut commands: Commands,
    frame: MapFrame,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<EdgeMaterial>>,
    mut edges: Query<EdgeParts>,
) {
    let MapFrame {
        stage,
        shapes,
        on_screen,
        emphasis,
        ..
    } = frame;
    for (entity, &EdgeCurve(e), mesh, material, mut visibility, drawn) in &mut edges {
        let shape = &shapes.0.edges[e.0];
        let look = emphasis.edge(e);
        let opacity = edge_opacity_with(shape, look);
        let level = stage.map.node(stage.map.edge(e).from).level;
        let h = label_size(level);
        // The arrowhead reaches half its width beside the curve.
        let seen = opacity >= HIDDEN_BELOW && on_screen.0.sees_route(&shape.route, h);
        visibility.set_if_neq(if seen {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
        if !seen {
            continue;
        }
        let width = shape.width * (1.0 + 1.3 * look.emphasis);
        let drawing = DrawnRoute(shape.route.clone(), width.to_bits());
        if drawn != Some(&drawing) {
            if let Some(mut m) = meshes.get_mut(&mesh.0) {
                *m = edge_mesh(
                    &shape.route,
                    width,
                    h * 0.42 * (1.0 + 0.3 * look.emphasis),
                    h * 0.34 * (1.0 + 0.3 * look.emphasis),
                );
            }
            commands.entity(entity).insert(drawing);
        }
        let colour = theme::blend(theme::edge(), theme::highlight(), look.emphasis);
        let params = EdgeParams {
            colour: colour.with_alpha(0.85 * opacity + 0.15 * look.emphasis * shape.visibility),
            flow: Vec4::new(h * 0.55, look.phase, look.emphasis, 0.0),
        };
        if materials
            .get(&material.0)
            .is_some_and(|m| m.params != params)
            && let Some(mut m) = materials.get_mut(&material.0)
        {
            m.params = params;
        }
    }
}

/// An edge's opacity given how lit and dimmed it is: lit edges show at full strength
/// even across frames; dimmed ones fade back.
fn edge_opacity_with(shape: &crate::morph::EdgeShape, look: crate::timeline::EdgeLook) -> f32 {
    let base = shape.opacity + (shape.visibility - shape.opacity) * look.emphasis;
    base * undimmed(look.dim)
}

pub(super) fn morph_edge_labels(
    frame: MapFrame,
    mut materials: ResMut<Assets<BoxMaterial>>,
    mut plates: Query<(
        &EdgeLabelPlate,
        &mut Transform,
        &MeshMaterial2d<BoxMaterial>,
        &mut Visibility,
    )>,
    mut labels: Query<
        (&EdgeLabel, &mut Transform, &mut SharpText, &mut TextColor),
        Without<EdgeLabelPlate>,
    >,
) {
    let MapFrame {
        stage,
        shapes,
        pixel,
        on_screen,
        emphasis,
    } = frame;
    let margin = pixel.0 * 2.0;
    let readable = |size: f32| size / pixel.0 >= 8.0;
    for (&EdgeLabelPlate(e), mut transform, material, mut visibility) in &mut plates {
        let shape = &shapes.0.edges[e.0];
        let level = stage.map.node(stage.map.edge(e).from).level;
        // A lit edge's label grows so it reads at the scene's zoom.
        let scale = label_size(level) * lit_label_growth(emphasis.edge(e).emphasis);
        let size = scale * p::EDGE_LABEL;
        let look = emphasis.edge(e);
        let alpha = edge_opacity_with(shape, look);
        // A lit edge always shows its label; others only where there was room for it.
        let Some(t) = label_spot(&shape.route, look.emphasis) else {
            visibility.set_if_neq(Visibility::Hidden);
            continue;
        };
        let (width, height) = edge_label_plate(&stage.map.edge(e).label, &stage.metrics, scale);
        let at = shape.route.at(t);
        let plate = crate::layout::Rect::new(at, width, height);
        let seen = readable(size) && on_screen.0.sees(&plate, margin);
        visibility.set_if_neq(if seen {
            shown(alpha)
        } else {
            Visibility::Hidden
        });
        if !seen || alpha < HIDDEN_BELOW {
            continue;
        }
        let params = box_params(
            Vec2::new(width, height),
            height / 2.0,
            0.0,
            margin,
            theme::background().with_alpha(0.88 * alpha),
            LinearRgba::NONE,
        );
        update_material(&mut materials, &material.0, params);
        transform.translation.x = at.x;
        transform.translation.y = at.y;
        transform.scale = Vec3::new(width + 2.0 * margin, height + 2.0 * margin, 1.0);
    }
    for (&EdgeLabel(e), mut transform, mut sharp, mut colour) in &mut labels {
        let shape = &shapes.0.edges[e.0];
        let look = emphasis.edge(e);
        let alpha = edge_opacity_with(shape, look);
        let spot = label_spot(&shape.route, look.emphasis);
        let level = stage.map.node(stage.map.edge(e).from).level;
        let scale = label_size(level) * lit_label_growth(look.emphasis);
        let at = shape.route.at(spot.unwrap_or(0.5));
        let (width, height) = edge_label_plate(&stage.map.edge(e).label, &stage.metrics, scale);
        let plate = crate::layout::Rect::new(at, width, height);
        sharp.visible = alpha >= HIDDEN_BELOW && spot.is_some() && on_screen.0.sees(&plate, 0.0);
        if !sharp.visible {
            continue;
        }
        let c = theme::blend(theme::edge_label_text(), theme::highlight(), look.emphasis);
        colour.0 = c.with_alpha(alpha).into();
        sharp.world_size = scale * p::EDGE_LABEL;
        sharp.min_pixels = 8.0;
        transform.translation.x = at.x;
        transform.translation.y = at.y;
    }
}
