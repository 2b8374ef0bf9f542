//! The bundled Daytona map and talk are true to the demo guide and to the code at
//! v0.148.0 (copies of both live in `tests/reference/`).

use std::collections::HashSet;

use legend_present::coverage::Coverage;
use legend_present::deck::{Deck, load_deck};
use legend_present::listing::Listing;
use legend_present::map::{Level, Map, NodeIndex};

use crate::repo;

const MAP: &str = "assets/daytona/architecture.ron";

fn map() -> Map {
    Map::load(&repo(MAP)).unwrap_or_else(|problems| panic!("{problems}"))
}

fn deck() -> Deck {
    let load = load_deck(&repo("scenes/daytona"));
    assert!(load.problems.is_empty(), "{}", load.problems);
    load.deck.unwrap()
}

fn guide() -> String {
    std::fs::read_to_string(repo("tests/reference/daytona-demo-guide.md")).unwrap()
}

fn listing() -> Listing {
    Listing::read(&repo("tests/reference/daytona-v0.148.0-files.txt")).unwrap()
}

fn node<'m>(map: &'m Map, id: &str) -> &'m legend_present::map::Node {
    map.node(map.find(id).unwrap_or_else(|| panic!("no node {id}")))
}

/// Rows of the markdown tables that follow `heading` up to the next heading of any level.
fn table_rows(text: &str, heading: &str) -> Vec<Vec<String>> {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("guide has no {heading}"));
    let body = &text[start + heading.len()..];
    let end = body.find("\n#").unwrap_or(body.len());
    body[..end]
        .lines()
        .filter(|l| l.starts_with('|') && !l.contains("---"))
        .skip(1) // header row
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('*').to_string())
                .collect()
        })
        .collect()
}

#[test]
fn level_counts_match_the_guides_coverage_summary() {
    let coverage = Coverage::of(&map());
    let nodes: Vec<usize> = coverage.levels.iter().map(|l| l.nodes).collect();
    assert_eq!(nodes, vec![11, 9, 49, 74]);
    assert_eq!(coverage.total_nodes(), 143);
    assert_eq!(coverage.total_edges(), 75);
    assert_eq!(
        coverage.level(Level::L4).edges,
        0,
        "the guide leaves file-level edges out"
    );
}

#[test]
fn every_l2_service_of_the_guide_is_there_with_its_id_and_colour_group() {
    let map = map();
    let rows = table_rows(&guide(), "## L2 — System / Container Level");
    assert_eq!(rows.len(), 9);
    for row in rows {
        let (service, id, colour) = (&row[0], &row[1], &row[2]);
        let node = node(&map, id);
        assert_eq!(&node.label, service);
        assert_eq!(node.level, Level::L2);
        // "Blue (API)" → the group labelled "API".
        let group = colour.split('(').nth(1).unwrap().trim_end_matches(')');
        assert_eq!(map.group(node.group).label, group, "{id}");
    }
}

#[test]
fn every_l3_module_of_the_guide_is_there_under_its_group() {
    let map = map();
    let guide = guide();
    let groups = [
        ("### API Server Group (13 modules)", "d-api-server"),
        ("### Dashboard Group (3 modules)", "d-dashboard"),
        ("### Runner Group (6 modules)", "d-runner"),
        ("### Daemon Group (7 modules)", "d-daemon"),
        ("### CLI Group (7 modules)", "d-cli"),
        ("### SDKs Group (5 modules)", "d-sdks"),
        ("### Gateway Group (1 module)", "d-proxy"),
        ("### Infrastructure Group (7 modules)", "d-infra"),
    ];
    let mut total = 0;
    for (heading, parent) in groups {
        let parent = map.find(parent).unwrap();
        let modules: Vec<String> = table_rows(&guide, heading)
            .into_iter()
            .map(|r| r[0].clone())
            .collect();
        let labels: Vec<&str> = map
            .node(parent)
            .children
            .iter()
            .map(|&c| map.node(c).label.as_str())
            .collect();
        let mut expected: Vec<&str> = modules.iter().map(String::as_str).collect();
        let mut found = labels.clone();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "{heading}");
        for &child in &map.node(parent).children {
            assert_eq!(
                map.node(child).group,
                map.node(parent).group,
                "{}",
                map.node(child).id
            );
            assert_eq!(map.node(child).level, Level::L3);
        }
        total += modules.len();
    }
    assert_eq!(total, 49);
}

