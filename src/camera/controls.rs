//! Mouse and keys that move the camera: the wheel zooms about the cursor, dragging
//! pans, keys 1–4 fly to a level.

use bevy::input::mouse::{AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::{CameraDriver, CameraFlight, CameraView, LEVEL_FLIGHT_SECONDS, world_per_pixel};
use crate::app::Stage;
use crate::map::Level;

/// A drag in progress: the cursor position it was last seen at.
#[derive(Resource, Debug, Default)]
pub struct Drag(pub Option<Vec2>);

/// The zoom value range the camera may show; a little past each end of the map.
fn clamp_height(stage: &Stage, height: f32) -> f32 {
    let s = &stage.zoom_scale;
    height.clamp(
        s.view_height_of(Level::L4) * 0.5,
        s.view_height_of(Level::L1) * 1.5,
    )
}

/// The world point under a window position.
fn cursor_to_world(view: &CameraView, window: &Window, cursor: Vec2) -> Vec2 {
    let size = UVec2::new(window.physical_width(), window.physical_height());
    let per_pixel = world_per_pixel(view, size) * window.scale_factor();
    let offset = cursor - Vec2::new(window.width(), window.height()) / 2.0;
    view.center + Vec2::new(offset.x, -offset.y) * per_pixel
}

pub(super) fn zoom_with_wheel(
    scroll: Res<AccumulatedMouseScroll>,
    window: Query<&Window, With<PrimaryWindow>>,
    stage: Res<Stage>,
    mut view: ResMut<CameraView>,
    mut flight: ResMut<CameraFlight>,
    mut driver: ResMut<CameraDriver>,
) {
    if scroll.delta.y == 0.0 {
        return;
    }
    *driver = CameraDriver::Free;
    let Ok(window) = window.single() else {
        return;
    };
    let notches = match scroll.unit {
        MouseScrollUnit::Line => scroll.delta.y,
        MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
    };
    flight.0 = None;
    let new_height = clamp_height(&stage, view.height * 0.87f32.powf(notches));
    if let Some(cursor) = window.cursor_position() {
        let anchor = cursor_to_world(&view, window, cursor);
        view.center = anchor + (view.center - anchor) * (new_height / view.height);
    }
    view.height = new_height;
}

pub(super) fn pan_with_drag(
    buttons: Res<ButtonInput<MouseButton>>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut drag: ResMut<Drag>,
    mut view: ResMut<CameraView>,
    mut flight: ResMut<CameraFlight>,
    mut driver: ResMut<CameraDriver>,
) {
    let Ok(window) = window.single() else {
        return;
    };
    let cursor = window.cursor_position();
    if !buttons.pressed(MouseButton::Left) || cursor.is_none() {
        drag.0 = None;
        return;
    }
    let cursor = cursor.expect("checked above");
    if let Some(last) = drag.0 {
        let size = UVec2::new(window.physical_width(), window.physical_height());
        let per_pixel = world_per_pixel(&view, size) * window.scale_factor();
        let moved = cursor - last;
        if moved != Vec2::ZERO {
            flight.0 = None;
            *driver = CameraDriver::Free;
            view.center -= Vec2::new(moved.x, -moved.y) * per_pixel;
        }
    }
    drag.0 = Some(cursor);
}

pub(super) fn fly_to_level_keys(
    keys: Res<ButtonInput<KeyCode>>,
    stage: Res<Stage>,
    view: Res<CameraView>,
    mut flight: ResMut<CameraFlight>,
    mut driver: ResMut<CameraDriver>,
) {
    let pressed = [
        (KeyCode::Digit1, Level::L1),
        (KeyCode::Digit2, Level::L2),
        (KeyCode::Digit3, Level::L3),
        (KeyCode::Digit4, Level::L4),
    ]
    .into_iter()
    .find(|(key, _)| keys.just_pressed(*key));
    if let Some((_, level)) = pressed {
        let target = level_view(&stage, &view, level);
        *driver = CameraDriver::Free;
        flight.start(*view, target, LEVEL_FLIGHT_SECONDS);
    }
}

/// The view that shows `level`: all of L1, or the level's typical frame size around
/// the current centre (kept inside the map).
pub fn level_view(stage: &Stage, view: &CameraView, level: Level) -> CameraView {
    if level == Level::L1 {
        return CameraView::framing(&stage.layout.bounds);
    }
    let bounds = stage.layout.bounds;
    let height = stage.zoom_scale.view_height_of(level);
    let center = Vec2::new(
        view.center.x.clamp(bounds.left(), bounds.right()),
        view.center.y.clamp(bounds.bottom(), bounds.top()),
    );
    CameraView { center, height }
}
