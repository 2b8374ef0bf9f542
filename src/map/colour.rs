//! Colours written in maps as `#RRGGBB` hex.

use std::fmt;

/// An sRGB colour with 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    /// Parses `#RRGGBB` (the `#` is required).
    pub fn parse_hex(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hex() {
        let blue = Colour::parse_hex("#3b82f6").unwrap();
        assert_eq!(
            blue,
            Colour {
                r: 0x3B,
                g: 0x82,
                b: 0xF6
            }
        );
        assert_eq!(blue.to_string(), "#3B82F6");
        assert_eq!(Colour::parse_hex("3b82f6"), None);
        assert_eq!(Colour::parse_hex("#3b82f"), None);
        assert_eq!(Colour::parse_hex("#3b82fg"), None);
    }
}
