//! The free space inside a group of siblings, as the arrangement left it: a channel
//! down each gap between columns, a corridor across each gap between bands and above
//! and below them, and a margin channel down either side. A path that keeps to these
//! passes no sibling; routes are drawn from them.

use super::arrange::{Band, Slot};
use super::geometry::Point;
use super::route::{Bends, Port, Side};
use crate::map::NodeIndex;

/// One group of siblings' bands, where they were placed, and the gap between cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub bands: Vec<Band>,
    pub gap: f32,
}

/// Every group of siblings on the map, and where each node sits in its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Groups {
    /// The group of each node's children (empty where it has none).
    pub children: Vec<Group>,
    /// The group of the nodes without a parent.
    pub roots: Group,
    /// Each node's band and column in its group.
    pub slots: Vec<Slot>,
}

impl Groups {
    /// The group a node sits in: its parent's children, or the roots.
    pub fn around(&self, parent: Option<NodeIndex>) -> &Group {
        parent.map_or(&self.roots, |p| &self.children[p.0])
    }
}

/// A place a path through a group starts or ends: a port on a sibling's side, and
/// where that sibling sits.
#[derive(Debug, Clone, Copy)]
pub struct Site {
    pub slot: Slot,
    pub port: Port,
}

impl Group {
    /// The channel beside a sibling's column, on the side given.
    fn channel(&self, slot: Slot, side: Side) -> f32 {
        let (left, right) = self.bands[slot.band].columns[slot.column];
        match side {
            Side::Left => left - self.gap / 2.0,
            _ => right + self.gap / 2.0,
        }
    }

    /// The corridor just above a band.
    pub fn above(&self, band: usize) -> f32 {
        self.bands[band].top + self.gap / 2.0
    }

    /// The corridor just below a band.
    pub fn below(&self, band: usize) -> f32 {
        self.bands[band].bottom - self.gap / 2.0
    }

    /// The channel down the group's left or right side.
    fn margin(&self, side: Side) -> f32 {
        let edges = self.bands.iter().filter_map(|b| match side {
            Side::Left => b.columns.first().map(|c| c.0 - self.gap / 2.0),
            _ => b.columns.last().map(|c| c.1 + self.gap / 2.0),
        });
        match side {
            Side::Left => edges.fold(f32::INFINITY, f32::min),
            _ => edges.fold(f32::NEG_INFINITY, f32::max),
        }
    }

    /// The bends of the paths through free space from one site to another: out into
    /// the channel beside each, along a corridor between them (round the margin where
    /// bands lie between), and in. Sites on a top or bottom side have none.
    pub fn between(&self, a: Site, b: Site, mut path: impl FnMut(Bends)) {
        if !sideways(a.port.side) || !sideways(b.port.side) {
            return;
        }
        let (xa, xb) = (
            self.channel(a.slot, a.port.side),
            self.channel(b.slot, b.port.side),
        );
        let (ya, yb) = (a.port.at.y, b.port.at.y);
        let (i, k) = (a.slot.band, b.slot.band);
        let p = Point::new;
        if i == k && (xa - xb).abs() < self.gap * 1e-3 {
            path(Bends::new(&[p(xa, ya), p(xa, yb)]));
        } else if i == k {
            for yc in [self.above(i), self.below(i)] {
                path(Bends::new(&[p(xa, ya), p(xa, yc), p(xb, yc), p(xb, yb)]));
            }
        } else {
            let (leave, reach) = if i < k {
                (self.below(i), self.above(k))
            } else {
                (self.above(i), self.below(k))
            };
            if i.abs_diff(k) == 1 {
                path(Bends::new(&[
                    p(xa, ya),
                    p(xa, leave),
                    p(xb, leave),
                    p(xb, yb),
                ]));
            } else {
                for side in [Side::Left, Side::Right] {
                    let xm = self.margin(side);
                    path(Bends::new(&[
                        p(xa, ya),
                        p(xa, leave),
                        p(xm, leave),
                        p(xm, reach),
                        p(xb, reach),
                        p(xb, yb),
                    ]));
                }
            }
        }
    }

