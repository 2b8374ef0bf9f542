//! Arranges one group of siblings inside their parent: in columns that follow the
//! direction of the edges between them (callers left of callees), ordered to cut
//! crossings, and wrapped (columns split, and where there are many, folded into bands
//! stacked top to bottom) so the group comes out near the target aspect ratio.

use super::geometry::{Point, Rect};

/// Where each sibling goes, relative to the group's centre, and the group's size.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrangement {
    /// One rectangle per sibling, in input order; widths are stretched to their column.
    pub cells: Vec<Rect>,
    /// Each sibling's band and column, in input order.
    pub slots: Vec<Slot>,
    /// The bands, top to bottom, with the columns in each.
    pub bands: Vec<Band>,
    pub width: f32,
    pub height: f32,
}

/// Which band, and which column of it, a sibling sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Slot {
    pub band: usize,
    pub column: usize,
}

/// A band of columns: how far up and down its cells reach, and each column's left and
/// right edge, left to right. Between columns, and around the bands, the gap is free.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub top: f32,
    pub bottom: f32,
    pub columns: Vec<(f32, f32)>,
}

impl Band {
    /// The band moved by `(dx, dy)`.
    pub fn translated(&self, dx: f32, dy: f32) -> Band {
        Band {
            top: self.top + dy,
            bottom: self.bottom + dy,
            columns: self
                .columns
                .iter()
                .map(|&(l, r)| (l + dx, r + dx))
                .collect(),
        }
    }
}

/// Lays out siblings of the given sizes `(width, height)`, with `edges` between them
/// (index pairs, caller first), `gap` between cells, aiming at `aspect` (width / height).
pub fn arrange(
    sizes: &[(f32, f32)],
    edges: &[(usize, usize)],
    gap: f32,
    aspect: f32,
) -> Arrangement {
    let n = sizes.len();
    if n == 0 {
        return Arrangement {
            cells: Vec::new(),
            slots: Vec::new(),
            bands: Vec::new(),
            width: 0.0,
            height: 0.0,
        };
    }
    let columns = ordered_columns(n, edges);
    let (height_limit, bands) = candidate_heights(&columns, sizes, gap)
        .into_iter()
        .flat_map(|limit| {
            let spans = wrapped_spans(&columns, sizes, gap, limit);
            // `b` bands of a strip `w` wide and `h` tall come out about `w / b` by
            // `b h`: near the aspect where `b` is the root of `w / (h aspect)`.
            let one = 0..spans.len();
            let (w, h) = measure(&spans, std::slice::from_ref(&one), gap);
            let near = (w / (h * aspect)).sqrt().round() as usize;
            let counts = near.saturating_sub(1).max(2)..=(near + 1).min(spans.len());
            std::iter::once(1).chain(counts).map(move |count| {
                let bands = bands(&spans, count, gap);
                let (w, h) = measure(&spans, &bands, gap);
                let cost = ((w / h) / aspect).ln().abs()
                    + if bands.len() > 1 { FOLD } else { 0.0 }
                    + 1e-4 * (w * h).sqrt();
                (limit, bands, cost)
            })
        })
        .min_by(|a, b| {
            a.2.total_cmp(&b.2)
                .then(a.1.len().cmp(&b.1.len()))
                .then(a.0.total_cmp(&b.0))
        })
        .map(|(limit, bands, _)| (limit, bands))
        .expect("at least one candidate");
    let wrapped = wrap(&columns, sizes, gap, height_limit);
    let wrapped = face_neighbours(wrapped, &columns, edges);
    let spans = spans(&wrapped, sizes, gap);
    let (width, height) = measure(&spans, &bands, gap);

    let mut cells = vec![Rect::default(); n];
    let mut slots = vec![Slot::default(); n];
    let mut shapes = Vec::with_capacity(bands.len());
    let mut top = height / 2.0;
    for (b, band) in bands.iter().enumerate() {
        let band_height = spans[band.clone()].iter().map(|s| s.1).fold(0.0, f32::max);
        let mut shape = Band {
            top,
            bottom: top - band_height,
            columns: Vec::with_capacity(band.len()),
        };
        let mut x = -width / 2.0;
        for (k, (column, &(column_width, column_height))) in wrapped[band.clone()]
            .iter()
            .zip(&spans[band.clone()])
            .enumerate()
        {
            shape.columns.push((x, x + column_width));
            // Each column sits in the middle of its band's height.
            let mut y = top - (band_height - column_height) / 2.0;
            for &i in column {
                slots[i] = Slot { band: b, column: k };
                let h = sizes[i].1;
                cells[i] = Rect::new(
                    Point::new(x + column_width / 2.0, y - h / 2.0),
                    column_width,
                    h,
                );
                y -= h + gap;
            }
            x += column_width + gap;
        }
        shapes.push(shape);
        top -= band_height + gap;
    }
    Arrangement {
        cells,
        slots,
        bands: shapes,
        width,
        height,
    }
}

