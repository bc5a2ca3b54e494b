//! Typed business events assembled from entities, amounts and dates.
//!
//! (Filled in by the events issue.)

use crate::money::Currency;
use crate::span::Span;
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
    /// The evidence: the sentence or clause stating the event.
    #[serde(flatten)]
    pub span: Span,
}

/// One human-readable line for an event: `investment · Amazon → OpenAI · 10000000000 USD · talks`.
///
/// # Examples
///
/// ```
/// use cronaca::event::{summary, Event, EventType, Status};
///
/// let e = Event {
///     kind: EventType::Investment,
///     agent: Some("Amazon".into()),
///     target: Some("OpenAI".into()),
///     amount: Some(10_000_000_000u64.into()),
///     currency: Some(cronaca::money::Currency::USD),
///     status: Some(Status::Talks),
///     span: cronaca::Span::new(0, 10),
/// };
/// assert_eq!(summary(&e), "investment · Amazon → OpenAI · 10000000000 USD · talks");
/// ```
pub fn summary(e: &Event) -> String {
    let name = |n: &Option<String>| n.clone().unwrap_or_else(|| "?".into());
    let kind = e.kind.as_str();
    let mut s = format!("{kind} · {} → {}", name(&e.agent), name(&e.target));
    if let Some(a) = e.amount {
        s.push_str(&format!(" · {a}"));
        if let Some(c) = e.currency {
            s.push_str(&format!(" {c}"));
        }
    }
    if let Some(st) = e.status {
        s.push_str(&format!(" · {}", st.as_str()));
    }
    s
}
