//! Weighs paths by one cost — short, few bends, not leaving or arriving backwards, and
//! above all through no other box — and picks the cheapest of those it is given. Where
//! moving a route's ends has put a box in its way, an exact search repairs it: paths
//! bending past what is in the way are tried most promising first, and one whose lower
//! bound cannot beat the best found so far is never walked.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::walk::{crossed_until, first_crossed};
use super::{
    Bends, Obstacles, Port, Route, Side, bend_for, control_points, curve_length, rounded_points,
};
use crate::layout::geometry::{Point, Rect};

/// The most bends a path may take.
const MAX_BENDS: usize = 2;
/// Boxes on the line between an edge's box centres beyond which it is not bent.
const BEYOND_BENDING: usize = 5;
/// What a box in the way costs, in label sizes of the level.
const CROSSING: f32 = 200.0;
/// What a bend costs, in label sizes.
const BEND: f32 = 2.0;
/// What leaving or arriving backwards costs, in label sizes.
const BACKWARDS: f32 = 25.0;

/// A path is only taken over the best so far when it is cheaper by more than this.
const MARGIN: f32 = 1e-3;

/// A path to weigh: where it leaves, where it bends, and where it arrives. With no
/// bends it is one curve; with bends, straight runs round corners of `radius`, which
/// must keep to free space (the gaps between boxes): such a path is not walked.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub from: Port,
    pub via: Bends,
    pub to: Port,
    pub radius: f32,
}

/// The cheapest of the candidate paths by the router's costs. They are weighed
/// shortest first (through their bends), and one that is already dearer than the best
/// before its boxes are counted is not walked.
pub fn cheapest(candidates: &[Candidate], obstacles: &Obstacles, scale: f32) -> Option<Route> {
    let mut search = Search::new(obstacles, scale, 0.0);
    let mut order: Vec<(f32, &Candidate)> =
        candidates.iter().map(|c| (c.bound(scale), c)).collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The shortest path through free space is most likely clear: weighed first, it sets
    // the price the others must beat, so a path into a box stops at that box.
    if let Some(k) = order.iter().position(|(_, c)| !c.via.is_empty()) {
        let first = order.remove(k);
        order.insert(0, first);
    }
    let mut points = Vec::new();
    let mut best: Option<&Candidate> = None;
    for (bound, c) in order {
        if bound >= search.limit() {
            continue;
        }
        // A path through free space passes no box, and its bound is its price.
        let cost = if c.via.is_empty() {
            points.clear();
            c.points(scale, |p| points.push(p));
            if search.lost_at_a_glance(&points, bound) {
                continue;
            }
            search
                .score(&points, 0, c.from.side, c.to.side)
                .ok()
                .map(|s| s.cost)
        } else {
            Some(bound)
        };
        if let Some(cost) = cost {
            search.bar = cost;
            best = Some(c);
        }
    }
    best.map(|c| {
        points.clear();
        c.points(scale, |p| points.push(p));
        Route::new(points, c.from.side, c.to.side)
    })
}

impl Candidate {
    /// The single curve from one port to another.
    pub fn straight(from: Port, to: Port) -> Candidate {
        Candidate {
            from,
            via: Bends::default(),
            to,
            radius: 0.0,
        }
    }

    /// What the path costs before the boxes it crosses are counted: for a path through
    /// free space exactly (its length round its corners, and the price of its bends
    /// and of leaving or arriving backwards), for a straight one at least (the curve
    /// is no shorter than the line between its ends).
    fn bound(&self, scale: f32) -> f32 {
        let mut through = 0.0;
        let mut last = self.from.at;
        for &p in self.via.iter().chain(std::iter::once(&self.to.at)) {
            through += (p - last).length();
            last = p;
        }
        let first_goal = self.via.first().copied().unwrap_or(self.to.at);
        let last_goal = self.via.last().copied().unwrap_or(self.from.at);
        let backwards = backwards(self.from.at, self.from.side, first_goal)
            + backwards(self.to.at, self.to.side, last_goal);
        through - self.rounding()
            + (self.via.len() as f32 * BEND + backwards as f32 * BACKWARDS) * scale
    }

