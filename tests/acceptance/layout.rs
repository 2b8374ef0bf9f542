//! The computed layout of the Daytona map: nested, non-overlapping, labels that fit,
//! edges that start and end on box borders — checked without rendering.

use legend_present::app::Stage;
use legend_present::layout::{Layout, label_size, proportions as p, route};
use legend_present::map::{Level, Map, NodeIndex};
use legend_present::morph::{edge_shape, node_shape};

use crate::repo;

fn stage() -> Stage {
    Stage::new(Map::load(&repo("assets/daytona/architecture.ron")).unwrap())
}

#[test]
fn no_two_boxes_of_a_level_overlap() {
    let stage = stage();
    for level in Level::ALL {
        let nodes: Vec<NodeIndex> = stage.map.nodes_on(level).collect();
        for (i, &a) in nodes.iter().enumerate() {
            for &b in &nodes[i + 1..] {
                let (ra, rb) = (stage.layout.node(a).region, stage.layout.node(b).region);
                assert!(
                    !ra.overlaps(&rb),
                    "{} and {} overlap on {level}",
                    stage.map.node(a).id,
                    stage.map.node(b).id
                );
            }
        }
    }
}

#[test]
fn children_sit_inside_their_parents_frame_below_its_header() {
    let stage = stage();
    for n in stage.map.node_indices() {
        let node = stage.map.node(n);
        let l = stage.layout.node(n);
        assert!(l.region.encloses(&l.closed, 1e-3));
        for &child in &node.children {
            let c = stage.layout.node(child).region;
            assert!(
                l.region.encloses(&c, 1e-3),
                "{} escapes {}",
                stage.map.node(child).id,
                node.id
            );
            let header_bottom = l.region.top() - l.header_size / p::HEADER * p::HEADER_LINE;
            assert!(
                c.top() <= header_bottom + 1e-3,
                "{} covers the header of {}",
                stage.map.node(child).id,
                node.id
            );
        }
    }
}

#[test]
fn every_label_description_and_badge_fits_its_box() {
    let stage = stage();
    for n in stage.map.node_indices() {
        let node = stage.map.node(n);
        let l = stage.layout.node(n);
        let h = label_size(node.level);
        let inner = l.closed.width - 2.0 * p::PAD_X * h;
        assert!(
            l.label_width <= inner + 1e-3,
            "label of {} is {} wide in {}",
            node.id,
            l.label_width,
            inner
        );
        assert_eq!(l.label_width, stage.metrics.width(&node.label) * h);
        for line in &l.description {
            let w = stage.metrics.width(line) * l.description_size;
            assert!(
                w <= inner + 1e-3,
                "description of {} overflows: {line}",
                node.id
            );
        }
        assert!(l.description.len() <= p::DESCRIPTION_LINES);
        if let Some(badge) = l.badge_rect() {
            assert!(
                l.closed.encloses(&badge, 1e-3),
                "badge of {} sticks out",
                node.id
            );
            let desc_bottom = l.description_center().y
                - l.description.len() as f32 * l.description_size * p::DESCRIPTION_LINE / 2.0;
            assert!(
                badge.top() <= desc_bottom + 1e-3,
                "badge of {} covers its description",
                node.id
            );
        }
        // The frame header fits too.
        if !node.children.is_empty() {
            let header = l.label_width / l.label_size * l.header_size;
            assert!(
                l.header_anchor().x + header <= l.region.right(),
                "header of {} overflows",
                node.id
            );
        }
    }
    // Descriptions are shown, not dropped: every node that has one gets lines.
    let described = stage
        .map
        .nodes
        .iter()
        .filter(|n| !n.description.is_empty())
        .count();
    let laid_out = stage
        .layout
        .nodes
        .iter()
        .filter(|l| !l.description.is_empty())
        .count();
    assert_eq!(described, laid_out);
}