/// What folding the columns into bands costs, against how far the group's shape is
/// from the aspect asked for (as the logarithm of their ratio): one band reads most
/// easily, callers left of callees all the way, so the columns fold only where that
/// brings the shape more than twice nearer.
const FOLD: f32 = 0.75;

/// Each column's width (its widest item) and height.
fn spans(columns: &[Vec<usize>], sizes: &[(f32, f32)], gap: f32) -> Vec<(f32, f32)> {
    columns
        .iter()
        .map(|c| {
            (
                c.iter().map(|&i| sizes[i].0).fold(0.0, f32::max),
                stack_height(c, sizes, gap),
            )
        })
        .collect()
}

/// The columns, in order, cut into at most `count` bands of about equal width that are
/// stacked top to bottom (as lines of text are): each band is a run of columns.
fn bands(spans: &[(f32, f32)], count: usize, gap: f32) -> Vec<std::ops::Range<usize>> {
    let total = spans.iter().map(|s| s.0).sum::<f32>() + gap * spans.len().saturating_sub(1) as f32;
    let target = total / count as f32;
    let mut bands = Vec::with_capacity(count);
    let (mut start, mut width) = (0, 0.0f32);
    for (k, &(w, _)) in spans.iter().enumerate() {
        if k > start {
            let wider = width + gap + w;
            // A new band where this column would take the band further past the target
            // than stopping short of it does.
            if bands.len() + 1 < count && wider - target > target - width {
                bands.push(start..k);
                start = k;
                width = w;
                continue;
            }
            width = wider;
        } else {
            width = w;
        }
    }
    bands.push(start..spans.len());
    bands
}

/// The size of the columns cut into `bands`: the widest band by all of them stacked.
fn measure(spans: &[(f32, f32)], bands: &[std::ops::Range<usize>], gap: f32) -> (f32, f32) {
    let width = bands
        .iter()
        .map(|b| spans[b.clone()].iter().map(|s| s.0).sum::<f32>() + gap * (b.len() - 1) as f32)
        .fold(0.0, f32::max);
    let height = bands
        .iter()
        .map(|b| spans[b.clone()].iter().map(|s| s.1).fold(0.0, f32::max))
        .sum::<f32>()
        + gap * bands.len().saturating_sub(1) as f32;
    (width, height)
}

fn stack_height(column: &[usize], sizes: &[(f32, f32)], gap: f32) -> f32 {
    column.iter().map(|&i| sizes[i].1).sum::<f32>() + gap * column.len().saturating_sub(1) as f32
}

/// The width and height of each sub-column [`wrap`] makes, without making them.
fn wrapped_spans(
    columns: &[Vec<usize>],
    sizes: &[(f32, f32)],
    gap: f32,
    limit: f32,
) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for column in columns {
        let chunks = |parts: usize| {
            let (base, extra) = (column.len() / parts, column.len() % parts);
            (0..parts).scan(0, move |start, i| {
                let len = base + usize::from(i < extra);
                let chunk = &column[*start..*start + len];
                *start += len;
                Some(chunk)
            })
        };
        let parts = (1..=column.len())
            .find(|&k| chunks(k).all(|c| stack_height(c, sizes, gap) <= limit + 1e-3))
            .unwrap_or(column.len());
        out.extend(chunks(parts).map(|c| {
            (
                c.iter().map(|&i| sizes[i].0).fold(0.0, f32::max),
                stack_height(c, sizes, gap),
            )
        }));
    }
    out
}

/// Splits each column into as few sub-columns as keep each no taller than `limit`,
/// sharing the items out evenly between them.
fn wrap(columns: &[Vec<usize>], sizes: &[(f32, f32)], gap: f32, limit: f32) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for column in columns {
        let parts = (1..=column.len())
            .find(|&k| {
                even_chunks(column, k)
                    .iter()
                    .all(|chunk| stack_height(chunk, sizes, gap) <= limit + 1e-3)
            })
            .unwrap_or(column.len());
        out.extend(even_chunks(column, parts));
    }
    out
}

/// `items` cut into `parts` runs whose lengths differ by one at most, longer first.
fn even_chunks(items: &[usize], parts: usize) -> Vec<Vec<usize>> {
    let (base, extra) = (items.len() / parts, items.len() % parts);
    let mut out = Vec::with_capacity(parts);
    let mut start = 0;
    for i in 0..parts {
        let len = base + usize::from(i < extra);
        out.push(items[start..start + len].to_vec());
        start += len;
    }
    out
}

