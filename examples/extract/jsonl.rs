//! One line of the `extract` example's JSONL batch mode: the bytes of a line in, one JSON line out.
//!
//! The driver (`main.rs`) reads, parallelises and keeps the order; this file only turns one line
//! into its output, the contract in `../shared/eval/CONTRACT.md`. It depends on nothing but
//! `cronaca`, `serde` (with `derive`), `serde_json` and `std`, so that a fuzz target or a test can
//! include it by path:
//!
//! ```text
//! #[path = "../../examples/extract/jsonl.rs"]
//! mod jsonl;
//! ```

use cronaca::{Article, Extraction, Extractor};
use serde::Serialize;
use serde_json::Value;

/// What one input line becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The output line, without a newline: the extraction `{"id": …, "entities": […], "money": […],
    /// "dates": […], "events": […]}`, or for a failed line `{"id": …, "line": N, "error": "…"}`
    /// (`id` left out when the line has none). Empty for a blank input line, which yields no output.
    pub json: String,
    /// Why the line failed, without its line number (the driver prints it on stderr); `None` when
    /// the line was extracted or was blank.
    pub error: Option<String>,
}

/// Turns one input line into its output line: the entry point for fuzzing.
///
/// - `line_no` is the line's 1-based number in the input, echoed as `"line"` in error objects;
/// - `bytes` is the line without its `\n` terminator; it may be anything: invalid UTF-8, a trailing
///   `\r`, invalid JSON, a JSON value that is not an object, a missing or non-string `text`, a `date`
///   that is not a real `YYYY-MM-DD` date.
///
/// Returns exactly one JSON object without a newline ([`Line::json`]): the extraction when the
/// line is a valid `{"id", "date", "text"}` object, otherwise an error object naming `line_no`
/// (and the `id` when one can be read). Returns an empty string for a blank line (only whitespace).
/// Never panics, whatever the bytes.
#[allow(dead_code, reason = "entry point of the fuzz target; the driver calls `process`")]
pub fn process_line(extractor: &Extractor, line_no: usize, bytes: &[u8]) -> String {
    process(extractor, line_no, bytes, |_| {}).json
}

/// [`process_line`], also saying why a line failed; `adjust` is applied to each well-formed
/// article before extraction (the driver's `--date` override).
pub fn process(extractor: &Extractor, line_no: usize, bytes: &[u8], adjust: impl Fn(&mut Article)) -> Line {
    let line = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let error = format!("invalid UTF-8 at byte {}", e.valid_up_to());
            return failure(id_despite_bad_utf8(bytes).as_ref(), line_no, error);
        }
    };
    if line.trim().is_empty() {
        return Line { json: String::new(), error: None };
    }
    match parse(line) {
        Ok((id, mut article)) => {
            adjust(&mut article);
            let extraction = extractor.extract(&article);
            match serde_json::to_string(&Extracted { id: &id, extraction: &extraction }) {
                Ok(json) => Line { json, error: None },
                Err(e) => failure(Some(&id), line_no, format!("cannot write the extraction: {e}")),
            }
        }
        Err((id, error)) => failure(id.as_ref(), line_no, error),
    }
}

#[derive(Serialize)]
struct Extracted<'a> {
    id: &'a Value,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

#[derive(Serialize)]
struct Failed<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    line: usize,
    error: &'a str,
}

fn failure(id: Option<&Value>, line_no: usize, error: String) -> Line {
    let json = serde_json::to_string(&Failed { id, line: line_no, error: &error })
        // Only strings and numbers here: serialization cannot fail, but never panic.
        .unwrap_or_else(|_| format!("{{\"line\":{line_no},\"error\":\"unprintable error\"}}"));
    Line { json, error: Some(error) }
}

/// Parses one line into its id (`null` when absent) and article; on failure, the id if any and why.
fn parse(line: &str) -> Result<(Value, Article), (Option<Value>, String)> {
    let mut v: Value = serde_json::from_str(line).map_err(|e| (None, json_error(&e)))?;
    let obj = v.as_object_mut().ok_or((None, "expected a JSON object".to_string()))?;
    let id = obj.remove("id");
    let fail = |msg: String| Err((id.clone(), msg));
    // Taken, not cloned: the text may be megabytes.
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return fail("\"text\" must be a string".into()),
        None => return fail("missing \"text\"".into()),
    };
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match cronaca::parse_date(s) {
            Ok(d) => Some(d),
            Err(e) => return fail(e.to_string()),
        },
        Some(_) => return fail("\"date\" must be a YYYY-MM-DD string or null".into()),
    };
    let mut article = Article::new(text);
    article.date = date;
    Ok((id.unwrap_or(Value::Null), article))
}

/// serde_json's message, with its position given as a column: the JSON is a single line.
fn json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&position) {
        Some(what) if e.line() == 1 => format!("invalid JSON at column {}: {what}", e.column()),
        _ => format!("invalid JSON: {msg}"),
    }
}

/// The id of a line that is not valid UTF-8 but would be a JSON object with the bad bytes
/// replaced, unless the id itself held bad bytes (a wrong id is worse than none).
fn id_despite_bad_utf8(bytes: &[u8]) -> Option<Value> {
    let lossy = String::from_utf8_lossy(bytes);
    let mut v: Value = serde_json::from_str(&lossy).ok()?;
    let id = v.as_object_mut()?.remove("id")?;
    let clean = serde_json::to_string(&id).is_ok_and(|s| !s.contains('\u{fffd}'));
    clean.then_some(id)
}
