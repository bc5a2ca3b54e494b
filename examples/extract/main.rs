//! Runs cronaca on articles.
//!
//! ```text
//! extract [OPTIONS] FILE          one article (plain text; an optional first word `date YYYY-MM-DD`)
//! extract [OPTIONS] --jsonl [FILE] batch: one {"id","date","text"} object per line (stdin if no FILE)
//! ```
//! Options: `--date YYYY-MM-DD` (overrides the article's date), `--format json|text`,
//! `--gazetteer FILE` (repeatable), `--no-default-gazetteer`, `--threads N` (batch workers; default:
//! all cores; 1: no pool).
//! The batch streams: memory stays bounded whatever the input size, output is in input order, and
//! each line is handled by [`jsonl`], a module a fuzz target includes by path.
//! Exit codes: 0 ok, 1 some batch lines failed, 2 usage or I/O error.

mod jsonl;

use cronaca::{Article, Extraction, Extractor};
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

const USAGE: &str = "usage: extract [--date YYYY-MM-DD] [--format json|text] [--gazetteer FILE]... [--no-default-gazetteer] FILE
       extract --jsonl [--threads N] [FILE]   (reads stdin when FILE is absent or '-')";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Text,
}

#[derive(Debug)]
struct Options {
    input: Option<PathBuf>,
    jsonl: bool,
    date: Option<jiff::civil::Date>,
    format: Format,
    gazetteers: Vec<PathBuf>,
    no_default_gazetteer: bool,
    /// Batch workers, at least 1.
    threads: usize,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        input: None,
        jsonl: false,
        date: None,
        format: Format::Json,
        gazetteers: Vec::new(),
        no_default_gazetteer: false,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--jsonl" => o.jsonl = true,
            "--date" => o.date = Some(cronaca::parse_date(&value("--date")?).map_err(|e| e.to_string())?),
            "--format" => {
                o.format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => return Err(format!("unknown format {other:?} (json, text)")),
                }
            }
            "--gazetteer" => o.gazetteers.push(PathBuf::from(value("--gazetteer")?)),
            "--no-default-gazetteer" => o.no_default_gazetteer = true,
            "--threads" => {
                let v = value("--threads")?;
                o.threads = match v.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => return Err(format!("--threads needs a whole number of at least 1, not {v:?}")),
                }
            }
            "-" => o.input = None,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => {
                if o.input.is_some() {
                    return Err("only one input file".into());
                }
                o.input = Some(PathBuf::from(s));
            }
        }
    }
    if !o.jsonl && o.input.is_none() {
        return Err("missing FILE".into());
    }
    Ok(o)
}

fn build_extractor(o: &Options) -> Result<Extractor, cronaca::Error> {
    let mut b = Extractor::builder();
    if o.no_default_gazetteer {
        b = b.no_default_gazetteer();
    }
    for g in &o.gazetteers {
        b = b.gazetteer_file(g);
    }
    b.build()
}

fn main() -> ExitCode {
    let o = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(msg) => {
            if msg.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("extract: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let extractor = match build_extractor(&o) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    let result = if o.jsonl { run_jsonl(&o, &extractor) } else { run_single(&o, &extractor) };
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_single(o: &Options, extractor: &Extractor) -> Result<usize, String> {
    let path = o.input.as_ref().ok_or("missing FILE")?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut article = Article::from_dated_text(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(d) = o.date {
        article.date = Some(d);
    }
    let extraction = extractor.extract(&article);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match o.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &extraction).map_err(|e| e.to_string())?;
            writeln!(out).map_err(|e| e.to_string())?;
        }
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            write_text(&mut out, &article, &extraction, color).map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(0)
}

/// Lines and bytes read before a chunk of lines is handed to the workers (whichever comes first;
/// a longer line is read whole). With a chunk being read, one queued, one in the workers and their
/// outputs likewise, memory stays a few chunks whatever the input size.
const CHUNK_LINES: usize = 2048;
const CHUNK_BYTES: usize = 4 << 20;

fn run_jsonl(o: &Options, extractor: &Extractor) -> Result<usize, String> {
    let input: Box<dyn BufRead + Send> = match &o.input {
        Some(p) => Box::new(BufReader::with_capacity(
            1 << 16,
            File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        )),
        None => Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
    };
    let date = o.date;
    let process = |line_no: usize, bytes: &[u8]| {
        jsonl::process(extractor, line_no, bytes, |article| {
            if date.is_some() {
                article.date = date;
            }
        })
    };
    if o.threads == 1 { run_sequential(input, process) } else { run_parallel(input, o.threads, process) }
}

/// One line at a time on this thread: no pool.
fn run_sequential(
    mut input: impl BufRead,
    process: impl Fn(usize, &[u8]) -> jsonl::Line,
) -> Result<usize, String> {
    let stdout = std::io::stdout();
    let mut out = Output::new(stdout.lock());
    let mut buf = Vec::new();
    for line_no in 1.. {
        buf.clear();
        if read_line(&mut input, &mut buf, line_no)? == 0 {
            break;
        }
        out.write(line_no, &process(line_no, strip_newline(&buf)))?;
    }
    out.finish()
}

/// A pipeline: a reader thread cuts the input into chunks, the pool extracts each chunk's lines
/// in parallel (`collect` keeps their order), a writer thread prints the chunks in turn. The
/// bounded channels stop the reader when the workers or the output fall behind.
fn run_parallel(
    mut input: impl BufRead + Send,
    threads: usize,
    process: impl Fn(usize, &[u8]) -> jsonl::Line + Sync,
) -> Result<usize, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("extract-{i}"))
        // Like the main thread's usual stack, on which `--threads 1` runs: what passes there passes here.
        .stack_size(8 << 20)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    std::thread::scope(|s| {
        let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Chunk>(1);
        let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<jsonl::Line>)>(1);
        let reader = s.spawn(move || -> Result<(), String> {
            let mut next_line = 1;
            while let Some(chunk) = Chunk::read(&mut input, &mut next_line)? {
                if chunk_tx.send(chunk).is_err() {
                    break; // the writer failed; it reports why
                }
            }
            Ok(())
        });
        let writer = s.spawn(move || -> Result<usize, String> {
            let stdout = std::io::stdout();
            let mut out = Output::new(stdout.lock());
            for (first_line, lines) in done_rx {
                for (i, line) in lines.iter().enumerate() {
                    out.write(first_line + i, line)?;
                }
            }
            out.finish()
        });
        for chunk in chunk_rx {
            let lines: Vec<jsonl::Line> = pool.install(|| {
                chunk
                    .lines
                    .par_iter()
                    .enumerate()
                    .map(|(i, r)| process(chunk.first_line + i, &chunk.data[r.clone()]))
                    .collect()
            });
            if done_tx.send((chunk.first_line, lines)).is_err() {
                break;
            }
        }
        drop(done_tx);
        let written = writer.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        let read = reader.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        let failed = written?;
        read?;
        Ok(failed)
    })
}

