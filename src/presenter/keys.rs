//! Which keys mean which command: the keys a presenter's hands already know, and what
//! presentation clickers send (PageUp, PageDown, B or '.').

use bevy::prelude::KeyCode;

use crate::navigation::Command;

/// The command a key stands for, if any.
pub fn command_for(key: KeyCode) -> Option<Command> {
    use KeyCode as K;
    Some(match key {
        K::ArrowRight | K::Space | K::PageDown | K::ArrowDown => Command::Next,
        K::Enter | K::NumpadEnter => Command::Enter,
        K::ArrowLeft | K::PageUp | K::Backspace | K::ArrowUp => Command::Previous,
        K::Home => Command::First,
        K::End => Command::Last,
        K::KeyG => Command::Go,
        K::KeyB | K::Period => Command::Blank,
        K::KeyN => Command::ToggleNotes,
        K::KeyH => Command::ToggleCaptions,
        K::Slash | K::F1 => Command::ToggleHelp,
        _ => return digit(key).map(Command::Digit),
    })
}

fn digit(key: KeyCode) -> Option<u8> {
    use KeyCode as K;
    let keys = [
        (K::Digit0, K::Numpad0),
        (K::Digit1, K::Numpad1),
        (K::Digit2, K::Numpad2),
        (K::Digit3, K::Numpad3),
        (K::Digit4, K::Numpad4),
        (K::Digit5, K::Numpad5),
        (K::Digit6, K::Numpad6),
        (K::Digit7, K::Numpad7),
        (K::Digit8, K::Numpad8),
        (K::Digit9, K::Numpad9),
    ];
    keys.iter()
        .position(|&(a, b)| key == a || key == b)
        .map(|d| d as u8)
}

/// The help overlay's rows: keys and what they do.
pub const HELP: &[(&str, &str)] = &[
    ("→  Space  PageDown  Enter", "next step, then next scene"),
    ("←  PageUp  Backspace", "previous step (plays it back)"),
    ("Home / End", "first / last scene"),
    ("number, then G or Enter", "go to that scene"),
    ("1 2 3 4", "zoom freely to a level; → returns to the talk"),
    ("wheel, drag, slider", "zoom and pan freely"),
    ("B  or  .", "blank the screen (any key restores)"),
    ("N", "speaker notes"),
    ("H", "captions"),
    ("?", "this help"),
    ("F  F11  /  Esc", "fullscreen on and off"),
    ("Ctrl+Q", "quit"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicker_and_keyboard_keys_map_to_commands() {
        assert_eq!(command_for(KeyCode::PageDown), Some(Command::Next));
        assert_eq!(command_for(KeyCode::PageUp), Some(Command::Previous));
        assert_eq!(command_for(KeyCode::KeyB), Some(Command::Blank));
        assert_eq!(command_for(KeyCode::Period), Some(Command::Blank));
        assert_eq!(command_for(KeyCode::Digit7), Some(Command::Digit(7)));
        assert_eq!(command_for(KeyCode::Numpad0), Some(Command::Digit(0)));
        assert_eq!(command_for(KeyCode::Enter), Some(Command::Enter));
        assert_eq!(command_for(KeyCode::KeyZ), None);
    }
}
