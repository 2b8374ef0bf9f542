//! Synthetic maps of any size, for measuring: one system with people and outside
//! systems around it, services under it, modules under those and files under those,
//! with uneven (log-normal) fan-out, about two edges per node — most between
//! neighbours, some across the map — names of realistic length, and a deck that tours
//! it. The same node count and seed always give the same files.

mod names;

use std::collections::HashSet;
use std::path::Path;

use crate::deck::{DeckFile, SceneFile, StepEntry};
use crate::map::{ArchitectureFile, EdgeEntry, GroupEntry, Level, NodeEntry};
use names::*;

/// The smallest map the generator makes: a system, its surroundings, and a few of each level.
pub const MIN_NODES: usize = 20;

/// A generated map and the deck that tours it, ready to be written as RON files.
#[derive(Debug, Clone)]
pub struct Synthetic {
    pub map: ArchitectureFile,
    pub deck: DeckFile,
    /// Scene files in talk order: (file name, scene).
    pub scenes: Vec<(String, SceneFile)>,
}

/// The map file's name inside a generated folder.
pub const MAP_FILE: &str = "architecture.ron";

/// How many nodes each level gets for a total.
pub fn level_counts(total: usize) -> [usize; 4] {
    let total = total.max(MIN_NODES);
    let l1 = ((total as f32 * 0.01).round() as usize).clamp(3, 12);
    let rest = total - l1;
    // A service holds ~10 modules of ~8 files each.
    let l2 = ((rest as f32 / 91.0).round() as usize).max(2);
    let l3 = (((rest - l2) as f32 / 9.0).round() as usize).max(l2);
    [l1, l2, l3, rest - l2 - l3]
}

struct Tree {
    /// Per level, the nodes on it (indices into `nodes`).
    levels: [Vec<usize>; 4],
    nodes: Vec<NodeEntry>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
}

/// Generates a map of `total` nodes (at least [`MIN_NODES`]) and about twice as many edges.
pub fn generate(total: usize, seed: u64) -> Synthetic {
    let mut rng = fastrand::Rng::with_seed(seed);
    let tree = nodes(total, &mut rng);
    let edges = edges(&tree, total * 2, &mut rng);
    let scenes = tour(&tree, &edges);
    let map = ArchitectureFile {
        name: format!("Synthetic {total}"),
        repository: Some(format!("synthetic/{total}-nodes-seed-{seed}")),
        revision: Some(format!("seed {seed}")),
        groups: groups(),
        nodes: tree.nodes,
        edges,
    };
    let deck = DeckFile {
        title: format!("A tour of a {total}-node system"),
        map: MAP_FILE.to_string(),
        scenes: scenes.iter().map(|(name, _)| name.clone()).collect(),
    };
    Synthetic { map, deck, scenes }
}

fn groups() -> Vec<GroupEntry> {
    [
        ("api", "API", "#3B82F6"),
        ("component", "Component", "#22C55E"),
        ("utility", "Utility", "#8B5CF6"),
        ("config", "Config", "#F97316"),
        ("cli", "CLI", "#EF4444"),
        ("gateway", "Gateway", "#B7410E"),
        ("external", "External", "#14B8A6"),
        ("data", "Data", "#6B7280"),
        ("person", "Person", "#EC4899"),
    ]
    .into_iter()
    .map(|(id, label, colour)| GroupEntry {
        id: id.to_string(),
        label: label.to_string(),
        colour: colour.to_string(),
    })
    .collect()
}

fn pick<'a>(rng: &mut fastrand::Rng, words: &[&'a str]) -> &'a str {
    words[rng.usize(..words.len())]
}

/// A log-normal weight: most parents are ordinary, a few are much bigger.
fn weight(rng: &mut fastrand::Rng) -> f32 {
    // Sum of uniforms ≈ normal.
    let normal: f32 = (0..4).map(|_| rng.f32()).sum::<f32>() - 2.0;
    (normal * 1.2).exp()
}

