//! The event lexicons: triggers, cue phrases and role nouns, loaded from tab-separated data.
//!
//! The embedded defaults live in `data/events/*.tsv`; [`Lexicon::parse`] reads the same format
//! from users' files, with `file:line:column` errors.

use super::{EventType, Status};
use crate::error::Result;
use crate::hash::{WordMap, WordSet};
use crate::lexicon::{Record, records_named};
use crate::token::{Document, TokenKind};
use std::sync::LazyLock;

const TRIGGERS: &str = include_str!("../../data/events/triggers.tsv");
const CUES: &str = include_str!("../../data/events/cues.tsv");
const ROLE_NOUNS: &str = include_str!("../../data/events/role_nouns.tsv");

static EMBEDDED: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse_named(
        ("data/events/triggers.tsv", TRIGGERS),
        ("data/events/cues.tsv", CUES),
        ("data/events/role_nouns.tsv", ROLE_NOUNS),
    )
    .expect("embedded event lexicons are valid (checked by a unit test)")
});

/// How the roles of an event are read around its trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Active verb; the passive voice is detected from auxiliaries and `da X`.
    Verb,
    /// Verb without a passive (`entrare`): the subject is always the agent.
    Intransitive,
    /// `ricevere da`: target = subject, agent = `da X`.
    Receive,
    /// Seller's verb (`ceduto a X`): agent = the buyer `a X`, target = what is sold.
    Sell,
    /// Seller's noun (`la cessione di Altera a Silver Lake`).
    SellNoun,
    /// Noun whose `di X` is the agent (`l'investimento di Amazon`).
    NounAgent,
    /// Noun whose `di X` is the target (`l'acquisizione di Ampere`).
    NounTarget,
}

impl Frame {
    pub(crate) fn is_noun(self) -> bool {
        matches!(self, Frame::NounAgent | Frame::NounTarget | Frame::SellNoun)
    }
}

/// One trigger form (a word or a phrase) with what it means.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub(crate) words: Vec<String>,
    pub(crate) kind: EventType,
    pub(crate) frame: Frame,
    pub(crate) needs_money: bool,
    pub(crate) needs: Vec<String>,
    pub(crate) chip_next: bool,
    pub(crate) salient: bool,
    pub(crate) passive_only: bool,
    pub(crate) continues: bool,
    pub(crate) inherits: bool,
    /// The amount comes right before the trigger (`5.000 miliardi di capitalizzazione`).
    pub(crate) money_before: bool,
    pub(crate) status: Option<Status>,
}

/// The base of a preposition (`della` → `Di`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prep {
    Di,
    A,
    Da,
    In,
    Su,
    Con,
    Per,
    Tra,
    Other,
}

/// A table of phrases keyed by their first word; values of type `T`.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    by_first: WordMap<Vec<(Vec<String>, T)>>,
    /// The last word of every phrase: nothing ends at a token that is none of them.
    lasts: WordSet,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases { by_first: WordMap::default(), lasts: WordSet::default() }
    }
}

impl<T: Copy> Phrases<T> {
    fn insert(&mut self, words: Vec<String>, value: T) {
        if let Some(last) = words.last() {
            self.lasts.insert(last.clone());
        }
        if let Some(first) = words.first().cloned() {
            self.by_first.get_or_default(&first).push((words, value));
        }
    }

    /// The longest phrase starting at token `i` and ending before `end`: (token count, value).
    pub(crate) fn at(&self, doc: &Document, i: usize, end: usize) -> Option<(usize, T)> {
        let cands = self.by_first.get(doc.norm(i))?;
        let mut best: Option<(usize, T)> = None;
        for (words, v) in cands {
            let n = words.len();
            if i + n > end {
                continue;
            }
            if words.iter().enumerate().skip(1).all(|(k, w)| doc.norm(i + k) == w)
                && best.is_none_or(|(m, _)| n > m)
            {
                best = Some((n, *v));
            }
        }
        best
    }

    /// A phrase ending just before token `end` (exclusive) and starting at or after `start`.
    pub(crate) fn ending_at(&self, doc: &Document, start: usize, end: usize) -> Option<(usize, T)> {
        if end <= start || !self.lasts.contains(doc.norm(end - 1)) {
            return None;
        }
        // Phrases are short: try each start position of up to four words.
        (1..=4usize)
            .filter(|n| *n <= end.saturating_sub(start))
            .find_map(|n| self.at(doc, end - n, end).filter(|(m, _)| *m == n))
    }

