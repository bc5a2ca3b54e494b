//! Checks shared by the property and pathological tests: every recognizer, run on its own and
//! through [`Extractor::extract`], returns spans that lie on char boundaries inside the text
//! and slice to the reported surface, and events point into the extraction's lists.
//!
//! The checks panic with a `help:` message; proptest turns a panic into a shrunk failure.

use cronaca::date::find_dates;
use cronaca::gazetteer::Matcher;
use cronaca::gazetteer::unknown::find_unknown_companies;
use cronaca::money::find_money;
use cronaca::token::{Document, tokenize};
use cronaca::{Article, Extraction, Extractor, Span};
use jiff::civil::Date;

/// `span` lies inside `text`, on char boundaries, and is not reversed.
#[track_caller]
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.get(text).is_some(),
        "help: {what} span {span:?} is not a valid slice of a {}-byte text {:?}",
        text.len(),
        preview(text)
    );
}

/// `span` is valid and slices to `surface`.
#[track_caller]
fn assert_surface(text: &str, span: Span, surface: &str, what: &str) {
    assert_span(text, span, what);
    assert_eq!(
        &text[span],
        surface,
        "help: {what} span {span:?} does not slice to its text in {:?}",
        preview(text)
    );
}

/// At most 200 chars of `text`, for failure messages on huge inputs.
pub fn preview(text: &str) -> &str {
    match text.char_indices().nth(200) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// `tokenize` and `Document`: tokens are non-empty, ordered, disjoint and valid; sentences are
/// valid and their token ranges lie inside the token list; every normalized form is readable.
pub fn check_tokens(text: &str) -> Document<'_> {
    let tokens = tokenize(text);
    let mut last_end = 0;
    for t in &tokens {
        assert_span(text, t.span, "token");
        assert!(
            t.span.start >= last_end && !t.span.is_empty(),
            "help: token {:?} overlaps or is empty",
            t.span
        );
        last_end = t.span.end;
    }
    let doc = Document::new(text);
    assert_eq!(doc.tokens(), tokens.as_slice(), "help: Document and tokenize disagree");
    for s in doc.sentences() {
        assert_span(text, s.span, "sentence");
        assert!(s.tokens.start <= s.tokens.end && s.tokens.end <= tokens.len(), "help: sentence {s:?}");
    }
    for (i, t) in doc.tokens().iter().enumerate() {
        let _ = doc.norm(i);
        let _ = doc.text_of(t);
    }
    doc
}

/// The gazetteer matcher's entities (known and unknown) and epithets.
pub fn check_gazetteer(doc: &Document<'_>, matcher: &Matcher) {
    let text = doc.text();
    let known = matcher.find(doc);
    for e in &known {
        assert_surface(text, e.span, &e.text, "entity");
        assert!(!e.span.is_empty(), "help: empty entity span {:?}", e.span);
    }
    for e in find_unknown_companies(doc, &known) {
        assert_surface(text, e.span, &e.text, "unknown company");
    }
    for e in matcher.find_epithets(doc) {
        assert_surface(text, e.span, &e.text, "epithet");
    }
}

/// `find_money`.
pub fn check_money(doc: &Document<'_>) {
    for m in find_money(doc) {
        assert_surface(doc.text(), m.span, &m.text, "money");
    }
}

/// `find_dates`, with the given anchors.
pub fn check_dates(doc: &Document<'_>, anchors: &[Option<Date>]) {
    for &anchor in anchors {
        for d in find_dates(doc, anchor) {
            assert_surface(doc.text(), d.span, &d.text, "date");
            let _ = d.value.to_string();
        }
    }
}

/// The whole pipeline: every list item slices to its text, lists are in text order, events'
/// evidence and trigger spans are valid and their indices point into the lists.
pub fn check_extraction(text: &str, x: &Extraction) {
    for e in &x.entities {
        assert_surface(text, e.span, &e.text, "extracted entity");
    }
    for m in &x.money {
        assert_surface(text, m.span, &m.text, "extracted money");
    }
    for d in &x.dates {
        assert_surface(text, d.span, &d.text, "extracted date");
    }
    let starts = |v: Vec<usize>| v.windows(2).all(|w| w[0] <= w[1]);
    assert!(starts(x.entities.iter().map(|e| e.span.start).collect()), "help: entities out of order");
    assert!(starts(x.money.iter().map(|e| e.span.start).collect()), "help: money out of order");
    assert!(starts(x.dates.iter().map(|e| e.span.start).collect()), "help: dates out of order");
    for e in &x.events {
        assert_span(text, e.span, "event evidence");
        assert_span(text, e.trigger, "event trigger");
        assert!(e.entities.iter().all(|&i| i < x.entities.len()), "help: event entity index {e:?}");
        assert!(e.money.is_none_or(|i| i < x.money.len()), "help: event money index {e:?}");
        assert!(e.date.is_none_or(|i| i < x.dates.len()), "help: event date index {e:?}");
    }
}

/// Extracts from `text` with `anchor` and checks the result (also that it serializes).
pub fn check_extract(extractor: &Extractor, text: &str, anchor: Option<Date>) -> Extraction {
    let mut article = Article::new(text);
    article.date = anchor;
    let x = extractor.extract(&article);
    check_extraction(text, &x);
    x
}
