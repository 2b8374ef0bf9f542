//! The compact syntax scenes use to name nodes and edges:
//! `id` one node, `id/*` every child of `id`, `*` every node of the scene's level;
//! `a -> b` one edge, `a -> b/*` a fan-out, `a -> b -> c` a path.

use std::fmt;

use crate::map::is_valid_id;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodePattern {
    Node(String),
    ChildrenOf(String),
    Any,
}

/// Two or more node patterns joined by `->`; each consecutive pair names edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgePattern {
    pub hops: Vec<NodePattern>,
}

impl NodePattern {
    pub fn parse(text: &str) -> Result<NodePattern, String> {
        let text = text.trim();
        if text == "*" {
            return Ok(NodePattern::Any);
        }
        let (id, children) = match text.strip_suffix("/*") {
            Some(id) => (id, true),
            None => (text, false),
        };
        if !is_valid_id(id) {
            return Err(if text.contains("->") {
                format!("`{text}` is an edge, not a node")
            } else {
                format!("`{text}` is not a node id")
            });
        }
        Ok(if children {
            NodePattern::ChildrenOf(id.to_string())
        } else {
            NodePattern::Node(id.to_string())
        })
    }
}

impl EdgePattern {
    pub fn parse(text: &str) -> Result<EdgePattern, String> {
        let parts: Vec<&str> = text.split("->").collect();
        if parts.len() < 2 {
            return Err(format!("`{text}` has no `->`"));
        }
        let hops = parts
            .iter()
            .map(|part| NodePattern::parse(part))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(EdgePattern { hops })
    }

    /// Consecutive pairs of the path.
    pub fn pairs(&self) -> impl Iterator<Item = (&NodePattern, &NodePattern)> {
        self.hops.windows(2).map(|w| (&w[0], &w[1]))
    }
}

impl fmt::Display for NodePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodePattern::Node(id) => write!(f, "{id}"),
            NodePattern::ChildrenOf(id) => write!(f, "{id}/*"),
            NodePattern::Any => write!(f, "*"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nodes() {
        assert_eq!(
            NodePattern::parse("d-api"),
            Ok(NodePattern::Node("d-api".into()))
        );
        assert_eq!(
            NodePattern::parse(" d-daemon/* "),
            Ok(NodePattern::ChildrenOf("d-daemon".into()))
        );
        assert_eq!(NodePattern::parse("*"), Ok(NodePattern::Any));
        assert!(
            NodePattern::parse("a -> b")
                .unwrap_err()
                .contains("is an edge")
        );
        assert!(NodePattern::parse("a b").is_err());
        assert!(NodePattern::parse("").is_err());
    }

    #[test]
    fn parses_edges_fan_outs_and_paths() {
        let path = EdgePattern::parse("a -> b/* -> c").unwrap();
        assert_eq!(
            path.hops,
            vec![
                NodePattern::Node("a".into()),
                NodePattern::ChildrenOf("b".into()),
                NodePattern::Node("c".into())
            ]
        );
        assert_eq!(path.pairs().count(), 2);
        assert!(EdgePattern::parse("a").unwrap_err().contains("no `->`"));
        assert!(EdgePattern::parse("a -> ").is_err());
        assert!(EdgePattern::parse("a => b").is_err());
    }
}
