//! The Italian tokenizer: words, numbers, elisions, abbreviations and sentences with byte spans.
//!
//! Text is cut at whitespace into chunks; a chunk of ASCII and Latin letters is split into
//! UAX #29 word segments by a byte-level fast path, any other chunk by `unicode-segmentation`
//! (the two agree, a property test checks it). The segments are then fixed up for Italian:
//! elisions are split (`l'azienda` → `l'` + `azienda`, with `'` or `’`), truncations kept
//! (`po'`), numbers kept whole (`1.500,50`, `2025-12-17`, `17/12/2025`, `'90`, `10%`),
//! abbreviations keep their period (`S.p.A.`, `mld.`), hyphenated words, URLs, e-mail addresses
//! and `@handles` stay one token. Sentences are split on `.`, `!`, `?`, `…` and paragraph breaks,
//! never inside numbers or after a title abbreviation.
//!
//! The word lists (elisions, truncations, abbreviations) live in `data/tokenizer/`.
//!
//! # Examples
//!
//! ```
//! use cronaca::token::{Document, TokenKind};
//!
//! let doc = Document::new("L'azienda di Seattle investirà 1.500,50 € nell’IA. Il Sig. Rossi approva.");
//! let words: Vec<&str> = doc.tokens().iter().map(|t| doc.text_of(t)).collect();
//! assert_eq!(&words[..6], ["L'", "azienda", "di", "Seattle", "investirà", "1.500,50"]);
//! assert_eq!(doc.tokens()[5].kind, TokenKind::Number);
//! assert!(words.contains(&"nell’") && words.contains(&"Sig."));
//! assert_eq!(doc.norm(0), "l'");
//! assert_eq!(doc.sentences().len(), 2);
//! ```

mod data;
mod scan;

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use data::AbbreviationClass;
pub(crate) use data::warm;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with digits (`Trainium2`, `H100`, `Q3`) or hyphens (`e-commerce`),
    /// and elided forms (`l'`, `dell’`, flagged [`TokenFlags::ELISION`]).
    Word,
    /// Digits with Italian or English separators (`10`, `1.500.000`, `3,5`, `1,500.50`)
    /// or an abbreviated year (`'90`).
    Number,
    /// A number with a percent sign (`10%`, `5,6%`).
    Percent,
    /// An all-numeric date (`2025-12-17`, `17/12/2025`, `17.12.2025`).
    NumericDate,
    /// An abbreviation with its period (`S.p.A.`, `Inc.`, `mld.`, `U.S.A.`).
    Abbreviation,
    /// Punctuation (`.`, `,`, `«`, `’` used as a quote, `-`).
    Punct,
    /// A symbol (`€`, `$`, `£`, `%`, `&`, `+`).
    Symbol,
    /// A web address (`https://…`, `www.…`).
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle (`@OpenAI`).
    Handle,
}

/// Cheap facts about a token, computed once while tokenizing.
///
/// # Examples
///
/// ```
/// use cronaca::token::{tokenize, TokenFlags};
///
/// let tokens = tokenize("dell'AMD");
/// assert!(tokens[0].flags.contains(TokenFlags::ELISION));
/// assert!(tokens[1].flags.contains(TokenFlags::ALL_CAPS | TokenFlags::CAPITALIZED));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct TokenFlags(u16);

impl TokenFlags {
    /// No flag set.
    pub const EMPTY: TokenFlags = TokenFlags(0);
    /// The first character is an upper-case letter (`Amazon`, `AMD`).
    pub const CAPITALIZED: TokenFlags = TokenFlags(1);
    /// The token has letters and none of them is lower case (`AMD`, `AI5`).
    pub const ALL_CAPS: TokenFlags = TokenFlags(1 << 1);
    /// The token contains a decimal digit.
    pub const HAS_DIGIT: TokenFlags = TokenFlags(1 << 2);
    /// The token contains a letter.
    pub const HAS_LETTER: TokenFlags = TokenFlags(1 << 3);
    /// An elided article, preposition or determiner ending in an apostrophe (`l'`, `dell’`).
    pub const ELISION: TokenFlags = TokenFlags(1 << 4);
    /// Whitespace comes right before the token (or it starts the text).
    pub const SPACE_BEFORE: TokenFlags = TokenFlags(1 << 5);
    /// The whitespace before the token contains a line break.
    pub const LINE_BREAK_BEFORE: TokenFlags = TokenFlags(1 << 6);
    /// The whitespace before the token contains a blank line (a paragraph break).
    pub const PARAGRAPH_BEFORE: TokenFlags = TokenFlags(1 << 7);
    /// The token is pure ASCII.
    pub const ASCII: TokenFlags = TokenFlags(1 << 8);
    /// The token contains an upper-case letter (`Amazon`, `iPhone`, `AMD`): its normalized form
    /// differs from its text.
    pub const HAS_UPPER: TokenFlags = TokenFlags(1 << 9);

