//! Routes an edge between two boxes: a smooth path of cubic curves that leaves one
//! box's border and arrives square to the other's. It picks the pair of sides that is
//! short and crosses the fewest unrelated boxes, and when a box is in the way it bends
//! through the gaps around it. Edges sharing a side are spread along it.

use super::geometry::{Point, Rect};
use super::spatial::{PointGrid, RectIndex};

/// The boxes an edge must keep out of: everything on its level but its own two ends.
#[derive(Debug, Clone, Copy)]
pub struct Obstacles<'a> {
    /// Every box of the level.
    pub rects: &'a [Rect],
    /// The same boxes, indexed by place.
    pub index: &'a RectIndex,
    /// The same boxes, by the points they hold.
    pub grid: &'a PointGrid,
    /// The edge's own ends (positions in `rects`).
    pub ends: [usize; 2],
}

impl Obstacles<'_> {
    /// The boxes other than the ends that meet `area`, in level order.
    pub fn near(&self, area: &Rect) -> Vec<usize> {
        let mut found = self.index.meeting(area);
        found.retain(|i| !self.ends.contains(i));
        found
    }
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
        self.sample(24 * self.segments())
            .windows(2)
            .map(|w| (w[1] - w[0]).length())
            .sum()
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
        let anchors: Vec<Point> = std::iter::once(from)
            .chain(via.iter().copied())
            .chain(std::iter::once(to))
            .collect();
        // End handles never reach past the neighbouring anchor, so bends stay tight.
        let first_bend = bend.min(0.45 * (anchors[1] - from).length());
        let last_bend = bend.min(0.45 * (to - anchors[anchors.len() - 2]).length());
        let mut points = vec![from, from + from_side.normal() * first_bend];
        for i in 1..anchors.len() - 1 {
            let (prev, here, next) = (anchors[i - 1], anchors[i], anchors[i + 1]);
            let direction = (next - prev).direction();
            let handle = 0.35 * (here - prev).length().min((next - here).length());
            points.extend([here - direction * handle, here, here + direction * handle]);
        }
        points.extend([to + to_side.normal() * last_bend, to]);
        Route {
            points,
            from_side,
            to_side,
            label_at: None,
            lit_label_at: 0.5,
        }
    }

    /// A single curve between two points.
    pub fn between(from: Point, from_side: Side, to: Point, to_side: Side, bend: f32) -> Route {
        Route::through(from, from_side, &[], to, to_side, bend)
    }

    /// Places the ends again (keeping any bends in between) and restores the handles.
    fn with_ends(&self, from: Point, to: Point, scale: f32) -> Route {
        let mut points = self.points.clone();
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
        Route {
            points,
            ..self.clone()
        }
    }
}

fn bend_for(from: Point, to: Point, scale: f32) -> f32 {
    ((to - from).length() * 0.4).clamp(scale * 0.6, scale * 6.0)
}

/// Walks the path from its start, collecting the boxes it passes through in the order
/// it meets them; after each new box `stop` is asked whether to give up (`None`). Each
/// sample is looked up in the grid, so a path across the whole map costs its samples,
/// not what lies near it.
fn crossed_until(
    route: &Route,
    obstacles: &Obstacles,
    mut stop: impl FnMut(&[usize]) -> bool,
) -> Option<Vec<usize>> {
    let mut boxes: Vec<usize> = Vec::new();
    for p in inner_samples(route) {
        for i in obstacles.grid.holding(p) {
            if !obstacles.ends.contains(&i) && !boxes.contains(&i) {
                boxes.push(i);
                if stop(&boxes) {
                    return None;
                }
            }
        }
    }
    Some(boxes)
}

/// The first box the path passes through.
fn first_crossed(route: &Route, obstacles: &Obstacles) -> Option<usize> {
    let mut first = None;
    crossed_until(route, obstacles, |boxes| {
        first = boxes.first().copied();
        true
    });
    first
}

/// Samples per cubic segment when looking for boxes a path passes through.
const SAMPLES_PER_SEGMENT: usize = 32;

/// The path's samples, evenly spaced in each segment's parameter, without its two ends
/// (which sit on its own boxes' borders).
fn inner_samples(route: &Route) -> impl Iterator<Item = Point> + '_ {
    let per = SAMPLES_PER_SEGMENT;
    (0..route.segments())
        .flat_map(move |s| {
            let p = &route.points[3 * s..3 * s + 4];
            (0..per).map(move |j| cubic(p, j as f32 / per as f32))
        })
        .skip(1)
}

