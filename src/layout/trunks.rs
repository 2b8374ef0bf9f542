//! Edges between children of different parents. Such an edge leaves its own frame
//! through a port on the frame's border, follows the trunk between the two frames —
//! one route shared by every edge between their children, so those run as a bundle —
//! and enters the other frame through a port to reach its end. A trunk is found the
//! same way one level up, so an edge climbs as far as its ends' ancestors differ.
//! Each search then keeps to a frame or to the gaps between frames, instead of
//! weighing paths straight across everything between the two ends.

use std::collections::{HashMap, HashSet};

use super::NodeLayout;
use super::channels::{Groups, Site};
use super::route::{self, Candidate, Obstacles, Port, Route, Side};
use crate::map::{Level, Map, NodeIndex};

/// For each level (L1 first), the pairs of its nodes that edges one level down run
/// between the frames of, in the order first met.
pub fn needed(map: &Map) -> [Vec<(NodeIndex, NodeIndex)>; 4] {
    let mut needed: [Vec<(NodeIndex, NodeIndex)>; 4] = Default::default();
    let mut seen: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
    for level in [Level::L4, Level::L3, Level::L2] {
        let here = level.index();
        let edges: Vec<(NodeIndex, NodeIndex)> = map
            .edges_on(level)
            .map(|e| (map.edge(e).from, map.edge(e).to))
            .collect();
        let mut above = Vec::new();
        for &(a, b) in edges.iter().chain(&needed[here]) {
            if let Some(pair) = parents(map, a, b)
                && seen.insert(pair)
            {
                above.push(pair);
            }
        }
        needed[here - 1] = above;
    }
    needed
}

/// The parents of `a` and `b` where those differ (and both have one): the frames an
/// edge between them passes between.
fn parents(map: &Map, a: NodeIndex, b: NodeIndex) -> Option<(NodeIndex, NodeIndex)> {
    let (pa, pb) = (map.node(a).parent?, map.node(b).parent?);
    (pa != pb && map.node(pa).level == map.node(pb).level).then_some((pa, pb))
}

/// The trunks found so far, by the pair of frames they join.
#[derive(Debug, Default)]
pub struct Trunks {
    routes: HashMap<(NodeIndex, NodeIndex), Route>,
}

impl Trunks {
    pub fn add(&mut self, pairs: &[(NodeIndex, NodeIndex)], routes: Vec<Route>) {
        self.routes.extend(pairs.iter().copied().zip(routes));
    }
}

/// A route found between two nodes, and where it runs through frames.
#[derive(Debug, Clone)]
pub struct Connection {
    pub route: Route,
    pub split: Option<Split>,
}

/// Where a route through frames leaves its first search for the trunk, and where it
/// takes up the last.
#[derive(Debug, Clone, Copy)]
pub struct Split {
    /// The point where the head meets the trunk, and the side the head arrives at.
    head: usize,
    head_to: Side,
    /// The point where the tail leaves the trunk, and the side it leaves from.
    tail: usize,
    tail_from: Side,
}

/// What routing on one level needs: where everything sits and the trunks one level up.
pub struct Way<'a> {
    pub map: &'a Map,
    pub nodes: &'a [NodeLayout],
    pub groups: &'a Groups,
    pub trunks: &'a Trunks,
    pub scale: f32,
}

