//! Colours of the map: each group's colour as a box, a frame and a header, on the
//! dark background, plus the neutral colours of edges and text.

use bevy::prelude::*;

use crate::map::Colour;

pub fn group_colour(c: Colour) -> LinearRgba {
    Color::srgb_u8(c.r, c.g, c.b).to_linear()
}

fn mix(a: LinearRgba, b: LinearRgba, t: f32) -> LinearRgba {
    LinearRgba::new(
        a.red + (b.red - a.red) * t,
        a.green + (b.green - a.green) * t,
        a.blue + (b.blue - a.blue) * t,
        a.alpha + (b.alpha - a.alpha) * t,
    )
}

pub fn background() -> LinearRgba {
    crate::camera::BACKGROUND.to_linear()
}

/// A closed box: the group colour, a touch deeper so white labels read well.
pub fn box_fill(c: Colour) -> LinearRgba {
    mix(group_colour(c), background(), 0.22)
}

/// An open frame: a faint wash of the group colour.
pub fn frame_fill(c: Colour) -> LinearRgba {
    group_colour(c).with_alpha(0.07)
}

/// The outline of boxes and frames.
pub fn border(c: Colour) -> LinearRgba {
    mix(group_colour(c), LinearRgba::WHITE, 0.25)
}

/// The label as a frame header: the group colour, lightened.
pub fn header_text(c: Colour) -> LinearRgba {
    mix(group_colour(c), LinearRgba::WHITE, 0.55)
}

pub fn label_text() -> LinearRgba {
    LinearRgba::WHITE
}

pub fn description_text() -> LinearRgba {
    LinearRgba::WHITE.with_alpha(0.82)
}

pub fn edge() -> LinearRgba {
    Color::srgb_u8(0x9A, 0xA8, 0xBD).to_linear()
}

pub fn edge_label_text() -> LinearRgba {
    Color::srgb_u8(0xCB, 0xD5, 0xE1).to_linear()
}

/// Blends between two colours (`t` 0 gives `a`).
pub fn blend(a: LinearRgba, b: LinearRgba, t: f32) -> LinearRgba {
    mix(a, b, t)
}

/// Lit edges and halos: amber, apart from every group colour.
pub fn highlight() -> LinearRgba {
    Color::srgb_u8(0xFB, 0xBF, 0x24).to_linear()
}

/// The halo around a highlighted box: its own colour, lightened.
pub fn glow(c: Colour) -> LinearRgba {
    mix(group_colour(c), LinearRgba::WHITE, 0.35)
}

/// How much of a dimmed node or edge remains.
pub const DIMMED: f32 = 0.28;
