//! The presenter's controls on a bare app (no renderer): keys 1–4 fly the camera to
//! a level, the wheel zooms about the cursor, dragging pans, F/F11/Esc switch
//! fullscreen, Ctrl+Q quits. Time is stepped exactly.

use bevy::input::mouse::{AccumulatedMouseScroll, MouseScrollUnit};
use bevy::math::DVec2;
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowMode};
use legend_present::app::{AppSystemsPlugin, Stage};
use legend_present::camera::{CameraFlight, CameraPlugin, CameraView, LEVEL_FLIGHT_SECONDS, Zoom};
use legend_present::map::Map;
use legend_present::window_controls::WindowControlsPlugin;

use crate::{bare_app, repo, tap};

/// The frame rate `bare_app` steps time at.
const FPS: f64 = 60.0;

fn app() -> App {
    let stage = Stage::new(Map::load(&repo("assets/daytona/architecture.ron")).unwrap());
    let mut app = bare_app(stage);
    app.add_plugins((AppSystemsPlugin, CameraPlugin, WindowControlsPlugin));
    app.update();
    app
}

fn run_for(app: &mut App, seconds: f32) {
    for _ in 0..(seconds * FPS as f32).ceil() as usize {
        app.update();
    }
}

fn view(app: &App) -> CameraView {
    *app.world().resource::<CameraView>()
}

fn zoom(app: &App) -> f32 {
    app.world().resource::<Zoom>().0
}

#[test]
fn keys_one_to_four_fly_to_each_level_with_an_eased_move() {
    let mut app = app();
    assert!((zoom(&app) - 1.0).abs() < 1e-4, "starts at L1");
    for (key, level) in [
        (KeyCode::Digit3, 3.0),
        (KeyCode::Digit2, 2.0),
        (KeyCode::Digit4, 4.0),
        (KeyCode::Digit1, 1.0),
    ] {
        let before = view(&app);
        tap(&mut app, key);
        assert!(
            app.world().resource::<CameraFlight>().0.is_some(),
            "{key:?} starts a flight"
        );
        // Part-way the camera is between where it was and where it goes.
        run_for(&mut app, LEVEL_FLIGHT_SECONDS / 2.0);
        let middle = zoom(&app);
        run_for(&mut app, LEVEL_FLIGHT_SECONDS);
        assert!(
            (zoom(&app) - level).abs() < 1e-3,
            "{key:?}: zoom {}",
            zoom(&app)
        );
        let from = app
            .world()
            .resource::<Stage>()
            .zoom_scale
            .zoom_at(before.height);
        assert!(
            (middle - from) * (level - middle) > 0.0,
            "{key:?}: halfway zoom {middle} not between {from} and {level}"
        );
        assert!(app.world().resource::<CameraFlight>().0.is_none());
    }
}

#[test]
fn the_wheel_zooms_about_the_cursor_and_dragging_pans() {
    let mut app = app();
    // The cursor over a point left of centre.
    let cursor = Vec2::new(400.0, 300.0);
    let world_under = |app: &mut App| {
        let v = view(app);
        let per = legend_present::camera::world_per_pixel(&v, UVec2::new(1600, 900));
        let offset = cursor - Vec2::new(800.0, 450.0);
        v.center + Vec2::new(offset.x, -offset.y) * per
    };
    {
        let mut windows = app
            .world_mut()
            .query_filtered::<&mut Window, With<PrimaryWindow>>();
        let mut window = windows.single_mut(app.world_mut()).unwrap();
        window.set_physical_cursor_position(Some(DVec2::new(
            f64::from(cursor.x),
            f64::from(cursor.y),
        )));
    }
    let before = world_under(&mut app);
    let height = view(&app).height;
    *app.world_mut().resource_mut::<AccumulatedMouseScroll>() = AccumulatedMouseScroll {
        unit: MouseScrollUnit::Line,
        delta: Vec2::new(0.0, 3.0),
    };
    app.update();
    *app.world_mut().resource_mut::<AccumulatedMouseScroll>() = AccumulatedMouseScroll::default();
    assert!(view(&app).height < height * 0.8, "zoomed in");
    let after = world_under(&mut app);
    assert!(
        (after - before).length() < height * 1e-4,
        "the point under the cursor moved: {before} -> {after}"
    );

    // Drag 100 px to the right: the view moves left by 100 px worth of world.
    let start = view(&app).center;
    let per = legend_present::camera::world_per_pixel(&view(&app), UVec2::new(1600, 900));
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    app.update();
    {
        let mut windows = app
            .world_mut()
            .query_filtered::<&mut Window, With<PrimaryWindow>>();
        let mut window = windows.single_mut(app.world_mut()).unwrap();
        window.set_physical_cursor_position(Some(DVec2::new(
            f64::from(cursor.x) + 100.0,
            f64::from(cursor.y),
        )));
    }
    app.update();
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .release(MouseButton::Left);
    app.update();
    let moved = view(&app).center - start;
    assert!(
        (moved.x + 100.0 * per).abs() < per * 0.5 && moved.y.abs() < per * 0.5,
        "moved {moved}"
    );
}

#[test]
fn f_and_f11_toggle_fullscreen_escape_leaves_it_and_ctrl_q_quits() {
    let mut app = app();
    let mode = |app: &mut App| {
        let mut windows = app
            .world_mut()
            .query_filtered::<&Window, With<PrimaryWindow>>();
        windows.single(app.world()).unwrap().mode
    };
    tap(&mut app, KeyCode::KeyF);
    assert!(matches!(
        mode(&mut app),
        WindowMode::BorderlessFullscreen(_)
    ));
    tap(&mut app, KeyCode::Escape);
    assert_eq!(mode(&mut app), WindowMode::Windowed);
    tap(&mut app, KeyCode::F11);
    assert!(matches!(
        mode(&mut app),
        WindowMode::BorderlessFullscreen(_)
    ));
    tap(&mut app, KeyCode::F11);
    assert_eq!(mode(&mut app), WindowMode::Windowed);

    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::ControlLeft);
    tap(&mut app, KeyCode::KeyQ);
    let exits = app.world().resource::<Messages<AppExit>>();
    assert!(
        exits
            .iter_current_update_messages()
            .any(|e| *e == AppExit::Success),
        "Ctrl+Q did not quit"
    );
}
