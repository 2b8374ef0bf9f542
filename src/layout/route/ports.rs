//! Spreads the ends of edges that leave or reach one side of a box along that side,
//! in the order of where they head, so they neither pile up nor cross at the box.

use super::{Route, Side};
use crate::layout::geometry::{Point, Rect};

/// Spreads the ends of edges that share a box side along it, ordered by where their
/// other end lies so they do not cross at the box. `ends[i]` is (source rect, target rect).
pub fn spread_ports(routes: &mut [Route], ends: &[(Rect, Rect)], scale: f32) {
    // Every route end, keyed by its box (centre) and side, then where it heads: sorted,
    // the ends sharing a side lie together, in the order they take along it.
    type End = ((u32, u32, Side), f32, usize, bool);
    let key = |r: &Rect, s: Side| (r.center.x.to_bits(), r.center.y.to_bits(), s);
    let mut all: Vec<End> = Vec::with_capacity(2 * routes.len());
    for (i, r) in routes.iter().enumerate() {
        // Where the path heads after leaving (or before reaching) the box.
        let (next, previous) = (r.points[3], r.points[r.points.len() - 4]);
        all.push((
            key(&ends[i].0, r.from_side),
            r.from_side.along(next),
            i,
            true,
        ));
        all.push((
            key(&ends[i].1, r.to_side),
            r.to_side.along(previous),
            i,
            false,
        ));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut starts: Vec<Point> = routes.iter().map(Route::start).collect();
    let mut stops: Vec<Point> = routes.iter().map(Route::end).collect();
    for group in all.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 {
            continue;
        }
        let side = group[0].0.2;
        let n = group.len() as f32;
        for (slot, &(_, _, i, source)) in group.iter().enumerate() {
            let t = 0.2 + 0.6 * (slot as f32 + 0.5) / n;
            if source {
                starts[i] = side.point(&ends[i].0, t);
            } else {
                stops[i] = side.point(&ends[i].1, t);
            }
        }
    }
    for (i, r) in routes.iter_mut().enumerate() {
        r.move_ends(starts[i], stops[i], scale);
    }
}
