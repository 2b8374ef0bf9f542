//! What every feature plugin shares: the system sets that order each frame, the map
//! on stage with its layout, and the plugin group that composes the features.

use bevy::prelude::*;

use crate::layout::{Layout, TextMetrics};
use crate::map::Map;
use crate::zoom::ZoomScale;

/// The order of work in a frame; every feature joins one of these sets.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Keys, mouse and overlay widgets become intentions (a camera target, a command).
    ReadInput,
    /// The talk moves on in time and says what the picture must be.
    AdvanceScript,
    /// The camera moves towards its target (eased flights, read from `Time`).
    MoveCamera,
    /// Nodes and edges take the shape the camera's zoom asks for.
    Morph,
    /// Text is re-rasterised for the current scale; the overlay is drawn.
    Present,
}

/// The map being shown and everything derived from it once.
#[derive(Resource, Clone)]
pub struct Stage {
    pub map: Map,
    pub layout: Layout,
    pub zoom_scale: ZoomScale,
    pub metrics: TextMetrics,
}

/// Present where a frame's pixels must depend on nothing drawn before it (an export,
/// which may resume part-way): the glyphs of the map's labels and of the overlay are
/// rasterised afresh each frame. Otherwise where a glyph lands in its atlas follows the
/// order glyphs were first needed, and text drawn between whole pixels samples the atlas
/// with rounding that follows that place.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct GlyphsAfresh;

/// The fonts shipped with the app, embedded in the binary.
pub mod fonts {
    pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/Inter-Regular.otf");
    pub const SEMIBOLD: &[u8] = include_bytes!("../assets/fonts/Inter-SemiBold.otf");
}

impl Stage {
    /// Lays out a map with the shipped font's metrics.
    pub fn new(map: Map) -> Stage {
        let metrics = Stage::metrics_for(&map);
        let layout = Layout::compute(&map, &metrics);
        let zoom_scale = ZoomScale::new(layout.anchors);
        Stage {
            map,
            layout,
            zoom_scale,
            metrics,
        }
    }

    /// The shipped font's metrics for every character the map's text uses.
    pub fn metrics_for(map: &Map) -> TextMetrics {
        let extra: String = map
            .nodes
            .iter()
            .flat_map(|n| n.label.chars().chain(n.description.chars()))
            .chain(map.edges.iter().flat_map(|e| e.label.chars()))
            .filter(|c| !c.is_ascii())
            .collect();
        TextMetrics::from_font(fonts::SEMIBOLD, &extra).expect("the shipped font is valid")
    }
}

/// Orders the sets; each feature plugin adds its systems to them.
pub struct AppSystemsPlugin;

impl Plugin for AppSystemsPlugin {
    fn build(&self, app: &mut App) {
        app.configure_sets(
            Update,
            (
                AppSystems::ReadInput,
                AppSystems::AdvanceScript,
                AppSystems::MoveCamera,
                AppSystems::Morph,
                AppSystems::Present,
            )
                .chain(),
        );
    }
}
