//! Typed business events assembled from entities, amounts and dates.
//!
//! [`find_events`] reads each sentence for a trigger (`investe`, `l'acquisizione di`,
//! `un contratto da 38 miliardi con`, `ha presentato`, `vale`, `ristrutturazione`; the lexicons are
//! in `data/events/`), fills the agent and target from Italian syntax cues (subject, `in X`,
//! `da X` in the passive voice, `tra X e Y`, `con X`), resolves role nouns (`la startup`,
//! `il gruppo di Mark Zuckerberg`) and epithets to canonical names, attaches the amount and the
//! date, and reads the report's status (`in trattativa`, `secondo indiscrezioni`, `ha firmato`)
//! and hedging (`potrebbe`, `sarebbe`). Events stated twice in an article are merged.
//!
//! How roles are read, in short (the details are in `roles.rs`, the words in `data/events/`):
//! - the subject is the nearest bare company before the trigger in its clause (or the antecedent
//!   of `che`, or the subject of a cleft `Ad acquistare X sarà Y`); a state (`il governo`) keeps
//!   the agent null;
//! - verbs: `investe in X`, `rileva il 20% di X`, `cede X a Y`, passive `acquisita da X`,
//!   `ha ricevuto da X`; nouns: `l'investimento di X in Y`, `l'acquisizione di Y da parte di X`,
//!   `l'accordo tra X e Y`, `un contratto con Y`; the customer of a contract is the agent
//!   (`la fornitura a X`, `una commessa da X`);
//! - role nouns with an article (`la startup`, `dallo stesso gruppo olandese`) resolve to the most
//!   salient earlier company that is neither a role already filled nor in the agent's own group;
//!   `il gruppo di Mark Zuckerberg` goes through the person's company; `secondo Reuters` makes
//!   Reuters a source, not a party;
//! - the amount is the first free one after the trigger in its clause (else the nearest before);
//!   `l'operazione vale 1,7 miliardi` gives its amount to the event just reported; totals
//!   (`in tutto`), unit prices (`l'una`) and measures (`di ricavi`) are never a deal's value;
//! - one event per type, agent and target (and amount) per article: repeats merge; a definite
//!   event noun with only a guessed target (`l'acquisizione dell'operatore`) restates the event
//!   already told, and `un'operazione che valuta la società 9 miliardi` gives the acquisition its price;
//! - what is not an event: buying goods or services (`acquisterà servizi cloud da X`, a contract),
//!   money spent in a place (`investimenti in Germania`), debt and listings (`con un bond`,
//!   `sbarcare in Borsa`), attempts (`aveva tentato di acquistare`), a purchase that is only a
//!   purpose (`per comprare chip`);
//! - no guessing over what the text says: a plural role noun (`le startup italiane`) or an
//!   unknown name (`la startup milanese Quadra`) is a subject we cannot resolve, so no other
//!   company replaces it; a state customer (`con il ministero`) leaves the agent null;
//! - status comes from cues in the trigger's own clause (`, e secondo indiscrezioni ...` is
//!   another clause); a stated value has no status without one.
//!
//! # Examples
//!
//! With the whole pipeline:
//!
//! ```
//! use cronaca::{Article, Extractor, event::summary};
//!
//! let text = "Il colosso di Seattle ha investito 4 miliardi di dollari in Anthropic.";
//! let x = Extractor::new().extract(&Article::new(text));
//! assert_eq!(summary(&x.events[0]), "investment · Amazon → Anthropic · 4 mld USD · completed");
//! ```
//!
//! On hand-made input:
//!
//! ```
//! use cronaca::event::{find_events, Input, EventType};
//! use cronaca::gazetteer::{EntityKind, EntityMention};
//! use cronaca::token::Document;
//! use cronaca::Span;
//!
//! let text = "Amazon investe in OpenAI.";
//! let company = |s: usize, e: usize, name: &str| EntityMention {
//!     span: Span::new(s, e),
//!     text: text[s..e].to_string(),
//!     kind: EntityKind::Company,
//!     id: name.to_lowercase(),
//!     name: name.to_string(),
//! };
//! let entities = [company(0, 6, "Amazon"), company(18, 24, "OpenAI")];
//! let doc = Document::new(text);
//! let events = find_events(&doc, &Input { entities: &entities, ..Input::default() });
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].kind, EventType::Investment);
//! assert_eq!(events[0].agent.as_deref(), Some("Amazon"));
//! assert_eq!(events[0].target.as_deref(), Some("OpenAI"));
//! ```

mod assemble;
mod coref;
mod cues;
mod roles;
mod window;

pub use cues::Lexicon;

