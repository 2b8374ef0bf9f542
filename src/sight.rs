//! What part of the world plane is on screen, and whether a box, a curve or a label
//! falls in it. The renderer leaves everything outside alone (hidden, not updated), so
//! a frame costs what is on screen, not what the map holds.

use crate::layout::{Point, Rect, Route};

/// The world rectangle a render target of `pixels` (width, height) shows around
/// `center` when `per_pixel` world units fall on one pixel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sight {
    pub area: Rect,
}

impl Sight {
    pub fn new(center: Point, pixels: (u32, u32), per_pixel: f32) -> Sight {
        let (w, h) = (pixels.0.max(1) as f32, pixels.1.max(1) as f32);
        Sight {
            area: Rect::new(center, w * per_pixel, h * per_pixel),
        }
    }

    /// A sight that sees everything (before the first frame is measured).
    pub fn everything() -> Sight {
        Sight {
            area: Rect::new(Point::default(), f32::INFINITY, f32::INFINITY),
        }
    }

    /// Whether any of `rect`, grown by `margin` on every side, is on screen.
    pub fn sees(&self, rect: &Rect, margin: f32) -> bool {
        let r = rect.inset(-margin);
        r.left() <= self.area.right()
            && self.area.left() <= r.right()
            && r.bottom() <= self.area.top()
            && self.area.bottom() <= r.top()
    }

    /// Whether any of a route (drawn `margin` thick, arrowhead included) is on screen.
    /// A Bézier curve stays inside the box of its control points.
    pub fn sees_route(&self, route: &Route, margin: f32) -> bool {
        let Some(&first) = route.points.first() else {
            return false;
        };
        let (lo, hi) = route.points.iter().fold((first, first), |(lo, hi), p| {
            (
                Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                Point::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        });
        self.sees(&Rect::from_corners(lo, hi), margin)
    }
}

impl Default for Sight {
    fn default() -> Self {
        Sight::everything()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Side;

    fn sight() -> Sight {
        // 200 × 100 pixels at 0.5 world units each: x −50..50, y −25..25.
        Sight::new(Point::new(0.0, 0.0), (200, 100), 0.5)
    }

    #[test]
    fn boxes_on_off_and_across_the_edge_of_the_screen() {
        let s = sight();
        assert!(s.sees(&Rect::new(Point::new(0.0, 0.0), 4.0, 4.0), 0.0));
        assert!(s.sees(&Rect::new(Point::new(51.0, 0.0), 4.0, 4.0), 0.0));
        assert!(!s.sees(&Rect::new(Point::new(60.0, 0.0), 4.0, 4.0), 0.0));
        assert!(!s.sees(&Rect::new(Point::new(0.0, -40.0), 4.0, 4.0), 0.0));
        // A glow reaching in from outside counts.
        assert!(s.sees(&Rect::new(Point::new(0.0, -30.0), 4.0, 4.0), 4.0));
    }

    #[test]
    fn a_curve_counts_when_its_bend_passes_through_the_screen() {
        let s = sight();
        let far_apart = Route::through(
            Point::new(-200.0, 0.0),
            Side::Right,
            &[Point::new(0.0, 10.0)],
            Point::new(200.0, 0.0),
            Side::Left,
            5.0,
        );
        assert!(s.sees_route(&far_apart, 0.0));
        let above = far_apart.translated(Point::new(0.0, 100.0));
        assert!(!s.sees_route(&above, 0.0));
    }

    #[test]
    fn everything_sees_everything() {
        let s = Sight::everything();
        assert!(s.sees(&Rect::new(Point::new(1e9, -1e9), 1.0, 1.0), 0.0));
    }
}