/// Within each wrapped layer, moves the siblings that call the next layers into the
/// sub-column nearest them and those called by earlier layers into the one nearest
/// those, keeping the vertical order; siblings without such edges go in between.
fn face_neighbours(
    wrapped: Vec<Vec<usize>>,
    layers: &[Vec<usize>],
    edges: &[(usize, usize)],
) -> Vec<Vec<usize>> {
    let n = layers.iter().map(Vec::len).sum::<usize>();
    let mut layer_at = vec![0usize; n];
    for (k, layer) in layers.iter().enumerate() {
        for &v in layer {
            layer_at[v] = k;
        }
    }
    let layer_of = |v: usize| layer_at[v];
    let mut out = Vec::with_capacity(wrapped.len());
    let mut i = 0;
    for layer in layers {
        // The sub-columns this layer was wrapped into.
        let mut parts = Vec::new();
        let mut seen = 0;
        while seen < layer.len() && i < wrapped.len() {
            seen += wrapped[i].len();
            parts.push(wrapped[i].clone());
            i += 1;
        }
        if parts.len() < 2 {
            out.extend(parts);
            continue;
        }
        let here = layer_of(layer[0]);
        let lean = |v: usize| -> i32 {
            let right = edges
                .iter()
                .filter(|&&(a, b)| a == v && layer_of(b) > here)
                .count() as i32;
            let left = edges
                .iter()
                .filter(|&&(a, b)| b == v && layer_of(a) < here)
                .count() as i32;
            right - left
        };
        let mut ranked: Vec<(i32, usize, usize)> = layer
            .iter()
            .enumerate()
            .map(|(k, &v)| (lean(v), k, v))
            .collect();
        ranked.sort();
        let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
        let mut next = 0;
        for size in sizes {
            let mut part: Vec<(usize, usize)> = ranked[next..next + size]
                .iter()
                .map(|&(_, k, v)| (k, v))
                .collect();
            part.sort();
            out.push(part.into_iter().map(|(_, v)| v).collect());
            next += size;
        }
    }
    out
}

/// Column heights worth trying: every prefix of every column.
fn candidate_heights(columns: &[Vec<usize>], sizes: &[(f32, f32)], gap: f32) -> Vec<f32> {
    let tallest_item = sizes.iter().map(|s| s.1).fold(0.0, f32::max);
    let mut heights = vec![tallest_item];
    for column in columns {
        let mut h = 0.0;
        for (k, &i) in column.iter().enumerate() {
            h += sizes[i].1 + if k > 0 { gap } else { 0.0 };
            if h >= tallest_item {
                heights.push(h);
            }
        }
    }
    heights.sort_by(f32::total_cmp);
    heights.dedup_by(|a, b| (*a - *b).abs() < 1e-3);
    heights
}