    /// True when a phrase starts at token `i`.
    pub(crate) fn starts(&self, doc: &Document, i: usize, end: usize) -> bool {
        self.at(doc, i, end).is_some()
    }
}

/// All the words event assembly looks for, parsed once from data files.
///
/// # Examples
///
/// ```
/// use cronaca::event::Lexicon;
///
/// let lex = Lexicon::embedded();
/// assert!(lex.trigger_count() > 100);
/// let bad = Lexicon::parse("investment\tverbo\tinveste\n", "", "");
/// assert!(bad.unwrap_err().to_string().contains("triggers.tsv:1:"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(crate) triggers: Vec<Trigger>,
    pub(crate) trigger_index: WordMap<Vec<usize>>,
    pub(crate) status: Phrases<Status>,
    pub(crate) hedge: Phrases<()>,
    pub(crate) source: Phrases<()>,
    pub(crate) source_after: Phrases<()>,
    pub(crate) aggregate: Phrases<()>,
    pub(crate) anaphor: WordSet,
    pub(crate) aux_passive: WordSet,
    pub(crate) aux_active: WordSet,
    pub(crate) adverb: WordSet,
    pub(crate) prep: WordMap<Prep>,
    pub(crate) definite: WordSet,
    pub(crate) government: Phrases<()>,
    pub(crate) stake: Phrases<()>,
    pub(crate) customer: WordSet,
    pub(crate) supplier: WordSet,
    pub(crate) per_unit: Phrases<()>,
    pub(crate) purpose: Phrases<()>,
    /// Goods and services whose purchase is a supply contract, not an acquisition (`servizi`, `chip`).
    pub(crate) goods: WordSet,
    /// Phrase before a trigger that says the deal did not happen (`tentato di`, `rinunciato a`).
    pub(crate) failed: Phrases<()>,
    /// Debt instrument: money raised with it is not a funding round (`bond`, `obbligazioni`).
    pub(crate) debt: WordSet,
    /// Verb of signing or announcing: the deal noun after it is new, even if definite.
    pub(crate) sign: WordSet,
    /// Capitalized word that qualifies rather than names (`il colosso Usa`).
    pub(crate) not_name: WordSet,
    /// Verb of winning an order: its subject supplies (`si aggiudica una commessa`).
    pub(crate) won: WordSet,
    /// Role noun → words that a fitting company's name contains (`fondo` → `capital`, `partners`).
    pub(crate) role_nouns: WordMap<Vec<String>>,
}

