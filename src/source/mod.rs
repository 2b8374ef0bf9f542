//! Source files the user writes (maps, decks, scenes): their text, RON parsing with
//! positions, and where each value sits so that checks can point at it.

mod value_paths;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
pub use value_paths::ValuePaths;

/// One file's text, kept so diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    path: PathBuf,
    text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> Self {
        let text: Arc<str> = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Reads a file; a missing or unreadable file becomes a diagnostic.
    pub fn read(path: &Path) -> Result<Self, String> {
        std::fs::read_to_string(path)
            .map(|text| Self::new(path, text))
            .map_err(|err| format!("cannot read the file ({err})"))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn text(&self) -> &Arc<str> {
        &self.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte offset of a 1-based line and column (in characters).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&line_start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let line_end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[line_start..line_end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_end, |(i, _)| line_start + i)
    }

    /// A diagnostic pointing at a byte range of this file.
    pub fn error_at(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        let (line, column) = self.line_column(span.start);
        Diagnostic {
            file: self.path.clone(),
            line,
            column,
            span,
            message: message.into(),
            hint: hint.into(),
            source: Some(self.text.clone()),
        }
    }

    /// Parses the whole file as RON into `T`. Syntax and shape errors (a missing
    /// field, an unknown field, a level that does not exist) come back located.
    pub fn parse_ron<T: DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        options.from_str(&self.text).map_err(|err| {
            let start = self.offset(err.span.start.line, err.span.start.col);
            let end = self
                .offset(err.span.end.line, err.span.end.col)
                .max(start + 1)
                .min(self.text.len().max(start));
            if start >= self.text.trim_end().len() {
                return self.error_at(
                    start..end,
                    format!("the file ends early: {}", ron_message(&err.code)),
                    "a bracket or parenthesis opened above is never closed",
                );
            }
            self.error_at(start..end, ron_message(&err.code), ron_hint(&err.code))
        })
    }
}

fn ron_message(code: &ron::Error) -> String {
    let text = code.to_string();
    // ron says "Unexpected missing field named `x` in `Y`"; keep its words, lower-case the start.
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "malformed RON".to_string(),
    }
}

fn ron_hint(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField { .. } => {
            "check the spelling; the expected fields are listed above".into()
        }
        E::MissingStructField { .. } => "add the field; it has no default".into(),
        E::NoSuchEnumVariant { .. } => "use one of the listed variants".into(),
        E::ExpectedDifferentStructName { expected, .. } => {
            format!("write {expected}( … ) here")
        }
        E::ExpectedStructName(name) => format!("write {name}( … ) here"),
        E::DuplicateStructField { .. } => "remove one of the two".into(),
        E::Eof => "the file ends early: a bracket or parenthesis is not closed".into(),
        _ => "check brackets, commas and quotes near here".into(),
    }
}

/// A file parsed into `T`, with the positions of its values.
pub struct Parsed<T> {
    pub file: SourceFile,
    pub value: T,
    pub paths: ValuePaths,
}

impl<T> Parsed<T> {
    /// A diagnostic pointing at the value at `path` (e.g. `nodes[3].parent`), or at the
    /// nearest enclosing value that exists.
    pub fn error_at(
        &self,
        path: &str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        self.file.error_at(self.paths.span(path), message, hint)
    }
}

/// Reads and parses a RON file in one step.
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> Result<Parsed<T>, Diagnostic> {
    let file = SourceFile::read(path)
        .map_err(|message| Diagnostic::without_position(path, message, "check the path"))?;
    parse_source(file)
}

/// Parses already-read text.
pub fn parse_source<T: DeserializeOwned>(file: SourceFile) -> Result<Parsed<T>, Diagnostic> {
    let value = file.parse_ron()?;
    let paths = ValuePaths::index(file.text());
    Ok(Parsed { file, value, paths })
}
