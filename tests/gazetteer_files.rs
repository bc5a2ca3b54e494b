//! User gazetteer files with every kind of mistake: each gives an [`Error`] naming the file, the
//! line and the column (or, when the file cannot be read at all, the path), never a panic, and
//! the same error comes through [`Gazetteer::from_str`], [`Gazetteer::from_path`] and
//! [`ExtractorBuilder::build`](cronaca::ExtractorBuilder::build).
//!
//! `src/gazetteer/tests.rs` checks the exact column of each field-level mistake on strings;
//! these cover files as users write them (encodings, line ends, sizes) end to end.

use cronaca::gazetteer::Gazetteer;
use cronaca::{Error, Extractor};
use std::path::{Path, PathBuf};

/// A fresh directory for this test's files.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cronaca-gazetteer-files-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The line, column and message of a data error, or a panic naming what came instead.
#[track_caller]
fn data_error(e: &Error, source: &str) -> (usize, usize, String, String) {
    match e {
        Error::Data { source_name, line, column, message, text, .. } => {
            assert_eq!(source_name, source, "help: the error names the file: {e}");
            assert!(e.to_string().starts_with(&format!("{source}:{line}:{column}: ")), "help: {e}");
            (*line, *column, message.clone(), text.clone())
        }
        other => panic!("help: expected a data error naming {source}, got {other:?}"),
    }
}

/// Every way to load `bytes` as a gazetteer file fails at `line`:`column` with a message
/// containing `message`.
#[track_caller]
fn assert_file_error(dir: &Path, name: &str, bytes: &[u8], line: usize, column: usize, message: &str) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write gazetteer");
    let shown = path.display().to_string();
    let mut errors = vec![
        ("from_path", Gazetteer::from_path(&path).unwrap_err()),
        ("extend_from_path", Gazetteer::new().extend_from_path(&path).unwrap_err()),
        ("builder", Extractor::builder().gazetteer_file(&path).build().unwrap_err()),
        (
            "builder without default",
            Extractor::builder().no_default_gazetteer().gazetteer_file(&path).build().unwrap_err(),
        ),
    ];
    if let Ok(text) = std::str::from_utf8(bytes) {
        errors.push(("from_str", Gazetteer::from_str(&shown, text).unwrap_err()));
    }
    for (how, e) in &errors {
        let (l, c, m, quoted) = data_error(e, &shown);
        assert_eq!((l, c), (line, column), "help: {name} via {how}: {e}");
        assert!(m.contains(message), "help: {name} via {how}: {m:?} lacks {message:?}");
        assert!(
            !quoted.contains('\n') && !quoted.ends_with('\r'),
            "help: {name} via {how} quotes one line: {quoted:?}"
        );
    }
}

