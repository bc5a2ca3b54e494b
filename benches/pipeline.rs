//! Pipeline throughput (`Throughput::Bytes` → MB/s), stage by stage and whole, on two inputs:
//! `fixtures` (the fixture articles concatenated into one text: dense deal news) and
//! `generated` (about 8 MB of generated articles, `support/corpus.rs`, extracted one by one).
//!
//! Groups (`group/stage/input`):
//! - `tokenizer/seg_raw` is the raw `unicode-segmentation` word-bound pass, the baseline for
//!   `tokenizer/tokenize`; `tokenizer/document` adds sentences and normalized forms;
//! - `stages/ac_raw` is the raw aho-corasick `find_iter` of one automaton over every name of
//!   the embedded gazetteer (`Matcher::unsharded_automaton`) over the same text (ASCII-lower-cased, as the matcher searches it), the baseline for
//!   `stages/gazetteer`; `money`, `dates` and `events` run one stage over a ready `Document`
//!   (events also over ready mentions);
//! - `pipeline/extract` is the whole `Extractor::extract`; two cheaper passes from the text in the
//!   same group show where the floor is: `pipeline/tokens_names` only builds the `Document` and
//!   matches the gazetteer (what any token-aligned matcher must do), and `pipeline/recognizers`
//!   adds money and dates (tokenize + one automaton + money + dates, without unknown names,
//!   epithets or events);
//! - `build/default_extractor` is the first `Extractor::new()` of a fresh process (parsing every
//!   embedded lexicon and building the automaton), `build/matcher` the automaton alone.
//!
//! Run: `cargo bench --bench pipeline` (a few minutes).

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use cronaca::date::find_dates;
use cronaca::event::{Coreferent, Input, find_events};
use cronaca::gazetteer::Matcher;
use cronaca::money::find_money;
use cronaca::token::{Document, tokenize};
use cronaca::{Article, Extractor};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// Set in the child process that `build/default_extractor` starts.
const COLD_BUILD_ENV: &str = "CRONACA_BENCH_COLD_BUILD";

/// The fixture texts (without their date headers), joined by blank lines, as one article.
fn fixtures() -> Vec<Article> {
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
    vec![Article::new(text).with_date(jiff::civil::date(2025, 12, 17))]
}

/// What the stages before events found in one document.
struct Found<'d> {
    doc: Document<'d>,
    x: cronaca::Extraction,
    epithets: Vec<cronaca::gazetteer::EpithetMention>,
}

