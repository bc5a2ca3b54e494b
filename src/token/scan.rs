//! The scanner: whitespace chunks → UAX #29 segments ("atoms") → Italian tokens.
//!
//! Chunks made only of ASCII and Latin-1/Latin Extended letters, digits and common punctuation
//! are segmented by [`fast_atoms`], a byte-level implementation of the UAX #29 word rules that
//! matter for those characters; every other chunk goes through `unicode-segmentation`. Both
//! produce the same atoms (checked by a property test), so the Italian fix-ups in [`Fixer`] see
//! one form.

use super::data::{DATA, is_dotted_initials};
use super::{Token, TokenFlags, TokenKind};
use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// UAX #29 word-break classes, reduced to what the fast path handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Letter,
    Digit,
    /// `.` `'` `’` `‘`: joins letters to letters and digits to digits.
    MidNumLet,
    /// `,` `;`: joins digits to digits.
    MidNum,
    /// `:` `·`: joins letters to letters.
    MidLetter,
    /// `_`: joins anything alphanumeric.
    ExtendNumLet,
    /// A character that is a segment of its own.
    Other,
    /// Anything the fast path does not model: the chunk goes to `unicode-segmentation`.
    Slow,
}

const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Class::Space,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            b':' => Class::MidLetter,
            b'_' => Class::ExtendNumLet,
            _ => Class::Other,
        };
        i += 1;
    }
    t
}

static ASCII_CLASS: [Class; 128] = ascii_classes();

const fn ascii_wordish() -> [bool; 128] {
    let classes = ascii_classes();
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = matches!(classes[i], Class::Letter | Class::Digit | Class::ExtendNumLet);
        i += 1;
    }
    t
}

/// ASCII letters, digits and `_`: the bytes that continue a word run.
static ASCII_WORDISH: [bool; 128] = ascii_wordish();

#[inline]
fn char_class(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    match c {
        '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        '\u{00B7}' => Class::MidLetter,
        '\u{00D7}' | '\u{00F7}' => Class::Other,
        '\u{00C0}'..='\u{024F}' => Class::Letter,
        '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '–' | '—' | '…' | '€' | '£' | '¥' | '¢' | '°' | '§'
        | '©' | '®' | '•' => Class::Other,
        c if c.is_whitespace() => Class::Space,
        _ => Class::Slow,
    }
}

/// Class and byte length of the character at byte `i` (a char boundary).
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (ASCII_CLASS[b as usize], 1)
    } else {
        match text[i..].chars().next() {
            Some(c) => (char_class(c), c.len_utf8()),
            None => (Class::Other, 1),
        }
    }
}

/// One UAX #29 word segment inside a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Atom {
    pub start: usize,
    pub end: usize,
    /// Made of letters, digits and their joiners (as opposed to a single other character).
    pub word: bool,
    /// The byte classes seen in it (`LOWER`, `UPPER`, `DIGIT`, `NON_ASCII`, `JOINER`): lets
    /// [`Fixer::fix`] skip rescanning plain words.
    pub bits: u8,
}

