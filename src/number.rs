//! Numbers in Italian news: digits in Italian or English format, number words and scale words,
//! as exact [`Decimal`]s.
//!
//! Digits follow the Italian convention unless the pattern says otherwise (see [`parse_digits`]):
//! `1.500` is one thousand five hundred, `3,5` three and a half, `1,500.50` English. Number words
//! are built from the atoms of `data/money/number_words.tsv` (`tremila`, `duecentocinquanta`,
//! `ventotto`), scale words come from `data/money/scales.tsv` (`mld`, `miliardi`, `mln.`, `M`).
//! `trilione` is 10^12 as news use it (a calque of `trillion`); `bilione` keeps its Italian
//! value, 10^12 too.
//!
//! # Examples
//!
//! ```
//! use cronaca::number::{parse_digits, parse_number_word, scale};
//! use rust_decimal::Decimal;
//!
//! assert_eq!(parse_digits("1.500.000"), Some(Decimal::from(1_500_000)));
//! assert_eq!(parse_digits("1,500.50"), Some(Decimal::new(150050, 2)));
//! assert_eq!(parse_digits("3,5"), Some(Decimal::new(35, 1)));
//! assert_eq!(parse_number_word("duecento"), Some(Decimal::from(200)));
//! assert_eq!(parse_number_word("tremila"), Some(Decimal::from(3000)));
//! let mld = scale("mld.").unwrap();
//! assert_eq!((Decimal::new(15, 1) * mld.multiplier).normalize().to_string(), "1500000000");
//! ```

use crate::error::Error;
use crate::hash::{KeyFilter, WordMap};
use crate::lexicon::records_named;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

/// A scale word or abbreviation (`miliardi`, `mld.`, `M`) and what it multiplies by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// The multiplier (`1000000000` for `miliardi`).
    pub multiplier: Decimal,
    /// A plural word that can stand without a number in a vague amount (`miliardi di dollari`).
    pub plural: bool,
    /// A case-sensitive letter (`M`, `B`, `K`): also a model size (`70B`) or a name (`3M`).
    pub exact: bool,
}

/// What a number-word atom is (see `data/money/number_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Unit,
    Teen,
    Ten,
    Hundred,
    Thousand,
    Thousands,
    Article,
    Half,
}

/// Scale words and number-word atoms, parsed from the data files.
#[derive(Debug, Clone, Default)]
pub struct NumberLexicon {
    /// Lower-cased scale surfaces.
    scales: WordMap<Scale>,
    /// Case-sensitive scale surfaces (`M`, `B`).
    exact_scales: WordMap<Scale>,
    atoms: WordMap<(Decimal, Class)>,
    /// The atoms by class, for building compounds without scanning the map.
    tens: Vec<(String, u64)>,
    hundreds: Vec<String>,
    thousands: Vec<(String, Class)>,
    /// The first three bytes of every atom and of every ten's and hundred's stem: a word of three
    /// bytes or more that starts otherwise is no number word (most words are rejected here).
    starts: TriBits,
    /// The last three bytes of every atom: a compound ends with a whole atom (`ventitré`,
    /// `tremila`), so a word of three bytes or more that ends otherwise is no number word
    /// (`settembre` starts like `sette`).
    ends: TriBits,
    /// An atom shorter than three bytes may end a compound: `ends` cannot rule words out.
    short_end: bool,
    /// An atom or stem shorter than three bytes may open a compound: `starts` cannot rule
    /// words out.
    short_start: bool,
    /// The fewest bytes a compound can have: twice the shortest atom that can be part of one,
    /// less its final character.
    min_compound: usize,
}

/// A bit set of three-byte keys (4 Ki bits, 512 bytes): it can only rule words out.
type TriBits = KeyFilter<64>;

#[inline]
fn tri(a: u8, b: u8, c: u8) -> u64 {
    u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16
}

const SCALES: &str = include_str!("../data/money/scales.tsv");
const NUMBER_WORDS: &str = include_str!("../data/money/number_words.tsv");

static DEFAULT: LazyLock<NumberLexicon> = LazyLock::new(|| {
    NumberLexicon::parse(("<embedded scales.tsv>", SCALES), ("<embedded number_words.tsv>", NUMBER_WORDS))
        .expect("embedded number data is valid (a unit test checks it)")
});

