//! The gazetteer TSV loader: `id  kind  name  aliases  relations`, one entity per line.
//!
//! Lines are split by [`crate::lexicon::records_named`]; this module checks each field and
//! reports problems at the column of the offending item. References between entities are
//! checked later by [`Gazetteer`](super::Gazetteer), once every source is loaded.

use super::{Alias, CaseRule, Entity, EntityKind, Origin};
use crate::error::Result;
use crate::hash::FastMap;
use crate::lexicon::{Record, records_named};
use std::sync::Arc;

const ID: usize = 0;
const KIND: usize = 1;
const NAME: usize = 2;
const ALIASES: usize = 3;
const RELATIONS: usize = 4;

/// Parses every entity of one source, rejecting ids defined twice in it.
pub(super) fn parse(source_name: &str, text: &str) -> Result<Vec<Entity>> {
    let source: Arc<str> = Arc::from(source_name);
    let mut seen: FastMap<&str, usize> = FastMap::default();
    let mut out = Vec::new();
    for rec in records_named(source_name, text) {
        let entity = parse_record(&rec, &source)?;
        let id = rec.get(ID).unwrap_or_default();
        if let Some(first) = seen.insert(id, rec.line()) {
            return Err(rec.error_at(ID, format!("duplicate id `{id}` (first defined on line {first})")));
        }
        out.push(entity);
    }
    Ok(out)
}

fn parse_record(rec: &Record<'_>, source: &Arc<str>) -> Result<Entity> {
    if rec.len() > RELATIONS + 1 {
        return Err(
            rec.error_at(RELATIONS + 1, "too many fields (expected id, kind, name, aliases, relations)")
        );
    }
    let id = rec.require(ID, "id")?;
    if !is_valid_id(id) {
        return Err(
            rec.error_at(ID, format!("bad id `{}`: use lower-case ASCII letters, digits and `-`", shown(id)))
        );
    }
    let kind_text = rec.require(KIND, "kind")?;
    let kind = EntityKind::parse(kind_text).ok_or_else(|| {
        rec.error_at(KIND, format!("unknown kind `{}` (company, chip, person, product)", shown(kind_text)))
    })?;
    let name = rec.require(NAME, "name")?;
    if name.starts_with('=') {
        return Err(rec.error_at(NAME, "the name cannot be exact-case (`=`): add an `=` alias instead"));
    }

    let mut aliases = Vec::new();
    let alias_field = rec.get(ALIASES).unwrap_or_default();
    if !alias_field.is_empty() {
        for (col, item) in items(alias_field, rec.column(ALIASES), '|') {
            let (text, case) = match item.strip_prefix('=') {
                Some(rest) => (rest.trim(), CaseRule::Exact),
                None => (item, CaseRule::Insensitive),
            };
            if text.is_empty() {
                return Err(rec.error_at_column(col, "empty alias"));
            }
            aliases.push(Alias { text: text.to_string(), case });
        }
    }

    let mut entity = Entity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases,
        parent: None,
        maker: None,
        ceo: Vec::new(),
        founders: Vec::new(),
        epithets: Vec::new(),
        origin: Origin {
            source_name: Arc::clone(source),
            line: rec.line(),
            text: rec.text().to_string(),
            refs: Vec::new(),
            parent_column: 0,
            id_column: rec.column(ID),
        },
    };

    let rel_field = rec.get(RELATIONS).unwrap_or_default();
    if !rel_field.is_empty() {
        let mut seen_keys: Vec<&str> = Vec::new();
        for (col, pair) in items(rel_field, rec.column(RELATIONS), ';') {
            if pair.is_empty() {
                // Tolerate a trailing `;`, nothing else.
                continue;
            }
            let Some((key_raw, value)) = pair.split_once('=') else {
                return Err(rec.error_at_column(col, format!("relation `{pair}` is not key=value")));
            };
            let key = key_raw.trim();
            let key: &'static str = match key {
                "parent" => "parent",
                "maker" => "maker",
                "ceo" => "ceo",
                "founder" => "founder",
                "epithet" => "epithet",
                other => {
                    return Err(rec.error_at_column(
                        col,
                        format!("unknown relation `{}` (parent, maker, ceo, founder, epithet)", shown(other)),
                    ));
                }
            };
            if seen_keys.contains(&key) {
                return Err(
                    rec.error_at_column(col, format!("relation `{key}` given twice: list values with `|`"))
                );
            }
            seen_keys.push(key);
            let value_col = col + key_raw.chars().count() + 1;
            let values: Vec<(usize, &str)> = items(value, value_col, '|').collect();
            if let Some(&(c, _)) = values.iter().find(|(_, v)| v.is_empty()) {
                return Err(rec.error_at_column(c, format!("empty value in `{key}`")));
            }
            if matches!(key, "parent" | "maker") && values.len() > 1 {
                return Err(rec.error_at_column(values[1].0, format!("`{key}` takes one id")));
            }
            for &(c, v) in &values {
                if key == "epithet" {
                    entity.epithets.push(v.to_string());
                    continue;
                }
                if !is_valid_id(v) {
                    return Err(rec.error_at_column(c, format!("bad {key} id `{}`", shown(v))));
                }
                match key {
                    "parent" => {
                        entity.parent = Some(v.to_string());
                        entity.origin.parent_column = c;
                    }
                    "maker" => entity.maker = Some(v.to_string()),
                    "ceo" => entity.ceo.push(v.to_string()),
                    _ => entity.founders.push(v.to_string()),
                }
                entity.origin.refs.push((key, v.to_string(), c));
            }
        }
    }
    Ok(entity)
}

/// `s` for an error message, with control and invisible characters (NUL, BOM, zero-width
/// spaces, direction marks) escaped so that the message shows what is wrong.
fn shown(s: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{ad}' | '\u{feff}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}');
    s.chars()
        .map(|c| if c.is_control() || invisible(c) { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

/// `[a-z0-9-]+`.
fn is_valid_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits `field` (which starts at 1-based char column `col`) at `sep`, yielding each trimmed
/// item with the column where its trimmed text starts.
fn items(field: &str, col: usize, sep: char) -> impl Iterator<Item = (usize, &str)> {
    let mut next_col = col;
    field.split(sep).map(move |raw| {
        let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
        let here = next_col + lead;
        next_col += raw.chars().count() + 1;
        (here, raw.trim())
    })
}
