//! A repository's file listing (`git ls-files` output), against which a map's paths
//! and file counts are checked: a directory covers every file under it, a file
//! covers itself, and a glob (`image_*.go`, `{a,b}.tsx`) covers what it matches
//! within one directory level per `*`.

use std::path::Path;

use globset::GlobBuilder;

/// Every file path of a repository at one revision.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    files: Vec<String>,
}

impl Listing {
    /// One path per line; blank lines are ignored.
    pub fn parse(text: &str) -> Listing {
        let mut files: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        files.sort();
        Listing { files }
    }

    pub fn read(path: &Path) -> Result<Listing, String> {
        std::fs::read_to_string(path)
            .map(|text| Listing::parse(&text))
            .map_err(|err| format!("cannot read listing {}: {err}", path.display()))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// How many files `path` covers; an invalid glob is an error.
    pub fn count(&self, path: &str) -> Result<usize, String> {
        if path.contains(['*', '?', '[', '{']) {
            let glob = GlobBuilder::new(path)
                .literal_separator(true)
                .build()
                .map_err(|err| format!("invalid glob: {err}"))?
                .compile_matcher();
            return Ok(self
                .files
                .iter()
                .filter(|f| glob.is_match(f.as_str()))
                .count());
        }
        let path = path.trim_end_matches('/');
        if self
            .files
            .binary_search_by(|f| f.as_str().cmp(path))
            .is_ok()
        {
            return Ok(1);
        }
        let prefix = format!("{path}/");
        let start = self.files.partition_point(|f| f.as_str() < prefix.as_str());
        Ok(self.files[start..]
            .iter()
            .take_while(|f| f.starts_with(&prefix))
            .count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> Listing {
        Listing::parse(
            "apps/runner/pkg/docker/image_pull.go\napps/runner/pkg/docker/image_push.go\n\
             apps/runner/pkg/docker/create.go\napps/runner/pkg/docker/sub/image_x.go\n\
             apps/runner/pkg/dockerfile\nREADME.md\n",
        )
    }

    #[test]
    fn counts_files_directories_and_globs() {
        let l = listing();
        assert_eq!(l.len(), 6);
        assert_eq!(l.count("README.md"), Ok(1));
        assert_eq!(l.count("apps/runner/pkg/docker"), Ok(4));
        assert_eq!(l.count("apps/runner/pkg/docker/"), Ok(4));
        assert_eq!(l.count("apps/runner/pkg/docker/image_*.go"), Ok(2));
        assert_eq!(
            l.count("apps/runner/pkg/docker/{create,image_pull}.go"),
            Ok(2)
        );
        assert_eq!(l.count("apps/runner/pkg/nothing"), Ok(0));
        assert!(l.count("apps/{unclosed").is_err());
    }
}