impl Lexicon {
    /// The embedded default lexicons (`data/events/*.tsv`), parsed once.
    pub fn embedded() -> &'static Lexicon {
        &EMBEDDED
    }

    /// Parses the three event lexicons: triggers, cues and role nouns (formats in `data/events/`).
    ///
    /// # Errors
    ///
    /// [`crate::Error::Data`] naming the file (`triggers.tsv`, `cues.tsv`, `role_nouns.tsv`),
    /// line and column of a bad record.
    pub fn parse(triggers: &str, cues: &str, role_nouns: &str) -> Result<Lexicon> {
        Lexicon::parse_named(("triggers.tsv", triggers), ("cues.tsv", cues), ("role_nouns.tsv", role_nouns))
    }

    fn parse_named(triggers: (&str, &str), cues: (&str, &str), role_nouns: (&str, &str)) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        for rec in records_named(triggers.0, triggers.1) {
            lex.add_trigger(&rec)?;
        }
        for rec in records_named(cues.0, cues.1) {
            lex.add_cue(&rec)?;
        }
        for rec in records_named(role_nouns.0, role_nouns.1) {
            let noun = rec.require(0, "role noun")?;
            let hints = rec.get(1).unwrap_or("").split('|').map(str::trim).filter(|h| !h.is_empty());
            lex.role_nouns
                .insert(crate::token::normalize(noun), hints.map(crate::token::normalize).collect());
        }
        Ok(lex)
    }

    /// Number of trigger forms after expansion.
    pub fn trigger_count(&self) -> usize {
        self.triggers.len()
    }

    fn add_trigger(&mut self, rec: &Record<'_>) -> Result<()> {
        let kind = match rec.require(0, "event type")? {
            "investment" => EventType::Investment,
            "acquisition" => EventType::Acquisition,
            "funding_round" => EventType::FundingRound,
            "contract" => EventType::Contract,
            "chip_launch" => EventType::ChipLaunch,
            "valuation" => EventType::Valuation,
            "restructuring" => EventType::Restructuring,
            other => return Err(rec.error_at(0, format!("unknown event type {other:?}"))),
        };
        let frame = match rec.require(1, "frame")? {
            "verb" => Frame::Verb,
            "intransitive" => Frame::Intransitive,
            "receive" => Frame::Receive,
            "sell" => Frame::Sell,
            "sell_noun" => Frame::SellNoun,
            "noun_agent" => Frame::NounAgent,
            "noun_target" => Frame::NounTarget,
            other => {
                return Err(rec.error_at(
                    1,
                    format!(
                        "unknown frame {other:?} (verb, intransitive, receive, sell, sell_noun, noun_agent, noun_target)"
                    ),
                ));
            }
        };
        let forms = rec.require(2, "forms")?;
        let mut proto = Trigger {
            words: Vec::new(),
            kind,
            frame,
            needs_money: false,
            needs: Vec::new(),
            chip_next: false,
            salient: false,
            passive_only: false,
            continues: false,
            inherits: false,
            money_before: false,
            status: None,
        };
        for flag in rec.get(3).unwrap_or("").split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "needs_money" => proto.needs_money = true,
                "chip_next" => proto.chip_next = true,
                "salient" => proto.salient = true,
                "passive_only" => proto.passive_only = true,
                "continues" => proto.continues = true,
                "inherits" => proto.inherits = true,
                "money_before" => proto.money_before = true,
                f if f.starts_with("needs=") => {
                    proto.needs = f["needs=".len()..].split('|').map(crate::token::normalize).collect();
                }
                other => return Err(rec.error_at(3, format!("unknown flag {other:?}"))),
            }
        }
        proto.status = match rec.get(4).unwrap_or("") {
            "" => None,
            s => Some(parse_status(s).ok_or_else(|| rec.error_at(4, format!("unknown status {s:?}")))?),
        };
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            for words in expand(form).map_err(|m| rec.error_at(2, m))? {
                let mut t = proto.clone();
                t.words = words;
                let id = self.triggers.len();
                self.trigger_index.get_or_default(&t.words[0]).push(id);
                self.triggers.push(t);
            }
        }
        Ok(())
    }

    fn add_cue(&mut self, rec: &Record<'_>) -> Result<()> {
        let cat = rec.require(0, "category")?;
        let phrase = rec.require(1, "phrase")?;
        let words = crate::token::normalized_tokens(phrase);
        let single = || crate::token::normalize(phrase);
        match cat {
            "status" => {
                let v = rec.require(2, "status")?;
                let s = parse_status(v).ok_or_else(|| rec.error_at(2, format!("unknown status {v:?}")))?;
                self.status.insert(words, s);
            }
            "hedge" => self.hedge.insert(words, ()),
            "source" => self.source.insert(words, ()),
            "source_after" => self.source_after.insert(words, ()),
            "aggregate" => self.aggregate.insert(words, ()),
            "government" => self.government.insert(words, ()),
            "stake" => self.stake.insert(words, ()),
            "per_unit" => self.per_unit.insert(words, ()),
            "purpose" => self.purpose.insert(words, ()),
            "failed" => self.failed.insert(words, ()),
            "goods" => {
                self.goods.insert(single());
            }
            "debt" => {
                self.debt.insert(single());
            }
            "sign" => {
                self.sign.insert(single());
            }
            "not_name" => {
                self.not_name.insert(single());
            }
            "won" => {
                self.won.insert(single());
            }
            "anaphor" => {
                self.anaphor.insert(single());
            }
            "aux_passive" => {
                self.aux_passive.insert(single());
            }
            "aux_active" => {
                self.aux_active.insert(single());
            }
            "adverb" => {
                self.adverb.insert(single());
            }
            "definite" => {
                self.definite.insert(single());
            }
            "customer" => {
                self.customer.insert(single());
            }
            "supplier" => {
                self.supplier.insert(single());
            }
            "prep" => {
                let base = match rec.require(2, "base preposition")? {
                    "di" => Prep::Di,
                    "a" => Prep::A,
                    "da" => Prep::Da,
                    "in" => Prep::In,
                    "su" => Prep::Su,
                    "con" => Prep::Con,
                    "per" => Prep::Per,
                    "tra" => Prep::Tra,
                    _ => Prep::Other,
                };
                self.prep.insert(single(), base);
            }
            other => return Err(rec.error_at(0, format!("unknown cue category {other:?}"))),
        }
        Ok(())
    }

    /// The base preposition of token `i`, if it is one.
    pub(crate) fn prep_of(&self, doc: &Document, i: usize) -> Option<Prep> {
        self.prep.get(doc.norm(i)).copied()
    }

    /// True when token `i` is an auxiliary verb form.
    pub(crate) fn is_aux(&self, doc: &Document, i: usize) -> bool {
        let w = doc.norm(i);
        // `negli Stati Uniti`: a capital inside a sentence names something, it is no auxiliary.
        let named = || {
            doc.tokens().get(i).is_some_and(|t| t.flags.contains(crate::token::TokenFlags::CAPITALIZED))
                && doc.sentence_of(i).and_then(|s| doc.sentences().get(s)).is_some_and(|s| s.tokens.start < i)
        };
        (self.aux_active.contains(w) || self.aux_passive.contains(w)) && !named()
    }

    /// True when token `i` is a stake word (`quota`, `20%`).
    pub(crate) fn is_stake(&self, doc: &Document, i: usize, end: usize) -> bool {
        doc.tokens().get(i).is_some_and(|t| t.kind == TokenKind::Percent) || self.stake.starts(doc, i, end)
    }
}

