//! The architecture map: groups, nodes on four levels with their parents, and edges.
//! Loaded from RON and checked; a `Map` that exists is known to be consistent.

mod colour;
mod format;
mod level;
mod validate;

use std::collections::HashMap;
use std::path::Path;

pub use colour::Colour;
pub use format::{ArchitectureFile, EdgeEntry, GroupEntry, NodeEntry};
pub use level::Level;
pub use validate::is_valid_id;

use crate::diagnostic::Diagnostics;
use crate::listing::Listing;
use crate::source::{self, SourceFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeIndex(pub usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EdgeIndex(pub usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GroupIndex(pub usize);

/// A colour group, e.g. "API" in blue.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub label: String,
    pub colour: Colour,
}

/// A box on the map.
#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub level: Level,
    pub group: GroupIndex,
    pub parent: Option<NodeIndex>,
    /// Nodes one level down whose parent is this one, in file order.
    pub children: Vec<NodeIndex>,
    pub description: String,
    pub path: Option<String>,
    pub files: Option<u32>,
}

/// An arrow between two nodes of one level.
#[derive(Debug, Clone)]
pub struct Edge {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub label: String,
}

/// A checked map.
#[derive(Debug, Clone)]
pub struct Map {
    pub name: String,
    pub repository: Option<String>,
    pub revision: Option<String>,
    pub groups: Vec<Group>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    by_id: HashMap<String, NodeIndex>,
}

impl Map {
    /// Reads and checks a map file.
    pub fn load(path: &Path) -> Result<Map, Diagnostics> {
        Map::load_against(path, None)
    }

    /// Reads and checks a map file; with a listing, also checks that every node's path
    /// exists in the repository and covers the number of files the node claims.
    pub fn load_against(path: &Path, listing: Option<&Listing>) -> Result<Map, Diagnostics> {
        Map::check(source::read_ron(path)?, listing)
    }

    /// Checks map text that is already in memory (`path` names it in messages).
    pub fn parse(path: &Path, text: &str) -> Result<Map, Diagnostics> {
        Map::parse_against(path, text, None)
    }

    /// Checks map text in memory, and with a listing its paths too.
    pub fn parse_against(
        path: &Path,
        text: &str,
        listing: Option<&Listing>,
    ) -> Result<Map, Diagnostics> {
        Map::check(source::parse_source(SourceFile::new(path, text))?, listing)
    }

    fn check(
        parsed: source::Parsed<ArchitectureFile>,
        listing: Option<&Listing>,
    ) -> Result<Map, Diagnostics> {
        let map = validate::validate(&parsed)?;
        match listing {
            Some(listing) => validate::check_paths(&parsed, listing).into_result(|| map),
            None => Ok(map),
        }
    }

    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.nodes[index.0]
    }

    pub fn edge(&self, index: EdgeIndex) -> &Edge {
        &self.edges[index.0]
    }

    pub fn group(&self, index: GroupIndex) -> &Group {
        &self.groups[index.0]
    }

    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    pub fn node_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        (0..self.nodes.len()).map(NodeIndex)
    }

    pub fn edge_indices(&self) -> impl Iterator<Item = EdgeIndex> + '_ {
        (0..self.edges.len()).map(EdgeIndex)
    }

    /// Nodes of one level, in file order.
    pub fn nodes_on(&self, level: Level) -> impl Iterator<Item = NodeIndex> + '_ {
        self.node_indices()
            .filter(move |&n| self.node(n).level == level)
    }

    /// The level an edge is drawn on (both its ends share it).
    pub fn edge_level(&self, edge: EdgeIndex) -> Level {
        self.node(self.edge(edge).from).level
    }

    /// Edges of one level, in file order.
    pub fn edges_on(&self, level: Level) -> impl Iterator<Item = EdgeIndex> + '_ {
        self.edge_indices()
            .filter(move |&e| self.edge_level(e) == level)
    }

    /// The edge from one node to another, if the map has it.
    pub fn edge_between(&self, from: NodeIndex, to: NodeIndex) -> Option<EdgeIndex> {
        self.edge_indices().find(|&e| {
            let edge = self.edge(e);
            edge.from == from && edge.to == to
        })
    }
}