    /// True when every flag of `other` is set in `self`.
    #[inline]
    pub const fn contains(self, other: TokenFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The raw bits.
    #[inline]
    pub const fn bits(self) -> u16 {
        self.0
    }
}

impl std::ops::BitOr for TokenFlags {
    type Output = TokenFlags;
    #[inline]
    fn bitor(self, rhs: TokenFlags) -> TokenFlags {
        TokenFlags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for TokenFlags {
    #[inline]
    fn bitor_assign(&mut self, rhs: TokenFlags) {
        self.0 |= rhs.0;
    }
}

/// One token: its byte span into the text, its kind and its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is; `&text[token.span]` is the token.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Facts computed once for the recognizers.
    pub flags: TokenFlags,
}

impl Token {
    /// True when the token has all of `flags`.
    #[inline]
    pub fn is(&self, flags: TokenFlags) -> bool {
        self.flags.contains(flags)
    }
}

/// Tokenizes `text`: tokens in order, non-overlapping, covering every non-whitespace character.
///
/// # Examples
///
/// ```
/// use cronaca::token::tokenize;
///
/// let text = "Un po' di U.S.A. e 10%";
/// let t: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span]).collect();
/// assert_eq!(t, ["Un", "po'", "di", "U.S.A.", "e", "10%"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    scan::tokenize(text)
}

/// A sentence: its byte span and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first byte of the first token to the end of the last.
    pub span: Span,
    /// Indices into the token list.
    pub tokens: Range<usize>,
}

/// A tokenized text: tokens, sentences and a lower-cased form of each token for lookups.
///
/// The normalized form lower-cases letters and turns the typographic apostrophes `’` `‘` into
/// `'`, so lexicons are written once in plain lower case. Spans keep pointing at the original.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// The text with ASCII letters lower-cased, then the normalized forms of non-ASCII tokens
    /// that differ from their text.
    norm: String,
    /// Each token's normalized form.
    norms: Vec<Norm<'a>>,
}

/// Where a token's normalized form is: read on every lookup of every stage, so the common
/// case (a token already in normal form) is a plain `&str` with no slicing to check.
#[derive(Debug, Clone, Copy)]
enum Norm<'a> {
    /// The token's own text (`miliardi`, `2025`, `,`).
    Text(&'a str),
    /// A span of the document's lower-cased text (`Amazon` → `amazon`, `dell’` → `dell'`).
    Lowered(u32, u32),
}

impl<'a> Document<'a> {
    /// Tokenizes `text` and splits it into sentences.
    pub fn new(text: &'a str) -> Self {
        let tokens = scan::tokenize(text);
        let sentences = split_sentences(text, &tokens);
        // The text lower-cased in one pass holds the normalized form of every ASCII token at its
        // own span; the others (`Perché`, `dell’`) are appended after it, in room reserved so
        // that they never move the copy.
        let mut norm = String::with_capacity(text.len() + text.len() / 8 + 16);
        norm.push_str(text);
        norm.make_ascii_lowercase();
        let mut norms = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let own = &text[t.span];
            if t.is(TokenFlags::ASCII) {
                norms.push(if t.is(TokenFlags::HAS_UPPER) {
                    Norm::Lowered(t.span.start as u32, t.span.end as u32)
                } else {
                    Norm::Text(own)
                });
            } else {
                let start = norm.len();
                push_normalized(&mut norm, own);
                if norm[start..] == *own {
                    norm.truncate(start);
                    norms.push(Norm::Text(own));
                } else {
                    norms.push(Norm::Lowered(start as u32, norm.len() as u32));
                }
            }
        }
        Document { text, tokens, sentences, norm, norms }
    }

    /// The original text.
    #[inline]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// All tokens in order.
    #[inline]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All sentences in order.
    #[inline]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The original text of a token.
    #[inline]
    pub fn text_of(&self, token: &Token) -> &'a str {
        &self.text[token.span]
    }

    /// The normalized (lower-case, plain apostrophe) text of token `i`; `""` when out of range.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        match self.norms.get(i) {
            Some(&Norm::Text(s)) => s,
            Some(&Norm::Lowered(s, e)) => &self.norm[s as usize..e as usize],
            None => "",
        }
    }

    /// The whole text with ASCII letters lower-cased (same length and offsets as the text).
    pub(crate) fn ascii_lowercase(&self) -> &str {
        &self.norm[..self.text.len()]
    }

    /// Index of the sentence holding token `i`, if any.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        (k < self.sentences.len() && self.sentences[k].tokens.contains(&i)).then_some(k)
    }

    /// Index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }
}

