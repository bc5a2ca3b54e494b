//! The recognizer: token patterns for Italian temporal expressions, then resolution.
//!
//! Each pattern is a small function that looks at the tokens from index `i` and returns a
//! [`Core`]: the tokens of the expression (without its governing preposition) and what it means
//! before resolution ([`Expr`]). At each position the longest match wins. Then the governing
//! preposition before the core gives the modifier, and the expression is resolved against the
//! article date with `jiff` arithmetic.

use super::DateMention;
use super::lexicon::{DateLexicon, Deictic, Governor, NumberKind, PhraseValue, Tense, TenseCue, WordInfo};
use super::value::{DateModifier, DateValue, PeriodPart, Unit};
use crate::span::Span;
use crate::token::{Document, TokenFlags, TokenKind};
use jiff::civil::{Date, Weekday};
use std::cell::Cell;

/// The candidate that reaches furthest; the first of equals.
fn longest<const N: usize>(candidates: [Option<Core>; N]) -> Option<Core> {
    let mut best: Option<Core> = None;
    for c in candidates.into_iter().flatten() {
        if best.is_none_or(|b| c.end > b.end) {
            best = Some(c);
        }
    }
    best
}

/// The year an expression gives, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSpec {
    /// No year: chosen against the article date and the tense.
    Open,
    /// Written out (`2025`).
    Explicit(i16),
    /// Relative (`dell'anno scorso`).
    Relative(Deictic),
}

/// An expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expr {
    /// A complete calendar date (`17/12/2025`).
    Date(Date),
    /// Day and month; `dir` -1 means strictly before the article date (`lo scorso 3 marzo`),
    /// +1 strictly after, 0 chosen by tense.
    Day { month: i8, day: i8, year: YearSpec, dir: i8 },
    /// A month (`ottobre`, `lo scorso ottobre`, `novembre 2024`).
    Month { month: i8, year: YearSpec, dir: i8 },
    /// A year (`2019`).
    Year(i16),
    /// A quarter (`il terzo trimestre`, `Q3 2025`).
    Quarter { quarter: i8, year: YearSpec },
    /// A half year (`il primo semestre`, `la seconda metà del 2026`).
    Half { half: i8, year: YearSpec },
    /// A decade by its digit (`anni '90` → 9), century from the article date.
    DecadeDigit(i16),
    /// A decade by its first three digits (`anni 2000` → 200).
    Decade(i16),
    /// A weekday (1 = Monday) with a direction as for `Day`.
    Weekday { weekday: i8, dir: i8 },
    /// `n` units from the article date (or from the last period of that unit, if anaphoric).
    Relative { unit: Unit, deictic: Deictic },
    /// A fixed phrase (`ieri`, `di recente`).
    Phrase(PhraseValue),
}

#[derive(Debug, Clone, Copy)]
struct Core {
    /// First token.
    start: usize,
    /// One past the last token.
    end: usize,
    expr: Expr,
    part: Option<PeriodPart>,
    /// Numeric expressions (years, day and month) drop a bare article before them; descriptive
    /// ones (`il terzo trimestre`) include it in the core.
    numeric: bool,
}

struct Ctx<'d, 'a> {
    doc: &'d Document<'a>,
    lex: &'d DateLexicon,
    n: usize,
    /// The lexicon entry of each token, looked up once.
    words: Vec<Option<&'d WordInfo>>,
    /// The tense cue of each token, filled in on first use.
    cues: Vec<Cell<Option<Option<TenseCue>>>>,
}

const NO_DEICTIC: Deictic = Deictic { offset: 0, anaphoric: false };

impl<'d> Ctx<'d, '_> {
    fn new(doc: &'d Document<'_>, lex: &'d DateLexicon) -> Ctx<'d, 'd> {
        let n = doc.tokens().len();
        let words = (0..n).map(|i| lex.words.get(doc.norm(i))).collect();
        Ctx { doc, lex, n, words, cues: vec![Cell::new(None); n] }
    }
}

impl Ctx<'_, '_> {
    #[inline]
    fn norm(&self, i: usize) -> &str {
        self.doc.norm(i)
    }

    /// The lexicon entry of token `i`, if the word is known.
    #[inline]
    fn word(&self, i: usize) -> Option<&WordInfo> {
        self.words.get(i).copied().flatten()
    }

    #[inline]
    fn word_is(&self, i: usize, f: impl Fn(&WordInfo) -> bool) -> bool {
        self.word(i).is_some_and(f)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens().get(i).map(|t| t.kind)
    }

    fn has(&self, i: usize, flags: TokenFlags) -> bool {
        self.doc.tokens().get(i).is_some_and(|t| t.is(flags))
    }

    fn text(&self, i: usize) -> &str {
        self.doc.tokens().get(i).map(|t| self.doc.text_of(t)).unwrap_or("")
    }

    fn is_article(&self, i: usize) -> bool {
        self.word_is(i, |w| w.article)
    }

    fn sentence_start(&self, i: usize) -> bool {
        match self.doc.sentence_of(i) {
            Some(s) => self.doc.sentences()[s].tokens.start == i,
            None => i == 0,
        }
    }

    /// True when token `i` follows a capitalised word inside a sentence that is not a preposition
    /// (`Expo 2015`, `Audi Q4`): the token is probably part of a name.
    fn after_name(&self, i: usize) -> bool {
        i > 0
            && self.kind(i - 1) == Some(TokenKind::Word)
            && self.has(i - 1, TokenFlags::CAPITALIZED)
            && !self.sentence_start(i - 1)
            && !self.word_is(i - 1, |w| w.governor)
    }

