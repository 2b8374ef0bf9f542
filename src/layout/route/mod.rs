//! An edge's route between two boxes: a smooth path of cubic curves that leaves one
//! box's border and arrives square to the other's. The search picks the path, the walk
//! finds the boxes a path passes through, and ports spread edges sharing a side.

mod ports;
mod search;
mod walk;

use super::geometry::{Point, Rect};
use super::spatial::PointGrid;
pub use ports::spread_ports;
pub use search::{Candidate, cheapest, repair};

/// The boxes an edge must keep out of: everything on its level but its own two ends.
#[derive(Debug, Clone, Copy)]
pub struct Obstacles<'a> {
    /// Every box of the level.
    pub rects: &'a [Rect],
    /// The same boxes, by the points they hold.
    pub grid: &'a PointGrid,
    /// The edge's own ends (positions in `rects`).
    pub ends: [usize; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Left,
    Right,
    Bottom,
    Top,
}

impl Side {
    const ALL: [Side; 4] = [Side::Right, Side::Left, Side::Bottom, Side::Top];

    pub fn opposite(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
            Side::Bottom => Side::Top,
            Side::Top => Side::Bottom,
        }
    }

    /// The outward direction.
    pub fn normal(self) -> Point {
        match self {
            Side::Left => Point::new(-1.0, 0.0),
            Side::Right => Point::new(1.0, 0.0),
            Side::Bottom => Point::new(0.0, -1.0),
            Side::Top => Point::new(0.0, 1.0),
        }
    }

    /// The point at `t` (0–1) along this side of `rect`, left to right or bottom to top.
    pub fn point(self, rect: &Rect, t: f32) -> Point {
        let (lo, hi) = (rect.min(), rect.max());
        match self {
            Side::Left => Point::new(lo.x, lo.y + (hi.y - lo.y) * t),
            Side::Right => Point::new(hi.x, lo.y + (hi.y - lo.y) * t),
            Side::Bottom => Point::new(lo.x + (hi.x - lo.x) * t, lo.y),
            Side::Top => Point::new(lo.x + (hi.x - lo.x) * t, hi.y),
        }
    }

    /// How far along this side a point lies (the coordinate that runs along it).
    fn along(self, p: Point) -> f32 {
        match self {
            Side::Left | Side::Right => p.y,
            Side::Bottom | Side::Top => p.x,
        }
    }
}

/// A point on a border where a route may leave or arrive, square to `side`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Port {
    pub at: Point,
    pub side: Side,
}

impl Port {
    pub fn new(at: Point, side: Side) -> Port {
        Port { at, side }
    }

    /// The middles of a box's sides.
    pub fn middles(rect: &Rect) -> [Port; 4] {
        Side::ALL.map(|side| Port::new(side.point(rect, 0.5), side))
    }

    /// Whether a path leaving (or reaching) this port towards (or from) `goal` heads
    /// out of its side rather than back across it.
    pub fn faces(self, goal: Point) -> bool {
        let n = self.side.normal();
        let d = goal - self.at;
        n.x * d.x + n.y * d.y >= 0.0
    }

    /// The same point seen from the other side of the border: a route that arrives
    /// here carries on through it.
    pub fn through(self) -> Port {
        Port::new(self.at, self.side.opposite())
    }
}

/// The most bends a path through free space takes.
pub const MOST_BENDS: usize = 6;

/// A path's bends, in order, kept without a heap allocation; a bend that repeats the
/// one before it is left out.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bends {
    points: [Point; MOST_BENDS],
    len: usize,
}

impl Bends {
    pub fn new(points: &[Point]) -> Bends {
        let mut bends = Bends::default();
        for &p in points {
            if bends.len > 0 && (p - bends.points[bends.len - 1]).length() < 1e-3 {
                continue;
            }
            bends.points[bends.len] = p;
            bends.len += 1;
        }
        bends
    }
}

impl std::ops::Deref for Bends {
    type Target = [Point];

    fn deref(&self) -> &[Point] {
        &self.points[..self.len]
    }
}