/// Shares `count` children out between `parents`: one each first, the rest by weight.
fn share(count: usize, parents: &[usize], rng: &mut fastrand::Rng) -> Vec<usize> {
    let weights: Vec<f32> = parents.iter().map(|_| weight(rng)).collect();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut sum = 0.0;
    for w in &weights {
        sum += w;
        cumulative.push(sum);
    }
    let mut owners: Vec<usize> = parents.iter().copied().take(count).collect();
    while owners.len() < count {
        let x = rng.f32() * sum;
        let k = cumulative
            .partition_point(|&c| c < x)
            .min(parents.len() - 1);
        owners.push(parents[k]);
    }
    owners.sort_unstable();
    owners
}

fn nodes(total: usize, rng: &mut fastrand::Rng) -> Tree {
    let counts = level_counts(total);
    let mut tree = Tree {
        levels: Default::default(),
        nodes: Vec::with_capacity(total),
        parent: Vec::with_capacity(total),
        children: Vec::with_capacity(total),
    };
    let add = |tree: &mut Tree, mut node: NodeEntry, level: usize, parent: Option<usize>| {
        let i = tree.nodes.len();
        node.parent = parent.map(|p| tree.nodes[p].id.clone());
        tree.nodes.push(node);
        tree.parent.push(parent);
        tree.children.push(Vec::new());
        tree.levels[level].push(i);
        if let Some(p) = parent {
            tree.children[p].push(i);
        }
        i
    };

    // L1: the system, the people who use it, the systems it uses.
    let system = add(
        &mut tree,
        node(
            "system",
            "Platform",
            Level::L1,
            "api",
            "The product: every service, module and file below.",
        ),
        0,
        None,
    );
    let around = counts[0] - 1;
    let people = around.div_ceil(3).min(ACTORS.len());
    for k in 0..around {
        let (label, group, what) = if k < people {
            (ACTORS[k].to_string(), "person", "Uses the platform.")
        } else {
            let e = EXTERNALS[(k - people) % EXTERNALS.len()];
            let round = (k - people) / EXTERNALS.len();
            let label = if round == 0 {
                e.to_string()
            } else {
                format!("{e} {}", round + 1)
            };
            (
                label,
                "external",
                "An outside system the platform depends on.",
            )
        };
        let id = format!("x{k:02}-{}", slug(&label));
        add(
            &mut tree,
            node(&id, &label, Level::L1, group, what),
            0,
            None,
        );
    }

    // L2: services, named without repeats while names last.
    let mut service_names: Vec<(usize, usize)> = (0..CONCEPTS.len())
        .flat_map(|c| (0..CONTAINER_KINDS.len()).map(move |k| (c, k)))
        .collect();
    rng.shuffle(&mut service_names);
    let mut services = Vec::with_capacity(counts[1]);
    for i in 0..counts[1] {
        let (c, k) = service_names[i % service_names.len()];
        let mut label = format!("{}-{}", CONCEPTS[c], CONTAINER_KINDS[k]);
        if i >= service_names.len() {
            label = format!("{label}-{}", i / service_names.len() + 1);
        }
        let group = match CONTAINER_KINDS[k] {
            "gateway" | "proxy" => "gateway",
            "cli" | "sdk" => "cli",
            "store" => "data",
            "worker" | "scheduler" => "component",
            _ => "api",
        };
        let description = format!(
            "Owns {}s: {} them for the rest of the platform.",
            CONCEPTS[c],
            pick(rng, &["serves", "stores", "schedules", "checks", "indexes"])
        );
        let mut entry = node(
            &format!("s{i:03}-{}", slug(&label)),
            &label,
            Level::L2,
            group,
            &description,
        );
        entry.path = Some(format!("services/{label}"));
        services.push(add(&mut tree, entry, 1, Some(system)));
    }

    // L3: modules, shared out unevenly between the services.
    let owners = share(counts[2], &services, rng);
    let mut modules = Vec::with_capacity(counts[2]);
    for (i, &service) in owners.iter().enumerate() {
        let concept = pick(rng, CONCEPTS);
        let kind = pick(rng, MODULE_KINDS);
        let label = title_case(&format!("{concept} {kind}"));
        let service_path = tree.nodes[service].path.clone().unwrap_or_default();
        let group = match kind {
            "models" | "schemas" | "migrations" | "repository" => "data",
            "middleware" | "guards" | "policies" | "validators" => "utility",
            "client" | "adapters" => "gateway",
            "routes" | "controller" | "resolvers" => "api",
            _ => "component",
        };
        let description = format!(
            "The {} {kind}: {} {concept} {}.",
            concept,
            pick(
                rng,
                &["keeps", "checks", "turns", "sends", "loads", "caches"]
            ),
            pick(
                rng,
                &[
                    "requests into jobs",
                    "state in one place",
                    "events for other services",
                    "records for the API",
                    "data between calls"
                ]
            )
        );
        let mut entry = node(
            &format!("m{i:04}-{}", slug(&label)),
            &label,
            Level::L3,
            group,
            &description,
        );
        entry.path = Some(format!("{service_path}/internal/{concept}-{kind}"));
        modules.push(add(&mut tree, entry, 2, Some(service)));
    }

    // L4: files and folders, shared out unevenly between the modules.
    let owners = share(counts[3], &modules, rng);
    let extension_of = |service: usize| EXTENSIONS[service % EXTENSIONS.len()];
    for (i, &module) in owners.iter().enumerate() {
        let module_path = tree.nodes[module].path.clone().unwrap_or_default();
        let extension = extension_of(tree.parent[module].unwrap_or(0));
        let (label, files, description) = if rng.f32() < 0.2 {
            let folder = pick(rng, FOLDERS);
            let files = 2 + rng.u32(..38);
            (
                format!("{folder}/"),
                files,
                format!("{files} {extension} files of one kind."),
            )
        } else {
            let concept = pick(rng, CONCEPTS);
            let kind = pick(rng, FILE_KINDS);
            (format!("{concept}_{kind}.{extension}"), 1, String::new())
        };
        let mut entry = node(
            &format!("f{i:05}-{}", slug(&label)),
            &label,
            Level::L4,
            tree.nodes[module].group.as_str(),
            &description,
        );
        entry.path = Some(format!("{module_path}/{}", label.trim_end_matches('/')));
        entry.files = Some(files);
        add(&mut tree, entry, 3, Some(module));
    }
    tree
}

