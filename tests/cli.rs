//! The `extract` example as users run it: plain text and the JSONL batch contract.
//!
//! `cargo test` builds the examples first; the binary sits beside the test binary's folder.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn example() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|p| p.parent()).expect("target dir");
    let bin = dir.join("examples").join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "help: {} missing; run `cargo test` (it builds examples)", bin.display());
    bin
}

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    run_bytes(args, stdin.as_bytes().to_vec())
}

/// Runs the example with `stdin` fed from another thread, so that a large input cannot dead-lock
/// against a full stdout pipe.
fn run_bytes(args: &[&str], stdin: Vec<u8>) -> (i32, String, String) {
    let mut child = Command::new(example())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("example starts");
    let mut pipe = child.stdin.take().expect("stdin");
    // The example may stop reading early (usage error): a broken pipe here is its business.
    let feeder = std::thread::spawn(move || drop(pipe.write_all(&stdin)));
    let out = child.wait_with_output().expect("example runs");
    feeder.join().expect("stdin feeder");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect()
}

#[test]
fn jsonl_one_line_out_per_line_in_and_errors_go_on() {
    let input = concat!(
        r#"{"id": "a1", "date": "2025-12-17", "text": "OpenAI tratta con Amazon."}"#,
        "\n",
        "questa riga non è JSON\n",
        r#"{"id": "a3", "date": "2025-02-30", "text": "x"}"#,
        "\n",
        r#"{"id": 4, "text": "Senza data."}"#,
        "\n",
        r#"{"id": "a5"}"#,
        "\n",
    );
    let (code, stdout, stderr) = run(&["--jsonl"], input);
    assert_eq!(code, 1, "help: some lines failed, exit code must be 1; stderr: {stderr}");
    let lines = json_lines(&stdout);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a1");
    for key in ["entities", "money", "dates", "events"] {
        assert!(lines[0][key].is_array(), "missing {key} in {}", lines[0]);
    }
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("JSON")));
    assert_eq!(lines[2]["id"], "a3");
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.contains("2025-02-30")));
    assert_eq!(lines[3]["id"], 4);
    assert!(lines[3]["events"].is_array());
    assert_eq!(lines[4]["id"], "a5");
    assert!(lines[4]["error"].as_str().is_some_and(|e| e.contains("text")));
    assert_eq!(stderr.lines().count(), 3, "one message per failed line: {stderr}");
}

