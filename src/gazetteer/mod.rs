//! Gazetteers of companies and chips, matched with aho-corasick and resolved to canonical entities.
//!
//! (Filled in by the gazetteer issue: model, TSV loader, embedded default, matcher.)

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A company or company-like organisation (business unit, fund, bank, media company).
    Company,
    /// A named chip or chip family.
    Chip,
    /// A person (used for linking, e.g. a company's CEO).
    Person,
    /// A product that is not a chip.
    Product,
}

/// One mention of a gazetteer entity in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// The entity's stable id.
    pub id: String,
    /// The entity's canonical name.
    pub name: String,
}
