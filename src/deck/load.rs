//! Loading a deck from disk: the deck file, its map, then each scene file. A broken
//! scene is reported and left out; the talk goes on with the scenes that are valid.

use std::collections::HashMap;
use std::path::Path;

use super::scene_check::check_scene;
use super::{Deck, DeckFile, Scene, SceneFile};
use crate::diagnostic::Diagnostics;
use crate::listing::Listing;
use crate::map::Map;
use crate::source::{self, SourceFile};

/// What loading a deck gave: the deck (when its own file and its map are sound)
/// with every valid scene, and every problem found on the way.
#[derive(Debug, Clone)]
pub struct DeckLoad {
    pub deck: Option<Deck>,
    pub problems: Diagnostics,
}

/// The name of a deck's own file inside its folder.
pub const DECK_FILE: &str = "deck.ron";

/// Loads `path`, a deck file or a folder holding `deck.ron`.
pub fn load_deck(path: &Path) -> DeckLoad {
    load_deck_against(path, None)
}

/// Loads a deck; with a listing, also checks the map's paths against the repository.
pub fn load_deck_against(path: &Path, listing: Option<&Listing>) -> DeckLoad {
    let file = if path.is_dir() {
        path.join(DECK_FILE)
    } else {
        path.to_path_buf()
    };
    let mut problems = Diagnostics::default();
    let deck = load_into(&file, listing, &mut problems);
    DeckLoad { deck, problems }
}

fn load_into(file: &Path, listing: Option<&Listing>, problems: &mut Diagnostics) -> Option<Deck> {
    let parsed = match source::read_ron::<DeckFile>(file) {
        Ok(parsed) => parsed,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let folder = file.parent().unwrap_or(Path::new("."));
    let deck = &parsed.value;

    let map_path = folder.join(&deck.map);
    if !map_path.is_file() {
        problems.push(parsed.error_at(
            "map",
            format!("map file not found: {}", map_path.display()),
            "the map path is relative to the deck file",
        ));
        return None;
    }
    let map = match Map::load_against(&map_path, listing) {
        Ok(map) => map,
        Err(found) => {
            problems.extend(found);
            return None;
        }
    };

    if deck.scenes.is_empty() {
        problems.push(parsed.error_at(
            "scenes",
            "the deck lists no scenes",
            "list scene files, e.g. scenes: [\"01-intro.ron\"]",
        ));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut scenes = Vec::new();
    for (i, name) in deck.scenes.iter().enumerate() {
        let at = format!("scenes[{i}]");
        if let Some(first) = seen.insert(name.as_str(), i) {
            problems.push(parsed.error_at(
                &at,
                format!("scene \"{name}\" is listed twice"),
                format!("it is already scene {}; list each scene once", first + 1),
            ));
            continue;
        }
        let scene_path = folder.join(name);
        if !scene_path.is_file() {
            problems.push(parsed.error_at(
                &at,
                format!("scene file not found: {}", scene_path.display()),
                "scene paths are relative to the deck file",
            ));
            continue;
        }
        match load_scene(&scene_path, &map) {
            Ok(scene) => scenes.push(scene),
            Err(found) => problems.extend(found),
        }
    }
    Some(Deck {
        title: deck.title.clone(),
        file: file.to_path_buf(),
        map,
        scenes,
    })
}

/// Reads and checks one scene file against a map.
pub fn load_scene(path: &Path, map: &Map) -> Result<Scene, Diagnostics> {
    let parsed = source::read_ron::<SceneFile>(path)?;
    check_scene(&parsed, map)
}

/// Checks scene text already in memory (`path` names it in messages).
pub fn parse_scene(path: &Path, text: &str, map: &Map) -> Result<Scene, Diagnostics> {
    let parsed = source::parse_source::<SceneFile>(SourceFile::new(path, text))?;
    check_scene(&parsed, map)
}