impl NumberLexicon {
    /// Parses a scale file and a number-word file, each given as `(source name, text)`.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] naming the line and column of a malformed record.
    ///
    /// # Examples
    ///
    /// ```
    /// use cronaca::number::NumberLexicon;
    ///
    /// let lex = NumberLexicon::parse(("s.tsv", "mio\t1000000\n"), ("n.tsv", "due\t2\tunit\n"))?;
    /// assert_eq!(lex.scale("mio").unwrap().multiplier, 1_000_000.into());
    /// assert!(NumberLexicon::parse(("s.tsv", "mio\tmolti\n"), ("n.tsv", "")).is_err());
    /// # Ok::<(), cronaca::Error>(())
    /// ```
    pub fn parse(scales: (&str, &str), words: (&str, &str)) -> Result<NumberLexicon, Error> {
        let mut lex = NumberLexicon::default();
        for rec in records_named(scales.0, scales.1) {
            let surface = rec.require(0, "scale word")?;
            let multiplier = decimal_field(&rec, 1, "multiplier")?;
            let flags = rec.get(2).unwrap_or("");
            let mut exact = false;
            let mut plural = false;
            for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match flag {
                    "exact" => exact = true,
                    "plural" => plural = true,
                    _ => {
                        return Err(
                            rec.error_at(2, format!("unknown flag {flag:?} (expected exact, plural)"))
                        );
                    }
                }
            }
            let scale = Scale { multiplier, plural, exact };
            if exact {
                lex.exact_scales.insert(surface.to_string(), scale);
            } else {
                lex.scales.insert(crate::token::normalize(surface), scale);
            }
        }
        for rec in records_named(words.0, words.1) {
            let word = rec.require(0, "number word")?;
            let value = decimal_field(&rec, 1, "value")?;
            let class = match rec.require(2, "class")? {
                "unit" => Class::Unit,
                "teen" => Class::Teen,
                "ten" => Class::Ten,
                "hundred" => Class::Hundred,
                "thousand" => Class::Thousand,
                "thousands" => Class::Thousands,
                "article" => Class::Article,
                "half" => Class::Half,
                other => return Err(rec.error_at(2, format!("unknown class {other:?}"))),
            };
            let word = crate::token::normalize(word);
            match class {
                Class::Ten => lex.tens.push((
                    word.clone(),
                    u64::try_from(value).map_err(|_| rec.error_at(1, "a ten must be a whole number"))?,
                )),
                Class::Hundred => lex.hundreds.push(word.clone()),
                Class::Thousand | Class::Thousands => lex.thousands.push((word.clone(), class)),
                _ => {}
            }
            lex.atoms.insert(word, (value, class));
        }
        let stems = lex.tens.iter().map(|(w, _)| w).chain(&lex.hundreds).map(|w| {
            let last = w.chars().last().map_or(0, char::len_utf8);
            &w[..w.len() - last]
        });
        // Articles and halves stand alone (`un`, `mezzo`); every other atom and stem may open a
        // compound.
        let opening = (&lex.atoms)
            .into_iter()
            .map(|(w, (_, class))| (w.as_str(), !matches!(class, Class::Article | Class::Half)));
        let all: Vec<(&str, bool)> = opening.chain(stems.map(|s| (s, true))).collect();
        for (w, opens) in all {
            match w.as_bytes() {
                &[a, b, c, ..] => {
                    lex.starts.insert(tri(a, b, c));
                }
                _ => lex.short_start |= opens,
            }
        }
        lex.min_compound = (&lex.atoms)
            .into_iter()
            .filter(|(_, (_, class))| !matches!(class, Class::Article | Class::Half))
            .map(|(w, _)| w.len() - w.chars().last().map_or(0, char::len_utf8))
            .min()
            .map_or(0, |piece| 2 * piece);
        for (w, (_, class)) in &lex.atoms {
            match w.as_bytes() {
                &[.., a, b, c] => {
                    lex.ends.insert(tri(a, b, c));
                }
                _ => lex.short_end |= !matches!(class, Class::Article | Class::Half),
            }
        }
        Ok(lex)
    }

    /// The embedded default lexicon.
    pub fn embedded() -> &'static NumberLexicon {
        &DEFAULT
    }

    /// The scale named by `word` as written (`mld.`, `Miliardi`, `M`), if any.
    pub fn scale(&self, word: &str) -> Option<Scale> {
        if let Some(s) = self.exact_scales.get(word) {
            return Some(*s);
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.scales.get(word).copied();
        }
        self.scales.get(&crate::token::normalize(word)).copied()
    }

    fn atom(&self, s: &str) -> Option<(Decimal, Class)> {
        self.atoms.get(s).copied()
    }

    /// The value of a lower-case Italian number word (`dieci`, `duecento`, `tremila`,
    /// `ventotto`, `mezzo`); `un`/`una` give 1.
    pub fn number_word(&self, word: &str) -> Option<Decimal> {
        if let Some((v, class)) = self.atom(word)
            && class != Class::Thousands
        {
            return Some(v);
        }
        if !self.may_be_compound(word) {
            return None;
        }
        self.below_million(word).map(Decimal::from)
    }

    /// False when `word` cannot be a compound number word (`ventitré`, `duemila`), from checks
    /// that look nothing up: a compound is lower case, joins at least two atoms (each maybe
    /// without its final vowel: `ventotto`), starts like an atom or a stem and ends with a
    /// whole atom (`settembre` starts like `sette` but ends with no atom).
    pub(crate) fn may_be_compound(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let starts_ok = || match b {
            [x, y, z, ..] => self.short_start || self.starts.contains(tri(*x, *y, *z)),
            _ => true,
        };
        let ends_ok = || match b {
            [.., x, y, z] => self.short_end || self.ends.contains(tri(*x, *y, *z)),
            _ => true,
        };
        !b.is_empty()
            && b.len() >= self.min_compound
            && b.len() <= 64
            && starts_ok()
            && ends_ok()
            && !b.iter().any(|c| c.is_ascii() && !c.is_ascii_lowercase())
    }

    /// True when `word` is `un`/`una` (1 only before a scale word or currency).
    pub fn is_article(&self, word: &str) -> bool {
        matches!(self.atom(word), Some((_, Class::Article)))
    }

    /// True when `word` is `mezzo`/`mezza`.
    pub fn is_half(&self, word: &str) -> bool {
        matches!(self.atom(word), Some((_, Class::Half)))
    }

    fn class_value(&self, s: &str, class: Class) -> Option<u64> {
        match self.atom(s) {
            Some((v, c)) if c == class => u64::try_from(v).ok(),
            _ => None,
        }
    }

    /// `1..=99` written as one word.
    fn below_hundred(&self, s: &str) -> Option<u64> {
        if let Some((v, Class::Unit | Class::Teen | Class::Ten)) = self.atom(s) {
            return u64::try_from(v).ok();
        }
        for (word, ten) in &self.tens {
            let ten = *ten;
            if let Some(rest) = s.strip_prefix(word.as_str())
                && let Some(u) = self.class_value(rest, Class::Unit)
            {
                return Some(ten + u);
            }
            // `ventuno`, `trentotto`: the final vowel of the ten drops before `uno` and `otto`.
            let stem = &word[..word.len() - word.chars().last().map_or(0, char::len_utf8)];
            if let Some(rest) = s.strip_prefix(stem)
                && (rest == "uno" || rest == "otto")
                && let Some(u) = self.class_value(rest, Class::Unit)
            {
                return Some(ten + u);
            }
        }
        None
    }

    /// `1..=999` written as one word (`duecento`, `centotto`, `trecentocinquanta`).
    fn below_thousand(&self, s: &str) -> Option<u64> {
        let hundred = self.hundreds.first().map(String::as_str);
        // The stem without the final vowel: `cento` loses its `o` before `otto`, `ottanta`.
        let stem =
            hundred.and_then(|h| h.char_indices().last().map(|(i, _)| &h[..i])).filter(|s| !s.is_empty());
        let Some((pos, stem)) = stem.and_then(|st| find_bytes(s, st).map(|p| (p, st))) else {
            return self.below_hundred(s);
        };
        let left = &s[..pos];
        let mult =
            if left.is_empty() { 1 } else { self.class_value(left, Class::Unit).filter(|&u| u >= 2)? };
        let after = &s[pos + stem.len()..];
        let vowel = hundred.map_or("", |h| &h[stem.len()..]);
        let tail = match after.strip_prefix(vowel) {
            Some("") => 0,
            Some(rest) => self.below_hundred(rest).or_else(|| self.below_hundred(after))?,
            None => self.below_hundred(after)?,
        };
        Some(mult * 100 + tail)
    }

    /// `1..=999_999` written as one word (`tremila`, `milleduecento`).
    fn below_million(&self, s: &str) -> Option<u64> {
        for (word, class) in &self.thousands {
            match class {
                Class::Thousands => {
                    if let Some(pos) = find_bytes(s, word) {
                        let left = self.below_thousand(&s[..pos]).filter(|&l| l >= 2)?;
                        let rest = &s[pos + word.len()..];
                        let right = if rest.is_empty() { 0 } else { self.below_thousand(rest)? };
                        return Some(left * 1000 + right);
                    }
                }
                Class::Thousand => {
                    if let Some(rest) = s.strip_prefix(word.as_str()) {
                        let right = if rest.is_empty() { 0 } else { self.below_thousand(rest)? };
                        return Some(1000 + right);
                    }
                }
                _ => {}
            }
        }
        self.below_thousand(s)
    }
}