#[test]
fn the_colour_groups_are_the_guides() {
    let map = map();
    let labels: HashSet<&str> = map.groups.iter().map(|g| g.label.as_str()).collect();
    for label in [
        "API",
        "Component",
        "Utility",
        "Config",
        "CLI",
        "Gateway",
        "External",
        "Data",
    ] {
        assert!(labels.contains(label), "{label}");
    }
}

#[test]
fn l1_has_the_system_four_actors_and_six_externals() {
    let map = map();
    let l1: Vec<NodeIndex> = map.nodes_on(Level::L1).collect();
    let in_group = |g: &str| {
        l1.iter()
            .filter(|&&n| map.group(map.node(n).group).id == g)
            .count()
    };
    assert_eq!(in_group("person"), 4);
    assert_eq!(in_group("external"), 6);
    for label in ["AI Developers", "Platform Engineers", "SDK Users"] {
        assert!(l1.iter().any(|&n| map.node(n).label == label), "{label}");
    }
    // Every L2 node sits inside the Daytona system box.
    let system = map.find("d-daytona").unwrap();
    assert_eq!(map.node(system).children.len(), 9);
}

#[test]
fn the_guides_key_edges_are_on_the_map() {
    let map = map();
    let edge = |from: &str, to: &str| {
        let (f, t) = (map.find(from).unwrap(), map.find(to).unwrap());
        assert!(
            map.edge_between(f, t).is_some(),
            "missing edge {from} -> {to}"
        );
    };
    for client in ["d-dashboard", "d-cli", "d-sdks"] {
        edge(client, "d-api-server");
    }
    edge("d-api-server", "d-runner");
    edge("d-runner", "d-daemon");
    edge("d-sdks", "d-daemon");
    edge("d-proxy", "d-runner");
    let daemon = map.find("d-daemon").unwrap();
    for &module in &map.node(daemon).children {
        edge("d-runner-executor", &map.node(module).id);
    }
    edge("d-sdk-python", "d-daemon-fs");
    edge("d-sdk-python", "d-daemon-process");
    edge("d-runner-executor", "d-snapshot-manager");
    edge("d-snapshot-manager", "d-docker-registry");
    edge("d-api-auth", "d-api-user");
    edge("d-api-user", "d-postgres");
}

#[test]
fn every_l4_path_is_real_and_carries_its_real_file_count() {
    let map = map();
    let listing = listing();
    assert_eq!(listing.len(), 4023);
    for n in map.nodes_on(Level::L4) {
        let node = map.node(n);
        let path = node
            .path
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no path", node.id));
        let files = node
            .files
            .unwrap_or_else(|| panic!("{} has no file count", node.id));
        assert_eq!(
            listing.count(path),
            Ok(files as usize),
            "{} ({path})",
            node.id
        );
    }
    // The guide's "30 files" is 38 at v0.148.0; the map tells the truth.
    assert_eq!(node(&map, "d-f-sandbox-dto").files, Some(38));
    // Every path on every level, checked the way `legend check --listing` does.
    Map::load_against(&repo(MAP), Some(&listing)).unwrap_or_else(|p| panic!("{p}"));
}

