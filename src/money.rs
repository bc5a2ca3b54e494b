//! Money: amounts in Italian news as exact decimals with currency, qualifier and range.
//!
//! [`find_money`] walks the tokens of a [`Document`]: an amount is a number (digits, number words,
//! `10M`) with an optional scale (`miliardi`, `mld.`), an optional currency before (`$`, `€`, `USD`)
//! or after (`dollari`, `di euro`, `€`), possibly a range (`tra 5 e 10`, `da 5 a 10`, `5-10`).
//! Qualifiers before it (`oltre`, `circa`, `fino a`) go into [`Money::qualifier`], outside the span.
//! An amount without a currency is reported only when a reader reads it as money: it has a
//! scale of at least a million and is not followed by what it counts (`di transistor`,
//! `posti`); its currency is then the one of the nearest explicit amount of the article
//! before it (the euro when there is none), with `currency_explicit: false`. Orders of magnitude
//! (`decine di miliardi di dollari`) are reported with `amount: None` and `vague: true`.
//! A lone singular scale after an article (`intorno al miliardo`, `vale il miliardo`) is one of
//! it when a qualifier, a word of money or a currency goes with it.
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
use crate::hash::{WordMap, WordSet};
use crate::lexicon::records_named;
use crate::number::{NumberLexicon, parse_digits};
use crate::token::{Document, TokenFlags, TokenKind};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CurrencyKind {
    Word,
    Symbol,
    Code,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NounClass {
    /// `di fatturato`, `di dazi`: the amount is money.
    Money,
    /// `di transistor`, `utenti`: the amount counts things.
    Count,
    /// `anni`, `mesi`: a duration counts time; it never carries over to a later amount.
    Duration,
    /// `vale`, `pagato`: a word of money between a count and a later amount, which is then money.
    Context,
    /// `di cui`, `di qui al 2030`: a word after `di` that names no thing counted.
    Function,
    /// `nuovi`, `ulteriori`: an adjective before the noun after `di`, skipped.
    Modifier,
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
    currencies: Vec<(Vec<String>, Currency, CurrencyKind, Decimal)>,
    /// Indices into `currencies` by first token.
    currency_first: WordMap<Vec<usize>>,
    /// Case-sensitive ISO codes.
    codes: WordMap<Currency>,
    /// Qualifier phrases, longest first.
    qualifiers: Vec<(Vec<String>, Qualifier)>,
    /// Last word of a qualifier phrase → indices into `qualifiers` (longest phrases first).
    qualifier_by_last: WordMap<Vec<usize>>,
    vague: WordMap<VagueClass>,
    nouns: WordMap<NounClass>,
    /// Words that can start an amount, by their first two bytes: a cheap filter run on every token.
    starters: Starters,
    /// Every word an amount can start with, bar compound number words: scale, number and vague
    /// words, currencies' first words and codes (`starters` is its quick, looser filter).
    first_words: WordSet,
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
            starters: Starters::default(),
            first_words: WordSet::default(),
            numbers,
            currencies: Vec::new(),
            currency_first: WordMap::default(),
            codes: WordMap::default(),
            qualifiers: Vec::new(),
            qualifier_by_last: WordMap::default(),
            vague: WordMap::default(),
            nouns: WordMap::default(),
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
            let factor = match rec.get(3).filter(|f| !f.is_empty()) {
                None => Decimal::ONE,
                Some(f) => f
                    .parse::<Decimal>()
                    .ok()
                    .filter(|d| *d > Decimal::ZERO)
                    .ok_or_else(|| rec.error_at(3, format!("factor {f:?} is not a positive decimal")))?,
            };
            if kind == CurrencyKind::Code {
                lex.codes.insert(surface.to_string(), currency);
                continue;
            }
            let tokens = crate::token::normalized_tokens(surface);
            if tokens.is_empty() {
                return Err(rec.error_at(0, "currency surface has no tokens"));
            }
            lex.currencies.push((tokens, currency, kind, factor));
        }
        // Longest first, so `dollari taiwanesi` wins over `dollari`.
        lex.currencies.sort_by_key(|(t, _, _, _)| std::cmp::Reverse(t.len()));
        lex.currency_first =
            WordMap::positions(lex.currencies.iter().map(|(tokens, _, _, _)| tokens.first()));
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
            let tokens = crate::token::normalized_tokens(phrase);
            if tokens.is_empty() {
                return Err(rec.error_at(0, "qualifier phrase has no tokens"));
            }
            lex.qualifiers.push((tokens, q));
        }
        lex.qualifiers.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        lex.qualifier_by_last = WordMap::positions(lex.qualifiers.iter().map(|(phrase, _)| phrase.last()));
        let mut first_words = WordSet::default();
        first_words.extend(lex.numbers.words());
        first_words.extend(lex.currencies.iter().map(|(tokens, _, _, _)| tokens[0].clone()));
        first_words.extend(lex.codes.keys().map(|code| crate::token::normalize(code)));
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
            first_words.insert(crate::token::normalize(word));
        }
        for rec in records_named(nouns.0, nouns.1) {
            let word = rec.require(0, "noun")?;
            let class = match rec.require(1, "class")? {
                "money" => NounClass::Money,
                "count" => NounClass::Count,
                "duration" => NounClass::Duration,
                "context" => NounClass::Context,
                "function" => NounClass::Function,
                "modifier" => NounClass::Modifier,
                other => {
                    return Err(rec.error_at(
                        1,
                        format!("unknown class {other:?} (expected money, count, duration, context, function, modifier)"),
                    ));
                }
            };
            lex.nouns.insert(crate::token::normalize(word), class);
        }
        // The byte filter covers compound number words too: they start and end like an atom.
        for w in first_words.iter() {
            lex.starters.insert(w);
        }
        lex.first_words = first_words;
        Ok(lex)
    }
}

/// The first two and the last two bytes of words, as bit tables looked up without hashing.
#[derive(Clone)]
struct Starters(Box<[u64; 1024]>, Box<[u64; 1024]>);

impl Default for Starters {
    fn default() -> Self {
        Starters(Box::new([0; 1024]), Box::new([0; 1024]))
    }
}

impl std::fmt::Debug for Starters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Starters(..)")
    }
}