/// How many of `obstacles` the path passes through (each counted once).
pub fn crossings(route: &Route, obstacles: &[Rect]) -> usize {
    let samples: Vec<Point> = inner_samples(route).collect();
    obstacles
        .iter()
        .filter(|o| samples.iter().any(|&p| o.contains(p)))
        .count()
}

#[derive(Clone)]
struct Scored {
    cost: f32,
    crossings: usize,
    /// The first box the route passes through.
    first_crossed: Option<usize>,
    route: Route,
}

fn score(route: Route, obstacles: &Obstacles, scale: f32) -> Scored {
    score_below(route, obstacles, scale, f32::INFINITY).expect("every cost is below infinity")
}

/// The route's cost, or `None` when it cannot be below `limit`: the cheap parts of the
/// cost (the penalties, then the length through its anchors, which the curve can only
/// exceed, then its length) are added up before the boxes it crosses are counted.
fn score_below(route: Route, obstacles: &Obstacles, scale: f32, limit: f32) -> Option<Scored> {
    let away = |p: Point, side: Side, target: Point| {
        let n = side.normal();
        let d = target - p;
        n.x * d.x + n.y * d.y < 0.0
    };
    let (a, b) = (route.start(), route.end());
    let first_goal = if route.points.len() > 4 {
        route.points[3]
    } else {
        b
    };
    let last_goal = if route.points.len() > 4 {
        route.points[route.points.len() - 4]
    } else {
        a
    };
    let backwards = usize::from(away(a, route.from_side, first_goal))
        + usize::from(away(b, route.to_side, last_goal));
    let penalties = backwards as f32 * scale * 25.0 + bend_penalty(&route, scale);
    let through = through_length(&route);
    if penalties + through >= limit {
        return None;
    }
    let length = route.length();
    if penalties + length >= limit {
        return None;
    }
    // Each box crossed costs as much: the walk stops at the first that reaches the limit.
    let per_crossing = scale * 60.0;
    let hits = crossed_until(&route, obstacles, |boxes| {
        penalties + length + boxes.len() as f32 * per_crossing >= limit
    })?;
    let crossings = hits.len();
    Some(Scored {
        cost: length + crossings as f32 * per_crossing + penalties,
        crossings,
        first_crossed: hits.first().copied(),
        route,
    })
}

/// What each bend of a path costs: `scale` × 2 per segment after the first.
fn bend_penalty(route: &Route, scale: f32) -> f32 {
    (route.segments() - 1) as f32 * scale * 2.0
}

/// The length of the polyline through a path's anchors (its ends and bends), which
/// the curve itself can only exceed, and which a further bend can only lengthen.
fn through_length(route: &Route) -> f32 {
    let mut length = 0.0;
    let mut last = route.points[0];
    for &p in route.points.iter().step_by(3).skip(1) {
        length += (p - last).length();
        last = p;
    }
    length
}

/// Points in the gaps around a box: beside each side's middle and beyond each corner.
fn detours(o: &Rect, clearance: f32) -> [Point; 8] {
    let (lo, hi) = (o.min(), o.max());
    let c = clearance;
    [
        Point::new(o.center.x, hi.y + c),
        Point::new(o.center.x, lo.y - c),
        Point::new(lo.x - c, o.center.y),
        Point::new(hi.x + c, o.center.y),
        Point::new(lo.x - c, hi.y + c),
        Point::new(hi.x + c, hi.y + c),
        Point::new(lo.x - c, lo.y - c),
        Point::new(hi.x + c, lo.y - c),
    ]
}

/// The best route between two boxes given everything else on the level. `scale` is
/// the level's label size (it sets bends), `clearance` how far from a box a detour runs.
pub fn route(from: &Rect, to: &Rect, obstacles: &Obstacles, scale: f32, clearance: f32) -> Route {
    let mut direct: Vec<(f32, Route)> = Vec::with_capacity(16);
    for from_side in Side::ALL {
        for to_side in Side::ALL {
            let a = from_side.point(from, 0.5);
            let b = to_side.point(to, 0.5);
            let route = Route::between(a, from_side, b, to_side, bend_for(a, b, scale));
            direct.push(((a - b).length(), route));
        }
    }
    // Shortest first: once two are scored, a route that cannot beat the second best
    // is not scored at all.
    direct.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut candidates: Vec<Scored> = Vec::with_capacity(2);
    for (_, route) in direct {
        let limit = if candidates.len() < 2 {
            f32::INFINITY
        } else {
            candidates[1].cost
        };
        if let Some(scored) = score_below(route, obstacles, scale, limit) {
            candidates.push(scored);
            candidates.sort_by(|x, y| x.cost.total_cmp(&y.cost));
            candidates.truncate(2);
        }
    }
    if candidates[0].crossings == 0 {
        return candidates.swap_remove(0).route;
    }
    // Bend around what is in the way: try detours past the first box each of the best
    // few direct routes meets, then once more past the next box still in the way.
    let runner_up = if candidates.len() > 1 {
        candidates.pop()
    } else {
        None
    };
    let mut best = detour(candidates.swap_remove(0), obstacles, scale, clearance);
    if let Some(seed) = runner_up {
        let found = detour(seed, obstacles, scale, clearance);
        if found.cost < best.cost - 1e-3 {
            best = found;
        }
    }
    best.route
}