fn parse_status(s: &str) -> Option<Status> {
    Some(match s {
        "talks" => Status::Talks,
        "rumored" => Status::Rumored,
        "planned" => Status::Planned,
        "announced" => Status::Announced,
        "completed" => Status::Completed,
        _ => return None,
    })
}

/// Expands one form with at most one `stem(a|b)` group per word into all its phrases.
fn expand(form: &str) -> std::result::Result<Vec<Vec<String>>, String> {
    let mut phrases: Vec<Vec<String>> = vec![Vec::new()];
    for word in form.split_whitespace() {
        let alts: Vec<String> = match (word.find('('), word.find(')')) {
            (None, None) => vec![word.to_string()],
            (Some(a), Some(b)) if a < b => {
                let (stem, rest) = (&word[..a], &word[b + 1..]);
                word[a + 1..b].split('|').map(|s| format!("{stem}{s}{rest}")).collect()
            }
            _ => return Err(format!("unbalanced group in {word:?}")),
        };
        let mut next = Vec::with_capacity(phrases.len() * alts.len());
        for p in &phrases {
            for a in &alts {
                let mut q = p.clone();
                q.extend(crate::token::normalized_tokens(a));
                next.push(q);
            }
        }
        phrases = next;
    }
    if phrases.iter().any(|p| p.is_empty()) {
        return Err("empty form".into());
    }
    Ok(phrases)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_parse() {
        let lex = Lexicon::embedded();
        assert!(lex.trigger_count() > 100, "help: data/events/triggers.tsv lost its forms");
        assert!(lex.role_nouns.contains_key("startup"));
        assert!(lex.role_nouns["fondo"].iter().any(|h| h == "capital"));
        assert_eq!(lex.prep.get("dell'"), Some(&Prep::Di));
        assert!(lex.trigger_index.contains_key("investito"));
        assert!(lex.trigger_index.contains_key("rilevarne"));
    }

    #[test]
    fn forms_expand_groups_and_elisions() {
        let e = expand("mett(e|ono) le mani su").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[1], ["mettono", "le", "mani", "su"]);
        assert_eq!(crate::token::normalized_tokens("trovato l'accordo"), ["trovato", "l'", "accordo"]);
        assert!(expand("inv(e|a").is_err());
    }

    #[test]
    fn bad_records_name_file_line_and_column() {
        let cases = [
            ("investment\tverb\tinvest(e|ono\n", "", "", "triggers.tsv:1:17"),
            ("merger\tverb\tfonde\n", "", "", "triggers.tsv:1:1"),
            ("investment\tverb\tinveste\tquickly\n", "", "", "triggers.tsv:1:25"),
            ("", "status\tin trattativa\tmaybe\n", "", "cues.tsv:1:22"),
            ("", "mood\tforse\n", "", "cues.tsv:1:1"),
        ];
        for (t, c, r, want) in cases {
            let err = Lexicon::parse(t, c, r).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err} should start with {want}");
        }
    }
}
