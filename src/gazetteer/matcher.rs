//! Finding gazetteer names in a tokenized text.
//!
//! All names and aliases go, ASCII-lower-cased, into one aho-corasick automaton
//! (leftmost-longest), searched anchored at each possible start over an ASCII-lower-cased copy of
//! the text (same offsets). Each hit is then checked cheaply: it must
//! start at a token start and end at a token end (also counted as boundaries: a hyphen inside a
//! token, for `Mps-Mediobanca`; the final period of an abbreviation token, for a sentence-final
//! `ST.`; an English possessive, for `OpenAI’s`), and an exact-case alias must equal the text
//! byte for byte. A rejected hit first tries the shorter patterns that start at the same place
//! and end at a boundary; then the search moves to the next possible start (a token start or
//! just after a hyphen), so `intelligenza` cannot hide a later `Intel`.
//!
//! When a gap between two tokens of a paragraph is not one space (hard-wrapped lines, no-break
//! spaces, double spaces), the search runs over a copy where it is, and spans are mapped back.
//!
//! A company hit that is part of a person's name is dropped: right after a first name
//! (`Luca Ferrari`), or a company alias that is itself a first name before a capitalised word
//! (`Leonardo Del Vecchio`); first names live in `data/names/first_names.tsv`. Known people in
//! the gazetteer (`Tim Cook`) win anyway, by leftmost-longest.
//!
//! Texts that differ in non-ASCII letters (`Società`/`SOCIETÀ`) are covered by adding lower,
//! upper and title-case variants of such aliases, and `'`/`’` variants of aliases with an
//! apostrophe.

use super::{CaseRule, Entity, EntityKind, EntityMention, EpithetMention, Gazetteer};
use crate::error::Result;
use crate::hash::{FastMap, KeyFilter, WordSet};
use crate::span::Span;
use crate::token::{Document, Token, TokenFlags, TokenKind};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

const FIRST_NAMES_SOURCE: (&str, &str) =
    ("<embedded data/names/first_names.tsv>", include_str!("../../data/names/first_names.tsv"));

/// First names (lower case), to tell `Luca Ferrari` the person from Ferrari the company.
static FIRST_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    // Trusted static data; the `first_names_load` test forces this.
    match parse_first_names(FIRST_NAMES_SOURCE.0, FIRST_NAMES_SOURCE.1) {
        Ok(set) => set,
        Err(e) => panic!("embedded first names are invalid: {e}"),
    }
});

/// Parses the embedded first names now (see [`crate::Extractor::new`]).
pub(crate) fn warm_first_names() {
    LazyLock::force(&FIRST_NAMES);
}

/// Whether `norm` (lower case) is a first name (`marco`), to tell people from companies.
pub(super) fn is_first_name(norm: &str) -> bool {
    FIRST_NAMES.contains(norm)
}

/// Words that, after a company name which is also a first name, make it a company name again
/// (`Leonardo Helicopters`, `Tim Brasil`).
const CORPORATE_WORDS: [&str; 24] = [
    "spa",
    "srl",
    "group",
    "gruppo",
    "holding",
    "holdings",
    "italia",
    "italy",
    "brasil",
    "sparkle",
    "enterprise",
    "electronics",
    "helicopters",
    "systems",
    "vehicles",
    "aerostrutture",
    "ventures",
    "capital",
    "corporation",
    "inc",
    "ltd",
    "international",
    "business",
    "foundation",
];

/// Parses a one-column list of lower-case first names.
pub(super) fn parse_first_names(source_name: &str, text: &str) -> Result<WordSet> {
    let mut set = WordSet::default();
    for rec in crate::lexicon::records_named(source_name, text) {
        let name = rec.require(0, "first name")?;
        if rec.len() > 1 {
            return Err(rec.error_at(1, "one first name per line"));
        }
        if !name.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'') {
            return Err(rec.error_at(0, format!("first name `{name}` must be lower case, without spaces")));
        }
        if !set.insert(name.to_string()) {
            return Err(rec.error_at(0, format!("duplicate first name `{name}`")));
        }
    }
    Ok(set)
}

/// Finds the entities of a [`Gazetteer`] in documents. Built once, then shared (`Send + Sync`).
///
/// # Examples
///
/// ```
/// use cronaca::gazetteer::{Gazetteer, Matcher};
/// use cronaca::token::Document;
///
/// let g = Gazetteer::from_str("g.tsv", "meta\tcompany\tMeta Platforms\t=Meta\n\
///                                       intel\tcompany\tIntel\t")?;
/// let m = Matcher::new(g)?;
/// let doc = Document::new("Meta e INTEL, non la metà dell'intelligenza né il metaverso.");
/// let names: Vec<String> = m.find(&doc).into_iter().map(|e| e.name).collect();
/// assert_eq!(names, ["Meta Platforms", "Intel"]);
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug)]
pub struct Matcher {
    gazetteer: Gazetteer,
    names: Table,
    epithets: Table,
}

/// One automaton with, for each pattern, the entities it may name.
#[derive(Debug)]
struct Table {
    /// The automaton, each shard with the id of its first pattern: runs of consecutive
    /// patterns (in byte order), built in parallel. Empty when there are no patterns.
    shards: Vec<(u32, AhoCorasick)>,
    /// First byte → the range of shards holding a pattern that starts with it: a start is
    /// searched in those alone (usually one, as the patterns are in byte order).
    route: Box<[(u16, u16); 256]>,
    /// Pattern id → range into `cands`.
    pattern_cands: Vec<(u32, u32)>,
    cands: Vec<Candidate>,
    /// ASCII-lower-cased pattern → pattern id, to retry shorter patterns after a rejected hit.
    by_key: FastMap<Box<[u8]>, u32>,
    /// The first three and four bytes of every (lower-cased) pattern, hashed into bit sets: a
    /// start whose bytes are not in them skips the automaton (`di `, `il `, `che`, `della`…).
    starts: StartFilter,
}