/// A routed edge: cubic Bézier segments `points[3k..=3k+3]`, from `points[0]` on the
/// source border to the last point on the target border.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub points: Vec<Point>,
    pub from_side: Side,
    pub to_side: Side,
    /// Where along the path (0–1) its label sits; `None` where no spot is free of
    /// boxes and other labels (it is then shown only when the edge is highlighted).
    pub label_at: Option<f32>,
    /// Where the (larger) label of the edge sits while it is lit: the spot covering the
    /// least of other boxes.
    pub lit_label_at: f32,
}

fn cubic(p: &[Point], t: f32) -> Point {
    let u = 1.0 - t;
    p[0] * (u * u * u) + p[1] * (3.0 * u * u * t) + p[2] * (3.0 * u * t * t) + p[3] * (t * t * t)
}

fn cubic_tangent(p: &[Point], t: f32) -> Point {
    let u = 1.0 - t;
    (p[1] - p[0]) * (3.0 * u * u) + (p[2] - p[1]) * (6.0 * u * t) + (p[3] - p[2]) * (3.0 * t * t)
}

impl Route {
    /// A route through these control points, its label in the middle until placed.
    pub fn new(points: Vec<Point>, from_side: Side, to_side: Side) -> Route {
        Route {
            points,
            from_side,
            to_side,
            label_at: None,
            lit_label_at: 0.5,
        }
    }

    pub fn start(&self) -> Point {
        self.points[0]
    }

    pub fn end(&self) -> Point {
        self.points[self.points.len() - 1]
    }

    fn segments(&self) -> usize {
        (self.points.len() - 1) / 3
    }

    /// The segment holding `t` and the parameter within it.
    fn locate(&self, t: f32) -> (usize, f32) {
        let n = self.segments();
        let scaled = t.clamp(0.0, 1.0) * n as f32;
        let s = (scaled.floor() as usize).min(n - 1);
        (s, scaled - s as f32)
    }

    /// The point at `t` (0–1) along the path.
    pub fn at(&self, t: f32) -> Point {
        let (s, local) = self.locate(t);
        cubic(&self.points[3 * s..3 * s + 4], local)
    }

    /// The direction of travel at `t`, not normalised.
    pub fn tangent(&self, t: f32) -> Point {
        let (s, local) = self.locate(t);
        cubic_tangent(&self.points[3 * s..3 * s + 4], local)
    }

    /// `count + 1` points evenly spaced in `t`.
    pub fn sample(&self, count: usize) -> Vec<Point> {
        let segments = self.segments();
        if count == 0 || !count.is_multiple_of(segments) {
            return (0..=count)
                .map(|i| self.at(i as f32 / count as f32))
                .collect();
        }
        // Whole segments at a time, without locating each point's segment.
        let per = count / segments;
        let mut points = Vec::with_capacity(count + 1);
        for s in 0..segments {
            let p = &self.points[3 * s..3 * s + 4];
            points.extend((0..per).map(|j| cubic(p, j as f32 / per as f32)));
        }
        points.push(self.end());
        points
    }

    pub fn length(&self) -> f32 {
        curve_length(&self.points)
    }

    /// The port it leaves from and the one it arrives at.
    pub fn ports(&self) -> (Port, Port) {
        (
            Port::new(self.start(), self.from_side),
            Port::new(self.end(), self.to_side),
        )
    }

    /// The same path run the other way.
    pub fn reversed(&self) -> Route {
        Route::new(
            self.points.iter().rev().copied().collect(),
            self.to_side,
            self.from_side,
        )
    }

    /// One route through `parts` in turn, each starting where the last ends.
    pub fn joined(parts: &[&Route]) -> Route {
        let mut points = parts[0].points.clone();
        for part in &parts[1..] {
            points.extend_from_slice(&part.points[1..]);
        }
        Route::new(points, parts[0].from_side, parts[parts.len() - 1].to_side)
    }

    /// The part of the path from point `from` to point `to` (multiples of three), which
    /// leaves from `from_side` and arrives at `to_side`.
    pub fn part(&self, from: usize, to: usize, from_side: Side, to_side: Side) -> Route {
        Route::new(self.points[from..=to].to_vec(), from_side, to_side)
    }

    /// Moves every point by `offset`.
    pub fn translated(&self, offset: Point) -> Route {
        Route {
            points: self.points.iter().map(|&p| p + offset).collect(),
            ..self.clone()
        }
    }

