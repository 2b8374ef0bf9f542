//! Points and rectangles in the world plane (y grows upwards, as on screen in Bevy).

use std::ops::{Add, Mul, Sub};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    pub fn length(self) -> f32 {
        (self.x * self.x + self.y * self.y).sqrt()
    }

    pub fn lerp(self, other: Point, t: f32) -> Point {
        self + (other - self) * t
    }

    /// The unit vector pointing the same way (to the right for a zero vector).
    pub fn direction(self) -> Point {
        let length = self.length();
        if length < 1e-6 {
            Point::new(1.0, 0.0)
        } else {
            self * (1.0 / length)
        }
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }
}

impl Mul<f32> for Point {
    type Output = Point;
    fn mul(self, k: f32) -> Point {
        Point::new(self.x * k, self.y * k)
    }
}

/// An axis-aligned rectangle given by its centre and full size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub center: Point,
    pub width: f32,
    pub height: f32,
}

impl Rect {
    pub fn new(center: Point, width: f32, height: f32) -> Rect {
        Rect {
            center,
            width,
            height,
        }
    }

    /// The rectangle spanning two corners.
    pub fn from_corners(a: Point, b: Point) -> Rect {
        Rect::new(a.lerp(b, 0.5), (b.x - a.x).abs(), (b.y - a.y).abs())
    }

    pub fn min(&self) -> Point {
        Point::new(
            self.center.x - self.width / 2.0,
            self.center.y - self.height / 2.0,
        )
    }

    pub fn max(&self) -> Point {
        Point::new(
            self.center.x + self.width / 2.0,
            self.center.y + self.height / 2.0,
        )
    }

    pub fn left(&self) -> f32 {
        self.min().x
    }

    pub fn right(&self) -> f32 {
        self.max().x
    }

    pub fn bottom(&self) -> f32 {
        self.min().y
    }

    pub fn top(&self) -> f32 {
        self.max().y
    }

    /// Shrinks each side by `by` (grows when negative).
    pub fn inset(&self, by: f32) -> Rect {
        Rect::new(
            self.center,
            (self.width - 2.0 * by).max(0.0),
            (self.height - 2.0 * by).max(0.0),
        )
    }

    pub fn contains(&self, p: Point) -> bool {
        let (lo, hi) = (self.min(), self.max());
        p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y
    }

    /// Whether `inner` lies inside this rectangle (within `tolerance`).
    pub fn encloses(&self, inner: &Rect, tolerance: f32) -> bool {
        inner.left() >= self.left() - tolerance
            && inner.right() <= self.right() + tolerance
            && inner.bottom() >= self.bottom() - tolerance
            && inner.top() <= self.top() + tolerance
    }

    /// Whether the interiors overlap (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left() < other.right()
            && other.left() < self.right()
            && self.bottom() < other.top()
            && other.bottom() < self.top()
    }

    /// The area the two share.
    pub fn overlap_area(&self, other: &Rect) -> f32 {
        let w = self.right().min(other.right()) - self.left().max(other.left());
        let h = self.top().min(other.top()) - self.bottom().max(other.bottom());
        w.max(0.0) * h.max(0.0)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let lo = Point::new(
            self.left().min(other.left()),
            self.bottom().min(other.bottom()),
        );
        let hi = Point::new(self.right().max(other.right()), self.top().max(other.top()));
        Rect::from_corners(lo, hi)
    }

    /// Linear blend of centre and size.
    pub fn lerp(&self, other: &Rect, t: f32) -> Rect {
        Rect::new(
            self.center.lerp(other.center, t),
            self.width + (other.width - self.width) * t,
            self.height + (other.height - self.height) * t,
        )
    }

    /// Distance from `p` to the rectangle's outline.
    pub fn distance_to_border(&self, p: Point) -> f32 {
        let dx = (p.x - self.center.x).abs() - self.width / 2.0;
        let dy = (p.y - self.center.y).abs() - self.height / 2.0;
        if dx > 0.0 || dy > 0.0 {
            Point::new(dx.max(0.0), dy.max(0.0)).length()
        } else {
            -(dx.max(dy))
        }
    }

    /// The height a camera with `aspect` (width / height) needs to show all of it.
    pub fn view_height(&self, aspect: f32) -> f32 {
        self.height.max(self.width / aspect)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rectangles_measure_and_compare() {
        let r = Rect::new(Point::new(0.0, 0.0), 10.0, 4.0);
        assert_eq!(r.left(), -5.0);
        assert_eq!(r.top(), 2.0);
        assert!(r.contains(Point::new(5.0, 2.0)));
        assert!(!r.contains(Point::new(5.1, 0.0)));
        let inner = r.inset(1.0);
        assert_eq!((inner.width, inner.height), (8.0, 2.0));
        assert!(r.encloses(&inner, 0.0));
        assert!(!inner.encloses(&r, 0.0));
        let right = Rect::new(Point::new(10.0, 0.0), 10.0, 4.0);
        assert!(!r.overlaps(&right), "touching is not overlapping");
        assert!(r.overlaps(&Rect::new(Point::new(9.0, 0.0), 10.0, 4.0)));
        assert_eq!(r.union(&right), Rect::new(Point::new(5.0, 0.0), 20.0, 4.0));
        assert_eq!(r.distance_to_border(Point::new(5.0, 0.0)), 0.0);
        assert_eq!(r.distance_to_border(Point::new(0.0, 0.0)), 2.0);
        assert_eq!(r.distance_to_border(Point::new(8.0, 6.0)), 5.0);
        assert_eq!(r.view_height(16.0 / 9.0), 5.625);
    }
}
