//! Gazetteer matching throughput at 1k, 10k and 100k entries, beside raw aho-corasick.
//!
//! For each size the same names are searched in the same text twice: `gazetteer/*` runs our path
//! (token-boundary and case checks, mention building) over a pre-built `Document`, and
//! `ac_raw/find_iter` counts the raw leftmost-longest hits of one automaton over every name
//! (`Matcher::unsharded_automaton`) over the ASCII-lower-cased text the matcher searches. The
//! tokenizer is NOT included in `gazetteer/*`; `tokenize/` measures it separately.
//!
//! The 1k gazetteer is the embedded default; the larger ones add generated entries to it.
//! Text: the file named by `CRONACA_BENCH_TEXT` if set, else `fixtures/articles/*.txt` when
//! present, else the Italian prose below (entity-dense: about one mention per 50 bytes),
//! repeated to ~64 KiB.
//!
//! Run with short times on shared machines:
//! `cargo bench --bench gazetteer -- --warm-up-time 1 --measurement-time 2`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use cronaca::gazetteer::{Gazetteer, Matcher};
use cronaca::token::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Settings in one place.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const TEXT_BYTES: usize = 64 * 1024;

const PROSE: &str = "\
Nvidia ha chiuso il trimestre con ricavi record, trainati dalla domanda di GPU H200 e dai primi \
sistemi GB200 consegnati ai grandi fornitori di cloud. Il colosso di Santa Clara ha spiegato che \
Microsoft, Google e Amazon Web Services restano i clienti principali, mentre la cinese Huawei \
spinge i chip Ascend sul mercato interno. Amd, dal canto suo, ha presentato gli acceleratori \
MI355X e ha firmato un accordo pluriennale con OpenAI, la società guidata da Sam Altman.

A Piazza Affari la seduta è stata contrastata: Intesa Sanpaolo e UniCredit hanno chiuso in \
rialzo, Stellantis ha ceduto l'1,2% dopo i dati sulle immatricolazioni in Europa, mentre Eni ed \
Enel hanno guadagnato terreno insieme al petrolio. Leonardo ha annunciato una commessa per la \
difesa da 400 milioni di euro e Fincantieri ha consegnato una nave da crociera a un armatore \
statunitense. Tra le banche medie, il Monte dei Paschi ha confermato l'interesse per Mediobanca.

Secondo Reuters e il Financial Times, Apple starebbe trattando con Tsmc per riservare capacità \
produttiva a 2 nanometri per i processori della serie M. Intel, che ha ricevuto un prestito dal \
governo, punta sul processo 18A e sui chip Xeon per i centri dati; l'amministratore delegato ha \
detto agli analisti che la fonderia sarà in pareggio entro il 2027. Qualcomm ha mostrato i nuovi \
Snapdragon per i portatili, mentre Arm Holdings, controllata da SoftBank, rivede le licenze.

Nel frattempo Meta ha aumentato la stima degli investimenti per l'intelligenza artificiale, e \
il gigante dell'e-commerce ha ampliato la produzione dei chip Trainium2 nei propri centri dati. \
Le autorità europee osservano con attenzione la metà del mercato delle memorie nelle mani di \
Samsung Electronics e SK Hynix; Micron Technology ha annunciato un nuovo impianto in Idaho. \
ASML ha infine confermato le previsioni per l'anno, citando ordini solidi dalla Corea e da Taiwan.
";

const SYLLABLES: [&str; 24] = [
    "va", "ler", "to", "min", "ca", "zor", "pel", "ri", "dan", "tek", "su", "mar", "lo", "gen", "qui", "bra",
    "xo", "fen", "ta", "vik", "no", "ster", "ul", "ix",
];
const SUFFIXES: [&str; 8] =
    ["Group", "Holding", "Systems", "Capital", "Energia", "Tech", "Logistica", "Finanza"];

/// A deterministic pseudo-random generator (no extra crates).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn word(rng: &mut Lcg) -> String {
    let n = 2 + rng.next(2);
    let mut w: String = (0..n).map(|_| SYLLABLES[rng.next(SYLLABLES.len())]).collect();
    if let Some(f) = w.get(0..1) {
        w = f.to_ascii_uppercase() + &w[1..];
    }
    w
}