    /// The path from `from` (leaving `from_side`) through `via` to `to` (arriving
    /// square to `to_side`); `bend` is how far the end handles stand off the borders.
    pub fn through(
        from: Point,
        from_side: Side,
        via: &[Point],
        to: Point,
        to_side: Side,
        bend: f32,
    ) -> Route {
        let mut points = Vec::with_capacity(3 * via.len() + 4);
        control_points(from, from_side, via, to, to_side, bend, |p| points.push(p));
        Route::new(points, from_side, to_side)
    }

    /// The path of straight runs from `from` through the corners `via` to `to`, each
    /// corner rounded with a radius of at most `radius`.
    pub fn rounded(
        from: Point,
        from_side: Side,
        via: &[Point],
        to: Point,
        to_side: Side,
        radius: f32,
    ) -> Route {
        let mut points = Vec::with_capacity(6 * via.len() + 4);
        rounded_points(from, via, to, radius, |p| points.push(p));
        Route::new(points, from_side, to_side)
    }

    /// A single curve between two points.
    pub fn between(from: Point, from_side: Side, to: Point, to_side: Side, bend: f32) -> Route {
        Route::through(from, from_side, &[], to, to_side, bend)
    }

    /// Places the ends again (keeping any bends in between) and restores the handles.
    fn move_ends(&mut self, from: Point, to: Point, scale: f32) {
        let points = &mut self.points;
        let last = points.len() - 1;
        points[0] = from;
        points[last] = to;
        let bend = bend_for(from, to, scale);
        let first_target = if last > 3 { points[3] } else { to };
        let last_source = if last > 3 { points[last - 3] } else { from };
        points[1] = from
            + self.from_side.normal()
                * bend
                    .min((first_target - from).length() * 0.5)
                    .max(scale * 0.3);
        points[last - 1] = to
            + self.to_side.normal() * bend.min((to - last_source).length() * 0.5).max(scale * 0.3);
    }
}

/// The control points of the path from `from` (leaving `from_side`) through `via` to
/// `to` (arriving square to `to_side`), handed to `emit` in order.
fn control_points(
    from: Point,
    from_side: Side,
    via: &[Point],
    to: Point,
    to_side: Side,
    bend: f32,
    mut emit: impl FnMut(Point),
) {
    let anchor = |i: usize| match i {
        0 => from,
        i if i <= via.len() => via[i - 1],
        _ => to,
    };
    let last = via.len() + 1;
    // End handles never reach past the neighbouring anchor, so bends stay tight.
    let first_bend = bend.min(0.45 * (anchor(1) - from).length());
    let last_bend = bend.min(0.45 * (to - anchor(last - 1)).length());
    emit(from);
    emit(from + from_side.normal() * first_bend);
    for i in 1..last {
        let (prev, here, next) = (anchor(i - 1), anchor(i), anchor(i + 1));
        let direction = (next - prev).direction();
        let handle = 0.35 * (here - prev).length().min((next - here).length());
        emit(here - direction * handle);
        emit(here);
        emit(here + direction * handle);
    }
    emit(to + to_side.normal() * last_bend);
    emit(to);
}

/// The control points of a path of straight runs from `from` through the corners
/// `via` to `to`, each corner rounded off with a radius of at most `radius` (and at
/// most half the runs beside it), handed to `emit` in order. It keeps within a third
/// of the radius of the straight runs, so it stays in the gaps they run along.
fn rounded_points(from: Point, via: &[Point], to: Point, radius: f32, mut emit: impl FnMut(Point)) {
    // A quarter circle's handles, as a fraction of its radius.
    const ARC: f32 = 0.552;
    let corner = |i: usize| match i {
        0 => from,
        i if i <= via.len() => via[i - 1],
        _ => to,
    };
    let last = via.len() + 1;
    let mut here = from;
    emit(from);
    let run_to = |here: &mut Point, target: Point, emit: &mut dyn FnMut(Point)| {
        emit(here.lerp(target, 1.0 / 3.0));
        emit(here.lerp(target, 2.0 / 3.0));
        emit(target);
        *here = target;
    };
    for i in 1..last {
        let (prev, at, next) = (corner(i - 1), corner(i), corner(i + 1));
        let r = radius
            .min((at - prev).length() / 2.0)
            .min((next - at).length() / 2.0);
        let (into, out) = ((at - prev).direction(), (next - at).direction());
        let (enter, leave) = (at - into * r, at + out * r);
        run_to(&mut here, enter, &mut emit);
        emit(enter + into * (r * ARC));
        emit(leave - out * (r * ARC));
        emit(leave);
        here = leave;
    }
    run_to(&mut here, to, &mut emit);
}

