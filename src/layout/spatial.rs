//! Finding rectangles near a place fast: a grid of buckets, each listing the boxes
//! that meet it, so routing and label placement ask only about what is close, not
//! about everything on a level.

use super::geometry::{Point, Rect};

/// Which of a set of rectangles hold a point: the plane is cut into square cells, each
/// listing the rectangles that meet it, so a lookup checks only a cell's few.
#[derive(Debug, Clone, Default)]
pub struct PointGrid {
    rects: Vec<Rect>,
    origin: Point,
    /// Cells per unit of length (`1 / cell`).
    per_unit: f32,
    /// The shortest side of any rectangle.
    thinnest: f32,
    columns: usize,
    rows: usize,
    /// Cell `c` lists `members[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    members: Vec<u32>,
}

impl PointGrid {
    /// Cells about as big as a typical rectangle, and never many more cells than
    /// rectangles, so building stays linear in their number.
    pub fn new(rects: &[Rect]) -> PointGrid {
        let Some(bounds) = rects.iter().copied().reduce(|a, b| a.union(&b)) else {
            return PointGrid::default();
        };
        let mut sides: Vec<f32> = rects.iter().map(|r| r.width.max(r.height)).collect();
        sides.sort_by(f32::total_cmp);
        let typical = sides[sides.len() / 2];
        let floor = (bounds.width * bounds.height / (4.0 * rects.len() as f32)).sqrt();
        let cell = typical.max(floor).max(f32::MIN_POSITIVE);
        let columns = ((bounds.width / cell).ceil() as usize).max(1);
        let rows = ((bounds.height / cell).ceil() as usize).max(1);
        let mut grid = PointGrid {
            rects: rects.to_vec(),
            origin: bounds.min(),
            per_unit: 1.0 / cell,
            thinnest: rects
                .iter()
                .map(|r| r.width.min(r.height))
                .fold(f32::INFINITY, f32::min),
            columns,
            rows,
            starts: Vec::new(),
            members: Vec::new(),
        };
        let spans: Vec<_> = rects.iter().map(|r| grid.span(r)).collect();
        let mut counts = vec![0u32; columns * rows + 1];
        for &(c0, c1, r0, r1) in &spans {
            for row in r0..=r1 {
                for column in c0..=c1 {
                    counts[row * columns + column + 1] += 1;
                }
            }
        }
        for c in 1..counts.len() {
            counts[c] += counts[c - 1];
        }
        let mut next = counts.clone();
        let mut members = vec![0u32; counts[counts.len() - 1] as usize];
        for (i, &(c0, c1, r0, r1)) in spans.iter().enumerate() {
            for row in r0..=r1 {
                for column in c0..=c1 {
                    let slot = &mut next[row * columns + column];
                    members[*slot as usize] = i as u32;
                    *slot += 1;
                }
            }
        }
        grid.starts = counts;
        grid.members = members;
        grid
    }

    /// How far apart points along a path may lie so that a path running through any of
    /// the rectangles for more than half its thinnest side has a point inside it.
    pub fn stride(&self) -> f32 {
        self.thinnest / 2.0
    }

    /// The cell column and row holding a point, clamped to the grid (a float to integer
    /// cast saturates, so points left of or below the grid fall in its first cells).
    fn cell_of(&self, p: Point) -> (usize, usize) {
        let column = ((p.x - self.origin.x) * self.per_unit) as usize;
        let row = ((p.y - self.origin.y) * self.per_unit) as usize;
        (column.min(self.columns - 1), row.min(self.rows - 1))
    }