#[test]
fn jsonl_all_good_exits_zero() {
    let (code, stdout, _) = run(&["--jsonl", "-"], "{\"id\":\"x\",\"text\":\"Ciao.\"}\n\n");
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn plain_file_with_date_header_and_override() {
    let dir = std::env::temp_dir().join(format!("cronaca-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("a.txt");
    std::fs::write(&file, "date 2025-12-17 Amazon investe in OpenAI.").expect("write");
    let (code, stdout, stderr) = run(&[file.to_str().expect("utf-8 path"), "--date", "2024-01-02"], "");
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("pretty JSON");
    assert!(v["entities"].is_array());
    let (code, _, stderr) = run(&[dir.join("missing.txt").to_str().expect("utf-8 path")], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"));
    std::fs::write(&file, "date 2025-13-01 testo").expect("write");
    let (code, _, stderr) = run(&[file.to_str().expect("utf-8 path")], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("2025-13-01"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&[], "").0, 2);
    assert_eq!(run(&["--bogus"], "").0, 2);
    assert_eq!(run(&["--format", "xml", "f"], "").0, 2);
    assert_eq!(run(&["--help"], "").0, 0);
}

/// Good lines around one of each kind of bad line: a line that is not JSON, one with bytes that are
/// not UTF-8, one without `text`, one with an impossible `date`.
fn mixed_batch() -> Vec<u8> {
    let mut input = Vec::new();
    input.extend_from_slice(
        b"{\"id\": \"g1\", \"date\": \"2025-03-04\", \"text\": \"Leonardo compra Iveco Defence.\"}\n",
    );
    input.extend_from_slice(b"{\"id\": \"rotta\", \"text\": \"manca la chiusura\n");
    input.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"Citt\xe0 in festa\"}\n");
    input.extend_from_slice(b"{\"id\": \"vuota\", \"date\": \"2025-03-04\"}\n");
    input
        .extend_from_slice(b"{\"id\": \"g5\", \"date\": \"2025-04-31\", \"text\": \"Fincantieri firma.\"}\n");
    input.extend_from_slice(b"{\"id\": \"g6\", \"text\": \"Stellantis investe 2 miliardi di euro.\"}\n");
    input
}

#[test]
fn jsonl_each_bad_line_is_one_error_naming_its_line_and_good_lines_go_on() {
    for threads in ["1", "2"] {
        let (code, stdout, stderr) = run_bytes(&["--jsonl", "--threads", threads], mixed_batch());
        assert_eq!(code, 1, "help: failed lines give exit code 1 (threads {threads}); stderr: {stderr}");
        let lines = json_lines(&stdout);
        // The malformed line has no readable id; the one with a bad byte in its text keeps its id.
        let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
        assert_eq!(ids, [r#""g1""#, "null", r#""latin1""#, r#""vuota""#, r#""g5""#, r#""g6""#], "{stdout}");
        for (i, line) in lines.iter().enumerate() {
            let line_no = i + 1;
            let good = line_no == 1 || line_no == 6;
            assert_eq!(line["error"].is_string(), !good, "line {line_no}: {line}");
            assert_eq!(line["events"].is_array(), good, "line {line_no}: {line}");
            if !good {
                assert_eq!(line["line"], line_no, "help: an error names its line number: {line}");
                assert!(
                    stderr.contains(&format!("line {line_no}: ")),
                    "stderr names line {line_no}: {stderr}"
                );
            }
        }
        assert!(lines[1]["error"].as_str().is_some_and(|e| e.contains("JSON")), "{}", lines[1]);
        assert!(lines[2]["error"].as_str().is_some_and(|e| e.contains("UTF-8")), "{}", lines[2]);
        assert!(lines[3]["error"].as_str().is_some_and(|e| e.contains("text")), "{}", lines[3]);
        assert!(lines[4]["error"].as_str().is_some_and(|e| e.contains("2025-04-31")), "{}", lines[4]);
        assert_eq!(stderr.lines().count(), 4, "one message per failed line: {stderr}");
        let companies: Vec<&str> = lines[5]["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter_map(|e| e["name"].as_str())
            .collect();
        assert!(companies.contains(&"Stellantis"), "the line after the bad ones is extracted: {}", lines[5]);
    }
}

/// More lines than fit in one chunk, of very different lengths (workers finish out of turn), with
/// a bad line now and then.
fn long_batch() -> (String, Vec<String>) {
    let mut input = String::new();
    let mut ids = Vec::new();
    for i in 0..5000 {
        let id = format!("n{i}");
        if i % 97 == 13 {
            input.push_str(&format!("{{\"id\": \"{id}\", \"text\": 7}}\n"));
        } else {
            let filler = "Il gruppo ha chiuso il trimestre in crescita. ".repeat(i % 23);
            input.push_str(&format!(
                "{{\"id\": \"{id}\", \"date\": \"2025-06-{:02}\", \"text\": \"{filler}Eni investe {} milioni di euro.\"}}\n",
                i % 28 + 1,
                i % 900 + 1
            ));
        }
        ids.push(id);
    }
    (input, ids)
}

#[test]
fn jsonl_output_keeps_input_order_with_threads() {
    let (input, ids) = long_batch();
    let (code, parallel, stderr) = run(&["--jsonl", "--threads", "2"], &input);
    assert_eq!(code, 1, "some lines have a numeric text; stderr: {stderr}");
    let lines = json_lines(&parallel);
    assert_eq!(lines.len(), ids.len());
    for (i, (line, id)) in lines.iter().zip(&ids).enumerate() {
        assert_eq!(line["id"], id.as_str(), "help: output line {} is out of order", i + 1);
        if line["error"].is_string() {
            assert_eq!(line["line"], i + 1);
        }
    }
    let (_, sequential, _) = run(&["--jsonl", "--threads", "1"], &input);
    assert!(parallel == sequential, "help: --threads 2 and --threads 1 differ");
}

#[test]
fn threads_must_be_a_positive_whole_number() {
    for bad in ["0", "x", "-1", "1.5", ""] {
        let (code, stdout, stderr) = run(&["--jsonl", "--threads", bad], "{\"text\": \"Ciao.\"}\n");
        assert_eq!(code, 2, "--threads {bad:?}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("--threads"), "{stderr}");
    }
    assert_eq!(run(&["--jsonl", "--threads"], "").0, 2);
}

#[test]
fn empty_input_gives_empty_output() {
    for threads in ["1", "2"] {
        for input in ["", "\n", "  \n\r\n\t\n"] {
            let (code, stdout, stderr) = run(&["--jsonl", "--threads", threads], input);
            assert_eq!(code, 0, "{input:?}: {stderr}");
            assert!(stdout.is_empty() && stderr.is_empty(), "{input:?}: {stdout}{stderr}");
        }
    }
}

/// The per-line module of the example, as the fuzz target includes it.
#[path = "../examples/extract/jsonl.rs"]
mod jsonl;

mod line {
    use super::jsonl;
    use cronaca::Extractor;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

    /// What `process_line` promises: one JSON object without a newline (or nothing for a blank line),
    /// and an error object names the line.
    fn check(line_no: usize, bytes: &[u8]) -> Result<(), TestCaseError> {
        let full = jsonl::process(&EXTRACTOR, line_no, bytes, |_| {});
        let out = jsonl::process_line(&EXTRACTOR, line_no, bytes);
        prop_assert_eq!(&out, &full.json);
        if out.is_empty() {
            prop_assert!(full.error.is_none());
            prop_assert!(std::str::from_utf8(bytes).is_ok_and(|s| s.trim().is_empty()));
            return Ok(());
        }
        prop_assert!(!out.contains('\n'));
        let v: serde_json::Value =
            serde_json::from_str(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(v.is_object());
        prop_assert_eq!(v["error"].is_string(), full.error.is_some());
        if full.error.is_some() {
            prop_assert_eq!(&v["line"], line_no);
        } else {
            prop_assert!(v["entities"].is_array() && v["events"].is_array());
        }
        Ok(())
    }

    #[test]
    fn known_lines() {
        check(1, b"").unwrap();
        check(2, b"{\"id\": 1, \"text\": \"Poste compra Tim.\"}\r").unwrap();
        check(3, b"{\"id\": [1, {\"a\": null}], \"text\": \"x\", \"date\": 5}").unwrap();
        check(4, b"\xff\xfe").unwrap();
        check(5, &vec![b'['; 100_000]).unwrap();
        let ok = jsonl::process(&EXTRACTOR, 9, b"{\"text\": \"Ciao\"}", |_| {});
        assert_eq!(ok.json, r#"{"id":null,"entities":[],"money":[],"dates":[],"events":[]}"#);
    }

    proptest! {
        #[test]
        fn any_bytes(line_no in 1usize..1_000_000, bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            check(line_no, &bytes)?;
        }

        #[test]
        fn any_object(id in any::<Option<i64>>(), date in "[0-9-]{0,12}", text in "\\PC{0,200}") {
            let line = serde_json::json!({"id": id, "date": date, "text": text}).to_string();
            check(1, line.as_bytes())?;
        }
    }
}
