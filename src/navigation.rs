//! What a presenter's key presses mean, independent of which keys they are: the
//! commands, and the scene number typed before G or Enter.

/// Everything a presenter can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Next,
    Previous,
    First,
    Last,
    /// A digit typed, towards a scene number (1–4 also zoom freely: the camera sees those keys).
    Digit(u8),
    /// Jump to the scene number typed (G, or Enter after digits).
    Go,
    /// Enter: jump when a number is typed, else next.
    Enter,
    Blank,
    ToggleNotes,
    ToggleCaptions,
    ToggleHelp,
}

/// The scene number being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumberEntry {
    digits: String,
}

impl NumberEntry {
    pub fn push(&mut self, digit: u8) {
        if self.digits.len() < 4 {
            self.digits.push(char::from(b'0' + digit.min(9)));
        }
    }

    /// What has been typed so far, for the overlay.
    pub fn typed(&self) -> Option<&str> {
        (!self.digits.is_empty()).then_some(self.digits.as_str())
    }

    /// The 0-based scene index typed (scenes are numbered from 1), clearing the entry.
    pub fn take(&mut self, scene_count: usize) -> Option<usize> {
        let number: usize = std::mem::take(&mut self.digits).parse().ok()?;
        (1..=scene_count).contains(&number).then(|| number - 1)
    }

    pub fn clear(&mut self) {
        self.digits.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_name_scenes_from_one() {
        let mut entry = NumberEntry::default();
        assert_eq!(entry.typed(), None);
        entry.push(1);
        entry.push(2);
        assert_eq!(entry.typed(), Some("12"));
        assert_eq!(entry.take(33), Some(11));
        assert_eq!(entry.typed(), None);
        entry.push(4);
        entry.push(0);
        assert_eq!(entry.take(33), None, "there is no scene 40");
        entry.push(0);
        assert_eq!(entry.take(33), None, "scene 0 does not exist");
    }
}
