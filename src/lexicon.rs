//! The line-oriented data format shared by every data file of the crate.
//!
//! Gazetteers, scale words, currencies, month names and trigger lexicons are all tab-separated
//! text: one record per line, fields separated by a tab, `#` starting a comment line, blank lines
//! ignored. This module splits such text into [`Record`]s that remember their line and the column
//! of each field, so that every loader can report problems as `file:line:column`.
//!
//! # Examples
//!
//! ```
//! use cronaca::lexicon::records;
//!
//! let data = "# word\tvalue\nmiliardo\t1000000000\n\nmilione\t1000000\n";
//! let recs: Vec<_> = records(data).collect();
//! assert_eq!(recs.len(), 2);
//! assert_eq!(recs[1].line(), 4);
//! assert_eq!(recs[1].get(0), Some("milione"));
//! let err = recs[0].error_at(1, "not a scale").to_string();
//! assert!(err.starts_with("<input>:2:10: not a scale"));
//! ```

use crate::error::Error;

/// One non-blank, non-comment line of a tab-separated data file.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    source_name: &'a str,
    line: usize,
    text: &'a str,
    fields: Vec<(usize, &'a str)>,
}

/// Splits `input` into records, naming the source `<input>` in errors.
///
/// See [`records_named`] to give errors a file name.
pub fn records(input: &str) -> impl Iterator<Item = Record<'_>> {
    records_named("<input>", input)
}

/// Splits `input` into records; errors made from them carry `source_name`.
pub fn records_named<'a>(source_name: &'a str, input: &'a str) -> impl Iterator<Item = Record<'a>> {
    input.lines().enumerate().filter_map(move |(i, raw)| {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let text = if i == 0 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        // Report the column where the trimmed content of each field begins.
        let mut adjusted = Vec::with_capacity(4);
        let mut offset_col = 1;
        for field in text.split('\t') {
            let lead = field.chars().take_while(|c| c.is_whitespace()).count();
            adjusted.push((offset_col + lead, field.trim()));
            offset_col += field.chars().count() + 1;
        }
        Some(Record { source_name, line: i + 1, text, fields: adjusted })
    })
}

impl<'a> Record<'a> {
    /// The 1-based line number of the record.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The whole line as written (without the line terminator).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of fields (tab-separated cells), including empty ones.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// True when the record has no fields (never the case for a yielded record).
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The trimmed field `i`, if present; an empty cell gives `Some("")`.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        self.fields.get(i).map(|&(_, f)| f)
    }

    /// The trimmed field `i`, or an error naming what was expected there when it is missing or empty.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] pointing at field `i` when the field is absent or blank.
    pub fn require(&self, i: usize, what: &str) -> Result<&'a str, Error> {
        match self.get(i) {
            Some(f) if !f.is_empty() => Ok(f),
            _ => Err(self.error_at(i, format!("missing {what} (field {})", i + 1))),
        }
    }

    /// The 1-based column of field `i` (or one past the end of the line when it is absent).
    pub fn column(&self, i: usize) -> usize {
        self.fields.get(i).map(|&(c, _)| c).unwrap_or_else(|| self.text.chars().count() + 1)
    }

    /// An [`Error::Data`] pointing at field `i` of this record.
    pub fn error_at(&self, i: usize, message: impl Into<String>) -> Error {
        Error::data(self.source_name, self.line, self.column(i), message, self.text)
    }

    /// An [`Error::Data`] pointing at an explicit 1-based column of this record.
    pub fn error_at_column(&self, column: usize, message: impl Into<String>) -> Error {
        Error::data(self.source_name, self.line, column, message, self.text)
    }

    /// Iterates over all trimmed fields.
    pub fn fields(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.fields.iter().map(|&(_, f)| f)
    }
}

/// Reads a whole data file, turning I/O failures into [`Error::Io`] naming the path.
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read; [`Error::Data`] at the line and column of the
/// first byte that is not UTF-8.
pub fn read_file(path: &std::path::Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    String::from_utf8(bytes).map_err(|e| not_utf8(&path.display().to_string(), e.as_bytes(), e.utf8_error()))
}

/// The [`Error::Data`] for `bytes`, valid UTF-8 up to `err.valid_up_to()`, with the line quoted
/// lossily and the column counted as [`records_named`] counts it (a first-line BOM is not a column).
fn not_utf8(source_name: &str, bytes: &[u8], err: std::str::Utf8Error) -> Error {
    let at = err.valid_up_to();
    let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = bytes[..line_start].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| at + i);
    let before = String::from_utf8_lossy(&bytes[line_start..at]);
    let before = if line == 1 { before.strip_prefix('\u{feff}').unwrap_or(&before) } else { &before };
    let text = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let text = text.strip_suffix('\r').unwrap_or(&text);
    let text = if line == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
    let message = format!("invalid UTF-8 (byte 0x{:02X}): save the file as UTF-8", bytes[at]);
    Error::data(source_name, line, before.chars().count() + 1, message, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_skip_leading_blanks() {
        let recs: Vec<_> = records("perché\t  già\tx").collect();
        assert_eq!(recs[0].column(0), 1);
        assert_eq!(recs[0].column(1), 10);
        assert_eq!(recs[0].get(1), Some("già"));
        assert_eq!(recs[0].column(2), 14);
        assert_eq!(recs[0].column(3), 15);
    }

    #[test]
    fn comments_blank_lines_crlf_and_bom_are_skipped() {
        let recs: Vec<_> = records("\u{feff}# c\r\n\r\na\tb\r\n   # indented comment\n").collect();
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].line(), 3);
        assert_eq!(recs[0].get(1), Some("b"));
    }

    #[test]
    fn require_reports_missing_and_empty_fields() {
        let recs: Vec<_> = records_named("f.tsv", "a\t\n").collect();
        let e = recs[0].require(1, "value").unwrap_err().to_string();
        assert!(e.starts_with("f.tsv:1:3: missing value"), "{e}");
        let e = recs[0].require(2, "kind").unwrap_err().to_string();
        assert!(e.starts_with("f.tsv:1:3: missing kind"), "{e}");
    }
}
