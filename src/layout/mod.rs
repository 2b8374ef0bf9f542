//! Where every node of every level sits in one world plane. Each node's children lie
//! inside the region the node occupies, so zooming into a node reveals them. Sizes
//! come from the labels (measured in the real font) up; positions from the top down.

pub mod arrange;
pub mod channels;
pub mod geometry;
pub mod route;
pub mod spatial;
pub mod text_metrics;
pub mod trunks;

use crate::map::{Level, Map, NodeIndex};
pub use geometry::{Point, Rect};
pub use route::{Route, Side};
pub use spatial::PointGrid;
pub use text_metrics::TextMetrics;

/// The shape every level is framed in.
pub const ASPECT: f32 = 16.0 / 9.0;
/// How much smaller each level's text is than the level above it.
pub const LEVEL_RATIO: f32 = 4.0;

/// Label size (font size in world units) of a node's own level.
pub fn label_size(level: Level) -> f32 {
    10.0 * LEVEL_RATIO.powi(4 - i32::from(level.number()))
}

/// Proportions of a node's box, in multiples of its label size.
pub mod proportions {
    pub const PAD_X: f32 = 0.8;
    pub const PAD_Y: f32 = 0.5;
    pub const LABEL_LINE: f32 = 1.3;
    pub const GAP: f32 = 0.2;
    pub const DESCRIPTION: f32 = 0.46;
    pub const DESCRIPTION_LINE: f32 = 1.32;
    pub const DESCRIPTION_LINES: usize = 3;
    pub const BADGE: f32 = 0.42;
    pub const BADGE_HEIGHT: f32 = 0.72;
    pub const BADGE_ROW: f32 = 0.8;
    pub const MIN_WIDTH: f32 = 10.0;
    pub const CORNER: f32 = 0.35;
    /// Edge label size.
    pub const EDGE_LABEL: f32 = 0.34;
    /// How much bigger an edge's label is drawn while the edge is lit.
    pub const LIT_EDGE_LABEL: f32 = 2.1;
    /// How far a box sits inside its region; the box grows into it as it opens.
    pub const INSET: f32 = 0.22;
    /// Space between sibling regions.
    pub const SIBLING_GAP: f32 = 0.9;
    /// A frame's header and padding, in multiples of the child level's label size.
    pub const HEADER: f32 = 1.25;
    pub const HEADER_LINE: f32 = 2.3;
    /// Room between a frame's header and its children, for the edges that run along
    /// the top of them to pass clear of the header's label.
    pub const CORRIDOR: f32 = 0.5;
    pub const FRAME_PAD: f32 = 1.0;
}
use proportions as p;

/// Everything the renderer needs to draw one node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeLayout {
    /// The frame that holds the node's children once it opens.
    pub region: Rect,
    /// The box as drawn on its own level.
    pub closed: Rect,
    pub label_size: f32,
    pub label_width: f32,
    /// The description broken into the lines that fit the box.
    pub description: Vec<String>,
    pub description_size: f32,
    /// "38 files" for nodes that carry a file count.
    pub badge: Option<String>,
    pub badge_width: f32,
    /// The label's size in the header of the open frame.
    pub header_size: f32,
}

impl NodeLayout {
    /// Centre of the label in the closed box.
    pub fn label_center(&self) -> Point {
        let h = self.label_size;
        if self.description.is_empty() {
            return self.closed.center;
        }
        Point::new(
            self.closed.center.x,
            self.closed.top() - h * (p::PAD_Y + p::LABEL_LINE / 2.0),
        )
    }

    /// Centre of the description block in the closed box.
    pub fn description_center(&self) -> Point {
        let h = self.label_size;
        let lines = self.description.len() as f32;
        let block = lines * self.description_size * p::DESCRIPTION_LINE;
        let top = self.closed.top() - h * (p::PAD_Y + p::LABEL_LINE + p::GAP);
        Point::new(self.closed.center.x, top - block / 2.0)
    }