    /// First and last column, first and last row a rectangle meets.
    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let (c0, r0) = self.cell_of(r.min());
        let (c1, r1) = self.cell_of(r.max());
        (c0, c1, r0, r1)
    }

    /// Visits the cells the segment from `a` to `b` passes through, in order, with the
    /// rectangles each lists and the part of the segment (as `t` from 0 at `a` to 1 at
    /// `b`) inside it, until `visit` returns true.
    pub fn along(&self, a: Point, b: Point, mut visit: impl FnMut(&[u32], f32, f32) -> bool) {
        if self.rects.is_empty() {
            return;
        }
        // In cell units, with the grid's origin at zero.
        let (ax, ay) = (
            (a.x - self.origin.x) * self.per_unit,
            (a.y - self.origin.y) * self.per_unit,
        );
        let (dx, dy) = ((b.x - a.x) * self.per_unit, (b.y - a.y) * self.per_unit);
        let (columns, rows) = (self.columns as f32, self.rows as f32);
        // Keep to the part of the segment over the grid.
        let (mut t0, mut t1) = (0.0f32, 1.0f32);
        for (start, delta, size) in [(ax, dx, columns), (ay, dy, rows)] {
            if delta.abs() < 1e-12 {
                if start < 0.0 || start > size {
                    return;
                }
            } else {
                let (u, v) = ((0.0 - start) / delta, (size - start) / delta);
                t0 = t0.max(u.min(v));
                t1 = t1.min(u.max(v));
            }
        }
        // Also when a coordinate is not a number.
        if t0 > t1 || t0.is_nan() || t1.is_nan() {
            return;
        }
        let cell = |t: f32, start: f32, delta: f32, count: usize| {
            ((start + delta * t) as usize).min(count - 1)
        };
        let (mut column, mut row) = (cell(t0, ax, dx, self.columns), cell(t0, ay, dy, self.rows));
        let (last_column, last_row) = (cell(t1, ax, dx, self.columns), cell(t1, ay, dy, self.rows));
        // Where the segment next crosses a column (row) boundary, and how far apart those are.
        let next = |index: usize, start: f32, delta: f32| {
            if delta > 0.0 {
                ((index + 1) as f32 - start) / delta
            } else if delta < 0.0 {
                (index as f32 - start) / delta
            } else {
                f32::INFINITY
            }
        };
        let (mut next_x, mut next_y) = (next(column, ax, dx), next(row, ay, dy));
        let (step_x, step_y) = ((1.0 / dx).abs(), (1.0 / dy).abs());
        let mut enter = t0;
        for _ in 0..self.columns + self.rows + 2 {
            let exit = next_x.min(next_y).min(t1);
            let c = row * self.columns + column;
            let members = &self.members[self.starts[c] as usize..self.starts[c + 1] as usize];
            if visit(members, enter, exit) || (column == last_column && row == last_row) {
                return;
            }
            if next_x < next_y {
                if (dx > 0.0 && column + 1 >= self.columns) || (dx < 0.0 && column == 0) {
                    return;
                }
                column = if dx > 0.0 { column + 1 } else { column - 1 };
                enter = next_x;
                next_x += step_x;
            } else {
                if (dy > 0.0 && row + 1 >= self.rows) || (dy < 0.0 && row == 0) {
                    return;
                }
                row = if dy > 0.0 { row + 1 } else { row - 1 };
                enter = next_y;
                next_y += step_y;
            }
        }
    }

    /// How many cells the grid has.
    pub fn cells(&self) -> usize {
        self.columns * self.rows
    }

    /// The cells an area meets (those holding its part off the grid too).
    pub fn cells_meeting(&self, area: &Rect) -> impl Iterator<Item = usize> + use<'_> {
        let (c0, c1, r0, r1) = if self.rects.is_empty() {
            (1, 0, 1, 0)
        } else {
            self.span(area)
        };
        (r0..=r1).flat_map(move |row| (c0..=c1).map(move |column| row * self.columns + column))
    }

    /// The rectangles that meet `area` (touching counts), each once, in no order.
    pub fn meeting(&self, area: &Rect) -> impl Iterator<Item = usize> + '_ {
        let area = *area;
        self.cells_meeting(&area).flat_map(move |cell| {
            self.members(cell).filter(move |&i| {
                let r = &self.rects[i];
                // Each is reported in the one cell holding the lower left corner of
                // where it meets the area.
                let (lo, hi) = (r.min(), r.max());
                let (alo, ahi) = (area.min(), area.max());
                let meets = lo.x <= ahi.x && alo.x <= hi.x && lo.y <= ahi.y && alo.y <= hi.y;
                let corner = Point::new(lo.x.max(alo.x), lo.y.max(alo.y));
                let (column, row) = self.cell_of(corner);
                meets && row * self.columns + column == cell
            })
        })
    }

    /// The rectangles a cell lists.
    pub fn members(&self, cell: usize) -> impl Iterator<Item = usize> + '_ {
        self.members[self.starts[cell] as usize..self.starts[cell + 1] as usize]
            .iter()
            .map(|&i| i as usize)
    }

    /// The rectangle at `index` among those the grid was built from.
    pub fn rect(&self, index: usize) -> &Rect {
        &self.rects[index]
    }

    /// The rectangles holding `p` (borders included), in increasing order.
    pub fn holding(&self, p: Point) -> impl Iterator<Item = usize> + '_ {
        let found: &[u32] = if self.rects.is_empty() || !p.x.is_finite() || !p.y.is_finite() {
            &[]
        } else {
            let (column, row) = self.cell_of(p);
            let c = row * self.columns + column;
            &self.members[self.starts[c] as usize..self.starts[c + 1] as usize]
        };
        found
            .iter()
            .map(|&i| i as usize)
            .filter(move |&i| self.rects[i].contains(p))
    }
}

