//! Gazetteers of companies, chips and people, matched with aho-corasick and resolved to
//! canonical entities.
//!
//! A [`Gazetteer`] is a set of [`Entity`] records keyed by a stable id. It is loaded from a
//! tab-separated file (one entity per line, see `data/gazetteer/` and the format below), from a
//! string, or taken from the embedded default ([`Gazetteer::embedded`]). User gazetteers are
//! merged over the default: a user entity replaces the default one with the same id.
//! Fields are separated by one TAB (shown as spaces here):
//!
//! ```text
//! # id  kind  name  aliases  relations
//! amazon  company  Amazon  =Amazon|Amazon.com  epithet=colosso di Seattle; ceo=andy-jassy
//! aws  company  Amazon Web Services  AWS|=Aws  parent=amazon
//! trainium  chip  Trainium  Trainium2|Trainium 2  maker=aws
//! andy-jassy  person  Andy Jassy  Jassy
//! ```
//!
//! - `id`: lower-case ASCII `[a-z0-9-]+`, unique; `kind`: `company`, `chip`, `person` or `product`;
//!   `name`: the canonical name, always matched too (only as written when an `=` alias has the
//!   same letters: name `Meta` with `=Meta`).
//! - `aliases`: `|`-separated surface forms, matched case-insensitively (ASCII case, plus
//!   lower/upper/title-case variants for accented letters, and `'`/`’` variants), or, with a
//!   leading `=`, only exactly as written (`=Meta`, `=Arm`, `=Amd`).
//! - `relations`: `;`-separated `key=value` with `|`-separated values: `parent`, `maker` (one id
//!   each), `ceo`, `founder` (person ids), `epithet` (phrases such as `colosso di Seattle`,
//!   found by [`Matcher::find_epithets`], never reported as entities).
//!
//! Every problem is reported as `file:line:column` with the line quoted; references to unknown
//! ids are checked once the whole gazetteer is loaded.
//!
//! A [`Matcher`] compiles all names and aliases into one leftmost-longest aho-corasick automaton
//! and keeps only hits aligned to token boundaries (`Intel` is not found in `intelligenza`).
//!
//! # Examples
//!
//! ```
//! use cronaca::gazetteer::{Gazetteer, Matcher, EntityKind};
//! use cronaca::token::Document;
//!
//! let data = "amazon\tcompany\tAmazon\t=Amazon\tepithet=colosso di Seattle\n\
//!             aws\tcompany\tAmazon Web Services\tAWS|=Aws\tparent=amazon\n";
//! let matcher = Matcher::new(Gazetteer::from_str("mini.tsv", data)?)?;
//! let doc = Document::new("Il colosso di Seattle: la divisione Aws dell'Amazon cresce, ma non l'amazonite.");
//! let found = matcher.find(&doc);
//! let ids: Vec<&str> = found.iter().map(|m| m.id.as_str()).collect();
//! assert_eq!(ids, ["aws", "amazon"]);
//! assert_eq!(found[0].name, "Amazon Web Services");
//! assert_eq!(found[0].kind, EntityKind::Company);
//! let epithets = matcher.find_epithets(&doc);
//! assert_eq!(epithets[0].text, "colosso di Seattle");
//! assert_eq!(matcher.gazetteer().parent_of("aws").map(|e| e.name.as_str()), Some("Amazon"));
//! # Ok::<(), cronaca::Error>(())
//! ```

mod matcher;
mod parse;
pub mod unknown;

pub(crate) use matcher::warm_first_names;
pub use matcher::{EntityMatch, Matcher};

use crate::error::{Error, Result};
use crate::hash::FastMap;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

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

impl EntityKind {
    /// The kind as written in gazetteer files and in JSON (`company`, `chip`, `person`, `product`).
    ///
    /// # Examples
    ///
    /// ```
    /// use cronaca::gazetteer::EntityKind;
    /// assert_eq!(EntityKind::parse("chip"), Some(EntityKind::Chip));
    /// assert_eq!(EntityKind::Chip.as_str(), "chip");
    /// assert_eq!(EntityKind::parse("Chip"), None);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Company => "company",
            EntityKind::Chip => "chip",
            EntityKind::Person => "person",
            EntityKind::Product => "product",
        }
    }

    /// Parses the lower-case name of a kind; `None` for anything else.
    pub fn parse(s: &str) -> Option<EntityKind> {
        Some(match s {
            "company" => EntityKind::Company,
            "chip" => EntityKind::Chip,
            "person" => EntityKind::Person,
            "product" => EntityKind::Product,
            _ => return None,
        })
    }
}

