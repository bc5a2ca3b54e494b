//! Integration tests: one test binary (see `Cargo.toml`, `autotests = false`).
//!
//! - `gazetteer_files`: user gazetteer files with every kind of mistake give `file:line:column` errors;
//! - `golden`: every fixture article against its golden JSON (`CRONACA_BLESS=1 cargo test` rewrites them);
//! - `robustness`: no panic and valid spans on every prefix of every fixture and on hostile strings;
//! - `pathological`: megabytes of hostile input take time linear in their size;
//! - `props`: property tests, every recognizer on arbitrary and news-like strings (checks in `spans`);
//! - `cli`: the `extract` example's plain-text and JSONL batch contract.

mod cli;
mod gazetteer_files;
mod golden;
mod pathological;
mod props;
mod robustness;
mod spans;

use std::path::{Path, PathBuf};

/// The fixture articles, sorted by name.
pub fn fixture_articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    assert!(v.len() >= 6, "help: expected at least six fixture articles in {}", dir.display());
    v
}
