//! Pipeline throughput on the fixture articles concatenated (`Throughput::Bytes` → MB/s).
//!
//! Groups (`stage/input`): `seg_raw/` is the raw `unicode-segmentation` word-bound pass, the
//! baseline for `tokenize/`; `document/` adds sentences and normalized forms; `ac_raw/` is the raw
//! aho-corasick `find_iter` over the embedded gazetteer's automaton, the baseline for `gazetteer/`;
//! `money/` and `dates/` run one recognizer over a ready `Document`; `extract/` is the whole pipeline.
//! Run: `cargo bench --bench pipeline`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use cronaca::date::find_dates;
use cronaca::money::find_money;
use cronaca::token::{Document, tokenize};
use cronaca::{Article, Extractor};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

/// The fixture texts (without their date headers), joined by blank lines.
fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/articles exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for p in paths {
        let raw = std::fs::read_to_string(&p).expect("fixture readable");
        let article = Article::from_dated_text(&raw).expect("fixture header valid");
        text.push_str(&article.text);
        text.push_str("\n\n");
    }
    text
}

fn settings() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

fn pipeline(c: &mut Criterion) {
    let text = corpus();
    let name = "fixtures";
    // Check the answers once, outside the timed loops.
    let tokens = tokenize(&text);
    assert!(tokens.len() > 1000, "fixture corpus unexpectedly small");
    let extractor = Extractor::new();
    let article = Article::new(text.clone()).with_date(jiff::civil::date(2025, 12, 17));
    let _ = extractor.extract(&article); // warm the lazily built statics

    let mut g = c.benchmark_group("tokenizer");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(format!("seg_raw/{name}"), |b| {
        b.iter(|| black_box(&text).split_word_bound_indices().count())
    });
    g.bench_function(format!("tokenize/{name}"), |b| b.iter(|| tokenize(black_box(&text)).len()));
    g.bench_function(format!("document/{name}"), |b| {
        b.iter(|| Document::new(black_box(&text)).tokens().len())
    });
    g.finish();

    let doc = Document::new(&text);
    let matcher = extractor.matcher();
    let ac = matcher.automaton().expect("embedded gazetteer has patterns");
    let entities = matcher.find(&doc).len();
    assert!(entities > 50, "gazetteer finds the fixture entities ({entities})");
    let money = find_money(&doc).len();
    assert!(money > 30, "money recognizer finds the fixture amounts ({money})");
    let anchor = Some(jiff::civil::date(2025, 12, 17));
    let dates = find_dates(&doc, anchor).len();
    assert!(dates > 20, "date recognizer finds the fixture dates ({dates})");
    let mut g = c.benchmark_group("recognizers");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(format!("ac_raw/{name}"), |b| b.iter(|| ac.find_iter(black_box(&text)).count()));
    g.bench_function(format!("gazetteer/{name}"), |b| b.iter(|| matcher.find(black_box(&doc)).len()));
    g.bench_function(format!("money/{name}"), |b| b.iter(|| find_money(black_box(&doc)).len()));
    g.bench_function(format!("dates/{name}"), |b| b.iter(|| find_dates(black_box(&doc), anchor).len()));
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(format!("extract/{name}"), |b| b.iter(|| extractor.extract(black_box(&article))));
    g.finish();
}

criterion_group! { name = benches; config = settings(); targets = pipeline }
criterion_main!(benches);
