//! How wide text is in a given font, so the layout can size boxes to their labels and
//! wrap descriptions exactly as they will be drawn.

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;

/// Advance widths of a font, in ems (multiply by the font size).
#[derive(Debug, Clone)]
pub struct TextMetrics {
    /// Advances of the printable ASCII range, `' '..='~'`.
    ascii: [f32; 95],
    /// Advances of everything else that was asked about, looked up when built.
    other: std::collections::HashMap<char, f32>,
    fallback: f32,
}

impl TextMetrics {
    /// Reads the advance widths from font file bytes (TTF or OTF). `extra` lists
    /// non-ASCII characters the text will use (→, ’, …).
    pub fn from_font(bytes: &[u8], extra: &str) -> Result<TextMetrics, String> {
        let font = skrifa::FontRef::new(bytes).map_err(|e| format!("cannot read font: {e}"))?;
        let units = f32::from(
            font.head()
                .map_err(|e| format!("font has no head table: {e}"))?
                .units_per_em(),
        );
        let glyphs = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let charmap = font.charmap();
        let advance = |c: char| -> Option<f32> {
            let gid = charmap.map(c)?;
            glyphs.advance_width(gid).map(|a| a / units)
        };
        let fallback = advance('n').unwrap_or(0.55);
        let mut ascii = [fallback; 95];
        for (i, slot) in ascii.iter_mut().enumerate() {
            let c = char::from(b' ' + i as u8);
            *slot = advance(c).unwrap_or(fallback);
        }
        let other = extra
            .chars()
            .filter(|c| !c.is_ascii())
            .map(|c| (c, advance(c).unwrap_or(fallback)))
            .collect();
        Ok(TextMetrics {
            ascii,
            other,
            fallback,
        })
    }

    /// A stand-in where every character is `em` wide, for tests of other parts.
    pub fn monospace(em: f32) -> TextMetrics {
        TextMetrics {
            ascii: [em; 95],
            other: Default::default(),
            fallback: em,
        }
    }

    /// Width of one line of `text` at font size 1.
    pub fn width(&self, text: &str) -> f32 {
        text.chars()
            .map(|c| match c {
                ' '..='~' => self.ascii[c as usize - 32],
                _ => self.other.get(&c).copied().unwrap_or(self.fallback),
            })
            .sum()
    }

    /// Breaks `text` into lines no wider than `max_width` (at font size 1), at spaces,
    /// keeping at most `max_lines`; a cut last line ends with an ellipsis.
    pub fn wrap(&self, text: &str, max_width: f32, max_lines: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut current_width = 0.0;
        let space = self.width(" ");
        for word in text.split_whitespace() {
            let width = self.width(word);
            if current.is_empty() {
                current.push_str(word);
                current_width = width;
            } else if current_width + space + width <= max_width {
                current.push(' ');
                current.push_str(word);
                current_width += space + width;
            } else {
                lines.push(std::mem::take(&mut current));
                if lines.len() > max_lines {
                    // Cut below: what follows is not shown.
                    break;
                }
                current.push_str(word);
                current_width = width;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            let last = lines.last_mut().expect("max_lines > 0");
            while !last.is_empty() && self.width(&format!("{last}…")) > max_width {
                let cut = last.rfind(' ').unwrap_or(0);
                last.truncate(cut);
            }
            last.push('…');
        }
        // A single word wider than the line is shortened too.
        for line in &mut lines {
            while self.width(line) > max_width && line.chars().count() > 1 {
                line.pop();
                line.pop();
                line.push('…');
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_with_an_ellipsis() {
        let m = TextMetrics::monospace(1.0);
        assert_eq!(m.width("abc"), 3.0);
        assert_eq!(m.wrap("one two three", 7.0, 3), ["one two", "three"]);
        assert_eq!(
            m.wrap("one two three four five", 7.0, 2),
            ["one two", "three…"]
        );
        for line in m.wrap("a verylongwordindeed", 6.0, 2) {
            assert!(m.width(&line) <= 6.0, "{line}");
        }
        assert!(m.wrap("", 5.0, 2).is_empty());
    }
}