    /// A four-digit year written with plain digits, 1900–2100.
    fn year_at(&self, i: usize) -> Option<i16> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let t = self.text(i);
        if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse::<i16>().ok().filter(|y| (1900..=2100).contains(y))
    }

    /// A number written with one to three plain digits.
    fn small_number(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let t = self.text(i);
        if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }

    /// A whole number written in words (`ventidue`, `centotrenta`), up to a thousand.
    fn number_word(&self, i: usize) -> Option<u32> {
        let d = crate::number::NumberLexicon::embedded().number_word(self.norm(i))?;
        if !d.fract().is_zero() {
            return None; // `mezzo`
        }
        u64::try_from(d).ok().and_then(|n| u32::try_from(n).ok()).filter(|&n| (1..=1000).contains(&n))
    }

    /// `1°`, `1º` (one or two tokens): the number and the index after it.
    fn degree_ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.small_number(i)
            && matches!(self.text(i + 1), "°" | "º")
            && !self.has(i + 1, TokenFlags::SPACE_BEFORE)
        {
            return Some((n, i + 2));
        }
        let t = self.text(i);
        let digits = t.trim_end_matches(['°', 'º']);
        if digits.len() < t.len()
            && !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            return digits.parse().ok().map(|n| (n, i + 1));
        }
        None
    }

    /// An ordinal (`terzo`, `1°`) and the index after it.
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        match self.word(i).and_then(|w| w.number) {
            Some((NumberKind::Ordinal, v)) => Some((v, i + 1)),
            _ => self.degree_ordinal(i),
        }
    }

    /// A day of the month (`17`, `1°`, `primo`) and the index after it.
    fn day(&self, i: usize) -> Option<(i8, usize)> {
        let (d, next) = match self.small_number(i) {
            Some(d) if self.text(i).len() <= 2 => self.degree_ordinal(i).unwrap_or((d, i + 1)),
            Some(_) => return None,
            None => match self.ordinal(i) {
                Some((1, next)) => (1, next),
                _ => return None,
            },
        };
        (1..=31).contains(&d).then_some((d as i8, next))
    }

    /// A month name, or an abbreviation (`dic.`, `dic` + `.`) when `abbr` is allowed.
    fn month(&self, i: usize, abbr: bool) -> Option<(i8, usize)> {
        let w = self.norm(i);
        let (key, dotted) = match w.strip_suffix('.') {
            Some(k) if self.kind(i) == Some(TokenKind::Abbreviation) => (k, true),
            _ => (w, false),
        };
        let (m, is_abbr) = if dotted { *self.lex.months.get(key)? } else { self.word(i)?.month? };
        if !is_abbr {
            return (!dotted).then_some((m, i + 1));
        }
        if !abbr {
            return None;
        }
        if !dotted && self.text(i + 1) == "." && !self.has(i + 1, TokenFlags::SPACE_BEFORE) {
            return Some((m, i + 2));
        }
        Some((m, i + 1))
    }

    fn deictic(&self, i: usize) -> Option<Deictic> {
        self.word(i).and_then(|w| w.deictic)
    }

    /// A calendar unit word and whether it is plural.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        self.word(i).and_then(|w| w.unit)
    }

    fn is_prep_of(&self, i: usize) -> bool {
        matches!(self.norm(i), "del" | "dell'" | "dello" | "della" | "di")
    }

    /// What may follow a month, quarter or half to give its year: `2025`, `del 2025`,
    /// `dell'anno`, `dello scorso anno`, `dell'anno prossimo`, `di quest'anno`.
    fn year_complement(&self, j: usize) -> Option<(YearSpec, usize)> {
        if let Some(y) = self.year_at(j) {
            return Some((YearSpec::Explicit(y), j + 1));
        }
        if !self.is_prep_of(j) {
            return None;
        }
        if let Some(y) = self.year_at(j + 1) {
            return Some((YearSpec::Explicit(y), j + 2));
        }
        if let Some((Unit::Year, false)) = self.unit(j + 1) {
            return match self.deictic(j + 2) {
                Some(d) => Some((YearSpec::Relative(d), j + 3)),
                None => Some((YearSpec::Relative(NO_DEICTIC), j + 2)),
            };
        }
        if let Some(d) = self.deictic(j + 1)
            && let Some((Unit::Year, false)) = self.unit(j + 2)
        {
            return Some((YearSpec::Relative(d), j + 3));
        }
        None
    }

    /// Tries `f` at `i`, or at `i + 1` behind a bare article that then joins the core.
    fn with_article(&self, i: usize, f: impl Fn(usize) -> Option<Core>) -> Option<Core> {
        if self.is_article(i)
            && let Some(mut c) = f(i + 1)
        {
            c.start = i;
            c.numeric = false;
            return Some(c);
        }
        f(i)
    }

    // ----- patterns -----

    fn numeric_date(&self, i: usize) -> Option<Core> {
        if self.kind(i) != Some(TokenKind::NumericDate) {
            return None;
        }
        let date = parse_numeric_date(self.text(i))?;
        Some(Core { start: i, end: i + 1, expr: Expr::Date(date), part: None, numeric: true })
    }

    /// `[martedì] 17 dicembre [2025]`, `17 dic. 2025`, `1° gennaio`, `3 marzo scorso`.
    fn day_month(&self, i: usize) -> Option<Core> {
        let j = if self.word_is(i, |w| w.weekday.is_some()) { i + 1 } else { i };
        let (day, m) = self.day(j)?;
        let (month, j) = self.month(m, true)?;
        // An abbreviation without its period needs a year: `vinto in 5 set` is tennis.
        let bare_abbr = j == m + 1
            && self.kind(m) == Some(TokenKind::Word)
            && self.word_is(m, |w| w.month.is_some_and(|(_, abbr)| abbr));
        let (year, end, dir) = match self.year_complement(j) {
            Some((y, end)) => (y, end, 0),
            None if bare_abbr => return None,
            None => match self.deictic(j) {
                Some(d) if !d.anaphoric && d.offset != 0 => (YearSpec::Open, j + 1, d.offset.signum()),
                _ => (YearSpec::Open, j, 0),
            },
        };
        Some(Core { start: i, end, expr: Expr::Day { month, day, year, dir }, part: None, numeric: true })
    }

    /// `lo scorso 3 marzo`, `il prossimo 3 marzo`.
    fn deictic_day_month(&self, i: usize) -> Option<Core> {
        self.with_article(i, |i| {
            let d = self.deictic(i).filter(|d| !d.anaphoric && d.offset != 0)?;
            let (day, j) = self.day(i + 1)?;
            let (month, end) = self.month(j, true)?;
            let expr = Expr::Day { month, day, year: YearSpec::Open, dir: d.offset.signum() };
            Some(Core { start: i, end, expr, part: None, numeric: false })
        })
    }

    /// `ottobre`, `novembre 2024`, `luglio del 2023`, `ottobre scorso`, `lo scorso ottobre`.
    fn month_expr(&self, i: usize) -> Option<Core> {
        let descriptive = self.with_article(i, |i| {
            let d = self.deictic(i).filter(|d| !d.anaphoric && d.offset != 0)?;
            let (month, end) = self.month(i + 1, false)?;
            let expr = Expr::Month { month, year: YearSpec::Open, dir: d.offset.signum() };
            Some(Core { start: i, end, expr, part: None, numeric: false })
        });
        if descriptive.is_some() {
            return descriptive;
        }
        let (month, j) = self.month(i, false)?;
        if let Some((year, end)) = self.year_complement(j) {
            return Some(Core {
                start: i,
                end,
                expr: Expr::Month { month, year, dir: 0 },
                part: None,
                numeric: true,
            });
        }
        // A capitalised month inside a name (`Via Venti Settembre`): not a date.
        if self.has(i, TokenFlags::CAPITALIZED)
            && !self.sentence_start(i)
            && i > 0
            && self.has(i - 1, TokenFlags::CAPITALIZED)
        {
            return None;
        }
        let (end, dir) = match self.deictic(j) {
            Some(d) if !d.anaphoric && d.offset != 0 => (j + 1, d.offset.signum()),
            _ => (j, 0),
        };
        // `tra gennaio e marzo 2024`, `da gennaio a marzo del 2024`: the year of the second month.
        let shared_year = (dir == 0 && matches!(self.norm(j), "e" | "a" | "ad" | "-"))
            .then(|| {
                let k = if self.is_article(j + 1) { j + 2 } else { j + 1 };
                let (_, after) = self.month(k, false)?;
                self.year_complement(after).map(|(y, _)| y)
            })
            .flatten();
        Some(Core {
            start: i,
            end,
            expr: Expr::Month { month, year: shared_year.unwrap_or(YearSpec::Open), dir },
            part: None,
            numeric: dir == 0,
        })
    }

    /// A bare year, unless the number is a count or part of a name.
    fn year(&self, i: usize) -> Option<Core> {
        let at = i;
        let y = self.year_at(i)?;
        let next = self.norm(i + 1);
        if self.kind(i + 1) == Some(TokenKind::Percent)
            || next == "%"
            || (next == "/" && !self.has(i + 1, TokenFlags::SPACE_BEFORE))
            || self.word_is(i + 1, |w| w.count_after)
        {
            return None;
        }
        // The second year of a range (`2021-2026`) is judged by what precedes the first.
        let glued = |k: usize| !self.has(k, TokenFlags::SPACE_BEFORE);
        let i =
            if i >= 2 && self.norm(i - 1) == "-" && glued(i) && glued(i - 1) && self.year_at(i - 2).is_some()
            {
                i - 2
            } else {
                i
            };
        if i > 0 {
            let prev = self.norm(i - 1);
            // `$ 2025`, `circa 2000`, `da 2020`, `02 2025 1234`, `32/13/2025`: an amount, a code or
            // a malformed date, not a year.
            let glued_slash = prev == "/" && !self.has(i, TokenFlags::SPACE_BEFORE);
            if self.word_is(i - 1, |w| w.count_before)
                || matches!(self.kind(i - 1), Some(TokenKind::Symbol | TokenKind::Number))
                || glued_slash
            {
                return None;
            }
            // `Expo 2015`, `Agenda 2030`: a year inside a name.
            if self.after_name(i) {
                return None;
            }
        }
        Some(Core { start: at, end: at + 1, expr: Expr::Year(y), part: None, numeric: true })
    }

    /// `anni '90`, `anni Novanta`, `anni 2000`.
    fn decade(&self, i: usize) -> Option<Core> {
        if !matches!(self.unit(i), Some((Unit::Year, true))) {
            return None;
        }
        let t = self.text(i + 1);
        let expr = if let Some(y) = self.year_at(i + 1) {
            (y % 10 == 0).then_some(Expr::Decade(y / 10))?
        } else if let Some(d) = self.word(i + 1).and_then(|w| w.decade) {
            Expr::DecadeDigit(d)
        } else {
            let digits = t.trim_start_matches(['\'', '’']);
            let b = digits.as_bytes();
            // Without the apostrophe (`anni 80`) only after `negli`, `degli`, `gli`…: `anni 80 dipendenti`
            // is no decade.
            let plain_ok = i > 0 && self.norm(i - 1).ends_with("gli");
            if self.kind(i + 1) != Some(TokenKind::Number)
                || (digits.len() == t.len() && !plain_ok)
                || b.len() != 2
                || b[1] != b'0'
                || !b[0].is_ascii_digit()
            {
                return None;
            }
            Expr::DecadeDigit(i16::from(b[0] - b'0'))
        };
        Some(Core { start: i, end: i + 2, expr, part: None, numeric: true })
    }

    /// `il terzo trimestre [del 2025]`, `Q3 [2025]`, `il primo semestre`, `la seconda metà del 2026`,
    /// `H1 2026`.
    fn quarter_half(&self, i: usize) -> Option<Core> {
        let letter = {
            let w = self.norm(i).as_bytes();
            (w.len() == 2 && matches!(w[0], b'q' | b'h') && w[1].is_ascii_digit())
                .then(|| (w[0], (w[1] - b'0') as i8))
        };
        if let Some((kind, n)) = letter {
            let year = self.year_at(i + 1);
            // `Audi Q4`: after a capitalised word and without a year, a model name.
            if year.is_none() && self.after_name(i) {
                return None;
            }
            let end = if year.is_some() { i + 2 } else { i + 1 };
            let year = year.map_or(YearSpec::Open, YearSpec::Explicit);
            let expr = match kind {
                b'q' if (1..=4).contains(&n) => Expr::Quarter { quarter: n, year },
                b'h' if (1..=2).contains(&n) && year != YearSpec::Open => Expr::Half { half: n, year },
                _ => return None,
            };
            return Some(Core { start: i, end, expr, part: None, numeric: true });
        }
        self.with_article(i, |i| {
            // `l'ultimo trimestre del 2024`: the last quarter or half of a stated year.
            let last = matches!(self.norm(i), "ultimo" | "ultima");
            let (n, j) = if last { (0, i + 1) } else { self.ordinal(i)? };
            let n = i8::try_from(n).ok()?;
            // `metà` and `parte` name a half only with a year: `la seconda metà del 2026`.
            let (unit, needs_year) = match self.unit(j) {
                Some((u @ (Unit::Quarter | Unit::Half), false)) => (u, false),
                _ if matches!(self.norm(j), "metà" | "parte") => (Unit::Half, true),
                _ => return None,
            };
            let (year, end) = match self.year_complement(j + 1) {
                Some(c) => c,
                None if needs_year || last => return None,
                None => (YearSpec::Open, j + 1),
            };
            let n = match (last, unit) {
                (true, Unit::Quarter) => 4,
                (true, _) => 2,
                (false, _) => n,
            };
            let expr = match unit {
                Unit::Quarter if (1..=4).contains(&n) => Expr::Quarter { quarter: n, year },
                Unit::Half if (1..=2).contains(&n) => Expr::Half { half: n, year },
                _ => return None,
            };
            Some(Core { start: i, end, expr, part: None, numeric: false })
        })
    }

    /// `l'anno scorso`, `lo scorso anno`, `quest'anno`, `il mese prossimo`, `la settimana scorsa`,
    /// `il trimestre precedente`, `l'anno in corso`; and `gli ultimi mesi`, `i prossimi anni`.
    fn relative_unit(&self, i: usize) -> Option<Core> {
        self.with_article(i, |i| {
            let (deictic, unit, plural, end) = if let Some(d) = self.deictic(i) {
                let (unit, plural) = self.unit(i + 1)?;
                (d, unit, plural, i + 2)
            } else {
                let (unit, plural) = self.unit(i)?;
                if let Some(d) = self.deictic(i + 1) {
                    (d, unit, plural, i + 2)
                } else if !plural && self.norm(i + 1) == "in" && self.norm(i + 2) == "corso" {
                    (NO_DEICTIC, unit, plural, i + 3)
                } else if !plural
                    && matches!(unit, Unit::Year | Unit::Month)
                    && i >= 2
                    && self.is_article(i - 1)
                    && self.norm(i - 2) == "entro"
                {
                    // `entro l'anno`, `entro il mese`: by the end of the current one.
                    (NO_DEICTIC, unit, plural, i + 1)
                } else {
                    return None;
                }
            };
            let expr = if plural {
                // Vague: `gli ultimi mesi` (not `gli ultimi tre mesi`, a duration).
                Expr::Phrase(match deictic.offset.signum() {
                    -1 => PhraseValue::Past,
                    1 => PhraseValue::Future,
                    _ => PhraseValue::Present,
                })
            } else {
                Expr::Relative { unit, deictic }
            };
            Some(Core { start: i, end, expr, part: None, numeric: false })
        })
    }

    /// `tre anni fa`, `due mesi fa`, `un anno fa`; `poche settimane fa`, `pochi mesi prima` (vague).
    fn ago(&self, i: usize) -> Option<Core> {
        let ((count, vague), unit, j) = match self.count(self.word(i)) {
            Some(c) => (c, self.unit(i + 1)?.0, i + 2),
            None if self.small_number(i).is_some() => {
                ((self.small_number(i)?, false), self.unit(i + 1)?.0, i + 2)
            }
            // `ventidue anni fa`: compound number words, read by the money stage's number parser.
            None if self.number_word(i).is_some() => {
                ((self.number_word(i)?, false), self.unit(i + 1)?.0, i + 2)
            }
            // `vent'anni fa` stays one token: the tokenizer does not split `vent'`.
            None => {
                let (num, unit) = self.norm(i).split_once('\'')?;
                let number = self.lex.words.get(&format!("{num}'")).or_else(|| self.lex.words.get(num));
                let unit = self.lex.words.get(unit).and_then(|w| w.unit)?.0;
                (self.count(number)?, unit, i + 1)
            }
        };
        let expr = match self.norm(j) {
            "fa" if vague => Expr::Phrase(PhraseValue::Past),
            "prima" if vague => Expr::Phrase(PhraseValue::Past),
            "fa" => {
                let offset = i8::try_from(count).ok().filter(|&c| c > 0)?;
                Expr::Relative { unit, deictic: Deictic { offset: -offset, anaphoric: false } }
            }
            _ => return None,
        };
        Some(Core { start: i, end: j + 1, expr, part: None, numeric: false })
    }

    /// A cardinal number word, or a vague quantity (`pochi`): the count and whether it is vague.
    fn count(&self, word: Option<&WordInfo>) -> Option<(u32, bool)> {
        match word.and_then(|w| w.number)? {
            (NumberKind::Cardinal, v) => Some((v, false)),
            (NumberKind::Some, _) => Some((0, true)),
            (NumberKind::Ordinal, _) => None,
        }
    }

    /// Fixed phrases from `phrases.tsv` (`oggi`, `l'altro ieri`, `di recente`, `ora`).
    fn phrase(&self, i: usize) -> Option<Core> {
        if !self.word_is(i, |w| w.phrase_start) {
            return None;
        }
        let p =
            self.lex.phrases_by_first.get(self.norm(i))?.iter().map(|&k| &self.lex.phrases[k]).find(|p| {
                i + p.tokens.len() <= self.n
                    && p.tokens.iter().enumerate().skip(1).all(|(k, t)| self.norm(i + k) == t)
            })?;
        if p.strict && i > 0 {
            // `un'ora`, `l'ora`, `ogni ora`, `la prima ora`, `24 ore`: the noun, not "now";
            // `per ora`, `per adesso`: "for the time being", a limitation, not a date.
            let prev = self.norm(i - 1);
            let prev_tok = self.doc.tokens().get(i - 1)?;
            if prev_tok.is(TokenFlags::ELISION)
                || matches!(prev_tok.kind, TokenKind::Number)
                || self.is_article(i - 1)
                || self.word_is(i - 1, |w| w.number.is_some())
                || matches!(
                    prev,
                    "ogni" | "all'" | "un'" | "mezz'" | "quest'" | "nell'" | "dell'" | "che" | "per"
                )
            {
                return None;
            }
        }
        let end = i + p.tokens.len();
        // `al momento della firma`, `in passato del gruppo`: a noun phrase, not a reference to now.
        if !matches!(p.value, PhraseValue::Day(_)) && self.is_prep_of(end) {
            return None;
        }
        Some(Core { start: i, end, expr: Expr::Phrase(p.value), part: None, numeric: false })
    }

    /// `fine 2025`, `inizio del 2027`, `metà ottobre`, `fine anno`, `fine dell'anno scorso`.
    fn part(&self, i: usize) -> Option<Core> {
        let part = self.word(i).and_then(|w| w.part)?;
        let j = if self.is_prep_of(i + 1) { i + 2 } else { i + 1 };
        if let Some(y) = self.year_at(j) {
            return Some(Core { start: i, end: j + 1, expr: Expr::Year(y), part: Some(part), numeric: true });
        }
        if let Some((month, k)) = self.month(j, false) {
            let (year, end) = self.year_complement(k).unwrap_or((YearSpec::Open, k));
            return Some(Core {
                start: i,
                end,
                expr: Expr::Month { month, year, dir: 0 },
                part: Some(part),
                numeric: true,
            });
        }
        let (deictic, unit, end) = if let Some(d) = self.deictic(j) {
            (d, self.unit(j + 1)?.0, j + 2)
        } else {
            let (unit, plural) = self.unit(j)?;
            if plural {
                return None;
            }
            match self.deictic(j + 1) {
                Some(d) => (d, unit, j + 2),
                None => (NO_DEICTIC, unit, j + 1),
            }
        };
        // `fine settimana` is the weekend, not a date.
        if !matches!(unit, Unit::Year | Unit::Month | Unit::Quarter | Unit::Half) {
            return None;
        }
        Some(Core { start: i, end, expr: Expr::Relative { unit, deictic }, part: Some(part), numeric: true })
    }

    /// `lunedì`, `lunedì scorso`, `lo scorso lunedì`.
    fn weekday(&self, i: usize) -> Option<Core> {
        self.with_article(i, |i| {
            if let Some(d) = self.deictic(i).filter(|d| !d.anaphoric && d.offset != 0)
                && let Some(weekday) = self.word(i + 1).and_then(|w| w.weekday)
            {
                let expr = Expr::Weekday { weekday, dir: d.offset.signum() };
                return Some(Core { start: i, end: i + 2, expr, part: None, numeric: false });
            }
            let weekday = self.word(i).and_then(|w| w.weekday)?;
            // `ha detto Domenica Rossi`: inside a sentence, a capitalised weekday before a name is a
            // first name (`Lunedì Apple ha presentato` starts a sentence).
            if self.has(i, TokenFlags::CAPITALIZED)
                && !self.sentence_start(i)
                && self.has(i + 1, TokenFlags::CAPITALIZED)
                && self.kind(i + 1) == Some(TokenKind::Word)
            {
                return None;
            }
            let (end, dir) = match self.deictic(i + 1) {
                Some(d) if !d.anaphoric && d.offset != 0 => (i + 2, d.offset.signum()),
                _ => (i + 1, 0),
            };
            Some(Core { start: i, end, expr: Expr::Weekday { weekday, dir }, part: None, numeric: false })
        })
    }

    /// The first day of a list or range sharing one month: `3` in `il 3 e il 4 marzo`,
    /// `dal 3 al 5 marzo`, `3-5 marzo`.
    fn day_list(&self, i: usize) -> Option<Core> {
        let (day, j) = self.day(i)?;
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let k = match self.norm(j) {
            "e" | "ed" | "-" | "al" | "a" | "all'" => j + 1,
            _ => return None,
        };
        let k = if self.is_article(k) { k + 1 } else { k };
        let next = self.day_month(k)?;
        let Expr::Day { month, year, dir, .. } = next.expr else { return None };
        if next.start != k || self.word_is(k, |w| w.weekday.is_some()) {
            return None;
        }
        Some(Core { start: i, end: j, expr: Expr::Day { month, day, year, dir }, part: None, numeric: true })
    }

    /// `luglio-settembre` written as one hyphenated token: the byte spans and months of both.
    fn month_range_token(&self, i: usize) -> Option<[(Span, i8); 2]> {
        let tok = self.doc.tokens().get(i)?;
        // The shortest pair of month names with a hyphen (`marzo-marzo`) has 11 bytes.
        if tok.kind != TokenKind::Word || tok.span.len() < 11 {
            return None;
        }
        // A byte loop: words are short, and a `memchr` call costs more than it saves here.
        let w = self.norm(i);
        let cut = w.bytes().position(|b| b == b'-')?;
        let (a, b) = (w.get(..cut)?, w.get(cut + 1..)?);
        let (&(ma, false), &(mb, false)) = (self.lex.months.get(a)?, self.lex.months.get(b)?) else {
            return None;
        };
        // Lower-casing keeps byte lengths for month names (ASCII), so offsets carry over.
        let text = self.doc.text_of(tok);
        let cut = text.find('-')?;
        let s = tok.span.start;
        Some([(Span::new(s, s + cut), ma), (Span::new(s + cut + 1, tok.span.end), mb)])
    }

    fn can_follow_article(&self, i: usize) -> bool {
        self.doc.tokens().get(i).is_some_and(|t| {
            t.is(TokenFlags::HAS_DIGIT)
                || matches!(self.norm(i), "ultimo" | "ultima")
                || self.word_is(i, |w| w.starter)
        })
    }

    /// True when token `i` can open a fixed phrase and nothing else (`di` of `di recente`): no
    /// other pattern starts at a word without digits, apostrophe or date meaning.
    fn phrase_only(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        w.phrase_start
            && !w.article
            && !w.has_date_meaning()
            && self.kind(i) == Some(TokenKind::Word)
            && !self.has(i, TokenFlags::HAS_DIGIT)
            && !self.norm(i).contains('\'')
            && !matches!(self.norm(i), "ultimo" | "ultima")
            && self.number_word(i).is_none()
    }

    fn starts_phrase(&self, i: usize) -> bool {
        self.word_is(i, |w| w.phrase_start)
    }

    /// The longest expression starting at token `i`.
    fn core_at(&self, i: usize) -> Option<Core> {
        let tok = self.doc.tokens().get(i)?;
        let may_start = match tok.kind {
            TokenKind::Number | TokenKind::NumericDate => true,
            TokenKind::Word | TokenKind::Abbreviation => {
                tok.is(TokenFlags::HAS_DIGIT)
                    || self.word_is(i, |w| w.starter)
                    || (!tok.is(TokenFlags::ELISION) && self.norm(i).bytes().any(|b| b == b'\''))
                    || (self.word_is(i + 1, |w| w.unit.is_some()) && self.number_word(i).is_some())
            }
            _ => false,
        };
        if !may_start {
            return None;
        }
        // An article starts an expression only before a word that could continue it (`il terzo
        // trimestre`, `l'altro ieri`): most articles are skipped with one more lookup.
        if self.is_article(i) && !self.can_follow_article(i + 1) {
            // Every pattern through an article needs a date word after it; what is left is a
            // fixed phrase opened by the article itself (`l'altro ieri`).
            if !self.starts_phrase(i) {
                return None;
            }
            if self.word(i).is_some_and(|w| !w.has_date_meaning()) {
                return self.phrase(i);
            }
        }
        if self.phrase_only(i) {
            return self.phrase(i);
        }
        if tok.kind == TokenKind::Number && self.word(i).is_none() {
            // Digits with no lexicon entry: only the patterns that open with a number.
            return longest([
                self.day_month(i),
                self.day_list(i),
                self.quarter_half(i),
                self.ago(i),
                self.year(i),
            ]);
        }
        let candidates = [
            self.numeric_date(i),
            self.deictic_day_month(i),
            self.day_month(i),
            self.day_list(i),
            self.quarter_half(i),
            self.relative_unit(i),
            self.month_expr(i),
            self.decade(i),
            self.part(i),
            self.ago(i),
            self.phrase(i),
            self.weekday(i),
            self.year(i),
        ];
        longest(candidates)
    }

    /// The governing preposition right before the core: its first token and modifier.
    fn governor(&self, core: &Core) -> Option<(usize, usize, Option<DateModifier>)> {
        let find = |p: usize| {
            // Only a governor whose last word is right before the core can govern it.
            let ks = self.lex.governors_by_last.get(self.norm(p.checked_sub(1)?))?;
            ks.iter().map(|&k| &self.lex.governors[k]).find_map(|g| {
                let len = g.tokens.len();
                if len > p || g.value == Governor::Article {
                    return None;
                }
                let s = p - len;
                g.tokens.iter().enumerate().all(|(k, t)| self.norm(s + k) == t).then_some(match g.value {
                    Governor::Preposition(m) => (s, p, m),
                    Governor::Article => (s, p, None),
                })
            })
        };
        if let Some(g) = find(core.start) {
            return Some(g);
        }
        if core.numeric && core.start > 0 && self.is_article(core.start - 1) {
            return find(core.start - 1);
        }
        None
    }

    /// The tense nearest to tokens `start..end` within their sentence, if any cue is found.
    fn tense_near(&self, start: usize, end: usize) -> Option<Tense> {
        let range =
            self.doc.sentence_of(start).map(|s| self.doc.sentences()[s].tokens.clone()).unwrap_or(0..self.n);
        // Outward from the expression, the left side first at equal distance.
        let reach = (start - range.start.min(start)).max(range.end.saturating_sub(end));
        for dist in 1..=reach {
            if let Some(j) = start.checked_sub(dist).filter(|j| *j >= range.start) {
                // A participle right before the expression is a reduced past clause (`presentato a
                // gennaio`, `varato nel 2022`); elsewhere it needs an auxiliary (`mercato` is a noun).
                if let Some(t) = self.tense_cue(j, dist <= 2) {
                    return Some(t);
                }
            }
            let j = end + dist - 1;
            if j < range.end
                && let Some(t) = self.tense_cue(j, false)
            {
                return Some(t);
            }
        }
        None
    }

    /// The tense of the verb governing tokens `start..end`: the nearest cue inside their clause,
    /// which ends at punctuation and at words opening another clause (`che`, `mentre`, `e`). A
    /// comma right after an expression that starts the sentence (`Venerdì, il gruppo ha…`) does
    /// not end it. `None` when the clause has no verb cue (`il prezzo di venerdì`).
    fn clause_tense(&self, start: usize, end: usize) -> Option<Tense> {
        let range =
            self.doc.sentence_of(start).map(|s| self.doc.sentences()[s].tokens.clone()).unwrap_or(0..self.n);
        let boundary = |j: usize| {
            matches!(self.kind(j), Some(TokenKind::Punct))
                || matches!(
                    self.norm(j),
                    "che" | "mentre" | "quando" | "dove" | "perché" | "poiché" | "se" | "ma" | "e" | "cui"
                )
        };
        let mut left = start;
        while left > range.start && !boundary(left - 1) {
            left -= 1;
        }
        let mut right = end;
        if start == range.start && self.norm(right) == "," {
            right += 1;
        }
        while right < range.end && !boundary(right) {
            right += 1;
        }
        let reach = (start - left).max(right - end);
        for dist in 1..=reach {
            if let Some(j) = start.checked_sub(dist).filter(|j| *j >= left)
                && let Some(t) = self.tense_cue(j, dist <= 2)
            {
                return Some(t);
            }
            let j = end + dist - 1;
            if j < right
                && let Some(t) = self.tense_cue(j, false)
            {
                return Some(t);
            }
        }
        None
    }

    fn tense_cue(&self, j: usize, adjacent: bool) -> Option<Tense> {
        match self.cue_of(j)? {
            TenseCue::Tense(t) => Some(t),
            TenseCue::Participle => (adjacent || self.after_aux(j)).then_some(Tense::Past),
            TenseCue::Aux | TenseCue::None => None,
        }
    }

    /// The tense cue of token `j` by word or suffix, computed once per token.
    fn cue_of(&self, j: usize) -> Option<TenseCue> {
        let cell = self.cues.get(j)?;
        if let Some(cached) = cell.get() {
            return cached;
        }
        let cue = if self.kind(j) != Some(TokenKind::Word) {
            None
        } else if let Some(cue) = self.word(j).and_then(|x| x.tense) {
            Some(cue)
        } else {
            let w = self.norm(j);
            let chars = w.chars().count();
            self.lex
                .tense_suffixes
                .iter()
                .find(|(suffix, _)| w.ends_with(suffix.as_str()) && chars > suffix.chars().count())
                .map(|&(_, cue)| cue)
        };
        cell.set(Some(cue));
        cue
    }

    /// True when an auxiliary verb is one or two tokens before `j` (`ha presentato`, `è già stato`).
    fn after_aux(&self, j: usize) -> bool {
        (1..=2).any(|k| {
            j >= k
                && matches!(
                    self.word(j - k).and_then(|x| x.tense),
                    Some(TenseCue::Aux | TenseCue::Tense(Tense::Past))
                )
        })
    }
}

