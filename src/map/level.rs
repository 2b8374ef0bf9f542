//! The four zoom levels of a C4-style map.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A zoom level: L1 Context, L2 System/Container, L3 Module/Component, L4 File.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Level {
    L1,
    L2,
    L3,
    L4,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::L1, Level::L2, Level::L3, Level::L4];

    /// 1 to 4.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// Its place in [`Level::ALL`], 0 for L1: for tables with one entry a level.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name the zoom slider shows.
    pub fn name(self) -> &'static str {
        match self {
            Level::L1 => "Context",
            Level::L2 => "System",
            Level::L3 => "Module",
            Level::L4 => "File",
        }
    }

    /// The level whose nodes contain this level's nodes.
    pub fn above(self) -> Option<Level> {
        match self {
            Level::L1 => None,
            Level::L2 => Some(Level::L1),
            Level::L3 => Some(Level::L2),
            Level::L4 => Some(Level::L3),
        }
    }

    /// The level this level's nodes open into.
    pub fn below(self) -> Option<Level> {
        match self {
            Level::L1 => Some(Level::L2),
            Level::L2 => Some(Level::L3),
            Level::L3 => Some(Level::L4),
            Level::L4 => None,
        }
    }

    pub fn from_number(number: u8) -> Option<Level> {
        Level::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "L{}", self.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_know_their_neighbours() {
        assert_eq!(Level::L1.above(), None);
        assert_eq!(Level::L3.above(), Some(Level::L2));
        assert_eq!(Level::L3.below(), Some(Level::L4));
        assert_eq!(Level::L4.below(), None);
        assert_eq!(Level::from_number(2), Some(Level::L2));
        assert_eq!(Level::from_number(0), None);
        assert_eq!(Level::from_number(5), None);
        assert_eq!(Level::L4.to_string(), "L4");
        assert_eq!(Level::L2.name(), "System");
    }
}
