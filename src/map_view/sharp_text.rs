//! Keeps text sharp at any zoom: each label is rasterised at the size it appears on
//! screen and scaled back to its world size, and hidden when too small to read.

use bevy::prelude::*;
use bevy::text::{FontAtlasSet, FontSize, TextFont};

use crate::app::GlyphsAfresh;
use crate::camera::{CameraView, MapCamera, world_per_pixel};

/// A text entity whose size is given in world units.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct SharpText {
    pub world_size: f32,
    /// Below this many pixels the text is hidden.
    pub min_pixels: f32,
    /// Whether the morph wants it shown at all.
    pub visible: bool,
}

impl SharpText {
    pub fn new(world_size: f32, min_pixels: f32) -> SharpText {
        SharpText {
            world_size,
            min_pixels,
            visible: true,
        }
    }
}

/// The size text is rasterised at for a screen size: whole pixels up to 12, then a
/// ladder of sizes 6% apart. Every size gets its own glyph atlas, so a continuous zoom
/// (or a long export) must reuse a small set of sizes or memory grows with every
/// frame; a glyph drawn at most 3% off its size stays sharp.
pub fn raster_size(pixels: f32) -> f32 {
    const STEP: f32 = 1.06;
    let pixels = pixels.clamp(1.0, 512.0);
    if pixels <= 12.0 {
        return pixels.round();
    }
    let k = (pixels / 12.0).ln() / STEP.ln();
    (12.0 * STEP.powf(k.round())).round()
}

/// Screen size of text, in pixels, for a world size.
pub fn pixel_size(world_size: f32, world_per_pixel: f32) -> f32 {
    world_size / world_per_pixel
}

pub(super) fn rasterise_at_screen_size(
    view: Res<CameraView>,
    camera: Query<&Camera, With<MapCamera>>,
    mut texts: Query<(&SharpText, &mut TextFont, &mut Transform, &mut Visibility)>,
    afresh: Option<Res<GlyphsAfresh>>,
    mut atlases: ResMut<FontAtlasSet>,
) {
    let Some(size) = camera.iter().find_map(|c| c.physical_target_size()) else {
        return;
    };
    let afresh = afresh.is_some();
    if afresh {
        atlases.clear();
    }
    let per_pixel = world_per_pixel(&view, size);
    for (sharp, mut font, mut transform, mut visibility) in &mut texts {
        let pixels = pixel_size(sharp.world_size, per_pixel);
        let shown = sharp.visible && pixels.is_finite() && pixels >= sharp.min_pixels;
        visibility.set_if_neq(if shown {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
        if !shown {
            continue;
        }
        let rasterised = raster_size(pixels);
        if font.font_size != FontSize::Px(rasterised) {
            font.font_size = FontSize::Px(rasterised);
        } else if afresh {
            // Laid out again, into the atlases cleared above.
            font.set_changed();
        }
        let scale = sharp.world_size / rasterised;
        transform.scale = Vec3::new(scale, scale, 1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::raster_size;

    #[test]
    fn raster_sizes_are_close_and_few() {
        let mut sizes = std::collections::BTreeSet::new();
        for tenth in 10..5120 {
            let px = tenth as f32 / 10.0;
            let r = raster_size(px);
            assert!((r - px).abs() <= 0.5 + px * 0.031, "{px} -> {r}");
            sizes.insert(r as u32);
        }
        assert!(sizes.len() < 90, "{} sizes", sizes.len());
    }
}
