//! The tokenizer's word lists, embedded from `data/tokenizer/` and parsed once.

use crate::hash::{WordMap, WordSet};
use crate::lexicon::records_named;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbbreviationClass {
    /// Precedes a name and never ends a sentence (`Sig.`, `Dott.`).
    Title,
    /// Ends a sentence when the next word is capitalised (`ecc.`, `Inc.`, `mld.`).
    Other,
}

pub(crate) struct TokenData {
    pub elisions: WordSet,
    pub truncations: WordSet,
    pub abbreviations: WordMap<AbbreviationClass>,
    /// Longest abbreviation in bytes, to skip lookups cheaply.
    pub max_abbreviation: usize,
}

const ELISIONS: &str = include_str!("../../data/tokenizer/elisions.tsv");
const TRUNCATIONS: &str = include_str!("../../data/tokenizer/truncations.tsv");
const ABBREVIATIONS: &str = include_str!("../../data/tokenizer/abbreviations.tsv");

pub(crate) static DATA: LazyLock<TokenData> = LazyLock::new(|| {
    parse(ELISIONS, TRUNCATIONS, ABBREVIATIONS).unwrap_or_else(|e| panic!("embedded tokenizer data: {e}"))
});

/// Parses the embedded data now (the extractor warms every lexicon while it builds the automaton).
pub(crate) fn warm() {
    LazyLock::force(&DATA);
}

fn parse(elisions: &str, truncations: &str, abbreviations: &str) -> crate::Result<TokenData> {
    let words = |name, input| -> crate::Result<WordSet> {
        records_named(name, input).map(|r| r.require(0, "word").map(str::to_lowercase)).collect()
    };
    let mut abbr = WordMap::default();
    for r in records_named("data/tokenizer/abbreviations.tsv", abbreviations) {
        let form = r.require(0, "abbreviation")?;
        if !form.ends_with('.') {
            return Err(r.error_at(0, "an abbreviation must end with a period"));
        }
        let class = match r.require(1, "class")? {
            "title" => AbbreviationClass::Title,
            "other" => AbbreviationClass::Other,
            other => return Err(r.error_at(1, format!("unknown class {other:?} (title, other)"))),
        };
        if abbr.insert(form.to_lowercase(), class).is_some() {
            return Err(r.error_at(0, format!("duplicate abbreviation {form:?}")));
        }
    }
    Ok(TokenData {
        elisions: words("data/tokenizer/elisions.tsv", elisions)?,
        truncations: words("data/tokenizer/truncations.tsv", truncations)?,
        max_abbreviation: abbr.keys().map(String::len).max().unwrap_or(0),
        abbreviations: abbr,
    })
}

/// The class of an abbreviation token's text (`Sig.` → title). Two dotted initials (`C.C. Wei`,
/// `U.S. Steel`) precede a name like a title; longer ones (`S.p.A.`, `U.S.A.`) may end a sentence.
pub(crate) fn abbreviation_class(s: &str) -> Option<AbbreviationClass> {
    let lower = s.to_lowercase();
    DATA.abbreviations.get(&lower).copied().or_else(|| {
        is_dotted_initials(s).then_some(if s.len() == 4 {
            AbbreviationClass::Title
        } else {
            AbbreviationClass::Other
        })
    })
}

/// `U.S.A.`, `S.p.A.`, `S.r.l.`: single letters each followed by a period, at least two.
pub(crate) fn is_dotted_initials(s: &str) -> bool {
    let mut letters = 0;
    let mut chars = s.chars();
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_alphabetic() => letters += 1,
            (None, _) => return letters >= 2,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        assert!(DATA.elisions.contains("dell"));
        assert!(DATA.truncations.contains("po"));
        assert_eq!(DATA.abbreviations.get("sig."), Some(&AbbreviationClass::Title));
    }

    #[test]
    fn bad_abbreviation_data_reports_line_and_column() {
        let e = parse("", "", "sig.\ttitle\nmld\tother\n").err().unwrap().to_string();
        assert!(e.starts_with("data/tokenizer/abbreviations.tsv:2:1: an abbreviation must end"), "{e}");
        let e = parse("", "", "sig.\tboh\n").err().unwrap().to_string();
        assert!(e.starts_with("data/tokenizer/abbreviations.tsv:1:6: unknown class"), "{e}");
    }

    #[test]
    fn dotted_initials() {
        assert!(is_dotted_initials("U.S.A."));
        assert!(is_dotted_initials("S.p.A."));
        assert!(!is_dotted_initials("A."));
        assert!(!is_dotted_initials("Inc."));
        assert!(!is_dotted_initials("U.S.A"));
    }
}
