//! Money: amounts in Italian news as exact decimals with currency, qualifier and range.
//!
//! [`find_money`] walks the tokens of a [`Document`]: an amount is a number (digits, number words,
//! `10M`) with an optional scale (`miliardi`, `mld.`), an optional currency before (`$`, `€`, `USD`)
//! or after (`dollari`, `di euro`, `€`), possibly a range (`tra 5 e 10`, `da 5 a 10`, `5-10`).
//! Qualifiers before it (`oltre`, `circa`, `fino a`) go into [`Money::qualifier`], outside the span.
//! An amount without a currency is reported only when a reader reads it as money: it has a
//! scale of at least a million and is not followed by what it counts (`di transistor`,
//! `posti`); its currency is then the one of the nearest explicit amount of the article
//! (preferably before it), with `currency_explicit: false`. Orders of magnitude
//! (`decine di miliardi di dollari`) are reported with `amount: None` and `vague: true`.
//!
//! Words live in `data/money/*.tsv`; numbers are read by [`crate::number`].
//!
//! # Examples
//!
//! ```
//! use cronaca::money::{find_money, Currency, Qualifier};
//! use cronaca::token::Document;
//!
//! let text = "Il colosso di Seattle investirà oltre 10 miliardi di dollari; altri 2,5 mld. arriveranno nel 2026.";
//! let doc = Document::new(text);
//! let money = find_money(&doc);
//! assert_eq!(money.len(), 2);
//! assert_eq!(money[0].text, "10 miliardi di dollari");
//! assert_eq!(money[0].amount.unwrap().to_string(), "10000000000");
//! assert_eq!(money[0].qualifier, Some(Qualifier::Over));
//! assert_eq!(money[1].text, "2,5 mld");
//! assert_eq!((money[1].currency, money[1].currency_explicit), (Some(Currency::USD), false));
//! ```

use crate::span::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An ISO 4217 currency code (`USD`, `EUR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");

    /// Parses a three-letter upper-case ISO 4217 code.
    pub fn from_code(code: &str) -> Option<Currency> {
        let b = code.as_bytes();
        (b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)).then(|| Currency([b[0], b[1], b[2]]))
    }

    /// The three-letter code.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Currency::from_code(&s).ok_or_else(|| format!("not an ISO 4217 code: {s:?}"))
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.code().to_string()
    }
}

/// How the text qualifies an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `oltre`, `più di`, `superare`, `sopra`.
    Over,
    /// `almeno`.
    AtLeast,
    /// `circa`, `intorno a`, `nell'ordine di`.
    About,
    /// `quasi`, `meno di`, `sotto`.
    Under,
    /// `fino a`, `al massimo`.
    UpTo,
}

/// One monetary amount found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Where the amount is (number, scale and currency; not the qualifier).
    #[serde(flatten)]
    pub span: Span,
    /// The amount as written.
    pub text: String,
    /// Exact value in currency units; `None` for vague amounts.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    /// Upper bound of a range (`tra 5 e 10 miliardi`).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount_max: Option<Decimal>,
    /// The currency, explicit or inferred.
    pub currency: Option<Currency>,
    /// False when the currency was inferred from an earlier amount.
    pub currency_explicit: bool,
    /// `oltre`, `almeno`, `circa`…
    pub qualifier: Option<Qualifier>,
    /// `decine di miliardi`: an order of magnitude, not an amount.
    pub vague: bool,
}

