//! How much of the map each level holds: node and edge counts per level, the table
//! `legend check` prints.

use std::fmt;

use crate::map::{Level, Map};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelCoverage {
    pub level: Level,
    pub nodes: usize,
    pub edges: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub levels: [LevelCoverage; 4],
}

impl Coverage {
    pub fn of(map: &Map) -> Coverage {
        Coverage {
            levels: Level::ALL.map(|level| LevelCoverage {
                level,
                nodes: map.nodes_on(level).count(),
                edges: map.edges_on(level).count(),
            }),
        }
    }

    pub fn level(&self, level: Level) -> LevelCoverage {
        self.levels[level.index()]
    }

    pub fn total_nodes(&self) -> usize {
        self.levels.iter().map(|l| l.nodes).sum()
    }

    pub fn total_edges(&self) -> usize {
        self.levels.iter().map(|l| l.edges).sum()
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<12} {:>6} {:>6}", "Level", "Nodes", "Edges")?;
        for l in &self.levels {
            let name = format!("{} {}", l.level, l.level.name());
            writeln!(f, "{name:<12} {:>6} {:>6}", l.nodes, l.edges)?;
        }
        write!(
            f,
            "{:<12} {:>6} {:>6}",
            "Total",
            self.total_nodes(),
            self.total_edges()
        )
    }
}