/// Parses `2025-12-17`, `17/12/2025`, `17.12.2025`, `17-12-2025` into a valid date.
fn parse_numeric_date(s: &str) -> Option<Date> {
    let sep = s.bytes().find(|b| !b.is_ascii_digit())?;
    let parts: Vec<&str> = s.split(sep as char).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    if !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let num = |p: &str| p.parse::<i16>().ok();
    let (y, m, d) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        (num(c)?, num(b)?, num(a)?)
    } else {
        return None;
    };
    if !(1000..=2999).contains(&y) {
        return None;
    }
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Resolution state: the article date and the last period mentioned per unit (for `precedente`).
struct Resolver {
    anchor: Option<Date>,
    last: [Option<Date>; 6],
}

fn unit_index(u: Unit) -> usize {
    match u {
        Unit::Day => 0,
        Unit::Week => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Half => 4,
        Unit::Year => 5,
    }
}

/// The first and last day of a resolved value, when it is a calendar period.
fn bounds(v: DateValue) -> Option<(Date, Date)> {
    let first = |y: i16, m: i8| Date::new(y, m, 1).ok();
    let (start, months) = match v {
        DateValue::Day(d) => return Some((d, d)),
        DateValue::Week { year, week } => {
            let start = jiff::civil::ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
            return Some((start, start.checked_add(jiff::Span::new().days(6)).ok()?));
        }
        DateValue::Month { year, month } => (first(year, month)?, 1),
        DateValue::Quarter { year, quarter } => (first(year, (quarter - 1) * 3 + 1)?, 3),
        DateValue::Half { year, half } => (first(year, (half - 1) * 6 + 1)?, 6),
        DateValue::Year(y) => (first(y, 1)?, 12),
        _ => return None,
    };
    let end = start.checked_add(jiff::Span::new().months(months)).ok()?.yesterday().ok()?;
    Some((start, end))
}