#[test]
fn every_kind_of_mistake_names_file_line_and_column() {
    let dir = scratch_dir("mistakes");
    let good = "# id\tkind\tname\taliases\trelations\nrossi\tcompany\tRossi S.p.A.\tRossi Spa\n";
    let cases: &[(&str, Vec<u8>, usize, usize, &str)] = &[
        (
            "too-many-fields.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\t\tdi troppo\n").into(),
            3,
            23,
            "too many fields",
        ),
        ("too-few-fields.tsv", format!("{good}verdi\tcompany\n").into(), 3, 14, "missing name"),
        ("only-id.tsv", format!("{good}verdi\n").into(), 3, 6, "missing kind"),
        ("unknown-kind.tsv", format!("{good}verdi\tazienda\tVerdi\n").into(), 3, 7, "unknown kind `azienda`"),
        ("kind-case.tsv", format!("{good}verdi\tCompany\tVerdi\n").into(), 3, 7, "unknown kind `Company`"),
        ("empty-id.tsv", format!("{good}\tcompany\tVerdi\n").into(), 3, 1, "missing id"),
        ("blank-id.tsv", format!("{good}   \tcompany\tVerdi\n").into(), 3, 4, "missing id"),
        ("bad-id.tsv", format!("{good}Verdi Spa\tcompany\tVerdi\n").into(), 3, 1, "bad id `Verdi Spa`"),
        ("spaces-not-tabs.tsv", format!("{good}verdi company Verdi\n").into(), 3, 1, "bad id"),
        (
            "duplicate-id.tsv",
            format!("{good}\nrossi\tchip\tRossi\n").into(),
            4,
            1,
            "duplicate id `rossi` (first defined on line 2)",
        ),
        (
            "relation-no-equals.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tparent rossi\n").into(),
            3,
            22,
            "is not key=value",
        ),
        (
            "relation-empty-key.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\t=rossi\n").into(),
            3,
            22,
            "unknown relation ``",
        ),
        (
            "relation-empty-value.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tparent=\n").into(),
            3,
            29,
            "empty value in `parent`",
        ),
        (
            "relation-unknown-key.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tmadre=rossi\n").into(),
            3,
            22,
            "unknown relation `madre`",
        ),
        (
            "relation-twice.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tparent=rossi;parent=rossi\n").into(),
            3,
            35,
            "given twice",
        ),
        (
            "relation-bad-target-id.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tparent=Rossi\n").into(),
            3,
            29,
            "bad parent id `Rossi`",
        ),
        (
            "unknown-target.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tparent=bianchi\n").into(),
            3,
            29,
            "unknown parent id `bianchi`",
        ),
        (
            "unknown-ceo.tsv",
            format!("{good}verdi\tcompany\tVerdi\t\tceo=rossi|mario-verdi\n").into(),
            3,
            32,
            "unknown ceo id `mario-verdi`",
        ),
        (
            "parent-cycle.tsv",
            format!(
                "{good}verdi\tcompany\tVerdi\t\tparent=bianchi\nbianchi\tcompany\tBianchi\t\tparent=verdi\n"
            )
            .into(),
            3,
            29,
            "parent cycle",
        ),
        (
            "empty-alias.tsv",
            format!("{good}verdi\tcompany\tVerdi\tVerdi Spa||Verdi Srl\n").into(),
            3,
            31,
            "empty alias",
        ),
        ("blank-alias.tsv", format!("{good}verdi\tcompany\tVerdi\t=  \n").into(), 3, 21, "empty alias"),
        ("exact-name.tsv", format!("{good}verdi\tcompany\t=Verdi\n").into(), 3, 15, "exact-case"),
        // Encodings and line ends.
        (
            "crlf.tsv",
            good.replace('\n', "\r\n")
                .into_bytes()
                .into_iter()
                .chain(b"verdi\tditta\tVerdi\r\n".iter().copied())
                .collect(),
            3,
            7,
            "unknown kind `ditta`",
        ),
        ("bom.tsv", format!("\u{feff}{good}verdi\tditta\tVerdi\n").into(), 3, 7, "unknown kind `ditta`"),
        ("bom-on-first-line.tsv", "\u{feff}verdi\tditta\tVerdi\n".into(), 1, 7, "unknown kind `ditta`"),
        // A BOM inside the file (files joined with `cat`) is shown escaped.
        (
            "bom-inside.tsv",
            format!("{good}\u{feff}verdi\tcompany\tVerdi\n").into(),
            3,
            1,
            "bad id `\\u{feff}verdi`",
        ),
        ("bom-alone.tsv", format!("{good}\n\u{feff}\n").into(), 4, 1, "bad id `\\u{feff}`"),
        ("nul.tsv", format!("{good}ver\0di\tcompany\tVerdi\n").into(), 3, 1, "bad id `ver\\u{0}di`"),
        (
            "control-chars.tsv",
            format!("{good}verdi\tcom\u{1b}pany\tVerdi\n").into(),
            3,
            7,
            "unknown kind `com\\u{1b}pany`",
        ),
        (
            "non-ascii-columns.tsv",
            format!("{good}società\tcompany\tVerdi\n").into(),
            3,
            1,
            "bad id `società`",
        ),
        (
            "non-ascii-before-error.tsv",
            format!("{good}verdi\tcompany\tPerù Più\tÀ||B\n").into(),
            3,
            26,
            "empty alias",
        ),
        (
            "invalid-utf8.tsv",
            [good.as_bytes(), b"verdi\tcompany\tVerd\xe8 S.p.A.\n"].concat(),
            3,
            19,
            "UTF-8",
        ),
        ("invalid-utf8-first-line.tsv", b"\xff\xfeverdi\tcompany\tVerdi\n".to_vec(), 1, 1, "UTF-8"),
        (
            "latin1-after-accent.tsv",
            [good.as_bytes(), "verdi\tcompany\tPerù ".as_bytes(), b"Verd\xe8\n"].concat(),
            3,
            24,
            "UTF-8",
        ),
        ("truncated-utf8.tsv", [good.as_bytes(), b"verdi\tcompany\tVerdi \xe2\x82"].concat(), 3, 21, "UTF-8"),
        (
            "crlf-invalid-utf8.tsv",
            [good.replace('\n', "\r\n").as_bytes(), b"verdi\tcompany\t\xc0\r\n"].concat(),
            3,
            15,
            "UTF-8",
        ),
    ];
    for (name, bytes, line, column, message) in cases {
        assert_file_error(&dir, name, bytes, *line, *column, message);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_that_cannot_be_read_name_the_path() {
    let dir = scratch_dir("unreadable");
    let missing = dir.join("manca.tsv");
    let sub = dir.join("cartella.tsv");
    std::fs::create_dir_all(&sub).unwrap();
    for path in [missing, sub, dir.join("a/b/c.tsv")] {
        let errors = [
            Gazetteer::from_path(&path).unwrap_err(),
            Gazetteer::new().extend_from_path(&path).unwrap_err(),
            Extractor::builder().gazetteer_file(&path).build().unwrap_err(),
        ];
        for e in errors {
            match &e {
                Error::Io { path: p, .. } => assert_eq!(p, &path, "help: {e}"),
                other => panic!("help: expected an I/O error for {}, got {other:?}", path.display()),
            }
            assert!(
                e.to_string().contains(&path.display().to_string()),
                "help: the message names the path: {e}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn blank_files_and_lines_are_not_mistakes() {
    let dir = scratch_dir("blank");
    let files: &[(&str, &str, usize)] = &[
        ("empty.tsv", "", 0),
        ("comments.tsv", "# solo commenti\n   # rientrato\n", 0),
        ("tabs-only.tsv", "\t\t\t\n\t\n", 0),
        ("blank-lines.tsv", "\n\n  \n\r\n", 0),
        ("no-final-newline.tsv", "rossi\tcompany\tRossi", 1),
        (
            "crlf.tsv",
            "# c\r\nrossi\tcompany\tRossi\tRossi Spa\r\n\r\nverdi\tcompany\tVerdi\t\tparent=rossi\r\n",
            2,
        ),
        ("trailing-semicolon.tsv", "rossi\tcompany\tRossi\t\tepithet=la banca senese;\n", 1),
    ];
    for (name, text, n) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let g = Gazetteer::from_path(&path).unwrap_or_else(|e| panic!("help: {name}: {e}"));
        assert_eq!(g.len(), *n, "{name}");
        Extractor::builder().no_default_gazetteer().gazetteer_file(&path).build().unwrap();
    }
    let g = Gazetteer::from_path(dir.join("crlf.tsv")).unwrap();
    assert_eq!(g.get("rossi").unwrap().aliases[0].text, "Rossi Spa");
    assert_eq!(g.parent_of("verdi").unwrap().id, "rossi");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_very_long_line_reports_the_right_column_quickly() {
    let dir = scratch_dir("long");
    // 20 000 aliases on one line (about 240 KB), the last one empty. (More aliases sharing a
    // prefix make aho-corasick's automaton build superlinear: 3.5 s for 100 000.)
    let aliases: Vec<String> = (0..20_000).map(|i| format!("Verdi {i}")).collect();
    let line = format!("verdi\tcompany\tVerdi\t{}|\n", aliases.join("|"));
    let column = line.chars().count(); // the empty alias sits just before the newline
    let start = std::time::Instant::now();
    assert_file_error(&dir, "long-line.tsv", line.as_bytes(), 1, column, "empty alias");
    // The same line without the mistake loads, and its aliases are all matched.
    let good = line.replacen("|\n", "\n", 1);
    let g = Gazetteer::from_str("long.tsv", &good).unwrap();
    assert_eq!(g.get("verdi").unwrap().aliases.len(), 20_000);
    let ex = Extractor::builder().no_default_gazetteer().gazetteer(g).build().unwrap();
    let x = ex.extract(&cronaca::Article::new("La Verdi 19999 e la Verdi 5 crescono."));
    assert_eq!(x.entities.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(), ["Verdi 19999", "Verdi 5"]);
    // A single field of a million characters.
    let huge = format!("verdi\tcompany\t{}\tx\tparent=nessuno\n", "V".repeat(1_000_000));
    assert_file_error(&dir, "huge-field.tsv", huge.as_bytes(), 1, 1_000_025, "unknown parent id `nessuno`");
    // Generous: a linear load takes well under a second; a quadratic one would take minutes.
    assert!(start.elapsed().as_secs() < 60, "help: long lines took {:?}", start.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_long_parent_chain_loads_in_linear_time() {
    // 20 000 business units, each the parent of the next: checking for cycles must not walk the
    // whole chain from every entity.
    let n = 20_000;
    let mut text = String::from("u0\tcompany\tUnità 0\n");
    for i in 1..n {
        text.push_str(&format!("u{i}\tcompany\tUnità {i}\t\tparent=u{}\n", i - 1));
    }
    let start = std::time::Instant::now();
    let g = Gazetteer::from_str("chain.tsv", &text).unwrap();
    let took = start.elapsed();
    assert_eq!(g.root_of(&format!("u{}", n - 1)).unwrap().id, "u0");
    // Closing the chain into a loop is an error at the last entity's parent.
    let looped =
        text.replacen("u0\tcompany\tUnità 0\n", &format!("u0\tcompany\tUnità 0\t\tparent=u{}\n", n - 1), 1);
    let e = Gazetteer::from_str("chain.tsv", &looped).unwrap_err();
    let (line, _, message, _) = data_error(&e, "chain.tsv");
    assert!(message.contains("parent cycle") && line >= 1, "help: {e}");
    assert!(took.as_secs() < 5, "help: a {n}-long parent chain took {took:?} to check");
}
