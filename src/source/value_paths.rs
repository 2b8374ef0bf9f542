//! Where each value of a RON document sits, by its path (`nodes[3].parent`,
//! `steps[1].edges[0]`), so a check on the parsed data can point at the exact text.
//! Serde drops positions; this walks the (already valid) text once to recover them.

use std::collections::HashMap;
use std::ops::Range;

/// Byte ranges of every value in a document, keyed by path.
#[derive(Debug, Default, Clone)]
pub struct ValuePaths {
    spans: HashMap<String, Range<usize>>,
}

impl ValuePaths {
    pub fn index(text: &str) -> Self {
        let tokens = tokenize(text);
        let mut walker = Walker::new(text);
        let mut i = 0;
        while i < tokens.len() {
            i = walker.step(&tokens, i);
        }
        Self {
            spans: walker.spans,
        }
    }

    /// The span of the value at `path`; if there is none, the span of the closest
    /// enclosing value (`nodes[3].parent` falls back to `nodes[3]`), else the start.
    pub fn span(&self, path: &str) -> Range<usize> {
        let mut path = path;
        loop {
            if let Some(span) = self.spans.get(path) {
                return span.clone();
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return self.spans.get("").cloned().unwrap_or(0..0),
            }
        }
    }

    /// Whether a value was written at `path` (as opposed to taking its default).
    pub fn contains(&self, path: &str) -> bool {
        self.spans.contains_key(path)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ident,
    Scalar,
    Open(char),
    Close,
    Colon,
    Comma,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    span: (usize, usize),
}

fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = skip_block_comment(bytes, i),
            b'#' => i = skip_attribute(bytes, i),
            b'"' => {
                i = skip_quoted(bytes, i, b'"');
                tokens.push(Token {
                    kind: Kind::Scalar,
                    span: (start, i),
                });
            }
            b'\'' => {
                i = skip_quoted(bytes, i, b'\'');
                tokens.push(Token {
                    kind: Kind::Scalar,
                    span: (start, i),
                });
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                i = skip_raw_string(bytes, i);
                tokens.push(Token {
                    kind: Kind::Scalar,
                    span: (start, i),
                });
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                tokens.push(Token {
                    kind: Kind::Open(c as char),
                    span: (start, i),
                });
            }
            b')' | b']' | b'}' => {
                i += 1;
                tokens.push(Token {
                    kind: Kind::Close,
                    span: (start, i),
                });
            }
            b':' => {
                i += 1;
                tokens.push(Token {
                    kind: Kind::Colon,
                    span: (start, i),
                });
            }
            b',' => {
                i += 1;
                tokens.push(Token {
                    kind: Kind::Comma,
                    span: (start, i),
                });
            }
            _ if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                tokens.push(Token {
                    kind: Kind::Ident,
                    span: (start, i),
                });
            }
            _ => {
                // Numbers and anything else that is one scalar token.
                i += 1;
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b' ' | b'\t' | b'\r' | b'\n' | b',' | b')' | b']' | b'}' | b':'
                    )
                {
                    i += 1;
                }
                tokens.push(Token {
                    kind: Kind::Scalar,
                    span: (start, i),
                });
            }
        }
    }
    tokens
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

