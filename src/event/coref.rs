//! Coreference for event roles: named mentions, epithets and role nouns (`la startup`,
//! `il gruppo di Mark Zuckerberg`) resolved to ranked candidate entities, and news sources.

use super::assemble::{ARTICLES, Cands, Ctx, Item, Kind, Ref, is_determiner};
use crate::gazetteer::EntityKind;

/// Plural articles and articulated prepositions: a role noun after one of them is generic.
const PLURAL: &[&str] = &[
    "i", "gli", "le", "dei", "degli", "delle", "ai", "agli", "alle", "dai", "dagli", "dalle", "nei", "negli",
    "nelle", "sui", "sugli", "sulle",
];

impl<'a> Ctx<'_, 'a, '_> {
    // ---------------------------------------------------------------- mentions and coreference

    pub(super) fn build_items(&mut self, toks: &dyn Fn(crate::Span) -> (usize, usize)) {
        let doc = self.doc;
        let mut items: Vec<Item<'a>> = Vec::new();
        // Tokens under an item so far: a mention overlapping one is left out.
        let mut taken = vec![false; self.cover.len()];
        let take = |taken: &mut Vec<bool>, s: usize, e: usize| {
            taken.get_mut(s..e).into_iter().flatten().for_each(|t| *t = true);
        };
        for ep in self.input.epithets {
            let (s, e) = toks(ep.span);
            if s >= e {
                continue;
            }
            let entity = self.input.entities.iter().position(|m| m.id == ep.id);
            items.push(self.item(s, e, Kind::Company, Cands::One(Ref { id: ep.id, name: ep.name, entity })));
            take(&mut taken, s, e);
        }
        for (ix, m) in self.input.entities.iter().enumerate() {
            let kind = match m.kind {
                EntityKind::Company => Kind::Company,
                EntityKind::Chip => Kind::Chip,
                EntityKind::Person => Kind::Person,
                _ => continue,
            };
            let (s, e) = toks(m.span);
            if s >= e || taken.get(s..e).is_some_and(|ts| ts.iter().any(|&t| t)) {
                continue;
            }
            items.push(self.item(s, e, kind, Cands::One(Ref { id: &m.id, name: &m.name, entity: Some(ix) })));
            take(&mut taken, s, e);
        }
        items.sort_by_key(|it| it.start);
        self.set_items(items);
        self.mark_sources();

        // Role nouns, resolved in text order so that later ones see earlier resolutions.
        let n = doc.tokens().len();
        for i in 0..n {
            let Some(hints) = self.lex.role_nouns.get(doc.norm(i)).filter(|_| self.cover[i].is_none()) else {
                continue;
            };
            let start = if i >= 1 && self.lex.definite.contains(doc.norm(i - 1)) {
                i - 1
            } else if i >= 2
                && matches!(doc.norm(i - 1), "stesso" | "stessa" | "stessi" | "stesse")
                && self.lex.definite.contains(doc.norm(i - 2))
            {
                i - 2
            } else {
                continue;
            };
            if self.cover[start].is_some() {
                continue;
            }
            // `le startup italiane`, `gli istituti`: a plural role noun is generic, not one company.
            if PLURAL.contains(&doc.norm(start)) {
                continue;
            }
            let Some(sent) = doc.sentence_of(i) else { continue };
            let sent_end = doc.sentences()[sent].tokens.end;
            // `il fondo Silver Lake`, `la società di cybersicurezza Exein`: an apposition, not a
            // coreference (but `la società ha comprato Ampere` is one).
            let named = (i + 1..(i + 4).min(sent_end))
                .find(|&k| self.cover[k].is_some_and(|x| self.items[x].start == k));
            // `la startup milanese Quadra`: a name the gazetteer does not know is still a new
            // company, introduced by its class noun (but not `la società di San Francisco`).
            let unknown_name = (i + 1..(i + 4).min(sent_end))
                .take_while(|&k| {
                    let w = doc.norm(k);
                    self.cover[k].is_none()
                        && self.lex.prep_of(doc, k).is_none()
                        && !self.lex.is_aux(doc, k)
                        && !self.lex.trigger_index.contains_key(w)
                        && doc.tokens()[k].kind == crate::token::TokenKind::Word
                })
                .any(|k| {
                    doc.tokens()[k].flags.contains(crate::token::TokenFlags::CAPITALIZED)
                        && !self.lex.not_name.contains(doc.norm(k))
                });
            if unknown_name {
                continue;
            }
            if let Some(k) = named
                && (i + 1..k).all(|j| {
                    !self.lex.is_aux(doc, j)
                        && doc.norm(j) != ","
                        && !self.lex.trigger_index.contains_key(doc.norm(j))
                })
                && self.person_link(i, sent_end).is_none()
            {
                continue;
            }
            let (cands, end) = match self.person_link(i, sent_end) {
                Some((r, end)) => (Cands::One(r), end),
                None => {
                    let mut ranked = self.salient(start, sent, true);
                    // `il fondo` prefers a company whose name says fund (`Capital`, `Partners`).
                    let fits = |r: &Ref<'_>| {
                        r.name.split(|c: char| !c.is_alphanumeric()).any(|w| {
                            hints.iter().any(|h| {
                                if w.is_ascii() { w.eq_ignore_ascii_case(h) } else { w.to_lowercase() == *h }
                            })
                        })
                    };
                    ranked.sort_by_key(|r| !fits(r));
                    (Cands::Ranked(ranked), i + 1)
                }
            };
            if cands.is_empty() {
                continue;
            }
            let mut it = self.item(start, end, Kind::Company, cands);
            it.role_noun = true;
            self.clear_cover();
            let mut items = std::mem::take(&mut self.items);
            items.retain(|x| !(x.start >= start && x.end <= end));
            // After the items that start at or before it, as a stable sort would put it.
            let at = items.partition_point(|x| x.start <= start);
            items.insert(at, it);
            self.set_items(items);
        }
    }

    pub(super) fn item(&self, start: usize, end: usize, kind: Kind, cands: Cands<'a>) -> Item<'a> {
        let doc = self.doc;
        let sent = doc.sentence_of(start).unwrap_or(0);
        let sent_start = doc.sentences().get(sent).map_or(0, |s| s.tokens.start);
        let gov = match self.lex.prep_of(doc, start) {
            Some(p) if self.lex.definite.contains(doc.norm(start)) => Some(p),
            _ => {
                // Skip an article and a possessive: `delle sue Tpu` is governed by `di`.
                let mut k = start;
                // `della controllata Fideuram`, `del gruppo Iveco`: a classifier noun too.
                if k > sent_start + 1
                    && self.lex.role_nouns.contains_key(doc.norm(k - 1))
                    && self.lex.prep_of(doc, k - 2).is_some()
                {
                    k -= 1;
                }
                while k > sent_start && k + 3 > start && is_determiner(doc.norm(k - 1)) {
                    k -= 1;
                }
                if k > sent_start { self.lex.prep_of(doc, k - 1) } else { None }
            }
        };
        Item { start, end, sent, kind, cands, role_noun: false, source: false, gov }
    }

    /// Replaces the items (sorted by start) and maps their tokens to them.
    pub(super) fn set_items(&mut self, items: Vec<Item<'a>>) {
        self.clear_cover();
        for (ix, it) in items.iter().enumerate() {
            for k in it.start..it.end.min(self.cover.len()) {
                self.cover[k] = Some(ix);
            }
        }
        self.items = items;
    }

    /// Unmaps the tokens of the current items: only they are covered, so the whole map is clear
    /// without a pass over every token of the text.
    fn clear_cover(&mut self) {
        let n = self.cover.len();
        for it in &self.items {
            for k in it.start..it.end.min(n) {
                self.cover[k] = None;
            }
        }
    }

    /// `la società guidata da Sam Altman`, `il gruppo di Masayoshi Son` → the person's company.
    pub(super) fn person_link(&self, noun: usize, sent_end: usize) -> Option<(Ref<'a>, usize)> {
        const LINKS: [&str; 14] = [
            "di",
            "da",
            "guidata",
            "guidato",
            "guidati",
            "fondata",
            "fondato",
            "creata",
            "creato",
            "controllata",
            "controllato",
            "presieduta",
            "presieduto",
            "dal",
        ];
        let mut k = noun + 1;
        while k < sent_end && k <= noun + 4 {
            if let Some(x) = self.cover[k] {
                let it = &self.items[x];
                if it.kind != Kind::Person || k == noun + 1 {
                    return None;
                }
                let (id, name) = self.input.relations.company_of_person(it.cands[0].id)?;
                let entity = self.input.entities.iter().position(|m| m.id == id);
                return Some((Ref { id, name, entity }, it.end));
            }
            if !LINKS.contains(&self.doc.norm(k)) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Companies named before token `before`, most salient first: mention count, plus a bonus
    /// for being in this or the previous sentence; ties go to the most recent.
    pub(super) fn salient(
        &self,
        before: usize,
        sent: usize,
        exclude_same_sentence_nouns: bool,
    ) -> Vec<Ref<'a>> {
        // (id, mentions, last position, its sentence, first company of its sentence, referent):
        // an article names few companies, so a short list beats a hash map here.
        let mut seen: Vec<(&str, f32, usize, usize, bool, Ref<'a>)> = Vec::new();
        let mut excluded: Vec<&str> = Vec::new();
        let mut prev_sent = usize::MAX;
        let topic =
            self.items.iter().find(|it| it.is_company()).and_then(|it| it.cands.first()).map(|r| r.id);
        // Items are sorted by position: only those before `before` count.
        let upto = self.items.partition_point(|it| it.start < before);
        for it in self.items[..upto].iter().filter(|it| it.is_company()) {
            let Some(r) = it.cands.first().copied() else { continue };
            if exclude_same_sentence_nouns && it.role_noun && it.sent == sent {
                excluded.push(r.id);
            }
            let first = it.sent != prev_sent;
            prev_sent = it.sent;
            let e = match seen.iter().position(|e| e.0 == r.id) {
                Some(k) => &mut seen[k],
                None => {
                    seen.push((r.id, 0.0, 0, 0, false, r));
                    seen.last_mut().expect("just pushed")
                }
            };
            e.1 += 1.0;
            e.2 = it.start;
            e.3 = it.sent;
            e.4 = first;
            if e.5.entity.is_none() {
                e.5.entity = r.entity;
            }
        }
        let mut ranked: Vec<(f32, usize, Ref<'a>)> = seen
            .into_iter()
            .filter(|e| !excluded.contains(&e.0))
            .map(|(id, c, last, last_sent, first, r)| {
                let recent = sent.saturating_sub(last_sent) <= 1;
                // Recent mentions count more, and a sentence's first company (its usual subject) more still.
                // The article's first company is its topic.
                let bonus = if recent { 0.5 } else { 0.0 }
                    + if recent && first { 0.3 } else { 0.0 }
                    + if topic == Some(id) { 1.0 } else { 0.0 };
                (c + bonus, last, r)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        ranked.into_iter().map(|(_, _, r)| r).collect()
    }

    /// Marks companies that are the source of the news (`secondo Reuters`, `Reuters scrive`).
    pub(super) fn mark_sources(&mut self) {
        let doc = self.doc;
        for ix in 0..self.items.len() {
            let (s, e, sent) = (self.items[ix].start, self.items[ix].end, self.items[ix].sent);
            let Some(range) = doc.sentences().get(sent).map(|x| x.tokens.clone()) else { continue };
            let mut k = s;
            if k > range.start && ARTICLES.contains(&doc.norm(k - 1)) {
                k -= 1;
            }
            let before = self.lex.source.ending_at(doc, range.start, k).is_some();
            let after = self.lex.source_after.starts(doc, e, range.end);
            let coordinated = ix > 0 && self.items[ix - 1].source && self.items[ix - 1].sent == sent && {
                let gap: Vec<&str> = (self.items[ix - 1].end..s).map(|t| doc.norm(t)).collect();
                gap.len() <= 2
                    && gap.contains(&"e")
                    && gap.iter().all(|w| matches!(*w, "e" | "," | "il" | "la" | "l'" | "lo"))
            };
            if before || after || coordinated {
                self.items[ix].source = true;
            }
        }
    }
}
