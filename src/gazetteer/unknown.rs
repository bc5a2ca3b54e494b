//! Companies that are not in the gazetteer, found where Italian news marks them unambiguously.
//!
//! Two shapes are read, both on tokens:
//!
//! - a capitalised name of one to four tokens (words, digits, `&` between words) followed by a
//!   corporate suffix word: `Zefiro Management`, `2041 Capital`, `Acme S.p.A.`, `Foo Inc.`;
//! - a capitalised name after a capitalised corporate prefix: `Banca Lumora`, `Cassa di
//!   Risparmio di Asti`;
//! - a capitalised name right after a lower-case role noun that introduces a company, possibly
//!   with adjectives in between: `la startup Lumora`, `il fondo di private equity Alpha`,
//!   `la società milanese Beta Labs`.
//!
//! Precision comes first: places, months, institutions and parties (`il gruppo Usa`, `il Gruppo
//! dei Sette`, `Banca d'Italia`), sentence-initial function words (`Secondo Foo Capital` gives
//! `Foo Capital`), people (`il produttore Marco Bianchi`) and anything overlapping a gazetteer
//! mention are left out. Found names are [`EntityMention`]s of kind company with id
//! `unknown:<slug>` and the surface as name. The words live in `data/gazetteer/unknown_words.tsv`.
//!
//! # Examples
//!
//! ```
//! use cronaca::gazetteer::unknown::find_unknown_companies;
//! use cronaca::token::Document;
//!
//! let doc = Document::new("Il round è guidato da Zefiro Capital con la startup torinese Lumora.");
//! let found = find_unknown_companies(&doc, &[]);
//! let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Zefiro Capital", "Lumora"]);
//! assert_eq!(found[0].id, "unknown:zefiro-capital");
//! ```

use super::{EntityKind, EntityMention};
use crate::error::Result;
use crate::hash::{FastSet, WordMap, WordSet};
use crate::lexicon::records_named;
use crate::span::Span;
use crate::token::{Document, TokenFlags, TokenKind};
use std::sync::LazyLock;

/// Longest name read before a suffix or after a role noun, in tokens.
const MAX_NAME_TOKENS: usize = 4;

/// The word lists of the unknown-company recognizer: corporate suffixes, role nouns, adjectives
/// allowed after a role, and stop words that never start such a name.
///
/// # Examples
///
/// ```
/// use cronaca::gazetteer::unknown::{find_unknown_companies_with, UnknownLexicon};
/// use cronaca::token::Document;
///
/// let lex = UnknownLexicon::parse("u.tsv", "Kft\tsuffix\nvállalat\trole\n")?;
/// let doc = Document::new("Il contratto va a Dunai Kft.");
/// let found = find_unknown_companies_with(&doc, &[], &lex);
/// assert_eq!(found[0].text, "Dunai Kft");
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct UnknownLexicon {
    /// Exact-case suffix words (`Capital`, `S.p.A.`).
    suffixes: WordSet,
    /// Exact-case prefix words (`Banca`, `Gruppo`), by their first token's text.
    prefixes: WordMap<Vec<Vec<String>>>,
    /// Role phrases (lower-cased tokens) by their first token.
    roles: WordMap<Vec<Vec<String>>>,
    /// Lower-cased adjectives allowed between a role and a name; `true` for adjectives of
    /// origin (`romana`), which also stand for the company after `la`.
    adjectives: WordMap<bool>,
    /// Stop phrases (lower-cased tokens) by their first token.
    stops: WordMap<Vec<Vec<String>>>,
}

static DEFAULT: LazyLock<UnknownLexicon> = LazyLock::new(|| {
    // Trusted static data; the `embedded_unknown_words_parse` test forces this.
    match UnknownLexicon::parse(
        "<embedded data/gazetteer/unknown_words.tsv>",
        include_str!("../../data/gazetteer/unknown_words.tsv"),
    ) {
        Ok(lex) => lex,
        Err(e) => panic!("embedded unknown-company words are invalid: {e}"),
    }
});