#[derive(Debug)]
struct Candidate {
    entity: u32,
    /// `Some(text)` when the hit must equal `text` exactly.
    exact: Option<Box<str>>,
}

/// A zero-allocation hit: where, and which entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMatch<'g> {
    /// Where the name is in the text.
    pub span: Span,
    /// The entity it names.
    pub entity: &'g Entity,
}

static EMBEDDED_MATCHER: LazyLock<Arc<Matcher>> = LazyLock::new(|| {
    // Trusted static data; the `embedded_matcher_builds` test forces this.
    match Matcher::new(super::load_embedded()) {
        Ok(m) => Arc::new(m),
        Err(e) => panic!("embedded gazetteer automaton: {e}"),
    }
});

impl Matcher {
    /// Compiles `gazetteer` into a matcher.
    ///
    /// # Errors
    ///
    /// [`Error::Automaton`](crate::Error::Automaton) when the automaton exceeds aho-corasick's limits.
    pub fn new(gazetteer: Gazetteer) -> Result<Matcher> {
        Matcher::with_shards(gazetteer, None)
    }

    /// [`Matcher::new`] with the names automaton split into `shards` (`None`: by size and cores).
    pub(super) fn with_shards(gazetteer: Gazetteer, shards: Option<usize>) -> Result<Matcher> {
        let mut names = Vec::new();
        let mut epithets = Vec::new();
        for (i, e) in gazetteer.iter().enumerate() {
            let i = i as u32;
            let name_is_exact =
                e.aliases.iter().any(|a| a.case == CaseRule::Exact && a.text.eq_ignore_ascii_case(&e.name));
            // A name with an exact-case alias of the same letters (`Meta` with `=Meta` or
            // `=META`) is itself matched only as written.
            let rule = if name_is_exact { CaseRule::Exact } else { CaseRule::Insensitive };
            names.push((e.name.as_str(), rule, i));
            names.extend(e.aliases.iter().map(|a| (a.text.as_str(), a.case, i)));
            epithets.extend(e.epithets.iter().map(|p| (p.as_str(), CaseRule::Insensitive, i)));
        }
        Ok(Matcher {
            names: Table::build_sharded(&names, shards)?,
            epithets: Table::build(&epithets)?,
            gazetteer,
        })
    }

