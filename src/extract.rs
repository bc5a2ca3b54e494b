//! The extractor: runs every stage over an article and collects a serializable [`Extraction`].

use crate::article::Article;
use crate::date::DateMention;
use crate::error::Result;
use crate::event::Event;
use crate::gazetteer::EntityMention;
use crate::money::Money;
use crate::token::Document;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Everything found in one article, in the shape of the JSONL contract (`eval/CONTRACT.md`).
///
/// Each list is sorted by position in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// Companies and chips named in the text.
    pub entities: Vec<EntityMention>,
    /// Monetary amounts.
    pub money: Vec<Money>,
    /// Temporal expressions with resolved values.
    pub dates: Vec<DateMention>,
    /// Typed business events.
    pub events: Vec<Event>,
}

/// Extracts entities, money, dates and events from articles.
///
/// Built once (it compiles the gazetteer automaton), then shared: it is `Send + Sync` and
/// `Clone` is a reference-count increment. Extraction itself never fails.
///
/// # Examples
///
/// ```
/// use cronaca::{Article, Extractor};
///
/// let extractor = Extractor::builder().build()?;
/// let shared = extractor.clone();
/// let handle = std::thread::spawn(move || shared.extract(&Article::new("Nvidia presenta Rubin.")));
/// let extraction = handle.join().unwrap();
/// assert!(extraction.money.is_empty());
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {}

/// Configures and builds an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    no_default_gazetteer: bool,
    gazetteer_files: Vec<std::path::PathBuf>,
}

impl ExtractorBuilder {
    /// Adds a user gazetteer file, merged over the default (user entries win on id clash).
    pub fn gazetteer_file(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.gazetteer_files.push(path.into());
        self
    }

    /// Leaves out the embedded default gazetteer: only user gazetteers are matched.
    pub fn no_default_gazetteer(mut self) -> Self {
        self.no_default_gazetteer = true;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// Fails when user data cannot be read or parsed.
    pub fn build(self) -> Result<Extractor> {
        Ok(Extractor { inner: Arc::new(Inner {}) })
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded default data.
    pub fn new() -> Self {
        Extractor { inner: Arc::new(Inner {}) }
    }

    /// Starts configuring an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Runs every stage over `article`.
    pub fn extract(&self, article: &Article) -> Extraction {
        let _ = &self.inner;
        let doc = Document::new(&article.text);
        let mut dates = crate::date::find_dates(&doc, article.date);
        dates.sort_by_key(|d| d.span);
        Extraction { dates, ..Extraction::default() }
    }
}