impl Starters {
    fn keys(word: &str) -> (usize, usize) {
        let b = word.as_bytes();
        let pair = |x: Option<&u8>, y: Option<&u8>| {
            (usize::from(x.copied().unwrap_or(0)) << 8) | usize::from(y.copied().unwrap_or(0))
        };
        let n = b.len();
        (pair(b.first(), b.get(1)), pair(b.get(n.wrapping_sub(2)), b.get(n.wrapping_sub(1))))
    }

    fn insert(&mut self, word: &str) {
        let (p, s) = Self::keys(word);
        self.0[p >> 6] |= 1 << (p & 63);
        self.1[s >> 6] |= 1 << (s & 63);
    }

    /// False when no listed word starts and ends like `word` (number-word compounds end
    /// with an atom, so the atoms' endings cover them).
    fn may_contain(&self, word: &str) -> bool {
        let (p, s) = Self::keys(word);
        self.0[p >> 6] & (1 << (p & 63)) != 0 && self.1[s >> 6] & (1 << (s & 63)) != 0
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
    // The sentence and end of the last scaled quantity that counted things (`8 milioni di
    // visitatori`): an amount without a currency after it in the same clause (`che salgono a
    // 30 milioni`) is an elliptical count, not money, unless a word of money comes in between
    // (`8 milioni di clienti e ricavi per 3 miliardi`, `e vale 3 miliardi`). Durations and
    // unscaled counts (`per sei anni`, `tre mesi fa`, `18.000 chip`) never carry over.
    let mut count: Option<(Option<usize>, usize)> = None;
    let mut i = 0;
    while i < n {
        match finder.amount_at(i) {
            Found::Money(money, next) => {
                // `il miliardo di ricavi` names what it is: never the count's continuation.
                let money_noun = |j: usize| lex.nouns.get(doc.norm(j)) == Some(&NounClass::Money);
                let own_money_noun = money_noun(next) || finder.is_di(next) && money_noun(next + 1);
                let elliptical_count = !money.currency_explicit
                    && !own_money_noun
                    && count.is_some_and(|(sentence, end)| {
                        sentence == doc.sentence_of(i)
                            && !(end..i).any(|j| {
                                matches!(doc.norm(j), ";" | "(" | ")")
                                    || matches!(
                                        lex.nouns.get(doc.norm(j)),
                                        Some(NounClass::Money | NounClass::Context)
                                    )
                            })
                    });
                if !elliptical_count {
                    count = None;
                    out.push(money);
                }
                i = next.max(i + 1);
            }
            Found::Count(next, carries) => {
                if carries {
                    count = Some((doc.sentence_of(i), next));
                }
                i = next.max(i + 1);
            }
            Found::Nothing => i += 1,
        }
    }
    infer_currencies(&mut out);
    out
}

/// The currency an Italian reader assumes when the article names none before an amount.
const READER_CURRENCY: Currency = Currency::EUR;

/// Gives amounts without a currency the one of the nearest explicit amount before them. With none
/// before (a headline: `sul tavolo 10 miliardi`), the first explicit one after it, which is the
/// body's currency; in an article that names none, the reader's currency, the euro.
fn infer_currencies(items: &mut [Money]) {
    let mut last = items.iter().find(|m| m.currency_explicit).and_then(|m| m.currency);
    for m in items.iter_mut() {
        if m.currency_explicit {
            last = m.currency;
        } else {
            m.currency = Some(last.unwrap_or(READER_CURRENCY));
        }
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
    /// `70B`, `3M`, `10 M`: a letter scale is money only with a currency (`$10M`), being
    /// also a model size or a name.
    needs_currency: bool,
    /// `decine di miliardi`: no exact value.
    vague: bool,
    /// `miliardi di dollari` with no number: money only with an explicit currency.
    bare: bool,
    /// `il miliardo`: a singular scale after an article, read as one of it.
    lone: bool,
}

/// What starts at a token.
enum Found {
    /// An amount of money and the token after it.
    Money(Money, usize),
    /// A quantity of things (`100 miliardi di transistor`), the token after it, and whether a
    /// later amount without a currency may continue it (a scaled count of things, not of time).
    Count(usize, bool),
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
            TokenKind::Word | TokenKind::Abbreviation => {
                self.lex.numbers.scale_of_token(self.text(i), self.norm(i))
            }
            _ => None,
        }
    }

    fn is_di(&self, i: usize) -> bool {
        matches!(self.norm(i), "di" | "d'")
    }

    /// A number token: digits, `10M`, or a number word.
    /// Returns (value, built-in scale, needs unit, needs currency).
    fn number_at(&self, i: usize) -> Option<(Decimal, Option<Decimal>, bool, bool)> {
        let tok = self.doc.tokens().get(i)?;
        match tok.kind {
            TokenKind::Number => parse_digits(self.text(i)).map(|v| (v, None, false, false)),
            TokenKind::Word if tok.is(TokenFlags::HAS_DIGIT) => {
                // A glued letter scale (`10M`, `70B`) reads as money only with a currency;
                // `4bn`, `1,5mld` are amounts.
                let (v, s) = self.lex.numbers.split_scaled_word(self.text(i))?;
                Some((v, Some(s.multiplier), false, s.exact))
            }
            TokenKind::Word => {
                let w = self.norm(i);
                let v = self.lex.numbers.number_word(w)?;
                let needs_unit = self.lex.numbers.is_article(w) || self.lex.numbers.is_half(w);
                Some((v, None, needs_unit, false))
            }
            _ => None,
        }
    }