/// The value of unit `unit` holding `d`.
fn value_of(unit: Unit, d: Date) -> DateValue {
    match unit {
        Unit::Day => DateValue::Day(d),
        Unit::Week => {
            let w = d.iso_week_date();
            DateValue::Week { year: w.year(), week: w.week() }
        }
        Unit::Month => DateValue::Month { year: d.year(), month: d.month() },
        Unit::Quarter => DateValue::Quarter { year: d.year(), quarter: (d.month() - 1) / 3 + 1 },
        Unit::Half => DateValue::Half { year: d.year(), half: (d.month() - 1) / 6 + 1 },
        Unit::Year => DateValue::Year(d.year()),
    }
}

/// Adds `n` units to `d`.
fn shift(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let span = match unit {
        Unit::Day => jiff::Span::new().try_days(n),
        Unit::Week => jiff::Span::new().try_weeks(n),
        Unit::Month => jiff::Span::new().try_months(n),
        Unit::Quarter => jiff::Span::new().try_months(n * 3),
        Unit::Half => jiff::Span::new().try_months(n * 6),
        Unit::Year => jiff::Span::new().try_years(n),
    }
    .ok()?;
    d.checked_add(span).ok()
}

/// How many days separate `anchor` from the period, and on which side it lies.
fn distance(anchor: Date, (start, end): (Date, Date)) -> (i64, std::cmp::Ordering) {
    use std::cmp::Ordering::*;
    let days = |a: Date, b: Date| a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(i64::MAX / 4);
    if end < anchor {
        (days(end, anchor), Less)
    } else if start > anchor {
        (days(anchor, start), Greater)
    } else {
        (0, Equal)
    }
}