    /// The matcher of the embedded default gazetteer, built once.
    pub fn embedded() -> &'static Matcher {
        &EMBEDDED_MATCHER
    }

    /// A shared handle to [`Matcher::embedded`].
    pub(crate) fn embedded_shared() -> Arc<Matcher> {
        Arc::clone(&EMBEDDED_MATCHER)
    }

    /// The gazetteer this matcher was built from (for relations: parent, maker, ceo…).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every entity mention in `doc`, in text order, non-overlapping (all kinds, persons included).
    pub fn find(&self, doc: &Document<'_>) -> Vec<EntityMention> {
        mentions(doc, self.matches(doc))
    }

    /// [`Matcher::find`] and [`Matcher::find_epithets`] together, reading the document once
    /// for both (what [`crate::Extractor`] does).
    ///
    /// # Examples
    ///
    /// ```
    /// use cronaca::gazetteer::Matcher;
    /// use cronaca::token::Document;
    ///
    /// let m = Matcher::embedded();
    /// let doc = Document::new("Il colosso di Seattle e Nvidia.");
    /// let (names, epithets) = m.find_with_epithets(&doc);
    /// assert_eq!((names, epithets), (m.find(&doc), m.find_epithets(&doc)));
    /// ```
    pub fn find_with_epithets(&self, doc: &Document<'_>) -> (Vec<EntityMention>, Vec<EpithetMention>) {
        if self.names.shards.is_empty() && self.epithets.shards.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let hay = Haystack::new(doc);
        let names = mentions(doc, self.name_matches(doc, Hits::over(&self.names, HayRef::Lent(&hay))));
        let epithets = self.epithet_mentions(doc, Hits::over(&self.epithets, HayRef::Lent(&hay)));
        (names, epithets)
    }

    /// Like [`Matcher::find`], without allocating: an iterator of [`EntityMatch`].
    pub fn matches<'m, 'd>(&'m self, doc: &'d Document<'d>) -> impl Iterator<Item = EntityMatch<'m>> + 'd
    where
        'm: 'd,
    {
        self.name_matches(doc, Hits::new(&self.names, doc))
    }

    /// The accepted names among `hits`, less companies inside a person's name.
    fn name_matches<'m, 'h, 'd>(
        &'m self,
        doc: &'d Document<'d>,
        hits: Hits<'m, 'h, 'd>,
    ) -> impl Iterator<Item = EntityMatch<'m>> + use<'m, 'h, 'd> {
        let mut hits = hits
            .filter_map(|(span, i)| self.gazetteer.entities.get(i).map(|entity| EntityMatch { span, entity }))
            .peekable();
        let mut prev_end = None;
        let mut cursor = 0;
        std::iter::from_fn(move || {
            loop {
                let m = hits.next()?;
                if m.entity.kind != EntityKind::Company {
                    prev_end = Some(m.span.end);
                    return Some(m);
                }
                // Hits come in text order: walk to the hit's token instead of searching.
                let tokens = doc.tokens();
                while tokens.get(cursor).is_some_and(|t| t.span.start < m.span.start) {
                    cursor += 1;
                }
                let next_start = hits.peek().map(|n| n.span.start);
                if in_person_name(doc, cursor, m.span, prev_end, next_start) {
                    continue;
                }
                prev_end = Some(m.span.end);
                return Some(m);
            }
        })
    }

    /// Every epithet in `doc` (`colosso di Seattle`, `gigante dell’e-commerce`), in text order.
    ///
    /// Epithets are searched separately from names, so an epithet containing a name does not
    /// hide the name from [`Matcher::find`].
    ///
    /// # Examples
    ///
    /// ```
    /// use cronaca::gazetteer::{Gazetteer, Matcher};
    /// use cronaca::token::Document;
    ///
    /// let g = Gazetteer::from_str("g.tsv", "amazon\tcompany\tAmazon\t=Amazon\tepithet=gigante dell'e-commerce")?;
    /// let m = Matcher::new(g)?;
    /// let doc = Document::new("Il Gigante dell’e-commerce ha investito.");
    /// let e = m.find_epithets(&doc);
    /// assert_eq!((e[0].id.as_str(), e[0].text.as_str()), ("amazon", "Gigante dell’e-commerce"));
    /// # Ok::<(), cronaca::Error>(())
    /// ```
    pub fn find_epithets(&self, doc: &Document<'_>) -> Vec<EpithetMention> {
        self.epithet_mentions(doc, Hits::new(&self.epithets, doc))
    }

    fn epithet_mentions(&self, doc: &Document<'_>, hits: Hits<'_, '_, '_>) -> Vec<EpithetMention> {
        hits.filter_map(|(span, i)| {
            let e = self.gazetteer.entities.get(i)?;
            Some(EpithetMention {
                span,
                text: doc.text()[span].to_string(),
                id: e.id.clone(),
                name: e.name.clone(),
            })
        })
        .collect()
    }

    /// The names automaton's first shard (see [`Matcher::shard_count`]); `None` without names.
    pub fn automaton(&self) -> Option<&AhoCorasick> {
        self.names.shards.first().map(|(_, ac)| ac)
    }

    /// One automaton over every name pattern, built like the shards (leftmost-longest, over
    /// ASCII-lower-cased names): the raw aho-corasick baseline of the benchmarks, whatever the
    /// number of shards. It is built on each call.
    ///
    /// # Errors
    ///
    /// [`crate::Error`] when aho-corasick cannot build the automaton (too many patterns).
    pub fn unsharded_automaton(&self) -> Result<AhoCorasick> {
        let mut patterns: Vec<(&u32, &[u8])> = self.names.by_key.iter().map(|(k, id)| (id, &**k)).collect();
        patterns.sort_unstable();
        let patterns: Vec<&[u8]> = patterns.into_iter().map(|(_, p)| p).collect();
        match build_shards(&patterns, Some(1))?.pop() {
            Some((_, ac)) => Ok(ac),
            None => Ok(AhoCorasick::new(std::iter::empty::<&[u8]>())?),
        }
    }

    /// Every shard of the names automaton (see [`Matcher::shard_count`]; for one automaton over
    /// every name, [`Matcher::unsharded_automaton`]). The automata hold the ASCII-lower-cased
    /// names: search an ASCII-lower-cased text.
    pub fn automata(&self) -> impl Iterator<Item = &AhoCorasick> + '_ {
        self.names.shards.iter().map(|(_, ac)| ac)
    }

    /// Heap bytes used by the two automata (names and epithets).
    pub fn memory_usage(&self) -> usize {
        [&self.names, &self.epithets].iter().flat_map(|t| &t.shards).map(|(_, ac)| ac.memory_usage()).sum()
    }

    /// Number of automata the names are split into, built in parallel: 1 on one core or below
    /// 2,000 patterns, 2 from there, one more per 100k patterns up to the number of cores; 0
    /// when there are no names.
    pub fn shard_count(&self) -> usize {
        self.names.shards.len()
    }

    /// Number of distinct patterns (names, aliases and their variants) in the names automaton.
    pub fn pattern_count(&self) -> usize {
        self.names.pattern_cands.len()
    }
}

/// True when the company hit at `span` (token `k` is the first token starting at or after it)
/// is part of a person's name: right after a first name
/// that is not the end of the previous kept hit `prev_end` (`Luca Ferrari`, `Michael Dell`, but
/// `Leonardo Rheinmetall` names two companies), or itself a first name right before a capitalised word that
/// starts no other hit and is no corporate word (`Leonardo Del Vecchio`, `Tim Sweeney`).
fn in_person_name(
    doc: &Document<'_>,
    k: usize,
    span: Span,
    prev_end: Option<usize>,
    next_hit_start: Option<usize>,
) -> bool {
    let tokens = doc.tokens();
    let Some(tok) = tokens.get(k).filter(|t| t.span.start == span.start) else { return false };
    let tight = |t: &Token| t.is(TokenFlags::SPACE_BEFORE) && !t.is(TokenFlags::PARAGRAPH_BEFORE);
    let name_like = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word && t.is(TokenFlags::CAPITALIZED) && !t.is(TokenFlags::ALL_CAPS)
        })
    };
    let first_name = |i: usize| name_like(i) && FIRST_NAMES.contains(doc.norm(i));
    if k > 0 && tight(tok) && first_name(k - 1) && prev_end != Some(tokens[k - 1].span.end) {
        return true;
    }
    // Cheap token checks first: most company hits are followed by a lower-case word.
    tok.span.end == span.end
        && tokens
            .get(k + 1)
            .is_some_and(|next| tight(next) && name_like(k + 1) && next_hit_start != Some(next.span.start))
        && first_name(k)
        && !CORPORATE_WORDS.contains(&doc.norm(k + 1))
}