    /// The badge's pill, in the bottom-right corner of the closed box.
    pub fn badge_rect(&self) -> Option<Rect> {
        self.badge.as_ref()?;
        let h = self.label_size;
        let width = self.badge_width + h * 0.7;
        let height = h * p::BADGE_HEIGHT;
        let margin = h * 0.3;
        Some(Rect::new(
            Point::new(
                self.closed.right() - margin - width / 2.0,
                self.closed.bottom() + margin + height / 2.0,
            ),
            width,
            height,
        ))
    }

    /// Left end of the header label's baseline row in the open frame (its vertical centre).
    pub fn header_anchor(&self) -> Point {
        let c = self.header_size / p::HEADER;
        Point::new(
            self.region.left() + c * p::FRAME_PAD,
            self.region.top() - c * p::HEADER_LINE / 2.0,
        )
    }

    /// Where the header label sits in the open frame.
    pub fn header_rect(&self) -> Rect {
        let anchor = self.header_anchor();
        let width = self.label_width / self.label_size.max(f32::MIN_POSITIVE) * self.header_size;
        Rect::new(
            Point::new(anchor.x + width / 2.0, anchor.y),
            width,
            self.header_size,
        )
    }
}

/// The layout of a whole map.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub nodes: Vec<NodeLayout>,
    /// One route per map edge, between the closed boxes of its ends.
    pub edges: Vec<Route>,
    /// All top-level regions.
    pub bounds: Rect,
    /// The camera view height at which each level (L1–L4) is fully shown.
    pub anchors: [f32; 4],
}

impl Layout {
    pub fn node(&self, node: NodeIndex) -> &NodeLayout {
        &self.nodes[node.0]
    }

    /// How well the routes keep out of the way: for every edge, the boxes of its level
    /// other than its own ends that its path passes through, summed.
    pub fn boxes_crossed(&self, map: &Map) -> usize {
        let mut place = vec![0usize; map.nodes.len()];
        Level::ALL
            .into_iter()
            .map(|level| {
                let level_boxes = LevelBoxes::new(map, &self.nodes, level, &mut place);
                map.edges_on(level)
                    .map(|e| {
                        let edge = map.edge(e);
                        let obstacles = level_boxes.obstacles(edge.from, edge.to, &place);
                        route::boxes_crossed(&self.edges[e.0], &obstacles)
                    })
                    .sum::<usize>()
            })
            .sum()
    }

    /// Lays out every node and routes every edge.
    pub fn compute(map: &Map, metrics: &TextMetrics) -> Layout {
        Layout::route(map, metrics, Placement::compute(map, metrics))
    }

    /// Routes every edge between the placed nodes.
    pub fn route(map: &Map, metrics: &TextMetrics, placement: Placement) -> Layout {
        let edges = route_edges(map, metrics, &placement.nodes, &placement.groups);
        Layout {
            nodes: placement.nodes,
            edges,
            bounds: placement.bounds,
            anchors: placement.anchors,
        }
    }
}

/// Where every node sits, before the edges between them are routed.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub nodes: Vec<NodeLayout>,
    /// The free space between siblings, that routes keep to.
    pub groups: channels::Groups,
    /// All top-level regions.
    pub bounds: Rect,
    /// The camera view height at which each level (L1–L4) is fully shown.
    pub anchors: [f32; 4],
}

