//! Walks a path to find the boxes it passes through. The router flattens each cubic
//! segment into a few straight pieces and follows each through the grid cell by cell,
//! testing only the boxes those cells list, so a path costs the cells it passes, not
//! what lies near it. Checks of finished routes sample the curve itself instead.

use super::Obstacles;
use crate::layout::geometry::{Point, Rect};

/// Samples no segment has fewer of, however short.
const MIN_SAMPLES: usize = 4;
/// Samples no segment has more of, however long.
const MAX_SAMPLES: usize = 1 << 14;

/// The path's points, evenly spaced in each segment's parameter and at most `stride`
/// apart, without its two ends (which sit on its own boxes' borders).
pub(super) fn inner_samples(points: &[Point], stride: f32) -> impl Iterator<Item = Point> + '_ {
    points
        .windows(4)
        .step_by(3)
        .flat_map(move |p| {
            // The curve's speed is never more than three times its longest control leg.
            let leg = (p[1] - p[0])
                .length()
                .max((p[2] - p[1]).length())
                .max((p[3] - p[2]).length());
            let count = ((3.0 * leg / stride).ceil() as usize).clamp(MIN_SAMPLES, MAX_SAMPLES);
            let polynomial = Polynomial::of(p);
            (0..count).map(move |j| polynomial.at(j as f32 / count as f32))
        })
        .skip(1)
}

/// A cubic segment in power form, `c0 + t (c1 + t (c2 + t c3))`, cheap to evaluate.
#[derive(Clone, Copy)]
struct Polynomial([Point; 4]);

impl Polynomial {
    fn of(p: &[Point]) -> Polynomial {
        Polynomial([
            p[0],
            (p[1] - p[0]) * 3.0,
            (p[0] - p[1] * 2.0 + p[2]) * 3.0,
            p[3] - p[0] + (p[1] - p[2]) * 3.0,
        ])
    }

    fn at(&self, t: f32) -> Point {
        let [c0, c1, c2, c3] = self.0;
        c0 + (c1 + (c2 + c3 * t) * t) * t
    }
}

/// How many straight pieces keep a cubic segment within `tolerance` of its curve: the
/// error of `n` even pieces is at most an eighth of the curve's greatest second
/// derivative over `n²`.
fn pieces(p: &[Point], tolerance: f32) -> usize {
    let bend = (p[0] - p[1] * 2.0 + p[2])
        .length()
        .max((p[1] - p[2] * 2.0 + p[3]).length());
    ((0.75 * bend / tolerance).sqrt().ceil() as usize).clamp(1, 64)
}

/// Where the segment from `a` to `b` first meets `rect` (borders included), as a
/// fraction of the way from `a` to `b`.
fn entry(a: Point, b: Point, rect: &Rect) -> Option<f32> {
    let (lo, hi) = (rect.min(), rect.max());
    let (mut enter, mut exit) = (0.0f32, 1.0f32);
    for (start, delta, low, high) in [(a.x, b.x - a.x, lo.x, hi.x), (a.y, b.y - a.y, lo.y, hi.y)] {
        if delta == 0.0 {
            if start < low || start > high {
                return None;
            }
        } else {
            let (u, v) = ((low - start) / delta, (high - start) / delta);
            enter = enter.max(u.min(v));
            exit = exit.min(u.max(v));
        }
    }
    (enter <= exit).then_some(enter)
}

/// Walks the path given by its control points from its start, collecting the boxes
/// other than its ends that it passes through, in the order it meets them; after each
/// new box `stop` is asked whether to give up (`None`). `stride` is the level's (see
/// [`crate::layout::PointGrid::stride`]); the pieces keep to an eighth of it.
pub(super) fn crossed_until(
    points: &[Point],
    stride: f32,
    obstacles: &Obstacles,
    mut stop: impl FnMut(&[usize]) -> bool,
) -> Option<Vec<usize>> {
    let tolerance = stride / 8.0;
    let grid = obstacles.grid;
    let mut boxes: Vec<usize> = Vec::new();
    let mut met: Vec<(f32, usize)> = Vec::new();
    let mut stopped = false;
    for p in points.windows(4).step_by(3) {
        let polynomial = Polynomial::of(p);
        let n = pieces(p, tolerance);
        let mut from = p[0];
        for j in 1..=n {
            let to = if j == n {
                p[3]
            } else {
                polynomial.at(j as f32 / n as f32)
            };
            grid.along(from, to, |members, _, exit| {
                // Boxes this cell lists that the piece enters here, nearest first (a box
                // entered further on is met in the cell where that happens).
                met.clear();
                for &m in members {
                    let i = m as usize;
                    if obstacles.ends.contains(&i) || boxes.contains(&i) {
                        continue;
                    }
                    if let Some(t) = entry(from, to, grid.rect(i))
                        && t <= exit + 1e-6
                    {
                        met.push((t, i));
                    }
                }
                met.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
                for &(_, i) in &met {
                    boxes.push(i);
                    if stop(&boxes) {
                        stopped = true;
                        return true;
                    }
                }
                false
            });
            if stopped {
                return None;
            }
            from = to;
        }
    }
    Some(boxes)
}

