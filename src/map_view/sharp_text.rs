//! Keeps text sharp at any zoom: each label is rasterised at the size it appears on
//! screen and scaled back to its world size, and hidden when too small to read.

use bevy::prelude::*;
use bevy::text::{FontSize, TextFont};

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

/// Screen size of text, in pixels, for a world size.
pub fn pixel_size(world_size: f32, world_per_pixel: f32) -> f32 {
    world_size / world_per_pixel
}

pub(super) fn rasterise_at_screen_size(
    view: Res<CameraView>,
    camera: Query<&Camera, With<MapCamera>>,
    mut texts: Query<(&SharpText, &mut TextFont, &mut Transform, &mut Visibility)>,
) {
    let Some(size) = camera.iter().find_map(|c| c.physical_target_size()) else {
        return;
    };
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
        // Whole pixels keep the glyph atlas small while zooming.
        let rasterised = pixels.round().clamp(1.0, 512.0);
        if font.font_size != FontSize::Px(rasterised) {
            font.font_size = FontSize::Px(rasterised);
        }
        let scale = sharp.world_size / rasterised;
        transform.scale = Vec3::new(scale, scale, 1.0);
    }
}
