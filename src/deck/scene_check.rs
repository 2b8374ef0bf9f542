//! Checks one parsed scene against the map and resolves its selectors into node and
//! edge indices, reporting every problem with its position.

use super::{
    DEFAULT_HOLD, DEFAULT_STEP_HOLD, DEFAULT_TRANSITION, EdgePattern, Highlight, NodePattern,
    Scene, SceneFile, Step,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::map::{EdgeIndex, Level, Map, NodeIndex};
use crate::source::Parsed;

const TRANSITION_RANGE: std::ops::RangeInclusive<f32> = 0.0..=10.0;
const HOLD_RANGE: std::ops::RangeInclusive<f32> = 0.5..=600.0;

pub fn check_scene(parsed: &Parsed<SceneFile>, map: &Map) -> Result<Scene, Diagnostics> {
    let file = &parsed.value;
    let mut check = SceneCheck {
        parsed,
        map,
        level: file.level,
        problems: Diagnostics::default(),
    };
    if file.title.trim().is_empty() {
        check.report(
            "title",
            "the scene has an empty title",
            "give the scene a title",
        );
    }
    if map.nodes_on(file.level).next().is_none() {
        check.report(
            "level",
            format!("the map has no nodes on {}", file.level),
            "pick a level the map has nodes on",
        );
    }
    let transition = check.seconds(
        "transition",
        file.transition,
        DEFAULT_TRANSITION,
        TRANSITION_RANGE,
    );

    let mut camera = check.nodes("camera", &file.camera);
    if camera.is_empty() {
        camera = map.nodes_on(file.level).collect();
    }

    let mut highlight = Highlight::default();
    check.add_highlights("", &file.nodes, &file.edges, &mut highlight);
    let mut steps = vec![Step {
        highlight: highlight.clone(),
        caption: file.caption.clone(),
        notes: file.notes.clone(),
        hold: check.seconds("hold", file.hold, DEFAULT_HOLD, HOLD_RANGE),
    }];
    for (i, entry) in file.steps.iter().enumerate() {
        let at = format!("steps[{i}]");
        if entry.clear {
            highlight = Highlight::default();
        }
        if entry.nodes.is_empty()
            && entry.edges.is_empty()
            && entry.caption.is_none()
            && !entry.clear
        {
            check.report(
                &at,
                format!("step {} changes nothing", i + 2),
                "a step adds nodes or edges, changes the caption, or clears",
            );
        }
        check.add_highlights(
            &format!("{at}."),
            &entry.nodes,
            &entry.edges,
            &mut highlight,
        );
        let previous = &steps[steps.len() - 1];
        let caption = entry
            .caption
            .clone()
            .unwrap_or_else(|| previous.caption.clone());
        let notes = entry
            .notes
            .clone()
            .unwrap_or_else(|| previous.notes.clone());
        steps.push(Step {
            highlight: highlight.clone(),
            caption,
            notes,
            hold: check.seconds(
                &format!("{at}.hold"),
                entry.hold,
                DEFAULT_STEP_HOLD,
                HOLD_RANGE,
            ),
        });
    }

    let SceneCheck { problems, .. } = check;
    problems.into_result(|| Scene {
        title: file.title.clone(),
        level: file.level,
        camera,
        steps,
        transition,
        file: parsed.file.path().to_path_buf(),
    })
}

struct SceneCheck<'a> {
    parsed: &'a Parsed<SceneFile>,
    map: &'a Map,
    level: Level,
    problems: Diagnostics,
}