/// The first box other than its ends that the path passes through.
pub(super) fn first_crossed(points: &[Point], stride: f32, obstacles: &Obstacles) -> Option<usize> {
    let mut first = None;
    crossed_until(points, stride, obstacles, |boxes| {
        first = boxes.first().copied();
        true
    });
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_form_agrees_with_the_curve() {
        let p = [
            Point::new(0.0, 0.0),
            Point::new(3.0, 7.0),
            Point::new(9.0, -2.0),
            Point::new(12.0, 4.0),
        ];
        let polynomial = Polynomial::of(&p);
        for k in 0..=8 {
            let t = k as f32 / 8.0;
            let d = polynomial.at(t) - super::super::cubic(&p, t);
            assert!(d.length() < 1e-4, "t = {t}: off by {d:?}");
        }
    }

    #[test]
    fn samples_are_no_further_apart_than_the_stride() {
        let p = [
            Point::new(0.0, 0.0),
            Point::new(40.0, 0.0),
            Point::new(60.0, 0.0),
            Point::new(100.0, 0.0),
        ];
        let samples: Vec<Point> = inner_samples(&p, 2.0).collect();
        assert!(samples.len() >= 50, "{} samples", samples.len());
        for pair in samples.windows(2) {
            assert!((pair[1] - pair[0]).length() <= 2.0 + 1e-3);
        }
        // The start is left out; the end too.
        assert!(samples[0].x > 0.0 && samples[samples.len() - 1].x < 100.0);
    }

    fn walk_among(points: &[Point], rects: &[Rect]) -> Vec<usize> {
        let grid = crate::layout::PointGrid::new(rects);
        let obstacles = Obstacles {
            rects,
            grid: &grid,
            ends: [0, 1],
        };
        crossed_until(points, grid.stride(), &obstacles, |_| false).expect("never stopped")
    }

    #[test]
    fn boxes_are_met_in_order_along_the_path_and_ends_are_left_out() {
        let boxes = |xs: &[f32]| -> Vec<Rect> {
            xs.iter()
                .map(|&x| Rect::new(Point::new(x, 0.0), 6.0, 6.0))
                .collect()
        };
        // Ends at 0 and 100; in between, listed out of order.
        let rects = boxes(&[0.0, 100.0, 70.0, 20.0, 45.0]);
        let line = [
            Point::new(3.0, 0.0),
            Point::new(30.0, 0.0),
            Point::new(60.0, 0.0),
            Point::new(97.0, 0.0),
        ];
        assert_eq!(walk_among(&line, &rects), vec![3, 4, 2]);
        // A curve arching over the middle boxes meets none of them.
        let arch = [
            Point::new(3.0, 3.0),
            Point::new(10.0, 60.0),
            Point::new(90.0, 60.0),
            Point::new(97.0, 3.0),
        ];
        assert_eq!(walk_among(&arch, &rects), Vec::<usize>::new());
    }

    #[test]
    fn the_walk_agrees_with_fine_samples_of_the_curve() {
        let mut rng = fastrand::Rng::with_seed(11);
        let rects = crate::layout::spatial::scattered(
            &mut rng,
            200,
            (300.0, 150.0),
            (8.0, 4.0),
            (12.0, 6.0),
        );
        for _ in 0..100 {
            let mut p = || Point::new(rng.f32() * 300.0, rng.f32() * 150.0);
            let points = [p(), p(), p(), p()];
            let mut walked = walk_among(&points, &rects);
            walked.sort_unstable();
            let mut sampled: Vec<usize> = (2..rects.len())
                .filter(|&i| {
                    (1..4000)
                        .any(|k| rects[i].contains(super::super::cubic(&points, k as f32 / 4000.0)))
                })
                .collect();
            sampled.sort_unstable();
            // Flattening may differ from the curve by an eighth of the stride at most:
            // only boxes the curve barely grazes may disagree.
            let differ: Vec<usize> = walked
                .iter()
                .filter(|i| !sampled.contains(i))
                .chain(sampled.iter().filter(|i| !walked.contains(i)))
                .copied()
                .collect();
            for i in differ {
                let r = rects[i].inset(0.5);
                let deep =
                    (1..4000).any(|k| r.contains(super::super::cubic(&points, k as f32 / 4000.0)));
                assert!(
                    !deep,
                    "box {i} is well inside the curve's way but the walk disagrees"
                );
            }
        }
    }
}