impl UnknownLexicon {
    /// The embedded default word lists.
    pub fn embedded() -> &'static UnknownLexicon {
        &DEFAULT
    }

    /// Parses `word<TAB>class` lines, class `suffix`, `prefix`, `role`, `adjective`, `origin` or
    /// `stop`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Data`] naming the file, line and column of a malformed record.
    pub fn parse(source_name: &str, text: &str) -> Result<UnknownLexicon> {
        let mut lex = UnknownLexicon::default();
        for rec in records_named(source_name, text) {
            let word = rec.require(0, "word")?;
            let class = rec.require(1, "class")?;
            let tokens = crate::token::normalized_tokens(word);
            if tokens.is_empty() {
                return Err(rec.error_at(0, "word has no tokens"));
            }
            match class {
                "suffix" => {
                    lex.suffixes.insert(word.to_string());
                }
                "role" => lex.roles.get_or_default(&tokens[0]).push(tokens),
                "prefix" => {
                    let texts: Vec<String> =
                        crate::token::tokenize(word).iter().map(|t| word[t.span].to_string()).collect();
                    lex.prefixes.get_or_default(&texts[0]).push(texts);
                }
                "adjective" => {
                    lex.adjectives.insert(crate::token::normalize(word), false);
                }
                "origin" => {
                    lex.adjectives.insert(crate::token::normalize(word), true);
                }
                "stop" => lex.stops.get_or_default(&tokens[0]).push(tokens),
                other => {
                    return Err(rec.error_at(
                        1,
                        format!(
                            "unknown class {other:?} (expected suffix, prefix, role, adjective, origin, stop)"
                        ),
                    ));
                }
            }
        }
        for phrases in lex.roles.values_mut().chain(lex.stops.values_mut()).chain(lex.prefixes.values_mut()) {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Ok(lex)
    }
}

/// Companies not in the gazetteer in `doc`, in text order, with the embedded word lists; none
/// overlaps a mention in `known` (the gazetteer's mentions).
pub fn find_unknown_companies(doc: &Document<'_>, known: &[EntityMention]) -> Vec<EntityMention> {
    find_unknown_companies_with(doc, known, &DEFAULT)
}

