//! Checks a parsed map file and builds the `Map`, reporting every problem found with
//! its position: duplicate or malformed ids, unknown groups and parents, parents on
//! the wrong level, parent cycles, edges between unknown nodes or across levels.

use std::collections::{HashMap, HashSet};

use super::{ArchitectureFile, Colour, Edge, Group, GroupIndex, Map, Node, NodeIndex};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::listing::Listing;
use crate::source::Parsed;

/// Characters an id may use; the deck's selector syntax (`a -> b/*`) relies on it.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub fn validate(parsed: &Parsed<ArchitectureFile>) -> Result<Map, Diagnostics> {
    let file = &parsed.value;
    let mut problems = Diagnostics::default();
    let mut report = |d: Diagnostic| problems.push(d);

    if file.nodes.is_empty() {
        report(parsed.error_at(
            "nodes",
            "the map has no nodes",
            "add at least one L1 node, e.g. Node(id: \"system\", label: \"My system\", level: L1, group: \"…\")",
        ));
    }

    // Groups.
    let mut group_ids: HashMap<&str, GroupIndex> = HashMap::new();
    let mut groups = Vec::new();
    for (i, entry) in file.groups.iter().enumerate() {
        let at = format!("groups[{i}]");
        if !is_valid_id(&entry.id) {
            report(invalid_id(parsed, &format!("{at}.id"), "group", &entry.id));
        } else if group_ids.insert(&entry.id, GroupIndex(i)).is_some() {
            report(parsed.error_at(
                &format!("{at}.id"),
                format!("duplicate group id \"{}\"", entry.id),
                "each group id must be unique; rename or remove one",
            ));
        }
        let colour = Colour::parse_hex(&entry.colour).unwrap_or_else(|| {
            report(parsed.error_at(
                &format!("{at}.colour"),
                format!("colour \"{}\" is not #RRGGBB", entry.colour),
                "write six hex digits after #, e.g. \"#3B82F6\"",
            ));
            Colour {
                r: 128,
                g: 128,
                b: 128,
            }
        });
        groups.push(Group {
            id: entry.id.clone(),
            label: entry.label.clone(),
            colour,
        });
    }

    // Node ids.
    let mut by_id: HashMap<String, NodeIndex> = HashMap::new();
    for (i, entry) in file.nodes.iter().enumerate() {
        let at = format!("nodes[{i}].id");
        if !is_valid_id(&entry.id) {
            report(invalid_id(parsed, &at, "node", &entry.id));
        } else if let Some(first) = by_id.get(&entry.id) {
            let (line, _) = parsed
                .file
                .line_column(parsed.paths.span(&format!("nodes[{}].id", first.0)).start);
            report(parsed.error_at(
                &at,
                format!("duplicate node id \"{}\"", entry.id),
                format!("the first node with this id is on line {line}; ids must be unique"),
            ));
        } else {
            by_id.insert(entry.id.clone(), NodeIndex(i));
        }
    }

    // Groups, parents, paths of each node.
    let mut nodes = Vec::with_capacity(file.nodes.len());
    for (i, entry) in file.nodes.iter().enumerate() {
        let at = format!("nodes[{i}]");
        let group = match group_ids.get(entry.group.as_str()) {
            Some(&g) => g,
            None => {
                report(parsed.error_at(
                    &format!("{at}.group"),
                    format!("unknown group \"{}\"", entry.group),
                    one_of("groups", file.groups.iter().map(|g| g.id.as_str())),
                ));
                GroupIndex(0)
            }
        };
        let parent = match &entry.parent {
            None => None,
            Some(id) => match by_id.get(id) {
                Some(&p) => Some(p),
                None => {
                    report(parsed.error_at(
                        &format!("{at}.parent"),
                        format!("unknown parent \"{id}\""),
                        "the parent must be the id of a node in this map",
                    ));
                    None
                }
            },
        };
        if entry.files.is_some() && entry.path.is_none() {
            report(parsed.error_at(
                &format!("{at}.files"),
                format!("node \"{}\" has a file count but no path", entry.id),
                "add path: \"dir/in/repo\" naming what the count covers",
            ));
        }
        if entry.files == Some(0) {
            report(parsed.error_at(
                &format!("{at}.files"),
                "a file count of 0",
                "a path that covers no files does not belong on the map",
            ));
        }
        nodes.push(Node {
            id: entry.id.clone(),
            label: entry.label.clone(),
            level: entry.level,
            group,
            parent,
            children: Vec::new(),
            description: entry.description.clone(),
            path: entry.path.clone(),
            files: entry.files,
        });
    }

    // Parent cycles first: nodes on a cycle get one message, not a level complaint each.
    let on_cycle = report_cycles(parsed, &nodes, &mut report);
    for (i, node) in nodes.iter().enumerate() {
        if on_cycle.contains(&i) {
            continue;
        }
        let at = format!("nodes[{i}].parent");
        match (node.level.above(), node.parent) {
            (None, Some(_)) => report(parsed.error_at(
                &at,
                format!("L1 node \"{}\" has a parent", node.id),
                "L1 is the top level; remove the parent",
            )),
            (Some(above), None) if file.nodes[i].parent.is_none() => report(parsed.error_at(
                &format!("nodes[{i}].id"),
                format!("{} node \"{}\" has no parent", node.level, node.id),
                format!("add parent: the id of the {above} node it belongs to"),
            )),
            (Some(above), Some(p)) if nodes[p.0].level != above => report(parsed.error_at(
                &at,
                format!(
                    "parent \"{}\" is on {} but {} node \"{}\" needs a parent on {above}",
                    nodes[p.0].id, nodes[p.0].level, node.level, node.id
                ),
                "a parent is exactly one level up: L2 under L1, L3 under L2, L4 under L3",
            )),
            _ => {}
        }
    }
    let links: Vec<(usize, NodeIndex)> = nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| !on_cycle.contains(i))
        .filter_map(|(i, n)| n.parent.map(|p| (i, p)))
        .collect();
    for (child, parent) in links {
        nodes[parent.0].children.push(NodeIndex(child));
    }

    // Edges.
    let mut edges = Vec::with_capacity(file.edges.len());
    let mut seen: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
    for (i, entry) in file.edges.iter().enumerate() {
        let at = format!("edges[{i}]");
        let end = |field: &str, id: &str, report: &mut dyn FnMut(Diagnostic)| {
            let found = by_id.get(id).copied();
            if found.is_none() {
                report(parsed.error_at(
                    &format!("{at}.{field}"),
                    format!("edge {field} unknown node \"{id}\""),
                    "both ends of an edge must be ids of nodes in this map",
                ));
            }
            found
        };
        let from = end("from", &entry.from, &mut report);
        let to = end("to", &entry.to, &mut report);
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let (a, b) = (&nodes[from.0], &nodes[to.0]);
        if from == to {
            report(parsed.error_at(
                &at,
                format!("edge from \"{}\" to itself", a.id),
                "an edge joins two different nodes",
            ));
        } else if a.level != b.level {
            report(parsed.error_at(
                &format!("{at}.to"),
                format!(
                    "edge joins \"{}\" on {} to \"{}\" on {}",
                    a.id, a.level, b.id, b.level
                ),
                "both ends of an edge must be on the same level; link their parents or children instead",
            ));
        } else if !seen.insert((from, to)) {
            report(parsed.error_at(
                &at,
                format!("duplicate edge \"{}\" -> \"{}\"", a.id, b.id),
                "the map already has this edge; merge the labels into one",
            ));
        } else {
            edges.push(Edge {
                from,
                to,
                label: entry.label.clone(),
            });
        }
    }

    problems.into_result(|| Map {
        name: file.name.clone(),
        repository: file.repository.clone(),
        revision: file.revision.clone(),
        groups,
        nodes,
        edges,
        by_id,
    })
}

