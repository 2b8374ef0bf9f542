//! Spreads the ends of edges that leave or reach one side of a box along that side,
//! in the order of where they head, so they neither pile up nor cross at the box.

use super::{Route, Side};
use crate::layout::geometry::{Point, Rect};

/// Spreads the ends of edges that share a box side along it, ordered by where their
/// other end lies so they do not cross at the box. `ends[i]` is (source rect, target rect).
pub fn spread_ports(routes: &mut [Route], ends: &[(Rect, Rect)], scale: f32) {
    use std::collections::BTreeMap;
    // (box centre bits, side) → (edge index, is_source)
    type Key = (u32, u32, Side);
    let key = |r: &Rect, s: Side| -> Key { (r.center.x.to_bits(), r.center.y.to_bits(), s) };
    let mut groups: BTreeMap<Key, Vec<(usize, bool)>> = BTreeMap::new();
    for (i, r) in routes.iter().enumerate() {
        groups
            .entry(key(&ends[i].0, r.from_side))
            .or_default()
            .push((i, true));
        groups
            .entry(key(&ends[i].1, r.to_side))
            .or_default()
            .push((i, false));
    }
    let mut starts: Vec<Point> = routes.iter().map(Route::start).collect();
    let mut stops: Vec<Point> = routes.iter().map(Route::end).collect();
    for ((_, _, side), members) in &groups {
        if members.len() < 2 {
            continue;
        }
        let mut ordered: Vec<(f32, usize, bool)> = members
            .iter()
            .map(|&(i, source)| {
                // Where the path heads after leaving (or before reaching) the box.
                let r = &routes[i];
                let other = if source {
                    r.points[3]
                } else {
                    r.points[r.points.len() - 4]
                };
                (side.along(other), i, source)
            })
            .collect();
        ordered.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let n = ordered.len() as f32;
        for (slot, &(_, i, source)) in ordered.iter().enumerate() {
            let t = 0.2 + 0.6 * (slot as f32 + 0.5) / n;
            if source {
                starts[i] = side.point(&ends[i].0, t);
            } else {
                stops[i] = side.point(&ends[i].1, t);
            }
        }
    }
    for (i, r) in routes.iter_mut().enumerate() {
        *r = r.with_ends(starts[i], stops[i], scale);
    }
}