    /// How much shorter rounding its corners makes the path than its straight runs:
    /// each corner cuts `2r` of the runs and puts back an arc of the turn.
    fn rounding(&self) -> f32 {
        let anchor = |i: usize| match i {
            0 => self.from.at,
            i if i <= self.via.len() => self.via[i - 1],
            _ => self.to.at,
        };
        (1..=self.via.len())
            .map(|i| {
                let (into, out) = (anchor(i) - anchor(i - 1), anchor(i + 1) - anchor(i));
                let r = self.radius.min(into.length() / 2.0).min(out.length() / 2.0);
                let (a, b) = (into.direction(), out.direction());
                let cos = (a.x * b.x + a.y * b.y).clamp(-1.0, 1.0);
                let arc = if cos.abs() < 1e-4 {
                    // The square turn of runs along the gaps.
                    r * std::f32::consts::FRAC_PI_2
                } else if cos > 1.0 - 1e-6 {
                    2.0 * r
                } else {
                    let turn = cos.acos();
                    r / (turn / 2.0).tan() * turn
                };
                2.0 * r - arc
            })
            .sum()
    }

    /// The path's control points, handed to `emit` in order.
    fn points(&self, scale: f32, emit: impl FnMut(Point)) {
        if self.via.is_empty() {
            let bend = bend_for(self.from.at, self.to.at, scale);
            control_points(
                self.from.at,
                self.from.side,
                &[],
                self.to.at,
                self.to.side,
                bend,
                emit,
            );
        } else {
            rounded_points(self.from.at, &self.via, self.to.at, self.radius, emit);
        }
    }
}

/// Routes again, between the same end points, a path that now passes through a box
/// (spreading ports moves ends, and with them the curves); it is kept unless a path
/// between its ends does better.
pub fn repair(route: &Route, obstacles: &Obstacles, scale: f32, clearance: f32) -> Route {
    let mut search = Search::new(obstacles, scale, clearance);
    let current = search
        .score(
            &route.points,
            route.points.len() / 3 - 1,
            route.from_side,
            route.to_side,
        )
        .expect("every cost is below infinity");
    let Some(first) = current.first_crossed else {
        return route.clone();
    };
    search.best = Some((current.cost, route.clone()));
    if current.crossings > BEYOND_BENDING {
        search.max_bends = 0;
    }
    let straight = Trial::new(
        route.start(),
        route.from_side,
        &[],
        route.end(),
        route.to_side,
        scale,
    );
    search.push(straight);
    search.push_past(&straight, first, current.crossings);
    search.run().unwrap_or_else(|| route.clone())
}

/// What a path costs, and the first box in its way.
#[derive(Debug, Clone, Copy)]
struct Scored {
    cost: f32,
    crossings: usize,
    first_crossed: Option<usize>,
}

/// A path the search may try: where it leaves and arrives, and up to two bends.
#[derive(Debug, Clone, Copy)]
struct Trial {
    from: Point,
    from_side: Side,
    to: Point,
    to_side: Side,
    via: [Point; MAX_BENDS],
    bends: usize,
    /// What this path, and any that bends more between the same ends, costs at least:
    /// the length through its anchors, which the curve can only exceed and a further
    /// bend can only lengthen, and the price of its bends.
    bound: f32,
    /// What it is expected to cost: the bound, what leaving or arriving backwards
    /// costs, and the boxes still in its way (those its parent met, less the one it
    /// bends past).
    estimate: f32,
}

impl Trial {
    fn new(
        from: Point,
        from_side: Side,
        via: &[Point],
        to: Point,
        to_side: Side,
        scale: f32,
    ) -> Trial {
        let mut anchors = [Point::default(); MAX_BENDS];
        anchors[..via.len()].copy_from_slice(via);
        let mut through = 0.0;
        let mut last = from;
        for &p in via.iter().chain(std::iter::once(&to)) {
            through += (p - last).length();
            last = p;
        }
        let first_goal = via.first().copied().unwrap_or(to);
        let last_goal = via.last().copied().unwrap_or(from);
        let backwards = backwards(from, from_side, first_goal) + backwards(to, to_side, last_goal);
        let bound = through + via.len() as f32 * scale * BEND;
        Trial {
            from,
            from_side,
            to,
            to_side,
            via: anchors,
            bends: via.len(),
            bound,
            estimate: bound + backwards as f32 * scale * BACKWARDS,
        }
    }

    fn via(&self) -> &[Point] {
        &self.via[..self.bends]
    }