impl Placement {
    /// Sizes every node from its labels, then places each inside its parent.
    pub fn compute(map: &Map, metrics: &TextMetrics) -> Placement {
        let family = Family::new(map);
        let mut sized = vec![Sized::default(); map.nodes.len()];
        for level in [Level::L4, Level::L3, Level::L2, Level::L1] {
            // A level's nodes are measured from their children alone: on every core.
            let here: Vec<NodeIndex> = map.nodes_on(level).collect();
            let measured = on_every_core(here.len(), |k| {
                measure(map, metrics, here[k], &sized, &family)
            });
            for (n, s) in here.into_iter().zip(measured) {
                sized[n.0] = s;
            }
        }
        let mut nodes: Vec<NodeLayout> = sized.iter().map(|s| s.node.clone()).collect();

        // Top level: every node without a parent.
        let roots: Vec<NodeIndex> = map
            .node_indices()
            .filter(|&n| map.node(n).parent.is_none())
            .collect();
        let sizes: Vec<(f32, f32)> = roots.iter().map(|r| sized[r.0].size).collect();
        let gap = label_size(Level::L1) * p::SIBLING_GAP;
        let top = arrange::arrange(&sizes, family.edges_among(None), gap, ASPECT);
        let mut groups = channels::Groups {
            children: vec![channels::Group::default(); map.nodes.len()],
            roots: channels::Group {
                bands: top.bands.clone(),
                gap,
            },
            slots: vec![arrange::Slot::default(); map.nodes.len()],
        };
        for (i, &root) in roots.iter().enumerate() {
            groups.slots[root.0] = top.slots[i];
            place(map, &sized, &mut nodes, &mut groups, root, top.cells[i]);
        }
        let bounds = roots
            .iter()
            .map(|r| nodes[r.0].region)
            .reduce(|a, b| a.union(&b))
            .unwrap_or_default();
        let anchors = anchors(map, &nodes, &bounds);
        Placement {
            nodes,
            groups,
            bounds,
            anchors,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Sized {
    node: NodeLayout,
    /// The region's natural size.
    size: (f32, f32),
    /// Children placement relative to the centre of the children area.
    children: Option<arrange::Arrangement>,
}

impl Default for NodeLayout {
    fn default() -> Self {
        NodeLayout {
            region: Rect::default(),
            closed: Rect::default(),
            label_size: 0.0,
            label_width: 0.0,
            description: Vec::new(),
            description_size: 0.0,
            badge: None,
            badge_width: 0.0,
            header_size: 0.0,
        }
    }
}

fn measure(
    map: &Map,
    metrics: &TextMetrics,
    n: NodeIndex,
    sized: &[Sized],
    family: &Family,
) -> Sized {
    let node = map.node(n);
    let h = label_size(node.level);
    let label_width = metrics.width(&node.label) * h;
    let badge = node.files.map(|f| {
        if f == 1 {
            "1 file".to_string()
        } else {
            format!("{f} files")
        }
    });
    let badge_size = h * p::BADGE;
    let badge_width = badge
        .as_deref()
        .map_or(0.0, |b| metrics.width(b) * badge_size);
    let box_width = (label_width + 2.0 * p::PAD_X * h)
        .max(p::MIN_WIDTH * h)
        .max(badge_width + h * 2.0 * p::PAD_X + h);
    let description_size = h * p::DESCRIPTION;
    let description = metrics.wrap(
        &node.description,
        (box_width - 2.0 * p::PAD_X * h) / description_size,
        p::DESCRIPTION_LINES,
    );
    // Every box of a level is as tall; levels with file badges keep a row for them.
    let badge_row = if family.badges_on[node.level.index()] {
        p::BADGE_ROW * h
    } else {
        0.0
    };
    let box_height = h * (2.0 * p::PAD_Y + p::LABEL_LINE + p::GAP)
        + p::DESCRIPTION_LINES as f32 * description_size * p::DESCRIPTION_LINE
        + badge_row;
    let inset = h * p::INSET;
    let mut size = (box_width + 2.0 * inset, box_height + 2.0 * inset);

    let mut header_size = 0.0;
    let mut children = None;
    if let Some(below) = node.level.below().filter(|_| !node.children.is_empty()) {
        let c = label_size(below);
        header_size = c * p::HEADER;
        let sizes: Vec<(f32, f32)> = node.children.iter().map(|k| sized[k.0].size).collect();
        let arrangement = arrange::arrange(
            &sizes,
            family.edges_among(Some(n)),
            c * p::SIBLING_GAP,
            ASPECT,
        );
        let header_width = metrics.width(&node.label) * header_size + 2.0 * c * p::FRAME_PAD;
        size.0 = size
            .0
            .max(arrangement.width + 2.0 * c * p::FRAME_PAD)
            .max(header_width);
        size.1 = size
            .1
            .max(arrangement.height + c * (p::HEADER_LINE + p::CORRIDOR + p::FRAME_PAD));
        children = Some(arrangement);
    }
    Sized {
        node: NodeLayout {
            region: Rect::new(Point::default(), size.0, size.1),
            closed: Rect::default(),
            label_size: h,
            label_width,
            description,
            description_size,
            badge,
            badge_width,
            header_size,
        },
        size,
        children,
    }
}

/// Places a node's region and, recursively, its children inside it.
fn place(
    map: &Map,
    sized: &[Sized],
    nodes: &mut [NodeLayout],
    groups: &mut channels::Groups,
    n: NodeIndex,
    region: Rect,
) {
    let node = map.node(n);
    let h = label_size(node.level);
    nodes[n.0].region = region;
    nodes[n.0].closed = region.inset(h * p::INSET);
    let Some(arrangement) = &sized[n.0].children else {
        return;
    };
    let c = nodes[n.0].header_size / p::HEADER;
    // The children area: below the header, inside the padding; the group sits in its middle.
    let area = Rect::from_corners(
        Point::new(
            region.left() + c * p::FRAME_PAD,
            region.bottom() + c * p::FRAME_PAD,
        ),
        Point::new(
            region.right() - c * p::FRAME_PAD,
            region.top() - c * (p::HEADER_LINE + p::CORRIDOR),
        ),
    );
    groups.children[n.0] = channels::Group {
        bands: arrangement
            .bands
            .iter()
            .map(|b| b.translated(area.center.x, area.center.y))
            .collect(),
        gap: c * p::SIBLING_GAP,
    };
    for (i, &child) in node.children.iter().enumerate() {
        let cell = arrangement.cells[i];
        let placed = Rect::new(area.center + cell.center, cell.width, cell.height);
        groups.slots[child.0] = arrangement.slots[i];
        place(map, sized, nodes, groups, child, placed);
    }
}

/// What is worked out once per map for sizing: the edges inside each group of
/// siblings, and which levels carry file badges.
struct Family {
    /// Per parent (roots under `None`), edges between its children as index pairs
    /// into its children (or the roots), in map order.
    inside: std::collections::HashMap<Option<NodeIndex>, Vec<(usize, usize)>>,
    badges_on: [bool; 4],
}

impl Family {
    fn new(map: &Map) -> Family {
        let mut place = vec![0usize; map.nodes.len()];
        let mut roots = 0;
        for n in map.node_indices() {
            match map.node(n).parent {
                Some(p) => {
                    let k = map.node(p).children.iter().position(|&c| c == n);
                    place[n.0] = k.unwrap_or(0);
                }
                None => {
                    place[n.0] = roots;
                    roots += 1;
                }
            }
        }
        let mut inside: std::collections::HashMap<Option<NodeIndex>, Vec<(usize, usize)>> =
            std::collections::HashMap::new();
        for e in &map.edges {
            let parent = map.node(e.from).parent;
            if parent == map.node(e.to).parent {
                inside
                    .entry(parent)
                    .or_default()
                    .push((place[e.from.0], place[e.to.0]));
            }
        }
        let mut badges_on = [false; 4];
        for node in &map.nodes {
            if node.files.is_some() {
                badges_on[node.level.index()] = true;
            }
        }
        Family { inside, badges_on }
    }

    fn edges_among(&self, parent: Option<NodeIndex>) -> &[(usize, usize)] {
        self.inside.get(&parent).map_or(&[], Vec::as_slice)
    }
}

fn route_edges(
    map: &Map,
    metrics: &TextMetrics,
    nodes: &[NodeLayout],
    groups: &channels::Groups,
) -> Vec<Route> {
    let mut routes = vec![None; map.edges.len()];
    // Each node's place in its level's list of boxes.
    let mut place = vec![0usize; map.nodes.len()];
    let needed = trunks::needed(map);
    let mut trunks = trunks::Trunks::default();
    for level in Level::ALL {
        let level_boxes = LevelBoxes::new(map, nodes, level, &mut place);
        let scale = label_size(level);
        let clearance = scale * (p::SIBLING_GAP / 2.0 + p::INSET);
        let way = trunks::Way {
            map,
            nodes,
            groups,
            trunks: &trunks,
            scale,
        };
        // The trunks between this level's frames that edges further down share.
        let pairs = &needed[level.index()];
        let made: Vec<Route> = on_every_core(pairs.len(), |k| {
            let (a, b) = pairs[k];
            way.between_frames(a, b, &level_boxes.obstacles(a, b, &place))
        });

        let edges: Vec<usize> = map.edges_on(level).map(|e| e.0).collect();
        let obstacles: Vec<route::Obstacles> = edges
            .iter()
            .map(|&e| level_boxes.obstacles(map.edges[e].from, map.edges[e].to, &place))
            .collect();
        let ends: Vec<(Rect, Rect)> = edges
            .iter()
            .map(|&e| {
                (
                    nodes[map.edges[e].from.0].closed,
                    nodes[map.edges[e].to.0].closed,
                )
            })
            .collect();
        let connections: Vec<trunks::Connection> = on_every_core(edges.len(), |k| {
            let edge = &map.edges[edges[k]];
            way.between_boxes(edge.from, edge.to, &obstacles[k])
        });
        let (mut level_routes, splits): (Vec<Route>, Vec<Option<trunks::Split>>) =
            connections.into_iter().map(|c| (c.route, c.split)).unzip();
        route::spread_ports(&mut level_routes, &ends, scale);
        // Repaired where spreading put a box in the way, and where its lit label sits.
        let finished: Vec<Finished> = on_every_core(edges.len(), |k| {
            let better =
                trunks::repair(splits[k], &level_routes[k], &obstacles[k], scale, clearance);
            let (r, split) = match &better {
                Some(better) => (&better.route, better.split),
                None => (&level_routes[k], splits[k]),
            };
            let own = trunks::own_part(split, r);
            let label = &map.edges[edges[k]].label;
            let lit = (!label.is_empty()).then(|| {
                let size = scale * p::LIT_EDGE_LABEL;
                lit_label_spots(r, own, label, metrics, size, &obstacles[k])
            });
            (better.map(|b| b.route), own, lit)
        });
        trunks.add(pairs, made);
        // Labels keep clear of each other: unlit ones of boxes too, lit ones (drawn
        // larger, over the dimmed map) of other lit ones.
        let mut taken = Taken::new(&level_boxes.grid, true);
        let mut lit_taken = Taken::new(&level_boxes.grid, false);
        // Nor do they cover the labels of the open frames the level's boxes sit in.
        if let Some(up) = level.above() {
            for n in map
                .nodes_on(up)
                .filter(|&n| !map.node(n).children.is_empty())
            {
                let header = nodes[n.0].header_rect();
                taken.add(header);
                lit_taken.add(header);
            }
        }
        let finished = level_routes.into_iter().zip(finished);
        for (k, (mut r, (better, own, lit))) in finished.enumerate() {
            let e = edges[k];
            if let Some(better) = better {
                r = better;
            }
            if let Some(spots) = lit {
                let label = &map.edges[e].label;
                let size = scale * p::LIT_EDGE_LABEL;
                r.lit_label_at =
                    lit_label_spot(&r, own, &spots, label, metrics, size, &mut lit_taken);
                r.label_at = label_spot(&r, own, label, metrics, scale, &taken);
                if let Some(t) = r.label_at {
                    let (w, h) = edge_label_plate(label, metrics, scale);
                    taken.add(Rect::new(r.at(t), w, h));
                }
            }
            routes[e] = Some(r);
        }
    }
    routes
        .into_iter()
        .map(|r| r.expect("every edge is on a level"))
        .collect()
}

/// One level's closed boxes, indexed for routing.
struct LevelBoxes {
    boxes: Vec<Rect>,
    grid: PointGrid,
}

impl LevelBoxes {
    /// The boxes of `level`'s nodes in map order; `place` gets each node's position
    /// among them.
    fn new(map: &Map, nodes: &[NodeLayout], level: Level, place: &mut [usize]) -> LevelBoxes {
        let on_level: Vec<NodeIndex> = map.nodes_on(level).collect();
        for (k, n) in on_level.iter().enumerate() {
            place[n.0] = k;
        }
        let boxes: Vec<Rect> = on_level.iter().map(|n| nodes[n.0].closed).collect();
        LevelBoxes {
            grid: PointGrid::new(&boxes),
            boxes,
        }
    }

    /// What is in the way of a route between two of the level's nodes: everything on
    /// the level but those two.
    fn obstacles(&self, a: NodeIndex, b: NodeIndex, place: &[usize]) -> route::Obstacles<'_> {
        route::Obstacles {
            rects: &self.boxes,
            grid: &self.grid,
            ends: [place[a.0], place[b.0]],
        }
    }
}

/// `work(0..count)` in order, shared out in interleaved slices between the machine's
/// cores. Each result depends on its index alone, so the outcome is the same on any
/// number of cores.
fn on_every_core<T: Send>(count: usize, work: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(count / 64).max(1);
    if threads == 1 {
        return (0..count).map(work).collect();
    }
    let work = &work;
    let parts: Vec<Vec<T>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| scope.spawn(move || (t..count).step_by(threads).map(work).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a routing thread panicked"))
            .collect()
    });
    let mut parts: Vec<std::vec::IntoIter<T>> = parts.into_iter().map(Vec::into_iter).collect();
    (0..count)
        .map(|k| parts[k % threads].next().expect("every index was worked"))
        .collect()
}

/// What an edge label may not cover: the level's boxes (where they count) and the
/// labels placed so far, both found through the level's grid.
struct Taken<'a> {
    grid: &'a PointGrid,
    /// Whether the level's boxes count, or only the labels.
    boxes: bool,
    /// The labels placed so far, listed in every cell they meet.
    labels: Vec<Vec<Rect>>,
}