/// Byte offset of `needle` in `hay`: a plain window scan, cheaper than `str::find` on the short
/// words it is used for.
fn find_bytes(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() {
        return None;
    }
    hay.as_bytes().windows(n.len()).position(|w| w == n).filter(|&p| hay.is_char_boundary(p))
}

fn decimal_field(rec: &crate::lexicon::Record<'_>, i: usize, what: &str) -> Result<Decimal, Error> {
    let f = rec.require(i, what)?;
    Decimal::from_str(f).map_err(|e| rec.error_at(i, format!("{what} is not a decimal number: {e}")))
}

/// The scale named by `word` in the embedded data (`mld.`, `miliardi`, `M`, `bn`), if any.
///
/// # Examples
///
/// ```
/// assert_eq!(cronaca::number::scale("Milioni").unwrap().multiplier, 1_000_000.into());
/// assert!(cronaca::number::scale("milionaria").is_none());
/// ```
pub fn scale(word: &str) -> Option<Scale> {
    DEFAULT.scale(word)
}

/// The value of a lower-case Italian number word in the embedded data.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(cronaca::number::parse_number_word("ventotto"), Some(Decimal::from(28)));
/// assert_eq!(cronaca::number::parse_number_word("mezzo"), Some(Decimal::new(5, 1)));
/// assert_eq!(cronaca::number::parse_number_word("dicembre"), None);
/// ```
pub fn parse_number_word(word: &str) -> Option<Decimal> {
    DEFAULT.number_word(word)
}

