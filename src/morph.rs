//! The shape of every node and edge at a zoom value: a parent's box grows into the
//! frame that holds its children, its label moves to the frame's header, the children
//! fade in, and edges hand over from one level to the next. Pure: the renderer only
//! applies what this computes.

use crate::layout::{Layout, NodeLayout, Point, Rect, Route, label_size};
use crate::map::{EdgeIndex, Map, NodeIndex};
use crate::zoom::{edge_opacity, node_opacity, open_progress};

/// How one node looks at a zoom value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeShape {
    /// The box's rectangle: the closed box, growing into the region as it opens.
    pub rect: Rect,
    /// 0 a closed box, 1 an open frame.
    pub open: f32,
    /// 0 invisible, 1 fully visible.
    pub opacity: f32,
    /// Where the label's centre is and how big it is.
    pub label_center: Point,
    pub label_size: f32,
}

pub fn node_shape(map: &Map, layout: &Layout, node: NodeIndex, zoom: f32) -> NodeShape {
    let n = map.node(node);
    let l = layout.node(node);
    let open = if n.children.is_empty() {
        0.0
    } else {
        open_progress(n.level, zoom)
    };
    let rect = l.closed.lerp(&l.region, open);
    let (label_center, label_size) = label_at(l, open);
    NodeShape {
        rect,
        open,
        opacity: node_opacity(n.level, zoom),
        label_center,
        label_size,
    }
}

/// The label's centre and size part-way (`open`) from the closed box to the header.
fn label_at(l: &NodeLayout, open: f32) -> (Point, f32) {
    if open <= 0.0 || l.header_size <= 0.0 {
        return (l.label_center(), l.label_size);
    }
    let header_width = l.label_width / l.label_size * l.header_size;
    let header_center = l.header_anchor() + Point::new(header_width / 2.0, 0.0);
    // Ease so the label leaves the centre early and settles into the header.
    let t = 1.0 - (1.0 - open) * (1.0 - open);
    let size = l.label_size * (l.header_size / l.label_size).powf(t);
    (l.label_center().lerp(header_center, t), size)
}

/// How one edge looks at a zoom value: its route between the ends' current boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeShape {
    pub route: Route,
    pub opacity: f32,
    /// The opacity without the lightening of edges that cross frames (for lit edges).
    pub visibility: f32,
    /// Stroke width in world units.
    pub width: f32,
}

/// How visible an edge between nodes in different frames is, relative to one inside a frame.
pub const ACROSS_FRAMES: f32 = 0.45;

pub fn edge_shape(map: &Map, layout: &Layout, edge: EdgeIndex, zoom: f32) -> EdgeShape {
    let e = map.edge(edge);
    let from = node_shape(map, layout, e.from, zoom);
    let to = node_shape(map, layout, e.to, zoom);
    edge_between(map, layout, edge, zoom, &from, &to)
}

/// Every node's and edge's shape at a zoom value, each node computed once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shapes {
    pub nodes: Vec<NodeShape>,
    pub edges: Vec<EdgeShape>,
}

pub fn shapes(map: &Map, layout: &Layout, zoom: f32) -> Shapes {
    let nodes: Vec<NodeShape> = map
        .node_indices()
        .map(|n| node_shape(map, layout, n, zoom))
        .collect();
    let edges = map
        .edge_indices()
        .map(|e| {
            let edge = map.edge(e);
            edge_between(map, layout, e, zoom, &nodes[edge.from.0], &nodes[edge.to.0])
        })
        .collect();
    Shapes { nodes, edges }
}

/// An edge's shape given the shapes of its two ends.
fn edge_between(
    map: &Map,
    layout: &Layout,
    edge: EdgeIndex,
    zoom: f32,
    from: &NodeShape,
    to: &NodeShape,
) -> EdgeShape {
    let e = map.edge(edge);
    let level = map.node(e.from).level;
    let base = &layout.edges[edge.0];
    let start = follow(base.start(), &layout.node(e.from).closed, &from.rect);
    let end = follow(base.end(), &layout.node(e.to).closed, &to.rect);
    let mut route = base.clone();
    let last = route.points.len() - 1;
    let (lead, tail) = (start - base.start(), end - base.end());
    route.points[0] = start;
    route.points[1] = route.points[1] + lead;
    route.points[last - 1] = route.points[last - 1] + tail;
    route.points[last] = end;
    // Edges that leave their frame for another are drawn lighter: they are context.
    let across = if map.node(e.from).parent == map.node(e.to).parent {
        1.0
    } else {
        ACROSS_FRAMES
    };
    let visibility = edge_opacity(level, zoom) * from.opacity.min(to.opacity);
    EdgeShape {
        route,
        opacity: visibility * across,
        visibility,
        width: label_size(level) * 0.08,
    }
}

/// A point on `before`'s border carried to the same relative place on `after`.
fn follow(p: Point, before: &Rect, after: &Rect) -> Point {
    let rel = Point::new(
        (p.x - before.center.x) / before.width.max(1e-6),
        (p.y - before.center.y) / before.height.max(1e-6),
    );
    Point::new(
        after.center.x + rel.x * after.width,
        after.center.y + rel.y * after.height,
    )
}
