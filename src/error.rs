//! The crate's one error type.
//!
//! Building an [`Extractor`](crate::Extractor) or loading data can fail; extracting from text
//! never does. Data errors name the source, line and column of the problem and quote the line.

use std::path::PathBuf;

/// Everything that can go wrong while loading data or building an extractor.
///
/// # Examples
///
/// ```
/// use cronaca::Article;
///
/// let err = Article::from_dated_text("date 2025-13-40 Testo").unwrap_err();
/// assert!(err.to_string().contains("2025-13-40"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A data file (gazetteer, lexicon) has a malformed line.
    #[error("{source_name}:{line}:{column}: {message}\n  | {text}")]
    #[non_exhaustive]
    Data {
        /// The file path, or a name such as `<embedded gazetteer>` for embedded data.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// 1-based column (in characters) where the problem starts.
        column: usize,
        /// What is wrong.
        message: String,
        /// The offending line as written.
        text: String,
    },
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    #[non_exhaustive]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A publication date is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid date {input:?}: {message}")]
    #[non_exhaustive]
    InvalidDate {
        /// The text that was given as a date.
        input: String,
        /// Why it was rejected.
        message: String,
    },
    /// The matching automaton could not be built (e.g. it would exceed size limits).
    #[error("cannot build the gazetteer automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Builds a [`Error::Data`] for `line_text` (1-based `line`) at char column `column` (1-based).
    pub(crate) fn data(
        source_name: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
        line_text: &str,
    ) -> Self {
        Error::Data {
            source_name: source_name.to_string(),
            line,
            column,
            message: message.into(),
            text: line_text.to_string(),
        }
    }
}