/// Segments `text[start..end]` like UAX #29, stopping early at whitespace or at a character the
/// fast path does not model. Returns where it stopped, whether it stopped at such a slow character
/// (the atoms are then incomplete) and whether it saw an `@`.
fn fast_atoms(text: &str, start: usize, end: usize, out: &mut Vec<Atom>) -> (usize, bool, bool) {
    let mut at = false;
    let mut i = start;
    while i < end {
        let (c, len) = class_at(text, i);
        match c {
            Class::Letter | Class::Digit | Class::ExtendNumLet => {}
            Class::Space => return (i, false, at),
            Class::Slow => return (i, true, at),
            _ => {
                at |= text.as_bytes()[i] == b'@';
                out.push(Atom { start: i, end: i + len, word: false, bits: JOINER });
                i += len;
                continue;
            }
        }
        let atom_start = i;
        let bytes = text.as_bytes();
        let mut bits = BYTE_BITS[usize::from(bytes[i])];
        i += len;
        while i < end {
            // The common case: a run of ASCII letters and digits, one table lookup a byte.
            while i < end && bytes[i] < 0x80 && ASCII_WORDISH[bytes[i] as usize] {
                bits |= BYTE_BITS[usize::from(bytes[i])];
                i += 1;
            }
            if i >= end {
                break;
            }
            let (c, len) = class_at(text, i);
            match c {
                Class::Letter | Class::Digit | Class::ExtendNumLet => {
                    bits |= BYTE_BITS[usize::from(bytes[i])];
                    i += len;
                }
                Class::MidNumLet | Class::MidNum | Class::MidLetter if i + len < end => {
                    // The character before: non-ASCII word characters of the fast path are letters.
                    let prev = match bytes[i - 1] {
                        b if b < 0x80 => ASCII_CLASS[b as usize],
                        _ => Class::Letter,
                    };
                    let (next, next_len) = class_at(text, i + len);
                    let joins = (prev == Class::Letter
                        && next == Class::Letter
                        && matches!(c, Class::MidNumLet | Class::MidLetter))
                        || (prev == Class::Digit
                            && next == Class::Digit
                            && matches!(c, Class::MidNumLet | Class::MidNum));
                    if !joins {
                        break;
                    }
                    bits |=
                        JOINER | BYTE_BITS[usize::from(bytes[i])] | BYTE_BITS[usize::from(bytes[i + len])];
                    i += len + next_len;
                }
                _ => break,
            }
        }
        out.push(Atom { start: atom_start, end: i, word: true, bits });
    }
    (i, false, at)
}

/// Segments `text[start..end]` with `unicode-segmentation`.
fn slow_atoms(text: &str, start: usize, end: usize, out: &mut Vec<Atom>) {
    for (off, seg) in text[start..end].split_word_bound_indices() {
        let word = seg.chars().any(|c| c.is_alphanumeric() || c == '_');
        // Slow segments are never taken for plain words: `JOINER` sends them the long way.
        out.push(Atom { start: start + off, end: start + off + seg.len(), word, bits: JOINER | NON_ASCII });
    }
}

/// Tokenizes the whole text.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut atoms = Vec::with_capacity(16);
    let mut scratch = String::new();
    let mut newlines = 0u32;
    let mut spaced = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            spaced = true;
            i += 1;
            continue;
        }
        // The common case: a chunk that is one run of ASCII letters and digits, ended by
        // whitespace, perhaps after one punctuation mark that cannot join it to anything
        // (`,` `;` `:` `)` `!` `?` `"`, or a `.` that does not make an abbreviation). It gives
        // one token (two with the mark), with flags from the bytes seen on the way.
        if b < 0x80 && ASCII_WORDISH[usize::from(b)] {
            let mut j = i;
            let mut bits = 0;
            while let Some(&c) = bytes.get(j)
                && c < 0x80
                && ASCII_WORDISH[usize::from(c)]
            {
                bits |= BYTE_BITS[usize::from(c)];
                j += 1;
            }
            let space_at = |k: usize| bytes.get(k).is_none_or(|c| matches!(c, b' ' | b'\n' | b'\r' | b'\t'));
            let mark = match bytes.get(j) {
                _ if space_at(j) => Some(false),
                Some(b',' | b';' | b':' | b')' | b'!' | b'?' | b'"') if space_at(j + 1) => Some(true),
                Some(b'.') if space_at(j + 1) && bits & (LOWER | UPPER) != 0 => {
                    let mut fixer =
                        Fixer { text, out: &mut tokens, lead: TokenFlags::EMPTY, scratch: &mut scratch };
                    (!fixer.is_abbreviation(&text[i..=j])).then_some(true)
                }
                _ => None,
            };
            if bits & JOINER == 0
                && let Some(mark) = mark
            {
                let flags =
                    ascii_flags(bits, BYTE_BITS[usize::from(b)] & UPPER != 0) | lead_flags(spaced, newlines);
                let kind = if bits & (LOWER | UPPER) == 0 { TokenKind::Number } else { TokenKind::Word };
                tokens.push(Token { span: Span::new(i, j), kind, flags });
                if mark {
                    tokens.push(Token {
                        span: Span::new(j, j + 1),
                        kind: TokenKind::Punct,
                        flags: TokenFlags::ASCII,
                    });
                    j += 1;
                }
                newlines = 0;
                spaced = false;
                i = j;
                continue;
            }
        }
        let (c, len) = class_at(text, i);
        if c == Class::Space {
            if bytes[i] == b'\n'
                || matches!(text[i..].chars().next(), Some('\u{2028}' | '\u{2029}' | '\u{85}'))
            {
                newlines += 1;
            }
            spaced = true;
            i += len;
            continue;
        }
        // A chunk: everything up to the next whitespace, segmented on the way.
        let start = i;
        atoms.clear();
        let (stop, slow, mut at) = fast_atoms(text, start, bytes.len(), &mut atoms);
        i = stop;
        if slow {
            while i < bytes.len() {
                let (c, len) = class_at(text, i);
                if c == Class::Space {
                    break;
                }
                at |= bytes[i] == b'@';
                i += len;
            }
        }
        let lead = lead_flags(spaced, newlines);
        let mut fixer = Fixer { text, out: &mut tokens, lead, scratch: &mut scratch };
        let might_be_url = !matches!(
            bytes[start],
            b'a'..=b'g' | b'i'..=b'v' | b'x'..=b'z' | b'A'..=b'G' | b'I'..=b'V' | b'X'..=b'Z' | b'0'..=b'9'
        );
        if at || might_be_url && i - start > 4 {
            fixer.chunk(start, i, slow, at, &mut atoms);
        } else if slow {
            atoms.clear();
            slow_atoms(text, start, i, &mut atoms);
            fixer.fix(&mut atoms);
        } else {
            fixer.fix(&mut atoms);
        }
        newlines = 0;
        spaced = false;
    }
    tokens
}