    /// The path's control points.
    fn controls(&self, scale: f32) -> Controls {
        let mut controls = Controls {
            points: [Point::default(); 3 * MAX_BENDS + 4],
            len: 0,
        };
        control_points(
            self.from,
            self.from_side,
            self.via(),
            self.to,
            self.to_side,
            bend_for(self.from, self.to, scale),
            |p| {
                controls.points[controls.len] = p;
                controls.len += 1;
            },
        );
        controls
    }

    /// The paths that also bend past `obstacle`: one more bend in one of the gaps
    /// around it, the bends taken in order of their distance from the start.
    fn past(
        &self,
        obstacle: &Rect,
        still_in_way: usize,
        clearance: f32,
        scale: f32,
    ) -> impl Iterator<Item = Trial> {
        let trial = *self;
        detours(obstacle, clearance).into_iter().map(move |w| {
            let mut via = [Point::default(); MAX_BENDS + 1];
            via[..trial.bends].copy_from_slice(trial.via());
            via[trial.bends] = w;
            let via = &mut via[..=trial.bends];
            via.sort_by(|p, q| {
                (*p - trial.from)
                    .length()
                    .total_cmp(&(*q - trial.from).length())
            });
            let mut child = Trial::new(
                trial.from,
                trial.from_side,
                via,
                trial.to,
                trial.to_side,
                scale,
            );
            child.estimate += still_in_way as f32 * scale * CROSSING;
            child
        })
    }
}

/// A path's control points, kept without a heap allocation.
struct Controls {
    points: [Point; 3 * MAX_BENDS + 4],
    len: usize,
}

impl Controls {
    fn points(&self) -> &[Point] {
        &self.points[..self.len]
    }
}

/// 1 where a path leaving (or reaching) `side` at `p` heads away from `goal`, its next
/// (or previous) anchor; 0 where it does not.
fn backwards(p: Point, side: Side, goal: Point) -> usize {
    let n = side.normal();
    let d = goal - p;
    usize::from(n.x * d.x + n.y * d.y < 0.0)
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

/// A trial waiting its turn: the lowest estimate first, then the first queued.
struct Queued {
    trial: Trial,
    order: usize,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: the heap pops its greatest.
        other
            .trial
            .estimate
            .total_cmp(&self.trial.estimate)
            .then(other.order.cmp(&self.order))
    }
}

/// One edge's search: the trials waiting, most promising first, and the best path yet.
struct Search<'a> {
    obstacles: &'a Obstacles<'a>,
    scale: f32,
    clearance: f32,
    stride: f32,
    queue: BinaryHeap<Queued>,
    queued: usize,
    max_bends: usize,
    best: Option<(f32, Route)>,
    /// The cost of a best path kept elsewhere, where there is one.
    bar: f32,
}

