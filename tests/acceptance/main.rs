//! The one integration-test crate: each module tests one feature from the outside.

mod broken_files;
mod check_command;
mod controls;
mod daytona_content;
mod deck_semantics;
mod export;
mod layout;
mod rendering;
mod talk;

use std::path::PathBuf;

/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}