/// Days of penalty for a candidate on the side the tense does not point to: a past-tense
/// sentence takes the previous occurrence, unless the next one is only days ahead and the
/// previous one almost a year back (an announced date just ahead: `non ha aspettato il 28
/// ottobre` written mid-October).
const WRONG_TENSE_PENALTY: i64 = 330;

/// Picks among candidate periods: `dir` -1 keeps only those wholly before the anchor, +1 only
/// those after; otherwise the nearest, with a penalty for the side the tense contradicts.
fn pick(anchor: Date, candidates: &[DateValue], dir: i8, tense: Option<Tense>) -> Option<DateValue> {
    use std::cmp::Ordering::*;
    let mut best: Option<(i64, DateValue)> = None;
    for &v in candidates {
        let Some(b) = bounds(v) else { continue };
        let (dist, side) = distance(anchor, b);
        match (dir, side) {
            (-1, Equal | Greater) | (1, Less | Equal) => continue,
            _ => {}
        }
        let penalty = match (tense, side) {
            (Some(Tense::Past), Greater) | (Some(Tense::Future), Less) => WRONG_TENSE_PENALTY,
            _ => 0,
        };
        let cost = dist.saturating_add(penalty);
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, v));
        }
    }
    best.map(|(_, v)| v)
}

impl Resolver {
    fn base(&self, unit: Unit, deictic: Deictic) -> Option<Date> {
        if deictic.anaphoric
            && let Some(d) = self.last[unit_index(unit)]
        {
            return Some(d);
        }
        self.anchor
    }

