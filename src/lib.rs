//! # cronaca
//!
//! Reads Italian news and returns what happened, as typed data: which companies and chips are
//! named, what money moved, when, and between whom.
//!
//! The data flow is one module per stage:
//! [`token`] (words, numbers, elisions, sentences) →
//! recognizers ([`gazetteer`], [`money`], [`date`]) →
//! [`event`] assembly → a serializable [`Extraction`].
//! Every token and every result carries its UTF-8 byte [`Span`] into the article text.
//!
//! # Examples
//!
//! ```
//! use cronaca::{Article, Extractor};
//!
//! let extractor = Extractor::new();
//! let article = Article::from_dated_text("date 2025-12-17 OpenAI ha avviato colloqui con Amazon.")?;
//! let extraction = extractor.extract(&article);
//! let json = serde_json::to_string(&extraction).unwrap();
//! assert!(json.contains("\"entities\""));
//! # Ok::<(), cronaca::Error>(())
//! ```
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod article;
pub mod date;
mod error;
pub mod event;
mod extract;
pub mod gazetteer;
mod hash;
pub mod lexicon;
pub mod money;
pub mod number;
mod span;
pub mod token;

pub use article::{Article, parse_date};
pub use error::{Error, Result};
pub use extract::{Extraction, Extractor, ExtractorBuilder};
pub use span::Span;

#[cfg(test)]
mod tests {
    #[test]
    fn extractor_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<crate::Extractor>();
    }
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