/// Patterns per shard above which a gazetteer's automaton is split into more shards than two
/// (about 100k entries): the shards build in parallel, one per core.
const SHARD_PATTERNS: usize = 100_000;

/// Patterns from which the automaton is split in two when there are two cores: the embedded
/// gazetteer then builds in about half the time, and a start is still searched in one shard.
const TWO_SHARDS_FROM: usize = 2_000;

/// For each first byte, the range of shards with a pattern starting with it (`patterns` are in
/// byte order, so the range is contiguous; empty when no pattern starts with the byte).
fn route(patterns: &[&[u8]], shards: &[(u32, AhoCorasick)]) -> Box<[(u16, u16); 256]> {
    let mut route = Box::new([(0u16, 0u16); 256]);
    for (k, &(first, _)) in shards.iter().enumerate() {
        let end = shards.get(k + 1).map_or(patterns.len(), |&(next, _)| next as usize);
        let k = k as u16;
        for p in patterns.get(first as usize..end).unwrap_or_default() {
            if let Some(&b) = p.first() {
                let r = &mut route[usize::from(b)];
                *r = if r.0 == r.1 { (k, k + 1) } else { (r.0.min(k), r.1.max(k + 1)) };
            }
        }
    }
    route
}

/// The automaton over `patterns` (sorted), split into shards built on several threads when
/// there are more than [`TWO_SHARDS_FROM`] patterns and more than one core.
fn build_shards(patterns: &[&[u8]], shards: Option<usize>) -> Result<Vec<(u32, AhoCorasick)>> {
    let build = |part: &[&[u8]]| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // Anchored searches at token starts; unanchored `find_iter` stays available.
            .start_kind(StartKind::Both)
            .build(part)
    };
    if patterns.is_empty() {
        return Ok(Vec::new());
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let by_size = |n: usize| n.div_ceil(SHARD_PATTERNS).max(if n >= TWO_SHARDS_FROM { 2 } else { 1 });
    let shards = shards.unwrap_or_else(|| by_size(patterns.len()).clamp(1, cores)).clamp(1, 1 << 15);
    if shards == 1 {
        return Ok(vec![(0, build(patterns)?)]);
    }
    let size = patterns.len().div_ceil(shards);
    let parts: Vec<(usize, &[&[u8]])> =
        patterns.chunks(size).enumerate().map(|(k, c)| (k * size, c)).collect();
    let built: Vec<(usize, std::result::Result<AhoCorasick, aho_corasick::BuildError>)> =
        std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .iter()
                .skip(1)
                .map(|&(first, part)| {
                    (first, std::thread::Builder::new().spawn_scoped(scope, move || build(part)))
                })
                .collect();
            let mut out = vec![(0, build(parts[0].1))];
            for (first, handle) in handles {
                // A refused or failed thread: build that shard here instead.
                let part = &patterns[first..(first + size).min(patterns.len())];
                let ac = match handle {
                    Ok(h) => h.join().unwrap_or_else(|_| build(part)),
                    Err(_) => build(part),
                };
                out.push((first, ac));
            }
            out
        });
    built.into_iter().map(|(first, ac)| Ok((first as u32, ac?))).collect()
}

/// One-hash filters of the patterns' first bytes (8 KiB each for three and four bytes, so they
/// stay in cache): a search starts only where some pattern's first three bytes are, followed by
/// its fourth byte unless the pattern ends within three, and then by its fifth and sixth bytes
/// unless it ends before them. Prefixes shared by many words (`inte` of `intel` and of
/// `internazionale`) pass the four-byte filter; the last check keeps most of them out of the
/// automaton.
#[derive(Debug)]
struct StartFilter {
    /// The first three bytes of every pattern (all of them with any third byte for `hp`).
    three: KeyBits,
    /// The first four bytes of every pattern of four bytes or more.
    four: KeyBits,
    /// The first three bytes of every pattern of two or three bytes: any fourth byte may follow.
    whole: KeyBits,
    /// Every pattern of four or five bytes whole, and the first six bytes of every longer one,
    /// each with its length ([`tail_key`]).
    tail: TailBits,
    /// False when some pattern is shorter than two bytes: then every start is tried.
    on: bool,
}

impl StartFilter {
    fn of(patterns: &[&[u8]]) -> StartFilter {
        let mut f = StartFilter {
            three: KeyBits::default(),
            four: KeyBits::default(),
            whole: KeyBits::default(),
            tail: TailBits::default(),
            on: true,
        };
        for p in patterns {
            match *p {
                [a, b, c, d, ..] => {
                    f.three.insert(key3(*a, *b, *c));
                    f.four.insert(key3(*a, *b, *c) | u64::from(*d) << 24);
                    let mut six = [0u8; 8];
                    let n = p.len().min(6);
                    six[..n].copy_from_slice(&p[..n]);
                    f.tail.insert(tail_key(u64::from_le_bytes(six), n));
                }
                [a, b, c] => {
                    f.three.insert(key3(*a, *b, *c));
                    f.whole.insert(key3(*a, *b, *c));
                }
                // `hp`: whatever bytes follow in the text.
                [a, b] => (0..=255).for_each(|c| {
                    f.three.insert(key3(*a, *b, c));
                    f.whole.insert(key3(*a, *b, c));
                }),
                _ => f.on = false,
            }
        }
        f
    }

