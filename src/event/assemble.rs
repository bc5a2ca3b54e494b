//! Event assembly: mentions (with coreference) → triggers → roles, amount, date, status → merge.

use super::cues::{Frame, Lexicon, Prep, Trigger};
use super::{Event, EventType, Input, Status};
use crate::gazetteer::EntityKind;
use crate::token::Document;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Company,
    Chip,
    Person,
}

/// One candidate referent: an entity id and name, and the mention index that names it.
#[derive(Debug, Clone, Copy)]
struct Ref<'a> {
    id: &'a str,
    name: &'a str,
    entity: Option<usize>,
}

/// A mention that can fill a role: a named entity, an epithet or a resolved role noun.
#[derive(Debug, Clone)]
struct Item<'a> {
    start: usize,
    end: usize,
    sent: usize,
    kind: Kind,
    /// Ranked referents; explicit mentions have one.
    cands: Vec<Ref<'a>>,
    role_noun: bool,
    source: bool,
    gov: Option<Prep>,
}

impl<'a> Item<'a> {
    fn best(&self, exclude: &[&str]) -> Option<Ref<'a>> {
        self.cands.iter().find(|r| !exclude.contains(&r.id)).copied()
    }
    fn best_by(&self, ok: impl Fn(&Ref<'a>) -> bool) -> Option<Ref<'a>> {
        self.cands.iter().find(|r| ok(r)).copied()
    }
    fn is_company(&self) -> bool {
        self.kind == Kind::Company && !self.source
    }
}

/// How the subject search ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Item(usize),
    /// A state (`il governo`) at this token: the agent stays null.
    Government(usize),
    Other,
    None,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Hit<'l> {
    start: usize,
    end: usize,
    trig: &'l Trigger,
}

/// An event before merging, with where it came from.
#[derive(Debug, Clone)]
struct Draft<'a> {
    kind: EventType,
    agent: Option<Ref<'a>>,
    target: Option<Ref<'a>>,
    money: Option<usize>,
    date: Option<usize>,
    status: Option<Status>,
    hedged: bool,
    sent: usize,
    /// A contract whose agent is known to be the customer (`fornitura a X`).
    oriented: bool,
    /// The trigger's byte span.
    trigger: crate::Span,
}

struct Ctx<'d, 'a, 'l> {
    doc: &'d Document<'d>,
    input: &'d Input<'a>,
    lex: &'l Lexicon,
    items: Vec<Item<'a>>,
    /// token → index of the item covering it
    cover: Vec<Option<usize>>,
    /// money index → (first token, end token)
    money_toks: Vec<(usize, usize)>,
    date_toks: Vec<(usize, usize)>,
    claimed: Vec<bool>,
    /// A valuation was reported in this or the previous sentence (`continues` triggers).
    recent_valuation: bool,
    /// Targets of the events found so far: (type, sentence, referent), for `inherits` triggers.
    recent_targets: Vec<(EventType, usize, Ref<'a>)>,
}

pub(crate) fn run(doc: &Document, input: &Input<'_>, lex: &Lexicon) -> Vec<super::Event> {
    if doc.tokens().is_empty() {
        return Vec::new();
    }
    let mut ctx = Ctx::new(doc, input, lex);
    let mut drafts: Vec<Draft<'_>> = Vec::new();
    let mut last_funding: Option<usize> = None;
    for (si, sent) in doc.sentences().iter().enumerate() {
        ctx.recent_valuation =
            drafts.iter().any(|d| d.kind == EventType::Valuation && d.target.is_some() && si - d.sent <= 1);
        let hits = ctx.triggers(sent.tokens.clone());
        let kept = ctx.select(&hits, sent.tokens.start);
        for (k, &hi) in kept.iter().enumerate() {
            let bound = kept.get(k + 1).map_or(sent.tokens.end, |&n| hits[n].start);
            let bound = ctx.clause_end(hits[hi].end, bound);
            drafts.extend(ctx.fill(si, sent.tokens.clone(), hits[hi], bound));
        }
        if hits.iter().any(|h| h.trig.kind == EventType::FundingRound) {
            last_funding = Some(si);
        }
        if last_funding.is_some_and(|f| si - f <= 3) {
            drafts.extend(ctx.funding_list(si, sent.tokens.clone()));
        }
        ctx.anaphora(si, sent.tokens.clone(), &mut drafts);
    }
    ctx.merge(drafts)
}

fn is_participle(w: &str) -> bool {
    const ENDS: [&str; 26] = [
        "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "sso", "ssa",
        "ssi", "sse", "eso", "esa", "tto", "tta", "tti", "olto", "olta", "itte", "unto", "unta",
    ];
    ENDS.iter().any(|e| w.ends_with(e))
}

fn is_nonfinite(w: &str) -> bool {
    const ENDS: [&str; 12] =
        ["are", "ere", "ire", "arne", "erne", "irne", "arla", "arlo", "ando", "endo", "arle", "arli"];
    ENDS.iter().any(|e| w.ends_with(e))
}

fn is_future(w: &str) -> bool {
    w.ends_with("rà") || w.ends_with("ranno") || w.ends_with("rò")
}

fn is_conditional(w: &str) -> bool {
    w.ends_with("rebbe") || w.ends_with("rebbero")
}

/// The date as the summary shows it: `2025-10`, `since 2019`, `by 2029`.
fn when_of(d: &crate::date::DateMention) -> String {
    use crate::date::DateModifier as M;
    let prefix = match d.modifier {
        Some(M::Since) => "since ",
        Some(M::Until) => "until ",
        Some(M::By) => "by ",
        Some(M::From) => "from ",
        Some(M::Before) => "before ",
        Some(M::After) => "after ",
        _ => "",
    };
    format!("{prefix}{}", d.value)
}

const ARTICLES: [&str; 7] = ["il", "lo", "la", "l'", "i", "gli", "le"];

fn is_determiner(w: &str) -> bool {
    ARTICLES.contains(&w)
        || matches!(w, "suo" | "sua" | "suoi" | "sue" | "loro" | "proprio" | "propria" | "propri" | "proprie")
}

impl<'d, 'a, 'l> Ctx<'d, 'a, 'l> {
    fn new(doc: &'d Document<'d>, input: &'d Input<'a>, lex: &'l Lexicon) -> Self {
        let n = doc.tokens().len();
        let toks = |s: crate::Span| {
            let a = doc.token_at_or_after(s.start);
            let b = doc.token_at_or_after(s.end).max(a + 1);
            (a.min(n), b.min(n))
        };
        let money_toks = input.money.iter().map(|m| toks(m.span)).collect();
        let date_toks = input.dates.iter().map(|d| toks(d.span)).collect();
        let mut ctx = Ctx {
            doc,
            input,
            lex,
            items: Vec::new(),
            cover: vec![None; n],
            money_toks,
            date_toks,
            claimed: vec![false; input.money.len()],
            recent_valuation: false,
            recent_targets: Vec::new(),
        };
        ctx.build_items(&toks);
        ctx
    }

