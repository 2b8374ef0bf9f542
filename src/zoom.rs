//! Continuous semantic zoom: what the picture shows at a given camera height. The
//! zoom value runs from 1.0 (L1 fully shown) to 4.0 (L4); between two levels the
//! parents open into frames while their children fade in.

use crate::map::Level;

/// Maps camera view heights (world units) to zoom values and back, through the view
/// height at which each level is fully shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoomScale {
    /// Strictly decreasing view heights for L1..L4.
    anchors: [f32; 4],
}

/// Zoom values between `k` and `k + OPEN_START` show level `k` settled; the morph
/// into level `k + 1` runs from there to `k + OPEN_END`.
pub const OPEN_START: f32 = 0.35;
pub const OPEN_END: f32 = 0.65;

impl ZoomScale {
    pub fn new(anchors: [f32; 4]) -> ZoomScale {
        ZoomScale { anchors }
    }

    /// The zoom value (1.0–4.0) of a camera showing `view_height` world units.
    pub fn zoom_at(&self, view_height: f32) -> f32 {
        let a = &self.anchors;
        if view_height >= a[0] {
            return 1.0;
        }
        for k in 0..3 {
            if view_height >= a[k + 1] {
                let t = (a[k] / view_height).ln() / (a[k] / a[k + 1]).ln();
                return k as f32 + 1.0 + t;
            }
        }
        4.0
    }

    /// The view height that shows zoom value `zoom` (clamped to 1.0–4.0).
    pub fn view_height_at(&self, zoom: f32) -> f32 {
        let zoom = zoom.clamp(1.0, 4.0);
        let k = ((zoom - 1.0).floor() as usize).min(2);
        let t = zoom - 1.0 - k as f32;
        let a = &self.anchors;
        a[k] * (a[k + 1] / a[k]).powf(t)
    }

    /// The view height at which a level is fully shown.
    pub fn view_height_of(&self, level: Level) -> f32 {
        self.anchors[level.index()]
    }
}

fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// How far nodes of `level` that have children have opened into frames (0 closed, 1 open).
pub fn open_progress(level: Level, zoom: f32) -> f32 {
    let k = f32::from(level.number());
    smoothstep(k + OPEN_START, k + OPEN_END, zoom)
}

/// How visible nodes of `level` are: L1 always; deeper levels as their parents open.
pub fn node_opacity(level: Level, zoom: f32) -> f32 {
    level
        .above()
        .map_or(1.0, |above| open_progress(above, zoom))
}

/// How visible the edges of `level` are: they fade in with their nodes and fade out
/// as those nodes open, handing over to the edges of the level below.
pub fn edge_opacity(level: Level, zoom: f32) -> f32 {
    let closing = if level == Level::L4 {
        0.0
    } else {
        open_progress(level, zoom)
    };
    node_opacity(level, zoom) * (1.0 - closing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_and_view_height_are_inverse() {
        let scale = ZoomScale::new([1000.0, 300.0, 80.0, 20.0]);
        assert_eq!(scale.zoom_at(1000.0), 1.0);
        assert_eq!(scale.zoom_at(5000.0), 1.0);
        assert!((scale.zoom_at(300.0) - 2.0).abs() < 1e-5);
        assert!((scale.zoom_at(20.0) - 4.0).abs() < 1e-5);
        assert_eq!(scale.zoom_at(1.0), 4.0);
        for z in [1.0, 1.3, 2.0, 2.5, 3.9, 4.0] {
            let back = scale.zoom_at(scale.view_height_at(z));
            assert!((back - z).abs() < 1e-4, "{z} -> {back}");
        }
        assert_eq!(scale.view_height_of(Level::L3), 80.0);
    }

    #[test]
    fn a_level_hands_over_to_the_next() {
        assert_eq!(node_opacity(Level::L1, 1.0), 1.0);
        assert_eq!(node_opacity(Level::L2, 1.0), 0.0);
        assert_eq!(node_opacity(Level::L2, 2.0), 1.0);
        assert_eq!(edge_opacity(Level::L2, 2.0), 1.0);
        assert_eq!(edge_opacity(Level::L1, 2.0), 0.0);
        // Halfway between L2 and L3: L2 frames half open, L3 half visible.
        assert!((open_progress(Level::L2, 2.5) - 0.5).abs() < 1e-6);
        assert!((node_opacity(Level::L3, 2.5) - 0.5).abs() < 1e-6);
        assert!((edge_opacity(Level::L2, 2.5) - 0.5).abs() < 1e-6);
        // L4 edges never close.
        assert_eq!(edge_opacity(Level::L4, 4.0), 1.0);
    }
}