#[test]
fn edges_start_and_end_on_their_boxes_borders() {
    let stage = stage();
    for e in stage.map.edge_indices() {
        let edge = stage.map.edge(e);
        let route = &stage.layout.edges[e.0];
        let (a, b) = (
            stage.layout.node(edge.from).closed,
            stage.layout.node(edge.to).closed,
        );
        assert!(
            a.distance_to_border(route.start()).abs() < 1e-2,
            "edge {e:?} starts off its box"
        );
        assert!(
            b.distance_to_border(route.end()).abs() < 1e-2,
            "edge {e:?} ends off its box"
        );
    }
}

#[test]
fn edges_avoid_unrelated_boxes() {
    let stage = stage();
    let mut crossing = Vec::new();
    for level in Level::ALL {
        for e in stage.map.edges_on(level) {
            let edge = stage.map.edge(e);
            let others: Vec<_> = stage
                .map
                .nodes_on(level)
                .filter(|&n| n != edge.from && n != edge.to)
                .map(|n| stage.layout.node(n).closed)
                .collect();
            if route::crossings(&stage.layout.edges[e.0], &others) > 0 {
                crossing.push(format!(
                    "{} -> {}",
                    stage.map.node(edge.from).id,
                    stage.map.node(edge.to).id
                ));
            }
        }
    }
    assert!(
        crossing.is_empty(),
        "{} of {} edges cross boxes: {crossing:?}",
        crossing.len(),
        stage.map.edges.len()
    );
}

#[test]
fn edges_between_frames_leave_through_their_frames_and_share_the_way_between() {
    let stage = stage();
    let mut between: std::collections::BTreeMap<(NodeIndex, NodeIndex), Vec<usize>> =
        Default::default();
    for e in stage.map.edge_indices() {
        let edge = stage.map.edge(e);
        let (from, to) = (stage.map.node(edge.from), stage.map.node(edge.to));
        if let (Some(a), Some(b)) = (from.parent, to.parent)
            && a != b
        {
            between.entry((a, b)).or_default().push(e.0);
        }
    }
    let on_side = |p: &legend_present::layout::Point, frame: NodeIndex| {
        let r = stage.layout.node(frame).region;
        ((p.x - r.left()).abs() < 1e-2 || (p.x - r.right()).abs() < 1e-2)
            && p.y >= r.bottom()
            && p.y <= r.top()
    };
    let mut bundles = 0;
    for (&(a, b), edges) in &between {
        for &e in edges {
            let points = &stage.layout.edges[e].points;
            assert!(
                points.iter().any(|p| on_side(p, a)) && points.iter().any(|p| on_side(p, b)),
                "edge {} -> {} does not pass through its frames' borders",
                stage.map.node(stage.map.edges[e].from).id,
                stage.map.node(stage.map.edges[e].to).id
            );
        }
        if let [first, second, ..] = edges[..] {
            let (p, q) = (
                &stage.layout.edges[first].points,
                &stage.layout.edges[second].points,
            );
            let shared = p.iter().filter(|x| q.contains(x)).count();
            assert!(
                shared >= 4,
                "edges between {} and {} share {shared} points",
                stage.map.node(a).id,
                stage.map.node(b).id
            );
            bundles += 1;
        }
    }
    assert!(bundles >= 3, "{bundles} pairs of frames with several edges");
}

#[test]
fn the_layout_is_deterministic_and_framed_for_16_by_9() {
    let a = stage();
    let b = Layout::compute(&a.map, &a.metrics);
    assert_eq!(a.layout, b);
    let aspect = a.layout.bounds.width / a.layout.bounds.height;
    assert!((1.2..=2.6).contains(&aspect), "L1 is {aspect:.2}:1");
    let anchors = a.layout.anchors;
    assert!(anchors.windows(2).all(|w| w[1] < w[0]), "{anchors:?}");
}