fn pipeline(c: &mut Criterion) {
    let extractor = Extractor::new();
    let matcher = extractor.matcher();
    // One automaton over every name: the baseline, whatever the matcher's number of shards.
    let ac = matcher.unsharded_automaton().expect("the embedded names build");
    let inputs = [("fixtures", fixtures()), ("generated", corpus::generated(8 << 20))];
    for (name, articles) in &inputs {
        let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
        let big = bytes > 1 << 20;
        let found: Vec<Found<'_>> = articles
            .iter()
            .map(|a| Found {
                doc: Document::new(&a.text),
                x: extractor.extract(a),
                epithets: matcher.find_epithets(&Document::new(&a.text)),
            })
            .collect();
        // Check the answers once, outside the timed loops.
        let count = |f: fn(&cronaca::Extraction) -> usize| found.iter().map(|f2| f(&f2.x)).sum::<usize>();
        let (entities, money, dates, events) = (
            count(|x| x.entities.len()),
            count(|x| x.money.len()),
            count(|x| x.dates.len()),
            count(|x| x.events.len()),
        );
        assert!(
            entities > 50 && money > 30 && dates > 20 && events > 10,
            "{name}: {entities} {money} {dates} {events}"
        );
        eprintln!(
            "{name}: {bytes} bytes in {} articles; {entities} entities, {money} amounts, {dates} dates, {events} events",
            articles.len()
        );
        let lowered: Vec<Vec<u8>> = articles.iter().map(|a| a.text.as_bytes().to_ascii_lowercase()).collect();

        let configure = |g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>| {
            g.throughput(Throughput::Bytes(bytes as u64));
            if big {
                g.sample_size(10).measurement_time(Duration::from_secs(8));
            }
        };
        let mut g = c.benchmark_group("tokenizer");
        configure(&mut g);
        g.bench_function(BenchmarkId::new("seg_raw", name), |b| {
            b.iter(|| {
                articles.iter().map(|a| black_box(&a.text).split_word_bound_indices().count()).sum::<usize>()
            })
        });
        g.bench_function(BenchmarkId::new("tokenize", name), |b| {
            b.iter(|| articles.iter().map(|a| tokenize(black_box(&a.text)).len()).sum::<usize>())
        });
        g.bench_function(BenchmarkId::new("document", name), |b| {
            b.iter(|| {
                articles.iter().map(|a| Document::new(black_box(&a.text)).tokens().len()).sum::<usize>()
            })
        });
        g.finish();

        let mut g = c.benchmark_group("stages");
        configure(&mut g);
        g.bench_function(BenchmarkId::new("ac_raw", name), |b| {
            b.iter(|| lowered.iter().map(|t| ac.find_iter(black_box(t.as_slice())).count()).sum::<usize>())
        });
        g.bench_function(BenchmarkId::new("gazetteer", name), |b| {
            b.iter(|| found.iter().map(|f| matcher.find(black_box(&f.doc)).len()).sum::<usize>())
        });
        g.bench_function(BenchmarkId::new("money", name), |b| {
            b.iter(|| found.iter().map(|f| find_money(black_box(&f.doc)).len()).sum::<usize>())
        });
        g.bench_function(BenchmarkId::new("dates", name), |b| {
            b.iter(|| {
                found
                    .iter()
                    .zip(articles)
                    .map(|(f, a)| find_dates(black_box(&f.doc), a.date).len())
                    .sum::<usize>()
            })
        });
        g.bench_function(BenchmarkId::new("events", name), |b| {
            b.iter(|| {
                found
                    .iter()
                    .map(|f| {
                        let coreferents: Vec<Coreferent<'_>> =
                            f.epithets.iter().map(Coreferent::from).collect();
                        let input = Input {
                            entities: &f.x.entities,
                            epithets: &coreferents,
                            money: &f.x.money,
                            dates: &f.x.dates,
                            relations: matcher.gazetteer(),
                        };
                        find_events(black_box(&f.doc), &input).len()
                    })
                    .sum::<usize>()
            })
        });
        g.finish();

        let mut g = c.benchmark_group("pipeline");
        configure(&mut g);
        g.bench_function(BenchmarkId::new("tokens_names", name), |b| {
            b.iter(|| {
                articles.iter().map(|a| matcher.find(&Document::new(black_box(&a.text))).len()).sum::<usize>()
            })
        });
        g.bench_function(BenchmarkId::new("recognizers", name), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| {
                        let doc = Document::new(black_box(&a.text));
                        matcher.find(&doc).len() + find_money(&doc).len() + find_dates(&doc, a.date).len()
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function(BenchmarkId::new("extract", name), |b| {
            b.iter(|| articles.iter().map(|a| extractor.extract(black_box(a)).events.len()).sum::<usize>())
        });
        g.finish();
    }
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(20);
    // The process-wide data is built once per process: time the first build in fresh processes.
    g.bench_function("default_extractor", |b| {
        b.iter_custom(|iters| {
            let exe = std::env::current_exe().expect("bench binary path");
            (0..iters)
                .map(|_| {
                    let out = std::process::Command::new(&exe)
                        .env(COLD_BUILD_ENV, "1")
                        .output()
                        .expect("bench binary runs");
                    let nanos: u64 =
                        String::from_utf8_lossy(&out.stdout).trim().parse().expect("child prints nanos");
                    Duration::from_nanos(nanos)
                })
                .sum()
        })
    });
    let gazetteer = cronaca::gazetteer::Gazetteer::embedded();
    g.bench_function("matcher", |b| {
        b.iter(|| Matcher::new(gazetteer.clone()).expect("builds").pattern_count())
    });
    g.finish();
}

fn settings() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! { name = benches; config = settings(); targets = pipeline, build }

fn main() {
    if std::env::var_os(COLD_BUILD_ENV).is_some() {
        let t = Instant::now();
        let extractor = Extractor::new();
        let elapsed = t.elapsed();
        black_box(extractor);
        println!("{}", elapsed.as_nanos());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