/// The length of a path of cubic segments: five-point Gauss–Legendre quadrature of
/// its speed over each segment, exact to well under a thousandth for these gentle curves.
fn curve_length(points: &[Point]) -> f32 {
    const NODES: [(f32, f32); 5] = [
        (0.5, 0.284_444_45),
        (0.230_765_35, 0.239_314_34),
        (0.769_234_65, 0.239_314_34),
        (0.046_910_077, 0.118_463_44),
        (0.953_089_9, 0.118_463_44),
    ];
    points
        .windows(4)
        .step_by(3)
        .map(|p| {
            NODES
                .iter()
                .map(|&(t, weight)| {
                    let d = cubic_tangent(p, t);
                    weight * (d.x * d.x + d.y * d.y).sqrt()
                })
                .sum::<f32>()
        })
        .sum()
}

fn bend_for(from: Point, to: Point, scale: f32) -> f32 {
    ((to - from).length() * 0.4).clamp(scale * 0.6, scale * 6.0)
}

/// How many boxes other than its own ends the path passes through (each counted once).
/// Counted on points along the curve itself, at the level's stride.
pub fn boxes_crossed(route: &Route, obstacles: &Obstacles) -> usize {
    let mut boxes: Vec<usize> = Vec::new();
    for p in walk::inner_samples(&route.points, obstacles.grid.stride()) {
        for i in obstacles.grid.holding(p) {
            if !obstacles.ends.contains(&i) && !boxes.contains(&i) {
                boxes.push(i);
            }
        }
    }
    boxes.len()
}

/// Whether the path's first and last curves pass through none of the obstacles.
/// `first` and `last` say which of the two to look at.
pub fn ends_clear(route: &Route, first: bool, last: bool, obstacles: &Obstacles) -> bool {
    let stride = obstacles.grid.stride();
    let end = route.points.len() - 1;
    let clear = |curve: &[Point]| walk::first_crossed(curve, stride, obstacles).is_none();
    (!first || clear(&route.points[..4])) && (!last || clear(&route.points[end - 3..]))
}

