//! One line of the `extract --jsonl` batch contract: whatever the bytes, the example answers with
//! exactly one line of JSON (an extraction or `{"error": …}`), never a panic.
//! A blank line gives no output line at all (`""`).

#![no_main]

use cronaca::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

#[path = "../../examples/extract/jsonl.rs"]
#[allow(dead_code)]
mod jsonl;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let out = jsonl::process_line(&EXTRACTOR, 1, data);
    if out.is_empty() {
        let blank = std::str::from_utf8(data).is_ok_and(|s| s.trim().is_empty());
        assert!(blank, "only a blank line gives no output");
        return;
    }
    assert!(!out.contains('\n'), "one output line per input line: {out:?}");
    let value: serde_json::Value = serde_json::from_str(&out).expect("the output line is JSON");
    assert!(value.is_object(), "the output line is a JSON object: {out}");
});