/// Turns the atoms of one chunk into tokens.
struct Fixer<'t, 'o> {
    text: &'t str,
    out: &'o mut Vec<Token>,
    /// Flags for the first token of the chunk (whitespace before it).
    lead: TokenFlags,
    scratch: &'o mut String,
}

impl Fixer<'_, '_> {
    fn chunk(&mut self, start: usize, end: usize, slow: bool, at: bool, atoms: &mut Vec<Atom>) {
        if let Some((s, e, kind)) = find_special(self.text, start, end, at) {
            self.segment(start, s, slow, atoms);
            self.emit(s, e, kind, TokenFlags::EMPTY);
            self.segment(e, end, slow, atoms);
        } else {
            self.segment(start, end, slow, atoms);
        }
    }

    fn segment(&mut self, start: usize, end: usize, slow: bool, atoms: &mut Vec<Atom>) {
        if start >= end {
            return;
        }
        atoms.clear();
        if slow {
            slow_atoms(self.text, start, end, atoms);
        } else {
            let _ = fast_atoms(self.text, start, end, atoms);
        }
        self.fix(atoms);
    }

    fn emit(&mut self, start: usize, end: usize, kind: TokenKind, extra: TokenFlags) {
        let flags = std::mem::take(&mut self.lead) | extra | text_flags(&self.text[start..end]);
        self.out.push(Token { span: Span::new(start, end), kind, flags });
    }

    /// [`Fixer::emit`] for a plain ASCII word or number atom, with flags from its byte bits.
    #[inline]
    fn emit_plain(&mut self, at: Atom, kind: TokenKind) {
        let first_upper = BYTE_BITS[usize::from(self.text.as_bytes()[at.start])] & UPPER != 0;
        let flags = std::mem::take(&mut self.lead) | ascii_flags(at.bits, first_upper);
        self.out.push(Token { span: Span::new(at.start, at.end), kind, flags });
    }

    /// `s` is a word with its final period. Listed abbreviations are written in lower or title
    /// case; an all-caps word before a period is an acronym ending a sentence (`di ST.`), not `St.`.
    fn is_abbreviation(&mut self, s: &str) -> bool {
        let word = &s.as_bytes()[..s.len() - 1];
        let acronym = word.len() >= 2 && word.iter().all(u8::is_ascii_uppercase);
        if s.len() > DATA.max_abbreviation || acronym {
            return is_dotted_initials(s);
        }
        self.scratch.clear();
        super::push_normalized(self.scratch, s);
        DATA.abbreviations.contains_key(self.scratch.as_str()) || is_dotted_initials(s)
    }