/// Like [`find_unknown_companies`], with the word lists of `lex`.
pub fn find_unknown_companies_with(
    doc: &Document<'_>,
    known: &[EntityMention],
    lex: &UnknownLexicon,
) -> Vec<EntityMention> {
    let finder = Finder { doc, lex, surnames: std::cell::OnceCell::new() };
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let tokens = doc.tokens();
    for (i, tok) in tokens.iter().enumerate() {
        // Cheap flag checks first: suffixes are capitalised, roles are lower case and come
        // shortly before a capitalised word.
        let capitalised = tok.is(TokenFlags::CAPITALIZED) || tok.is(TokenFlags::ALL_CAPS);
        if capitalised {
            if let Some(found) = finder.before_suffix(i).or_else(|| finder.after_prefix(i)) {
                spans.push(found);
            }
        } else if tok.kind == TokenKind::Word
            && (i + 1..i + 5).any(|j| tokens.get(j).is_some_and(|t| t.is(TokenFlags::CAPITALIZED)))
            && let Some(found) = finder.after_role(i).or_else(|| finder.after_feminine_adjective(i))
        {
            spans.push(found);
        }
    }
    // Longest first among overlapping candidates (`Blue Owl Capital Partners` over `Blue Owl`).
    spans.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    // Tokens already taken by a known mention or a found name: one flag a token, so that checks
    // stay linear on long texts with many names.
    let mut covered = vec![false; tokens.len()];
    let token_range = |span: Span| doc.token_at_or_after(span.start)..doc.token_at_or_after(span.end);
    for k in known {
        covered[token_range(k.span)].iter_mut().for_each(|c| *c = true);
    }
    let mut out: Vec<EntityMention> = Vec::new();
    let mut names: Vec<(usize, usize)> = Vec::new();
    for (first, last) in spans {
        let (Some(a), Some(end)) = (tokens.get(first), finder.name_end(last)) else { continue };
        let span = Span::new(a.span.start, end);
        if out.last().is_some_and(|m| m.span.overlaps(span)) || covered[token_range(span)].contains(&true) {
            continue;
        }
        let Some(text) = span.get(doc.text()) else { continue };
        out.push(EntityMention {
            span,
            text: text.to_string(),
            kind: EntityKind::Company,
            id: format!("unknown:{}", slug(text)),
            name: text.to_string(),
        });
        names.push((first, last));
    }
    // Once the text has marked a name as a company (`la startup Lumora`), its other mentions
    // written the same way are that company too (`Lumora ha raccolto`).
    for m in &out {
        covered[token_range(m.span)].iter_mut().for_each(|c| *c = true);
    }
    let mut patterns: Vec<(usize, usize, usize)> = Vec::new();
    for (k, &(first, last)) in names.iter().enumerate() {
        let len = last - first + 1;
        patterns.push((first, len, k));
        // `Zefiro Capital … Zefiro`: once given in full, the name without its corporate suffix.
        if len >= 2
            && finder.is_suffix(last)
            && !finder.is_number(first)
            && finder.phrase_at(&finder.lex.stops, first).is_none()
        {
            patterns.push((first, len - 1, k));
        }
    }
    let mut repeats = Vec::new();
    let mut seen: Vec<Vec<&str>> = Vec::new();
    for (first, len, k) in patterns {
        // A name found twice (`la startup Lumora … la romana Lumora`) is looked for once.
        let words: Vec<&str> = (first..first + len).map(|j| finder.text(j)).collect();
        if seen.contains(&words) {
            continue;
        }
        seen.push(words);
        for i in 0..tokens.len().saturating_sub(len - 1) {
            if i == first || !(0..len).all(|m| finder.text(i + m) == finder.text(first + m)) {
                continue;
            }
            let (Some(a), Some(b)) = (tokens.get(i), tokens.get(i + len - 1)) else { continue };
            let span = Span::new(a.span.start, b.span.end);
            // Not inside a longer capitalised name (`Lumora Bank` is another company).
            let inside_longer = (i > 0 && finder.continues_name(i - 1) && finder.continues_name(i))
                || finder.continues_name(i + len);
            if inside_longer || covered[i..i + len].contains(&true) {
                continue;
            }
            let Some(text) = span.get(doc.text()) else { continue };
            covered[i..i + len].iter_mut().for_each(|c| *c = true);
            repeats.push(EntityMention { span, text: text.to_string(), ..out[k].clone() });
        }
    }
    if !repeats.is_empty() {
        out.extend(repeats);
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
    out
}

/// Adds the companies [`find_unknown_companies`] finds to `entities` (gazetteer mentions),
/// keeping text order.
pub fn add_unknown_companies(doc: &Document<'_>, entities: &mut Vec<EntityMention>) {
    let unknown = find_unknown_companies(doc, entities);
    if !unknown.is_empty() {
        entities.extend(unknown);
        entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}

/// `Weights & Biases` → `weights-biases`; accented letters lose their accent.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

struct Finder<'d, 'a> {
    doc: &'d Document<'a>,
    lex: &'d UnknownLexicon,
    /// Words written right after a capitalised first name somewhere in the document (their
    /// surnames), collected on first use.
    surnames: std::cell::OnceCell<FastSet<&'a str>>,
}

impl Finder<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.doc.tokens().get(i).map_or("", |t| self.doc.text_of(t))
    }

    /// A capitalised word (`Lumora`, `T-Head`, `BPCE`), not an elided article (`L'`).
    fn is_name_word(&self, i: usize) -> bool {
        self.doc.tokens().get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.is(TokenFlags::HAS_LETTER)
                && (t.is(TokenFlags::CAPITALIZED) || t.is(TokenFlags::ALL_CAPS))
                && !t.is(TokenFlags::ELISION)
        })
    }

    fn is_number(&self, i: usize) -> bool {
        self.doc.tokens().get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn is_suffix(&self, i: usize) -> bool {
        self.doc.tokens().get(i).is_some_and(|t| {
            let text = self.text(i);
            match t.kind {
                TokenKind::Word => self.lex.suffixes.contains(text),
                TokenKind::Abbreviation => {
                    self.lex.suffixes.contains(text) || self.lex.suffixes.contains(text.trim_end_matches('.'))
                }
                _ => false,
            }
        })
    }

    /// The end of token `i` in a name: `Beta Srl.` at the end of a sentence leaves the period
    /// to the sentence unless the suffix is listed with it (`Inc.`).
    fn name_end(&self, i: usize) -> Option<usize> {
        let t = self.doc.tokens().get(i)?;
        let text = self.text(i);
        let trailing_period = t.kind == TokenKind::Abbreviation
            && text.ends_with('.')
            && !self.lex.suffixes.contains(text)
            && self.lex.suffixes.contains(text.trim_end_matches('.'));
        Some(t.span.end - usize::from(trailing_period))
    }

    /// `&` between two name words, on one line (`Weights & Biases`).
    fn is_ampersand(&self, i: usize) -> bool {
        i > 0 && self.text(i) == "&" && self.is_name_word(i - 1) && self.is_name_word(i + 1)
    }

    /// Whether no line break comes before token `i`.
    fn same_line(&self, i: usize) -> bool {
        self.doc.tokens().get(i).is_some_and(|t| !t.is(TokenFlags::LINE_BREAK_BEFORE))
    }

    /// Whether token `i` continues a name: a capitalised word, a number or `&`, on the same line.
    fn continues_name(&self, i: usize) -> bool {
        self.same_line(i) && (self.is_name_word(i) || self.is_number(i) || self.is_ampersand(i))
    }

    /// The length of the longest phrase of `table` starting at token `i`, if any.
    fn phrase_at(&self, table: &WordMap<Vec<Vec<String>>>, i: usize) -> Option<usize> {
        table
            .get(self.doc.norm(i))?
            .iter()
            .find_map(|p| p.iter().enumerate().all(|(m, w)| self.doc.norm(i + m) == w).then_some(p.len()))
    }

    /// A name ending right before the suffix at `s`: `(first token, last token)` with the
    /// suffix (and a second suffix after it: `Foo Holding S.p.A.`).
    fn before_suffix(&self, s: usize) -> Option<(usize, usize)> {
        if !self.is_suffix(s) || s == 0 {
            return None;
        }
        let sentence = self.doc.sentence_of(s);
        let mut first = s;
        while first > 0
            && s - (first - 1) <= MAX_NAME_TOKENS
            && self.doc.sentence_of(first - 1) == sentence
            && self.same_line(first)
            && self.continues_name(first - 1)
        {
            first -= 1;
        }
        if first == s {
            return None;
        }
        // A longer capitalised run is a title or a headline, not a name.
        if first > 0 && self.doc.sentence_of(first - 1) == sentence && self.is_name_word(first - 1) {
            return None;
        }
        // `Secondo Foo Capital`, `Milano Foo Capital`: drop leading stop words.
        while first < s {
            match self.phrase_at(&self.lex.stops, first) {
                Some(len) => first += len,
                None => break,
            }
        }
        // `Nel 2024 Foo Capital`: a leading number is a year, unless it is the whole name (`1789 Capital`).
        while first + 1 < s && self.is_number(first) {
            first += 1;
        }
        if first >= s
            || self.text(first) == "&"
            || (first + 1..s).any(|j| self.phrase_at(&self.lex.stops, j).is_some_and(|len| j + len <= s))
        {
            return None;
        }
        let last = if self.is_suffix(s + 1) && self.same_line(s + 1) { s + 1 } else { s };
        Some((first, last))
    }

    /// A one-word name after `la`/`l'` and a feminine adjective of origin standing for `la società`
    /// (`la romana Lumora`, `l'americana Zefiro Labs`), unless the name is a person's surname
    /// elsewhere in the text (`la tedesca Anna Weber`, `Anna Weber … la tedesca Weber`).
    fn after_feminine_adjective(&self, a: usize) -> Option<(usize, usize)> {
        if a == 0 || !matches!(self.doc.norm(a - 1), "la" | "l'") {
            return None;
        }
        let adjective = self.doc.norm(a);
        let origin = self.lex.adjectives.get(adjective).copied().unwrap_or(false);
        if !origin || !(adjective.ends_with('a') || adjective.ends_with("ese")) {
            return None;
        }
        let first = a + 1;
        if !self.is_name_word(first)
            || self.phrase_at(&self.lex.stops, first).is_some()
            || super::matcher::is_first_name(self.doc.norm(first))
        {
            return None;
        }
        // One word, maybe with a corporate suffix or a number (`Lumora 2000`).
        let mut last = first;
        if self.is_suffix(last + 1) || self.is_number(last + 1) {
            last += 1;
        }
        if self.continues_name(last + 1) || self.is_surname(first) {
            return None;
        }
        Some((first, last))
    }

    /// Whether the word at `i` follows a first name somewhere in the text (`Anna Weber`).
    fn is_surname(&self, i: usize) -> bool {
        let surnames = self.surnames.get_or_init(|| {
            let doc = self.doc;
            (1..doc.tokens().len())
                .filter(|&j| self.is_name_word(j - 1) && super::matcher::is_first_name(doc.norm(j - 1)))
                .map(|j| doc.text_of(&doc.tokens()[j]))
                .collect()
        });
        surnames.contains(self.text(i))
    }

    /// A name after a capitalised corporate prefix at `p`, prefix included: `Banca Lumora`,
    /// `Gruppo Ferretti 1920`, `Cassa di Risparmio di Asti`, `Banca Popolare di Lumezzane`. The
    /// first word after the prefix is no stop word (`Banca d'Italia`, `Banca Mondiale`, `Gruppo
    /// dei Sette` are not companies); a place may follow `di` (`Banca Popolare di Milano`).
    fn after_prefix(&self, p: usize) -> Option<(usize, usize)> {
        let len = self.lex.prefixes.get(self.text(p))?.iter().find_map(|words| {
            words.iter().enumerate().all(|(m, w)| self.text(p + m) == w).then_some(words.len())
        })?;
        let first = p + len;
        let mut last = if self.is_name_word(first) && self.same_line(first) {
            first
        } else if matches!(self.doc.norm(first), "di" | "del" | "della") && len > 1 {
            // `Cassa di Risparmio` + `di Asti`: the place itself names the bank.
            first - 1
        } else {
            return None;
        };
        if last == first {
            if self.phrase_at(&self.lex.stops, first).is_some() {
                return None;
            }
            while last + 1 - first < MAX_NAME_TOKENS - 1 && self.continues_name(last + 1) {
                last += 1;
            }
            if self.continues_name(last + 1) {
                return None;
            }
        }
        if matches!(self.doc.norm(last + 1), "di" | "del" | "della") && self.is_name_word(last + 2) {
            last += 2;
            if self.continues_name(last + 1) {
                last += 1;
            }
        }
        (last >= first).then_some((p, last))
    }

    /// A name right after a role noun starting at `r` (`la startup Lumora`).
    fn after_role(&self, r: usize) -> Option<(usize, usize)> {
        let tok = self.doc.tokens().get(r)?;
        if tok.kind != TokenKind::Word || tok.is(TokenFlags::CAPITALIZED) || tok.is(TokenFlags::ALL_CAPS) {
            return None;
        }
        let mut k = r + self.phrase_at(&self.lex.roles, r)?;
        for _ in 0..2 {
            let lower = self.doc.tokens().get(k).is_some_and(|t| !t.is(TokenFlags::CAPITALIZED));
            if lower && self.lex.adjectives.contains_key(self.doc.norm(k)) {
                k += 1;
            }
        }
        let first = k;
        if !self.is_name_word(first) || self.phrase_at(&self.lex.stops, first).is_some() {
            return None;
        }
        let mut last = first;
        while last + 1 - first < MAX_NAME_TOKENS && self.continues_name(last + 1) {
            last += 1;
        }
        if self.continues_name(last + 1) {
            return None;
        }
        // A stop word inside the name (`il gruppo Rossi Milano`?) or a person (`il produttore
        // Marco Bianchi`) is not a company name.
        if (first + 1..=last).any(|j| self.phrase_at(&self.lex.stops, j).is_some() && !self.is_suffix(j)) {
            return None;
        }
        if super::matcher::is_first_name(self.doc.norm(first)) || self.is_surname(first) {
            return None;
        }
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        find_unknown_companies(&doc, &[]).into_iter().map(|e| e.name).collect()
    }

    #[test]
    fn embedded_unknown_words_parse() {
        let lex = UnknownLexicon::embedded();
        assert!(lex.suffixes.contains("Capital") && lex.suffixes.contains("S.p.A."));
        assert!(lex.roles.contains_key("startup") && lex.stops.contains_key("milano"));
        assert!(!lex.adjectives.is_empty());
    }

    #[test]
    fn names_before_a_corporate_suffix() {
        let table: &[(&str, &[&str])] = &[
            ("Il round è guidato da Zefiro Capital.", &["Zefiro Capital"]),
            ("Partecipa anche 2041 Ventures con altri fondi.", &["2041 Ventures"]),
            ("Ha investito Orsa Maggiore Asset Management.", &["Orsa Maggiore Asset Management"]),
            ("Il contratto va a Rossi & Figli Holding.", &["Rossi & Figli Holding"]),
            ("Lo studio è di Acme S.p.A. e di Beta Srl.", &["Acme S.p.A.", "Beta Srl"]),
            ("Secondo Lumen Partners il mercato crescerà.", &["Lumen Partners"]),
            ("Nel capitale entra Kappa Holding S.p.A. con il 10%.", &["Kappa Holding S.p.A."]),
            ("Ha comprato la tedesca Nordlicht Robotics.", &["Nordlicht Robotics"]),
            ("Il titolo di Quanta Therapeutics vola.", &["Quanta Therapeutics"]),
            // Not names: lower-case words, a lone suffix, a place or a headline run.
            ("Il capitale della banca cresce.", &[]),
            ("Il Capital gain è tassato.", &[]),
            ("Il settore del private equity e il venture capital crescono.", &[]),
            ("A Milano Capital e finanza si incontrano.", &[]),
            // Finance terms that look like names.
            ("Il Working Capital è migliorato e il Venture Capital cresce.", &[]),
            ("Cresce l'Asset Management, non il Private Equity Group.", &[]),
            ("Investe Sofinnova Venture Capital.", &["Sofinnova Venture Capital"]),
            ("La Nuova Grande Alleanza Tecnologica Europea Partners.", &[]),
        ];
        for &(text, want) in table {
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn years_and_first_names_are_not_names() {
        assert_eq!(names("Nel 2024 Zefiro Rossi Capital ha investito in Lumora."), ["Zefiro Rossi Capital"]);
        assert_eq!(names("Lo conferma la società Marco, senza dettagli."), Vec::<String>::new());
        assert_eq!(names("Il fondo 2041 Ventures guida il round."), ["2041 Ventures"]);
    }

    #[test]
    fn names_after_a_role_noun() {
        let table: &[(&str, &[&str])] = &[
            ("La startup Lumora ha raccolto 5 milioni.", &["Lumora"]),
            ("Il round è guidato dal fondo Orizzonte, che entra nel capitale.", &["Orizzonte"]),
            ("La startup milanese Vela Quantica ha chiuso un round.", &["Vela Quantica"]),
            ("L'ha comprata il gruppo Ferretti 1920 per 30 milioni.", &["Ferretti 1920"]),
            ("Interviene il fondo di private equity Aurora.", &["Aurora"]),
            ("La fintech Pagonet e la biotech Genvia crescono.", &["Pagonet", "Genvia"]),
            ("Il fondo sovrano saudita Pif investe.", &["Pif"]),
            ("La casa farmaceutica Medora lancia un farmaco.", &["Medora"]),
            // Hard negatives.
            ("La società americana ha chiuso il trimestre.", &[]),
            ("Il gruppo Usa ha annunciato tagli.", &[]),
            ("La startup italiana è cresciuta.", &[]),
            ("Il fondo sovrano ha investito.", &[]),
            ("La banca centrale alza i tassi.", &[]),
            ("Il Gruppo dei Sette si riunisce a giugno.", &[]),
            ("La Banca d'Italia vigila.", &[]),
            ("Negli Stati Uniti la società Stati Uniti non esiste.", &[]),
            ("Il produttore Marco Bianchi firma il film.", &[]),
            ("La società di Milano è quotata.", &[]),
            ("La banca Ue per gli investimenti presta.", &[]),
            ("Il gruppo Misto si divide al Senato.", &[]),
            ("La società ha detto che Lumora crescerà.", &[]),
            ("La compagnia Venerdì ha volato.", &[]),
            // A surname elsewhere after a first name is a person.
            ("Anna Weber guida il gruppo; la società Weber non esiste.", &[]),
            ("Il gruppo Wagner e il gruppo Brics non sono imprese.", &[]),
            ("Arrivano i soldi del fondo Next Generation Eu.", &[]),
        ];
        for &(text, want) in table {
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn names_after_a_corporate_prefix() {
        let table: &[(&str, &[&str])] = &[
            ("Il titolo di Banca Lumora sale.", &["Banca Lumora"]),
            ("Entra nel capitale Gruppo Ferretti 1920.", &["Gruppo Ferretti 1920"]),
            ("La Banca Popolare di Lumezzane cresce.", &["Banca Popolare di Lumezzane"]),
            ("La Banca Popolare di Milano cresce.", &["Banca Popolare di Milano"]),
            ("La Cassa di Risparmio di Asti chiude l'anno.", &["Cassa di Risparmio di Asti"]),
            // Not companies.
            ("La Banca d'Italia e la Banca Mondiale.", &[]),
            ("La Banca Centrale Europea alza i tassi.", &[]),
            ("Il Gruppo dei Sette e il Gruppo Usa.", &[]),
            ("Il gruppo Lumora.", &["Lumora"]),
        ];
        for &(text, want) in table {
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn names_after_a_feminine_adjective_standing_for_the_company() {
        let table: &[(&str, &[&str])] = &[
            ("La romana Lumora ha chiuso un round.", &["Lumora"]),
            ("Ha investito nella francese Vantel Systems.", &["Vantel Systems"]),
            // Only after the article itself (`nella francese Vantel` may be a place or a person).
            ("Ha investito nella francese Vantel.", &[]),
            ("Investe anche l'americana Zefiro Labs.", &["Zefiro Labs"]),
            // Not companies: people, places, longer names, masculine or unlisted adjectives.
            ("La tedesca Anna Weber guida il gruppo.", &[]),
            ("Il ministro ha incontrato Christine Keller, poi la tedesca Keller ha parlato.", &[]),
            ("La francese Parigi ospita il vertice.", &[]),
            ("Il francese Dupont ha parlato.", &[]),
            ("La bella Lumora ha parlato.", &[]),
            ("La nuova Panda e la piccola Lumora.", &[]),
        ];
        for &(text, want) in table {
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn people_in_the_gazetteer_are_not_companies() {
        let text = "La francese Lagarde e la tedesca Merkel; la romana Lumora cresce.";
        let doc = Document::new(text);
        let mut all = super::super::Matcher::embedded().find(&doc);
        add_unknown_companies(&doc, &mut all);
        let companies: Vec<&str> =
            all.iter().filter(|e| e.kind == EntityKind::Company).map(|e| e.text.as_str()).collect();
        assert_eq!(companies, ["Lumora"]);
    }

    #[test]
    fn a_suffixed_name_is_later_named_without_its_suffix() {
        let text = "Zefiro Capital ha guidato il round. Zefiro aveva già investito in Lumora.";
        let doc = Document::new(text);
        let found: Vec<(String, String)> =
            find_unknown_companies(&doc, &[]).into_iter().map(|m| (m.text, m.name)).collect();
        assert_eq!(
            found,
            [
                ("Zefiro Capital".to_string(), "Zefiro Capital".to_string()),
                ("Zefiro".to_string(), "Zefiro Capital".to_string())
            ]
        );
        assert_eq!(names("Il fondo 2041 Ventures guida. Nel 2041 si vedrà."), ["2041 Ventures"]);
    }

    #[test]
    fn repeated_mentions_of_a_marked_name() {
        let text =
            "La startup Lumora ha raccolto 5 milioni. Lumora userà i fondi in Europa, ma Lumora Bank no.";
        let doc = Document::new(text);
        let found = find_unknown_companies(&doc, &[]);
        let got: Vec<(&str, &str)> = found.iter().map(|e| (e.text.as_str(), e.id.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Lumora", "unknown:lumora"),
                ("Lumora", "unknown:lumora"),
                ("Lumora Bank", "unknown:lumora-bank")
            ]
        );
    }

    #[test]
    fn known_mentions_win_and_ids_are_slugs() {
        let text = "La startup Nvidia e Zefiro Capital, poi Città & Ségur Holding.";
        let doc = Document::new(text);
        let known = vec![EntityMention {
            span: Span::new(11, 17),
            text: "Nvidia".into(),
            kind: EntityKind::Company,
            id: "nvidia".into(),
            name: "Nvidia".into(),
        }];
        let found = find_unknown_companies(&doc, &known);
        let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["unknown:zefiro-capital", "unknown:citta-segur-holding"]);
        let mut all = known;
        add_unknown_companies(&doc, &mut all);
        assert_eq!(all.len(), 3);
        assert!(all.windows(2).all(|w| w[0].span.start < w[1].span.start));
    }

    #[test]
    fn bad_class_reports_line_and_column() {
        let err =
            UnknownLexicon::parse("u.tsv", "# x\nCapital\tsufix\n").map(|_| ()).map_err(|e| e.to_string());
        let err = err.err().unwrap_or_default();
        assert!(err.starts_with("u.tsv:2:9:"), "{err}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(text in "\\PC{0,120}") {
            let doc = Document::new(&text);
            for m in find_unknown_companies(&doc, &[]) {
                proptest::prop_assert_eq!(m.span.get(&text), Some(m.text.as_str()));
            }
        }
    }
}