impl SceneCheck<'_> {
    fn report(&mut self, at: &str, message: impl Into<String>, hint: impl Into<String>) {
        let diagnostic: Diagnostic = self.parsed.error_at(at, message, hint);
        self.problems.push(diagnostic);
    }

    fn seconds(
        &mut self,
        at: &str,
        value: Option<f32>,
        default: f32,
        range: std::ops::RangeInclusive<f32>,
    ) -> f32 {
        let Some(value) = value else {
            return default;
        };
        if !range.contains(&value) {
            self.report(
                at,
                format!(
                    "{} of {value} s is out of range",
                    at.rsplit('.').next().unwrap_or(at)
                ),
                format!("use {} to {} seconds", range.start(), range.end()),
            );
            return default;
        }
        value
    }

    fn add_highlights(
        &mut self,
        prefix: &str,
        nodes: &[String],
        edges: &[String],
        into: &mut Highlight,
    ) {
        for node in self.nodes(&format!("{prefix}nodes"), nodes) {
            into.add_node(node);
        }
        for (i, text) in edges.iter().enumerate() {
            for edge in self.edges(&format!("{prefix}edges[{i}]"), text) {
                into.add_edge(edge);
            }
        }
    }

    /// Resolves a list of node selectors written at `field`.
    fn nodes(&mut self, field: &str, texts: &[String]) -> Vec<NodeIndex> {
        let mut found = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let at = format!("{field}[{i}]");
            match NodePattern::parse(text) {
                Ok(pattern) => {
                    if let Some(nodes) = self.resolve(&at, &pattern) {
                        found.extend(nodes.into_iter().filter(|n| !found.contains(n)).collect::<Vec<_>>());
                    }
                }
                Err(message) => self.report(
                    &at,
                    message,
                    "name a node as \"id\", its children as \"id/*\", or every node of the level as \"*\"",
                ),
            }
        }
        found
    }

    /// The nodes one pattern stands for, all on the scene's level.
    fn resolve(&mut self, at: &str, pattern: &NodePattern) -> Option<Vec<NodeIndex>> {
        let map = self.map;
        let level = self.level;
        match pattern {
            NodePattern::Any => Some(map.nodes_on(level).collect()),
            NodePattern::Node(id) => {
                let node = self.known(at, id)?;
                let on = map.node(node).level;
                if on != level {
                    let hint = match on.below() {
                        Some(below) if below == level => {
                            format!(
                                "write \"{id}/*\" for its {below} children, or set the scene's level to {on}"
                            )
                        }
                        _ => format!("set the scene's level to {on}, or name a node on {level}"),
                    };
                    self.report(
                        at,
                        format!("node \"{id}\" is on {on} but the scene is on {level}"),
                        hint,
                    );
                    return None;
                }
                Some(vec![node])
            }
            NodePattern::ChildrenOf(id) => {
                let node = self.known(at, id)?;
                let children = &map.node(node).children;
                if children.is_empty() {
                    self.report(
                        at,
                        format!("node \"{id}\" has no children"),
                        "name the node itself, without /*",
                    );
                    return None;
                }
                let on = map.node(children[0]).level;
                if on != level {
                    self.report(
                        at,
                        format!("the children of \"{id}\" are on {on} but the scene is on {level}"),
                        format!("set the scene's level to {on}"),
                    );
                    return None;
                }
                Some(children.clone())
            }
        }
    }

    fn known(&mut self, at: &str, id: &str) -> Option<NodeIndex> {
        let found = self.map.find(id);
        if found.is_none() {
            let hint = match self.closest_id(id) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => "use the id of a node in the map".to_string(),
            };
            self.report(at, format!("unknown node \"{id}\""), hint);
        }
        found
    }

    /// A node id on the scene's level that shares the longest prefix with `id`.
    fn closest_id(&self, id: &str) -> Option<String> {
        self.map
            .nodes_on(self.level)
            .map(|n| &self.map.node(n).id)
            .map(|candidate| (common_prefix(candidate, id), candidate))
            .filter(|(shared, _)| *shared >= 3)
            .max_by_key(|(shared, _)| *shared)
            .map(|(_, candidate)| candidate.clone())
    }

    /// Resolves one edge selector written at `at`.
    fn edges(&mut self, at: &str, text: &str) -> Vec<EdgeIndex> {
        let pattern = match EdgePattern::parse(text) {
            Ok(pattern) => pattern,
            Err(message) => {
                self.report(
                    at,
                    message,
                    "name edges as \"from -> to\", a fan-out as \"from -> parent/*\", a path as \"a -> b -> c\"",
                );
                return Vec::new();
            }
        };
        let map = self.map;
        let mut found = Vec::new();
        for (left, right) in pattern.pairs() {
            let (Some(from), Some(to)) = (self.resolve(at, left), self.resolve(at, right)) else {
                continue;
            };
            // Ordered by target, then source: a fan-out lights in the order of its targets.
            let matched: Vec<EdgeIndex> = to
                .iter()
                .flat_map(|&t| from.iter().filter_map(move |&f| map.edge_between(f, t)))
                .collect();
            if matched.is_empty() {
                let (message, hint) = match (left, right) {
                    (NodePattern::Node(a), NodePattern::Node(b)) => (
                        format!("no edge \"{a}\" -> \"{b}\" in the map"),
                        self.edges_from_hint(from[0]),
                    ),
                    _ => (
                        format!("\"{left} -> {right}\" matches no edge in the map"),
                        "add the edges to the map, or name ones it has".to_string(),
                    ),
                };
                self.report(at, message, hint);
            }
            found.extend(matched);
        }
        found
    }

    fn edges_from_hint(&self, from: NodeIndex) -> String {
        let targets: Vec<&str> = self
            .map
            .edge_indices()
            .filter(|&e| self.map.edge(e).from == from)
            .map(|e| self.map.node(self.map.edge(e).to).id.as_str())
            .collect();
        let id = &self.map.node(from).id;
        if targets.is_empty() {
            format!("\"{id}\" has no outgoing edges in the map")
        } else {
            format!("edges from \"{id}\" go to: {}", targets.join(", "))
        }
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}