fn node(id: &str, label: &str, level: Level, group: &str, description: &str) -> NodeEntry {
    NodeEntry {
        id: id.to_string(),
        label: label.to_string(),
        level,
        group: group.to_string(),
        parent: None,
        description: description.to_string(),
        path: None,
        files: None,
    }
}

/// An id-safe form of a name: lowercase letters, digits, `-`, `_` and `.`.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '.') {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// About `target` edges, each between two nodes of one level: people use the system and
/// the system uses the outside ones; below, most edges join siblings, some join nodes
/// under neighbouring parents, a few cross the map.
fn edges(tree: &Tree, target: usize, rng: &mut fastrand::Rng) -> Vec<EdgeEntry> {
    let mut out = Vec::with_capacity(target);
    let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(target);
    let id = |n: usize| tree.nodes[n].id.clone();
    let system = tree.levels[0][0];
    for &n in &tree.levels[0][1..] {
        let person = tree.nodes[n].group == "person";
        let (from, to) = if person { (n, system) } else { (system, n) };
        seen.insert((from, to));
        out.push(EdgeEntry {
            from: id(from),
            to: id(to),
            label: if person { "uses" } else { pick(rng, VERBS) }.to_string(),
        });
    }
    let below: usize = tree.levels[1..].iter().map(Vec::len).sum();
    let remaining = target.saturating_sub(out.len());
    for level in 1..4 {
        let on_level = &tree.levels[level];
        let want = remaining * on_level.len() / below.max(1);
        let labelled = if level == 3 { 0.15 } else { 0.45 };
        let mut made = 0;
        let mut tries = 0;
        while made < want && tries < want * 20 {
            tries += 1;
            let from = on_level[rng.usize(..on_level.len())];
            let Some(to) = partner(tree, from, level, rng) else {
                continue;
            };
            if to == from || seen.contains(&(from, to)) || seen.contains(&(to, from)) {
                continue;
            }
            seen.insert((from, to));
            let label = if rng.f32() < labelled {
                pick(rng, VERBS).to_string()
            } else {
                String::new()
            };
            out.push(EdgeEntry {
                from: id(from),
                to: id(to),
                label,
            });
            made += 1;
        }
    }
    out
}