use crate::error::Error;
use crate::lexicon::records_named;
use crate::number::{NumberLexicon, parse_digits};
use crate::token::{Document, TokenFlags, TokenKind};
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CurrencyKind {
    Word,
    Symbol,
    Code,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounClass {
    Money,
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VagueClass {
    Size,
    Quantifier,
}

/// Bare articles that may stand between a qualifier and its amount (`oltre i 26 miliardi`).
const ARTICLES: [&str; 7] = ["il", "lo", "la", "i", "gli", "le", "l'"];

/// The smallest scale that makes a number without a currency read as money (`900 milioni`).
const MONEY_SCALE: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// The word lists of the money recognizer: numbers and scales, currencies, qualifiers, vague
/// words and the nouns that tell money (`di fatturato`) from counts (`di transistor`).
///
/// # Examples
///
/// ```
/// use cronaca::money::{find_money_with, MoneyLexicon};
/// use cronaca::number::NumberLexicon;
/// use cronaca::token::Document;
///
/// let lex = MoneyLexicon::parse(
///     NumberLexicon::embedded().clone(),
///     ("cur.tsv", "fiorini\tHUF\tword\n"),
///     ("q.tsv", "circa\tabout\n"),
///     ("v.tsv", ""),
///     ("n.tsv", ""),
/// )?;
/// let doc = Document::new("costa circa 300 fiorini");
/// let money = find_money_with(&doc, &lex);
/// assert_eq!(money[0].currency.unwrap().code(), "HUF");
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct MoneyLexicon {
    numbers: NumberLexicon,
    /// Token sequences (normalized) of currency words and symbols.
    currencies: Vec<(Vec<String>, Currency, CurrencyKind)>,
    /// Indices into `currencies` by first token.
    currency_first: HashMap<String, Vec<usize>>,
    /// Case-sensitive ISO codes.
    codes: HashMap<String, Currency>,
    /// Qualifier phrases, longest first.
    qualifiers: Vec<(Vec<String>, Qualifier)>,
    vague: HashMap<String, VagueClass>,
    nouns: HashMap<String, NounClass>,
    /// First two bytes of every number-word atom: a cheap filter before parsing words.
    number_prefixes: std::collections::HashSet<[u8; 2]>,
}

static DEFAULT: LazyLock<MoneyLexicon> = LazyLock::new(|| {
    MoneyLexicon::parse(
        NumberLexicon::embedded().clone(),
        ("<embedded currencies.tsv>", include_str!("../data/money/currencies.tsv")),
        ("<embedded qualifiers.tsv>", include_str!("../data/money/qualifiers.tsv")),
        ("<embedded vague.tsv>", include_str!("../data/money/vague.tsv")),
        ("<embedded nouns.tsv>", include_str!("../data/money/nouns.tsv")),
    )
    .expect("embedded money data is valid (a unit test checks it)")
});

fn phrase_tokens(s: &str) -> Vec<String> {
    crate::token::tokenize(s).iter().map(|t| crate::token::normalize(&s[t.span])).collect()
}

impl MoneyLexicon {
    /// The embedded default lexicon.
    pub fn embedded() -> &'static MoneyLexicon {
        &DEFAULT
    }

    /// Builds a lexicon from a number lexicon and four data files, each `(source name, text)`:
    /// currencies (`surface`, ISO code, `word`/`symbol`/`code`), qualifiers (`phrase`,
    /// `over`/`at_least`/`about`/`under`/`up_to`), vague words (`word`, `size`/`quantifier`) and
    /// nouns (`noun`, `money`/`count`).
    ///
    /// # Errors
    ///
    /// [`Error::Data`] naming the file, line and column of a malformed record.
    pub fn parse(
        numbers: NumberLexicon,
        currencies: (&str, &str),
        qualifiers: (&str, &str),
        vague: (&str, &str),
        nouns: (&str, &str),
    ) -> Result<MoneyLexicon, Error> {
        let mut lex = MoneyLexicon {
            number_prefixes: numbers.atom_prefixes(),
            numbers,
            currencies: Vec::new(),
            currency_first: HashMap::new(),
            codes: HashMap::new(),
            qualifiers: Vec::new(),
            vague: HashMap::new(),
            nouns: HashMap::new(),
        };
        for rec in records_named(currencies.0, currencies.1) {
            let surface = rec.require(0, "currency surface")?;
            let code = rec.require(1, "ISO 4217 code")?;
            let currency = Currency::from_code(code).ok_or_else(|| {
                rec.error_at(1, format!("{code:?} is not a three-letter upper-case ISO 4217 code"))
            })?;
            let kind = match rec.require(2, "kind")? {
                "word" => CurrencyKind::Word,
                "symbol" => CurrencyKind::Symbol,
                "code" => CurrencyKind::Code,
                other => {
                    return Err(
                        rec.error_at(2, format!("unknown kind {other:?} (expected word, symbol, code)"))
                    );
                }
            };
            if kind == CurrencyKind::Code {
                lex.codes.insert(surface.to_string(), currency);
                continue;
            }
            let tokens = phrase_tokens(surface);
            if tokens.is_empty() {
                return Err(rec.error_at(0, "currency surface has no tokens"));
            }
            lex.currencies.push((tokens, currency, kind));
        }
        // Longest first, so `dollari taiwanesi` wins over `dollari`.
        lex.currencies.sort_by_key(|(t, _, _)| std::cmp::Reverse(t.len()));
        for (i, (tokens, _, _)) in lex.currencies.iter().enumerate() {
            lex.currency_first.entry(tokens[0].clone()).or_default().push(i);
        }
        for rec in records_named(qualifiers.0, qualifiers.1) {
            let phrase = rec.require(0, "qualifier phrase")?;
            let q = match rec.require(1, "qualifier")? {
                "over" => Qualifier::Over,
                "at_least" => Qualifier::AtLeast,
                "about" => Qualifier::About,
                "under" => Qualifier::Under,
                "up_to" => Qualifier::UpTo,
                other => return Err(rec.error_at(1, format!("unknown qualifier {other:?}"))),
            };
            let tokens = phrase_tokens(phrase);
            if tokens.is_empty() {
                return Err(rec.error_at(0, "qualifier phrase has no tokens"));
            }
            lex.qualifiers.push((tokens, q));
        }
        lex.qualifiers.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        for rec in records_named(vague.0, vague.1) {
            let word = rec.require(0, "word")?;
            let class = match rec.require(1, "class")? {
                "size" => VagueClass::Size,
                "quantifier" => VagueClass::Quantifier,
                other => {
                    return Err(
                        rec.error_at(1, format!("unknown class {other:?} (expected size, quantifier)"))
                    );
                }
            };
            lex.vague.insert(crate::token::normalize(word), class);
        }
        for rec in records_named(nouns.0, nouns.1) {
            let word = rec.require(0, "noun")?;
            let class = match rec.require(1, "class")? {
                "money" => NounClass::Money,
                "count" => NounClass::Count,
                other => {
                    return Err(rec.error_at(1, format!("unknown class {other:?} (expected money, count)")));
                }
            };
            lex.nouns.insert(crate::token::normalize(word), class);
        }
        Ok(lex)
    }
}

/// Finds every monetary amount in `doc` with the embedded word lists, in text order.
///
/// This is the money stage of [`crate::Extractor`]; see the module docs for what counts as money.
///
/// # Examples
///
/// ```
/// use cronaca::money::{find_money, Qualifier};
/// use cronaca::token::Document;
///
/// let doc = Document::new("La società guidata da Sam Altman raccoglie tra 5 e 10 miliardi di dollari, non 10 gigawatt.");
/// let money = find_money(&doc);
/// assert_eq!(money.len(), 1);
/// assert_eq!(money[0].text, "5 e 10 miliardi di dollari");
/// assert_eq!(money[0].amount.unwrap().to_string(), "5000000000");
/// assert_eq!(money[0].amount_max.unwrap().to_string(), "10000000000");
/// ```
pub fn find_money(doc: &Document<'_>) -> Vec<Money> {
    find_money_with(doc, &DEFAULT)
}

/// Finds every monetary amount in `doc` with the word lists of `lex`, in text order.
pub fn find_money_with(doc: &Document<'_>, lex: &MoneyLexicon) -> Vec<Money> {
    let finder = Finder { doc, lex };
    let n = doc.tokens().len();
    let mut out = Vec::new();
    // The sentence of the last quantity that counted things (`8 milioni di visitatori`): an
    // amount without a currency after it in the same sentence (`che salgono a 30 milioni`)
    // is an elliptical count, not money.
    let mut count_sentence = None;
    let mut i = 0;
    while i < n {
        match finder.amount_at(i) {
            Found::Money(money, next) => {
                let sentence = doc.sentence_of(i);
                if money.currency_explicit {
                    count_sentence = None;
                    out.push(money);
                } else if count_sentence.is_none() || count_sentence != sentence {
                    out.push(money);
                }
                i = next.max(i + 1);
            }
            Found::Count(next) => {
                count_sentence = doc.sentence_of(i);
                i = next.max(i + 1);
            }
            Found::Nothing => i += 1,
        }
    }
    infer_currencies(&mut out);
    out
}

/// Gives amounts without a currency the one of the nearest explicit amount before them, or
/// after them when the article names none before.
fn infer_currencies(items: &mut [Money]) {
    let mut last = None;
    let mut missing = Vec::new();
    for (idx, m) in items.iter_mut().enumerate() {
        if m.currency_explicit {
            last = m.currency;
        } else if last.is_some() {
            m.currency = last;
        } else {
            missing.push(idx);
        }
    }
    for idx in missing {
        m_from_after(items, idx);
    }
}

fn m_from_after(items: &mut [Money], idx: usize) {
    let next = items
        .get(idx + 1..)
        .and_then(|rest| rest.iter().find(|m| m.currency_explicit))
        .and_then(|m| m.currency);
    if let Some(m) = items.get_mut(idx) {
        m.currency = next;
    }
}

/// A number, possibly scaled: `10`, `1,5 mld`, `un miliardo e mezzo`, `due miliardi e 300 milioni`.
#[derive(Debug, Clone, Copy)]
struct Core {
    /// One past the last token.
    next: usize,
    /// The number before its scale.
    base: Decimal,
    /// The whole value.
    value: Decimal,
    /// The scale's multiplier, if any.
    multiplier: Option<Decimal>,
    /// `un`, `mezzo`: a number only before a scale or a currency.
    needs_unit: bool,
    /// `decine di miliardi`: no exact value.
    vague: bool,
    /// `miliardi di dollari` with no number: money only with an explicit currency.
    bare: bool,
}

/// What starts at a token.
enum Found {
    /// An amount of money and the token after it.
    Money(Money, usize),
    /// A quantity of things (`100 miliardi di transistor`) and the token after it.
    Count(usize),
    Nothing,
}

struct Finder<'d, 'a> {
    doc: &'d Document<'a>,
    lex: &'d MoneyLexicon,
}

impl Finder<'_, '_> {
    fn norm(&self, i: usize) -> &str {
        self.doc.norm(i)
    }

    fn text(&self, i: usize) -> &str {
        self.doc.tokens().get(i).map_or("", |t| self.doc.text_of(t))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens().get(i).map(|t| t.kind)
    }

    fn scale_at(&self, i: usize) -> Option<crate::number::Scale> {
        match self.kind(i)? {
            TokenKind::Word | TokenKind::Abbreviation => self.lex.numbers.scale(self.text(i)),
            _ => None,
        }
    }

    fn is_di(&self, i: usize) -> bool {
        matches!(self.norm(i), "di" | "d'")
    }

    /// A number token: digits, `10M`, or a number word. Returns (value, built-in scale, needs unit).
    fn number_at(&self, i: usize) -> Option<(Decimal, Option<Decimal>, bool)> {
        let tok = self.doc.tokens().get(i)?;
        match tok.kind {
            TokenKind::Number => parse_digits(self.text(i)).map(|v| (v, None, false)),
            TokenKind::Word if tok.is(TokenFlags::HAS_DIGIT) => {
                let (v, s) = self.lex.numbers.split_scaled_word(self.text(i))?;
                Some((v, Some(s.multiplier), false))
            }
            TokenKind::Word => {
                let w = self.norm(i);
                let b = w.as_bytes();
                if b.len() < 2 || !self.lex.number_prefixes.contains(&[b[0], b[1]]) {
                    return None;
                }
                let v = self.lex.numbers.number_word(w)?;
                let needs_unit = self.lex.numbers.is_article(w) || self.lex.numbers.is_half(w);
                Some((v, None, needs_unit))
            }
            _ => None,
        }
    }

    fn core_at(&self, i: usize, depth: u8) -> Option<Core> {
        let (mut base, mut multiplier, needs_unit) = self.number_at(i)?;
        let mut k = i + 1;
        if multiplier.is_none()
            && let Some(s) = self.scale_at(k)
        {
            multiplier = Some(s.multiplier);
            k += 1;
        }
        let Some(mult) = multiplier else {
            return Some(Core {
                next: k,
                base,
                value: base,
                multiplier: None,
                needs_unit,
                vague: false,
                bare: false,
            });
        };
        // `un miliardo e mezzo`.
        if self.norm(k) == "e" && self.lex.numbers.is_half(self.norm(k + 1)) {
            base += Decimal::new(5, 1);
            k += 2;
        }
        let mut value = base.checked_mul(mult)?;
        // `due miliardi e 300 milioni`: a smaller scale after `e` adds up.
        if self.norm(k) == "e"
            && depth < 4
            && let Some(tail) = self.core_at(k + 1, depth + 1)
            && tail.multiplier.is_some_and(|m| m < mult)
            && !tail.needs_unit
            && let Some(sum) = value.checked_add(tail.value)
        {
            value = sum;
            k = tail.next;
        }
        Some(Core {
            next: k,
            base,
            value,
            multiplier: Some(mult),
            needs_unit: false,
            vague: false,
            bare: false,
        })
    }

    /// `decine di miliardi`, `una decina di milioni`, `migliaia di euro`, `miliardi di dollari`.
    fn vague_at(&self, i: usize) -> Option<Core> {
        let class = |j: usize| self.lex.vague.get(self.norm(j)).copied();
        let size = match (class(i), class(i + 1)) {
            (Some(VagueClass::Size), _) => Some(i),
            (Some(VagueClass::Quantifier), Some(VagueClass::Size)) => Some(i + 1),
            _ => None,
        };
        let vague = |next, multiplier, bare| Core {
            next,
            base: Decimal::ZERO,
            value: Decimal::ZERO,
            multiplier,
            needs_unit: false,
            vague: true,
            bare,
        };
        if let Some(s) = size {
            if !self.is_di(s + 1) {
                return None;
            }
            if let Some(scale) = self.scale_at(s + 2) {
                return Some(vague(s + 3, Some(scale.multiplier), false));
            }
            return self.currency_after(s + 2, false).map(|_| vague(s + 2, None, false));
        }
        let plural = if class(i) == Some(VagueClass::Quantifier) { i + 1 } else { i };
        let scale = self.scale_at(plural).filter(|s| s.plural)?;
        Some(vague(plural + 1, Some(scale.multiplier), true))
    }

    fn currency_seq_at(&self, k: usize) -> Option<(Currency, CurrencyKind, usize)> {
        if let Some(&c) = self.lex.codes.get(self.text(k)) {
            return Some((c, CurrencyKind::Code, 1));
        }
        let candidates = self.lex.currency_first.get(self.norm(k))?;
        candidates.iter().find_map(|&idx| {
            let (tokens, cur, kind) = &self.lex.currencies[idx];
            tokens.iter().enumerate().all(|(m, t)| self.norm(k + m) == t).then_some((
                *cur,
                *kind,
                tokens.len(),
            ))
        })
    }

    /// A currency before a number: a symbol or an ISO code (`$`, `US$`, `€`, `USD`).
    fn currency_before(&self, i: usize) -> Option<(Currency, usize)> {
        match self.currency_seq_at(i)? {
            (c, CurrencyKind::Symbol | CurrencyKind::Code, len) => Some((c, i + len)),
            _ => None,
        }
    }

    /// A currency after an amount, with `di` in between when `allow_di` (`miliardi di dollari`).
    fn currency_after(&self, k: usize, allow_di: bool) -> Option<(Currency, usize)> {
        let at = |k: usize| {
            let (c, kind, len) = self.currency_seq_at(k)?;
            // A symbol right before a number starts the next amount (`10 euro, $5`).
            if kind == CurrencyKind::Symbol && self.kind(k + len) == Some(TokenKind::Number) {
                return None;
            }
            Some((c, k + len))
        };
        at(k).or_else(|| if allow_di && self.is_di(k) { at(k + 1) } else { None })
    }

    fn qualifier_before(&self, lead: usize) -> Option<Qualifier> {
        let mut ends = [Some(lead), None];
        if lead > 0 && ARTICLES.contains(&self.norm(lead - 1)) {
            ends[1] = Some(lead - 1);
        }
        for end in ends.into_iter().flatten() {
            for (phrase, q) in &self.lex.qualifiers {
                if end >= phrase.len()
                    && phrase.iter().enumerate().all(|(m, w)| self.norm(end - phrase.len() + m) == w)
                {
                    return Some(*q);
                }
            }
        }
        None
    }

    /// Reads a money amount or a count of things starting at token `i`.
    fn amount_at(&self, i: usize) -> Found {
        match self.quantity_at(i) {
            Some(Ok((money, next))) => Found::Money(money, next),
            Some(Err(next)) => Found::Count(next),
            None => Found::Nothing,
        }
    }

    /// `Ok` with money and the token after it, `Err` with the token after a count of things.
    fn quantity_at(&self, i: usize) -> Option<Result<(Money, usize), usize>> {
        let kind = self.kind(i)?;
        if !matches!(kind, TokenKind::Number | TokenKind::Word | TokenKind::Symbol) {
            return None;
        }
        let (prefix, j) = match self.currency_before(i) {
            Some((c, j)) => (Some(c), j),
            None => (None, i),
        };
        let first = self.vague_at(j).or_else(|| self.core_at(j, 0))?;
        let mut lead = i;
        let mut k = first.next;
        let mut low = first;
        let mut high = None;
        if !first.vague {
            let before = if i > 0 { self.norm(i - 1) } else { "" };
            let connector = self.norm(k);
            let adjacent_dash = matches!(connector, "-" | "–") && self.kind(k) == Some(TokenKind::Punct);
            let is_range = adjacent_dash
                || connector == "e" && matches!(before, "tra" | "fra")
                || matches!(connector, "a" | "ad") && before == "da";
            if is_range
                && let Some(second) = self.core_at(k + 1, 0)
                && !second.needs_unit
            {
                if low.multiplier.is_none()
                    && let Some(m) = second.multiplier
                {
                    low.value = low.base.checked_mul(m)?;
                    low.multiplier = Some(m);
                }
                if low.value < second.value {
                    high = Some(second);
                    k = second.next;
                    if !adjacent_dash {
                        lead = i - 1;
                    }
                }
            }
        }
        let last = high.unwrap_or(low);
        let scaled = last.multiplier.is_some();
        let suffix = self.currency_after(k, scaled || last.vague);
        if let Some((_, end)) = suffix {
            k = end;
        }
        let currency = prefix.or(suffix.map(|(c, _)| c));
        if currency.is_none() {
            if last.bare || first.needs_unit && first.multiplier.is_none() {
                return None;
            }
            // What follows says whether the amount counts things (`di transistor`, `posti`).
            let noun = |j: usize| self.lex.nouns.get(self.norm(j)).copied();
            if noun(k) == Some(NounClass::Count)
                || scaled && self.is_di(k) && noun(k + 1) != Some(NounClass::Money)
            {
                return Some(Err(k));
            }
            if last.multiplier.is_none_or(|m| m < MONEY_SCALE) {
                return None;
            }
        }
        let first_tok = self.doc.tokens().get(i)?;
        let last_tok = self.doc.tokens().get(k.checked_sub(1)?)?;
        let mut end = last_tok.span.end;
        if last_tok.kind == TokenKind::Abbreviation && self.text(k - 1).ends_with('.') {
            end -= 1; // `2,3 mld.` at the end of a sentence: the period is the sentence's.
        }
        let span = Span::new(first_tok.span.start, end);
        let text = span.get(self.doc.text())?.to_string();
        let vague = first.vague;
        let money = Money {
            span,
            text,
            amount: (!vague).then(|| low.value.normalize()),
            amount_max: high.map(|h| h.value.normalize()),
            currency,
            currency_explicit: currency.is_some(),
            qualifier: self.qualifier_before(lead),
            vague,
        };
        Some(Ok((money, k)))
    }
}