/// Appends the normalized form of `s` (lower case, `’`/`‘` → `'`) to `out`.
pub fn push_normalized(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

/// The normalized form of `s` as a new string (see [`push_normalized`]).
///
/// # Examples
///
/// ```
/// assert_eq!(cronaca::token::normalize("Dell’AMD"), "dell'amd");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    out
}

/// The normalized forms of the tokens of `s`: how a lexicon phrase is split so that it lines up
/// with [`Document::norm`] (`l'altro ieri` → `l'`, `altro`, `ieri`).
pub(crate) fn normalized_tokens(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t| normalize(&s[t.span])).collect()
}

/// Splits tokens into sentences.
///
/// A sentence ends after `.`, `!`, `?` or `…` (with any closing quotes or brackets) when the next
/// token starts a new line or is capitalised, a digit or an opening quote; after an abbreviation
/// that is not a title (`ecc.`, `Inc.`) when the next word is capitalised; and before a blank line.
/// Title abbreviations (`Sig.`, `Dott.`) never end a sentence. A run of more than
/// [`MAX_SENTENCE_TOKENS`] tokens without a sentence end (a table, a text without punctuation)
/// is cut into sentences of that many tokens, so work done per sentence stays bounded.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1; // exclusive end of the sentence if it ends after token i
        let ends = match tokens[i].kind {
            TokenKind::Punct if is_terminal(&text[tokens[i].span]) => {
                while end < tokens.len()
                    && !tokens[end].is(TokenFlags::SPACE_BEFORE)
                    && (is_terminal(&text[tokens[end].span]) || is_closer(&text[tokens[end].span]))
                {
                    end += 1;
                }
                // A closing quote separated by a space still belongs here: `pronti. »`.
                while end < tokens.len() && is_closer_only(&text[tokens[end].span]) {
                    end += 1;
                }
                match tokens.get(end) {
                    None => true,
                    Some(next) => {
                        next.is(TokenFlags::LINE_BREAK_BEFORE)
                            || next.is(TokenFlags::CAPITALIZED)
                            || next.is(TokenFlags::HAS_DIGIT) && !next.is(TokenFlags::HAS_LETTER)
                            || is_opener(&text[next.span])
                    }
                }
            }
            TokenKind::Abbreviation => match tokens.get(end) {
                None => true,
                Some(next) => {
                    next.is(TokenFlags::PARAGRAPH_BEFORE)
                        || next.is(TokenFlags::CAPITALIZED)
                            && next.is(TokenFlags::SPACE_BEFORE)
                            && data::abbreviation_class(&text[tokens[i].span])
                                != Some(AbbreviationClass::Title)
                }
            },
            _ => match tokens.get(end) {
                None => true,
                Some(next) => {
                    next.is(TokenFlags::PARAGRAPH_BEFORE)
                        || next.is(TokenFlags::LINE_BREAK_BEFORE)
                            && next.is(TokenFlags::CAPITALIZED)
                            && !tokens[i].is(TokenFlags::ELISION)
                            && !matches!(&text[tokens[i].span], "," | ":" | ";" | "-" | "–")
                }
            },
        };
        if ends || end - start >= MAX_SENTENCE_TOKENS {
            out.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                tokens: start..end,
            });
            start = end;
        }
        i = end;
    }
    out
}

/// The most tokens in a sentence (plus any closing quotes after its last); no prose sentence
/// comes near it.
pub const MAX_SENTENCE_TOKENS: usize = 1_000;

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "»" | "\"" | "”" | "’" | "'" | ")" | "]")
}

fn is_closer_only(s: &str) -> bool {
    matches!(s, "»" | "”" | ")" | "]")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "«" | "\"" | "“" | "(" | "[" | "‘" | "'" | "-" | "–" | "—")
}

#[cfg(test)]
mod tests;