fn invalid_id(parsed: &Parsed<ArchitectureFile>, at: &str, what: &str, id: &str) -> Diagnostic {
    parsed.error_at(
        at,
        format!("invalid {what} id \"{id}\""),
        "ids use letters, digits, '-', '_' and '.', with no spaces",
    )
}

fn one_of<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    if ids.is_empty() {
        format!("the map defines no {what}")
    } else {
        format!("known {what}: {}", ids.join(", "))
    }
}

/// Reports each parent cycle once and returns the nodes on cycles.
fn report_cycles(
    parsed: &Parsed<ArchitectureFile>,
    nodes: &[Node],
    report: &mut impl FnMut(Diagnostic),
) -> HashSet<usize> {
    let mut on_cycle = HashSet::new();
    let mut done = vec![false; nodes.len()];
    for start in 0..nodes.len() {
        let mut trail: Vec<usize> = Vec::new();
        let mut current = Some(start);
        while let Some(n) = current {
            if done[n] {
                break;
            }
            if let Some(pos) = trail.iter().position(|&t| t == n) {
                let mut cycle: Vec<usize> = trail[pos..].to_vec();
                let lowest = cycle
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, c)| **c)
                    .map_or(0, |(i, _)| i);
                cycle.rotate_left(lowest);
                let first = cycle[0];
                let names: Vec<&str> = cycle
                    .iter()
                    .chain(std::iter::once(&first))
                    .map(|&c| nodes[c].id.as_str())
                    .collect();
                report(parsed.error_at(
                    &format!("nodes[{first}].parent"),
                    format!("parent cycle: {}", names.join(" -> ")),
                    "follow the parents up: they must end at an L1 node",
                ));
                on_cycle.extend(cycle);
                break;
            }
            trail.push(n);
            current = nodes[n].parent.map(|p| p.0);
        }
        for t in trail {
            done[t] = true;
        }
    }
    on_cycle
}

/// Checks each node's path and file count against a repository listing.
pub fn check_paths(parsed: &Parsed<ArchitectureFile>, listing: &Listing) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for (i, node) in parsed.value.nodes.iter().enumerate() {
        let Some(path) = &node.path else {
            continue;
        };
        let at = format!("nodes[{i}]");
        match listing.count(path) {
            Err(message) => problems.push(parsed.error_at(
                &format!("{at}.path"),
                format!("path of \"{}\": {message}", node.id),
                "a path is a directory, a file, or a glob with *, ? and {a,b}",
            )),
            Ok(0) => problems.push(parsed.error_at(
                &format!("{at}.path"),
                format!(
                    "path \"{path}\" of \"{}\" is not in the repository listing",
                    node.id
                ),
                "check the spelling against `git ls-files` at the map's revision",
            )),
            Ok(found) => match node.files {
                Some(claimed) if claimed as usize != found => problems.push(parsed.error_at(
                    &format!("{at}.files"),
                    format!(
                        "\"{}\" claims {claimed} files but \"{path}\" covers {found}",
                        node.id
                    ),
                    format!("set files: {found}"),
                )),
                _ => {}
            },
        }
    }
    problems
}
