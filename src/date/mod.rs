//! Dates: Italian temporal expressions resolved against the article date (TIMEX3-style values).
//!
//! [`find_dates`] reads a tokenized [`Document`] and returns every temporal expression with its
//! span and a [`DateValue`]: absolute dates (`17 dicembre 2025`, `17/12/2025`, `nel 2019`),
//! day and month whose year is chosen against the article date and the tense (`27 ottobre`),
//! relative ones (`ieri`, `lo scorso ottobre`, `l'anno scorso`, `tre anni fa`, `il primo
//! trimestre`), decades (`anni '90`) and vague references (`poche settimane fa` → `PAST_REF`).
//! The span leaves out the governing preposition, which becomes the [`DateModifier`]
//! (`dal 2019` → `2019`, since); descriptive expressions keep their article (`lo scorso marzo`),
//! numeric ones drop it (`entro il 2029` → `2029`). Durations (`per cinque anni`), frequencies
//! (`al mese`), counts (`2019 dipendenti`) and chip names (`H200`) are not dates.
//!
//! Calendar arithmetic is `jiff`'s. Without an article date, relative expressions stay
//! unresolved (`XXXX-10`, see [`DateValue`]); the system clock is never read.
//! Month and weekday names, number words, units, prepositions and tense cues live in
//! `data/dates/*.tsv`.
//!
//! # Examples
//!
//! ```
//! use cronaca::date::{find_dates, DateModifier};
//! use cronaca::token::Document;
//!
//! let doc = Document::new("Lo scorso ottobre la società, attiva dal 2019, ha firmato con Amazon.");
//! let dates = find_dates(&doc, Some(jiff::civil::date(2025, 12, 17)));
//! assert_eq!(dates[0].text, "Lo scorso ottobre");
//! assert_eq!(dates[0].value.to_string(), "2025-10");
//! assert_eq!(dates[1].text, "2019");
//! assert_eq!(dates[1].modifier, Some(DateModifier::Since));
//! ```

mod find;
mod lexicon;
mod value;

pub use lexicon::DateLexicon;
pub use value::{DateModifier, DateValue, ParseDateValueError, PeriodPart, Unit};

use crate::span::Span;
use crate::token::Document;
use serde::{Deserialize, Serialize};

/// One temporal expression found in the text.
///
/// Serializes in the shape of `eval/CONTRACT.md`: `start`, `end`, `text`, `value`, plus
/// `modifier` and `part` when present.
///
/// # Examples
///
/// ```
/// use cronaca::date::find_dates;
/// use cronaca::token::Document;
///
/// let doc = Document::new("La fusione si chiuderà entro il 2029.");
/// let d = &find_dates(&doc, None)[0];
/// let json = serde_json::to_string(d).unwrap();
/// assert_eq!(json, r#"{"start":33,"end":37,"text":"2029","value":"2029","modifier":"by"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where the expression is (without its governing preposition).
    #[serde(flatten)]
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// TIMEX3-style value (`2025-10`, `2019`, `PAST_REF`).
    pub value: DateValue,
    /// What the governing preposition says (`dal 2019` → since), if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<DateModifier>,
    /// The part of the period meant (`fine 2025` → end), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PeriodPart>,
}

/// Finds the temporal expressions of `doc`, in text order, resolved against `anchor`, the
/// article's publication date.
///
/// Without an anchor, expressions that need one keep an unresolved value (`XXXX-10`,
/// `XXXX-XX-XX`); absolute ones (`17 dicembre 2025`, `2019`) are resolved all the same.
/// Never fails and never panics, whatever the text.
///
/// # Examples
///
/// ```
/// use cronaca::date::find_dates;
/// use cronaca::token::Document;
/// use jiff::civil::date;
///
/// let doc = Document::new("Ieri il titolo è salito; il 27 ottobre era sceso.");
/// let values: Vec<String> =
///     find_dates(&doc, Some(date(2025, 10, 28))).iter().map(|d| d.value.to_string()).collect();
/// assert_eq!(values, ["2025-10-27", "2025-10-27"]);
///
/// let undated: Vec<String> = find_dates(&doc, None).iter().map(|d| d.value.to_string()).collect();
/// assert_eq!(undated, ["XXXX-XX-XX", "XXXX-10-27"]);
/// ```
pub fn find_dates(doc: &Document<'_>, anchor: Option<jiff::civil::Date>) -> Vec<DateMention> {
    find::find(doc, anchor, DateLexicon::embedded())
}

/// Like [`find_dates`], with the word lists of `lexicon` instead of the embedded ones.
///
/// # Examples
///
/// ```
/// use cronaca::date::{find_dates_with, DateLexicon};
/// use cronaca::token::Document;
///
/// let doc = Document::new("Nel 2019.");
/// assert_eq!(find_dates_with(&doc, None, DateLexicon::embedded())[0].text, "2019");
/// ```
pub fn find_dates_with(
    doc: &Document<'_>,
    anchor: Option<jiff::civil::Date>,
    lexicon: &DateLexicon,
) -> Vec<DateMention> {
    find::find(doc, anchor, lexicon)
}

#[cfg(test)]
mod tests;
