//! The input: an article's text and its publication date.

use crate::error::{Error, Result};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One news article (or passage): its text, an optional id and an optional publication date.
///
/// The date anchors relative expressions (`ieri`, `lo scorso ottobre`); without it they stay
/// unresolved. All spans in an [`Extraction`](crate::Extraction) are byte offsets into `text`.
///
/// # Examples
///
/// ```
/// use cronaca::Article;
///
/// let a = Article::from_dated_text("date 2025-12-17 OpenAI tratta con Amazon.")?;
/// assert_eq!(a.date.unwrap().to_string(), "2025-12-17");
/// assert_eq!(a.text, "OpenAI tratta con Amazon.");
///
/// let b = Article::new("Nessuna data qui.");
/// assert!(b.date.is_none());
/// # Ok::<(), cronaca::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Caller's identifier, copied to batch output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Publication date, used to resolve relative dates.
    #[serde(default)]
    pub date: Option<Date>,
    /// The article text; every span points into it.
    pub text: String,
}

impl Article {
    /// An undated article with the given text.
    pub fn new(text: impl Into<String>) -> Self {
        Article { id: None, date: None, text: text.into() }
    }

    /// Sets the publication date.
    pub fn with_date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the identifier.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Reads text that may start with a date header: the word `date` followed by `YYYY-MM-DD`
    /// (the form of the seed article). The header and the whitespace after it are removed from
    /// the text. Text without the header becomes an undated article; the Italian word *date*
    /// followed by a non-numeric word (`date le circostanze`) is not a header.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] when the header's date is not a valid calendar date.
    pub fn from_dated_text(input: &str) -> Result<Self> {
        let trimmed = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if let Some(rest) = trimmed.strip_prefix("date")
            && rest.starts_with(char::is_whitespace)
        {
            let rest = rest.trim_start();
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let date = parse_date(&rest[..end])?;
                return Ok(Article::new(rest[end..].trim_start()).with_date(date));
            }
        }
        Ok(Article::new(input))
    }
}

/// Parses a strict `YYYY-MM-DD` calendar date.
///
/// # Errors
///
/// [`Error::InvalidDate`] naming the input when it is not of that form or not a real date.
///
/// # Examples
///
/// ```
/// assert_eq!(cronaca::parse_date("2025-12-17")?.to_string(), "2025-12-17");
/// assert!(cronaca::parse_date("17/12/2025").is_err());
/// assert!(cronaca::parse_date("2025-02-30").is_err());
/// # Ok::<(), cronaca::Error>(())
/// ```
pub fn parse_date(s: &str) -> Result<Date> {
    let bytes = s.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(Error::InvalidDate { input: s.to_string(), message: "expected YYYY-MM-DD".into() });
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    Date::new(num(0..4), num(5..7) as i8, num(8..10) as i8)
        .map_err(|e| Error::InvalidDate { input: s.to_string(), message: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_removed_and_parsed() {
        let a =
            Article::from_dated_text("\u{feff} date 2025-12-17 La società guidata da Sam Altman").unwrap();
        assert_eq!(a.date, Some(jiff::civil::date(2025, 12, 17)));
        assert_eq!(a.text, "La società guidata da Sam Altman");
        let a = Article::from_dated_text("date 2025-12-17\n\nTitolo\nCorpo").unwrap();
        assert_eq!(a.text, "Titolo\nCorpo");
    }

    #[test]
    fn malformed_header_date_is_an_error() {
        for bad in ["date 2025-13-01 x", "date 2025-1-1 x", "date 17/12/2025 x", "date 2025-02-29 x"] {
            let e = Article::from_dated_text(bad).unwrap_err();
            assert!(matches!(e, Error::InvalidDate { .. }), "{bad}: {e}");
        }
    }

    #[test]
    fn italian_word_date_is_not_a_header() {
        let a = Article::from_dated_text("date le circostanze, il titolo scende").unwrap();
        assert_eq!(a.date, None);
        assert_eq!(a.text, "date le circostanze, il titolo scende");
        let a = Article::from_dated_text("datele 2025-01-01").unwrap();
        assert_eq!(a.date, None);
    }
}