/// How many of `obstacles` the path passes through (each counted once), walked at the
/// spacing that suits the thinnest of them.
pub fn crossings(route: &Route, obstacles: &[Rect]) -> usize {
    let thinnest = obstacles
        .iter()
        .map(|o| o.width.min(o.height))
        .fold(f32::INFINITY, f32::min);
    let samples: Vec<Point> = walk::inner_samples(&route.points, thinnest / 2.0).collect();
    obstacles
        .iter()
        .filter(|o| samples.iter().any(|&p| o.contains(p)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32) -> Rect {
        Rect::new(Point::new(x, y), 10.0, 4.0)
    }

    /// The cheapest straight path between two boxes with `others` in the way.
    fn route_among(from: &Rect, to: &Rect, others: &[Rect]) -> Route {
        let rects: Vec<Rect> = [*from, *to]
            .into_iter()
            .chain(others.iter().copied())
            .collect();
        let grid = PointGrid::new(&rects);
        let obstacles = Obstacles {
            rects: &rects,
            grid: &grid,
            ends: [0, 1],
        };
        let candidates: Vec<Candidate> = Port::middles(from)
            .into_iter()
            .flat_map(|a| {
                Port::middles(to)
                    .into_iter()
                    .map(move |b| Candidate::straight(a, b))
            })
            .collect();
        cheapest(&candidates, &obstacles, 1.0).expect("one path at least")
    }

    /// `route` repaired among `rects` (the first two its ends).
    fn repaired_among(route: &Route, rects: &[Rect]) -> Route {
        let grid = PointGrid::new(rects);
        let obstacles = Obstacles {
            rects,
            grid: &grid,
            ends: [0, 1],
        };
        repair(route, &obstacles, 1.0, 1.0)
    }

    #[test]
    fn a_box_to_the_right_is_reached_from_the_right_side() {
        let r = route_among(&rect(0.0, 0.0), &rect(30.0, 0.0), &[]);
        assert_eq!((r.from_side, r.to_side), (Side::Right, Side::Left));
        assert_eq!(r.start(), Point::new(5.0, 0.0));
        assert_eq!(r.end(), Point::new(25.0, 0.0));
        assert_eq!(r.at(0.0), r.start());
        assert_eq!(r.at(1.0), r.end());
    }

    #[test]
    fn a_path_into_a_box_is_repaired_round_it() {
        let blocker = Rect::new(Point::new(15.0, 0.0), 6.0, 12.0);
        let straight = Route::between(
            Point::new(5.0, 0.0),
            Side::Right,
            Point::new(25.0, 0.0),
            Side::Left,
            8.0,
        );
        assert_eq!(crossings(&straight, &[blocker]), 1);
        let r = repaired_among(&straight, &[rect(0.0, 0.0), rect(30.0, 0.0), blocker]);
        assert_eq!(crossings(&r, &[blocker]), 0, "{r:?}");
        assert_eq!((r.start(), r.end()), (straight.start(), straight.end()));
    }

    #[test]
    fn a_path_through_a_row_of_boxes_is_not_bent() {
        let mut rects = vec![rect(0.0, 0.0), rect(135.0, 0.0)];
        rects.extend((1..=8).map(|i| rect(i as f32 * 15.0, 0.0)));
        let straight = Route::between(
            Point::new(5.0, 0.0),
            Side::Right,
            Point::new(130.0, 0.0),
            Side::Left,
            8.0,
        );
        let r = repaired_among(&straight, &rects);
        assert_eq!(r.points.len(), 4, "one curve, no bends: {r:?}");
    }

    #[test]
    fn rounded_paths_keep_to_their_runs_and_turn_square() {
        let via = [Point::new(10.0, 0.0), Point::new(10.0, 20.0)];
        let r = Route::rounded(
            Point::new(0.0, 0.0),
            Side::Right,
            &via,
            Point::new(30.0, 20.0),
            Side::Left,
            3.0,
        );
        assert_eq!(
            (r.start(), r.end()),
            (Point::new(0.0, 0.0), Point::new(30.0, 20.0))
        );
        // Every point lies within a third of the radius of the runs 0,0 → 10,0 → 10,20
        // → 30,20, and the corners are cut by no more.
        for p in r.sample(400) {
            let off = [p.y.abs(), (p.x - 10.0).abs(), (p.y - 20.0).abs()]
                .into_iter()
                .fold(f32::INFINITY, f32::min);
            assert!(off <= 1.0, "{p:?} strays {off}");
        }
        // Leaves along the first run and arrives along the last.
        assert!(r.tangent(0.0).y.abs() < 1e-4 && r.tangent(0.0).x > 0.0);
        assert!(r.tangent(1.0).y.abs() < 1e-4 && r.tangent(1.0).x > 0.0);
    }

    #[test]
    fn paths_through_waypoints_pass_through_them() {
        let w = Point::new(10.0, 10.0);
        let r = Route::through(
            Point::new(0.0, 0.0),
            Side::Top,
            &[w],
            Point::new(20.0, 0.0),
            Side::Top,
            3.0,
        );
        assert_eq!(r.points.len(), 7);
        assert_eq!(r.at(0.5), w);
        assert_eq!(r.end(), Point::new(20.0, 0.0));
    }

    #[test]
    fn shared_sides_spread_their_ports() {
        let hub = rect(0.0, 0.0);
        let ends = [(hub, rect(30.0, 10.0)), (hub, rect(30.0, -10.0))];
        let mut routes: Vec<Route> = ends.iter().map(|(a, b)| route_among(a, b, &[])).collect();
        assert_eq!(routes[0].start(), routes[1].start());
        spread_ports(&mut routes, &ends, 1.0);
        assert!(
            routes[0].start().y > routes[1].start().y,
            "upper target, upper port"
        );
        for r in &routes {
            assert!(hub.distance_to_border(r.start()) < 1e-4);
        }
    }
}