    /// False when no pattern can start at `hay[s..]` (the text's end counts as byte 0).
    #[inline]
    fn may_start(&self, hay: &[u8], s: usize) -> bool {
        if !self.on {
            return true;
        }
        // Four bytes in one load; near the text's end the missing ones read as 0.
        let at = |k: usize| hay.get(s + k).copied().unwrap_or(0);
        let k4 = match hay.get(s..s + 4) {
            Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
            _ => u32::from_le_bytes([at(0), at(1), at(2), at(3)]),
        };
        let k4 = u64::from(k4);
        let k3 = k4 & 0x00FF_FFFF;
        if !self.three.contains(k3) {
            return false;
        }
        if self.whole.contains(k3) {
            return true;
        }
        if !self.four.contains(k4) {
            return false;
        }
        let k6 = k4 | u64::from(at(4)) << 32 | u64::from(at(5)) << 40;
        self.tail.contains(tail_key(k6, 4))
            || self.tail.contains(tail_key(k6, 5))
            || self.tail.contains(tail_key(k6, 6))
    }
}

/// The first `n` (4 to 6) bytes of `bytes` (little-endian) with `n` itself.
#[inline]
fn tail_key(bytes: u64, n: usize) -> u64 {
    (bytes & ((1u64 << (8 * n)) - 1)) | (n as u64) << 56
}

#[inline]
fn key3(a: u8, b: u8, c: u8) -> u64 {
    u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16
}

/// The three- and four-byte start filters: 64 Ki bits, 8 KiB, so they stay in cache.
type KeyBits = KeyFilter<1024>;

/// The five- and six-byte start filter (256 Ki bits, 32 KiB): read only where the three- and
/// four-byte filters passed, so its size costs little cache.
type TailBits = KeyFilter<4096>;

impl Table {
    fn build(entries: &[(&str, CaseRule, u32)]) -> Result<Table> {
        Table::build_sharded(entries, None)
    }

    /// [`Table::build`] with a given number of shards (`None`: by size and cores).
    fn build_sharded(entries: &[(&str, CaseRule, u32)], shards: Option<usize>) -> Result<Table> {
        // Group candidates by ASCII-lower-cased pattern, so one automaton pattern serves every
        // entity and case rule sharing the form (`=Tim` the company and `Tim` in a user file).
        // The automaton holds the ASCII-lower-cased form and searches an ASCII-lower-cased copy
        // of the text: a case-sensitive automaton builds and runs much faster than
        // aho-corasick's `ascii_case_insensitive`, with the same matches.
        let mut by_key: FastMap<Box<[u8]>, u32> = FastMap::default();
        by_key.reserve(entries.len());
        // (pattern id in insertion order, candidate), grouped by sorting below.
        let mut found: Vec<(u32, Candidate)> = Vec::with_capacity(entries.len());
        let mut add = |text: &str, entity: u32, exact: bool| {
            let next = by_key.len() as u32;
            let key = text.as_bytes().to_ascii_lowercase().into_boxed_slice();
            let pid = *by_key.entry(key).or_insert(next);
            found.push((pid, Candidate { entity, exact: exact.then(|| text.into()) }));
        };
        for &(text, case, entity) in entries {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            // Most names are ASCII without an apostrophe: they have no variants.
            if text.is_ascii() && !text.contains('\'') {
                add(text, entity, case == CaseRule::Exact);
                continue;
            }
            match case {
                CaseRule::Exact => {
                    for v in apostrophe_variants(text) {
                        add(&v, entity, true);
                    }
                }
                _ => {
                    for v in case_variants(text) {
                        for w in apostrophe_variants(&v) {
                            add(&w, entity, false);
                        }
                    }
                }
            }
        }
        // Patterns in byte order build the automaton about twice as fast as in gazetteer order
        // (measured on 300k generated names): number them in that order.
        let mut keys: Vec<(&[u8], u32)> = by_key.iter().map(|(k, &pid)| (&**k, pid)).collect();
        keys.sort_unstable();
        let mut new_id = vec![0u32; keys.len()];
        for (new, &(_, old)) in keys.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        let patterns: Vec<&[u8]> = keys.iter().map(|&(k, _)| k).collect();
        let shards = build_shards(&patterns, shards)?;
        let route = route(&patterns, &shards);
        let starts = StartFilter::of(&patterns);
        drop(keys);
        // Per pattern: exact forms first (they are more specific); then later entities (user
        // data) first; the same entity and rule once.
        found.iter_mut().for_each(|(pid, _)| *pid = new_id[*pid as usize]);
        found.sort_by(|(p, a), (q, b)| {
            (p, a.exact.is_none(), std::cmp::Reverse(a.entity), &a.exact).cmp(&(
                q,
                b.exact.is_none(),
                std::cmp::Reverse(b.entity),
                &b.exact,
            ))
        });
        found.dedup_by(|(p, a), (q, b)| p == q && a.entity == b.entity && a.exact == b.exact);
        let mut pattern_cands = vec![(0u32, 0u32); patterns.len()];
        let mut cands = Vec::with_capacity(found.len());
        for (pid, c) in found {
            let slot = &mut pattern_cands[pid as usize];
            if slot.1 == 0 {
                slot.0 = cands.len() as u32;
            }
            cands.push(c);
            slot.1 = cands.len() as u32;
        }
        by_key.values_mut().for_each(|pid| *pid = new_id[*pid as usize]);
        Ok(Table { shards, route, pattern_cands, cands, by_key, starts })
    }