/// `count` rectangles with centres anywhere in `area` (width, height) and sizes from
/// `smallest` up to `smallest + spread`, for tests that check the grid against a scan.
#[cfg(test)]
pub(crate) fn scattered(
    rng: &mut fastrand::Rng,
    count: usize,
    area: (f32, f32),
    smallest: (f32, f32),
    spread: (f32, f32),
) -> Vec<Rect> {
    (0..count)
        .map(|_| {
            Rect::new(
                Point::new(rng.f32() * area.0, rng.f32() * area.1),
                smallest.0 + rng.f32() * spread.0,
                smallest.1 + rng.f32() * spread.1,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_lists_what_meets_an_area_once_and_agrees_with_a_scan() {
        let mut rng = fastrand::Rng::with_seed(5);
        let rects = scattered(&mut rng, 300, (200.0, 100.0), (1.0, 1.0), (30.0, 12.0));
        let grid = PointGrid::new(&rects);
        for _ in 0..200 {
            // Areas of every size, some reaching off the grid.
            let area = Rect::new(
                Point::new(rng.f32() * 260.0 - 30.0, rng.f32() * 160.0 - 30.0),
                rng.f32() * 60.0,
                rng.f32() * 30.0,
            );
            let mut found: Vec<usize> = grid.meeting(&area).collect();
            found.sort_unstable();
            let scanned: Vec<usize> = (0..rects.len())
                .filter(|&i| {
                    let (a, b) = (rects[i], area);
                    a.left() <= b.right()
                        && b.left() <= a.right()
                        && a.bottom() <= b.top()
                        && b.bottom() <= a.top()
                })
                .collect();
            assert_eq!(found, scanned, "{area:?}");
        }
    }

    #[test]
    fn the_grid_finds_the_boxes_holding_a_point_and_agrees_with_a_scan() {
        let mut rng = fastrand::Rng::with_seed(7);
        let rects = scattered(&mut rng, 300, (500.0, 300.0), (1.0, 1.0), (40.0, 20.0));
        let grid = PointGrid::new(&rects);
        for _ in 0..2000 {
            let p = Point::new(rng.f32() * 560.0 - 30.0, rng.f32() * 360.0 - 30.0);
            let scan: Vec<usize> = (0..rects.len()).filter(|&i| rects[i].contains(p)).collect();
            assert_eq!(grid.holding(p).collect::<Vec<_>>(), scan, "at {p:?}");
        }
        // A corner counts as inside.
        assert!(grid.holding(rects[0].max()).any(|i| i == 0));
        assert_eq!(PointGrid::new(&[]).holding(Point::default()).count(), 0);
    }

    #[test]
    fn a_segment_visits_the_cells_of_every_rectangle_it_meets_in_order() {
        let mut rng = fastrand::Rng::with_seed(7);
        let rects = scattered(&mut rng, 300, (400.0, 200.0), (2.0, 2.0), (20.0, 10.0));
        let grid = PointGrid::new(&rects);
        for _ in 0..200 {
            // Ends may lie off the grid.
            let a = Point::new(rng.f32() * 600.0 - 100.0, rng.f32() * 300.0 - 50.0);
            let b = Point::new(rng.f32() * 600.0 - 100.0, rng.f32() * 300.0 - 50.0);
            let mut listed = std::collections::BTreeSet::new();
            let mut last_exit = 0.0f32;
            grid.along(a, b, |members, enter, exit| {
                assert!(enter <= exit + 1e-5 && enter + 1e-4 >= last_exit);
                last_exit = exit;
                listed.extend(members.iter().map(|&m| m as usize));
                false
            });
            // Every rectangle a fine sampling of the segment finds is listed.
            for k in 0..=2000 {
                let p = a.lerp(b, k as f32 / 2000.0);
                for (i, r) in rects.iter().enumerate() {
                    if r.contains(p) {
                        assert!(listed.contains(&i), "{a:?}->{b:?} misses {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_visit_can_stop_the_walk() {
        let rects: Vec<Rect> = (0..20)
            .map(|i| Rect::new(Point::new(i as f32 * 10.0, 0.0), 4.0, 4.0))
            .collect();
        let grid = PointGrid::new(&rects);
        let mut visits = 0;
        grid.along(Point::new(0.0, 0.0), Point::new(190.0, 0.0), |_, _, _| {
            visits += 1;
            visits == 3
        });
        assert_eq!(visits, 3);
        assert_eq!(grid.stride(), 2.0);
    }
}