    fn in_set(&mut self, s: &str, set: &crate::hash::WordSet) -> bool {
        if s.len() > 12 {
            return false;
        }
        self.scratch.clear();
        super::push_normalized(self.scratch, s);
        set.contains(self.scratch.as_str())
    }

    fn fix(&mut self, atoms: &mut [Atom]) {
        let text = self.text;
        let n = atoms.len();
        let mut a = 0;
        while a < n {
            let at = atoms[a];
            // The common case: an ASCII word or digit run without joiners, not followed by a
            // character that could glue it to the next atom (`.`, `'`, `’`, `%`, `-`).
            if at.word && at.bits & (JOINER | NON_ASCII) == 0 {
                let glue = atoms.get(a + 1).is_some_and(|x| {
                    matches!(text.as_bytes()[x.start], b'.' | b'\'' | b'%' | b'-' | b'/' | 0xE2)
                });
                if !glue {
                    let kind =
                        if at.bits & (LOWER | UPPER) == 0 { TokenKind::Number } else { TokenKind::Word };
                    self.emit_plain(at, kind);
                    a += 1;
                    continue;
                }
            }
            let s = &text[at.start..at.end];
            // adjacent atoms are always contiguous inside a chunk
            let next = atoms.get(a + 1).map(|x| &text[x.start..x.end]);
            if !at.word {
                // '90, ’90: an apostrophe before two or three digits.
                if is_apostrophe(s)
                    && let Some(d) = atoms.get(a + 1)
                    && d.word
                    && (2..=3).contains(&(d.end - d.start))
                    && text[d.start..d.end].bytes().all(|b| b.is_ascii_digit())
                {
                    self.emit(at.start, d.end, TokenKind::Number, TokenFlags::EMPTY);
                    a += 2;
                    continue;
                }
                self.emit(at.start, at.end, single_kind(s), TokenFlags::EMPTY);
                a += 1;
                continue;
            }
            // Elision inside a segment: l'azienda, dell’intelligenza, c'è.
            if let Some((p, alen)) = find_apostrophe(s)
                && self.in_set(&s[..p], &DATA.elisions)
            {
                let cut = at.start + p + alen;
                self.emit(at.start, cut, TokenKind::Word, TokenFlags::ELISION);
                if cut >= at.end {
                    a += 1;
                } else {
                    atoms[a].start = cut;
                }
                continue;
            }
            // Elision or truncation before a separate apostrophe: l'80%, po', Ca' Foscari.
            if let Some(q) = next
                && is_apostrophe(q)
            {
                if self.in_set(s, &DATA.elisions) {
                    self.emit(at.start, atoms[a + 1].end, TokenKind::Word, TokenFlags::ELISION);
                    a += 2;
                    continue;
                }
                if self.in_set(s, &DATA.truncations) {
                    self.emit(at.start, atoms[a + 1].end, TokenKind::Word, TokenFlags::EMPTY);
                    a += 2;
                    continue;
                }
            }
            // Abbreviations keep their period: S.p.A., Inc., mld.
            if next == Some(".") && self.is_abbreviation(&text[at.start..atoms[a + 1].end]) {
                self.emit(at.start, atoms[a + 1].end, TokenKind::Abbreviation, TokenFlags::EMPTY);
                a += 2;
                continue;
            }
            let digits = is_number_atom(s);
            if digits {
                // 2025-12-17, 17/12/2025, 17-12-2025
                if a + 4 < n
                    && let sep @ ("-" | "/") = &text[atoms[a + 1].start..atoms[a + 1].end]
                    && &text[atoms[a + 3].start..atoms[a + 3].end] == sep
                    && is_numeric_date(
                        s,
                        &text[atoms[a + 2].start..atoms[a + 2].end],
                        &text[atoms[a + 4].start..atoms[a + 4].end],
                        sep,
                    )
                {
                    self.emit(at.start, atoms[a + 4].end, TokenKind::NumericDate, TokenFlags::EMPTY);
                    a += 5;
                    continue;
                }
                if let Some((d, m, y)) = split3(s, '.')
                    && is_numeric_date(d, m, y, ".")
                {
                    self.emit(at.start, at.end, TokenKind::NumericDate, TokenFlags::EMPTY);
                    a += 1;
                    continue;
                }
                if next == Some("%") {
                    self.emit(at.start, atoms[a + 1].end, TokenKind::Percent, TokenFlags::EMPTY);
                    a += 2;
                    continue;
                }
            }
            // Hyphenated words: e-commerce, Covid-19, X2E-80-100 (not 5-10, a range).
            let mut end_atom = a;
            let mut has_letter = !digits;
            while end_atom + 2 < n
                && matches!(&text[atoms[end_atom + 1].start..atoms[end_atom + 1].end], "-")
                && atoms[end_atom + 2].word
            {
                let after = &text[atoms[end_atom + 2].start..atoms[end_atom + 2].end];
                let after_letter = !is_number_atom(after);
                if !(has_letter || after_letter) {
                    break;
                }
                has_letter |= after_letter;
                end_atom += 2;
            }
            let kind = if end_atom == a && digits { TokenKind::Number } else { TokenKind::Word };
            self.emit(at.start, atoms[end_atom].end, kind, TokenFlags::EMPTY);
            a = end_atom + 1;
        }
    }
}