use crate::date::DateMention;
use crate::gazetteer::EntityMention;
use crate::money::{Currency, Money, Qualifier};
use crate::span::Span;
use crate::token::Document;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventType {
    /// The agent puts money into the target.
    Investment,
    /// The agent buys the target or a stake in it.
    Acquisition,
    /// The target raises money; the agent leads the round.
    FundingRound,
    /// A deal, partnership or supply agreement.
    Contract,
    /// The agent launches a chip (the target).
    ChipLaunch,
    /// The target is valued at an amount.
    Valuation,
    /// The target reorganises.
    Restructuring,
}

impl EventType {
    /// The contract name (`funding_round`).
    pub const fn as_str(self) -> &'static str {
        match self {
            EventType::Investment => "investment",
            EventType::Acquisition => "acquisition",
            EventType::FundingRound => "funding_round",
            EventType::Contract => "contract",
            EventType::ChipLaunch => "chip_launch",
            EventType::Valuation => "valuation",
            EventType::Restructuring => "restructuring",
        }
    }
}

/// How sure the report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// In negotiation.
    Talks,
    /// Reported by sources, not confirmed.
    Rumored,
    /// Announced or signed.
    Announced,
    /// Done.
    Completed,
    /// Intended or scheduled.
    Planned,
}

impl Status {
    /// The contract name (`talks`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Talks => "talks",
            Status::Rumored => "rumored",
            Status::Announced => "announced",
            Status::Completed => "completed",
            Status::Planned => "planned",
        }
    }
}

/// One typed business event.
///
/// The first fields are those of the JSONL contract (`type`, `agent`, `target`, `amount`,
/// `currency`, `status`, `start`, `end`); the others explain where the event comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Who did it (canonical name).
    pub agent: Option<String>,
    /// To whom or what (canonical name).
    pub target: Option<String>,
    /// How much.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub amount: Option<Decimal>,
    /// In which currency.
    pub currency: Option<Currency>,
    /// How sure the report is.
    pub status: Option<Status>,
    /// The evidence: the sentence stating the event.
    #[serde(flatten)]
    pub span: Span,
    /// True when the report hedges (`potrebbe`, `sarebbe`, the conditional mood).
    #[serde(default)]
    pub hedged: bool,
    /// The trigger word or phrase (`investe`, `l'acquisizione`, `ha presentato`).
    #[serde(default)]
    pub trigger: Span,
    /// The amount's qualifier (`oltre` → over).
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// The TIMEX3 value of the event's date (`2025-10`), when the text gives one.
    #[serde(default)]
    pub when: Option<String>,
    /// Indices into the extraction's entity list of the mentions filling agent and target.
    #[serde(default)]
    pub entities: Vec<usize>,
    /// Index into the extraction's money list of the amount.
    #[serde(default)]
    pub money: Option<usize>,
    /// Index into the extraction's date list of the date.
    #[serde(default)]
    pub date: Option<usize>,
}

/// A coreferent expression found by another stage, such as an epithet
/// (`il colosso di Seattle` → Amazon), that event roles may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coreferent<'a> {
    /// Where the expression is.
    pub span: Span,
    /// The entity's stable id.
    pub id: &'a str,
    /// The entity's canonical name.
    pub name: &'a str,
}

/// Links between entities that coreference needs: who leads a company, who makes a chip.
///
/// Implemented by the gazetteer; [`NoRelations`] knows none.
pub trait Relations {
    /// The company (id, canonical name) that a person leads or founded.
    fn company_of_person(&self, person_id: &str) -> Option<(&str, &str)>;
    /// The company (id, canonical name) that makes a chip.
    fn maker_of(&self, chip_id: &str) -> Option<(&str, &str)>;
    /// The id of the group an entity belongs to (its topmost parent: AWS → `amazon`), if known.
    fn group_of(&self, _id: &str) -> Option<&str> {
        None
    }
}

impl Relations for crate::gazetteer::Gazetteer {
    fn company_of_person(&self, person_id: &str) -> Option<(&str, &str)> {
        let companies = self.companies_of_person(person_id);
        let led = companies.iter().find(|c| c.ceo.iter().any(|p| p == person_id));
        led.or(companies.first()).map(|c| (c.id.as_str(), c.name.as_str()))
    }
    fn maker_of(&self, chip_id: &str) -> Option<(&str, &str)> {
        crate::gazetteer::Gazetteer::maker_of(self, chip_id).map(|c| (c.id.as_str(), c.name.as_str()))
    }
    fn group_of(&self, id: &str) -> Option<&str> {
        self.root_of(id).map(|e| e.id.as_str())
    }
}

impl<'a> From<&'a crate::gazetteer::EpithetMention> for Coreferent<'a> {
    fn from(e: &'a crate::gazetteer::EpithetMention) -> Self {
        Coreferent { span: e.span, id: &e.id, name: &e.name }
    }
}

