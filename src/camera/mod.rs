//! The camera: what part of the world plane is on screen, eased flights between
//! views, and the mouse and keys that move it. The zoom value the rest of the app
//! uses is derived from the camera's view height alone.

mod controls;
mod flight;

use bevy::camera::{OrthographicProjection, Projection, ScalingMode};
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::prelude::*;
use bevy::render::view::Msaa;

use crate::app::{AppSystems, Stage};
use crate::layout::ASPECT;
pub use flight::{CameraFlight, ease_in_out};

/// The 16:9 frame of the world the camera shows: always fully visible, whatever the
/// window's shape.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct CameraView {
    pub center: Vec2,
    /// World units from the frame's bottom to its top.
    pub height: f32,
}

impl CameraView {
    /// The frame that shows all of `rect` with a small margin.
    pub fn framing(rect: &crate::layout::Rect) -> CameraView {
        CameraView {
            center: Vec2::new(rect.center.x, rect.center.y),
            height: rect.view_height(ASPECT) * 1.06,
        }
    }
}

/// The zoom value (1.0 L1 … 4.0 L4) of the current view.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Zoom(pub f32);

/// World units per physical pixel of the render target, for sizes that must be a
/// fixed number of pixels (outlines, the smallest readable text).
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct PixelScale(pub f32);

/// The part of the world plane on the map camera's target this frame.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Default)]
pub struct OnScreen(pub crate::sight::Sight);

/// Who moves the camera: the talk's script, or the presenter by hand (wheel, drag,
/// keys 1–4, the slider). Any hand movement takes it off the script.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CameraDriver {
    #[default]
    Free,
    Scripted,
}

/// Marks the one camera that shows the map.
#[derive(Component)]
pub struct MapCamera;

/// Seconds a flight to a level takes.
pub const LEVEL_FLIGHT_SECONDS: f32 = 0.9;

pub struct CameraPlugin;

impl Plugin for CameraPlugin {
    fn build(&self, app: &mut App) {
        let stage = app.world().resource::<Stage>().clone();
        let view = CameraView::framing(&stage.layout.bounds);
        app.insert_resource(view)
            .insert_resource(Zoom(stage.zoom_scale.zoom_at(view.height)))
            .insert_resource(PixelScale(world_per_pixel(&view, UVec2::new(1920, 1080))))
            .init_resource::<OnScreen>()
            .init_resource::<CameraFlight>()
            .init_resource::<CameraDriver>()
            .init_resource::<controls::Drag>()
            .add_systems(Startup, spawn_camera)
            .add_systems(
                Update,
                (
                    (
                        controls::zoom_with_wheel,
                        controls::pan_with_drag,
                        controls::fly_to_level_keys,
                    )
                        .in_set(AppSystems::ReadInput),
                    (flight::advance_flight, apply_view, measure_view)
                        .chain()
                        .in_set(AppSystems::MoveCamera),
                ),
            );
    }
}

/// Background of the map: a calm, dark slate that makes the colour groups read on a projector.
pub const BACKGROUND: Color = Color::srgb(0.055, 0.078, 0.125);

fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("Map camera"),
        MapCamera,
        Camera2d,
        Camera {
            clear_color: ClearColorConfig::Custom(BACKGROUND),
            ..default()
        },
        Tonemapping::None,
        Msaa::Sample4,
        Projection::Orthographic(OrthographicProjection::default_2d()),
    ));
}

/// Puts the camera where the view says.
fn apply_view(
    view: Res<CameraView>,
    mut camera: Query<(&mut Transform, &mut Projection), With<MapCamera>>,
) {
    for (mut transform, mut projection) in &mut camera {
        transform.translation.x = view.center.x;
        transform.translation.y = view.center.y;
        if let Projection::Orthographic(ortho) = projection.as_mut() {
            ortho.scaling_mode = ScalingMode::AutoMin {
                min_width: view.height * ASPECT,
                min_height: view.height,
            };
            ortho.scale = 1.0;
        }
    }
}

/// Derives the zoom value and pixel size from the view and the render target.
fn measure_view(
    stage: Res<Stage>,
    view: Res<CameraView>,
    camera: Query<&Camera, With<MapCamera>>,
    mut zoom: ResMut<Zoom>,
    mut pixel: ResMut<PixelScale>,
    mut on_screen: ResMut<OnScreen>,
) {
    zoom.set_if_neq(Zoom(stage.zoom_scale.zoom_at(view.height)));
    if let Some(size) = camera.iter().find_map(|c| c.physical_target_size()) {
        let per_pixel = world_per_pixel(&view, size);
        pixel.set_if_neq(PixelScale(per_pixel));
        let center = crate::layout::Point::new(view.center.x, view.center.y);
        on_screen.set_if_neq(OnScreen(crate::sight::Sight::new(
            center,
            (size.x, size.y),
            per_pixel,
        )));
    }
}

/// World units per physical pixel for a target of `size` pixels showing `view`.
pub fn world_per_pixel(view: &CameraView, size: UVec2) -> f32 {
    let (w, h) = (size.x.max(1) as f32, size.y.max(1) as f32);
    // AutoMin: the frame fits; the longer side of the window shows more world.
    (view.height * ASPECT / w).max(view.height / h)
}