    /// The bends of the path through free space from a site out to a port on the
    /// group's frame that lies on the corridor above the top band or below the bottom
    /// one: into the channel beside the site, to that corridor (round the margin on
    /// the port's side where other bands are in the way), and along it.
    pub fn out_to(&self, a: Site, port: Port) -> Option<Bends> {
        if !sideways(a.port.side) || self.bands.is_empty() {
            return None;
        }
        let xa = self.channel(a.slot, a.port.side);
        let (ya, yp) = (a.port.at.y, port.at.y);
        let i = a.slot.band;
        let last = self.bands.len() - 1;
        let upward = (yp - self.above(0)).abs() <= (yp - self.below(last)).abs();
        let p = Point::new;
        Some(if (upward && i == 0) || (!upward && i == last) {
            Bends::new(&[p(xa, ya), p(xa, yp)])
        } else {
            let yc = if upward { self.above(i) } else { self.below(i) };
            let xm = self.margin(port.side);
            Bends::new(&[p(xa, ya), p(xa, yc), p(xm, yc), p(xm, yp)])
        })
    }

    /// Where trunks leave or enter the frame of this group's parent, `left` and
    /// `right` its edges: on either side, level with the corridor above the top band
    /// (`upward`) or below the bottom one.
    pub fn ports(&self, left: f32, right: f32, upward: bool) -> Vec<Port> {
        let Some(last) = self.bands.len().checked_sub(1) else {
            return Vec::new();
        };
        let y = if upward {
            self.above(0)
        } else {
            self.below(last)
        };
        vec![
            Port::new(Point::new(right, y), Side::Right),
            Port::new(Point::new(left, y), Side::Left),
        ]
    }
}

fn sideways(side: Side) -> bool {
    matches!(side, Side::Left | Side::Right)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two bands: the first with columns at x 0–10 and 12–22, the second one column.
    fn group() -> Group {
        Group {
            bands: vec![
                Band {
                    top: 10.0,
                    bottom: 0.0,
                    columns: vec![(0.0, 10.0), (12.0, 22.0)],
                },
                Band {
                    top: -2.0,
                    bottom: -8.0,
                    columns: vec![(0.0, 10.0)],
                },
            ],
            gap: 2.0,
        }
    }

    fn paths(g: &Group, a: Site, b: Site) -> Vec<Vec<Point>> {
        let mut found = Vec::new();
        g.between(a, b, |bends| found.push(bends.to_vec()));
        found
    }

    fn site(band: usize, column: usize, x: f32, y: f32, side: Side) -> Site {
        Site {
            slot: Slot { band, column },
            port: Port::new(Point::new(x, y), side),
        }
    }

    #[test]
    fn facing_columns_meet_in_the_channel_between_them() {
        let g = group();
        let a = site(0, 0, 10.0, 8.0, Side::Right);
        let b = site(0, 1, 12.0, 2.0, Side::Left);
        assert_eq!(
            paths(&g, a, b),
            vec![vec![Point::new(11.0, 8.0), Point::new(11.0, 2.0)]]
        );
    }

    #[test]
    fn paths_between_bands_take_the_corridor_between_them() {
        let g = group();
        let a = site(0, 1, 22.0, 5.0, Side::Right);
        let b = site(1, 0, 0.0, -5.0, Side::Left);
        let found = paths(&g, a, b);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0],
            vec![
                Point::new(23.0, 5.0),
                Point::new(23.0, -1.0),
                Point::new(-1.0, -1.0),
                Point::new(-1.0, -5.0),
            ]
        );
    }

    #[test]
    fn ways_out_reach_the_frame_along_a_corridor() {
        let g = group();
        let ports = g.ports(-3.0, 25.0, true);
        assert_eq!(ports[0], Port::new(Point::new(25.0, 11.0), Side::Right));
        // From the lower band up to the top corridor: round the right margin.
        let a = site(1, 0, 10.0, -5.0, Side::Right);
        assert_eq!(
            g.out_to(a, ports[0]).map(|b| b.to_vec()),
            Some(vec![
                Point::new(11.0, -5.0),
                Point::new(11.0, -1.0),
                Point::new(23.0, -1.0),
                Point::new(23.0, 11.0),
            ])
        );
    }
}