/// Someone on `from`'s level to link it to: a sibling, a node under a sibling of its
/// parent, or anyone on the level.
fn partner(tree: &Tree, from: usize, level: usize, rng: &mut fastrand::Rng) -> Option<usize> {
    let anyone = |rng: &mut fastrand::Rng| {
        let on = &tree.levels[level];
        on[rng.usize(..on.len())]
    };
    let parent = tree.parent[from]?;
    let roll = rng.f32();
    let pool = if roll < 0.6 {
        &tree.children[parent]
    } else if roll < 0.92 {
        let uncles = tree.parent[parent].map_or(&tree.levels[level - 1], |g| &tree.children[g]);
        let uncle = uncles[rng.usize(..uncles.len())];
        &tree.children[uncle]
    } else {
        return Some(anyone(rng));
    };
    if pool.is_empty() {
        return Some(anyone(rng));
    }
    Some(pool[rng.usize(..pool.len())])
}

/// A tour: the context, the services, the biggest services one by one, the modules of
/// the biggest service, the files of its biggest module, and back out.
fn tour(tree: &Tree, edges: &[EdgeEntry]) -> Vec<(String, SceneFile)> {
    let id = |n: usize| tree.nodes[n].id.clone();
    let label = |n: usize| tree.nodes[n].label.clone();
    let system = tree.levels[0][0];
    let by_size = |nodes: &[usize]| {
        let mut sorted = nodes.to_vec();
        sorted.sort_by_key(|&n| (std::cmp::Reverse(tree.children[n].len()), n));
        sorted
    };
    let services = by_size(&tree.levels[1]);
    let biggest = services[0];
    let modules = by_size(&tree.children[biggest]);
    let module = modules[0];
    let has_edge_from = |n: usize| edges.iter().any(|e| e.from == tree.nodes[n].id);

    let mut scenes = Vec::new();
    let scene = |title: String, level: Level, camera: Vec<String>, nodes: Vec<String>| SceneFile {
        title,
        level,
        camera,
        nodes,
        edges: Vec::new(),
        caption: Vec::new(),
        notes: String::new(),
        steps: Vec::new(),
        transition: None,
        hold: Some(4.0),
    };

    let mut s = scene(
        format!("{} and its surroundings", label(system)),
        Level::L1,
        Vec::new(),
        vec![id(system)],
    );
    s.caption = vec![format!(
        "One system, {} people and outside systems.",
        tree.levels[0].len() - 1
    )];
    s.notes = "Who uses the platform and what it depends on.".to_string();
    s.steps = vec![StepEntry {
        edges: vec!["* -> *".to_string()],
        caption: Some(vec!["Every line is a dependency.".to_string()]),
        ..step()
    }];
    scenes.push(("01-context.ron".to_string(), s));

    let mut s = scene(
        format!("{} services", tree.levels[1].len()),
        Level::L2,
        vec![format!("{}/*", id(system))],
        Vec::new(),
    );
    s.caption = vec!["Every service of the platform.".to_string()];
    s.notes = "The container view: what runs.".to_string();
    scenes.push(("02-services.ron".to_string(), s));

    for (k, &service) in services.iter().take(3).enumerate() {
        let mut s = scene(
            format!("{} and its neighbours", label(service)),
            Level::L2,
            vec![id(service)],
            vec![id(service)],
        );
        s.caption = vec![format!(
            "{} modules in {}.",
            tree.children[service].len(),
            label(service)
        )];
        if has_edge_from(service) {
            s.edges = vec![format!("{} -> *", id(service))];
        }
        scenes.push((format!("{:02}-service-{}.ron", 3 + k, k + 1), s));
    }

    let mut s = scene(
        format!("Inside {}", label(biggest)),
        Level::L3,
        vec![format!("{}/*", id(biggest))],
        vec![format!("{}/*", id(biggest))],
    );
    s.caption = vec![format!("The modules of {}.", label(biggest))];
    scenes.push(("06-modules.ron".to_string(), s));

    for (k, &m) in modules.iter().take(3).enumerate() {
        let mut s = scene(label(m), Level::L3, vec![id(m)], vec![id(m)]);
        s.caption = vec![format!("{} files in {}.", tree.children[m].len(), label(m))];
        if has_edge_from(m) {
            s.edges = vec![format!("{} -> *", id(m))];
        }
        scenes.push((format!("{:02}-module-{}.ron", 7 + k, k + 1), s));
    }

    let mut s = scene(
        format!("The files of {}", label(module)),
        Level::L4,
        vec![format!("{}/*", id(module))],
        vec![format!("{}/*", id(module))],
    );
    s.caption = vec![format!("{} files.", tree.children[module].len())];
    scenes.push(("10-files.ron".to_string(), s));

    let mut s = scene(
        "Back to the whole".to_string(),
        Level::L1,
        Vec::new(),
        Vec::new(),
    );
    s.caption = vec!["From files back to the context.".to_string()];
    scenes.push(("11-back-out.ron".to_string(), s));
    scenes
}