/// How an alias is compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CaseRule {
    /// Any letter case (`nvidia`, `NVIDIA`, `Nvidia`); the default.
    Insensitive,
    /// Only exactly as written (written `=Meta` in the file): for acronyms and names that are
    /// also common words (`Meta`, `Arm`, `Eni`, `Tim`).
    Exact,
}

/// One surface form of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Alias {
    /// The form as written in the file, without the `=` marker.
    pub text: String,
    /// How it is compared with the text.
    pub case: CaseRule,
}

/// One gazetteer entry: a company, chip, person or product.
///
/// # Examples
///
/// ```
/// use cronaca::gazetteer::{Gazetteer, EntityKind, CaseRule};
///
/// let g = Gazetteer::from_str("x.tsv", "arm\tcompany\tArm Holdings\t=Arm|=ARM\tceo=rene-haas\n\
///                                       rene-haas\tperson\tRene Haas\tHaas")?;
/// let arm = g.get("arm").unwrap();
/// assert_eq!(arm.kind, EntityKind::Company);
/// assert_eq!(arm.aliases[0].case, CaseRule::Exact);
/// assert_eq!(arm.ceo, ["rene-haas"]);
/// assert_eq!(arm.line(), 1);
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable lower-case id (`amazon`, `aws`, `sam-altman`).
    pub id: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Canonical display name (what extraction reports).
    pub name: String,
    /// Other surface forms (the name itself is matched too and is not repeated here).
    pub aliases: Vec<Alias>,
    /// The id of the company this one is a business unit of.
    pub parent: Option<String>,
    /// The id of the company that makes this chip or product.
    pub maker: Option<String>,
    /// Ids of the chief executives.
    pub ceo: Vec<String>,
    /// Ids of the founders.
    pub founders: Vec<String>,
    /// Epithets news uses for the entity, without leading article (`colosso di Seattle`).
    pub epithets: Vec<String>,
    origin: Origin,
}

impl Entity {
    /// The name of the file (or `<embedded …>` source) the entity was loaded from.
    pub fn source_name(&self) -> &str {
        &self.origin.source_name
    }

    /// The 1-based line of the entity in its source.
    pub fn line(&self) -> usize {
        self.origin.line
    }
}

/// Where an entity was defined, kept to report problems found after parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    source_name: Arc<str>,
    line: usize,
    text: String,
    /// References to other entities: (relation key, id, 1-based column of the id).
    refs: Vec<(&'static str, String, usize)>,
    /// Column of the `parent=` value, for cycle errors.
    parent_column: usize,
    /// Column of the id, for duplicate errors.
    id_column: usize,
}

impl Origin {
    fn error(&self, column: usize, message: impl Into<String>) -> Error {
        Error::data(&self.source_name, self.line, column, message, &self.text)
    }
}

/// A set of entities keyed by id.
///
/// Loaded from gazetteer files ([`from_path`](Gazetteer::from_path)), strings
/// ([`from_str`](Gazetteer::from_str)) or the embedded default ([`embedded`](Gazetteer::embedded)),
/// and combined with [`merge`](Gazetteer::merge) / [`extend_from_str`](Gazetteer::extend_from_str),
/// where later entries replace earlier ones with the same id.
///
/// # Examples
///
/// ```
/// use cronaca::gazetteer::Gazetteer;
///
/// let mut g = Gazetteer::from_str("base.tsv", "nvidia\tcompany\tNvidia\tNVDA")?;
/// g.extend_from_str("mine.tsv", "nvidia\tcompany\tNVIDIA Corporation\tNvidia\n\
///                                blackwell\tchip\tBlackwell\t\tmaker=nvidia")?;
/// assert_eq!(g.len(), 2);
/// assert_eq!(g.get("nvidia").unwrap().name, "NVIDIA Corporation");
/// assert_eq!(g.maker_of("blackwell").unwrap().id, "nvidia");
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: FastMap<String, usize>,
    /// Person id → indices of the companies that name them as CEO or founder, built on first
    /// use and dropped by every change.
    people: OnceLock<FastMap<String, Vec<usize>>>,
}

/// The embedded default data, one file per area.
const EMBEDDED: [(&str, &str); 3] = [
    ("<embedded data/gazetteer/companies.tsv>", include_str!("../../data/gazetteer/companies.tsv")),
    ("<embedded data/gazetteer/chips.tsv>", include_str!("../../data/gazetteer/chips.tsv")),
    ("<embedded data/gazetteer/people.tsv>", include_str!("../../data/gazetteer/people.tsv")),
];

