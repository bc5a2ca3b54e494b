//! Event assembly: mentions (with coreference) → triggers → roles, amount, date, status → merge.

use super::cues::{Frame, Lexicon, Prep, Trigger};
use super::{Event, EventType, Input, Status};
use crate::token::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Company,
    Chip,
    Person,
}

/// A short list kept inline: the agents, targets and referents of one trigger are one or two,
/// and filling roles for thousands of triggers should not allocate for each of them.
pub(super) type Few<T> = smallvec::SmallVec<[T; 4]>;

/// The drafts of one trigger: almost always one.
pub(super) type Drafts<'a> = smallvec::SmallVec<[Draft<'a>; 1]>;

/// One candidate referent: an entity id and name, and the mention index that names it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ref<'a> {
    pub(super) id: &'a str,
    pub(super) name: &'a str,
    pub(super) entity: Option<usize>,
}

/// A mention that can fill a role: a named entity, an epithet or a resolved role noun.
#[derive(Debug, Clone)]
pub(super) struct Item<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sent: usize,
    pub(super) kind: Kind,
    /// Ranked referents; explicit mentions have one.
    pub(super) cands: Cands<'a>,
    pub(super) role_noun: bool,
    pub(super) source: bool,
    pub(super) gov: Option<Prep>,
}

/// The ranked referents of an item: one for a named mention (most items, kept without an
/// allocation), a ranked list for a role noun.
#[derive(Debug, Clone)]
pub(super) enum Cands<'a> {
    One(Ref<'a>),
    Ranked(Vec<Ref<'a>>),
}

impl<'a> std::ops::Deref for Cands<'a> {
    type Target = [Ref<'a>];
    fn deref(&self) -> &[Ref<'a>] {
        match self {
            Cands::One(r) => std::slice::from_ref(r),
            Cands::Ranked(v) => v,
        }
    }
}

impl<'a> Item<'a> {
    pub(super) fn best(&self, exclude: &[&str]) -> Option<Ref<'a>> {
        self.cands.iter().find(|r| !exclude.contains(&r.id)).copied()
    }
    pub(super) fn best_by(&self, ok: impl Fn(&Ref<'a>) -> bool) -> Option<Ref<'a>> {
        self.cands.iter().find(|r| ok(r)).copied()
    }
    pub(super) fn is_company(&self) -> bool {
        self.kind == Kind::Company && !self.source
    }
}

/// How the subject search ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Subject {
    Item(usize),
    /// A state (`il governo`) at this token: the agent stays null.
    Government(usize),
    Other,
    None,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit<'l> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) trig: &'l Trigger,
}

/// An event before merging, with where it came from.
#[derive(Debug, Clone)]
pub(super) struct Draft<'a> {
    pub(super) kind: EventType,
    pub(super) agent: Option<Ref<'a>>,
    pub(super) target: Option<Ref<'a>>,
    pub(super) money: Option<usize>,
    pub(super) date: Option<usize>,
    pub(super) status: Option<Status>,
    pub(super) hedged: bool,
    pub(super) sent: usize,
    /// A contract whose agent is known to be the customer (`fornitura a X`).
    pub(super) oriented: bool,
    /// The trigger's byte span.
    pub(super) trigger: crate::Span,
    /// A value stated right after an acquisition (`che valuta la società 9 miliardi`): the
    /// acquisition's amount, not a valuation of its own.
    pub(super) deal_value: bool,
    /// A definite event noun with a guessed target and no agent: a restatement.
    pub(super) given: bool,
    /// An unnamed asset sold to a named buyer: the event stands without a target.
    pub(super) open_target: bool,
}

pub(super) struct Ctx<'d, 'a, 'l> {
    pub(super) doc: &'d Document<'d>,
    pub(super) input: &'d Input<'a>,
    pub(super) lex: &'l Lexicon,
    pub(super) items: Vec<Item<'a>>,
    /// token → index of the item covering it
    pub(super) cover: Vec<Option<usize>>,
    /// money index → (first token, end token)
    pub(super) money_toks: Vec<(usize, usize)>,
    pub(super) date_toks: Vec<(usize, usize)>,
    pub(super) claimed: Vec<bool>,
    /// A valuation was reported in this or the previous sentence (`continues` triggers).
    pub(super) recent_valuation: bool,
    /// Targets of the events found so far: (type, sentence, referent), for `inherits` triggers.
    pub(super) recent_targets: Vec<(EventType, usize, Ref<'a>)>,
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
        let kept = ctx.select(&hits, sent.tokens.clone());
        // A spending plan's amount (`investimenti in Europa per 20 miliardi`) is nobody else's.
        let plans: Vec<usize> = hits
            .iter()
            .filter(|h| ctx.capex(**h, sent.tokens.end))
            .filter_map(|h| {
                let end = ctx.clause_end(h.end, sent.tokens.end).min(h.end + 10);
                (0..ctx.money_toks.len()).find(|&m| (h.end..end).contains(&ctx.money_toks[m].0))
            })
            .collect();
        for mi in plans {
            ctx.claimed[mi] = true;
        }
        for (k, &hi) in kept.iter().enumerate() {
            let bound = kept.get(k + 1).map_or(sent.tokens.end, |&n| hits[n].start);
            let bound = ctx.clause_end(hits[hi].end, bound);
            for d in ctx.fill(si, sent.tokens.clone(), hits[hi], bound) {
                fold(&mut drafts, d);
            }
        }
        if hits.iter().any(|h| h.trig.kind == EventType::FundingRound) {
            last_funding = Some(si);
        }
        if last_funding.is_some_and(|f| si - f <= 3) {
            drafts.extend(ctx.funding_list(si, sent.tokens.clone()));
        }
        ctx.anaphora(si, sent.tokens.clone(), &mut drafts);
        ctx.lead_anaphora(si, sent.tokens.clone(), &mut drafts);
    }
    ctx.merge(drafts)
}