/// The best path between `seed`'s ends (and sides) that bends past the first box in
/// its way, and past the next one still in the way.
fn detour(seed: Scored, obstacles: &Obstacles, scale: f32, clearance: f32) -> Scored {
    let Some(first) = seed.first_crossed else {
        return seed;
    };
    let (a, b) = (seed.route.start(), seed.route.end());
    let (from_side, to_side) = (seed.route.from_side, seed.route.to_side);
    let bend = bend_for(a, b, scale);
    let mut best = seed;
    for w in detours(&obstacles.rects[first], clearance) {
        let one = Route::through(a, from_side, &[w], b, to_side, bend);
        // Neither this path nor any with a second bend can be cheaper than this.
        if through_length(&one) + bend_penalty(&one, scale) >= best.cost - 1e-3 {
            continue;
        }
        // Scored only when it can beat the best; the box it meets first is wanted anyway.
        let limit = best.cost - 1e-3;
        let scored = score_below(one.clone(), obstacles, scale, limit);
        let next = scored
            .as_ref()
            .map_or_else(|| first_crossed(&one, obstacles), |s| s.first_crossed);
        if let Some(next) = next {
            for w2 in detours(&obstacles.rects[next], clearance) {
                let via = if (w2 - a).length() < (w - a).length() {
                    [w2, w]
                } else {
                    [w, w2]
                };
                let limit = best.cost - 1e-3;
                if let Some(two) = score_below(
                    Route::through(a, from_side, &via, b, to_side, bend),
                    obstacles,
                    scale,
                    limit,
                ) && two.cost < limit
                {
                    best = two;
                }
            }
        }
        if let Some(one) = scored
            && one.cost < best.cost - 1e-3
        {
            best = one;
        }
    }
    best
}

/// Routes again, between the same end points, any path that now passes through a box
/// (spreading ports moves ends, and with them the curves).
pub fn repair(route: &Route, obstacles: &Obstacles, scale: f32, clearance: f32) -> Route {
    let current = score(route.clone(), obstacles, scale);
    if current.crossings == 0 {
        return current.route;
    }
    let direct = Route::between(
        route.start(),
        route.from_side,
        route.end(),
        route.to_side,
        bend_for(route.start(), route.end(), scale),
    );
    let candidates = [
        detour(current.clone(), obstacles, scale, clearance),
        detour(score(direct, obstacles, scale), obstacles, scale, clearance),
    ];
    candidates
        .into_iter()
        .chain(std::iter::once(current))
        .min_by(|x, y| x.cost.total_cmp(&y.cost))
        .map(|s| s.route)
        .expect("three candidates")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32) -> Rect {
        Rect::new(Point::new(x, y), 10.0, 4.0)
    }

    /// Routes between two boxes with `others` in the way.
    fn route_among(from: &Rect, to: &Rect, others: &[Rect]) -> Route {
        let rects: Vec<Rect> = [*from, *to]
            .into_iter()
            .chain(others.iter().copied())
            .collect();
        let index = RectIndex::new(&rects);
        let grid = PointGrid::new(&rects);
        let obstacles = Obstacles {
            rects: &rects,
            index: &index,
            grid: &grid,
            ends: [0, 1],
        };
        route(from, to, &obstacles, 1.0, 1.0)
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
    fn routes_bend_around_a_box_in_the_way() {
        let blocker = Rect::new(Point::new(15.0, 0.0), 6.0, 12.0);
        let straight = Route::between(
            Point::new(5.0, 0.0),
            Side::Right,
            Point::new(25.0, 0.0),
            Side::Left,
            8.0,
        );
        assert_eq!(crossings(&straight, &[blocker]), 1);
        let r = route_among(&rect(0.0, 0.0), &rect(30.0, 0.0), &[blocker]);
        assert_eq!(crossings(&r, &[blocker]), 0, "{r:?}");
        assert!(rect(0.0, 0.0).distance_to_border(r.start()).abs() < 1e-4);
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
