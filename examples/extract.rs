//! Runs cronaca on articles.
//!
//! ```text
//! extract [OPTIONS] FILE          one article (plain text; an optional first word `date YYYY-MM-DD`)
//! extract [OPTIONS] --jsonl [FILE] batch: one {"id","date","text"} object per line (stdin if no FILE)
//! ```
//! Options: `--date YYYY-MM-DD` (overrides the article's date), `--format json|text`,
//! `--gazetteer FILE` (repeatable), `--no-default-gazetteer`.
//! Exit codes: 0 ok, 1 some batch lines failed, 2 usage or I/O error.

use cronaca::{Article, Extraction, Extractor};
use serde::Serialize;
use std::io::{BufRead, BufWriter, IsTerminal, Write};
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

#[derive(Serialize)]
struct BatchOut<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

#[derive(Serialize)]
struct BatchError<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    error: String,
}

/// Parses one batch line into its id and article.
fn parse_line(
    line: &str,
    default_date: Option<jiff::civil::Date>,
) -> Result<(serde_json::Value, Article), (Option<serde_json::Value>, String)> {
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| (None, format!("invalid JSON: {e}")))?;
    let obj = v.as_object().ok_or((None, "expected a JSON object".to_string()))?;
    let id = obj.get("id").cloned();
    let fail = |msg: String| (id.clone(), msg);
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(fail("\"text\" must be a string".into())),
        None => return Err(fail("missing \"text\"".into())),
    };
    let date = match obj.get("date") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(cronaca::parse_date(s).map_err(|e| fail(e.to_string()))?),
        Some(_) => return Err(fail("\"date\" must be a YYYY-MM-DD string or null".into())),
    };
    let mut article = Article::new(text);
    article.date = default_date.or(date);
    Ok((id.unwrap_or(serde_json::Value::Null), article))
}

fn run_jsonl(o: &Options, extractor: &Extractor) -> Result<usize, String> {
    let reader: Box<dyn BufRead> = match &o.input {
        Some(p) => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (n, raw) in reader.split(b'\n').enumerate() {
        let line_no = n + 1;
        let raw = raw.map_err(|e| format!("read error at line {line_no}: {e}"))?;
        let result = match std::str::from_utf8(&raw) {
            Ok(s) if s.trim().is_empty() => continue,
            Ok(s) => parse_line(s.trim_end_matches('\r'), o.date),
            Err(e) => Err((None, format!("invalid UTF-8: {e}"))),
        };
        let written = match result {
            Ok((id, article)) => {
                let extraction = extractor.extract(&article);
                serde_json::to_writer(&mut out, &BatchOut { id: &id, extraction: &extraction })
            }
            Err((id, error)) => {
                failed += 1;
                eprintln!("extract: line {line_no}: {error}");
                let line = id.is_none().then_some(line_no);
                serde_json::to_writer(&mut out, &BatchError { id: id.as_ref(), line, error })
            }
        };
        written.map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(failed)
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
