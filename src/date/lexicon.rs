//! The word lists of the date recognizer, loaded from `data/dates/*.tsv`.

use super::value::{DateModifier, PeriodPart, Unit};
use crate::error::Error;
use crate::hash::{WordMap, WordSet};
use crate::lexicon::{Record, records_named};
use crate::token::normalize;
use std::sync::LazyLock;

/// What a cardinal or ordinal number word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberKind {
    Cardinal,
    Ordinal,
    /// A vague quantity (`pochi`, `alcune`, `qualche`).
    Some,
}

/// A fixed phrase's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseValue {
    /// Days from the article date.
    Day(i32),
    Past,
    Present,
    Future,
}

/// What a governing word does to the expression after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Governor {
    /// A bare article: dropped before numeric dates, kept in descriptive expressions.
    Article,
    /// A preposition, with the modifier it gives (`None` for `del`, `al`, `tra`).
    Preposition(Option<DateModifier>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// A tense cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TenseCue {
    Tense(Tense),
    /// An auxiliary verb: a past participle soon after it makes the past.
    Aux,
    /// A past-participle ending (`-ato`, `-unto`): the past when an auxiliary comes just before.
    Participle,
    /// Explicitly no cue (overrides a suffix rule: `però`).
    None,
}

/// A deictic word: `scorso` (-1), `prossimo` (+1), `questo` (0); anaphoric ones (`precedente`)
/// count from the last period of the same unit mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Deictic {
    pub offset: i8,
    pub anaphoric: bool,
}

/// A multi-token phrase: normalized tokens and a value.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<T> {
    pub tokens: Vec<String>,
    pub value: T,
    pub strict: bool,
}

/// The date recognizer's word lists: month and weekday names, number words, units, deictic
/// words, decades, period parts, fixed phrases, prepositions, tense cues and count words.
///
/// [`DateLexicon::embedded`] holds the defaults from `data/dates/*.tsv`; [`DateLexicon::from_dir`]
/// reads a directory of files in the same format (each file it lacks comes from the defaults),
/// for use with [`find_dates_with`](super::find_dates_with).
///
/// # Examples
///
/// ```
/// use cronaca::date::{find_dates_with, DateLexicon};
/// use cronaca::token::Document;
///
/// let months = "gennaio\t1\nfebbraio\t2\nmarzo\t3\n";
/// let lex = DateLexicon::from_sources(&[("months.tsv", months)])?;
/// let doc = Document::new("Il 3 marzo 2025 e il 3 aprile 2025.");
/// let dates = find_dates_with(&doc, None, &lex);
/// assert_eq!(dates.len(), 2); // `aprile` is not a month here: only the bare year is found
/// assert_eq!(dates[1].text, "2025");
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct DateLexicon {
    pub(crate) months: WordMap<(i8, bool)>,
    pub(crate) weekdays: WordMap<i8>,
    pub(crate) numbers: WordMap<(NumberKind, u32)>,
    pub(crate) units: WordMap<(Unit, bool)>,
    pub(crate) deictics: WordMap<Deictic>,
    pub(crate) decades: WordMap<i16>,
    pub(crate) parts: WordMap<PeriodPart>,
    pub(crate) phrases: Vec<Phrase<PhraseValue>>,
    /// First word → indices into `phrases` (longest first, as there).
    pub(crate) phrases_by_first: WordMap<Vec<usize>>,
    pub(crate) governors: Vec<Phrase<Governor>>,
    /// Last word → indices into `governors` (longest first, as there).
    pub(crate) governors_by_last: WordMap<Vec<usize>>,
    pub(crate) tense_words: WordMap<TenseCue>,
    pub(crate) tense_suffixes: Vec<(String, TenseCue)>,
    pub(crate) count_after: WordSet,
    pub(crate) count_before: WordSet,
    /// Bare articles (`il`, `l'`), from `prepositions.tsv`.
    pub(crate) articles: WordSet,
    /// One-token prepositions and articles, from `prepositions.tsv`.
    pub(crate) single_governors: WordSet,
    /// Every word that can start an expression: a cheap filter before trying the patterns.
    pub(crate) starters: WordSet,
    /// Everything known about each word, so that a token costs one lookup.
    pub(crate) words: WordMap<WordInfo>,
}

