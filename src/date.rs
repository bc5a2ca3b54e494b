//! Dates: Italian temporal expressions resolved against the article date (TIMEX3-style values).
//!
//! (Filled in by the dates issue.)

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where the expression is (without its governing preposition).
    #[serde(flatten)]
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// TIMEX3-style value (`2025-10`, `2019`, `PAST_REF`).
    pub value: String,
}