/// Consecutive input lines: their bytes back to back, and each line's range without its `\n`.
struct Chunk {
    first_line: usize,
    data: Vec<u8>,
    lines: Vec<Range<usize>>,
}

impl Chunk {
    /// Reads up to [`CHUNK_LINES`] lines or about [`CHUNK_BYTES`]; `None` at the end of the input.
    fn read(input: &mut impl BufRead, next_line: &mut usize) -> Result<Option<Chunk>, String> {
        let mut chunk = Chunk { first_line: *next_line, data: Vec::new(), lines: Vec::new() };
        while chunk.lines.len() < CHUNK_LINES && chunk.data.len() < CHUNK_BYTES {
            let start = chunk.data.len();
            if read_line(input, &mut chunk.data, *next_line)? == 0 {
                break;
            }
            let end = start + strip_newline(&chunk.data[start..]).len();
            chunk.lines.push(start..end);
            *next_line += 1;
        }
        Ok((!chunk.lines.is_empty()).then_some(chunk))
    }
}

/// Appends one line (with its `\n`, if any) to `buf`; 0 at the end of the input.
fn read_line(input: &mut impl BufRead, buf: &mut Vec<u8>, line_no: usize) -> Result<usize, String> {
    input.read_until(b'\n', buf).map_err(|e| format!("read error at line {line_no}: {e}"))
}

fn strip_newline(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\n").unwrap_or(line)
}

/// Writes the output lines, reports failed lines on stderr and counts them.
struct Output<W: Write> {
    out: BufWriter<W>,
    failed: usize,
}

impl<W: Write> Output<W> {
    fn new(w: W) -> Self {
        Output { out: BufWriter::with_capacity(1 << 16, w), failed: 0 }
    }

    fn write(&mut self, line_no: usize, line: &jsonl::Line) -> Result<(), String> {
        if let Some(error) = &line.error {
            self.failed += 1;
            eprintln!("extract: line {line_no}: {error}");
        }
        if !line.json.is_empty() {
            self.out.write_all(line.json.as_bytes()).map_err(|e| e.to_string())?;
            self.out.write_all(b"\n").map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<usize, String> {
        self.out.flush().map_err(|e| e.to_string())?;
        Ok(self.failed)
    }
}

/// The human view: the article with spans highlighted (entities cyan, money green, dates yellow,
/// event triggers magenta; `[...]` without a terminal), then one line per event.
fn write_text(out: &mut impl Write, article: &Article, x: &Extraction, color: bool) -> std::io::Result<()> {
    let mut marks: Vec<(usize, usize, &str)> = Vec::new();
    marks.extend(x.entities.iter().map(|e| (e.span.start, e.span.end, "1;36")));
    marks.extend(x.money.iter().map(|m| (m.span.start, m.span.end, "1;32")));
    marks.extend(x.dates.iter().map(|d| (d.span.start, d.span.end, "1;33")));
    marks.extend(x.events.iter().map(|e| (e.trigger.start, e.trigger.end, "1;35")));
    marks.sort();
    let text = &article.text;
    let mut pos = 0;
    for (s, e, code) in marks {
        if s < pos || text.get(s..e).is_none() {
            continue;
        }
        write!(out, "{}", &text[pos..s])?;
        if color {
            write!(out, "\x1b[{code}m{}\x1b[0m", &text[s..e])?;
        } else {
            write!(out, "[{}]", &text[s..e])?;
        }
        pos = e;
    }
    writeln!(out, "{}\n", &text[pos..])?;
    for e in &x.events {
        writeln!(out, "{}", cronaca::event::summary(e))?;
    }
    Ok(())
}