fn step() -> StepEntry {
    StepEntry {
        nodes: Vec::new(),
        edges: Vec::new(),
        caption: None,
        notes: None,
        hold: None,
        clear: false,
    }
}

/// Writes `architecture.ron`, `deck.ron` and the scene files into `dir` (created if need be).
pub fn write(synthetic: &Synthetic, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    let save = |name: &str, header: &str, text: Result<String, ron::Error>| {
        let text = text.map_err(|e| format!("cannot write {name}: {e}"))?;
        let path = dir.join(name);
        std::fs::write(&path, format!("{header}{text}\n"))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let header = "// Generated by `legend generate`; a synthetic map for measuring.\n";
    save(
        MAP_FILE,
        header,
        ron::ser::to_string_pretty(&synthetic.map, config.clone()),
    )?;
    save(
        crate::deck::DECK_FILE,
        header,
        ron::ser::to_string_pretty(&synthetic.deck, config.clone()),
    )?;
    for (name, scene) in &synthetic.scenes {
        save(name, "", ron::ser::to_string_pretty(scene, config.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_counts_add_up_and_fan_out() {
        for total in [MIN_NODES, 143, 1_000, 10_000] {
            let c = level_counts(total);
            assert_eq!(c.iter().sum::<usize>(), total, "{c:?}");
            assert!(c[1] <= c[2] && c[2] < c[3], "{c:?}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_map_and_another_seed_another() {
        let a = generate(300, 7);
        let b = generate(300, 7);
        let c = generate(300, 8);
        let ids = |s: &Synthetic| s.map.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&c));
        assert_eq!(a.map.nodes.len(), 300);
        let edges = a.map.edges.len() as f32 / 300.0;
        assert!((1.8..=2.05).contains(&edges), "{edges} edges per node");
    }

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Object Storage 2"), "object-storage-2");
        assert_eq!(slug("dto/"), "dto");
        assert!(crate::map::is_valid_id(&slug("invoice_repository.go")));
    }
}