    /// The entity pattern `pid` names when it matched `hit`, if its case rule accepts.
    #[inline]
    fn accept(&self, pid: usize, hit: &str) -> Option<usize> {
        let &(a, b) = self.pattern_cands.get(pid)?;
        self.cands.get(a as usize..b as usize)?.iter().find_map(|c| match &c.exact {
            Some(exact) => (**exact == *hit).then_some(c.entity as usize),
            None => Some(c.entity as usize),
        })
    }
}

/// The non-ASCII case forms of `s` (ASCII case is handled by the automaton).
fn case_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if !s.is_ascii() {
        let lower = s.to_lowercase();
        let title = lower
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(f) => f.to_uppercase().chain(cs).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut first_upper = String::with_capacity(lower.len());
        let mut cs = lower.chars();
        if let Some(f) = cs.next() {
            first_upper.extend(f.to_uppercase());
            first_upper.extend(cs);
        }
        for v in [lower, s.to_uppercase(), title, first_upper] {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// `s`, plus its form with the other apostrophe when it has one.
fn apostrophe_variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    if s.contains('\'') {
        out.push(s.replace('\'', "\u{2019}"));
    }
    if s.contains('\u{2019}') {
        out.push(s.replace('\u{2019}', "'"));
    }
    out
}

/// What a document's searches read: the text as searched, lower-cased, its tokens and
/// boundaries. Built once per document and shared by the names and the epithets.
///
/// It is the document text itself, unless some gap between two tokens inside a paragraph is
/// not a single space (a line break of hard-wrapped text, a no-break space, two spaces): then it
/// is a copy where such gaps are one space, so `Intesa\u{a0}Sanpaolo` matches the alias
/// `Intesa Sanpaolo`, and spans are mapped back.
struct Haystack<'d> {
    text: Cow<'d, str>,
    /// `text` with ASCII letters lower-cased (same offsets): what the automaton searches.
    hay: Cow<'d, [u8]>,
    tokens: Cow<'d, [Token]>,
    /// Breakpoints (copy offset, original offset) when searching a shortened copy; empty when
    /// offsets are the original ones.
    map: Vec<(u32, u32)>,
    /// Token ends, as a bit set over byte offsets of the searched text.
    ends: Bits,
    /// The byte after every hyphen, in order: a hit may start there as well as at a token start
    /// (`e-commerce`, `Samsung-Harman`).
    after_hyphens: Vec<usize>,
}

/// A haystack owned by one search or lent by the caller that shares it.
enum HayRef<'h, 'd> {
    Own(Box<Haystack<'d>>),
    Lent(&'h Haystack<'d>),
}

impl<'d> std::ops::Deref for HayRef<'_, 'd> {
    type Target = Haystack<'d>;
    fn deref(&self) -> &Haystack<'d> {
        match self {
            HayRef::Own(h) => h,
            HayRef::Lent(h) => h,
        }
    }
}

/// The accepted hits of one table in a document: (span, entity index).
struct Hits<'t, 'h, 'd> {
    table: &'t Table,
    h: HayRef<'h, 'd>,
    pos: usize,
    /// The next token and the next position after a hyphen that may start a hit.
    next_token: usize,
    next_hyphen: usize,
    key: Vec<u8>,
    inner_ends: Vec<usize>,
}

/// Owned mentions of name matches.
fn mentions<'m>(doc: &Document<'_>, matches: impl Iterator<Item = EntityMatch<'m>>) -> Vec<EntityMention> {
    matches
        .map(|m| EntityMention {
            span: m.span,
            text: doc.text()[m.span].to_string(),
            kind: m.entity.kind,
            id: m.entity.id.clone(),
            name: m.entity.name.clone(),
        })
        .collect()
}

/// A bit set over byte offsets.
#[derive(Debug, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn of(len: usize, offsets: impl Iterator<Item = usize>) -> Bits {
        let mut words = vec![0u64; len / 64 + 1];
        for i in offsets {
            if let Some(w) = words.get_mut(i >> 6) {
                *w |= 1 << (i & 63);
            }
        }
        Bits(words)
    }

    #[inline]
    fn get(&self, i: usize) -> bool {
        self.0.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 == 1)
    }
}

/// True when the gap before token `t` (from byte `prev_end`) may sit inside a name as written in
/// an alias: none, one space, or a paragraph break (names never span paragraphs, so it is left
/// as is and stops matches).
#[inline]
fn regular_gap(text: &[u8], prev_end: usize, t: &Token) -> bool {
    match t.span.start.saturating_sub(prev_end) {
        0 => true,
        1 => text.get(prev_end) == Some(&b' '),
        _ => t.is(TokenFlags::PARAGRAPH_BEFORE),
    }
}

impl<'d> Haystack<'d> {
    /// Nothing to search (a table without patterns).
    fn empty() -> Self {
        Haystack {
            text: Cow::Borrowed(""),
            hay: Cow::Borrowed(&[]),
            tokens: Cow::Borrowed(&[]),
            map: Vec::new(),
            ends: Bits::default(),
            after_hyphens: Vec::new(),
        }
    }