    fn relative(&self, unit: Unit, deictic: Deictic) -> DateValue {
        self.base(unit, deictic)
            .and_then(|b| shift(b, unit, i64::from(deictic.offset)))
            .map_or(DateValue::Unresolved(unit), |d| value_of(unit, d))
    }

    fn year_of(&self, spec: YearSpec) -> Option<Option<i16>> {
        match spec {
            YearSpec::Open => Some(None),
            YearSpec::Explicit(y) => Some(Some(y)),
            YearSpec::Relative(d) => match self.relative(Unit::Year, d) {
                DateValue::Year(y) => Some(Some(y)),
                _ => None,
            },
        }
    }

    /// Candidate years around the anchor for a period without a year.
    fn open_year(
        &self,
        make: impl Fn(i16) -> Option<DateValue>,
        unresolved: DateValue,
        dir: i8,
        tense: impl FnOnce() -> Option<Tense>,
    ) -> Option<DateValue> {
        let Some(anchor) = self.anchor else { return Some(unresolved) };
        let y = anchor.year();
        let candidates: Vec<DateValue> = [y - 1, y, y + 1].into_iter().filter_map(&make).collect();
        pick(anchor, &candidates, dir, tense())
    }

    fn resolve(&self, expr: Expr, tense: impl FnOnce() -> Option<Tense>) -> Option<DateValue> {
        let v = match expr {
            Expr::Date(d) => DateValue::Day(d),
            Expr::Year(y) => DateValue::Year(y),
            Expr::Decade(d) => DateValue::Decade(d),
            Expr::DecadeDigit(d) => {
                let recent = 200 + d;
                let limit = self.anchor.map_or(2029, |a| a.year());
                DateValue::Decade(if recent * 10 <= limit { recent } else { 190 + d })
            }
            Expr::Day { month, day, year, dir } => match self.year_of(year)? {
                Some(y) => DateValue::Day(Date::new(y, month, day).ok()?),
                None => {
                    // Reject impossible days (`31 febbraio`) even without an anchor.
                    Date::new(2024, month, day).ok()?;
                    let make = |y| Date::new(y, month, day).ok().map(DateValue::Day);
                    self.open_year(make, DateValue::DayOfUnknownYear { month, day }, dir, tense)?
                }
            },
            Expr::Month { month, year, dir } => match self.year_of(year)? {
                Some(y) => DateValue::Month { year: y, month },
                None => {
                    let make = |y| Some(DateValue::Month { year: y, month });
                    self.open_year(make, DateValue::MonthOfUnknownYear(month), dir, tense)?
                }
            },
            Expr::Quarter { quarter, year } => match self.year_of(year)? {
                Some(y) => DateValue::Quarter { year: y, quarter },
                None => {
                    let make = |y| Some(DateValue::Quarter { year: y, quarter });
                    self.open_year(make, DateValue::QuarterOfUnknownYear(quarter), 0, tense)?
                }
            },
            Expr::Half { half, year } => match self.year_of(year)? {
                Some(y) => DateValue::Half { year: y, half },
                None => {
                    let make = |y| Some(DateValue::Half { year: y, half });
                    self.open_year(make, DateValue::HalfOfUnknownYear(half), 0, tense)?
                }
            },
            Expr::Weekday { weekday, dir } => {
                let Some(anchor) = self.anchor else { return Some(DateValue::Unresolved(Unit::Day)) };
                let wd = Weekday::from_monday_one_offset(weekday).ok()?;
                let strict_past = anchor.nth_weekday(-1, wd).ok()?;
                let strict_next = anchor.nth_weekday(1, wd).ok()?;
                match dir {
                    -1 => DateValue::Day(strict_past),
                    1 => DateValue::Day(strict_next),
                    _ if anchor.weekday() == wd => DateValue::Day(anchor),
                    _ => {
                        pick(anchor, &[DateValue::Day(strict_past), DateValue::Day(strict_next)], 0, tense())?
                    }
                }
            }
            Expr::Relative { unit, deictic } => self.relative(unit, deictic),
            Expr::Phrase(PhraseValue::Day(n)) => self
                .anchor
                .and_then(|a| shift(a, Unit::Day, i64::from(n)))
                .map_or(DateValue::Unresolved(Unit::Day), DateValue::Day),
            Expr::Phrase(PhraseValue::Past) => DateValue::PastRef,
            Expr::Phrase(PhraseValue::Present) => DateValue::PresentRef,
            Expr::Phrase(PhraseValue::Future) => DateValue::FutureRef,
        };
        Some(v)
    }

