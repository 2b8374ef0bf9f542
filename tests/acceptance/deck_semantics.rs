//! What a scene means once loaded: builds add highlights, `clear` starts over,
//! captions and notes carry forward, defaults fill the timing, an empty camera
//! frames the whole level.

use legend_present::deck::{
    DEFAULT_HOLD, DEFAULT_STEP_HOLD, DEFAULT_TRANSITION, Scene, load_deck, parse_scene,
};
use legend_present::map::{Level, Map};

use crate::repo;

fn mini() -> Map {
    Map::load(&repo("tests/fixtures/mini/architecture.ron")).unwrap()
}

fn ids(map: &Map, nodes: &[legend_present::map::NodeIndex]) -> Vec<String> {
    nodes.iter().map(|&n| map.node(n).id.clone()).collect()
}

fn scene(map: &Map, text: &str) -> Scene {
    parse_scene(std::path::Path::new("test.ron"), text, map).unwrap_or_else(|p| panic!("{p}"))
}

#[test]
fn builds_accumulate_until_cleared_and_captions_carry_forward() {
    let map = mini();
    let deck = load_deck(&repo("tests/fixtures/mini"));
    assert!(deck.problems.is_empty(), "{}", deck.problems);
    let deck = deck.deck.unwrap();
    let two = &deck.scenes[1];
    assert_eq!(two.level, Level::L3);
    assert_eq!(two.steps.len(), 3);
    assert_eq!(ids(&map, &two.steps[0].highlight.nodes), ["api-a", "api-b"]);
    assert_eq!(two.steps[0].highlight.edges.len(), 1);
    // Step 2 adds an edge and keeps the rest.
    assert_eq!(ids(&map, &two.steps[1].highlight.nodes), ["api-a", "api-b"]);
    assert_eq!(two.steps[1].highlight.edges.len(), 2);
    assert_eq!(two.steps[1].caption, ["Two modules."]);
    assert_eq!(two.steps[1].notes, "Mention module B.");
    assert_eq!(two.steps[1].hold, 2.0);
    // Step 3 clears, lights only the UI, and changes the caption.
    assert_eq!(ids(&map, &two.steps[2].highlight.nodes), ["web-ui"]);
    assert!(two.steps[2].highlight.edges.is_empty());
    assert_eq!(two.steps[2].caption, ["Only the UI."]);
    assert_eq!(two.steps[2].hold, DEFAULT_STEP_HOLD);
    assert_eq!(two.transition, 0.5);
    assert_eq!(two.duration(), 0.5 + 3.0 + 2.0 + DEFAULT_STEP_HOLD);
}

#[test]
fn defaults_and_an_empty_camera_frame_the_whole_level() {
    let map = mini();
    let s = scene(&map, "Scene(title: \"All\", level: L2)");
    assert_eq!(ids(&map, &s.camera), ["web", "api", "db"]);
    assert_eq!(s.transition, DEFAULT_TRANSITION);
    assert_eq!(s.steps.len(), 1);
    assert_eq!(s.steps[0].hold, DEFAULT_HOLD);
    assert!(s.steps[0].highlight.nodes.is_empty());
}

#[test]
fn paths_and_wildcards_resolve_to_edges_in_order() {
    let map = mini();
    let s = scene(
        &map,
        "Scene(title: \"Path\", level: L2, edges: [\"web -> api -> db\", \"* -> db\"])",
    );
    let edges: Vec<(String, String)> = s.steps[0]
        .highlight
        .edges
        .iter()
        .map(|&e| {
            (
                map.node(map.edge(e).from).id.clone(),
                map.node(map.edge(e).to).id.clone(),
            )
        })
        .collect();
    // The second selector names api -> db again; it is lit once.
    assert_eq!(
        edges,
        [("web".into(), "api".into()), ("api".into(), "db".into())]
    );
    let s = scene(
        &map,
        "Scene(title: \"Fan\", level: L3, nodes: [\"*\", \"api/*\"], edges: [\"web/* -> api/*\"])",
    );
    assert_eq!(
        ids(&map, &s.steps[0].highlight.nodes),
        ["web-ui", "api-a", "api-b"]
    );
    assert_eq!(s.steps[0].highlight.edges.len(), 1);
}