impl Way<'_> {
    /// The route between two boxes of the level.
    pub fn between_boxes(&self, a: NodeIndex, b: NodeIndex, obstacles: &Obstacles) -> Connection {
        let (ra, rb) = (&self.nodes[a.0].closed, &self.nodes[b.0].closed);
        self.connect(a, b, &Port::middles(ra), &Port::middles(rb), obstacles)
    }

    /// The trunk between two frames of the level: from a port of the one to a port of
    /// the other.
    pub fn between_frames(&self, a: NodeIndex, b: NodeIndex, obstacles: &Obstacles) -> Route {
        let (ports_a, ports_b) = (self.frame_ports(a, b), self.frame_ports(b, a));
        self.connect(a, b, &ports_a, &ports_b, obstacles).route
    }

    fn connect(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        from: &[Port],
        to: &[Port],
        obstacles: &Obstacles,
    ) -> Connection {
        let trunk = parents(self.map, a, b).and_then(|pair| self.trunks.routes.get(&pair));
        let Some(trunk) = trunk else {
            let group = self.groups.around(self.map.node(a).parent);
            // Siblings share the gaps of their group; ends in different groups with no
            // trunk between them (a map can hold such) get straight paths only.
            let same_group = self.map.node(a).parent == self.map.node(b).parent;
            let mut candidates = Vec::new();
            for &pa in from {
                for &pb in to {
                    // Straight paths that leave or arrive backwards are never worth it.
                    if pa.faces(pb.at) && pb.faces(pa.at) {
                        candidates.push(Candidate::straight(pa, pb));
                    }
                    if same_group {
                        group.between(self.site(a, pa), self.site(b, pb), |via| {
                            candidates.push(Candidate {
                                from: pa,
                                via,
                                to: pb,
                                radius: group.gap / 2.0,
                            })
                        });
                    }
                }
            }
            return Connection {
                route: self.cheapest(&candidates, from, to, obstacles),
                split: None,
            };
        };
        let (leave, enter) = trunk.ports();
        let head = self.out(a, from, leave, obstacles);
        let tail = self.out(b, to, enter, obstacles).reversed();
        let route = Route::joined(&[&head, trunk, &tail]);
        let split = Split {
            head: head.points.len() - 1,
            head_to: head.to_side,
            tail: route.points.len() - tail.points.len(),
            tail_from: tail.from_side,
        };
        Connection {
            route,
            split: Some(split),
        }
    }

    /// The route from one of a node's ports out to `port`, on the border of the node's
    /// parent's frame.
    fn out(&self, n: NodeIndex, ports: &[Port], port: Port, obstacles: &Obstacles) -> Route {
        let group = self.groups.around(self.map.node(n).parent);
        let arrive = port.through();
        let mut candidates = Vec::new();
        for &pa in ports {
            if pa.faces(arrive.at) && arrive.faces(pa.at) {
                candidates.push(Candidate::straight(pa, arrive));
            }
            if let Some(via) = group.out_to(self.site(n, pa), port) {
                candidates.push(Candidate {
                    from: pa,
                    via,
                    to: arrive,
                    radius: group.gap / 2.0,
                });
            }
        }
        self.cheapest(&candidates, ports, &[arrive], obstacles)
    }

    /// The cheapest of the candidates; where there are none (every straight path leaves
    /// backwards and no gap leads between the ends), of the straight paths between any
    /// of `from` and any of `to`.
    fn cheapest(
        &self,
        candidates: &[Candidate],
        from: &[Port],
        to: &[Port],
        obstacles: &Obstacles,
    ) -> Route {
        let straight: Vec<Candidate>;
        let candidates = if candidates.is_empty() {
            straight = from
                .iter()
                .flat_map(|&a| to.iter().map(move |&b| Candidate::straight(a, b)))
                .collect();
            &straight
        } else {
            candidates
        };
        route::cheapest(candidates, obstacles, self.scale)
            .expect("every end has a port, so there is a path to weigh")
    }

    fn site(&self, n: NodeIndex, port: Port) -> Site {
        Site {
            slot: self.groups.slots[n.0],
            port,
        }
    }

    /// Where trunks between a node's open frame and `other`'s may leave or enter it: on
    /// its left and right borders, level with the corridor above its children where
    /// the other lies higher, below them where it does not.
    fn frame_ports(&self, n: NodeIndex, other: NodeIndex) -> Vec<Port> {
        let r = self.nodes[n.0].region;
        let upward = self.nodes[other.0].region.center.y > r.center.y;
        let ports = self.groups.children[n.0].ports(r.left(), r.right(), upward);
        if ports.is_empty() {
            Port::middles(&r).to_vec()
        } else {
            ports
        }
    }
}

/// Routes again the parts of `spread` (a connection's route with its ends spread
/// along their sides) that its own searches found, where they now pass through a box;
/// a trunk is shared and stays as it is. `None` where the route stays as it is.
pub fn repair(
    split: Option<Split>,
    spread: &Route,
    obstacles: &Obstacles,
    scale: f32,
    clearance: f32,
) -> Option<Connection> {
    // Spreading moved the ends, and with them only the first and last curves. Where
    // the part an end belongs to runs through free space, its first curve is a short
    // straight run from the box's side into the gap beside it, which moving the end
    // along that side keeps in the gap; only a part that is one curve is walked.
    let curves = (spread.points.len() - 1) / 3;
    let (head, tail) = split.map_or((curves, curves), |s| {
        (s.head / 3, (spread.points.len() - 1 - s.tail) / 3)
    });
    if route::ends_clear(spread, head == 1, tail == 1, obstacles) {
        return None;
    }
    let Some(split) = split else {
        return Some(Connection {
            route: route::repair(spread, obstacles, scale, clearance),
            split: None,
        });
    };
    let last = spread.points.len() - 1;
    let head = spread.part(0, split.head, spread.from_side, split.head_to);
    let trunk = spread.part(split.head, split.tail, split.head_to, split.tail_from);
    let tail = spread.part(split.tail, last, split.tail_from, spread.to_side);
    let head = route::repair(&head, obstacles, scale, clearance);
    let tail = route::repair(&tail, obstacles, scale, clearance);
    let route = Route::joined(&[&head, &trunk, &tail]);
    let split = Split {
        head: head.points.len() - 1,
        tail: route.points.len() - tail.points.len(),
        ..split
    };
    Some(Connection {
        route,
        split: Some(split),
    })
}

/// The part of a route (from and to, 0–1 along it) that is its edge's own: where it
/// runs through frames, from where it leaves the trunk into the frame of its end (a
/// label on the trunk could belong to any edge of the bundle); otherwise all of it.
pub fn own_part(split: Option<Split>, route: &Route) -> (f32, f32) {
    match split {
        Some(split) => {
            let segments = ((route.points.len() - 1) / 3) as f32;
            ((split.tail / 3) as f32 / segments, 1.0)
        }
        None => (0.0, 1.0),
    }
}
