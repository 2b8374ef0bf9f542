//! Triangle meshes for edges: a curve of constant width along a routed Bézier, ending
//! in an arrowhead at the target.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use crate::layout::{Point, Route};

/// Samples along a curve; enough for a smooth bend at projector sizes.
const SEGMENTS: usize = 40;

/// Vertices of an edge mesh: positions, and per vertex the distance along the edge
/// (for the flowing dashes of a lit edge) and the side of the stroke.
pub struct EdgeVertices {
    pub positions: Vec<[f32; 3]>,
    pub along: Vec<[f32; 2]>,
    pub indices: Vec<u32>,
}

/// The triangles of an edge `width` wide whose last `head_length` units are an
/// arrowhead `head_width` wide.
pub fn edge_triangles(
    route: &Route,
    width: f32,
    head_length: f32,
    head_width: f32,
) -> EdgeVertices {
    let samples = route.sample(SEGMENTS * (route.points.len() - 1) / 3);
    let total: f32 = samples.windows(2).map(|w| (w[1] - w[0]).length()).sum();
    // The shaft stops where the arrowhead begins.
    let head_length = head_length.min(total * 0.6);
    let tip = samples[samples.len() - 1];
    let direction = route.tangent(1.0).direction();
    let base = tip - direction * head_length;
    let mut shaft: Vec<Point> = samples
        .iter()
        .copied()
        .take_while(|p| (tip - *p).length() > head_length)
        .collect();
    shaft.push(base);
    if shaft.len() < 2 {
        shaft.insert(0, samples[0]);
    }

    let mut positions = Vec::with_capacity(shaft.len() * 2 + 3);
    let mut along = Vec::with_capacity(shaft.len() * 2 + 3);
    let mut indices = Vec::with_capacity(shaft.len() * 6 + 3);
    let mut distance = 0.0;
    for (i, &p) in shaft.iter().enumerate() {
        if i > 0 {
            distance += (p - shaft[i - 1]).length();
        }
        let tangent = if i + 1 < shaft.len() {
            shaft[i + 1] - p
        } else {
            p - shaft[i - 1]
        };
        let n = Point::new(-tangent.y, tangent.x).direction() * (width / 2.0);
        positions.push([p.x + n.x, p.y + n.y, 0.0]);
        positions.push([p.x - n.x, p.y - n.y, 0.0]);
        along.extend([[distance, 1.0], [distance, -1.0]]);
        if i > 0 {
            let k = (i as u32 - 1) * 2;
            indices.extend_from_slice(&[k, k + 1, k + 2, k + 1, k + 3, k + 2]);
        }
    }
    let side = Point::new(-direction.y, direction.x) * (head_width / 2.0);
    let first = positions.len() as u32;
    positions.push([tip.x, tip.y, 0.0]);
    positions.push([base.x + side.x, base.y + side.y, 0.0]);
    positions.push([base.x - side.x, base.y - side.y, 0.0]);
    indices.extend_from_slice(&[first, first + 1, first + 2]);
    // The head is solid: it sits at the end of the flow.
    along.extend([[distance, 0.0], [distance, 1.0], [distance, -1.0]]);
    EdgeVertices {
        positions,
        along,
        indices,
    }
}

/// A mesh asset for an edge.
pub fn edge_mesh(route: &Route, width: f32, head_length: f32, head_width: f32) -> Mesh {
    let v = edge_triangles(route, width, head_length, head_width);
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, v.positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, v.along)
    .with_inserted_indices(Indices::U32(v.indices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Side;

    #[test]
    fn the_arrowhead_ends_on_the_target_border() {
        let route = Route::between(
            Point::new(0.0, 0.0),
            Side::Right,
            Point::new(100.0, 0.0),
            Side::Left,
            30.0,
        );
        let EdgeVertices {
            positions,
            along,
            indices,
        } = edge_triangles(&route, 2.0, 10.0, 8.0);
        assert_eq!(along.len(), positions.len());
        assert!(
            (along[along.len() - 1][0] - 90.0).abs() < 0.5,
            "the head starts 90 along"
        );
        assert_eq!(indices.len() % 3, 0);
        assert!(indices.iter().all(|&i| (i as usize) < positions.len()));
        let tip = positions[positions.len() - 3];
        assert_eq!((tip[0], tip[1]), (100.0, 0.0));
        // The shaft is 2 wide along a straight route.
        assert!((positions[0][1] - positions[1][1]).abs() - 2.0 < 1e-4);
        // The head is 8 wide and 10 long.
        let (a, b) = (
            positions[positions.len() - 2],
            positions[positions.len() - 1],
        );
        assert!(((a[1] - b[1]).abs() - 8.0).abs() < 1e-3);
        assert!((a[0] - 90.0).abs() < 1e-3);
    }
}