fn skip_attribute(bytes: &[u8], mut i: usize) -> usize {
    // `#![enable(...)]`: skip to the bracket that closes the attribute.
    let mut depth = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

fn skip_quoted(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn skip_raw_string(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // opening quote
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&b| b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// An open container: a struct or tuple `( )`, a list `[ ]` or a map `{ }`.
#[derive(Debug)]
struct Frame {
    path: String,
    start: usize,
    /// Children of `Some( )` take the path of the option itself.
    transparent: bool,
    is_list: bool,
    index: usize,
    key: Option<String>,
}

struct Walker<'a> {
    text: &'a str,
    frames: Vec<Frame>,
    spans: HashMap<String, Range<usize>>,
    /// A struct name or `Some` seen just before its parenthesis: (path, start, is_some).
    named: Option<(String, usize, bool)>,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            frames: Vec::new(),
            spans: HashMap::new(),
            named: None,
        }
    }

    fn child_path(&self) -> String {
        let Some(frame) = self.frames.last() else {
            return String::new();
        };
        if frame.transparent {
            return frame.path.clone();
        }
        let join = |segment: &str| {
            if frame.path.is_empty() {
                segment.to_string()
            } else {
                format!("{}.{segment}", frame.path)
            }
        };
        match (&frame.key, frame.is_list) {
            (_, true) => format!("{}[{}]", frame.path, frame.index),
            (Some(key), false) => join(key),
            (None, false) => join(&frame.index.to_string()),
        }
    }

    fn text_of(&self, token: Token) -> &'a str {
        &self.text[token.span.0..token.span.1]
    }

    /// Consumes the token at `i` (and a following colon for a field name); returns
    /// the index of the next token to look at.
    fn step(&mut self, tokens: &[Token], i: usize) -> usize {
        let token = tokens[i];
        let next = tokens.get(i + 1).map(|t| t.kind);
        let in_list = self.frames.last().is_some_and(|f| f.is_list);
        match token.kind {
            Kind::Ident if next == Some(Kind::Colon) && !in_list => {
                let name = self.text_of(token).to_string();
                if let Some(frame) = self.frames.last_mut() {
                    frame.key = Some(name);
                }
                return i + 2;
            }
            Kind::Ident if next == Some(Kind::Open('(')) => {
                let is_some = self.text_of(token) == "Some";
                self.named = Some((self.child_path(), token.span.0, is_some));
            }
            Kind::Ident | Kind::Scalar => {
                let path = self.child_path();
                self.spans.insert(path, token.span.0..token.span.1);
            }
            Kind::Open(bracket) => {
                let (path, start, transparent) = match self.named.take() {
                    Some(named) => named,
                    None => (self.child_path(), token.span.0, false),
                };
                self.frames.push(Frame {
                    path,
                    start,
                    transparent,
                    is_list: bracket == '[',
                    index: 0,
                    key: None,
                });
            }
            Kind::Close => {
                if let Some(frame) = self.frames.pop()
                    && !frame.transparent
                {
                    self.spans.insert(frame.path, frame.start..token.span.1);
                }
            }
            Kind::Comma => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.index += 1;
                    frame.key = None;
                }
            }
            Kind::Colon => {}
        }
        i + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice<'t>(text: &'t str, paths: &ValuePaths, path: &str) -> &'t str {
        &text[paths.span(path)]
    }

    #[test]
    fn finds_fields_list_items_and_nested_structs() {
        let text = r##"// a map
Architecture(
    name: "x",
    nodes: [
        Node(id: "a", level: L1),
        Node(id: "b", parent: Some("a"), level: L2), // trailing
    ],
    edges: [ Edge(from: "a", to: "b", label: r#"calls"#) ],
)"##;
        let paths = ValuePaths::index(text);
        assert_eq!(slice(text, &paths, "name"), "\"x\"");
        assert_eq!(slice(text, &paths, "nodes[1].id"), "\"b\"");
        assert_eq!(slice(text, &paths, "nodes[1].parent"), "\"a\"");
        assert_eq!(slice(text, &paths, "nodes[0].level"), "L1");
        assert_eq!(slice(text, &paths, "edges[0].label"), "r#\"calls\"#");
        assert!(slice(text, &paths, "nodes[0]").starts_with("Node(id: \"a\""));
        assert!(paths.contains("edges[0].to"));
        assert!(!paths.contains("nodes[0].parent"));
    }

    #[test]
    fn missing_paths_fall_back_to_the_enclosing_value() {
        let text = "Scene(title: \"t\", steps: [Step(nodes: [\"a\", \"b\"])])";
        let paths = ValuePaths::index(text);
        assert_eq!(slice(text, &paths, "steps[0].nodes[1]"), "\"b\"");
        assert!(slice(text, &paths, "steps[0].hold").starts_with("Step("));
        assert_eq!(paths.span("nothing.here"), paths.span(""));
    }

    #[test]
    fn comments_and_attributes_are_skipped() {
        let text = "#![enable(implicit_some)]\n/* a /* nested */ comment */ Deck(map: \"m.ron\", scenes: [\"a.ron\", // x\n \"b.ron\"])";
        let paths = ValuePaths::index(text);
        assert_eq!(slice(text, &paths, "scenes[1]"), "\"b.ron\"");
        assert_eq!(slice(text, &paths, "map"), "\"m.ron\"");
    }
}