#[test]
fn halfway_between_l2_and_l3_frames_grow_and_children_fade_in() {
    let stage = stage();
    let api = stage.map.find("d-api-server").unwrap();
    let sandbox = stage.map.find("d-api-sandbox").unwrap();
    let l = stage.layout.node(api);
    let at = |z: f32| node_shape(&stage.map, &stage.layout, api, z);
    assert_eq!(at(2.0).rect, l.closed);
    assert_eq!(at(3.0).rect, l.region);
    let half = at(2.5);
    assert!(half.rect.width > l.closed.width && half.rect.width < l.region.width);
    assert!((half.open - 0.5).abs() < 1e-6);
    let child = node_shape(&stage.map, &stage.layout, sandbox, 2.5);
    assert!((child.opacity - 0.5).abs() < 1e-6);
    // The label travels from the centre of the box to the frame's header and back.
    assert_eq!(at(2.0).label_center, l.label_center());
    assert!(at(3.0).label_center.x < l.label_center().x);
    assert_eq!(at(2.0), node_shape(&stage.map, &stage.layout, api, 2.0));
    // L2 edges fade out as L3 edges fade in.
    // (Two edges that stay inside one frame, so they are drawn at full strength.)
    let inside = |level| {
        stage.map.edges_on(level).find(|&e| {
            let edge = stage.map.edge(e);
            stage.map.node(edge.from).parent == stage.map.node(edge.to).parent
        })
    };
    let (l2_edge, l3_edge) = (inside(Level::L2).unwrap(), inside(Level::L3).unwrap());
    let fade = |e, z| edge_shape(&stage.map, &stage.layout, e, z).opacity;
    assert_eq!(fade(l2_edge, 2.0), 1.0);
    assert_eq!(fade(l3_edge, 2.0), 0.0);
    assert!((fade(l2_edge, 2.5) - 0.5).abs() < 1e-6);
    assert_eq!(fade(l2_edge, 3.0), 0.0);
    assert_eq!(fade(l3_edge, 3.0), 1.0);
}

#[test]
fn a_generated_map_of_a_thousand_nodes_keeps_its_edges_out_of_boxes() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-1000");
    let synthetic = legend_present::synthetic::generate(1000, 1);
    legend_present::synthetic::write(&synthetic, &dir).unwrap();
    let map = Map::load(&dir.join(legend_present::synthetic::MAP_FILE)).unwrap();
    let stage = Stage::new(map);
    let crossed = stage.layout.boxes_crossed(&stage.map);
    // Two thousand edges over four levels, most between different frames.
    assert!(
        crossed * 100 <= stage.map.edges.len(),
        "{crossed} boxes crossed by {} edges",
        stage.map.edges.len()
    );
    // Its top level comes out near the frame's shape, not as a strip.
    let bounds = stage.layout.bounds;
    let aspect = bounds.width / bounds.height;
    assert!((0.8..4.0).contains(&aspect), "aspect {aspect}");
}

#[test]
fn lit_edge_labels_of_a_level_do_not_cover_one_another() {
    let stage = stage();
    for level in Level::ALL {
        let scale = label_size(level) * p::LIT_EDGE_LABEL;
        let plates: Vec<(String, legend_present::layout::Rect)> = stage
            .map
            .edges_on(level)
            .filter(|&e| !stage.map.edge(e).label.is_empty())
            .map(|e| {
                let label = &stage.map.edge(e).label;
                let route = &stage.layout.edges[e.0];
                let (w, h) = legend_present::layout::edge_label_plate(label, &stage.metrics, scale);
                let at = route.at(route.lit_label_at);
                (label.clone(), legend_present::layout::Rect::new(at, w, h))
            })
            .collect();
        let mut covering = Vec::new();
        for (i, (a, pa)) in plates.iter().enumerate() {
            for (b, pb) in &plates[i + 1..] {
                if pa.overlaps(pb) {
                    covering.push(format!("{a} / {b}"));
                }
            }
        }
        assert!(covering.is_empty(), "on {level}: {covering:?}");
    }
}
