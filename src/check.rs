//! `legend check`: loads a deck and its map, prints the coverage table and the
//! scene list, and reports every problem with its position.

use std::fmt::Write as _;
use std::path::Path;

use crate::coverage::Coverage;
use crate::deck::{Deck, DeckLoad, load_deck_against};
use crate::listing::Listing;

/// The outcome of a check: the text for standard output, the rendered problems
/// for standard error, and whether it passed.
pub struct CheckReport {
    pub summary: String,
    pub problems: Vec<String>,
    pub passed: bool,
}

/// Checks a deck; with a listing, the map's paths and file counts are checked too.
pub fn check(deck_path: &Path, listing: Option<&Listing>, colour: bool) -> CheckReport {
    let DeckLoad { deck, problems } = load_deck_against(deck_path, listing);
    let mut summary = String::new();
    if let Some(deck) = &deck {
        summarise(deck, &mut summary);
    }
    if let Some(listing) = listing {
        let _ = writeln!(
            summary,
            "\npaths checked against a listing of {} files",
            listing.len()
        );
    }
    let rendered: Vec<String> = problems.iter().map(|p| p.render(colour)).collect();
    let passed = problems.is_empty();
    if passed {
        summary.push_str("\nok: map and deck are valid\n");
    } else {
        let _ = writeln!(
            summary,
            "\nfailed: {} problem{} (see above)",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
    }
    CheckReport {
        summary,
        problems: rendered,
        passed,
    }
}

fn summarise(deck: &Deck, out: &mut String) {
    let map = &deck.map;
    let _ = writeln!(out, "{} — {}", deck.title, deck.file.display());
    let _ = write!(out, "map: {}", map.name);
    if let Some(repository) = &map.repository {
        let _ = write!(out, " ({repository}");
        if let Some(revision) = &map.revision {
            let _ = write!(out, " at {revision}");
        }
        out.push(')');
    }
    let _ = writeln!(out, "\n\n{}\n", Coverage::of(map));
    let _ = writeln!(
        out,
        "Scenes: {} ({:.0} s exported)",
        deck.scenes.len(),
        deck.duration()
    );
    for (i, scene) in deck.scenes.iter().enumerate() {
        let last = &scene.steps[scene.steps.len() - 1].highlight;
        let steps = match scene.steps.len() {
            1 => "1 step".to_string(),
            n => format!("{n} steps"),
        };
        let _ = writeln!(
            out,
            "{:>3}. {}  {:<52} {steps:>8}  {:>3} nodes {:>3} edges lit",
            i + 1,
            scene.level,
            scene.title,
            last.nodes.len(),
            last.edges.len(),
        );
    }
}