/// Adds a draft, folding restatements into the event they restate: a value stated after an
/// acquisition becomes its amount, and a definite event noun with a guessed target and no agent
/// (`l'acquisizione dell'operatore`) gives its amount to the last event of its type.
fn fold<'a>(drafts: &mut Vec<Draft<'a>>, d: Draft<'a>) {
    let (kind, window) = if d.deal_value { (EventType::Acquisition, 2) } else { (d.kind, usize::MAX) };
    if d.deal_value || d.given {
        if let Some(prev) = drafts.iter_mut().rev().find(|p| p.kind == kind && d.sent - p.sent <= window) {
            if prev.money.is_none() {
                prev.money = d.money;
            }
            return;
        }
        if d.deal_value && d.target.is_none() {
            return;
        }
    }
    drafts.push(d);
}

pub(super) fn is_participle(w: &str) -> bool {
    const ENDS: [&str; 26] = [
        "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "sso", "ssa",
        "ssi", "sse", "eso", "esa", "tto", "tta", "tti", "olto", "olta", "itte", "unto", "unta",
    ];
    ENDS.iter().any(|e| w.ends_with(e))
}

pub(super) fn is_nonfinite(w: &str) -> bool {
    const ENDS: [&str; 12] =
        ["are", "ere", "ire", "arne", "erne", "irne", "arla", "arlo", "ando", "endo", "arle", "arli"];
    ENDS.iter().any(|e| w.ends_with(e))
}

pub(super) fn is_future(w: &str) -> bool {
    w.ends_with("rà") || w.ends_with("ranno") || w.ends_with("rò")
}

pub(super) fn is_conditional(w: &str) -> bool {
    w.ends_with("rebbe") || w.ends_with("rebbero")
}

