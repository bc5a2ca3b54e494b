//! Arbitrary bytes: when they are UTF-8, every recognizer and the whole extractor run on them,
//! with and without a publication date, and every span must be a valid slice of the text
//! (the checks of `tests/spans.rs`).

#![no_main]

use cronaca::Extractor;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

#[path = "../../tests/spans.rs"]
#[allow(dead_code)]
mod spans;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let anchor = jiff::civil::date(2025, 12, 17);
    let doc = spans::check_tokens(text);
    spans::check_gazetteer(&doc, EXTRACTOR.matcher());
    spans::check_money(&doc);
    spans::check_dates(&doc, &[None, Some(anchor)]);
    spans::check_extract(&EXTRACTOR, text, Some(anchor));
});