/// A [`Relations`] that knows no links.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRelations;

impl Relations for NoRelations {
    fn company_of_person(&self, _: &str) -> Option<(&str, &str)> {
        None
    }
    fn maker_of(&self, _: &str) -> Option<(&str, &str)> {
        None
    }
}

/// What the earlier stages found in one article, as event assembly reads it.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// Companies, chips and persons (sorted by position).
    pub entities: &'a [EntityMention],
    /// Epithets and other coreferent expressions.
    pub epithets: &'a [Coreferent<'a>],
    /// Monetary amounts (sorted by position).
    pub money: &'a [Money],
    /// Temporal expressions (sorted by position).
    pub dates: &'a [DateMention],
    /// Person → company and chip → maker links.
    pub relations: &'a dyn Relations,
}

impl Default for Input<'_> {
    fn default() -> Self {
        Input { entities: &[], epithets: &[], money: &[], dates: &[], relations: &NoRelations }
    }
}

impl std::fmt::Debug for Input<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input")
            .field("entities", &self.entities.len())
            .field("epithets", &self.epithets.len())
            .field("money", &self.money.len())
            .field("dates", &self.dates.len())
            .finish()
    }
}

/// Finds the business events of a document with the embedded lexicons.
///
/// Infallible: text that states no event gives an empty list. See the [module docs](self).
/// A text far longer than an article (over 5 000 tokens) is read in windows of whole
/// sentences, so that time stays linear in its length; roles never reach across windows.
pub fn find_events(doc: &Document, input: &Input<'_>) -> Vec<Event> {
    find_events_with(doc, input, Lexicon::embedded())
}

/// Finds the business events of a document with the given lexicons (windows as in
/// [`find_events`]).
pub fn find_events_with(doc: &Document, input: &Input<'_>, lexicon: &Lexicon) -> Vec<Event> {
    window::run(doc, input, lexicon)
}

/// One human-readable line for an event: `investment · Amazon → OpenAI · >10 mld USD · talks · 2025-12`.
///
/// Qualifiers print as `>` (over), `≥` (at least), `~` (about), `<` (under), `≤` (up to);
/// a hedged report ends with `· hedged`.
///
/// # Examples
///
/// ```
/// use cronaca::event::{summary, Event, EventType, Status};
/// use cronaca::money::{Currency, Qualifier};
///
/// let e = Event {
///     kind: EventType::Investment,
///     agent: Some("Amazon".into()),
///     target: Some("OpenAI".into()),
///     amount: Some(10_000_000_000u64.into()),
///     currency: Some(Currency::USD),
///     status: Some(Status::Talks),
///     span: cronaca::Span::new(0, 10),
///     hedged: false,
///     trigger: cronaca::Span::new(0, 10),
///     qualifier: Some(Qualifier::Over),
///     when: Some("2025-12".into()),
///     entities: vec![],
///     money: None,
///     date: None,
/// };
/// assert_eq!(summary(&e), "investment · Amazon → OpenAI · >10 mld USD · talks · 2025-12");
/// ```
pub fn summary(e: &Event) -> String {
    let name = |n: &Option<String>| n.clone().unwrap_or_else(|| "?".into());
    let mut s = format!("{} · {} → {}", e.kind.as_str(), name(&e.agent), name(&e.target));
    if let Some(a) = e.amount {
        let q = match e.qualifier {
            Some(Qualifier::Over) => ">",
            Some(Qualifier::AtLeast) => "≥",
            Some(Qualifier::About) => "~",
            Some(Qualifier::Under) => "<",
            Some(Qualifier::UpTo) => "≤",
            None => "",
        };
        s.push_str(&format!(" · {q}{}", short_amount(a)));
        if let Some(c) = e.currency {
            s.push_str(&format!(" {c}"));
        }
    }
    if let Some(st) = e.status {
        s.push_str(&format!(" · {}", st.as_str()));
    }
    if let Some(w) = &e.when {
        s.push_str(&format!(" · {w}"));
    }
    if e.hedged {
        s.push_str(" · hedged");
    }
    s
}

/// `10000000000` → `10 mld`, `1300000000` → `1,3 mld`, `950000000` → `950 mln`.
fn short_amount(a: Decimal) -> String {
    let (scaled, unit) = if a.abs() >= Decimal::from(1_000_000_000u64) {
        (a / Decimal::from(1_000_000_000u64), " mld")
    } else if a.abs() >= Decimal::from(1_000_000u64) {
        (a / Decimal::from(1_000_000u64), " mln")
    } else {
        (a, "")
    };
    let text = scaled.round_dp(2).normalize().to_string().replace('.', ",");
    format!("{text}{unit}")
}

#[cfg(test)]
mod tests;