/// Groups siblings into columns by longest path along the edges, then orders each
/// column by the mean position of its neighbours in the column before and after.
fn ordered_columns(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let kept = acyclic(n, edges);
    let mut layer = vec![0usize; n];
    // Longest path: relax in topological order (Kahn).
    let mut indegree = vec![0usize; n];
    for &(_, b) in &kept {
        indegree[b] += 1;
    }
    let mut ready: std::collections::VecDeque<usize> =
        (0..n).filter(|&v| indegree[v] == 0).collect();
    let callees = out_edges(n, &kept);
    while let Some(v) = ready.pop_front() {
        for &b in &callees[v] {
            layer[b] = layer[b].max(layer[v] + 1);
            indegree[b] -= 1;
            if indegree[b] == 0 {
                ready.push_back(b);
            }
        }
    }
    let mut connected = vec![false; n];
    for &(a, b) in &kept {
        connected[a] = true;
        connected[b] = true;
    }
    let layers = layer.iter().copied().max().unwrap_or(0) + 1;
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for v in (0..n).filter(|&v| connected[v]) {
        columns[layer[v]].push(v);
    }
    // Unconnected siblings join the shortest columns, keeping their order.
    for v in (0..n).filter(|&v| !connected[v]) {
        let shortest = (0..layers)
            .min_by_key(|&c| (columns[c].len(), c))
            .unwrap_or(0);
        columns[shortest].push(v);
    }
    columns.retain(|c| !c.is_empty());

    // Each sibling's neighbours along the kept edges, in edge order.
    let mut linked: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &kept {
        linked[a].push(b);
        linked[b].push(a);
    }
    for sweep in 0..4 {
        let forward = sweep % 2 == 0;
        let order: Vec<usize> = if forward {
            (1..columns.len()).collect()
        } else {
            (0..columns.len().saturating_sub(1)).rev().collect()
        };
        for c in order {
            let neighbour = if forward { c - 1 } else { c + 1 };
            let mut position = vec![None; n];
            for (p, &u) in columns[neighbour].iter().enumerate() {
                position[u] = Some(p as f32);
            }
            let mut keyed: Vec<(f32, usize, usize)> = columns[c]
                .iter()
                .enumerate()
                .map(|(k, &v)| {
                    let (sum, count) = linked[v]
                        .iter()
                        .filter_map(|&u| position[u])
                        .fold((0.0, 0usize), |(s, c), p| (s + p, c + 1));
                    let bary = if count == 0 {
                        k as f32
                    } else {
                        sum / count as f32
                    };
                    (bary, k, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            columns[c] = keyed.into_iter().map(|(_, _, v)| v).collect();
        }
    }
    columns
}

/// Each sibling's callees, in edge order.
fn out_edges(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut callees = vec![Vec::new(); n];
    for &(a, b) in edges {
        callees[a].push(b);
    }
    callees
}

/// The edges minus those that close a cycle (found by depth-first search in input order).
fn acyclic(n: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let callees = out_edges(n, edges);
    let mut mark = vec![Mark::New; n];
    let mut kept = Vec::new();
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        // Iterative DFS: (node, index of next edge to look at).
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Active;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let out = &callees[v];
            if *next < out.len() {
                let w = out[*next];
                *next += 1;
                match mark[w] {
                    Mark::Active => {} // closes a cycle: dropped
                    Mark::New => {
                        kept.push((v, w));
                        mark[w] = Mark::Active;
                        stack.push((w, 0));
                    }
                    Mark::Done => kept.push((v, w)),
                }
            } else {
                mark[v] = Mark::Done;
                stack.pop();
            }
        }
    }
    kept.sort();
    kept.dedup();
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_overlaps(a: &Arrangement) {
        for (i, x) in a.cells.iter().enumerate() {
            for y in &a.cells[i + 1..] {
                assert!(!x.overlaps(y), "{x:?} overlaps {y:?}");
            }
            let bounds = Rect::new(Point::default(), a.width, a.height);
            assert!(bounds.encloses(x, 1e-3), "{x:?} outside {bounds:?}");
        }
    }

    #[test]
    fn callers_sit_left_of_callees() {
        // 0 and 1 call 2; 2 calls 3.
        let sizes = vec![(10.0, 4.0); 4];
        let a = arrange(&sizes, &[(0, 2), (1, 2), (2, 3)], 1.0, 16.0 / 9.0);
        no_overlaps(&a);
        assert!(a.cells[0].center.x < a.cells[2].center.x);
        assert!(a.cells[1].center.x < a.cells[2].center.x);
        assert!(a.cells[2].center.x < a.cells[3].center.x);
    }

    #[test]
    fn a_long_chain_folds_into_bands_read_like_lines_of_text() {
        // 0 calls 1 calls 2 … : thirty columns of one box each.
        let sizes = vec![(10.0, 4.0); 30];
        let chain: Vec<(usize, usize)> = (0..29).map(|i| (i, i + 1)).collect();
        let a = arrange(&sizes, &chain, 1.0, 16.0 / 9.0);
        no_overlaps(&a);
        let aspect = a.width / a.height;
        assert!(
            aspect > 16.0 / 9.0 / 2.0 && aspect < 16.0 / 9.0 * 2.0,
            "aspect {aspect}"
        );
        // Each next box sits right of the last on its line, or starts a lower line.
        for &(x, y) in &chain {
            let (p, q) = (a.cells[x].center, a.cells[y].center);
            assert!(
                (p.y == q.y && p.x < q.x) || q.y < p.y - 4.0,
                "{x} at {p:?}, {y} at {q:?}"
            );
        }
    }

    #[test]
    fn unconnected_siblings_wrap_into_a_wide_grid() {
        let sizes = vec![(10.0, 4.0); 12];
        let a = arrange(&sizes, &[], 1.0, 16.0 / 9.0);
        no_overlaps(&a);
        let aspect = a.width / a.height;
        assert!(aspect > 1.0 && aspect < 4.0, "aspect {aspect}");
    }

    #[test]
    fn cycles_do_not_hang_and_columns_stretch_to_their_widest_cell() {
        let sizes = vec![(10.0, 4.0), (20.0, 4.0), (5.0, 4.0)];
        let a = arrange(&sizes, &[(0, 1), (1, 2), (2, 0)], 1.0, 1.0);
        no_overlaps(&a);
        assert_eq!(a.cells.len(), 3);
        let same_column: Vec<&Rect> = a
            .cells
            .iter()
            .filter(|c| (c.center.x - a.cells[1].center.x).abs() < 1e-3)
            .collect();
        assert!(same_column.iter().all(|c| c.width == same_column[0].width));
    }

    #[test]
    fn the_same_input_gives_the_same_arrangement() {
        let sizes: Vec<(f32, f32)> = (0..9).map(|i| (8.0 + i as f32, 4.0)).collect();
        let edges = [(0, 3), (1, 3), (3, 5), (2, 6)];
        assert_eq!(
            arrange(&sizes, &edges, 1.0, 1.5),
            arrange(&sizes, &edges, 1.0, 1.5)
        );
    }
}