impl<'a> Taken<'a> {
    fn new(grid: &'a PointGrid, boxes: bool) -> Taken<'a> {
        Taken {
            grid,
            boxes,
            labels: vec![Vec::new(); grid.cells()],
        }
    }

    fn add(&mut self, rect: Rect) {
        for cell in self.grid.cells_meeting(&rect) {
            self.labels[cell].push(rect);
        }
    }

    fn overlaps(&self, plate: &Rect) -> bool {
        self.grid.cells_meeting(plate).any(|cell| {
            (self.boxes
                && self
                    .grid
                    .members(cell)
                    .any(|i| self.grid.rect(i).overlaps(plate)))
                || self.labels[cell].iter().any(|l| l.overlaps(plate))
        })
    }
}

/// Size of an edge label's plate for a level's label size.
pub fn edge_label_plate(label: &str, metrics: &TextMetrics, scale: f32) -> (f32, f32) {
    let size = scale * p::EDGE_LABEL;
    (metrics.width(label) * size + size * 0.9, size * 1.45)
}

/// Where along the `own` part of a route its label plate covers no box and no other
/// label, preferring the middle.
fn label_spot(
    route: &Route,
    own: (f32, f32),
    label: &str,
    metrics: &TextMetrics,
    scale: f32,
    taken: &Taken,
) -> Option<f32> {
    let (w, h) = edge_label_plate(label, metrics, scale);
    const SPOTS: [f32; 9] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
    SPOTS
        .iter()
        .map(|&s| own.0 + (own.1 - own.0) * s)
        .find(|&t| {
            let plate = Rect::new(route.at(t), w, h);
            !taken.overlaps(&plate)
        })
}

/// Where along the `own` part of a route a lit edge's label may sit, best first: the
/// spot covering the least, where its own boxes count double (their names are what the
/// label sits between) and other boxes once; the middle wins ties.
fn lit_label_spots(
    route: &Route,
    own: (f32, f32),
    label: &str,
    metrics: &TextMetrics,
    scale: f32,
    obstacles: &route::Obstacles,
) -> LitSpots {
    let (w, h) = edge_label_plate(label, metrics, scale);
    const SPOTS: [f32; LIT_SPOTS] = [
        0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8,
    ];
    let cover = |t: f32| {
        let plate = Rect::new(route.at(t), w, h);
        let rects = obstacles.rects;
        let ends = obstacles.ends;
        // Its own boxes once here and once more below: twice in all.
        obstacles
            .grid
            .meeting(&plate)
            .map(|i| rects[i].overlap_area(&plate))
            .sum::<f32>()
            + ends
                .iter()
                .map(|&i| rects[i].overlap_area(&plate))
                .sum::<f32>()
    };
    let mut spots = SPOTS.map(|s| {
        let t = own.0 + (own.1 - own.0) * s;
        (cover(t), t)
    });
    // Stable: of spots covering as much, the nearer the middle first.
    spots.sort_by(|a, b| a.0.total_cmp(&b.0));
    spots.map(|(_, t)| t)
}

const LIT_SPOTS: usize = 13;

/// Where a lit label may sit along its route, best first.
type LitSpots = [f32; LIT_SPOTS];

/// What is worked out for an edge after its ports are spread: the route that replaces
/// it (where repaired), the part of it that is its own, and its lit label's spots.
type Finished = (Option<Route>, (f32, f32), Option<LitSpots>);

/// Of a lit label's spots (best first), the first whose plate covers no lit label placed
/// before it, then any such place along its own part, or the best spot where every place
/// does; the plate is then taken.
fn lit_label_spot(
    route: &Route,
    own: (f32, f32),
    spots: &LitSpots,
    label: &str,
    metrics: &TextMetrics,
    scale: f32,
    lit: &mut Taken,
) -> f32 {
    let (w, h) = edge_label_plate(label, metrics, scale);
    let plate = |t: f32| Rect::new(route.at(t), w, h);
    // Where every spot is taken, any free place along the route will do.
    let anywhere = (1..20).map(|k| own.0 + (own.1 - own.0) * k as f32 / 20.0);
    let t = spots
        .iter()
        .copied()
        .chain(anywhere)
        .find(|&t| !lit.overlaps(&plate(t)))
        .unwrap_or(spots[0]);
    lit.add(plate(t));
    t
}

/// Camera view heights at which each level is fully shown: the whole map for L1, and
/// for each deeper level the typical open frame of the level above.
fn anchors(map: &Map, nodes: &[NodeLayout], bounds: &Rect) -> [f32; 4] {
    const MARGIN: f32 = 1.06;
    let mut anchors = [bounds.view_height(ASPECT) * MARGIN; 4];
    for level in [Level::L2, Level::L3, Level::L4] {
        let k = level.index();
        let above = level.above().expect("L2–L4 have a level above");
        let mut heights: Vec<f32> = map
            .nodes_on(above)
            .filter(|&n| !map.node(n).children.is_empty())
            .map(|n| nodes[n.0].region.view_height(ASPECT) * MARGIN)
            .collect();
        heights.sort_by(f32::total_cmp);
        anchors[k] = heights
            .get(heights.len() / 2)
            .copied()
            .unwrap_or(anchors[k - 1] / LEVEL_RATIO)
            .min(anchors[k - 1] * 0.95);
    }
    anchors
}