    fn new(doc: &'d Document<'d>) -> Self {
        let (text, tokens) = (doc.text(), doc.tokens());
        // The document's own lower-cased text is the haystack when the text is searched as is.
        let lowered = Cow::Borrowed(doc.ascii_lowercase().as_bytes());
        // Gaps inside a paragraph that are not one space: one byte (`\n`, `\t`) is replaced
        // in place; anything longer (no-break space, two spaces, `\r\n`) needs a shorter copy.
        let mut one_byte = Vec::new();
        let mut longer = false;
        for w in tokens.windows(2) {
            if !regular_gap(text.as_bytes(), w[0].span.end, &w[1]) {
                if w[1].span.start.saturating_sub(w[0].span.end) == 1 {
                    one_byte.push(w[0].span.end);
                } else {
                    longer = true;
                    break;
                }
            }
        }
        if longer && u32::try_from(text.len()).is_ok() {
            return Haystack::shrunk(text, tokens);
        }
        if longer || one_byte.is_empty() {
            return Haystack::with(Cow::Borrowed(text), lowered, Cow::Borrowed(tokens), Vec::new());
        }
        let mut bytes = text.as_bytes().to_vec();
        for i in one_byte {
            if let Some(b) = bytes.get_mut(i) {
                *b = b' ';
            }
        }
        // ASCII whitespace became ASCII space: still UTF-8, same offsets, same tokens.
        match String::from_utf8(bytes) {
            Ok(hay) => {
                let lower = Cow::Owned(hay.as_bytes().to_ascii_lowercase());
                Haystack::with(Cow::Owned(hay), lower, Cow::Borrowed(tokens), Vec::new())
            }
            Err(_) => Haystack::with(Cow::Borrowed(text), lowered, Cow::Borrowed(tokens), Vec::new()),
        }
    }

    /// A copy where every irregular gap is one space; `map` holds breakpoints (offset in the
    /// copy, offset in the original) from which offsets grow together.
    fn shrunk(text: &'d str, tokens: &'d [Token]) -> Self {
        let mut hay = String::with_capacity(text.len());
        let mut map: Vec<(u32, u32)> = vec![(0, 0)];
        let mut new_tokens = Vec::with_capacity(tokens.len());
        let mut last = 0;
        for (i, t) in tokens.iter().enumerate() {
            let gap = text.get(last..t.span.start).unwrap_or_default();
            if i > 0 && !regular_gap(text.as_bytes(), last, t) {
                map.push((hay.len() as u32, last as u32));
                hay.push(' ');
                map.push((hay.len() as u32, t.span.start as u32));
            } else {
                hay.push_str(gap);
            }
            let start = hay.len();
            hay.push_str(text.get(t.span.start..t.span.end).unwrap_or_default());
            new_tokens.push(Token { span: Span::new(start, hay.len()), ..*t });
            last = t.span.end;
        }
        hay.push_str(text.get(last..).unwrap_or_default());
        let lower = Cow::Owned(hay.as_bytes().to_ascii_lowercase());
        Haystack::with(Cow::Owned(hay), lower, Cow::Owned(new_tokens), map)
    }

    /// `text`, whose ASCII-lower-cased bytes are `hay`, with its token boundaries.
    fn with(text: Cow<'d, str>, hay: Cow<'d, [u8]>, tokens: Cow<'d, [Token]>, map: Vec<(u32, u32)>) -> Self {
        let ends = Bits::of(text.len(), tokens.iter().map(|t| t.span.end));
        let after_hyphens = text.match_indices('-').map(|(h, _)| h + 1).collect();
        Haystack { text, hay, tokens, map, ends, after_hyphens }
    }
}

impl<'t, 'h, 'd> Hits<'t, 'h, 'd> {
    /// The hits of `table` in `doc`, with a haystack of their own.
    fn new(table: &'t Table, doc: &'d Document<'d>) -> Self {
        let h = if table.shards.is_empty() { Haystack::empty() } else { Haystack::new(doc) };
        Hits::over(table, HayRef::Own(Box::new(h)))
    }

    fn over(table: &'t Table, h: HayRef<'h, 'd>) -> Self {
        Hits { table, h, pos: 0, next_token: 0, next_hyphen: 0, key: Vec::new(), inner_ends: Vec::new() }
    }

    /// The span in the original text of `s..e` in the searched text.
    #[inline]
    fn original(&self, s: usize, e: usize) -> Span {
        if self.h.map.is_empty() {
            return Span::new(s, e);
        }
        let at = |i: usize| {
            // The last breakpoint at or before `i`; offsets grow together from there.
            let k = self.h.map.partition_point(|&(h, _)| h as usize <= i);
            let (h, o) =
                self.h.map.get(k.saturating_sub(1)).map_or((0, 0), |&(h, o)| (h as usize, o as usize));
            o + i.saturating_sub(h)
        };
        Span::new(at(s), at(e))
    }