const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const NON_ASCII: u8 = 8;
/// `_` or a joining character inside an atom (and every non-word atom).
const JOINER: u8 = 16;

const fn byte_bits() -> [u8; 256] {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'_' => JOINER,
            _ => 0,
        };
        i += 1;
    }
    t
}

static BYTE_BITS: [u8; 256] = byte_bits();

/// The flags a chunk's first token takes from the whitespace before it.
#[inline]
fn lead_flags(spaced: bool, newlines: u32) -> TokenFlags {
    let mut lead = TokenFlags::EMPTY;
    if spaced {
        lead |= TokenFlags::SPACE_BEFORE;
    }
    if newlines > 0 {
        lead |= TokenFlags::LINE_BREAK_BEFORE;
    }
    if newlines > 1 {
        lead |= TokenFlags::PARAGRAPH_BEFORE;
    }
    lead
}

/// The flags of an ASCII token from the OR of its byte bits.
#[inline]
fn ascii_flags(bits: u8, first_upper: bool) -> TokenFlags {
    let mut f = TokenFlags::ASCII;
    if first_upper {
        f |= TokenFlags::CAPITALIZED;
    }
    if bits & (LOWER | UPPER) != 0 {
        f |= TokenFlags::HAS_LETTER;
        if bits & LOWER == 0 {
            f |= TokenFlags::ALL_CAPS;
        }
        if bits & UPPER != 0 {
            f |= TokenFlags::HAS_UPPER;
        }
    }
    if bits & DIGIT != 0 {
        f |= TokenFlags::HAS_DIGIT;
    }
    f
}

/// Flags that depend only on the token's own text.
fn text_flags(s: &str) -> TokenFlags {
    let b = s.as_bytes();
    let acc = b.iter().fold(0u8, |acc, &c| acc | BYTE_BITS[c as usize]);
    if acc & NON_ASCII == 0 {
        return ascii_flags(acc, b.first().is_some_and(|&c| BYTE_BITS[c as usize] & UPPER != 0));
    }
    let mut lower = false;
    let mut upper = false;
    let mut letter = false;
    for c in s.chars() {
        lower |= c.is_lowercase();
        upper |= c.is_uppercase();
        letter |= c.is_alphabetic();
    }
    let mut f = TokenFlags::EMPTY;
    if upper {
        f |= TokenFlags::HAS_UPPER;
    }
    if s.chars().next().is_some_and(char::is_uppercase) {
        f |= TokenFlags::CAPITALIZED;
    }
    if letter {
        f |= TokenFlags::HAS_LETTER;
        if !lower {
            f |= TokenFlags::ALL_CAPS;
        }
    }
    if acc & DIGIT != 0 {
        f |= TokenFlags::HAS_DIGIT;
    }
    f
}

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "\u{2019}")
}

/// Byte offset and length of the first apostrophe inside a word segment.
fn find_apostrophe(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'\'' {
            return Some((i, 1));
        }
        // ’ is E2 80 99
        if c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) {
            return Some((i, 3));
        }
    }
    None
}

