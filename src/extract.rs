//! The extractor: runs every stage over an article and collects a serializable [`Extraction`].

use crate::article::Article;
use crate::date::DateMention;
use crate::error::Result;
use crate::event::Event;
use crate::gazetteer::{EntityMention, Gazetteer, Matcher};
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
struct Inner {
    matcher: Arc<Matcher>,
}

impl Inner {
    fn with_defaults() -> Self {
        Inner { matcher: embedded_matcher() }
    }
}

/// The embedded matcher. The first call builds it while a second thread parses every other
/// embedded lexicon (tokenizer, numbers, money, dates, events, unknown companies, first names),
/// so a new process's first [`Extractor`] is ready in the time of the automaton alone.
fn embedded_matcher() -> Arc<Matcher> {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        let lexicons = || {
            crate::token::warm();
            crate::money::MoneyLexicon::embedded(); // and the number words under it
            crate::date::DateLexicon::embedded();
            crate::event::Lexicon::embedded();
            crate::gazetteer::unknown::UnknownLexicon::embedded();
            crate::gazetteer::warm_first_names();
        };
        std::thread::scope(|s| {
            // Without a second thread (spawn refused), the lexicons load lazily on first use.
            let helper = std::thread::Builder::new().spawn_scoped(s, lexicons);
            let _ = Matcher::embedded_shared();
            if let Ok(h) = helper {
                let _ = h.join();
            }
        });
    });
    Matcher::embedded_shared()
}

/// Configures and builds an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    no_default_gazetteer: bool,
    gazetteers: Vec<GazetteerSource>,
}

/// A user gazetteer given to the builder, in call order.
#[derive(Debug, Clone)]
enum GazetteerSource {
    File(std::path::PathBuf),
    Loaded(Gazetteer),
}

impl ExtractorBuilder {
    /// Adds a user gazetteer file, merged over the default (user entries win on id clash).
    ///
    /// Its relations may name entities of the default gazetteer or of earlier user gazetteers.
    pub fn gazetteer_file(mut self, path: impl Into<std::path::PathBuf>) -> Self {
        self.gazetteers.push(GazetteerSource::File(path.into()));
        self
    }

    /// Adds a loaded gazetteer, merged over the default and earlier ones (user entries win on id clash).
    ///
    /// # Examples
    ///
    /// ```
    /// use cronaca::{Article, Extractor, gazetteer::Gazetteer};
    ///
    /// let mine = Gazetteer::from_str("mine.tsv", "rossi-spa\tcompany\tRossi S.p.A.\tRossi Spa")?;
    /// let ex = Extractor::builder().no_default_gazetteer().gazetteer(mine).build()?;
    /// let out = ex.extract(&Article::new("La Rossi Spa assume."));
    /// assert_eq!(out.entities[0].id, "rossi-spa");
    /// # Ok::<(), cronaca::Error>(())
    /// ```
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteers.push(GazetteerSource::Loaded(gazetteer));
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
        let matcher = if self.gazetteers.is_empty() && !self.no_default_gazetteer {
            embedded_matcher()
        } else {
            let mut g =
                if self.no_default_gazetteer { Gazetteer::new() } else { Gazetteer::embedded().clone() };
            for source in self.gazetteers {
                match source {
                    GazetteerSource::File(path) => g.extend_from_path(&path)?,
                    GazetteerSource::Loaded(other) => g.merge(other)?,
                }
            }
            Arc::new(Matcher::new(g)?)
        };
        Ok(Extractor { inner: Arc::new(Inner { matcher }) })
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
        Extractor { inner: Arc::new(Inner::with_defaults()) }
    }

    /// Starts configuring an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteer matcher (for relations and epithets: `matcher().gazetteer()`, `find_epithets`).
    pub fn matcher(&self) -> &Matcher {
        &self.inner.matcher
    }

    /// Runs every stage over `article`.
    pub fn extract(&self, article: &Article) -> Extraction {
        let doc = Document::new(&article.text);
        let matcher = &self.inner.matcher;
        let (mut entities, epithets) = matcher.find_with_epithets(&doc);
        crate::gazetteer::unknown::add_unknown_companies(&doc, &mut entities);
        let mut money = crate::money::find_money(&doc);
        money.sort_by_key(|m| (m.span.start, m.span.end));
        let mut dates = crate::date::find_dates(&doc, article.date);
        dates.sort_by_key(|d| d.span);
        let mut x = Extraction { entities, money, dates, ..Extraction::default() };
        let coreferents: Vec<_> = epithets.iter().map(crate::event::Coreferent::from).collect();
        let input = crate::event::Input {
            entities: &x.entities,
            epithets: &coreferents,
            money: &x.money,
            dates: &x.dates,
            relations: matcher.gazetteer(),
        };
        x.events = crate::event::find_events(&doc, &input);
        x
    }
}