    /// True when a hit may end at byte `e`: a token end, just before a hyphen, just before
    /// the final period of an abbreviation token (`di ST.` at the end of a sentence is
    /// tokenized as the abbreviation `ST.`), or before an English possessive.
    #[inline]
    fn valid_end(&self, e: usize) -> bool {
        if self.h.ends.get(e) {
            return true;
        }
        match self.h.text.as_bytes().get(e) {
            Some(b'-') => true,
            Some(b'.') => {
                let k = self.h.tokens.partition_point(|t| t.span.end <= e);
                self.h.tokens.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Abbreviation && t.span.end == e + 1 && t.span.start < e
                })
            }
            Some(b'\'' | 0xE2) => self.possessive_end(e),
            _ => false,
        }
    }

    /// True when `e` is followed by an English possessive that ends its token (`OpenAI’s`).
    fn possessive_end(&self, e: usize) -> bool {
        let rest = self.h.text.as_bytes().get(e..).unwrap_or_default();
        let n = if rest.starts_with(b"'s") {
            2
        } else if rest.starts_with("\u{2019}s".as_bytes()) {
            4
        } else {
            return false;
        };
        let k = self.h.tokens.partition_point(|t| t.span.end < e + n);
        self.h.tokens.get(k).is_some_and(|t| t.span.end == e + n && t.span.start < e)
    }

    /// The first position at or after `self.pos` where a hit may start: a token start or the
    /// byte after a hyphen. Both lists are in order, so each is walked once per document.
    #[inline]
    fn next_start(&mut self) -> Option<usize> {
        let (tokens, hyphens) = (&self.h.tokens, &self.h.after_hyphens);
        while tokens.get(self.next_token).is_some_and(|t| t.span.start < self.pos) {
            self.next_token += 1;
        }
        while hyphens.get(self.next_hyphen).is_some_and(|&h| h < self.pos) {
            self.next_hyphen += 1;
        }
        let token = tokens.get(self.next_token).map_or(usize::MAX, |t| t.span.start);
        let hyphen = hyphens.get(self.next_hyphen).copied().unwrap_or(usize::MAX);
        let s = token.min(hyphen);
        (s < self.h.hay.len()).then_some(s)
    }

    /// After a rejected hit `s..e`: the longest shorter pattern starting at `s` that ends at a
    /// boundary and is accepted.
    fn shorter(&mut self, s: usize, e: usize) -> Option<(usize, usize)> {
        // Possible ends inside the hit: token ends (or the period of an abbreviation token) and
        // positions before a hyphen. Usually there are none (`intel|ligenza`), so this is cheap.
        let mut ends = std::mem::take(&mut self.inner_ends);
        let mut key = std::mem::take(&mut self.key);
        let found = self.shorter_with(s, e, &mut ends, &mut key);
        self.inner_ends = ends;
        self.key = key;
        found
    }

    fn shorter_with(
        &self,
        s: usize,
        e: usize,
        ends: &mut Vec<usize>,
        key: &mut Vec<u8>,
    ) -> Option<(usize, usize)> {
        ends.clear();
        let k = self.h.tokens.partition_point(|t| t.span.end <= s);
        for t in self.h.tokens.get(k..).unwrap_or_default() {
            if t.span.start >= e {
                break;
            }
            if t.span.end < e {
                ends.push(t.span.end);
            }
            if t.kind == TokenKind::Abbreviation
                && t.span.end.saturating_sub(1) < e
                && t.span.end.saturating_sub(1) > s.max(t.span.start)
            {
                ends.push(t.span.end.saturating_sub(1));
            }
        }
        let bytes = self.h.text.as_bytes();
        for i in s + 1..e {
            if bytes.get(i) == Some(&b'-') {
                ends.push(i);
            }
        }
        ends.sort_unstable_by(|a, b| b.cmp(a));
        ends.dedup();
        for &end in ends.iter() {
            let Some(hit) = self.h.text.get(s..end) else { continue };
            key.clear();
            key.extend_from_slice(self.h.hay.get(s..end).unwrap_or_default());
            if let Some(&pid) = self.table.by_key.get(key.as_slice())
                && let Some(entity) = self.table.accept(pid as usize, hit)
            {
                return Some((end, entity));
            }
        }
        None
    }
}

impl Iterator for Hits<'_, '_, '_> {
    type Item = (Span, usize);

    fn next(&mut self) -> Option<(Span, usize)> {
        if self.table.shards.is_empty() {
            return None;
        }
        // One anchored search per possible start: token starts and just after a hyphen.
        // Skipping the other bytes is what makes this faster than an unanchored scan.
        while let Some(s) = self.next_start() {
            if self.table.starts.may_start(&self.h.hay, s) {
                let input = Input::new(&self.h.hay).range(s..).anchored(Anchored::Yes);
                // The longest pattern starting here, over the shards holding patterns that
                // start with this byte: (end, pattern id).
                let (a, z) = self.h.hay.get(s).map_or((0, 0), |&b| self.table.route[usize::from(b)]);
                let mut best: Option<(usize, usize)> = None;
                for (first, shard) in
                    self.table.shards.get(usize::from(a)..usize::from(z)).unwrap_or_default()
                {
                    if let Ok(Some(m)) = shard.try_find(input.clone())
                        && best.is_none_or(|(e, _)| m.end() > e)
                    {
                        best = Some((m.end(), *first as usize + m.pattern().as_usize()));
                    }
                }
                if let Some((e, pid)) = best {
                    if self.valid_end(e)
                        && let Some(entity) =
                            self.h.text.get(s..e).and_then(|hit| self.table.accept(pid, hit))
                    {
                        self.pos = e;
                        return Some((self.original(s, e), entity));
                    }
                    if let Some((end, entity)) = self.shorter(s, e) {
                        self.pos = end;
                        return Some((self.original(s, end), entity));
                    }
                }
            }
            self.pos = s + 1;
        }
        None
    }
}

#[cfg(test)]
mod start_filter_tests {
    use super::StartFilter;

    #[test]
    fn every_pattern_passes_at_its_own_start_even_at_the_text_end() {
        let patterns: Vec<&[u8]> =
            vec![b"hp", b"ibm", b"intel", b"intesa", b"intesa sanpaolo", b"amd", b"arm", b"nvidia", b"meta"];
        let f = StartFilter::of(&patterns);
        for p in &patterns {
            // Alone (the filter reads past the end as zeros), followed by a space, and after text.
            for hay in [p.to_vec(), [*p, b" e altro"].concat(), [b"la ".as_slice(), p].concat()] {
                let s = hay.windows(p.len()).position(|w| w == *p).unwrap();
                assert!(
                    f.may_start(&hay, s),
                    "{:?} in {:?}",
                    String::from_utf8_lossy(p),
                    String::from_utf8_lossy(&hay)
                );
            }
        }
        // A shared four-byte prefix that no pattern continues is kept out of the automaton.
        assert!(!f.may_start(b"internazionale", 0));
        assert!(!f.may_start(b"intervista", 0));
    }
}
