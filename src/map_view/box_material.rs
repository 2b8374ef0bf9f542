//! The material every node box and frame is drawn with: a rounded rectangle computed
//! per pixel (a signed distance), so corners and borders stay crisp at any zoom and
//! a box can grow into its frame without rebuilding a mesh.

use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, ShaderType};
use bevy::shader::ShaderRef;
use bevy::sprite_render::{AlphaMode2d, Material2d};

/// Where the shader is embedded (see `MapViewPlugin`).
pub const SHADER_PATH: &str = "embedded://legend_present/map_view/box.wgsl";

#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct BoxMaterial {
    #[uniform(0)]
    pub params: BoxParams,
}

#[derive(ShaderType, Debug, Clone, Copy, Default, PartialEq)]
pub struct BoxParams {
    pub fill: LinearRgba,
    pub border: LinearRgba,
    /// Half width, half height, corner radius, border width (world units).
    pub shape: Vec4,
    /// Half size of the quad the box is drawn on (slightly larger than the box), glow
    /// width (world units), unused.
    pub quad: Vec4,
    /// The halo around a highlighted box (colour and strength in alpha).
    pub glow: LinearRgba,
}

impl Material2d for BoxMaterial {
    fn fragment_shader() -> ShaderRef {
        SHADER_PATH.into()
    }

    fn alpha_mode(&self) -> AlphaMode2d {
        AlphaMode2d::Blend
    }
}

/// Parameters for a box of `size` with `corner` radius and `border` width, drawn on a
/// quad `margin` larger on every side.
pub fn box_params(
    size: Vec2,
    corner: f32,
    border: f32,
    margin: f32,
    fill: LinearRgba,
    edge: LinearRgba,
) -> BoxParams {
    BoxParams {
        fill,
        border: edge,
        shape: Vec4::new(
            size.x / 2.0,
            size.y / 2.0,
            corner.min(size.x / 2.0).min(size.y / 2.0),
            border,
        ),
        quad: Vec4::new(size.x / 2.0 + margin, size.y / 2.0 + margin, 0.0, 0.0),
        glow: LinearRgba::NONE,
    }
}

impl BoxParams {
    /// Adds a halo `width` wide outside the box; the quad must have room for it.
    pub fn with_glow(mut self, colour: LinearRgba, width: f32) -> BoxParams {
        self.glow = colour;
        self.quad.z = width;
        self
    }
}