/// The date as the summary shows it: `2025-10`, `since 2019`, `by 2029`.
pub(super) fn when_of(d: &crate::date::DateMention) -> String {
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

pub(super) const ARTICLES: [&str; 7] = ["il", "lo", "la", "l'", "i", "gli", "le"];

pub(super) fn is_determiner(w: &str) -> bool {
    ARTICLES.contains(&w)
        || matches!(w, "suo" | "sua" | "suoi" | "sue" | "loro" | "proprio" | "propria" | "propri" | "proprie")
}

impl<'d, 'a, 'l> Ctx<'d, 'a, 'l> {
    pub(super) fn new(doc: &'d Document<'d>, input: &'d Input<'a>, lex: &'l Lexicon) -> Self {
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

    // ---------------------------------------------------------------- triggers

    pub(super) fn triggers(&self, range: std::ops::Range<usize>) -> Vec<Hit<'l>> {
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
        // A launch needs a chip in the sentence; without one, `annunciata` is just a verb.
        if !self.items_in(range.start, range.end).any(|x| self.items[x].kind == Kind::Chip) {
            hits.retain(|h| h.trig.kind != EventType::ChipLaunch);
        }
        hits
    }

    pub(super) fn flags_ok(&self, h: Hit<'_>, range: std::ops::Range<usize>, prior_valuation: bool) -> bool {
        let t = h.trig;
        if t.continues && !(self.recent_valuation || prior_valuation) {
            return false;
        }
        if t.needs_money && !self.money_toks.iter().any(|&(s, _)| s >= h.end && s < range.end) {
            return false;
        }
        if t.money_before && !self.money_toks.iter().any(|&(_, e)| e == h.start) {
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
    pub(super) fn select(&self, hits: &[Hit<'l>], sent: std::ops::Range<usize>) -> Vec<usize> {
        let doc = self.doc;
        let sent_start = sent.start;
        // `investimenti in Francia`: money spent in a place or on assets is no investment event.
        let capex: Vec<bool> = hits.iter().map(|h| self.capex(*h, sent.end)).collect();
        // Clauses split at `:`, `;` and `mentre`: `avevano annunciato un'intesa: Anthropic acquisterà`.
        let segment =
            |k: usize| (sent_start..k).filter(|&j| matches!(doc.norm(j), ":" | ";" | "mentre")).count();
        let mut kept: Vec<usize> = Vec::new();
        // `ha ricevuto un finanziamento`, `ha ottenuto dal governo una commessa`: the object noun
        // says what the event is.
        let object_noun = |i: usize| {
            let h = hits[i];
            h.trig.frame == Frame::Receive
                && hits.get(i + 1).is_some_and(|n| {
                    n.trig.frame.is_noun() && n.trig.kind != h.trig.kind && n.start <= h.end + 3
                })
        };
        for (i, h) in hits.iter().enumerate() {
            if capex[i] {
                continue;
            }
            let specific = hits.iter().enumerate().any(|(j, o)| {
                !capex[j]
                    && !object_noun(j)
                    && matches!(
                        o.trig.kind,
                        EventType::Investment | EventType::Acquisition | EventType::FundingRound
                    )
                    && segment(o.start) == segment(h.start)
            });
            // `L'accordo, se confermato, ...`: a definite noun with no complement refers back.
            let definite = h.start > sent_start && self.lex.definite.contains(doc.norm(h.start - 1));
            let complement = (h.end..h.end + 3)
                .take_while(|&k| {
                    let w = doc.norm(k);
                    !(w.is_empty() || matches!(w, "," | "si" | "che" | ".") || self.lex.is_aux(doc, k))
                })
                .any(|k| {
                    matches!(
                        self.lex.prep_of(doc, k),
                        Some(
                            Prep::Tra
                                | Prep::Con
                                | Prep::Di
                                | Prep::Da
                                | Prep::Per
                                | Prep::A
                                | Prep::In
                                | Prep::Su
                        )
                    ) || self.cover.get(k).is_some_and(|c| c.is_some())
                });
            if h.trig.frame.is_noun()
                && h.trig.kind == EventType::Contract
                && definite
                && !complement
                && !self.signed_before(*h, sent_start)
            {
                continue;
            }
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
            if object_noun(i) {
                continue;
            }
            // `ha ricevuto da Microsoft un investimento`: the noun is the verb's object.
            if h.trig.frame.is_noun()
                && let Some(&p) = kept.last()
                && !hits[p].trig.frame.is_noun()
                && hits[p].trig.kind == h.trig.kind
                && !(hits[p].end..h.start).any(|k| {
                    self.lex.is_aux(self.doc, k)
                        || matches!(self.doc.norm(k), ":" | ";")
                        // `ha venduto X a Vitol, e sta trattando la cessione di Y`: a new clause.
                        || (self.doc.norm(k) == "," && matches!(self.doc.norm(k + 1), "e" | "ma" | "mentre"))
                })
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
                        || matches!(self.doc.norm(k), ":" | ";" | "che")
                        || self.cover[k].is_some_and(|x| self.items[x].role_noun)
                })
            {
                continue;
            }
            kept.push(i);
        }
        kept
    }

    /// An investment whose first `in` complement is neither a company nor a stake (`investimenti
    /// negli Stati Uniti`, `investire in infrastrutture`).
    pub(super) fn capex(&self, h: Hit<'_>, end: usize) -> bool {
        if h.trig.kind != EventType::Investment {
            return false;
        }
        let doc = self.doc;
        let in_money = |k: usize| self.money_toks.iter().any(|&(s, e)| s <= k && k < e);
        for k in h.end..(h.end + 8).min(end) {
            if in_money(k) {
                continue;
            }
            if self.cover[k].is_some() || matches!(doc.norm(k), "," | ";" | ":" | "che") {
                return false;
            }
            if self.lex.prep_of(doc, k) == Some(Prep::In) {
                let mut j = k + 1;
                while j < end && is_determiner(doc.norm(j)) {
                    j += 1;
                }
                return j < end
                    && self.cover[j].is_none()
                    && !self.lex.role_nouns.contains_key(doc.norm(j))
                    && !self.lex.is_stake(doc, j, end)
                    && !in_money(j);
            }
        }
        false
    }

    /// `hanno siglato ieri la nuova intesa`: a signing verb shortly before a deal noun makes
    /// even a definite noun a new deal, not a reference back.
    pub(super) fn signed_before(&self, h: Hit<'_>, floor: usize) -> bool {
        (h.start.saturating_sub(5).max(floor)..h.start).any(|k| self.lex.sign.contains(self.doc.norm(k)))
    }

    pub(super) fn clause_end(&self, from: usize, bound: usize) -> usize {
        (from..bound).find(|&k| matches!(self.doc.norm(k), ";" | "mentre")).unwrap_or(bound)
    }

    pub(super) fn stake_follows(&self, from: usize, bound: usize) -> bool {
        (from..(from + 4).min(bound)).any(|k| self.lex.is_stake(self.doc, k, bound))
    }

    pub(super) fn usable_money(&self, mi: usize) -> bool {
        let m = &self.input.money[mi];
        let (_, e) = self.money_toks[mi];
        !self.claimed[mi] && !m.vague && m.amount.is_some() && !self.lex.per_unit.starts(self.doc, e, e + 3)
    }

    /// The amount of an event: the first free one after the trigger in its clause, else the
    /// nearest before it in the clause, else (when `wide`) the first free one later in the sentence.
    pub(super) fn pick_money(
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
        // `ha venduto X per 2 miliardi, e sta trattando la cessione di Y`: a new clause's event
        // does not reach back past `, e`.
        let boundary = |from: usize| {
            (from..h.start)
                .any(|k| self.doc.norm(k) == "," && matches!(self.doc.norm(k + 1), "e" | "ma" | "mentre"))
        };
        let before = || {
            (0..n).rfind(|&mi| {
                let (s, e) = self.money_toks[mi];
                s >= clause_start && e <= h.start && self.usable_money(mi) && !boundary(e)
            })
        };
        match sent_end {
            None => after(bound),
            Some(_) => after(bound).or_else(before),
        }
    }

    pub(super) fn aggregate(&self, mi: usize, sent_start: usize) -> bool {
        let (s, _) = self.money_toks[mi];
        (0..=2)
            .any(|skip| s >= skip && self.lex.aggregate.ending_at(self.doc, sent_start, s - skip).is_some())
    }

    pub(super) fn pick_date(&self, h: Hit<'_>, range: std::ops::Range<usize>) -> Option<usize> {
        (0..self.date_toks.len())
            .filter(|&d| self.date_toks[d].0 >= range.start && self.date_toks[d].1 <= range.end)
            .min_by_key(|&d| {
                let (s, e) = self.date_toks[d];
                if e <= h.start { h.start - e } else { s.saturating_sub(h.end) }
            })
    }

    pub(super) fn status(
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
        // `guiderà un round`: a noun takes the tense of its verb.
        let future_verb = h.trig.frame.is_noun()
            && (h.start.saturating_sub(4).max(range.start)..h.start).any(|k| is_future(doc.norm(k)));
        let tense = if is_future(w) || future_verb {
            Some(Status::Planned)
        } else if pluperfect || (passive && !active && k == h.start && h.trig.kind != EventType::Valuation) {
            // `aveva esordito`; `la rivale, pagata 2 miliardi`, `il chip, svelato l'anno scorso`.
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
                // A stated value has no status of its own unless a cue gives one.
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
            let dist =
                if matches!(s, Status::Talks | Status::Rumored) && dist <= 8 { dist.min(2) } else { dist };
            if best.is_none_or(|(d, r, _)| (dist, rank(s)) < (d, r)) {
                best = Some((dist, rank(s), s));
            }
        };
        let distance = |a: usize, b: usize| if b <= h.start { h.start - b } else { a.saturating_sub(h.end) };
        for k in range.clone() {
            if (h.start..h.end).contains(&k) {
                // `messo sul tavolo 5 miliardi`: the trigger's own words are not a cue.
                continue;
            }
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

    pub(super) fn hedged(&self, range: std::ops::Range<usize>) -> bool {
        range
            .clone()
            .any(|k| self.lex.hedge.starts(self.doc, k, range.end) || is_conditional(self.doc.norm(k)))
    }

    /// A ranking of rounds after a funding report: `guida la biotech X con 122 milioni, seguita da Y
    /// con 83,5 milioni`: each `company con amount` is a round of that company.
    pub(super) fn funding_list(&mut self, si: usize, range: std::ops::Range<usize>) -> Vec<Draft<'a>> {
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
                deal_value: false,
                given: false,
                open_target: false,
            });
        }
        out
    }

    /// `L'operazione vale 1,7 miliardi`: an amount in a sentence that only refers back to the
    /// previous event gives that event its amount.
    pub(super) fn anaphora(&mut self, si: usize, range: std::ops::Range<usize>, drafts: &mut [Draft<'a>]) {
        let doc = self.doc;
        // Only a recent event without an amount can take one (checked first: it is cheap).
        let open = |d: &Draft<'_>| {
            d.sent < si
                && si - d.sent <= 2
                && d.money.is_none()
                && matches!(
                    d.kind,
                    EventType::Investment
                        | EventType::Acquisition
                        | EventType::Contract
                        | EventType::FundingRound
                )
        };
        if !drafts.iter().any(open) {
            return;
        }
        if !range.clone().any(|k| self.cover[k].is_none() && self.lex.anaphor.contains(doc.norm(k))) {
            return;
        }
        // `il prezzo delle azioni è salito a 230 dollari`: a price is no deal's value.
        let deal_sized = |mi: usize| {
            self.input.money[mi].amount.is_some_and(|a| a >= rust_decimal::Decimal::from(100_000u32))
        };
        let Some(mi) = (0..self.money_toks.len()).find(|&mi| {
            let (s, e) = self.money_toks[mi];
            s >= range.start
                && e <= range.end
                && self.usable_money(mi)
                && deal_sized(mi)
                && !self.aggregate(mi, range.start)
        }) else {
            return;
        };
        // When this sentence reports an event of its own, its amounts are its own.
        let own: Vec<EventType> = drafts.iter().filter(|d| d.sent == si).map(|d| d.kind).collect();
        let Some(d) = drafts.iter_mut().rev().find(|d| !own.contains(&d.kind) && open(d)) else {
            return;
        };
        d.money = Some(mi);
        self.claimed[mi] = true;
    }

    /// `L'operazione è stata guidata da X`: a lead named in a sentence that refers back to the
    /// round just reported becomes that round's agent.
    pub(super) fn lead_anaphora(&self, si: usize, range: std::ops::Range<usize>, drafts: &mut [Draft<'a>]) {
        let doc = self.doc;
        if drafts.iter().any(|d| d.sent == si && d.kind == EventType::FundingRound) {
            return;
        }
        // Only a round of the previous sentence without a lead can take one (checked first).
        let open = |d: &Draft<'_>| {
            d.kind == EventType::FundingRound && d.sent < si && si - d.sent <= 1 && d.agent.is_none()
        };
        if !drafts.iter().any(open) {
            return;
        }
        let Some(p) = range.clone().find(|&k| {
            let w = doc.norm(k);
            self.cover[k].is_none()
                && (w.starts_with("guidat") || w.starts_with("capitanat") || w.starts_with("promoss"))
        }) else {
            return;
        };
        if !(range.start..p).any(|k| self.cover[k].is_none() && self.lex.anaphor.contains(doc.norm(k))) {
            return;
        }
        let Some(lead) = self.items_in(p + 1, (p + 4).min(range.end)).find(|&x| {
            let it = &self.items[x];
            it.is_company() && it.gov == Some(Prep::Da)
        }) else {
            return;
        };
        let Some(r) = self.items[lead].best(&[]) else { return };
        if let Some(d) = drafts.iter_mut().rev().find(|d| open(d) && d.target.is_some_and(|t| t.id != r.id)) {
            d.agent = Some(r);
        }
    }

    // ---------------------------------------------------------------- merge

    pub(super) fn merge(&self, drafts: Vec<Draft<'a>>) -> Vec<Event> {
        let mut events: Vec<Event> = Vec::new();
        let mut keys: Vec<(EventType, Option<&str>, Option<&str>)> = Vec::new();
        let ok = |d: &Draft<'_>| {
            let Some(t) = d.target else { return d.open_target && d.agent.is_some() };
            if d.agent.is_some_and(|a| a.id == t.id || a.name == t.name) {
                return false;
            }
            match d.kind {
                EventType::FundingRound | EventType::Valuation => d.money.is_some(),
                // A state customer (`con il ministero`) leaves the agent null.
                EventType::Contract => d.agent.is_some() || d.oriented,
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
        // `ha completato un round da 2 miliardi ... guidato da X` told twice, once without its
        // lead: the same round. (Two investors putting the same amount are two investments.)
        let amount_of = |d: &Draft<'_>| d.money.and_then(|m| self.input.money[m].amount);
        let led: Vec<(EventType, &str, rust_decimal::Decimal)> = drafts
            .iter()
            .filter(|d| ok(d) && d.agent.is_some() && d.kind != EventType::Investment)
            .filter_map(|d| Some((d.kind, d.target?.id, amount_of(d)?)))
            .collect();
        let folded = |d: &Draft<'_>| {
            d.agent.is_none()
                && d.target.zip(amount_of(d)).is_some_and(|(t, a)| led.contains(&(d.kind, t.id, a)))
        };
        // Drafts with an amount first, so amountless repeats fold into them.
        let mut order: Vec<&Draft<'a>> = drafts.iter().filter(|d| ok(d) && !folded(d)).collect();
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

    pub(super) fn event(&self, d: &Draft<'a>) -> Event {
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