/// What the lexicon knows about one normalized word (from all the files together).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordInfo {
    pub(crate) month: Option<(i8, bool)>,
    pub(crate) weekday: Option<i8>,
    pub(crate) number: Option<(NumberKind, u32)>,
    pub(crate) unit: Option<(Unit, bool)>,
    pub(crate) deictic: Option<Deictic>,
    pub(crate) decade: Option<i16>,
    pub(crate) part: Option<PeriodPart>,
    pub(crate) tense: Option<TenseCue>,
    /// A bare article (`il`, `l'`).
    pub(crate) article: bool,
    /// A one-token preposition or article.
    pub(crate) governor: bool,
    /// After a number, makes it a count (`dipendenti`).
    pub(crate) count_after: bool,
    /// Before a number, makes it an amount (`circa`).
    pub(crate) count_before: bool,
    /// The first token of a fixed phrase.
    pub(crate) phrase_start: bool,
    /// May start an expression.
    pub(crate) starter: bool,
}

impl WordInfo {
    /// True when the word means part of a date by itself: a month, weekday, number, unit,
    /// deictic (`scorso`), period part (`fine`) or decade.
    pub(crate) fn has_date_meaning(&self) -> bool {
        self.month.is_some()
            || self.weekday.is_some()
            || self.number.is_some()
            || self.unit.is_some()
            || self.deictic.is_some()
            || self.part.is_some()
            || self.decade.is_some()
    }
}

/// The embedded data files, by name.
pub(crate) const EMBEDDED: [(&str, &str); 11] = [
    ("data/dates/months.tsv", include_str!("../../data/dates/months.tsv")),
    ("data/dates/weekdays.tsv", include_str!("../../data/dates/weekdays.tsv")),
    ("data/dates/numbers.tsv", include_str!("../../data/dates/numbers.tsv")),
    ("data/dates/units.tsv", include_str!("../../data/dates/units.tsv")),
    ("data/dates/deictics.tsv", include_str!("../../data/dates/deictics.tsv")),
    ("data/dates/decades.tsv", include_str!("../../data/dates/decades.tsv")),
    ("data/dates/parts.tsv", include_str!("../../data/dates/parts.tsv")),
    ("data/dates/phrases.tsv", include_str!("../../data/dates/phrases.tsv")),
    ("data/dates/prepositions.tsv", include_str!("../../data/dates/prepositions.tsv")),
    ("data/dates/tense.tsv", include_str!("../../data/dates/tense.tsv")),
    ("data/dates/counts.tsv", include_str!("../../data/dates/counts.tsv")),
];

/// The embedded lexicon, parsed once. Embedded data is trusted and checked by a unit test.
pub(crate) static LEXICON: LazyLock<DateLexicon> = LazyLock::new(|| {
    DateLexicon::parse(&EMBEDDED).unwrap_or_else(|e| panic!("embedded date data is invalid: {e}"))
});

fn int<T: std::str::FromStr>(rec: &Record<'_>, i: usize, what: &str) -> Result<T, Error> {
    rec.require(i, what)?.parse().map_err(|_| rec.error_at(i, format!("{what} is not a number")))
}

fn unit(rec: &Record<'_>, i: usize) -> Result<Unit, Error> {
    Ok(match rec.require(i, "unit")? {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "half" => Unit::Half,
        "year" => Unit::Year,
        _ => return Err(rec.error_at(i, "unit must be day, week, month, quarter, half or year")),
    })
}

/// The optional flag in field `i`: absent or empty is false, `flag` is true, anything else an error.
fn flag(rec: &Record<'_>, i: usize, flag: &str) -> Result<bool, Error> {
    match rec.get(i) {
        None | Some("") => Ok(false),
        Some(f) if f == flag => Ok(true),
        Some(_) => Err(rec.error_at(i, format!("expected `{flag}` or nothing"))),
    }
}

