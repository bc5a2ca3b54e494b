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
    let mut child = Command::new(example())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("example starts");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("example runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
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
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).expect("each output line is JSON")).collect();
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