#[test]
fn a_wrong_file_count_is_caught_by_the_listing_check() {
    let text = std::fs::read_to_string(repo(MAP)).unwrap();
    let wrong = text.replace(
        "path: \"apps/api/src/sandbox/dto\", files: 38",
        "path: \"apps/api/src/sandbox/dto\", files: 30",
    );
    assert_ne!(text, wrong);
    let problems = Map::parse_against(&repo(MAP), &wrong, Some(&listing())).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems}");
    let d = problems.iter().next().unwrap();
    assert!(
        d.message
            .contains("claims 30 files but \"apps/api/src/sandbox/dto\" covers 38"),
        "{d}"
    );
    assert_eq!(&text[d.span.clone()], "38");
}

#[test]
fn the_talk_has_a_scene_for_every_talking_point() {
    let deck = deck();
    let map = &deck.map;
    let titles: Vec<&str> = deck.scenes.iter().map(|s| s.title.as_str()).collect();
    let on = |level: Level| deck.scenes.iter().filter(|s| s.level == level).count();
    assert!(
        on(Level::L1) >= 3 && on(Level::L2) >= 9 && on(Level::L3) >= 12 && on(Level::L4) >= 4,
        "{titles:?}"
    );
    // The first scene opens on L1.
    assert_eq!(deck.scenes[0].level, Level::L1);
    // Each of the guide's Known Gaps questions has its own scene.
    let guide = guide();
    let gaps = &guide[guide.find("## Known Gaps").unwrap()..];
    let questions: Vec<&str> = gaps
        .lines()
        .filter_map(|l| l.strip_prefix("**\"").and_then(|q| q.strip_suffix("\"**")))
        .collect();
    assert_eq!(questions.len(), 5);
    for question in questions {
        assert!(titles.contains(&question), "no scene for {question:?}");
    }
    // Each of the eight L3 groups has a scene framing exactly its modules.
    for parent in [
        "d-api-server",
        "d-dashboard",
        "d-runner",
        "d-daemon",
        "d-cli",
        "d-sdks",
        "d-infra",
    ] {
        let children = &map.node(map.find(parent).unwrap()).children;
        assert!(
            deck.scenes
                .iter()
                .any(|s| s.level == Level::L3 && &s.camera == children),
            "no scene frames the modules of {parent}"
        );
    }
    let proxy_core = map.find("d-proxy-core").unwrap();
    assert!(
        deck.scenes
            .iter()
            .any(|s| s.camera.first() == Some(&proxy_core))
    );
}

#[test]
fn the_executor_scene_lights_every_daemon_module_in_order() {
    let deck = deck();
    let map = &deck.map;
    let scene = deck
        .scenes
        .iter()
        .find(|s| s.title == "Executor → every Daemon module")
        .unwrap();
    let lit: Vec<&str> = scene.steps[0]
        .highlight
        .edges
        .iter()
        .map(|&e| map.node(map.edge(e).to).id.as_str())
        .collect();
    let daemon = map.find("d-daemon").unwrap();
    let modules: Vec<&str> = map
        .node(daemon)
        .children
        .iter()
        .map(|&c| map.node(c).id.as_str())
        .collect();
    assert_eq!(lit, modules);
}

#[test]
fn every_key_l3_edge_is_lit_by_some_scene() {
    let deck = deck();
    let map = &deck.map;
    let lit: HashSet<(String, String)> = deck
        .scenes
        .iter()
        .flat_map(|s| s.steps.iter().flat_map(|st| st.highlight.edges.iter()))
        .map(|&e| {
            let edge = map.edge(e);
            (map.node(edge.from).id.clone(), map.node(edge.to).id.clone())
        })
        .collect();
    for (from, to) in [
        ("d-sdk-python", "d-daemon-fs"),
        ("d-sdk-python", "d-daemon-process"),
        ("d-runner-executor", "d-snapshot-manager"),
        ("d-snapshot-manager", "d-docker-registry"),
        ("d-api-auth", "d-api-user"),
        ("d-api-user", "d-postgres"),
        ("d-api-server", "d-runner"),
        ("d-proxy", "d-runner"),
    ] {
        assert!(
            lit.contains(&(from.to_string(), to.to_string())),
            "{from} -> {to} never lit"
        );
    }
}
