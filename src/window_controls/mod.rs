//! Window keys a presenter expects: F or F11 toggles borderless fullscreen on the
//! current monitor, Esc leaves fullscreen, Ctrl+Q quits.

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};

use crate::app::AppSystems;

pub struct WindowControlsPlugin;

impl Plugin for WindowControlsPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(
            Update,
            (toggle_fullscreen, quit).in_set(AppSystems::ReadInput),
        );
    }
}

/// The window mode after a key press, or `None` when the key does not change it.
pub fn next_mode(current: WindowMode, key: KeyCode) -> Option<WindowMode> {
    let fullscreen = !matches!(current, WindowMode::Windowed);
    match key {
        KeyCode::KeyF | KeyCode::F11 if fullscreen => Some(WindowMode::Windowed),
        KeyCode::KeyF | KeyCode::F11 => {
            Some(WindowMode::BorderlessFullscreen(MonitorSelection::Current))
        }
        KeyCode::Escape if fullscreen => Some(WindowMode::Windowed),
        _ => None,
    }
}

fn toggle_fullscreen(
    keys: Res<ButtonInput<KeyCode>>,
    mut window: Query<&mut Window, With<PrimaryWindow>>,
) {
    let Ok(mut window) = window.single_mut() else {
        return;
    };
    for &key in keys.get_just_pressed() {
        if let Some(mode) = next_mode(window.mode, key) {
            window.mode = mode;
        }
    }
}

fn quit(keys: Res<ButtonInput<KeyCode>>, mut exit: MessageWriter<AppExit>) {
    let control = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if control && keys.just_pressed(KeyCode::KeyQ) {
        exit.write(AppExit::Success);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f_toggles_and_escape_only_leaves_fullscreen() {
        let full = WindowMode::BorderlessFullscreen(MonitorSelection::Current);
        assert_eq!(next_mode(WindowMode::Windowed, KeyCode::KeyF), Some(full));
        assert_eq!(next_mode(WindowMode::Windowed, KeyCode::F11), Some(full));
        assert_eq!(next_mode(full, KeyCode::KeyF), Some(WindowMode::Windowed));
        assert_eq!(next_mode(full, KeyCode::Escape), Some(WindowMode::Windowed));
        assert_eq!(next_mode(WindowMode::Windowed, KeyCode::Escape), None);
        assert_eq!(next_mode(WindowMode::Windowed, KeyCode::KeyA), None);
    }
}
