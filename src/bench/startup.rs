//! Start-up to the first presented frame: a plugin that reads back the window's first
//! frame (so it has been drawn and presented), says so on standard output and quits;
//! and the bare Bevy app it is compared with, which opens a window and clears it.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::window::WindowResolution;

/// The line a child prints once its first frame is on screen.
pub const FIRST_FRAME: &str = "first frame presented";

/// Quits after the first frame of the primary window has been presented.
pub struct FirstFramePlugin;

impl Plugin for FirstFramePlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(PostStartup, ask_for_first_frame);
    }
}

fn ask_for_first_frame(mut commands: Commands) {
    commands
        .spawn(Screenshot::primary_window())
        .observe(first_frame_seen);
}

fn first_frame_seen(_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>) {
    println!("{FIRST_FRAME} peak_mib={}", super::peak_memory_mib());
    exit.write(AppExit::Success);
}

/// The smallest Bevy app with the same window and renderer: a camera clearing the window.
pub fn run_bare() {
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "bare".into(),
                resolution: WindowResolution::new(1600, 900),
                ..default()
            }),
            ..default()
        }))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_plugins(FirstFramePlugin)
        .run();
}
