//! Golden files: `fixtures/articles/NAME.txt` → `fixtures/expected/NAME.json`.
//!
//! After an intended change, re-bless with `CRONACA_BLESS=1 cargo test golden` and review `git diff fixtures/`.

use cronaca::{Article, Extractor};
use std::path::Path;

fn render(path: &Path, extractor: &Extractor) -> String {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let article = Article::from_dated_text(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(article.date.is_some(), "help: fixture {} needs a `date YYYY-MM-DD` header", path.display());
    let extraction = extractor.extract(&article);
    let mut json = serde_json::to_string_pretty(&extraction).expect("extraction serializes");
    json.push('\n');
    json
}

/// A line diff (longest common subsequence) showing only changed lines with two lines of context.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    let changed: Vec<usize> = ops.iter().enumerate().filter(|(_, o)| o.0 != ' ').map(|(k, _)| k).collect();
    let mut out = String::new();
    let mut last_shown = None;
    for (k, (tag, line)) in ops.iter().enumerate() {
        if changed.iter().any(|&c| c.abs_diff(k) <= 2) {
            if last_shown.is_some_and(|l: usize| l + 1 != k) {
                out.push_str("  ...\n");
            }
            out.push_str(&format!("{tag} {line}\n"));
            last_shown = Some(k);
        }
    }
    out
}

#[test]
fn fixtures_match_golden_files() {
    let bless = std::env::var_os("CRONACA_BLESS").is_some_and(|v| v == "1");
    let extractor = Extractor::new();
    let expected_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/expected");
    let mut failures = Vec::new();
    for article in crate::fixture_articles() {
        let name = article.file_stem().and_then(|s| s.to_str()).expect("fixture name is UTF-8");
        let golden = expected_dir.join(format!("{name}.json"));
        let actual = render(&article, &extractor);
        if bless {
            std::fs::write(&golden, &actual)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", golden.display()));
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: output differs from {}\n{}",
                golden.display(),
                diff(&expected, &actual)
            )),
            Err(e) => failures.push(format!("{name}: cannot read {}: {e}", golden.display())),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nhelp: if the change is intended, run `CRONACA_BLESS=1 cargo test golden` and review `git diff fixtures/`",
        failures.join("\n")
    );
}

#[test]
fn diff_shows_changed_lines_only() {
    let d = diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nX\ne\nf\ng\n");
    assert_eq!(d, "  b\n  c\n- d\n+ X\n  e\n  f\n");
}
