//! Finding rectangles near a place fast: an R-tree over boxes (or edge bounds), so
//! routing, label placement and culling ask only about what is close, not about
//! everything on a level.

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::geometry::Rect;

type Entry = GeomWithData<Rectangle<[f32; 2]>, usize>;

fn entry(rect: &Rect, index: usize) -> Entry {
    let (lo, hi) = (rect.min(), rect.max());
    GeomWithData::new(Rectangle::from_corners([lo.x, lo.y], [hi.x, hi.y]), index)
}

/// Rectangles, each known by its index, that can be asked which of them meet an area.
#[derive(Debug, Clone, Default)]
pub struct RectIndex {
    tree: RTree<Entry>,
}

impl RectIndex {
    /// Indexes `rects`; each is known by its position in the slice.
    pub fn new(rects: &[Rect]) -> RectIndex {
        RectIndex {
            tree: RTree::bulk_load(rects.iter().enumerate().map(|(i, r)| entry(r, i)).collect()),
        }
    }

    /// Adds one more rectangle under `index`.
    pub fn insert(&mut self, rect: &Rect, index: usize) {
        self.tree.insert(entry(rect, index));
    }

    /// The indices of the rectangles that meet `area` (touching counts), in increasing order.
    pub fn meeting(&self, area: &Rect) -> Vec<usize> {
        let (lo, hi) = (area.min(), area.max());
        let envelope = AABB::from_corners([lo.x, lo.y], [hi.x, hi.y]);
        let mut found: Vec<usize> = self
            .tree
            .locate_in_envelope_intersecting(envelope)
            .map(|e| e.data)
            .collect();
        found.sort_unstable();
        found
    }

    /// Whether any rectangle meets `area`.
    pub fn any_meeting(&self, area: &Rect) -> bool {
        let (lo, hi) = (area.min(), area.max());
        let envelope = AABB::from_corners([lo.x, lo.y], [hi.x, hi.y]);
        self.tree
            .locate_in_envelope_intersecting(envelope)
            .next()
            .is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Point;

    #[test]
    fn finds_what_meets_an_area_and_nothing_else() {
        let rects: Vec<Rect> = (0..100)
            .map(|i| {
                Rect::new(
                    Point::new((i % 10) as f32 * 10.0, (i / 10) as f32 * 10.0),
                    4.0,
                    4.0,
                )
            })
            .collect();
        let mut index = RectIndex::new(&rects);
        let area = Rect::new(Point::new(10.0, 10.0), 12.0, 2.0);
        let brute: Vec<usize> = (0..rects.len())
            .filter(|&i| {
                rects[i].overlaps(&area) || {
                    let (a, b) = (rects[i], area);
                    a.left() <= b.right()
                        && b.left() <= a.right()
                        && a.bottom() <= b.top()
                        && b.bottom() <= a.top()
                }
            })
            .collect();
        assert_eq!(index.meeting(&area), brute);
        assert!(!index.any_meeting(&Rect::new(Point::new(5.0, 5.0), 1.0, 1.0)));
        index.insert(&Rect::new(Point::new(5.0, 5.0), 1.0, 1.0), 100);
        assert_eq!(
            index.meeting(&Rect::new(Point::new(5.0, 5.0), 0.5, 0.5)),
            vec![100]
        );
    }
}