impl DateLexicon {
    /// The embedded default lexicon, parsed once.
    pub fn embedded() -> &'static DateLexicon {
        &LEXICON
    }

    /// Builds a lexicon from `(file name, text)` pairs; the base name says what a file holds
    /// (`months.tsv`, `weekdays.tsv`, `numbers.tsv`, `units.tsv`, `deictics.tsv`, `decades.tsv`,
    /// `parts.tsv`, `phrases.tsv`, `prepositions.tsv`, `tense.tsv`, `counts.tsv`). Only the files
    /// given are used.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] naming the file, line and column of a malformed line or an unknown file name.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<DateLexicon, Error> {
        Self::parse(files)
    }

    /// Reads the lexicon files found in `dir`; each file missing there is taken from the
    /// embedded defaults.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a present file cannot be read, [`Error::Data`] for a malformed line.
    pub fn from_dir(dir: &std::path::Path) -> Result<DateLexicon, Error> {
        let mut texts: Vec<(String, String)> = Vec::with_capacity(EMBEDDED.len());
        for (name, text) in EMBEDDED {
            let base = name.rsplit('/').next().unwrap_or(name);
            let path = dir.join(base);
            if path.is_file() {
                texts.push((path.display().to_string(), crate::lexicon::read_file(&path)?));
            } else {
                texts.push((name.to_string(), text.to_string()));
            }
        }
        let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        Self::parse(&files)
    }

    /// Parses the files; each file is read by its base name.
    pub(crate) fn parse(files: &[(&str, &str)]) -> Result<DateLexicon, Error> {
        let mut lex = DateLexicon::default();
        for &(name, text) in files {
            let base = name.rsplit('/').next().unwrap_or(name);
            for rec in records_named(name, text) {
                lex.add(base, &rec)?;
            }
        }
        // Longest phrases first, so the first match is the longest.
        lex.phrases.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        lex.governors.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        lex.governors_by_last = WordMap::positions(lex.governors.iter().map(|g| g.tokens.last()));
        lex.phrases_by_first = WordMap::positions(lex.phrases.iter().map(|p| p.tokens.first()));
        for g in &lex.governors {
            if let [word] = g.tokens.as_slice() {
                lex.single_governors.insert(word.clone());
                if g.value == Governor::Article {
                    lex.articles.insert(word.clone());
                }
            }
        }
        let starters: Vec<String> = (lex.months.keys())
            .chain(lex.weekdays.keys())
            .chain(lex.numbers.keys())
            .chain(lex.units.keys())
            .chain(lex.deictics.keys())
            .chain(lex.parts.keys())
            .chain(lex.articles.iter())
            .chain(lex.phrases.iter().filter_map(|p| p.tokens.first()))
            .cloned()
            .collect();
        lex.starters.extend(starters);
        lex.build_words();
        Ok(lex)
    }

    fn build_words(&mut self) {
        type Words = WordMap<WordInfo>;
        fn at<'w>(words: &'w mut Words, w: &str) -> &'w mut WordInfo {
            words.get_or_default(w)
        }
        let mut words = Words::default();
        for (w, &v) in &self.months {
            at(&mut words, w).month = Some(v);
        }
        for (w, &v) in &self.weekdays {
            at(&mut words, w).weekday = Some(v);
        }
        for (w, &v) in &self.numbers {
            at(&mut words, w).number = Some(v);
        }
        for (w, &v) in &self.units {
            at(&mut words, w).unit = Some(v);
        }
        for (w, &v) in &self.deictics {
            at(&mut words, w).deictic = Some(v);
        }
        for (w, &v) in &self.decades {
            at(&mut words, w).decade = Some(v);
        }
        for (w, &v) in &self.parts {
            at(&mut words, w).part = Some(v);
        }
        for (w, &v) in &self.tense_words {
            at(&mut words, w).tense = Some(v);
        }
        for w in self.articles.iter() {
            at(&mut words, w).article = true;
        }
        for w in self.single_governors.iter() {
            at(&mut words, w).governor = true;
        }
        for w in self.count_after.iter() {
            at(&mut words, w).count_after = true;
        }
        for w in self.count_before.iter() {
            at(&mut words, w).count_before = true;
        }
        for p in &self.phrases {
            if let Some(w) = p.tokens.first() {
                at(&mut words, w).phrase_start = true;
            }
        }
        for w in self.starters.iter() {
            at(&mut words, w).starter = true;
        }
        self.words = words;
    }

    fn add(&mut self, file: &str, rec: &Record<'_>) -> Result<(), Error> {
        let key = normalize(rec.require(0, "word")?);
        match file {
            "months.tsv" => {
                let m: i8 = int(rec, 1, "month")?;
                if !(1..=12).contains(&m) {
                    return Err(rec.error_at(1, "month must be 1-12"));
                }
                self.months.insert(key, (m, flag(rec, 2, "abbr")?));
            }
            "weekdays.tsv" => {
                let d: i8 = int(rec, 1, "weekday")?;
                if !(1..=7).contains(&d) {
                    return Err(rec.error_at(1, "weekday must be 1 (Monday) to 7 (Sunday)"));
                }
                self.weekdays.insert(key, d);
            }
            "numbers.tsv" => {
                let kind = match rec.require(1, "kind")? {
                    "cardinal" => NumberKind::Cardinal,
                    "ordinal" => NumberKind::Ordinal,
                    "some" => NumberKind::Some,
                    _ => return Err(rec.error_at(1, "kind must be cardinal, ordinal or some")),
                };
                self.numbers.insert(key, (kind, int(rec, 2, "value")?));
            }
            "units.tsv" => {
                let plural = match rec.require(2, "number")? {
                    "singular" => false,
                    "plural" => true,
                    _ => return Err(rec.error_at(2, "expected singular or plural")),
                };
                self.units.insert(key, (unit(rec, 1)?, plural));
            }
            "deictics.tsv" => {
                let offset: i8 = int(rec, 1, "offset")?;
                self.deictics.insert(key, Deictic { offset, anaphoric: flag(rec, 2, "anaphoric")? });
            }
            "decades.tsv" => {
                let d: i16 = int(rec, 1, "decade digit")?;
                if !(0..=9).contains(&d) {
                    return Err(rec.error_at(1, "decade digit must be 0-9"));
                }
                self.decades.insert(key, d);
            }
            "parts.tsv" => {
                let part = match rec.require(1, "part")? {
                    "start" => PeriodPart::Start,
                    "mid" => PeriodPart::Mid,
                    "end" => PeriodPart::End,
                    _ => return Err(rec.error_at(1, "part must be start, mid or end")),
                };
                self.parts.insert(key, part);
            }
            "phrases.tsv" => {
                let raw = rec.require(1, "value")?;
                let value = match raw {
                    "past" => PhraseValue::Past,
                    "present" => PhraseValue::Present,
                    "future" => PhraseValue::Future,
                    _ => match raw.strip_prefix("day:").and_then(|n| n.parse().ok()) {
                        Some(n) => PhraseValue::Day(n),
                        None => {
                            return Err(rec.error_at(1, "value must be day:OFFSET, past, present or future"));
                        }
                    },
                };
                let strict = flag(rec, 2, "strict")?;
                self.phrases.push(Phrase { tokens: crate::token::normalized_tokens(&key), value, strict });
            }
            "prepositions.tsv" => {
                let value = match rec.require(1, "modifier")? {
                    "article" => Governor::Article,
                    "none" => Governor::Preposition(None),
                    "since" => Governor::Preposition(Some(DateModifier::Since)),
                    "until" => Governor::Preposition(Some(DateModifier::Until)),
                    "by" => Governor::Preposition(Some(DateModifier::By)),
                    "from" => Governor::Preposition(Some(DateModifier::From)),
                    "in" => Governor::Preposition(Some(DateModifier::In)),
                    "before" => Governor::Preposition(Some(DateModifier::Before)),
                    "after" => Governor::Preposition(Some(DateModifier::After)),
                    _ => {
                        return Err(rec.error_at(
                            1,
                            "expected article, none, since, until, by, from, in, before or after",
                        ));
                    }
                };
                self.governors.push(Phrase {
                    tokens: crate::token::normalized_tokens(&key),
                    value,
                    strict: false,
                });
            }
            "tense.tsv" => {
                let cue = match rec.require(1, "cue")? {
                    "past" => TenseCue::Tense(Tense::Past),
                    "future" => TenseCue::Tense(Tense::Future),
                    "aux" => TenseCue::Aux,
                    "participle" => TenseCue::Participle,
                    "none" => TenseCue::None,
                    _ => return Err(rec.error_at(1, "cue must be past, future, aux, participle or none")),
                };
                match key.strip_prefix('-') {
                    Some(suffix) if !suffix.is_empty() => self.tense_suffixes.push((suffix.to_string(), cue)),
                    Some(_) => return Err(rec.error_at(0, "empty suffix")),
                    None => {
                        self.tense_words.insert(key, cue);
                    }
                }
            }
            "counts.tsv" => match rec.require(1, "position")? {
                "after" => {
                    self.count_after.insert(key);
                }
                "before" => {
                    self.count_before.insert(key);
                }
                _ => return Err(rec.error_at(1, "position must be after or before")),
            },
            _ => return Err(rec.error_at(0, format!("unknown date data file {file}"))),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let lex = &*LEXICON;
        assert_eq!(lex.months.get("dicembre"), Some(&(12, false)));
        assert_eq!(lex.months.get("dic"), Some(&(12, true)));
        assert_eq!(lex.weekdays.get("lunedì"), Some(&1));
        assert!(lex.phrases.iter().any(|p| p.tokens == ["l'", "altro", "ieri"]));
        assert!(lex.governors.iter().any(|p| p.tokens == ["fino", "all'"]));
        assert!(lex.governors.windows(2).all(|w| w[0].tokens.len() >= w[1].tokens.len()));
    }

    #[test]
    fn a_directory_overrides_some_files_and_keeps_the_defaults_for_the_rest() {
        let dir = std::env::temp_dir().join(format!("cronaca-dates-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("weekdays.tsv"), "# only one\nlun\t1\n").unwrap();
        let lex = DateLexicon::from_dir(&dir).unwrap();
        assert_eq!(lex.weekdays.get("lun"), Some(&1));
        assert!(!lex.weekdays.contains_key("lunedì"), "help: the user file replaces the default");
        assert_eq!(lex.months.get("marzo"), Some(&(3, false)), "help: missing files fall back");
        std::fs::write(dir.join("units.tsv"), "anno\tyear\n").unwrap();
        let e = DateLexicon::from_dir(&dir).unwrap_err().to_string();
        assert!(e.contains("units.tsv:1:10: missing number"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bad_lines_are_reported_with_file_line_and_column() {
        let cases = [
            ("data/dates/months.tsv", "gennaio\t13\n", "months.tsv:1:9"),
            ("data/dates/units.tsv", "anno\tera\tsingular\n", "units.tsv:1:6"),
            ("data/dates/phrases.tsv", "# c\nieri\tday:x\n", "phrases.tsv:2:6"),
            ("data/dates/prepositions.tsv", "dal\tfrom-ish\n", "prepositions.tsv:1:5"),
            ("data/dates/weekdays.tsv", "lunedì\n", "weekdays.tsv:1:7"),
            ("data/dates/other.tsv", "x\n", "other.tsv:1:1"),
        ];
        for (name, text, want) in cases {
            let e = DateLexicon::parse(&[(name, text)]).unwrap_err().to_string();
            assert!(e.contains(want), "help: expected {want} in {e}");
        }
    }
}