    // ---------------------------------------------------------------- mentions and coreference

    fn build_items(&mut self, toks: &dyn Fn(crate::Span) -> (usize, usize)) {
        let doc = self.doc;
        let mut items: Vec<Item<'a>> = Vec::new();
        for ep in self.input.epithets {
            let (s, e) = toks(ep.span);
            if s >= e {
                continue;
            }
            let entity = self.input.entities.iter().position(|m| m.id == ep.id);
            items.push(self.item(s, e, Kind::Company, vec![Ref { id: ep.id, name: ep.name, entity }]));
        }
        for (ix, m) in self.input.entities.iter().enumerate() {
            let kind = match m.kind {
                EntityKind::Company => Kind::Company,
                EntityKind::Chip => Kind::Chip,
                EntityKind::Person => Kind::Person,
                _ => continue,
            };
            let (s, e) = toks(m.span);
            if s >= e || items.iter().any(|it| it.start < e && s < it.end) {
                continue;
            }
            items.push(self.item(s, e, kind, vec![Ref { id: &m.id, name: &m.name, entity: Some(ix) }]));
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
            let Some(sent) = doc.sentence_of(i) else { continue };
            let sent_end = doc.sentences()[sent].tokens.end;
            // `il fondo Silver Lake`, `la società di cybersicurezza Exein`: an apposition, not a
            // coreference (but `la società ha comprato Ampere` is one).
            let named = (i + 1..(i + 4).min(sent_end))
                .find(|&k| self.cover[k].is_some_and(|x| self.items[x].start == k));
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
                Some((r, end)) => (vec![r], end),
                None => {
                    let mut ranked = self.salient(start, sent, true);
                    // `il fondo` prefers a company whose name says fund (`Capital`, `Partners`).
                    let fits = |r: &Ref<'_>| {
                        let name = r.name.to_lowercase();
                        hints.iter().any(|h| name.split(|c: char| !c.is_alphanumeric()).any(|w| w == h))
                    };
                    ranked.sort_by_key(|r| !fits(r));
                    (ranked, i + 1)
                }
            };
            if cands.is_empty() {
                continue;
            }
            let mut it = self.item(start, end, Kind::Company, cands);
            it.role_noun = true;
            let mut items = std::mem::take(&mut self.items);
            items.retain(|x| !(x.start >= start && x.end <= end));
            items.push(it);
            items.sort_by_key(|it| it.start);
            self.set_items(items);
        }
    }

    fn item(&self, start: usize, end: usize, kind: Kind, cands: Vec<Ref<'a>>) -> Item<'a> {
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

    fn set_items(&mut self, items: Vec<Item<'a>>) {
        self.cover.iter_mut().for_each(|c| *c = None);
        for (ix, it) in items.iter().enumerate() {
            for k in it.start..it.end.min(self.cover.len()) {
                self.cover[k] = Some(ix);
            }
        }
        self.items = items;
    }

    /// `la società guidata da Sam Altman`, `il gruppo di Masayoshi Son` → the person's company.
    fn person_link(&self, noun: usize, sent_end: usize) -> Option<(Ref<'a>, usize)> {
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
    fn salient(&self, before: usize, sent: usize, exclude_same_sentence_nouns: bool) -> Vec<Ref<'a>> {
        // id → (mentions, last position, first company of its sentence, referent)
        let mut seen: HashMap<&str, (f32, usize, bool, Ref<'a>)> = HashMap::new();
        let mut excluded: Vec<&str> = Vec::new();
        let mut prev_sent = usize::MAX;
        let topic =
            self.items.iter().find(|it| it.is_company()).and_then(|it| it.cands.first()).map(|r| r.id);
        for it in self.items.iter().filter(|it| it.start < before && it.is_company()) {
            let Some(r) = it.cands.first().copied() else { continue };
            if exclude_same_sentence_nouns && it.role_noun && it.sent == sent {
                excluded.push(r.id);
            }
            let first = it.sent != prev_sent;
            prev_sent = it.sent;
            let e = seen.entry(r.id).or_insert((0.0, 0, false, r));
            e.0 += 1.0;
            e.1 = it.start;
            e.2 = first;
            if e.3.entity.is_none() {
                e.3.entity = r.entity;
            }
        }
        let mut ranked: Vec<(f32, usize, Ref<'a>)> = seen
            .into_values()
            .filter(|(_, _, _, r)| !excluded.contains(&r.id))
            .map(|(c, last, first, r)| {
                let last_sent = self.doc.sentence_of(last).unwrap_or(0);
                let recent = sent.saturating_sub(last_sent) <= 1;
                // Recent mentions count more, and a sentence's first company (its usual subject) more still.
                // The article's first company is its topic.
                let bonus = if recent { 0.5 } else { 0.0 }
                    + if recent && first { 0.3 } else { 0.0 }
                    + if topic == Some(r.id) { 1.0 } else { 0.0 };
                (c + bonus, last, r)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
        ranked.into_iter().map(|(_, _, r)| r).collect()
    }

    /// Marks companies that are the source of the news (`secondo Reuters`, `Reuters scrive`).
    fn mark_sources(&mut self) {
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

    // ---------------------------------------------------------------- triggers

    fn triggers(&self, range: std::ops::Range<usize>) -> Vec<Hit<'l>> {
        let doc = self.doc;
        let mut hits = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if self.cover[i].is_some() {
                i += 1;
                continue;
            }
            let mut best: Option<Hit<'l>> = None;
            for &id in self.lex.trigger_index.get(doc.norm(i)).map_or(&[][..], |v| v.as_slice()) {
                let t = &self.lex.triggers[id];
                let n = t.words.len();
                if i + n > range.end || !t.words.iter().enumerate().all(|(k, w)| doc.norm(i + k) == w) {
                    continue;
                }
                let hit = Hit { start: i, end: i + n, trig: t };
                let prior_valuation = hits.iter().any(|h: &Hit<'_>| h.trig.kind == EventType::Valuation);
                if best.is_some_and(|b| b.end >= hit.end)
                    || !self.flags_ok(hit, range.clone(), prior_valuation)
                {
                    continue;
                }
                best = Some(hit);
            }
            match best {
                Some(h) => {
                    hits.push(h);
                    i = h.end;
                }
                None => i += 1,
            }
        }
        hits
    }

    fn flags_ok(&self, h: Hit<'_>, range: std::ops::Range<usize>, prior_valuation: bool) -> bool {
        let t = h.trig;
        if t.continues && !(self.recent_valuation || prior_valuation) {
            return false;
        }
        if t.needs_money && !self.money_toks.iter().any(|&(s, _)| s >= h.end && s < range.end) {
            return false;
        }
        if !t.needs.is_empty()
            && !(h.end..(h.end + 16).min(range.end)).any(|k| t.needs.iter().any(|w| w == self.doc.norm(k)))
        {
            return false;
        }
        if t.chip_next
            && !(h.end..(h.end + 3).min(range.end))
                .any(|k| self.cover[k].is_some_and(|x| self.items[x].kind == Kind::Chip))
        {
            return false;
        }
        if t.passive_only && !self.passive(h, range.start) {
            return false;
        }
        true
    }

    /// Drops contract triggers when the sentence has a more specific one (`un accordo per rilevare`)
    /// and purpose-clause triggers that belong to an earlier one (`metterà 9 miliardi per rilevare`).
    fn select(&self, hits: &[Hit<'l>], sent_start: usize) -> Vec<usize> {
        let specific = hits.iter().any(|h| {
            matches!(h.trig.kind, EventType::Investment | EventType::Acquisition | EventType::FundingRound)
        });
        let mut kept: Vec<usize> = Vec::new();
        for (i, h) in hits.iter().enumerate() {
            // `un contratto con AWS, il primo accordo con il leader del cloud`: one deal, restated.
            let restated = kept.iter().any(|&k| hits[k].trig.kind == EventType::Contract);
            if h.trig.kind == EventType::Contract && (specific || restated) {
                continue;
            }
            let purpose =
                h.start > sent_start && self.lex.purpose.ending_at(self.doc, sent_start, h.start).is_some();
            let earlier = kept.iter().any(|&k| hits[k].trig.kind != EventType::Contract);
            if purpose && earlier {
                continue;
            }
            // `ha ricevuto un finanziamento`: the object noun says what the event is.
            if h.trig.frame == Frame::Receive
                && let Some(n) = hits.get(i + 1)
                && n.trig.frame.is_noun()
                && n.trig.kind != h.trig.kind
                && n.start <= h.end + 3
            {
                continue;
            }
            // `ha ricevuto da Microsoft un investimento`: the noun is the verb's object.
            if h.trig.frame.is_noun()
                && let Some(&p) = kept.last()
                && !hits[p].trig.frame.is_noun()
                && hits[p].trig.kind == h.trig.kind
                && !(hits[p].end..h.start)
                    .any(|k| self.lex.is_aux(self.doc, k) || matches!(self.doc.norm(k), ":" | ";"))
            {
                continue;
            }
            // `L'accordo tra Oracle e Meta vale 20 miliardi`: the deal's worth, not a valuation.
            if h.trig.kind == EventType::Valuation
                && !h.trig.frame.is_noun()
                && let Some(&p) = kept.last()
                && hits[p].trig.frame.is_noun()
                && hits[p].trig.kind != EventType::Valuation
                && !(hits[p].end..h.start).any(|k| {
                    self.lex.is_aux(self.doc, k)
                        || matches!(self.doc.norm(k), ":" | ";")
                        || self.cover[k].is_some_and(|x| self.items[x].role_noun)
                })
            {
                continue;
            }
            kept.push(i);
        }
        kept
    }

    fn clause_end(&self, from: usize, bound: usize) -> usize {
        (from..bound).find(|&k| matches!(self.doc.norm(k), ";" | "mentre")).unwrap_or(bound)
    }

    // ---------------------------------------------------------------- syntax helpers

    fn passive(&self, h: Hit<'_>, sent_start: usize) -> bool {
        let doc = self.doc;
        let w = doc.norm(h.start);
        if !matches!(h.trig.frame, Frame::Verb) || !is_participle(w) {
            return false;
        }
        let (mut active, mut passive) = (false, false);
        let mut k = h.start;
        while k > sent_start {
            let p = doc.norm(k - 1);
            if self.lex.aux_active.contains(p) {
                active = true;
            } else if self.lex.aux_passive.contains(p) {
                passive = true;
            } else if !self.lex.adverb.contains(p) {
                break;
            }
            k -= 1;
        }
        !active || passive
    }

    fn nonfinite(&self, h: Hit<'_>) -> bool {
        let w = self.doc.norm(h.start);
        is_nonfinite(w)
            || (h.start > 0 && matches!(self.doc.norm(h.start - 1), "avere" | "aver" | "essere" | "esser"))
    }

    /// The subject before the trigger and where its clause starts.
    fn subject(&self, h: Hit<'_>, sent_start: usize) -> (Subject, usize) {
        let doc = self.doc;
        let cross = self.nonfinite(h);
        // A noun is the object of its own verb (`ha ottenuto una valutazione`): its subject may
        // sit before one auxiliary group.
        let mut aux_groups = usize::from(h.trig.frame.is_noun());
        let mut in_aux = false;
        let mut k = h.start;
        while k > sent_start && (self.lex.is_aux(doc, k - 1) || self.lex.adverb.contains(doc.norm(k - 1))) {
            k -= 1;
        }
        let mut che: Option<usize> = None;
        let mut j = k;
        while j > sent_start {
            let t = j - 1;
            if let Some(x) = self.cover[t] {
                let it = &self.items[x];
                let after_che = che.is_some_and(|c| c <= it.end + 1);
                match it.kind {
                    Kind::Company if !it.source && (it.gov.is_none() || after_che) => {
                        return (Subject::Item(x), it.start);
                    }
                    Kind::Person if it.gov.is_none() => return (Subject::Other, it.start),
                    _ => {}
                }
                j = it.start;
                continue;
            }
            let w = doc.norm(t);
            let aux = self.lex.is_aux(doc, t);
            if aux && !in_aux && aux_groups > 0 {
                aux_groups -= 1;
                in_aux = true;
                j -= 1;
                continue;
            }
            if aux && in_aux {
                j -= 1;
                continue;
            }
            in_aux = false;
            if self.lex.anaphor.contains(w)
                && t > sent_start
                && ARTICLES.contains(&doc.norm(t - 1))
                && (t - 1 == sent_start || matches!(doc.norm(t - 2), "," | ":" | ";" | "."))
            {
                // `L'accordo tra X e Y vale`: the deal is the subject.
                return (Subject::Other, t);
            }
            if self.lex.government.starts(doc, t, k)
                && (t == sent_start || self.lex.prep_of(doc, t - 1).is_none())
            {
                return (Subject::Government(t), t);
            }
            match w {
                "che" => che = Some(t),
                ";" | ":" | "mentre" | "ma" => return (Subject::None, j),
                _ if !cross && aux => return (Subject::None, j),
                _ => {}
            }
            j -= 1;
        }
        (Subject::None, sent_start)
    }

    fn items_in(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.items.partition_point(|it| it.start < from);
        (first..self.items.len()).take_while(move |&x| self.items[x].start < to)
    }

    fn stake_before(&self, it: &Item<'_>, floor: usize) -> bool {
        (it.start.saturating_sub(4).max(floor)..it.start).any(|k| self.lex.is_stake(self.doc, k, it.start))
    }

    /// Items chained to `x` by `,`/`e` (and a preposition or article): `Nvidia, AMD e Broadcom`.
    fn coordinated_after(&self, x: usize, bound: usize) -> Vec<usize> {
        let mut out = vec![x];
        let mut cur = x;
        while let Some(next) = self.items_in(self.items[cur].end, bound).next() {
            let gap = self.items[cur].end..self.items[next].start;
            let ok = gap.len() <= 3
                && gap.clone().any(|k| matches!(self.doc.norm(k), "e" | ","))
                && gap.clone().all(|k| {
                    let w = self.doc.norm(k);
                    matches!(w, "e" | ",") || ARTICLES.contains(&w) || self.lex.prep_of(self.doc, k).is_some()
                })
                && self.items[next].kind == self.items[x].kind
                && !self.lex.is_aux(self.doc, self.items[next].end);
            if !ok {
                break;
            }
            out.push(next);
            cur = next;
        }
        out
    }

    fn coordinated_before(&self, x: usize, floor: usize) -> Vec<usize> {
        let chain = self.chain_before(x, floor);
        // A list needs its `e`: `Nvidia, SoftBank e Intel`; a bare comma is an apposition.
        let has_and = chain
            .windows(2)
            .any(|w| (self.items[w[1]].end..self.items[w[0]].start).any(|k| self.doc.norm(k) == "e"));
        if has_and { chain } else { vec![x] }
    }

    fn chain_before(&self, x: usize, floor: usize) -> Vec<usize> {
        let mut out = vec![x];
        let mut cur = x;
        while cur > 0 {
            let prev = cur - 1;
            let it = &self.items[prev];
            if it.start < floor || it.kind != Kind::Company || it.source {
                break;
            }
            let gap = it.end..self.items[cur].start;
            if gap.len() > 2 || !gap.clone().all(|k| matches!(self.doc.norm(k), "e" | ",")) {
                break;
            }
            out.push(prev);
            cur = prev;
        }
        out
    }

    fn first_company_after(&self, from: usize, to: usize, pred: impl Fn(&Item<'_>) -> bool) -> Option<usize> {
        self.items_in(from, to).find(|&x| self.items[x].is_company() && pred(&self.items[x]))
    }

    /// `di X` right after the trigger (`l'investimento di Amazon`), allowing a stake in between.
    fn di_after(&self, from: usize, to: usize, span: usize) -> Option<usize> {
        self.first_company_after(from, to.min(from + span), |it| it.gov == Some(Prep::Di))
    }

    fn con_party(&self, from: usize, to: usize) -> Option<usize> {
        self.items_in(from, to).find(|&x| self.items[x].is_company() && self.items[x].gov == Some(Prep::Con))
    }

    // ---------------------------------------------------------------- roles

    fn fill(&mut self, si: usize, range: std::ops::Range<usize>, h: Hit<'l>, bound: usize) -> Vec<Draft<'a>> {
        let doc = self.doc;
        let t = h.trig;
        let (subj, clause_start) = self.subject(h, range.start);
        let subj_item = match subj {
            Subject::Item(x) => Some(x),
            _ => None,
        };
        let government = matches!(subj, Subject::Government(_))
            || (h.end < range.end && matches!(doc.norm(h.end), "pubblico" | "pubblica" | "pubblici"));
        let passive = self.passive(h, range.start);
        let after = |p: &dyn Fn(&Item<'_>) -> bool| self.first_company_after(h.end, bound, p);
        let da_after = self.first_company_after(h.end, range.end, |it| it.gov == Some(Prep::Da));
        let mut agents: Vec<usize> = Vec::new();
        let mut targets: Vec<usize> = Vec::new();
        let mut salient_target = false;
        let mut salient_agent = false;
        let mut chips: Vec<usize> = Vec::new();
        let mut maker_agent = false;
        // `l'accordo`, `il loro accordo`, `la nuova intesa`: definite, maybe through a possessive.
        let definite = (1..=2).any(|back| {
            h.start >= range.start + back
                && self.lex.definite.contains(doc.norm(h.start - back))
                && (h.start - back + 1..h.start).all(|k| is_determiner(doc.norm(k)) || doc.norm(k) == "nuovo")
        });
        let mut complement = false;
        let mut null_agent = false;
        let mut oriented = false;

        match t.kind {
            EventType::Investment => match t.frame {
                Frame::Receive => {
                    targets.extend(subj_item);
                    agents.extend(da_after);
                    if agents.is_empty() {
                        return Vec::new();
                    }
                }
                Frame::Verb if passive => {
                    targets.extend(subj_item);
                    agents.extend(da_after);
                }
                Frame::Verb | Frame::Intransitive | Frame::Sell => {
                    let socio = matches!(doc.norm(h.end - 1), "socio" | "azionista");
                    let floor = h.end;
                    if let Some(x) = after(&|it| {
                        matches!(it.gov, Some(Prep::In | Prep::Su))
                            || (it.gov == Some(Prep::Di) && (socio || self.stake_before(it, floor)))
                    }) {
                        targets = self.coordinated_after(x, bound);
                    }
                    match (subj_item, subj) {
                        (Some(x), _) => agents = self.coordinated_before(x, range.start),
                        // `Nvidia, SoftBank e il governo sono entrati`: companies beside the state.
                        (None, Subject::Government(g)) => {
                            if let Some(x) = self.items_in(range.start, g).last().filter(|&x| {
                                let gap = self.items[x].end..g;
                                self.items[x].is_company()
                                    && gap.len() <= 2
                                    && gap.clone().all(|k| {
                                        let w = doc.norm(k);
                                        matches!(w, "e" | ",") || ARTICLES.contains(&w)
                                    })
                            }) {
                                agents = self.chain_before(x, range.start);
                                null_agent = true;
                            }
                        }
                        (None, _) if !government => agents.extend(da_after.filter(|d| !targets.contains(d))),
                        _ => {}
                    }
                    // `ha investito 13 miliardi dal 2019`: the investee is the article's topic, unless
                    // the clause names another destination (`negli stabilimenti`).
                    let elsewhere =
                        (h.end..bound).any(|k| matches!(self.lex.prep_of(doc, k), Some(Prep::In | Prep::Su)));
                    salient_target =
                        targets.is_empty() && ((t.salient && !elsewhere) || self.stake_follows(h.end, bound));
                }
                Frame::NounAgent | Frame::NounTarget | Frame::SellNoun => {
                    let di =
                        self.di_after(h.end, bound, 3).filter(|&x| !self.stake_before(&self.items[x], h.end));
                    complement |= di.is_some();
                    if let Some(x) = di.or(subj_item) {
                        agents.push(x);
                    }
                    let floor = h.end;
                    if let Some(x) = after(&|it| {
                        matches!(it.gov, Some(Prep::In | Prep::Su))
                            || (it.gov == Some(Prep::Di) && self.stake_before(it, floor))
                    }) {
                        targets = self.coordinated_after(x, bound);
                        complement = true;
                    }
                    if targets.is_empty()
                        && let (Some(c), Some(s)) = (self.con_party(range.start, bound), subj_item)
                        && di.is_none()
                    {
                        agents = vec![c];
                        targets = vec![s];
                        complement = true;
                    }
                    if targets.is_empty() && !agents.is_empty() && self.stake_follows(h.end, bound) {
                        salient_target = true;
                        complement = true;
                    }
                }
            },
            EventType::Acquisition => match t.frame {
                Frame::Sell | Frame::SellNoun => {
                    // `Eni cede il 20% di Plenitude ad Ares`, `un 10% è stato ceduto agli svizzeri di X`,
                    // `la cessione di Altera a Silver Lake`.
                    let noun = t.frame == Frame::SellNoun;
                    let window = bound.min(h.end + 9);
                    let buyer =
                        self.first_company_after(h.end, window, |it| it.gov == Some(Prep::A)).or_else(|| {
                            (!noun)
                                .then(|| {
                                    self.first_company_after(h.end, window, |it| {
                                        it.gov == Some(Prep::Di) && !self.stake_before(it, h.end)
                                    })
                                })
                                .flatten()
                        });
                    agents.extend(buyer);
                    let floor = h.end;
                    let sold = if noun {
                        complement = true;
                        self.di_after(h.end, bound, 4)
                    } else {
                        self.first_company_after(h.end, bound, |it| {
                            (it.gov.is_none() && it.start <= floor + 3)
                                || (it.gov == Some(Prep::Di) && self.stake_before(it, floor))
                        })
                    };
                    targets.extend(sold.filter(|x| Some(*x) != buyer));
                    if targets.is_empty() && passive {
                        targets.extend(subj_item);
                    }
                    salient_target = targets.is_empty();
                    // `vende Sparkle al Tesoro`: a state buys; the agent stays null.
                    let state = (h.end..bound.min(h.end + 9)).any(|k| {
                        self.lex.prep_of(doc, k) == Some(Prep::A)
                            && self.lex.government.starts(doc, k + 1, bound)
                    });
                    if agents.is_empty() && !state {
                        return Vec::new();
                    }
                }
                Frame::Verb if passive => {
                    let before =
                        self.items_in(clause_start, h.start).filter(|&x| self.items[x].is_company()).last();
                    targets.extend(subj_item.or(before));
                    match da_after {
                        Some(d) => agents.push(d),
                        None => salient_agent = true,
                    }
                }
                Frame::Verb | Frame::Intransitive | Frame::Receive => {
                    let floor = h.end;
                    let near = h.end + 4;
                    if let Some(x) = after(&|it| {
                        (it.gov.is_none() && it.start <= near)
                            || it.gov == Some(Prep::Su)
                            || (matches!(it.gov, Some(Prep::Di | Prep::In)) && self.stake_before(it, floor))
                    }) {
                        targets = self.coordinated_after(x, bound);
                    }
                    if targets.is_empty() {
                        targets.extend(self.con_party(range.start, h.start));
                    }
                    if let Some(x) = subj_item {
                        agents = self.coordinated_before(x, range.start);
                    }
                }
                Frame::NounTarget => {
                    if let Some(x) =
                        self.di_after(h.end, bound, 4).or_else(|| after(&|it| it.gov == Some(Prep::Su)))
                    {
                        targets.push(x);
                        complement = true;
                    }
                    let parte = self.items_in(h.end, bound).find(|&x| {
                        let s = self.items[x].start;
                        s >= 2 && doc.norm(s - 2) == "parte" && self.items[x].is_company()
                    });
                    agents.extend(parte.or(subj_item));
                    if targets.is_empty() {
                        targets.extend(self.con_party(range.start, h.start));
                    }
                }
                Frame::NounAgent => {
                    let di = self.di_after(h.end, bound, 2);
                    agents.extend(di.or(subj_item));
                    complement |= di.is_some();
                    let floor = h.end;
                    if let Some(x) = after(&|it| {
                        matches!(it.gov, Some(Prep::Su | Prep::Per))
                            || (it.gov == Some(Prep::Di) && self.stake_before(it, floor))
                    }) {
                        targets.push(x);
                        complement = true;
                    }
                    if targets.is_empty() {
                        targets.extend(self.con_party(range.start, h.start));
                    }
                }
            },
            EventType::FundingRound => {
                let near = self.first_company_after(h.end, bound.min(h.end + 3), |it| {
                    matches!(it.gov, Some(Prep::Di | Prep::Per))
                });
                let lead = self.items_in(h.end, range.end).find(|&x| {
                    let s = self.items[x].start;
                    self.items[x].is_company()
                        && self.items[x].gov == Some(Prep::Da)
                        && (s.saturating_sub(3)..s).any(|k| {
                            let w = doc.norm(k);
                            w.starts_with("guidat")
                                || w.starts_with("sottoscritt")
                                || w.starts_with("promoss")
                        })
                });
                // `ha raccolto 3 miliardi da KKR`: the investor named after a raising verb.
                let lead = lead.or_else(|| (!t.frame.is_noun()).then_some(da_after).flatten());
                agents.extend(lead);
                complement |= near.is_some() || lead.is_some();
                let tgt = subj_item.or(near).or_else(|| {
                    t.frame
                        .is_noun()
                        .then(|| {
                            self.first_company_after(h.end, bound, |it| {
                                !matches!(it.gov, Some(Prep::Con | Prep::Da))
                            })
                        })
                        .flatten()
                        .filter(|x| Some(*x) != lead)
                });
                targets.extend(tgt);
                // Without a company in the clause, only `un aumento di capitale da 6 miliardi`.
                salient_target =
                    targets.is_empty() && self.money_toks.iter().any(|&(s, _)| s >= h.end && s <= h.end + 6);
                complement |= !definite;
            }
            EventType::Contract => {
                let tra =
                    self.first_company_after(h.end, bound.min(h.end + 4), |it| it.gov == Some(Prep::Tra));
                let customer = (range.start..range.end).find_map(|k| {
                    if !self.lex.customer.contains(doc.norm(k)) {
                        return None;
                    }
                    self.first_company_after(k + 1, (k + 4).min(range.end), |it| it.gov == Some(Prep::A))
                });
                if let Some(a) = tra {
                    let pair = self.coordinated_after(a, bound);
                    if pair.len() >= 2 {
                        agents.push(pair[0]);
                        targets.push(pair[1]);
                        complement = true;
                    }
                }
                if agents.is_empty() {
                    let affida = t.frame == Frame::Verb && doc.norm(h.start).starts_with("affid");
                    let other = if affida {
                        self.first_company_after(h.end, bound, |it| it.gov == Some(Prep::A))
                    } else {
                        self.first_company_after(h.end, bound, |it| it.gov == Some(Prep::Con))
                            .inspect(|_| complement = true)
                            .or_else(|| self.con_party(range.start, h.start))
                            // `ha assegnato a Nvidia un contratto`: the subject is the customer.
                            .or_else(|| {
                                self.items_in(clause_start, h.start).find(|&x| {
                                    self.items[x].is_company() && self.items[x].gov == Some(Prep::A)
                                })
                            })
                    };
                    // `una commessa da 2 miliardi da Carnival`: the customer gives the order.
                    let customer = customer.or_else(|| {
                        (t.frame.is_noun() && other.is_none())
                            .then(|| self.first_company_after(h.end, bound, |it| it.gov == Some(Prep::Da)))
                            .flatten()
                    });
                    let main = self.di_after(h.end, bound, 2).or(subj_item);
                    // `Oracle e OpenAI hanno firmato un contratto`: the pair is the subject.
                    let pair = subj_item.map(|x| self.coordinated_before(x, range.start)).unwrap_or_default();
                    // `coordinated_before` lists the nearest first: the agent is the first in the text.
                    let (first, second) = match pair.as_slice() {
                        [.., b, a] if pair.len() >= 2 => (Some(*a), Some(*b)),
                        _ => (None, None),
                    };
                    let other = other.or_else(|| if customer.is_none() { second } else { None });
                    let main = if second.is_some() && other == second { first } else { main };
                    let main = match (other, main) {
                        (Some(o), Some(m)) if o == m => None,
                        _ => main,
                    };
                    match (customer, other, main) {
                        (Some(c), Some(o), _) if c != o => {
                            agents.push(c);
                            targets.push(o);
                        }
                        (Some(c), _, Some(m)) if c != m => {
                            agents.push(c);
                            targets.push(m);
                        }
                        (_, Some(o), Some(m)) => {
                            agents.push(m);
                            targets.push(o);
                        }
                        _ => return Vec::new(),
                    }
                    oriented = customer.is_some() || affida;
                    complement |= affida || customer.is_some();
                }
            }
            EventType::ChipLaunch => {
                let mut after_chips =
                    self.items_in(h.end, bound).filter(|&x| self.items[x].kind == Kind::Chip);
                if let Some(first) = after_chips.next() {
                    chips.push(first);
                    chips.extend(after_chips.filter(|&x| self.items[x].gov != Some(Prep::Di)));
                    // `la nuova Tpu Ironwood`: the family name classifies the chip that follows.
                    let classifiers: Vec<usize> = chips
                        .iter()
                        .copied()
                        .filter(|&x| chips.contains(&(x + 1)) && self.items[x].end == self.items[x + 1].start)
                        .collect();
                    chips.retain(|x| !classifiers.contains(x));
                } else if !t.frame.is_noun() && (passive || is_participle(doc.norm(h.start))) {
                    let floor = h.start.saturating_sub(6).max(range.start);
                    let mut last =
                        self.items_in(floor, h.start).filter(|&x| self.items[x].kind == Kind::Chip).last();
                    // `Trillium, la Tpu lanciata`: the head of the apposition is the launched chip.
                    while let Some(x) = last.filter(|&x| x > 0) {
                        let prev = &self.items[x - 1];
                        let gap = prev.end..self.items[x].start;
                        let appos = prev.kind == Kind::Chip
                            && gap.len() <= 2
                            && gap.clone().all(|k| doc.norm(k) == "," || ARTICLES.contains(&doc.norm(k)));
                        if !appos {
                            break;
                        }
                        last = Some(x - 1);
                    }
                    chips.extend(last);
                }
                if chips.is_empty() {
                    return Vec::new();
                }
                complement = true;
                match subj_item.or(da_after) {
                    Some(x) => agents.push(x),
                    None => maker_agent = true,
                }
            }
            EventType::Valuation => {
                if t.frame.is_noun() {
                    let di = self.di_after(h.end, bound, 2);
                    targets.extend(di.or(subj_item));
                    salient_target = targets.is_empty() && t.salient;
                } else if matches!(doc.norm(h.start), "valuta" | "valutano" | "valutava" | "valutavano") {
                    // `un round che la valuta 20 miliardi`, `gli analisti valutano Nvidia 5.000 miliardi`:
                    // the object is valued.
                    let object = self.first_company_after(h.end, bound.min(h.end + 3), |it| it.gov.is_none());
                    targets.extend(object);
                    salient_target = targets.is_empty();
                } else {
                    targets.extend(subj_item);
                }
                complement = true;
            }
            EventType::Restructuring => {
                // `Eni ha completato lo scorporo di Plenitude`: the subject reorganises.
                let di = self.di_after(h.end, bound, 3);
                targets.extend(subj_item.or(di));
                salient_target = targets.is_empty();
                complement = true;
            }
        }

        if t.frame.is_noun() && definite && !complement {
            // `l'operazione`, `l'accordo`: a reference to an event already reported.
            return Vec::new();
        }

        // Amount.
        let money = match t.kind {
            EventType::ChipLaunch | EventType::Restructuring => None,
            EventType::Valuation => {
                // `il titolo vale 8 euro` is a share price: a company is worth millions at least.
                let m = self.pick_money(h, clause_start, bound.min(h.end + 8), None).filter(|&mi| {
                    self.input.money[mi]
                        .amount
                        .is_some_and(|a| a >= rust_decimal::Decimal::from(1_000_000u32))
                });
                if m.is_none() {
                    return Vec::new();
                }
                m
            }
            _ => {
                let m = self.pick_money(h, clause_start, bound, Some(range.end));
                if let Some(mi) = m
                    && self.aggregate(mi, range.start)
                {
                    if matches!(t.kind, EventType::FundingRound | EventType::Investment) {
                        return Vec::new();
                    }
                    None
                } else {
                    m
                }
            }
        };
        if t.kind == EventType::Investment && agents.is_empty() && !government {
            return Vec::new();
        }

        // Resolve items to referents, keeping agent and target apart.
        let mut agent_refs: Vec<Option<Ref<'a>>> = if agents.is_empty() {
            vec![None]
        } else {
            agents.iter().map(|&x| self.items[x].best(&[])).collect()
        };
        if null_agent {
            agent_refs.push(None);
        }
        let all_agents: Vec<&str> = agent_refs.iter().flatten().map(|r| r.id).collect();
        let mut out = Vec::new();
        let hedged = self.hedged(clause_start..bound.max(h.end));
        // Status cues are read in the trigger's stretch of the sentence, between `;` or `:`.
        let cue_start = (range.start..h.start)
            .rev()
            .find(|&k| matches!(doc.norm(k), ";" | ":"))
            .map_or(range.start, |k| k + 1);
        let cue_end = (h.end..range.end).find(|&k| matches!(doc.norm(k), ";" | ":")).unwrap_or(range.end);
        let status = self.status(h, cue_start..cue_end, hedged, passive);
        let date = self.pick_date(h, range.clone());
        for agent in agent_refs {
            // Neither an agent nor a unit of the agent's own group (Amazon → AWS) is its target.
            let rel = self.input.relations;
            let groups: Vec<&str> = all_agents.iter().filter_map(|a| rel.group_of(a)).collect();
            // Only for guesses (role nouns, the topic): the gazetteer records today's owners, so an
            // acquired company already sits in its buyer's group.
            let fits = |r: &Ref<'_>| {
                !all_agents.contains(&r.id)
                    && (matches!(t.kind, EventType::Restructuring | EventType::Acquisition)
                        || rel.group_of(r.id).is_none_or(|g| !groups.contains(&g)))
            };
            let target_refs: Vec<Option<Ref<'a>>> = if !chips.is_empty() {
                chips.iter().map(|&x| self.items[x].best(&[])).collect()
            } else if !targets.is_empty() {
                targets
                    .iter()
                    .map(|&x| {
                        let it = &self.items[x];
                        if it.role_noun { it.best_by(fits) } else { it.best(&all_agents) }
                    })
                    .collect()
            } else if t.inherits
                && let Some(&(_, _, r)) = self
                    .recent_targets
                    .iter()
                    .rev()
                    .find(|(k, s, r)| *k == t.kind && si - s <= 1 && !all_agents.contains(&r.id))
            {
                // `Nvidia ha investito 5 miliardi in Intel, SoftBank ha aggiunto 2 miliardi`.
                vec![Some(r)]
            } else if salient_target {
                vec![self.salient(h.start, si, false).into_iter().find(|r| fits(r))]
            } else {
                vec![None]
            };
            for target in target_refs {
                let mut agent = agent;
                if agent.is_none() && maker_agent {
                    agent = target
                        .and_then(|c| self.input.relations.maker_of(c.id))
                        .map(|(id, name)| Ref { id, name, entity: None })
                        .or_else(|| self.salient(h.start, si, false).into_iter().next());
                }
                if agent.is_none() && salient_agent {
                    let ex: Vec<&str> = target.iter().map(|r| r.id).collect();
                    agent = self.salient(h.start, si, false).into_iter().find(|r| !ex.contains(&r.id));
                }
                let trigger = crate::Span::new(
                    doc.tokens()[h.start].span.start,
                    doc.tokens()[h.end.saturating_sub(1).max(h.start)].span.end,
                );
                out.push(Draft {
                    kind: t.kind,
                    agent,
                    target,
                    money,
                    date,
                    status,
                    hedged,
                    sent: si,
                    oriented,
                    trigger,
                });
            }
        }
        out.retain(|d| d.target.is_some());
        self.recent_targets.extend(out.iter().filter_map(|d| d.target.map(|r| (d.kind, si, r))));
        if let Some(m) = money.filter(|_| !out.is_empty()) {
            self.claimed[m] = true;
        }
        out
    }

    fn stake_follows(&self, from: usize, bound: usize) -> bool {
        (from..(from + 4).min(bound)).any(|k| self.lex.is_stake(self.doc, k, bound))
    }

    fn usable_money(&self, mi: usize) -> bool {
        let m = &self.input.money[mi];
        let (_, e) = self.money_toks[mi];
        !self.claimed[mi] && !m.vague && m.amount.is_some() && !self.lex.per_unit.starts(self.doc, e, e + 3)
    }

    /// The amount of an event: the first free one after the trigger in its clause, else the
    /// nearest before it in the clause, else (when `wide`) the first free one later in the sentence.
    fn pick_money(
        &self,
        h: Hit<'_>,
        clause_start: usize,
        bound: usize,
        sent_end: Option<usize>,
    ) -> Option<usize> {
        let n = self.money_toks.len();
        let after = |to: usize| {
            (0..n).find(|&mi| {
                self.money_toks[mi].0 >= h.end && self.money_toks[mi].0 < to && self.usable_money(mi)
            })
        };
        let before = || {
            (0..n).rfind(|&mi| {
                let (s, e) = self.money_toks[mi];
                s >= clause_start && e <= h.start && self.usable_money(mi)
            })
        };
        match sent_end {
            None => after(bound),
            Some(_) => after(bound).or_else(before),
        }
    }

    fn aggregate(&self, mi: usize, sent_start: usize) -> bool {
        let (s, _) = self.money_toks[mi];
        (0..=2)
            .any(|skip| s >= skip && self.lex.aggregate.ending_at(self.doc, sent_start, s - skip).is_some())
    }

    fn pick_date(&self, h: Hit<'_>, range: std::ops::Range<usize>) -> Option<usize> {
        (0..self.date_toks.len())
            .filter(|&d| self.date_toks[d].0 >= range.start && self.date_toks[d].1 <= range.end)
            .min_by_key(|&d| {
                let (s, e) = self.date_toks[d];
                if e <= h.start { h.start - e } else { s.saturating_sub(h.end) }
            })
    }

    fn status(
        &self,
        h: Hit<'_>,
        range: std::ops::Range<usize>,
        hedged: bool,
        passive: bool,
    ) -> Option<Status> {
        let doc = self.doc;
        let w = doc.norm(h.start);
        // The verb group before the trigger: `ha presentato`, `aveva esordito`, `ha stretto una`.
        let mut k = h.start;
        let (mut active, mut pluperfect) = (false, false);
        let lookback = if h.trig.frame.is_noun() { 4 } else { 0 };
        while k > range.start && h.start - k <= lookback + 3 {
            let p = doc.norm(k - 1);
            if self.lex.aux_active.contains(p) {
                active = true;
                pluperfect |= matches!(p, "aveva" | "avevano");
            } else if matches!(p, "stato" | "stata" | "stati" | "state") {
                // `è stata acquisita`: a passive perfect reports a done deal.
                active = true;
            } else if !(self.lex.adverb.contains(p)
                || (h.start - k < lookback && !self.lex.is_aux(doc, k - 1)))
            {
                break;
            }
            k -= 1;
        }
        let tense = if is_future(w) {
            Some(Status::Planned)
        } else if pluperfect || (passive && !active && k == h.start) {
            // `aveva esordito`; `General Cable, pagata 3 miliardi`, `Maia 100, svelato nel 2023`.
            Some(Status::Completed)
        } else if active && h.trig.frame.is_noun() {
            // `ha stretto una collaborazione`, `ha ottenuto finanziamenti`.
            Some(match h.trig.kind {
                EventType::Contract
                | EventType::Acquisition
                | EventType::ChipLaunch
                | EventType::Restructuring => Status::Announced,
                _ => Status::Completed,
            })
        } else if active && is_participle(w) {
            // `ha investito` is done; `ha presentato il chip` is an announcement.
            Some(h.trig.status.unwrap_or(Status::Completed))
        } else {
            // A deal reported in the present is announced; a stated value is a fact.
            h.trig.status.or(match h.trig.kind {
                EventType::Acquisition | EventType::Contract if !h.trig.frame.is_noun() => {
                    Some(Status::Announced)
                }
                EventType::Valuation => Some(Status::Completed),
                _ => None,
            })
        };
        // Cues compete by distance to the trigger; the trigger's own tense sits at distance 2;
        // at equal distance the more cautious status wins.
        const ORDER: [Status; 5] =
            [Status::Talks, Status::Rumored, Status::Planned, Status::Announced, Status::Completed];
        let rank = |s: Status| ORDER.iter().position(|o| *o == s).unwrap_or(ORDER.len());
        let mut best: Option<(usize, usize, Status)> = tense.map(|s| (2, rank(s), s));
        let mut offer = |dist: usize, s: Status| {
            // Talks and reports near the trigger outweigh its tense (`secondo fonti, investirà`).
            let dist = if matches!(s, Status::Talks | Status::Rumored) && dist <= 8 { 0 } else { dist };
            if best.is_none_or(|(d, r, _)| (dist, rank(s)) < (d, r)) {
                best = Some((dist, rank(s), s));
            }
        };
        let distance = |a: usize, b: usize| if b <= h.start { h.start - b } else { a.saturating_sub(h.end) };
        for k in range.clone() {
            if let Some(x) = self.cover[k] {
                // `secondo Reuters`, `stando al Wall Street Journal`: a reported fact.
                if self.items[x].source && self.items[x].start == k {
                    offer(distance(k, self.items[x].end), Status::Rumored);
                }
                continue;
            }
            if let Some((n, s)) = self.lex.status.at(doc, k, range.end) {
                offer(distance(k, k + n), s);
            }
        }
        match best.map(|b| b.2) {
            Some(Status::Announced | Status::Completed) | None if hedged => Some(Status::Rumored),
            s => s,
        }
    }

    fn hedged(&self, range: std::ops::Range<usize>) -> bool {
        range
            .clone()
            .any(|k| self.lex.hedge.starts(self.doc, k, range.end) || is_conditional(self.doc.norm(k)))
    }

    /// A ranking of rounds after a funding report: `guida la biotech X con 122 milioni, seguita da Y
    /// con 83,5 milioni`: each `company con amount` is a round of that company.
    fn funding_list(&mut self, si: usize, range: std::ops::Range<usize>) -> Vec<Draft<'a>> {
        let mut out = Vec::new();
        for x in self.items_in(range.start, range.end).collect::<Vec<_>>() {
            let it = &self.items[x];
            if !it.is_company() || it.role_noun || self.doc.norm(it.end) != "con" {
                continue;
            }
            let Some(mi) = (0..self.money_toks.len()).find(|&mi| self.money_toks[mi].0 == it.end + 1) else {
                continue;
            };
            if !self.usable_money(mi) || self.aggregate(mi, range.start) {
                continue;
            }
            let Some(target) = it.best(&[]) else { continue };
            self.claimed[mi] = true;
            let s = self.doc.tokens()[it.start].span;
            out.push(Draft {
                kind: EventType::FundingRound,
                agent: None,
                target: Some(target),
                money: Some(mi),
                date: None,
                status: Some(Status::Completed),
                hedged: false,
                sent: si,
                oriented: false,
                trigger: crate::Span::new(s.start, self.doc.tokens()[it.end].span.end),
            });
        }
        out
    }

    /// `L'operazione vale 1,7 miliardi`: an amount in a sentence that only refers back to the
    /// previous event gives that event its amount.
    fn anaphora(&mut self, si: usize, range: std::ops::Range<usize>, drafts: &mut [Draft<'a>]) {
        let doc = self.doc;
        if !range.clone().any(|k| self.cover[k].is_none() && self.lex.anaphor.contains(doc.norm(k))) {
            return;
        }
        let Some(mi) = (0..self.money_toks.len()).find(|&mi| {
            let (s, e) = self.money_toks[mi];
            s >= range.start && e <= range.end && self.usable_money(mi) && !self.aggregate(mi, range.start)
        }) else {
            return;
        };
        // When this sentence reports an event of its own, its amounts are its own.
        let own: Vec<EventType> = drafts.iter().filter(|d| d.sent == si).map(|d| d.kind).collect();
        let Some(d) = drafts.iter_mut().rev().find(|d| {
            d.sent < si
                && !own.contains(&d.kind)
                && si - d.sent <= 2
                && d.money.is_none()
                && matches!(
                    d.kind,
                    EventType::Investment
                        | EventType::Acquisition
                        | EventType::Contract
                        | EventType::FundingRound
                )
        }) else {
            return;
        };
        d.money = Some(mi);
        self.claimed[mi] = true;
    }

    // ---------------------------------------------------------------- merge

    fn merge(&self, drafts: Vec<Draft<'a>>) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        let mut keys: Vec<(EventType, Option<&str>, Option<&str>)> = Vec::new();
        let ok = |d: &Draft<'_>| {
            let Some(t) = d.target else { return false };
            if d.agent.is_some_and(|a| a.id == t.id || a.name == t.name) {
                return false;
            }
            match d.kind {
                EventType::FundingRound | EventType::Valuation => d.money.is_some(),
                EventType::Contract => d.agent.is_some(),
                _ => true,
            }
        };
        // A contract stated both ways keeps the orientation that names the customer.
        let mut drafts = drafts;
        let flips: Vec<(Option<&str>, Option<&str>)> = drafts
            .iter()
            .filter(|d| d.kind == EventType::Contract && d.oriented)
            .map(|d| (d.agent.map(|r| r.id), d.target.map(|r| r.id)))
            .collect();
        for d in drafts.iter_mut().filter(|d| d.kind == EventType::Contract && !d.oriented) {
            let (a, t) = (d.agent.map(|r| r.id), d.target.map(|r| r.id));
            if flips.contains(&(t, a)) {
                std::mem::swap(&mut d.agent, &mut d.target);
            }
        }
        // Drafts with an amount first, so amountless repeats fold into them.
        let mut order: Vec<&Draft<'a>> = drafts.iter().filter(|d| ok(d)).collect();
        order.sort_by_key(|d| (d.money.is_none(), d.sent));
        for d in order {
            let key = (d.kind, d.agent.map(|r| r.name), d.target.map(|r| r.name));
            let amount = d.money.and_then(|m| self.input.money[m].amount);
            let same =
                keys.iter().enumerate().filter(|(_, k)| **k == key).map(|(i, _)| i).collect::<Vec<_>>();
            let dup = same.iter().copied().find(|&i| amount.is_none() || events[i].amount == amount);
            if let Some(i) = dup {
                let e = &mut events[i];
                e.status = e.status.or(d.status);
                if e.date.is_none() && d.date.is_some() {
                    e.date = d.date;
                    e.when = d.date.map(|x| when_of(&self.input.dates[x]));
                }
                continue;
            }
            keys.push(key);
            events.push(self.event(d));
        }
        events.sort_by_key(|e| (e.span.start, e.kind.as_str()));
        events
    }

    fn event(&self, d: &Draft<'a>) -> Event {
        let sent = &self.doc.sentences()[d.sent];
        let m = d.money.map(|i| &self.input.money[i]);
        let mut entities: Vec<usize> =
            [d.agent, d.target].iter().flatten().filter_map(|r| r.entity).collect();
        entities.dedup();
        Event {
            kind: d.kind,
            agent: d.agent.map(|r| r.name.to_string()),
            target: d.target.map(|r| r.name.to_string()),
            amount: m.and_then(|m| m.amount),
            currency: m.and_then(|m| m.currency),
            status: d.status,
            span: sent.span,
            hedged: d.hedged,
            trigger: d.trigger,
            qualifier: m.and_then(|m| m.qualifier),
            when: d.date.map(|x| when_of(&self.input.dates[x])),
            entities,
            money: d.money,
            date: d.date,
        }
    }
}
