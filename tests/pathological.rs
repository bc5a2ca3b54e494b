//! Pathological inputs finish in time linear in their size, without panicking, with valid spans.
//!
//! Each input is built to the same size as a plain Italian text (the fixture articles repeated)
//! and its extraction may take at most [`FACTOR`] times as long as the plain text's, measured in
//! the same test, or [`FLOOR`], whichever is larger, so that tiny timings do not flake. A
//! quadratic step on megabytes blows far past that bound. No absolute time is asserted.
//!
//! Size: `CRONACA_PATHOLOGICAL_MB` megabytes per input (default 2, so that `cargo test` stays
//! quick on a small CI machine: 2 million digits, 220 000 `miliardi`, 2 million apostrophes;
//! `CRONACA_PATHOLOGICAL_MB=10 cargo test pathological` runs 10 MB inputs).

use crate::spans;
use cronaca::{Article, Extractor};
use std::time::{Duration, Instant};

/// How much slower than the plain text a pathological input of the same size may be.
const FACTOR: u32 = 20;
/// Below this, timings are noise.
const FLOOR: Duration = Duration::from_millis(300);

fn size() -> usize {
    let mb = std::env::var("CRONACA_PATHOLOGICAL_MB").ok().and_then(|v| v.parse::<f64>().ok()).unwrap_or(2.0);
    (mb * 1_000_000.0) as usize
}

/// `unit` repeated until the text has at least `len` bytes.
fn repeat_to(unit: &str, len: usize) -> String {
    assert!(!unit.is_empty());
    unit.repeat(len.div_ceil(unit.len()))
}

/// The fixture articles' bodies, joined by blank lines.
fn fixture_bodies() -> String {
    let mut out = String::new();
    for path in crate::fixture_articles() {
        let text = std::fs::read_to_string(&path).expect("fixture readable");
        let article = Article::from_dated_text(&text).expect("fixture has a valid header");
        out.push_str(&article.text);
        out.push_str("\n\n");
    }
    out
}

/// Extracts (checking spans) and returns the time taken by the extraction alone.
fn timed(extractor: &Extractor, text: &str) -> Duration {
    let article = Article::new(text).with_date(jiff::civil::date(2025, 12, 17));
    let start = Instant::now();
    let x = extractor.extract(&article);
    let took = start.elapsed();
    spans::check_extraction(text, &x);
    took
}

/// The inputs, by name: each about `len` bytes.
fn inputs(len: usize, bodies: &str) -> Vec<(&'static str, String)> {
    let no_space: String = bodies.chars().filter(|c| !c.is_whitespace()).collect();
    let one_sentence: String =
        bodies.chars().map(|c| if matches!(c, '.' | '!' | '?' | '…' | '\n') { ',' } else { c }).collect();
    // Every control character, NUL included, between letters and digits.
    let controls: String =
        (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32).flat_map(|c| [c, 'a', '1']).collect();
    let mixed_scripts =
        "Amazon华为Ξένη Ёж עברית عربى 😀👩\u{200d}💻🇮🇹 e\u{301}\u{302}\u{303} Società\u{200b}İⱥ ";
    vec![
        ("no spaces, letters", repeat_to("abcdefghij", len)),
        ("no spaces, news text", repeat_to(&no_space, len)),
        ("one sentence, no stops", repeat_to(&one_sentence, len)),
        ("digits", repeat_to("1234567890", len)),
        ("digits with dots", repeat_to("1.000", len)),
        ("digits with commas and dots", repeat_to("1,5.", len)),
        ("miliardi with spaces", repeat_to("miliardi ", len)),
        ("miliardi without spaces", repeat_to("miliardi", len)),
        ("miliardi di", repeat_to("miliardi di ", len)),
        ("5 miliardi di dollari e", repeat_to("5 miliardi di dollari e ", len)),
        ("scales and currencies glued", repeat_to("5miliardi€$mld,", len)),
        ("tra 5 e", repeat_to("tra 5 e ", len)),
        ("tra e dal entro", repeat_to("tra dal entro fino a oltre circa ", len)),
        ("apostrophes", repeat_to("'", len)),
        ("typographic apostrophes", repeat_to("’", len)),
        ("elisions", repeat_to("l'dell’", len)),
        ("elisions with spaces", repeat_to("l' dell’ ", len)),
        ("periods", repeat_to(".", len)),
        ("abbreviations", repeat_to("S.p.A.", len)),
        ("months and relative dates", repeat_to("lo scorso ottobre di 3 anni fa, ", len)),
        ("dates without a verb", repeat_to("il 3 e il 4 ottobre ", len)),
        ("company names", repeat_to("OpenAI Amazon Nvidia Intel ", len)),
        ("capitalized words", repeat_to("Zefiro Capital Rossi Verdi ", len)),
        ("events in one sentence", repeat_to("Amazon investirà 5 miliardi in OpenAI e ", len)),
        ("events in short sentences", repeat_to("Amazon investirà 5 miliardi in OpenAI. ", len)),
        ("role nouns", repeat_to("La società compra Amazon. ", len)),
        ("role nouns before names", repeat_to("La startup Amazon. ", len)),
        ("combining marks", repeat_to("\u{301}", len)),
        ("letters with combining marks", repeat_to("a\u{301}\u{302}", len)),
        ("mixed scripts", repeat_to(mixed_scripts, len)),
        ("NUL", repeat_to("\0", len)),
        ("control characters", repeat_to(&controls, len)),
        ("newlines", repeat_to("\n", len)),
        ("spaces", repeat_to(" ", len)),
    ]
}

#[test]
fn pathological_inputs_take_linear_time() {
    let extractor = Extractor::new();
    let len = size();
    let bodies = fixture_bodies();
    let plain = repeat_to(&bodies, len);
    // Warm up the lazily built data, then take the best of two plain runs.
    timed(&extractor, "Amazon investe 5 miliardi di dollari in OpenAI dal 2019.");
    let base = timed(&extractor, &plain).min(timed(&extractor, &plain));
    let bound = (base * FACTOR).max(FLOOR);
    eprintln!("plain Italian text, {} bytes: {base:?}; bound {bound:?}", plain.len());
    let mut slow = Vec::new();
    for (name, text) in inputs(len, &bodies) {
        assert!(text.len() >= len, "{name}: {} bytes", text.len());
        let mut took = timed(&extractor, &text);
        if took > bound {
            // A busy machine: measure once more before calling it slow.
            took = took.min(timed(&extractor, &text));
        }
        eprintln!("{name:>32}, {} bytes: {took:?}", text.len());
        if took > bound {
            slow.push(format!("{name}: {took:?} > {bound:?} ({FACTOR}× plain {base:?})"));
        }
    }
    assert!(slow.is_empty(), "help: superlinear inputs:\n{}", slow.join("\n"));
}

#[test]
fn a_text_without_sentence_ends_is_cut_into_bounded_sentences() {
    let text = "parola ".repeat(2_500);
    let doc = cronaca::token::Document::new(&text);
    let lens: Vec<usize> = doc.sentences().iter().map(|s| s.tokens.len()).collect();
    assert_eq!(lens, [1_000, 1_000, 500]);
    assert_eq!(cronaca::token::MAX_SENTENCE_TOKENS, 1_000);
}