/// Digits with `.` `,` separators only (`1.500,50`), starting and ending with a digit.
fn is_number_atom(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
}

fn split3(s: &str, sep: char) -> Option<(&str, &str, &str)> {
    let mut it = s.split(sep);
    let r = (it.next()?, it.next()?, it.next()?);
    it.next().is_none().then_some(r)
}

/// Day-month-year (`17/12/2025`, `17.12.2025`) or, with `-`, also year-month-day.
fn is_numeric_date(a: &str, b: &str, c: &str, sep: &str) -> bool {
    let num =
        |s: &str, lo: usize, hi: usize| (lo..=hi).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let val = |s: &str| s.parse::<u32>().unwrap_or(0);
    let dmy = num(a, 1, 2)
        && num(b, 1, 2)
        && (num(c, 4, 4) || sep == "/" && num(c, 2, 2))
        && (1..=31).contains(&val(a))
        && (1..=12).contains(&val(b));
    let ymd = sep == "-"
        && num(a, 4, 4)
        && num(b, 1, 2)
        && num(c, 1, 2)
        && (1..=12).contains(&val(b))
        && (1..=31).contains(&val(c));
    dmy || ymd
}

fn single_kind(s: &str) -> TokenKind {
    match s {
        "." | "," | ";" | ":" | "!" | "?" | "…" | "(" | ")" | "[" | "]" | "{" | "}" | "«" | "»" | "\""
        | "“" | "”" | "„" | "‹" | "›" | "‘" | "’" | "'" | "-" | "–" | "—" | "/" | "\\" | "•" | "·" => {
            TokenKind::Punct
        }
        _ => TokenKind::Symbol,
    }
}

/// A URL, e-mail address or handle inside `text[start..end]`: its span and kind.
fn find_special(text: &str, start: usize, end: usize, at: bool) -> Option<(usize, usize, TokenKind)> {
    let chunk = &text[start..end];
    let lead = chunk.len() - chunk.trim_start_matches(['(', '[', '«', '"', '“', '\'', '‘', '<']).len();
    let core = &chunk[lead..];
    let lower_prefix =
        |p: &str| core.len() >= p.len() && core.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www.") {
        let trimmed = core
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '»', '"', '”', '\'', '’', '>']);
        if trimmed.len() > 4 {
            let s = start + lead;
            return Some((s, s + trimmed.len(), TokenKind::Url));
        }
    }
    if !at {
        return None;
    }
    let b = chunk.as_bytes();
    let p = b.iter().position(|&c| c == b'@')?;
    let local_ok = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut ls = p;
    while ls > 0 && local_ok(b[ls - 1]) {
        ls -= 1;
    }
    while ls < p && !b[ls].is_ascii_alphanumeric() {
        ls += 1;
    }
    let mut de = p + 1;
    while de < b.len() && (b[de].is_ascii_alphanumeric() || matches!(b[de], b'.' | b'-')) {
        de += 1;
    }
    while de > p + 1 && matches!(b[de - 1], b'.' | b'-') {
        de -= 1;
    }
    let domain = &chunk[p + 1..de];
    if ls < p {
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic())
        });
        if tld_ok && !domain.starts_with(['.', '-']) {
            return Some((start + ls, start + de, TokenKind::Email));
        }
        return None;
    }
    // @handle: not glued to a preceding letter or digit.
    if p > 0 && b[p - 1].is_ascii_alphanumeric() {
        return None;
    }
    let mut he = p + 1;
    while he < b.len() && (b[he].is_ascii_alphanumeric() || b[he] == b'_') {
        he += 1;
    }
    (he > p + 1).then_some((start + p, start + he, TokenKind::Handle))
}

#[cfg(test)]
pub(super) fn atoms_for_test(text: &str, fast: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if fast {
        let _ = fast_atoms(text, 0, text.len(), &mut out);
    } else {
        slow_atoms(text, 0, text.len(), &mut out);
    }
    out.into_iter().map(|a| (a.start, a.end)).collect()
}

#[cfg(test)]
pub(super) fn is_fast_text(text: &str) -> bool {
    text.chars().all(|c| !matches!(char_class(c), Class::Slow | Class::Space))
}