/// Parses the embedded default data (trusted: a bad edit fails the `embedded_gazetteer_loads`
/// unit test). The embedded matcher owns the result; [`Gazetteer::embedded`] borrows it there.
pub(super) fn load_embedded() -> Gazetteer {
    match Gazetteer::load_sources(EMBEDDED) {
        Ok(g) => g,
        Err(e) => panic!("embedded gazetteer is invalid: {e}"),
    }
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Self {
        Gazetteer::default()
    }

    /// The embedded default gazetteer (companies, chips, people), parsed once.
    ///
    /// # Examples
    ///
    /// ```
    /// let g = cronaca::gazetteer::Gazetteer::embedded();
    /// assert!(g.iter().all(|e| !e.name.is_empty()));
    /// ```
    pub fn embedded() -> &'static Gazetteer {
        Matcher::embedded().gazetteer()
    }

    /// Parses a complete gazetteer from `text`; errors name `source_name`.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] with line and column for a malformed line, a duplicate id, or a relation
    /// naming an id that is not defined in `text`.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(source_name: &str, text: &str) -> Result<Gazetteer> {
        Gazetteer::load_sources([(source_name, text)])
    }

    /// Reads and parses a complete gazetteer file.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read; [`Error::Data`] at the first byte that is
    /// not UTF-8; otherwise as [`Gazetteer::from_str`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Gazetteer> {
        let path = path.as_ref();
        let text = crate::lexicon::read_file(path)?;
        Gazetteer::from_str(&path.display().to_string(), &text)
    }

    /// Parses several sources as one gazetteer (ids unique across all of them); references are
    /// checked once all are loaded.
    fn load_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Gazetteer> {
        let mut g = Gazetteer::new();
        let mut touched = Vec::new();
        for (name, text) in sources {
            for e in parse::parse(name, text)? {
                if let Some(first) = g.get(&e.id) {
                    let msg = format!(
                        "duplicate id `{}` (first defined at {}:{})",
                        e.id,
                        first.source_name(),
                        first.line()
                    );
                    return Err(e.origin.error(e.origin.id_column, msg));
                }
                touched.push(g.insert(e));
            }
        }
        g.check(&touched)?;
        Ok(g)
    }

    /// Parses `text` and merges it over `self`: its entities replace those with the same id,
    /// and its relations may name entities already in `self` (e.g. the embedded default).
    ///
    /// On error `self` is left unchanged.
    ///
    /// # Errors
    ///
    /// As [`Gazetteer::from_str`], with references checked against the merged set.
    pub fn extend_from_str(&mut self, source_name: &str, text: &str) -> Result<()> {
        let parsed = parse::parse(source_name, text)?;
        let mut merged = self.clone();
        let touched: Vec<usize> = parsed.into_iter().map(|e| merged.insert(e)).collect();
        merged.check(&touched)?;
        *self = merged;
        Ok(())
    }

    /// Reads `path` and merges it over `self` (see [`Gazetteer::extend_from_str`]).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read; [`Error::Data`] at the first byte that is
    /// not UTF-8; otherwise as [`Gazetteer::extend_from_str`].
    pub fn extend_from_path(&mut self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        let text = crate::lexicon::read_file(path)?;
        self.extend_from_str(&path.display().to_string(), &text)
    }

    /// Merges `other` over `self`: entities of `other` replace those of `self` with the same id
    /// (the user wins), new ones are added after.
    ///
    /// On error `self` is left unchanged.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] when the merge creates a `parent` cycle (pointing at the `parent=` of an
    /// entity of `other`).
    ///
    /// # Examples
    ///
    /// ```
    /// use cronaca::gazetteer::Gazetteer;
    ///
    /// let mut g = Gazetteer::from_str("a.tsv", "eni\tcompany\tEni\t=Eni\nenel\tcompany\tEnel\t")?;
    /// g.merge(Gazetteer::from_str("b.tsv", "eni\tcompany\tEni S.p.A.\t=Eni\nsnam\tcompany\tSnam\t=Snam")?)?;
    /// let names: Vec<&str> = g.iter().map(|e| e.name.as_str()).collect();
    /// assert_eq!(names, ["Eni S.p.A.", "Enel", "Snam"]);
    /// # Ok::<(), cronaca::Error>(())
    /// ```
    pub fn merge(&mut self, other: Gazetteer) -> Result<()> {
        let mut merged = self.clone();
        let touched: Vec<usize> = other.entities.into_iter().map(|e| merged.insert(e)).collect();
        merged.check(&touched)?;
        *self = merged;
        Ok(())
    }

    /// Inserts or replaces by id; returns the entity's index.
    fn insert(&mut self, entity: Entity) -> usize {
        self.people = OnceLock::new();
        match self.by_id.get(&entity.id) {
            Some(&i) => {
                self.entities[i] = entity;
                i
            }
            None => {
                let i = self.entities.len();
                self.by_id.insert(entity.id.clone(), i);
                self.entities.push(entity);
                i
            }
        }
    }

    /// Checks that the relations of the entities at `indices` name known ids and that no
    /// `parent` chain through them loops.
    fn check(&self, indices: &[usize]) -> Result<()> {
        for &i in indices {
            let e = &self.entities[i];
            for (key, id, column) in &e.origin.refs {
                if !self.by_id.contains_key(id) {
                    return Err(e.origin.error(*column, format!("unknown {key} id `{id}`")));
                }
            }
        }
        // Each entity has at most one parent: walk up from each touched entity, never twice
        // over the same one (a long chain costs linear time), marking the loops found.
        let parent = |i: usize| self.entities[i].parent.as_deref().and_then(|p| self.by_id.get(p).copied());
        const NEW: u8 = 0;
        const WALKING: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; self.entities.len()];
        let mut on_cycle = vec![false; self.entities.len()];
        let mut path = Vec::new();
        for &i in indices {
            path.clear();
            let mut cur = Some(i);
            while let Some(c) = cur.filter(|&c| state[c] == NEW) {
                state[c] = WALKING;
                path.push(c);
                cur = parent(c);
            }
            if let Some(c) = cur.filter(|&c| state[c] == WALKING)
                && let Some(pos) = path.iter().position(|&x| x == c)
            {
                path[pos..].iter().for_each(|&x| on_cycle[x] = true);
            }
            path.iter().for_each(|&x| state[x] = DONE);
        }
        if let Some(&i) = indices.iter().find(|&&i| on_cycle[i]) {
            let e = &self.entities[i];
            return Err(e
                .origin
                .error(e.origin.parent_column, format!("parent cycle: `{}` is its own ancestor", e.id)));
        }
        Ok(())
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// All entities, in load order (a replaced entity keeps its place).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Entity> + '_ {
        self.entities.iter()
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The company `id` is a business unit of (`aws` → Amazon).
    pub fn parent_of(&self, id: &str) -> Option<&Entity> {
        self.get(id)?.parent.as_deref().and_then(|p| self.get(p))
    }

    /// The top of `id`'s parent chain (the entity itself when it has no parent).
    pub fn root_of(&self, id: &str) -> Option<&Entity> {
        let mut cur = self.get(id)?;
        // Loaded gazetteers have no parent cycles; the bound only guards against surprises.
        for _ in 0..self.entities.len() {
            match cur.parent.as_deref().and_then(|p| self.get(p)) {
                Some(p) => cur = p,
                None => break,
            }
        }
        Some(cur)
    }

    /// The maker of chip or product `id` (`trainium` → Amazon Web Services).
    pub fn maker_of(&self, id: &str) -> Option<&Entity> {
        self.get(id)?.maker.as_deref().and_then(|m| self.get(m))
    }

    /// The chief executives of `id`.
    pub fn ceo_of(&self, id: &str) -> Vec<&Entity> {
        self.get(id).map(|e| e.ceo.iter().filter_map(|p| self.get(p)).collect()).unwrap_or_default()
    }

    /// The founders of `id`.
    pub fn founders_of(&self, id: &str) -> Vec<&Entity> {
        self.get(id).map(|e| e.founders.iter().filter_map(|p| self.get(p)).collect()).unwrap_or_default()
    }

    /// Entities whose `ceo` or `founder` relation names person `person_id`.
    pub fn companies_of_person(&self, person_id: &str) -> Vec<&Entity> {
        let people = self.people.get_or_init(|| {
            let mut people: FastMap<String, Vec<usize>> = FastMap::default();
            for (i, e) in self.entities.iter().enumerate() {
                for p in e.ceo.iter().chain(&e.founders) {
                    let list = people.entry(p.clone()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            people
        });
        people.get(person_id).map_or_else(Vec::new, |list| list.iter().map(|&i| &self.entities[i]).collect())
    }
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

/// One epithet naming an entity (`colosso di Seattle` → Amazon), for event coreference.
///
/// The span covers the epithet phrase only, not a preceding article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpithetMention {
    /// Where the epithet is.
    pub span: Span,
    /// The epithet as written.
    pub text: String,
    /// The id of the entity it names.
    pub id: String,
    /// The canonical name of the entity it names.
    pub name: String,
}

#[cfg(test)]
mod tests;