impl<'a> Search<'a> {
    fn new(obstacles: &'a Obstacles<'a>, scale: f32, clearance: f32) -> Search<'a> {
        Search {
            obstacles,
            scale,
            clearance,
            stride: obstacles.grid.stride(),
            queue: BinaryHeap::new(),
            queued: 0,
            max_bends: MAX_BENDS,
            best: None,
            bar: f32::INFINITY,
        }
    }

    /// What a path must cost less than to be the new best.
    fn limit(&self) -> f32 {
        self.best
            .as_ref()
            .map_or(self.bar, |(cost, _)| cost.min(self.bar))
            - MARGIN
    }

    fn push(&mut self, trial: Trial) {
        if trial.bound < self.limit() {
            self.queue.push(Queued {
                trial,
                order: self.queued,
            });
            self.queued += 1;
        }
    }

    /// Queues the paths that bend past `obstacle` as well, where any of them may win.
    fn push_past(&mut self, trial: &Trial, obstacle: usize, met: usize) {
        if trial.bends >= self.max_bends || trial.bound + self.scale * BEND >= self.limit() {
            return;
        }
        let rect = self.obstacles.rects[obstacle];
        for child in trial.past(&rect, met.saturating_sub(1), self.clearance, self.scale) {
            self.push(child);
        }
    }

    /// Tries the waiting paths until none is left; those that cannot beat the best are
    /// passed over unwalked.
    fn run(mut self) -> Option<Route> {
        while let Some(Queued { trial, .. }) = self.queue.pop() {
            // Trials come by estimate, not bound, so a later one may still win.
            if trial.bound < self.limit() {
                self.attempt(trial);
            }
        }
        self.best.map(|(_, route)| route)
    }

    /// Scores a path, keeps it if it is the best yet, and queues the paths that bend
    /// past the first box in its way.
    fn attempt(&mut self, trial: Trial) {
        let controls = trial.controls(self.scale);
        let points = controls.points();
        let scored = self.score(points, trial.bends, trial.from_side, trial.to_side);
        let (first, met) = match scored {
            Ok(s) => (s.first_crossed, s.crossings),
            Err(Some(first)) => (Some(first), 1),
            Err(None) if trial.bends < MAX_BENDS => {
                (first_crossed(points, self.stride, self.obstacles), 1)
            }
            Err(None) => (None, 0),
        };
        if let Ok(s) = scored {
            let route = Route::new(points.to_vec(), trial.from_side, trial.to_side);
            self.best = Some((s.cost, route));
        }
        if let Some(first) = first {
            self.push_past(&trial, first, met);
        }
    }

    /// The cost of the path with these control points, or, where it cannot beat the
    /// best, the first box in its way if the count got that far: the cheap parts of the
    /// cost (penalties, then the length through its anchors, then the curve's length)
    /// are added up before the boxes it crosses are counted, and the count stops once
    /// the cost reaches the limit.
    fn score(
        &self,
        points: &[Point],
        bends: usize,
        from_side: Side,
        to_side: Side,
    ) -> Result<Scored, Option<usize>> {
        let limit = self.limit();
        let price = self.price(points, bends, from_side, to_side).ok_or(None)?;
        let per_crossing = self.scale * CROSSING;
        let mut first = None;
        let hits = crossed_until(points, self.stride, self.obstacles, |boxes| {
            first = boxes.first().copied();
            price + boxes.len() as f32 * per_crossing >= limit
        })
        .ok_or(first)?;
        Ok(Scored {
            cost: price + hits.len() as f32 * per_crossing,
            crossings: hits.len(),
            first_crossed: hits.first().copied(),
        })
    }

    /// Whether a single curve (`points`, at least `bound` before boxes are counted)
    /// plainly cannot win: one box in its way would make it dearer than the best, and a
    /// point a quarter, half or three quarters along it lies in a box other than its ends.
    fn lost_at_a_glance(&self, points: &[Point], bound: f32) -> bool {
        if bound + self.scale * CROSSING < self.limit() {
            return false;
        }
        let grid = self.obstacles.grid;
        let ends = self.obstacles.ends;
        [0.25, 0.5, 0.75].into_iter().any(|t| {
            grid.holding(super::cubic(points, t))
                .any(|i| !ends.contains(&i))
        })
    }

    /// What the path costs before the boxes it crosses are counted: its length and the
    /// price of its bends and of leaving or arriving backwards; `None` where that
    /// cannot beat the best (the length through its anchors is tried first).
    fn price(&self, points: &[Point], bends: usize, from_side: Side, to_side: Side) -> Option<f32> {
        let limit = self.limit();
        let scale = self.scale;
        let last = points.len() - 1;
        let (a, b) = (points[0], points[last]);
        let (first_goal, last_goal) = if last > 3 {
            (points[3], points[last - 3])
        } else {
            (b, a)
        };
        let backwards = backwards(a, from_side, first_goal) + backwards(b, to_side, last_goal);
        let penalties = (backwards as f32 * BACKWARDS + bends as f32 * BEND) * scale;
        let through: f32 = points
            .iter()
            .step_by(3)
            .zip(points.iter().step_by(3).skip(1))
            .map(|(&p, &q)| (q - p).length())
            .sum();
        if penalties + through >= limit {
            return None;
        }
        let length = curve_length(points);
        (penalties + length < limit).then_some(penalties + length)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_through_free_space_is_priced_at_its_drawn_length() {
        let c = Candidate {
            from: Port::new(Point::new(0.0, 0.0), Side::Right),
            via: Bends::new(&[
                Point::new(10.0, 0.0),
                Point::new(10.0, 30.0),
                Point::new(40.0, 30.0),
            ]),
            to: Port::new(Point::new(40.0, 50.0), Side::Bottom),
            radius: 4.0,
        };
        let mut points = Vec::new();
        c.points(1.0, |p| points.push(p));
        let drawn = curve_length(&points);
        let priced = c.bound(1.0) - 3.0 * BEND;
        assert!((priced - drawn).abs() < drawn * 1e-3, "{priced} vs {drawn}");
        // Rounding three corners saves about 0.43 r each on the runs' 100.
        assert!(drawn < 100.0 - 3.0 * 0.4 * 4.0, "{drawn}");
    }
}