/// `extra` generated entity lines (companies with aliases, some chips).
fn generated_tsv(extra: usize) -> String {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(extra * 60);
    for i in 0..extra {
        let w1 = word(&mut rng);
        let w2 = word(&mut rng);
        if i % 10 == 0 {
            let code = format!("{}{}", &w1.to_ascii_uppercase()[..2.min(w1.len())], 100 + rng.next(900));
            out.push_str(&format!("gen-{i}\tchip\t{w1} {code}\t{code}|{w1}-{code}\tmaker=gen-{}\n", i + 1));
        } else {
            let suffix = SUFFIXES[rng.next(SUFFIXES.len())];
            let acronym: String = [&w1, &w2, suffix].iter().filter_map(|w| w.get(0..1)).collect();
            out.push_str(&format!("gen-{i}\tcompany\t{w1} {w2} {suffix}\t{w1} {w2}|={acronym}{i}\n"));
        }
    }
    // The last chip's maker must exist.
    out.push_str(&format!("gen-{extra}\tcompany\tUltima Generata\t\n"));
    out
}

fn text() -> String {
    let mut base = String::new();
    if let Some(path) = std::env::var_os("CRONACA_BENCH_TEXT") {
        base = std::fs::read_to_string(&path).unwrap_or_default();
    }
    if base.trim().is_empty()
        && let Ok(dir) = std::fs::read_dir("fixtures/articles")
    {
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            if let Ok(t) = std::fs::read_to_string(p) {
                base.push_str(&t);
                base.push_str("\n\n");
            }
        }
    }
    if base.trim().is_empty() {
        base = PROSE.to_string();
    }
    let mut out = String::with_capacity(TEXT_BYTES + base.len());
    while out.len() < TEXT_BYTES {
        out.push_str(&base);
        out.push_str("\n\n");
    }
    out
}

fn matcher_of_size(size: usize) -> Matcher {
    let t0 = Instant::now();
    let mut g = Gazetteer::embedded().clone();
    let extra = size.saturating_sub(g.len() + 1);
    if extra > 0 {
        g.extend_from_str("<generated>", &generated_tsv(extra)).expect("generated gazetteer is valid");
    }
    let loaded = t0.elapsed();
    let n = g.len();
    let t1 = Instant::now();
    let m = Matcher::new(g).expect("automaton builds");
    let built = t1.elapsed();
    let kind = m.automaton().map(|ac| format!("{:?}", ac.kind())).unwrap_or_default();
    eprintln!(
        "gazetteer {size:>6}: {n} entities, {} patterns, load {:.1} ms, automaton build {:.1} ms ({} x {kind}), memory_usage {:.2} MiB",
        m.pattern_count(),
        loaded.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3,
        m.shard_count(),
        m.memory_usage() as f64 / (1024.0 * 1024.0),
    );
    m
}

fn bench(c: &mut Criterion) {
    let text = text();
    let doc = Document::new(&text);
    let lowered = text.to_ascii_lowercase();

    let mut tok = c.benchmark_group("tokenize");
    tok.throughput(Throughput::Bytes(text.len() as u64));
    tok.bench_function("document", |b| b.iter(|| Document::new(black_box(&text)).tokens().len()));
    tok.finish();

    for size in SIZES {
        let m = matcher_of_size(size);
        let ac = m.unsharded_automaton().expect("automaton builds");
        let raw_hits = |t: &str| ac.find_iter(t).count();
        let ours = m.find(&doc).len();
        let raw = raw_hits(&lowered);
        assert!(ours > 0 && raw >= ours, "size {size}: {ours} mentions vs {raw} raw hits");
        eprintln!("gazetteer {size:>6}: {ours} mentions kept of {raw} raw hits over {} bytes", text.len());

        let label = format!("{}k", size / 1000);
        let mut g = c.benchmark_group("gazetteer");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("find", &label), &doc, |b, doc| {
            b.iter(|| m.find(black_box(doc)).len())
        });
        g.bench_with_input(BenchmarkId::new("matches", &label), &doc, |b, doc| {
            b.iter(|| m.matches(black_box(doc)).count())
        });
        g.finish();

        let mut r = c.benchmark_group("ac_raw");
        r.throughput(Throughput::Bytes(text.len() as u64));
        r.bench_with_input(BenchmarkId::new("find_iter", &label), lowered.as_str(), |b, t| {
            b.iter(|| raw_hits(black_box(t)))
        });
        r.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench
}
criterion_main!(benches);