    fn core_at(&self, i: usize, depth: u8) -> Option<Core> {
        let (mut base, mut multiplier, needs_unit, mut needs_currency) = self.number_at(i)?;
        let mut k = i + 1;
        if multiplier.is_none()
            && let Some(s) = self.scale_at(k)
        {
            multiplier = Some(s.multiplier);
            needs_currency |= s.exact;
            k += 1;
        }
        let Some(mult) = multiplier else {
            return Some(Core {
                next: k,
                base,
                value: base,
                multiplier: None,
                needs_unit,
                needs_currency,
                vague: false,
                bare: false,
                lone: false,
            });
        };
        // `un miliardo e mezzo`.
        if self.norm(k) == "e" && self.lex.numbers.is_half(self.norm(k + 1)) {
            base = base.checked_add(Decimal::new(5, 1))?;
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
            needs_currency,
            vague: false,
            bare: false,
            lone: false,
        })
    }

    /// `il miliardo`, `al milione`: a singular scale word right after an article or an
    /// articulated preposition stands for one of it (`intorno al miliardo`).
    fn lone_scale_at(&self, i: usize) -> Option<Core> {
        if self.kind(i) != Some(TokenKind::Word) {
            return None;
        }
        let before = i.checked_sub(1)?;
        if !matches!(self.norm(before), "il" | "al" | "del" | "dal" | "nel" | "sul" | "col") {
            return None;
        }
        let scale = self.scale_at(i).filter(|s| !s.plural && !s.exact && s.multiplier >= MONEY_SCALE)?;
        Some(Core {
            next: i + 1,
            base: Decimal::ONE,
            value: scale.multiplier,
            multiplier: Some(scale.multiplier),
            needs_unit: false,
            needs_currency: false,
            vague: false,
            bare: false,
            lone: true,
        })
    }

    /// Whether the word at `j`, right after `di` following a scaled amount, names what the amount
    /// counts (`di transistor`, `di visitatori`) rather than money (`di dazi`) or a function word
    /// (`di cui`, `di qui al 2030`). Prenominal adjectives (`di nuovi debiti`) are skipped; any
    /// other word is a count, capitalised ones too (`un milione di Gpu`), since a possessor
    /// (`i 4 miliardi di Microsoft`) cannot be told from a product by its shape.
    fn counted_after_di(&self, mut j: usize) -> bool {
        for _ in 0..3 {
            match self.lex.nouns.get(self.norm(j)) {
                Some(NounClass::Count | NounClass::Duration) => return true,
                Some(NounClass::Money | NounClass::Context | NounClass::Function) => return false,
                Some(NounClass::Modifier) => j += 1,
                None => {
                    let Some(tok) = self.doc.tokens().get(j) else { return false };
                    return tok.kind == TokenKind::Word && tok.is(TokenFlags::HAS_LETTER);
                }
            }
        }
        false
    }

    /// Whether a word of money (`vale`, `pagato`, `valutazione`) comes shortly before token
    /// `lead` in the same clause.
    fn money_word_before(&self, lead: usize) -> bool {
        (lead.saturating_sub(4)..lead)
            .rev()
            .take_while(|&j| self.kind(j) != Some(TokenKind::Punct))
            .any(|j| matches!(self.lex.nouns.get(self.norm(j)), Some(NounClass::Money | NounClass::Context)))
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
            needs_currency: false,
            vague: true,
            bare,
            lone: false,
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
        // `miliardi di dollari`, `alcuni miliardi`, `qualche miliardo` (but `un miliardo` is a number).
        let quantified =
            class(i) == Some(VagueClass::Quantifier) && self.lex.numbers.number_word(self.norm(i)).is_none();
        let at = if quantified { i + 1 } else { i };
        let scale = self.scale_at(at).filter(|s| s.plural || quantified && !s.exact)?;
        Some(vague(at + 1, Some(scale.multiplier), true))
    }

    /// A currency at token `k`: the currency, its kind, its length in tokens and the factor of
    /// a subunit (`centesimi`: 0.01).
    fn currency_seq_at(&self, k: usize) -> Option<(Currency, CurrencyKind, usize, Decimal)> {
        let tok = self.doc.tokens().get(k)?;
        if tok.is(TokenFlags::ALL_CAPS)
            && let Some(&c) = self.lex.codes.get(self.text(k))
        {
            return Some((c, CurrencyKind::Code, 1, Decimal::ONE));
        }
        let candidates = self.lex.currency_first.get(self.norm(k))?;
        candidates.iter().find_map(|&idx| {
            let (tokens, cur, kind, factor) = &self.lex.currencies[idx];
            tokens.iter().enumerate().all(|(m, t)| self.norm(k + m) == t).then_some((
                *cur,
                *kind,
                tokens.len(),
                *factor,
            ))
        })
    }

    /// A currency before a number: a symbol or an ISO code (`$`, `US$`, `€`, `USD`).
    fn currency_before(&self, i: usize) -> Option<(Currency, usize)> {
        match self.currency_seq_at(i)? {
            (c, CurrencyKind::Symbol | CurrencyKind::Code, len, _) => Some((c, i + len)),
            _ => None,
        }
    }

    /// A currency after an amount, with `di` in between when `allow_di` (`miliardi di dollari`).
    /// Returns the currency, the token after it and the subunit factor.
    fn currency_after(&self, k: usize, allow_di: bool) -> Option<(Currency, usize, Decimal)> {
        let at = |k: usize| {
            let (c, kind, len, factor) = self.currency_seq_at(k)?;
            // A symbol right before a number starts the next amount (`10 euro, $5`).
            if kind == CurrencyKind::Symbol && self.kind(k + len) == Some(TokenKind::Number) {
                return None;
            }
            Some((c, k + len, factor))
        };
        at(k).or_else(|| if allow_di && self.is_di(k) { at(k + 1) } else { None })
    }

    fn qualifier_before(&self, lead: usize) -> Option<Qualifier> {
        let mut ends = [Some(lead), None];
        if lead > 0 && ARTICLES.contains(&self.norm(lead - 1)) {
            ends[1] = Some(lead - 1);
        }
        for end in ends.into_iter().flatten() {
            let Some(ks) = end.checked_sub(1).and_then(|l| self.lex.qualifier_by_last.get(self.norm(l)))
            else {
                continue;
            };
            for (phrase, q) in ks.iter().filter_map(|&k| self.lex.qualifiers.get(k)) {
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
            Some(Err((next, carries))) => Found::Count(next, carries),
            None => Found::Nothing,
        }
    }

    /// `Ok` with money and the token after it, `Err` with the token after a count of things and
    /// whether that count carries over (see [`Found::Count`]).
    fn quantity_at(&self, i: usize) -> Option<Result<(Money, usize), (usize, bool)>> {
        let tok = self.doc.tokens().get(i)?;
        let candidate = match tok.kind {
            TokenKind::Number => true,
            TokenKind::Word if tok.is(TokenFlags::HAS_DIGIT) => true,
            TokenKind::Word | TokenKind::Symbol => {
                let w = self.norm(i);
                self.lex.starters.may_contain(w)
                    && (self.lex.first_words.contains(w) || self.lex.numbers.may_be_compound(w))
            }
            _ => false,
        };
        if !candidate {
            return None;
        }
        let (prefix, j) = match self.currency_before(i) {
            Some((c, j)) => (Some(c), j),
            None => (None, i),
        };
        let first = self.vague_at(j).or_else(|| self.core_at(j, 0)).or_else(|| self.lone_scale_at(j))?;
        let mut lead = i;
        let mut k = first.next;
        let mut low = first;
        let mut high = None;
        if !first.vague && !first.lone {
            // The word opening a range, maybe with an article: `tra 5 e 10`, `tra i 20 e i 30`,
            // `da 5 a 10`, `dai 5 ai 10`.
            let mut open = i.checked_sub(1);
            if let Some(b) = open
                && ARTICLES.contains(&self.norm(b))
            {
                open = b.checked_sub(1);
            }
            let open_word = open.map_or("", |b| self.norm(b));
            let connector = self.norm(k);
            let adjacent_dash = matches!(connector, "-" | "–") && self.kind(k) == Some(TokenKind::Punct);
            let is_range = adjacent_dash
                || connector == "e" && matches!(open_word, "tra" | "fra")
                || matches!(connector, "a" | "ad" | "al" | "ai" | "agli")
                    && matches!(open_word, "da" | "dal" | "dai" | "dagli");
            let mut second_at = k + 1;
            if !adjacent_dash && ARTICLES.contains(&self.norm(second_at)) {
                second_at += 1;
            }
            if is_range
                && let Some(second) = self.core_at(second_at, 0)
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
                    if !adjacent_dash && let Some(b) = open {
                        lead = b;
                    }
                }
            }
        }
        let last = high.unwrap_or(low);
        let scaled = last.multiplier.is_some();
        let suffix = self.currency_after(k, scaled || last.vague);
        if let Some((_, end, factor)) = suffix {
            k = end;
            if factor != Decimal::ONE {
                // `20 centesimi`: a subunit.
                low.value = low.value.checked_mul(factor)?;
                if let Some(h) = high.as_mut() {
                    h.value = h.value.checked_mul(factor)?;
                }
            }
        }
        let currency = prefix.or(suffix.map(|(c, _, _)| c));
        if currency.is_none() {
            if last.bare
                || first.needs_unit && first.multiplier.is_none()
                || first.needs_currency
                || last.needs_currency
            {
                return None;
            }
            // What follows says whether the amount counts things (`di transistor`, `posti`).
            let noun = |j: usize| self.lex.nouns.get(self.norm(j)).copied();
            match noun(k) {
                Some(NounClass::Count) => return Some(Err((k, scaled))),
                Some(NounClass::Duration) => return Some(Err((k, false))),
                _ => {}
            }
            if scaled && self.is_di(k) && self.counted_after_di(k + 1) {
                let carries = noun(k + 1) != Some(NounClass::Duration);
                return Some(Err((k, carries)));
            }
            if last.multiplier.is_none_or(|m| m < MONEY_SCALE) {
                return None;
            }
            // `intorno al miliardo`, `vale il miliardo`: a lone scale is money only when a
            // qualifier or a word of money comes before it.
            if first.lone && self.qualifier_before(lead).is_none() && !self.money_word_before(lead) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `text=amount[..max] CUR[?] [qualifier]`; `~` for a vague amount, `?` for an inferred currency.
    fn render(m: &Money) -> String {
        let mut s = format!("{}=", m.text);
        match m.amount {
            Some(a) => s += &a.to_string(),
            None => s.push('~'),
        }
        if let Some(max) = m.amount_max {
            s += &format!("..{max}");
        }
        s += &format!(" {}", m.currency.map_or("-".to_string(), |c| c.to_string()));
        if !m.currency_explicit {
            s.push('?');
        }
        if let Some(q) = m.qualifier {
            s += &format!(" {}", serde_json::to_string(&q).unwrap_or_default().trim_matches('"'));
        }
        s
    }

    fn check(table: &[(&str, &[&str])]) {
        for &(text, want) in table {
            let doc = Document::new(text);
            let got: Vec<String> = find_money(&doc).iter().map(render).collect();
            assert_eq!(got, want, "help: find_money({text:?}); see the rules in money.rs and data/money/");
        }
    }

    #[test]
    fn embedded_data_parses() {
        let lex = MoneyLexicon::embedded();
        assert!(lex.currencies.len() > 20 && lex.codes.len() > 10 && lex.qualifiers.len() > 20);
        assert!(!lex.vague.is_empty() && !lex.nouns.is_empty());
    }

    #[test]
    fn money_010_digit_formats() {
        check(&[
            ("Il colosso di Seattle ha pagato 10 euro.", &["10 euro=10 EUR"]),
            ("Il biglietto costa 1.500 euro.", &["1.500 euro=1500 EUR"]),
            ("Un bonus da 1.500.000 euro al manager.", &["1.500.000 euro=1500000 EUR"]),
            ("Il titolo chiude a 3,5 euro per azione.", &["3,5 euro=3.5 EUR"]),
            ("Dividendo di 2,75 euro.", &["2,75 euro=2.75 EUR"]),
            ("Multa di 1.500,50 euro per l'azienda.", &["1.500,50 euro=1500.5 EUR"]),
            ("A cost of 1,500.50 dollari per unit.", &["1,500.50 dollari=1500.5 USD"]),
            ("Premio di 10.000 euro ai dipendenti.", &["10.000 euro=10000 EUR"]),
            ("Cedola di 0,5 euro.", &["0,5 euro=0.5 EUR"]),
        ]);
    }

    #[test]
    fn money_020_scale_words() {
        check(&[
            ("Raccolti 50 mila euro.", &["50 mila euro=50000 EUR"]),
            ("Un ordine da 1 milione di euro.", &["1 milione di euro=1000000 EUR"]),
            ("Ricavi per 3 milioni di euro.", &["3 milioni di euro=3000000 EUR"]),
            ("Perdita di 40 mln di euro.", &["40 mln di euro=40000000 EUR"]),
            ("Perdita di 40 mln. di euro.", &["40 mln. di euro=40000000 EUR"]),
            ("Utile a 1,5 mld di euro.", &["1,5 mld di euro=1500000000 EUR"]),
            ("L'utile sale a 1,5 mld. euro.", &["1,5 mld. euro=1500000000 EUR"]),
            ("Ricavi per 2 mrd di euro.", &["2 mrd di euro=2000000000 EUR"]),
            ("Vale un miliardo di euro.", &["un miliardo di euro=1000000000 EUR"]),
            ("Vendite per 79,14 trilioni di won.", &["79,14 trilioni di won=79140000000000 KRW"]),
            ("Un fondo da 2 bilioni di yen.", &["2 bilioni di yen=2000000000000 JPY"]),
            ("Round da $500k per la startup.", &["$500k=500000 USD"]),
            ("Round da $10M per la startup.", &["$10M=10000000 USD"]),
            ("Un accordo da $4B con Amd.", &["$4B=4000000000 USD"]),
            ("Un accordo da $4bn con Amd.", &["$4bn=4000000000 USD"]),
            ("Un accordo da 4 bn di dollari.", &["4 bn di dollari=4000000000 USD"]),
            ("Un contratto da $4 billion.", &["$4 billion=4000000000 USD"]),
            ("Un round da 20 mn di sterline.", &["20 mn di sterline=20000000 GBP"]),
            ("Una startup milionaria, con 10 dipendenti.", &[]),
        ]);
    }

    #[test]
    fn money_030_number_words() {
        check(&[
            ("Costa dieci euro al mese.", &["dieci euro=10 EUR"]),
            ("Costa cento dollari.", &["cento dollari=100 USD"]),
            ("Sconto di duecento euro.", &["duecento euro=200 EUR"]),
            ("Un premio di mille euro.", &["mille euro=1000 EUR"]),
            ("Un premio di tremila euro.", &["tremila euro=3000 EUR"]),
            ("Investe un miliardo e mezzo di euro.", &["un miliardo e mezzo di euro=1500000000 EUR"]),
            ("Vale mezzo miliardo di dollari.", &["mezzo miliardo di dollari=500000000 USD"]),
            (
                "Pagherà due miliardi e 300 milioni di euro.",
                &["due miliardi e 300 milioni di euro=2300000000 EUR"],
            ),
            ("Ha chiesto cinquanta milioni di dollari.", &["cinquanta milioni di dollari=50000000 USD"]),
            ("Due miliardi di dollari per entrare in Amd.", &["Due miliardi di dollari=2000000000 USD"]),
            ("Ha aspettato dieci anni e tre mesi.", &[]),
        ]);
    }

    #[test]
    fn money_040_currencies() {
        check(&[
            ("Vale 10 miliardi di dollari Usa.", &["10 miliardi di dollari Usa=10000000000 USD"]),
            ("Vale 10 miliardi di dollari americani.", &["10 miliardi di dollari americani=10000000000 USD"]),
            ("Costa 1 dollaro.", &["1 dollaro=1 USD"]),
            ("Paga 20 sterline.", &["20 sterline=20 GBP"]),
            ("Una sterlina e 5 franchi svizzeri.", &["Una sterlina=1 GBP", "5 franchi svizzeri=5 CHF"]),
            ("Vale 300 miliardi di yen.", &["300 miliardi di yen=300000000000 JPY"]),
            ("Ricavi per 8 miliardi di yuan.", &["8 miliardi di yuan=8000000000 CNY"]),
            ("Ricavi per 8 miliardi di renminbi.", &["8 miliardi di renminbi=8000000000 CNY"]),
            ("Investe 500 miliardi di rupie.", &["500 miliardi di rupie=500000000000 INR"]),
            ("Utile di 6,7 trilioni di won.", &["6,7 trilioni di won=6700000000000 KRW"]),
            (
                "Utile di 452 miliardi di dollari taiwanesi.",
                &["452 miliardi di dollari taiwanesi=452000000000 TWD"],
            ),
            ("Un piano da $10 mld per i chip.", &["$10 mld=10000000000 USD"]),
            ("Un piano da 10 mld $ per i chip.", &["10 mld $=10000000000 USD"]),
            ("L'operazione vale € 200 milioni.", &["€ 200 milioni=200000000 EUR"]),
            ("L'operazione vale 200 milioni €.", &["200 milioni €=200000000 EUR"]),
            ("L'operazione vale US$ 3 miliardi.", &["US$ 3 miliardi=3000000000 USD"]),
            ("L'operazione vale US$3 miliardi.", &["US$3 miliardi=3000000000 USD"]),
            ("Ricavi per USD 40 milioni.", &["USD 40 milioni=40000000 USD"]),
            ("Ricavi per 40 milioni di EUR.", &["40 milioni di EUR=40000000 EUR"]),
            ("Ricavi per 40 milioni d'euro.", &["40 milioni d'euro=40000000 EUR"]),
            ("Costa 5 euro, $7 negli Usa.", &["5 euro=5 EUR", "$7=7 USD"]),
            ("Un dividendo di 20 centesimi per azione.", &["20 centesimi=0.2 EUR"]),
            ("Il fondo saudita mette 40 miliardi di riyal.", &["40 miliardi di riyal=40000000000 SAR"]),
            (
                "Utile a 300 miliardi di dollari di Taiwan.",
                &["300 miliardi di dollari di Taiwan=300000000000 TWD"],
            ),
            ("Il gruppo svizzero incassa 2 miliardi di franchi.", &["2 miliardi di franchi=2000000000 CHF"]),
            ("Costa 200€ al mese.", &["200€=200 EUR"]),
            ("Sale di 35 centesimi di dollaro.", &["35 centesimi di dollaro=0.35 USD"]),
        ]);
    }

    #[test]
    fn money_050_qualifiers() {
        check(&[
            ("Investirà oltre 13 miliardi di dollari.", &["13 miliardi di dollari=13000000000 USD over"]),
            ("Investirà più di 4 miliardi di euro.", &["4 miliardi di euro=4000000000 EUR over"]),
            (
                "L'accordo potrebbe superare i 10 miliardi di dollari.",
                &["10 miliardi di dollari=10000000000 USD over"],
            ),
            ("Il valore è sopra i 2 miliardi di euro.", &["2 miliardi di euro=2000000000 EUR over"]),
            (
                "Ha scommesso almeno 8 miliardi di dollari.",
                &["8 miliardi di dollari=8000000000 USD at_least"],
            ),
            ("Vale circa 3 miliardi di euro.", &["3 miliardi di euro=3000000000 EUR about"]),
            ("Vale intorno ai 75 miliardi di dollari.", &["75 miliardi di dollari=75000000000 USD about"]),
            ("Fatturato attorno a 9 miliardi di euro.", &["9 miliardi di euro=9000000000 EUR about"]),
            ("Una cifra nell'ordine di 5 miliardi di euro.", &["5 miliardi di euro=5000000000 EUR about"]),
            ("Una cifra nell’ordine dei 5 miliardi di euro.", &["5 miliardi di euro=5000000000 EUR about"]),
            ("Vale quasi 11,7 miliardi di dollari.", &["11,7 miliardi di dollari=11700000000 USD under"]),
            ("Vale meno di 2 miliardi di euro.", &["2 miliardi di euro=2000000000 EUR under"]),
            ("Scende sotto i 20 euro.", &["20 euro=20 EUR under"]),
            ("Potrà arrivare fino a un miliardo di euro.", &["un miliardo di euro=1000000000 EUR up_to"]),
            ("Pagherà al massimo 900 milioni di euro.", &["900 milioni di euro=900000000 EUR up_to"]),
            ("Pagherà non più di 900 milioni di euro.", &["900 milioni di euro=900000000 EUR up_to"]),
            ("Una cifra vicina ai 10 miliardi di euro.", &["10 miliardi di euro=10000000000 EUR about"]),
            ("Pagherà poco più di 90 euro.", &["90 euro=90 EUR over"]),
        ]);
    }

    #[test]
    fn money_060_ranges() {
        check(&[
            (
                "Cerca tra 5 e 10 miliardi di dollari.",
                &["5 e 10 miliardi di dollari=5000000000..10000000000 USD"],
            ),
            ("Cerca da 5 a 10 miliardi di euro.", &["5 a 10 miliardi di euro=5000000000..10000000000 EUR"]),
            (
                "Costerà tra i 20 e i 30 miliardi di euro.",
                &["20 e i 30 miliardi di euro=20000000000..30000000000 EUR"],
            ),
            (
                "Costerà circa tra 2 e 3 miliardi di euro.",
                &["2 e 3 miliardi di euro=2000000000..3000000000 EUR about"],
            ),
            ("Ricavi dai 3 ai 4 miliardi di euro.", &["3 ai 4 miliardi di euro=3000000000..4000000000 EUR"]),
            ("Dal 2026 al 2028 spenderà 10 miliardi di euro.", &["10 miliardi di euro=10000000000 EUR"]),
            ("Un round da 5-10 milioni di euro.", &["5-10 milioni di euro=5000000..10000000 EUR"]),
            ("Un utile per azione tra 0,80 e 0,82 euro.", &["0,80 e 0,82 euro=0.8..0.82 EUR"]),
            ("Un piano da $5-10 mld.", &["$5-10 mld=5000000000..10000000000 USD"]),
            ("Tra il 2026 e il 2028 spenderà 10 miliardi di euro.", &["10 miliardi di euro=10000000000 EUR"]),
        ]);
    }

    #[test]
    fn money_070_inferred_currency() {
        check(&[
            (
                "Amazon ha investito 4 miliardi di dollari; ha già scommesso almeno 8 miliardi su Anthropic.",
                &["4 miliardi di dollari=4000000000 USD", "8 miliardi=8000000000 USD? at_least"],
            ),
            (
                "Il debito è di 3 miliardi di euro. Ha ottenuto 12,5 miliardi in prestiti.",
                &["3 miliardi di euro=3000000000 EUR", "12,5 miliardi=12500000000 EUR?"],
            ),
            (
                "Ricavi per 6,1 mld, in calo. L'utile è di 2 miliardi di dollari.",
                &["6,1 mld=6100000000 USD?", "2 miliardi di dollari=2000000000 USD"],
            ),
            (
                "Con 15 miliardi di fatturato il gruppo pesa; 3 miliardi di dollari in cassa.",
                &["15 miliardi=15000000000 USD?", "3 miliardi di dollari=3000000000 USD"],
            ),
            (
                "Sul tavolo oltre 10 miliardi\n\nAmazon investirà 10 miliardi di dollari. Poi altri 2 miliardi.",
                &[
                    "10 miliardi=10000000000 USD? over",
                    "10 miliardi di dollari=10000000000 USD",
                    "2 miliardi=2000000000 USD?",
                ],
            ),
            ("Nessuna valuta qui: 5 miliardi raccolti.", &["5 miliardi=5000000000 EUR?"]),
        ]);
    }

    #[test]
    fn money_080_not_money() {
        check(&[
            (
                "Ha speso 2 miliardi di euro per 10 gigawatt di capacità.",
                &["2 miliardi di euro=2000000000 EUR"],
            ),
            (
                "Spende 2 miliardi di euro e crea 30.000 posti di lavoro.",
                &["2 miliardi di euro=2000000000 EUR"],
            ),
            (
                "Con 2 miliardi di euro la quota sale al 5,6 per cento.",
                &["2 miliardi di euro=2000000000 EUR"],
            ),
            ("Ha comprato 18.000 chip per 2 miliardi di dollari.", &["2 miliardi di dollari=2000000000 USD"]),
            (
                "Il chip da 3 miliardi di euro ha 100 miliardi di transistor.",
                &["3 miliardi di euro=3000000000 EUR"],
            ),
            (
                "Paga 5 miliardi di euro per 384.099.915 azioni, il 10%.",
                &["5 miliardi di euro=5000000000 EUR"],
            ),
            (
                "Vale 1 miliardo di euro. Nel 2019 e in 12 mesi nulla è cambiato.",
                &["1 miliardo di euro=1000000000 EUR"],
            ),
            (
                "Costa 2 miliardi di dollari; il Maia 200 e l'X2E-80-100 arrivano.",
                &["2 miliardi di dollari=2000000000 USD"],
            ),
            (
                "Vale 5 miliardi di euro e ha 8 milioni di utenti, che salgono a 30 milioni al mese.",
                &["5 miliardi di euro=5000000000 EUR"],
            ),
            (
                "Ha venduto 3 milioni smartphone; incassa 2 miliardi di euro.",
                &["2 miliardi di euro=2000000000 EUR"],
            ),
            (
                "Costa 2 miliardi di euro. Il modello Llama 70B e il 3M da 40 M non sono denaro.",
                &["2 miliardi di euro=2000000000 EUR"],
            ),
            (
                "Vale 5 miliardi di euro. Ha 8 milioni di clienti e ricavi per 3 miliardi.",
                &["5 miliardi di euro=5000000000 EUR", "3 miliardi=3000000000 EUR?"],
            ),
            (
                "Costa 2 miliardi di euro e ne incassa 1,5mld.",
                &["2 miliardi di euro=2000000000 EUR", "1,5mld=1500000000 EUR?"],
            ),
        ]);
    }

    #[test]
    fn money_090_vague() {
        check(&[
            ("Servono decine di miliardi di dollari.", &["decine di miliardi di dollari=~ USD"]),
            ("Perdite per miliardi di dollari.", &["miliardi di dollari=~ USD"]),
            (
                "Vale 2 miliardi di euro; ne perde centinaia di milioni.",
                &["2 miliardi di euro=2000000000 EUR", "centinaia di milioni=~ EUR?"],
            ),
            ("Ne valgono poche centinaia di milioni di euro.", &["poche centinaia di milioni di euro=~ EUR"]),
            (
                "Vale 1 miliardo di euro, ne investe una decina di milioni.",
                &["1 miliardo di euro=1000000000 EUR", "una decina di milioni=~ EUR?"],
            ),
            ("Costa migliaia di euro.", &["migliaia di euro=~ EUR"]),
            ("Servirà qualche miliardo di euro.", &["qualche miliardo di euro=~ EUR"]),
            ("Ha perso alcuni miliardi di dollari.", &["alcuni miliardi di dollari=~ USD"]),
            ("Vale un miliardo di euro.", &["un miliardo di euro=1000000000 EUR"]),
            ("Ci sono migliaia di licenziamenti e miliardi di utenti.", &[]),
        ]);
    }

    #[test]
    fn money_082_carried_count_only_in_a_count_context() {
        check(&[
            // A genuine elliptical count: same clause, nothing about money in between.
            ("La piattaforma ha 12 milioni di abbonati, che saliranno a 20 milioni nel 2027.", &[]),
            // Durations and dates are not counts that carry on.
            (
                "Costa 2 miliardi di euro. Il bond dura per sette anni e il secondo vale 800 milioni.",
                &["2 miliardi di euro=2000000000 EUR", "800 milioni=800000000 EUR?"],
            ),
            (
                "Vale 3 miliardi di euro e due mesi fa una quota di minoranza è passata di mano per 400 milioni.",
                &["3 miliardi di euro=3000000000 EUR", "400 milioni=400000000 EUR?"],
            ),
            // An unscaled count does not carry on.
            ("Ha comprato 20.000 server e ne spenderà altri 900 milioni.", &["900 milioni=900000000 EUR?"]),
            // A word of money or a clause break in between makes the later amount money.
            (
                "La banca conta 4 milioni di correntisti e vale circa 30 miliardi.",
                &["30 miliardi=30000000000 EUR? about"],
            ),
            (
                "La app ha 2 milioni di utenti, saliti a 3 milioni, e punta a superare il miliardo di ricavi.",
                &["miliardo=1000000000 EUR? over"],
            ),
            (
                "La rete ha 9 milioni di utenti; il gruppo ha incassato 600 milioni.",
                &["600 milioni=600000000 EUR?"],
            ),
            (
                "Il porto ha movimentato 2 milioni di tonnellate, per un giro d'affari di 500 milioni.",
                &["500 milioni=500000000 EUR?"],
            ),
            (
                "La banca fusa servirà 6 milioni di correntisti e gestirà un attivo di 150 miliardi.",
                &["150 miliardi=150000000000 EUR?"],
            ),
        ]);
    }

    #[test]
    fn money_084_money_nouns_after_di() {
        check(&[
            ("Le importazioni costano al produttore 800 milioni di dazi.", &["800 milioni=800000000 EUR?"]),
            ("Lo Stato incasserà 3 miliardi di tasse in più.", &["3 miliardi=3000000000 EUR?"]),
            ("La compagnia ha 40 miliardi di debiti.", &["40 miliardi=40000000000 EUR?"]),
            ("L'emittente colloca 2 miliardi di obbligazioni.", &["2 miliardi=2000000000 EUR?"]),
            ("Servono 5 miliardi di nuovi investimenti.", &["5 miliardi=5000000000 EUR?"]),
            ("Il piano prevede 10 miliardi di stipendi.", &["10 miliardi=10000000000 EUR?"]),
            ("Investirà 20 miliardi di qui al 2030.", &["20 miliardi=20000000000 EUR?"]),
            ("La banca raccoglie 2 miliardi di nuova finanza.", &["2 miliardi=2000000000 EUR?"]),
            ("Stanzia 8 miliardi, di cui 3 per la ricerca.", &["8 miliardi=8000000000 EUR?"]),
            // Counts stay counts, known or not.
            ("Il chip ha 200 miliardi di transistor.", &[]),
            ("La società produce 2 milioni di barili al giorno.", &[]),
            ("Sono state vendute 30 milioni di azioni.", &[]),
            ("Il nuovo modello ha 400 miliardi di parametri.", &[]),
            ("Il porto movimenta 3 milioni di container.", &[]),
            ("Il laboratorio userà fino a un milione di Gpu.", &[]),
            ("La rete conta 5 milioni di nuovi iscritti.", &[]),
        ]);
    }

    #[test]
    fn money_086_lone_scale() {
        check(&[
            ("Gli analisti stimano il marchio intorno al miliardo.", &["miliardo=1000000000 EUR? about"]),
            ("Ora la startup vale il miliardo.", &["miliardo=1000000000 EUR?"]),
            ("La raccolta è sopra il miliardo di euro.", &["miliardo di euro=1000000000 EUR over"]),
            ("Il fatturato ha superato il milione di dollari.", &["milione di dollari=1000000 USD over"]),
            // Not money: a count, or no context of money.
            ("La app ha superato il milione di utenti.", &[]),
            ("Il miliardo di persone connesse cresce.", &[]),
            ("Ha letto Il Milione di Marco Polo.", &[]),
            ("Il traguardo del miliardo è lontano.", &[]),
        ]);
    }

    #[test]
    fn money_100_serializes_as_in_contract() {
        let doc = Document::new("L'utile sale a 1,5 mld di euro.");
        let money = find_money(&doc);
        let json = serde_json::to_value(&money[0]).unwrap_or_default();
        assert_eq!(json["amount"], "1500000000");
        assert_eq!(json["amount_max"], serde_json::Value::Null);
        assert_eq!(json["currency"], "EUR");
        assert_eq!(json["start"], 15);
        assert_eq!(json["end"], 30);
        assert_eq!(json["vague"], false);
    }

    #[test]
    fn bad_data_reports_file_line_and_column() {
        let parse = |c: &str, q: &str| {
            MoneyLexicon::parse(
                NumberLexicon::embedded().clone(),
                ("c.tsv", c),
                ("q.tsv", q),
                ("v.tsv", ""),
                ("n.tsv", ""),
            )
            .map(|_| ())
            .map_err(|e| e.to_string())
        };
        let err = parse("euro\teur\tword\n", "").unwrap_err();
        assert!(err.starts_with("c.tsv:1:6:"), "{err}");
        let err = parse("euro\tEUR\tcoin\n", "").unwrap_err();
        assert!(err.contains("unknown kind"), "{err}");
        let err = parse("", "# q\ncirca\tvicino\n").unwrap_err();
        assert!(err.starts_with("q.tsv:2:7:"), "{err}");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str) -> Result<(), TestCaseError> {
        let doc = Document::new(text);
        for m in find_money(&doc) {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len(), "{m:?}");
            prop_assert_eq!(m.span.get(text), Some(m.text.as_str()));
            prop_assert_eq!(m.amount.is_none(), m.vague);
        }
        Ok(())
    }

    const WORDS: &[&str] = &[
        "10",
        "1.500",
        "3,5",
        "1,500.50",
        "€",
        "$",
        "US",
        "di",
        "d'",
        "e",
        "tra",
        "da",
        "a",
        "-",
        "mld.",
        "mld",
        "miliardi",
        "milioni",
        "un",
        "mezzo",
        "decine",
        "poche",
        "euro",
        "dollari",
        "taiwanesi",
        "oltre",
        "circa",
        "più",
        "fino",
        "10%",
        "chip",
        "posti",
        "fatturato",
        "USD",
        "M",
        "4bn",
        "è",
        "l’",
        "nell'",
        "ordine",
        ".",
        ",",
        "\n\n",
        "duecento",
        "tremila",
        "🙂",
        "città",
        "'90",
    ];

    /// `(text, value)`: a well-formed amount with a currency, written in one of the formats.
    fn amount() -> impl Strategy<Value = (String, Decimal)> {
        (0u64..1_000_000, 0usize..3, 0u32..100, any::<bool>(), any::<bool>(), 0usize..9, 0usize..7).prop_map(
            |(int, decimals, frac, english, grouped, scale_i, cur_i)| {
                let frac_digits = match decimals {
                    0 => String::new(),
                    1 => (frac % 10).to_string(),
                    _ => format!("{frac:02}"),
                };
                let group = |sep: char| {
                    let digits = int.to_string();
                    let mut out = String::new();
                    for (k, c) in digits.chars().enumerate() {
                        if k > 0 && (digits.len() - k) % 3 == 0 {
                            out.push(sep);
                        }
                        out.push(c);
                    }
                    out
                };
                let number = if english {
                    // `1,500` alone would be an Italian decimal: group only when a decimal follows.
                    let int_s = if grouped && !frac_digits.is_empty() { group(',') } else { int.to_string() };
                    if frac_digits.is_empty() { int_s } else { format!("{int_s}.{frac_digits}") }
                } else {
                    let int_s = if grouped { group('.') } else { int.to_string() };
                    if frac_digits.is_empty() { int_s } else { format!("{int_s},{frac_digits}") }
                };
                let value = format!("{int}.{}", if frac_digits.is_empty() { "0" } else { &frac_digits });
                let value: Decimal = value.parse().unwrap_or_default();
                let (scale, mult): (&str, u64) = [
                    ("", 1),
                    (" mila", 1_000),
                    (" milioni", 1_000_000),
                    (" mln", 1_000_000),
                    (" mld", 1_000_000_000),
                    (" mld.", 1_000_000_000),
                    (" miliardi", 1_000_000_000),
                    (" trilioni", 1_000_000_000_000),
                    (" Miliardi", 1_000_000_000),
                ][scale_i];
                let amount = format!("{number}{scale}");
                let di = if scale.is_empty() { "" } else { " di" };
                let text = match cur_i {
                    0 => format!("{amount} euro"),
                    1 => format!("{amount}{di} dollari"),
                    2 => format!("${amount}"),
                    3 => format!("€ {amount}"),
                    4 => format!("{amount} €"),
                    5 => format!("USD {amount}"),
                    _ => format!("{amount}{di} sterline britanniche"),
                };
                (text, (value * Decimal::from(mult)).normalize())
            },
        )
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_spans_are_valid(text in "\\PC{0,200}") {
            check_spans(&text)?;
        }

        #[test]
        fn money_like_word_salad_keeps_valid_spans(words in prop::collection::vec(prop::sample::select(WORDS), 0..40)) {
            check_spans(&words.join(" "))?;
            check_spans(&words.concat())?;
        }

        #[test]
        fn generated_amounts_parse_exactly((amount, value) in amount()) {
            let text = format!("La società guidata da Sam Altman investirà {amount} nel progetto.");
            let doc = Document::new(&text);
            let money = find_money(&doc);
            prop_assert_eq!(money.len(), 1, "{}: {:?}", text, money);
            prop_assert_eq!(money[0].text.as_str(), amount.trim_end_matches('.'));
            prop_assert_eq!(money[0].amount, Some(value));
            prop_assert!(money[0].currency_explicit);
        }
    }
}
