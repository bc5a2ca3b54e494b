//! Arbitrary bytes read as an article file (`date YYYY-MM-DD` header, then the text): a bad
//! header is an error, never a panic; a good one gives an article whose extraction has valid
//! spans and indices.

#![no_main]

use cronaca::{Article, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

#[path = "../../tests/spans.rs"]
#[allow(dead_code)]
mod spans;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let Ok(article) = Article::from_dated_text(input) else { return };
    assert!(input.contains(article.text.as_str()), "the article text is part of the input");
    let x = EXTRACTOR.extract(&article);
    spans::check_extraction(&article.text, &x);
});