/// Parses digits with separators as written in Italian or English news.
///
/// The separator rules, decided by the pattern alone:
/// - both `.` and `,`: the last one is the decimal separator, the other groups thousands
///   (`1.500,50` Italian, `1,500.50` English); groups must have three digits;
/// - only `,`: one comma is an Italian decimal comma (`3,5`, `1,787`); several commas group
///   thousands English-style (`1,500,000`);
/// - only `.`: several dots group thousands (`1.500.000`); one dot followed by exactly three
///   digits groups thousands (`1.500`, `10.000`: Italian), otherwise it is an English decimal
///   point (`4.5`, `2.75`).
///
/// Anything else (`'90`, `1..2`, empty groups) is `None`.
///
/// # Examples
///
/// ```
/// use cronaca::number::parse_digits;
/// use rust_decimal::Decimal;
///
/// assert_eq!(parse_digits("10.000"), Some(Decimal::from(10_000)));
/// assert_eq!(parse_digits("1.500,50"), Some(Decimal::new(150050, 2)));
/// assert_eq!(parse_digits("0,5"), Some(Decimal::new(5, 1)));
/// assert_eq!(parse_digits("4.5"), Some(Decimal::new(45, 1)));
/// assert_eq!(parse_digits("'90"), None);
/// ```
pub fn parse_digits(s: &str) -> Option<Decimal> {
    if s.is_empty() || s.len() > 40 || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    // Plain digits (`2025`, `13`), the common case: no string to build.
    if s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Decimal::from(s.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'))));
    }
    let dots = s.bytes().filter(|&b| b == b'.').count();
    let commas = s.bytes().filter(|&b| b == b',').count();
    let (int_part, frac_part, group_sep) = match (dots, commas) {
        (0, 0) => (s, "", None),
        (_, 0) if dots > 1 => (s, "", Some('.')),
        (1, 0) => {
            let (a, b) = s.split_once('.')?;
            if b.len() == 3 { (s, "", Some('.')) } else { (a, b, None) }
        }
        (0, 1) => s.split_once(',').map(|(a, b)| (a, b, None))?,
        (0, _) => (s, "", Some(',')),
        _ => {
            let last_dot = s.rfind('.')?;
            let last_comma = s.rfind(',')?;
            let (dec, group) = if last_dot > last_comma { ('.', ',') } else { (',', '.') };
            if s.matches(dec).count() != 1 {
                return None;
            }
            let (a, b) = s.split_once(dec)?;
            (a, b, Some(group))
        }
    };
    let mut digits = String::with_capacity(s.len());
    match group_sep {
        Some(sep) => {
            let mut groups = int_part.split(sep);
            let first = groups.next()?;
            if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(first);
            for g in groups {
                if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.push_str(g);
            }
        }
        None => {
            if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(int_part);
        }
    }
    if !frac_part.is_empty() {
        if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(frac_part);
    } else if s.ends_with(['.', ',']) {
        return None;
    }
    // Up to 18 digits fit a u64: the value and its scale without parsing a string again.
    if digits.bytes().filter(u8::is_ascii_digit).count() <= 18 {
        let mantissa =
            digits.bytes().filter(u8::is_ascii_digit).fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(Decimal::from_i128_with_scale(i128::from(mantissa), frac_part.len() as u32));
    }
    Decimal::from_str(&digits).ok()
}

