//! The material edges are drawn with: a flat colour, and on lit edges dashes that
//! flow from caller to callee.

use bevy::prelude::*;
use bevy::render::render_resource::{AsBindGroup, ShaderType};
use bevy::shader::ShaderRef;
use bevy::sprite_render::{AlphaMode2d, Material2d};

pub const SHADER_PATH: &str = "embedded://legend_present/map_view/edge.wgsl";

#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct EdgeMaterial {
    #[uniform(0)]
    pub params: EdgeParams,
}

#[derive(ShaderType, Debug, Clone, Copy, Default, PartialEq)]
pub struct EdgeParams {
    pub colour: LinearRgba,
    /// Dash period (world units), phase (periods flowed), strength (0 none, 1 full), unused.
    pub flow: Vec4,
}

impl Material2d for EdgeMaterial {
    fn fragment_shader() -> ShaderRef {
        SHADER_PATH.into()
    }

    fn alpha_mode(&self) -> AlphaMode2d {
        AlphaMode2d::Blend
    }
}
