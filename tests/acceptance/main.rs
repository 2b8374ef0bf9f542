//! The one integration-test crate: each module tests one feature from the outside.

mod broken_files;
mod check_command;
mod controls;
mod daytona_content;
mod deck_semantics;
mod export;
mod layout;
mod rendering;
mod talk;

use std::path::PathBuf;

/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A bare app for testing input: no renderer, fixed 60 fps time, fake keyboard and
/// mouse, a 1600×900 window and the stage. Add the plugins under test, then update.
pub fn bare_app(stage: legend_present::app::Stage) -> bevy::app::App {
    use bevy::input::mouse::AccumulatedMouseScroll;
    use bevy::prelude::*;
    use bevy::time::TimeUpdateStrategy;
    use bevy::window::{PrimaryWindow, WindowResolution};
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .insert_resource(TimeUpdateStrategy::ManualDuration(
            std::time::Duration::from_secs_f64(1.0 / 60.0),
        ))
        .init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .init_resource::<AccumulatedMouseScroll>()
        .add_message::<AppExit>()
        .insert_resource(stage);
    app.world_mut().spawn((
        Window {
            resolution: WindowResolution::new(1600, 900),
            ..default()
        },
        PrimaryWindow,
    ));
    app
}

/// Taps a key for one frame.
pub fn tap(app: &mut bevy::app::App, key: bevy::input::keyboard::KeyCode) {
    use bevy::input::ButtonInput;
    use bevy::input::keyboard::KeyCode;
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release(key);
    keys.clear();
}
