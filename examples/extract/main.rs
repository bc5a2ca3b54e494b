//! Runs cronaca on articles.
//!
//! ```text
//! extract [OPTIONS] FILE          one article (plain text; an optional first word `date YYYY-MM-DD`)
//! extract [OPTIONS] --jsonl [FILE] batch: one {"id","date","text"} object per line (stdin if no FILE)
//! ```
//! Options: `--date YYYY-MM-DD` (overrides the article's date), `--format json|text`,
//! `--gazetteer FILE` (repeatable), `--no-default-gazetteer`.
//! The batch streams line by line; each line is handled by [`jsonl`], a module a fuzz target
//! includes by path.
//! Exit codes: 0 ok, 1 some batch lines failed, 2 usage or I/O error.

mod jsonl;

use cronaca::{Article, Extraction, Extractor};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: extract [--date YYYY-MM-DD] [--format json|text] [--gazetteer FILE]... [--no-default-gazetteer] FILE
       extract --jsonl [FILE]        (reads stdin when FILE is absent or '-')";

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
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        input: None,
        jsonl: false,
        date: None,
        format: Format::Json,
        gazetteers: Vec::new(),
        no_default_gazetteer: false,
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

fn run_jsonl(o: &Options, extractor: &Extractor) -> Result<usize, String> {
    let input: Box<dyn BufRead> = match &o.input {
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
    run_sequential(input, process)
}

/// One line at a time.
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