/// Splits a word that starts with digits and ends with a scale (`10M`, `4bn`, `10mila`, `2,5mld`)
/// into its value, using the embedded scales.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// assert_eq!(cronaca::number::parse_scaled_word("4bn"), Some(Decimal::from(4_000_000_000u64)));
/// assert_eq!(cronaca::number::parse_scaled_word("H100"), None);
/// ```
pub fn parse_scaled_word(word: &str) -> Option<Decimal> {
    DEFAULT.scaled_word(word)
}

impl NumberLexicon {
    /// See [`parse_scaled_word`].
    pub fn scaled_word(&self, word: &str) -> Option<Decimal> {
        let (value, scale) = self.split_scaled_word(word)?;
        value.checked_mul(scale.multiplier)
    }

    /// Every number-word atom and scale surface, lower-cased: a caller can build a cheap filter
    /// before trying [`NumberLexicon::number_word`] or [`NumberLexicon::scale`] on every word.
    pub fn words(&self) -> impl Iterator<Item = String> + '_ {
        let exact = self.exact_scales.keys().map(|w| crate::token::normalize(w));
        self.atoms.keys().chain(self.scales.keys()).cloned().chain(exact)
    }

    /// The scale of a token given as written and lower-cased (saves lower-casing again).
    pub fn scale_of_token(&self, text: &str, norm: &str) -> Option<Scale> {
        // Exact (case-sensitive) scales are upper-case letters: only look them up when the
        // token differs from its lower-cased form.
        match self.exact_scales.is_empty() || text == norm {
            true => self.scales.get(norm).copied(),
            false => self.exact_scales.get(text).or_else(|| self.scales.get(norm)).copied(),
        }
    }

    /// Splits `10M` into its number and its scale.
    pub fn split_scaled_word(&self, word: &str) -> Option<(Decimal, Scale)> {
        let split = word.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
        if split == 0 {
            return None;
        }
        Some((parse_digits(&word[..split])?, self.scale(&word[split..])?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn embedded_data_parses() {
        let lex = NumberLexicon::embedded();
        assert!(lex.scales.len() > 10 && lex.atoms.len() > 30);
    }

    #[test]
    fn digits_table() {
        let table: &[(&str, Option<&str>)] = &[
            ("10", Some("10")),
            ("1.500", Some("1500")),
            ("10.000", Some("10000")),
            ("1.500.000", Some("1500000")),
            ("3,5", Some("3.5")),
            ("2,75", Some("2.75")),
            ("0,5", Some("0.5")),
            ("1,787", Some("1.787")),
            ("1.500,50", Some("1500.50")),
            ("1,500.50", Some("1500.50")),
            ("1,500,000", Some("1500000")),
            ("4.5", Some("4.5")),
            ("98,20", Some("98.20")),
            ("'90", None),
            ("1..5", None),
            ("1.50.000", None),
            ("1,500,50", None),
            ("1.500.", None),
            ("", None),
            (",5", None),
        ];
        for &(input, want) in table {
            assert_eq!(parse_digits(input), want.map(d), "help: parse_digits({input:?})");
        }
    }

    #[test]
    fn digits_keep_value_and_scale_on_every_path() {
        use std::str::FromStr;
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let cases = [
            ("0012", "12"),
            ("123456789012345678", "123456789012345678"),
            ("1234567890123456789", "1234567890123456789"), // 19 digits: the string path
            ("99999999999999999999", "99999999999999999999"),
            ("1.500,50", "1500.50"),
            ("0,50", "0.50"),
            ("1,500.25", "1500.25"),
            ("2.000.000", "2000000"),
            ("123.456.789.012.345.678,12", "123456789012345678.12"),
        ];
        for (text, want) in cases {
            let got = parse_digits(text).unwrap();
            assert_eq!((got, got.scale()), (d(want), d(want).scale()), "{text}");
        }
    }

    #[test]
    fn number_words_table() {
        let table: &[(&str, Option<u64>)] = &[
            ("dieci", Some(10)),
            ("cento", Some(100)),
            ("duecento", Some(200)),
            ("mille", Some(1000)),
            ("tremila", Some(3000)),
            ("cinquanta", Some(50)),
            ("ventitré", Some(23)),
            ("ventuno", Some(21)),
            ("trentotto", Some(38)),
            ("centotto", Some(108)),
            ("duecentocinquanta", Some(250)),
            ("milleduecento", Some(1200)),
            ("diecimila", Some(10000)),
            ("un", Some(1)),
            ("mila", None),
            ("milionaria", None),
            ("dicembre", None),
            ("centinaia", None),
            ("unocento", None),
        ];
        let lex = NumberLexicon::embedded();
        for &(input, want) in table {
            assert_eq!(
                parse_number_word(input),
                want.map(Decimal::from),
                "help: parse_number_word({input:?})"
            );
            // The money stage's pre-check never rules out a number word.
            if want.is_some() {
                assert!(lex.atom(input).is_some() || lex.may_be_compound(input), "{input}");
            }
        }
        assert_eq!(parse_number_word("mezzo"), Some(d("0.5")));
        assert!(!lex.may_be_compound("di") && !lex.may_be_compound("settembre"));
        // A lexicon whose shortest atom has two bytes lets one- and two-byte words through the
        // length check: the byte checks must not read past them.
        let tiny = NumberLexicon::parse(("s.tsv", ""), ("w.tsv", "ab\t1\tunit\ncd\t20\tten\n")).unwrap();
        for w in ["", "a", "ab", "abc", "cdab", "é"] {
            let _ = (tiny.may_be_compound(w), tiny.number_word(w));
        }
        assert_eq!(tiny.number_word("cdab"), Some(Decimal::from(21)));
    }

    #[test]
    fn scales_table() {
        let table: &[(&str, Option<&str>)] = &[
            ("mld", Some("1000000000")),
            ("mld.", Some("1000000000")),
            ("Miliardi", Some("1000000000")),
            ("mln.", Some("1000000")),
            ("mila", Some("1000")),
            ("trilioni", Some("1000000000000")),
            ("M", Some("1000000")),
            ("m", None),
            ("b", None),
            ("milionaria", None),
        ];
        for &(input, want) in table {
            assert_eq!(scale(input).map(|s| s.multiplier), want.map(d), "help: scale({input:?})");
        }
        assert_eq!((d("1.5") * scale("mld").unwrap().multiplier).normalize().to_string(), "1500000000");
        assert_eq!(parse_scaled_word("10mila"), Some(d("10000")));
        assert_eq!(parse_scaled_word("2,5mld"), Some(d("2500000000")));
    }

    #[test]
    fn bad_data_reports_line_and_column() {
        let err =
            NumberLexicon::parse(("s.tsv", "# c\nmio\t1\tloud\n"), ("n.tsv", "")).unwrap_err().to_string();
        assert!(err.starts_with("s.tsv:2:"), "{err}");
        let err = NumberLexicon::parse(("s.tsv", ""), ("n.tsv", "due\t2\n")).unwrap_err().to_string();
        assert!(err.contains("missing class"), "{err}");
    }
}