    /// Remembers a resolved value for later anaphoric expressions.
    fn remember(&mut self, v: DateValue) {
        let unit = match v {
            DateValue::Day(_) => Unit::Day,
            DateValue::Week { .. } => Unit::Week,
            DateValue::Month { .. } => Unit::Month,
            DateValue::Quarter { .. } => Unit::Quarter,
            DateValue::Half { .. } => Unit::Half,
            DateValue::Year(_) => Unit::Year,
            _ => return,
        };
        if let Some((start, _)) = bounds(v) {
            self.last[unit_index(unit)] = Some(start);
            self.last[unit_index(Unit::Year)] = Some(start);
        }
    }
}

/// Finds the temporal expressions of `doc`, resolved against `anchor` (the article date).
pub(super) fn find(doc: &Document<'_>, anchor: Option<Date>, lex: &DateLexicon) -> Vec<DateMention> {
    let ctx = Ctx::new(doc, lex);
    let mut resolver = Resolver { anchor, last: [None; 6] };
    let mut out: Vec<DateMention> = Vec::new();
    // For each mention, the tokens of its governing preposition.
    let mut governors: Vec<Option<(usize, usize)>> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < ctx.n {
        if let Some(parts) = ctx.month_range_token(i) {
            let tense = ctx.tense_near(i, i + 1);
            // `gennaio-marzo 2025`: the year belongs to both months and to the second's span.
            let (year, after) = ctx.year_complement(i + 1).unwrap_or((YearSpec::Open, i + 1));
            let year_end = doc.tokens().get(after - 1).map(|t| t.span.end);
            for (k, (mut span, month)) in parts.into_iter().enumerate() {
                if k == 1
                    && let Some(e) = year_end
                {
                    span.end = span.end.max(e);
                }
                let expr = Expr::Month { month, year, dir: 0 };
                if let Some(value) = resolver.resolve(expr, || tense) {
                    resolver.remember(value);
                    let text = doc.text().get(span.range()).unwrap_or("").to_string();
                    out.push(DateMention { span, text, value, modifier: None, part: None });
                    governors.push(None);
                    ends.push(i + 1);
                }
            }
            i = after;
            continue;
        }
        let Some(core) = ctx.core_at(i) else {
            i += 1;
            continue;
        };
        let gov = ctx.governor(&core);
        // `da gennaio è raddoppiato`: a starting point is already reached unless its own clause
        // looks ahead (`dal 2 marzo riceveranno`); other verbs of the sentence do not count.
        let since = gov.is_some_and(|g| g.2 == Some(DateModifier::Since));
        let value = match core.expr {
            _ if since => resolver.resolve(core.expr, || {
                Some(
                    ctx.clause_tense(core.start, core.end)
                        .filter(|t| *t == Tense::Future)
                        .unwrap_or(Tense::Past),
                )
            }),
            // A bare weekday takes the tense of its own clause's verb; without one (`, calcolato
            // sul prezzo di venerdì`) it is the last one: news report what happened, and a
            // coming weekday is announced with a future verb or `prossimo`.
            Expr::Weekday { dir: 0, .. } => resolver
                .resolve(core.expr, || Some(ctx.clause_tense(core.start, core.end).unwrap_or(Tense::Past))),
            _ => resolver.resolve(core.expr, || ctx.tense_near(core.start, core.end)),
        };
        let Some(value) = value else {
            // An impossible date (`31 febbraio`): none of its tokens starts another expression.
            i = core.end;
            continue;
        };
        resolver.remember(value);
        let tokens = doc.tokens();
        let (Some(first), Some(last)) = (tokens.get(core.start), tokens.get(core.end.saturating_sub(1)))
        else {
            i += 1;
            continue;
        };
        let span = Span::new(first.span.start, last.span.end.max(first.span.start));
        out.push(DateMention {
            span,
            text: doc.text()[span].to_string(),
            value,
            modifier: gov.and_then(|g| g.2),
            part: core.part,
        });
        governors.push(gov.map(|(s, e, _)| (s, e)));
        ends.push(core.end);
        i = core.end;
    }
    // `dal 2026 al 2028`: a range, from one year until the other.
    for k in 1..out.len() {
        if out[k - 1].modifier == Some(DateModifier::Since)
            && let Some((s, e)) = governors[k]
            && s == ends[k - 1]
            && e == s + 1
            && matches!(ctx.norm(s), "al" | "a" | "all'" | "alla")
        {
            out[k - 1].modifier = Some(DateModifier::From);
            out[k].modifier = Some(DateModifier::Until);
        }
    }
    out
}
