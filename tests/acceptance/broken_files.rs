//! The catalogue of broken maps, scenes and decks under `tests/broken/`. Each file
//! names the problems it must produce in `// expect: LINE:COL message` comments; the
//! test asserts every one is reported at that position and nothing else is.

use std::path::{Path, PathBuf};

use legend_present::deck::{load_deck, load_scene};
use legend_present::diagnostic::{Diagnostic, Diagnostics};
use legend_present::map::Map;

use crate::repo;

struct Expected {
    line: usize,
    column: usize,
    text: String,
}

fn expectations(path: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("// expect: "))
        .map(|rest| {
            let (position, message) = rest.split_once(' ').expect("expect: LINE:COL message");
            let (line, column) = position.split_once(':').expect("LINE:COL");
            Expected {
                line: line.parse().unwrap(),
                column: column.parse().unwrap(),
                text: message.to_string(),
            }
        })
        .collect()
}

fn assert_reports(file: &Path, expected: &[Expected], found: &Diagnostics) {
    let listing: String = found.iter().map(|d| format!("  {d}\n")).collect();
    assert!(
        !expected.is_empty(),
        "{} has no `// expect:` line",
        file.display()
    );
    for e in expected {
        let hit = found.iter().any(|d: &Diagnostic| {
            d.line == e.line && d.column == e.column && d.message.contains(&e.text)
        });
        assert!(
            hit,
            "{}: expected {}:{} {:?}, got:\n{listing}",
            file.display(),
            e.line,
            e.column,
            e.text
        );
    }
    assert_eq!(
        found.len(),
        expected.len(),
        "{}: wrong number of problems:\n{listing}",
        file.display()
    );
    for d in found.iter() {
        assert!(!d.hint.is_empty(), "{}: no hint for {d}", file.display());
        assert!(
            d.file.ends_with(file.file_name().unwrap()) || d.line == 0,
            "{d}"
        );
    }
}

fn files_in(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_map_reports_its_problems_at_their_positions() {
    let files = files_in("tests/broken/maps");
    assert!(files.len() >= 20, "catalogue shrank to {}", files.len());
    for file in files {
        let found = Map::load(&file).expect_err(&format!("{} loaded", file.display()));
        assert_reports(&file, &expectations(&file), &found);
    }
}

#[test]
fn every_broken_scene_reports_its_problems_at_their_positions() {
    let map = Map::load(&repo("tests/fixtures/mini/architecture.ron")).unwrap();
    let files = files_in("tests/broken/scenes");
    assert!(files.len() >= 10, "catalogue shrank to {}", files.len());
    for file in files {
        let found = load_scene(&file, &map).expect_err(&format!("{} loaded", file.display()));
        assert_reports(&file, &expectations(&file), &found);
    }
}

#[test]
fn every_broken_deck_reports_its_problems_and_keeps_the_valid_scenes() {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(repo("tests/broken/decks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    assert!(folders.len() >= 3);
    for folder in folders {
        let deck_file = folder.join("deck.ron");
        let load = load_deck(&folder);
        // Problems may sit in the deck file or in a scene it lists; each file's own
        // expectations are checked against the problems found in it.
        let mut expected_total = 0;
        for file in std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
        {
            let expected = expectations(&file);
            if expected.is_empty() {
                continue;
            }
            expected_total += expected.len();
            let mine = Diagnostics(
                load.problems
                    .iter()
                    .filter(|d| d.file == file)
                    .cloned()
                    .collect(),
            );
            assert_reports(&file, &expected, &mine);
        }
        assert_eq!(
            load.problems.len(),
            expected_total,
            "{}: {}",
            folder.display(),
            load.problems
        );
        if let Some(keep) = std::fs::read_to_string(&deck_file)
            .unwrap()
            .lines()
            .find_map(|l| l.trim().strip_prefix("// keeps: "))
        {
            let deck = load.deck.expect("the deck itself is sound");
            let titles: Vec<&str> = deck.scenes.iter().map(|s| s.title.as_str()).collect();
            assert_eq!(titles.join(" | "), keep, "{}", folder.display());
        }
    }
}

#[test]
fn rendered_diagnostics_quote_the_source_and_name_the_file() {
    let file = repo("tests/broken/maps/unknown-parent.ron");
    let found = Map::load(&file).unwrap_err();
    let rendered = found.iter().next().unwrap().render(false);
    assert!(rendered.contains("unknown-parent.ron:6:"), "{rendered}");
    assert!(rendered.contains("parent: \"system\""), "{rendered}");
    assert!(rendered.contains("help:"), "{rendered}");
}

#[test]
fn a_file_that_cannot_be_read_is_a_diagnostic_not_a_panic() {
    let found = Map::load(Path::new("no/such/architecture.ron")).unwrap_err();
    let d = found.iter().next().unwrap();
    assert_eq!(d.line, 0);
    assert!(
        d.headline()
            .starts_with("no/such/architecture.ron: cannot read the file"),
        "{d}"
    );
}
