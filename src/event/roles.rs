//! Role filling: the subject, voice and complements around a trigger, per event type.

use super::EventType;
use super::assemble::{
    ARTICLES, Ctx, Draft, Drafts, Few, Hit, Item, Kind, Ref, Subject, is_determiner, is_future, is_nonfinite,
    is_participle,
};
use super::cues::{Frame, Prep};
use smallvec::smallvec;

impl<'a, 'l> Ctx<'_, 'a, 'l> {
    // ---------------------------------------------------------------- syntax helpers

    pub(super) fn passive(&self, h: Hit<'_>, sent_start: usize) -> bool {
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

    pub(super) fn nonfinite(&self, h: Hit<'_>) -> bool {
        let w = self.doc.norm(h.start);
        is_nonfinite(w)
            || (h.start > 0 && matches!(self.doc.norm(h.start - 1), "avere" | "aver" | "essere" | "esser"))
    }

    /// The subject before the trigger and where its clause starts.
    pub(super) fn subject(&self, h: Hit<'_>, sent_start: usize) -> (Subject, usize) {
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
        // Past `, e` the subject is the one the two clauses share, not a relative's antecedent.
        let mut crossed_and = false;
        let mut j = k;
        while j > sent_start {
            let t = j - 1;
            if let Some(x) = self.cover[t] {
                let it = &self.items[x];
                let after_che = !crossed_and && che.is_some_and(|c| c <= it.end + 1);
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
            // `le startup europee hanno raccolto`, `la startup milanese Quadra ha raccolto`: a
            // role noun left unresolved (generic, or naming a company we do not know) is the subject.
            if self.lex.role_nouns.contains_key(w)
                && t > sent_start
                && self.lex.definite.contains(doc.norm(t - 1))
            {
                return (Subject::Other, t - 1);
            }
            // `la bolognese Quadra è stata sostenuta`: a name we do not know, introduced by an article,
            // is the subject all the same.
            if doc.tokens()[t].flags.contains(crate::token::TokenFlags::CAPITALIZED)
                && doc.tokens()[t].kind == crate::token::TokenKind::Word
                && !self.lex.not_name.contains(w)
                && (t.saturating_sub(2).max(sent_start)..t).any(|k| ARTICLES.contains(&doc.norm(k)))
                && !self.lex.government.starts(doc, t, k)
            {
                return (Subject::Other, t);
            }
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
            if w == "e" && t > sent_start && doc.norm(t - 1) == "," {
                crossed_and = true;
            }
            match w {
                "che" if crossed_and => {}
                "che" => {
                    che = Some(t);
                    // `Nvidia ha annunciato che investirà`: past a complementizer, the subject is
                    // that of the verb of saying.
                    if t > sent_start && self.cover[t - 1].is_none() && doc.norm(t - 1) != "," {
                        aux_groups += 1;
                    }
                }
                ";" | ":" | "mentre" | "ma" => return (Subject::None, j),
                // `OpenAI, di cui Microsoft detiene il 27%, vale`: a parenthetical relative clause
                // is skipped whole.
                "," if !in_aux => {
                    if let Some(open) = (sent_start..t).rev().find(|&c| doc.norm(c) == ",")
                        && (open + 1..(open + 4).min(t))
                            .any(|c| matches!(doc.norm(c), "cui" | "quale" | "quali"))
                        && (open + 1..t).all(|c| !matches!(doc.norm(c), ";" | ":"))
                    {
                        j = open;
                        continue;
                    }
                }
                _ if !cross && aux => return (Subject::None, j),
                _ => {}
            }
            j -= 1;
        }
        (Subject::None, sent_start)
    }

    /// True when both chip items are made by the same company group (per the gazetteer).
    fn same_maker(&self, a: usize, b: usize) -> bool {
        let maker = |x: usize| {
            let chip = self.items[x].cands.first()?;
            let (id, _) = self.input.relations.maker_of(chip.id)?;
            Some(self.input.relations.group_of(id).unwrap_or(id))
        };
        matches!((maker(a), maker(b)), (Some(m), Some(n)) if m == n)
    }

    pub(super) fn items_in(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.items.partition_point(|it| it.start < from);
        (first..self.items.len()).take_while(move |&x| self.items[x].start < to)
    }

    pub(super) fn stake_before(&self, it: &Item<'_>, floor: usize) -> bool {
        (it.start.saturating_sub(4).max(floor)..it.start).any(|k| self.lex.is_stake(self.doc, k, it.start))
    }

    /// Items chained to `x` by `,`/`e` (and a preposition or article): `Nvidia, AMD e Broadcom`.
    pub(super) fn coordinated_after(&self, x: usize, bound: usize) -> Few<usize> {
        let mut out = smallvec![x];
        let mut cur = x;
        while let Some(next) = self.items_in(self.items[cur].end, bound).next() {
            let gap = self.items[cur].end..self.items[next].start;
            let ok = gap.len() <= 3
                && gap.clone().any(|k| matches!(self.doc.norm(k), "e" | ","))
                && gap.clone().all(|k| {
                    let w = self.doc.norm(k);
                    matches!(w, "e" | ",")
                        || ARTICLES.contains(&w)
                        || self.lex.prep_of(self.doc, k).is_some_and(|p| Some(p) == self.items[x].gov)
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

    pub(super) fn coordinated_before(&self, x: usize, floor: usize) -> Few<usize> {
        let chain = self.chain_before(x, floor);
        // A list needs its `e`: `Nvidia, SoftBank e Intel`; a bare comma is an apposition.
        let has_and = chain
            .windows(2)
            .any(|w| (self.items[w[1]].end..self.items[w[0]].start).any(|k| self.doc.norm(k) == "e"));
        if has_and { chain } else { smallvec![x] }
    }

    pub(super) fn chain_before(&self, x: usize, floor: usize) -> Few<usize> {
        let mut out = smallvec![x];
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

    pub(super) fn first_company_after(
        &self,
        from: usize,
        to: usize,
        pred: impl Fn(&Item<'_>) -> bool,
    ) -> Option<usize> {
        self.items_in(from, to).find(|&x| self.items[x].is_company() && pred(&self.items[x]))
    }

    /// `di X` right after the trigger (`l'investimento di Amazon`), allowing a stake in between.
    pub(super) fn di_after(&self, from: usize, to: usize, span: usize) -> Option<usize> {
        self.first_company_after(from, to.min(from + span), |it| it.gov == Some(Prep::Di))
    }

    /// `acquistare servizi cloud`, `compra nuovi chip`: the token after a goods noun that is the
    /// verb's object, if the object is one.
    pub(super) fn goods_object(&self, from: usize, bound: usize) -> Option<usize> {
        let doc = self.doc;
        let mut k = from;
        while k < bound.min(from + 8) {
            let w = doc.norm(k);
            if let Some(x) = self.cover[k] {
                let it = &self.items[x];
                match it.kind {
                    // `compra 50.000 Gpu H100`: chips are goods.
                    Kind::Chip => return Some(it.end),
                    // `compra Ampere`: the object is a company; `da Amd` names the seller.
                    Kind::Company if it.gov.is_none() => return None,
                    _ => {}
                }
                k = it.end;
                continue;
            }
            if self.lex.goods.contains(w) {
                return Some(k + 1);
            }
            let skip = is_determiner(w)
                || matches!(w, "altri" | "altre" | "nuovi" | "nuove" | "ulteriori")
                || self.lex.prep_of(doc, k).is_some()
                || doc.tokens()[k].kind == crate::token::TokenKind::Number;
            if !skip {
                return None;
            }
            k += 1;
        }
        None
    }

    pub(super) fn con_party(&self, from: usize, to: usize) -> Option<usize> {
        self.items_in(from, to).find(|&x| self.items[x].is_company() && self.items[x].gov == Some(Prep::Con))
    }

    // ---------------------------------------------------------------- roles

    pub(super) fn fill(
        &mut self,
        si: usize,
        range: std::ops::Range<usize>,
        h: Hit<'l>,
        bound: usize,
    ) -> Drafts<'a> {
        let doc = self.doc;
        let t = h.trig;
        // `aveva tentato di acquistare X`: a deal that did not happen.
        if self.lex.failed.ending_at(doc, range.start, h.start).is_some() {
            return Drafts::new();
        }
        // `ha partecipato al round di xAI con 2 miliardi`: the round noun is its complement, not a
        // new clause.
        let bound =
            if doc.norm(h.start).starts_with("partecip") { self.clause_end(h.end, range.end) } else { bound };
        let (subj, clause_start) = self.subject(h, range.start);
        let subj_item = match subj {
            Subject::Item(x) => Some(x),
            _ => None,
        };
        let mut government = matches!(subj, Subject::Government(_))
            || (h.end < range.end && matches!(doc.norm(h.end), "pubblico" | "pubblica" | "pubblici"));
        let passive = self.passive(h, range.start);
        let after = |p: &dyn Fn(&Item<'_>) -> bool| self.first_company_after(h.end, bound, p);
        let da_after = self.first_company_after(h.end, range.end, |it| it.gov == Some(Prep::Da));
        let mut agents: Few<usize> = Few::new();
        let mut targets: Few<usize> = Few::new();
        let mut salient_target = false;
        let mut salient_agent = false;
        let mut chips: Few<usize> = Few::new();
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
        let mut kind = t.kind;
        let mut deal_value = false;
        let mut seller: Option<usize> = None;
        let mut open_target = false;

        match t.kind {
            EventType::Investment => match t.frame {
                Frame::Receive => {
                    targets.extend(subj_item);
                    agents.extend(da_after);
                    // `ha ottenuto dal governo 7,9 miliardi`: a state gives; the agent stays null.
                    let state = (h.end..bound.min(h.end + 3)).any(|k| {
                        self.lex.prep_of(doc, k) == Some(Prep::Da)
                            && self.lex.government.starts(doc, k + 1, bound)
                    });
                    if agents.is_empty() && !state {
                        return Drafts::new();
                    }
                    government |= state;
                }
                Frame::Verb if passive => {
                    targets.extend(subj_item);
                    agents.extend(da_after);
                }
                Frame::Verb | Frame::Intransitive | Frame::Sell => {
                    // `partecipa al round di xAI`: the company whose round it is.
                    let socio = matches!(doc.norm(h.end - 1), "socio" | "azionista")
                        || doc.norm(h.start).starts_with("partecip");
                    let floor = h.end;
                    if let Some(x) = after(&|it| {
                        matches!(it.gov, Some(Prep::In | Prep::Su | Prep::Per))
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
                    // `intende investire 3 miliardi nei prossimi anni`: a spending plan without a
                    // destination names no company.
                    let plan = is_future(doc.norm(h.start)) || is_nonfinite(doc.norm(h.start));
                    salient_target = targets.is_empty()
                        && ((t.salient && !elsewhere && !plan) || self.stake_follows(h.end, bound));
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
                        agents = smallvec![c];
                        targets = smallvec![s];
                        complement = true;
                    }
                    if targets.is_empty() && !agents.is_empty() && self.stake_follows(h.end, bound) {
                        salient_target = true;
                        complement = true;
                    }
                    // `l'investimento di G42`: a definite investment by a named investor, with no
                    // destination, is one in the company the article is about.
                    if targets.is_empty() && di.is_some() && definite && !self.capex(h, bound) {
                        salient_target = true;
                    }
                }
            },
            EventType::Acquisition => match t.frame {
                Frame::Sell | Frame::SellNoun => {
                    // `Eni cede il 20% di Plenitude ad Ares`, `un 15% è stato venduto ai tedeschi di X`,
                    // `la cessione di Altera a Silver Lake`.
                    let noun = t.frame == Frame::SellNoun;
                    let window = bound.min(h.end + 9);
                    let buyer = self
                        .first_company_after(h.end, window, |it| it.gov == Some(Prep::A))
                        .or_else(|| {
                            (!noun)
                                .then(|| {
                                    self.first_company_after(h.end, window, |it| {
                                        it.gov == Some(Prep::Di) && !self.stake_before(it, h.end)
                                    })
                                })
                                .flatten()
                        })
                        // `Enel negozia con KKR la vendita di X`: the seller's
                        // counterpart is the buyer.
                        .or_else(|| {
                            self.con_party(clause_start, h.start)
                                .filter(|&c| Some(c) != subj_item && !self.items[c].role_noun)
                        });
                    agents.extend(buyer);
                    let floor = h.end;
                    let sold = if noun {
                        complement = true;
                        // `la vendita di un pacchetto di minoranza di X`.
                        self.di_after(h.end, bound, 4).or_else(|| {
                            self.first_company_after(h.end, bound.min(h.end + 9), |it| {
                                it.gov == Some(Prep::Di) && self.stake_before(it, floor)
                            })
                        })
                    } else {
                        self.first_company_after(h.end, bound, |it| {
                            (it.gov.is_none() && it.start <= floor + 3)
                                || (matches!(it.gov, Some(Prep::Di | Prep::In))
                                    && self.stake_before(it, floor))
                        })
                    };
                    targets.extend(sold.filter(|x| Some(*x) != buyer));
                    // `Cinzano è stato ceduto a X`, `Ampere, poi finita a SoftBank`: the subject is sold.
                    let bare_participle = !noun
                        && is_participle(doc.norm(h.start))
                        && !(range.start..h.start)
                            .rev()
                            .take_while(|&k| self.lex.is_aux(doc, k) || self.lex.adverb.contains(doc.norm(k)))
                            .any(|k| self.lex.aux_active.contains(doc.norm(k)));
                    if targets.is_empty() && (passive || bare_participle) {
                        targets.extend(subj_item);
                    } else if !noun {
                        // The seller is never what it sells.
                        seller = subj_item;
                    }
                    // `ha venduto a X il 30% di alcuni parchi eolici`: an unnamed asset sold to a named
                    // buyer; the buyer acquires, the target stays null.
                    open_target = targets.is_empty()
                        && !noun
                        && !passive
                        && !bare_participle
                        && self.stake_follows(h.end, bound)
                        && !self.items_in(h.end, bound).any(|x| {
                            self.items[x].is_company()
                                && Some(x) != buyer
                                && self.items[x].gov == Some(Prep::Di)
                        });
                    salient_target = targets.is_empty() && !open_target;
                    // `vende Sparkle al Tesoro`: a state buys; the agent stays null.
                    let state = (h.end..bound.min(h.end + 9)).any(|k| {
                        self.lex.prep_of(doc, k) == Some(Prep::A)
                            && self.lex.government.starts(doc, k + 1, bound)
                    });
                    if agents.is_empty() && !state {
                        return Drafts::new();
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
                Frame::Verb if self.goods_object(h.end, bound).is_some() => {
                    // `acquisterà servizi cloud da Microsoft`, `compra chip da Nvidia`: buying goods or
                    // services is a supply contract; the buyer is the customer, the seller the supplier.
                    // `userà i fondi per comprare chip`: a purpose is not yet a deal.
                    if h.start > range.start
                        && self.lex.purpose.ending_at(doc, range.start, h.start).is_some()
                    {
                        return Drafts::new();
                    }
                    let seller = self.first_company_after(h.end, bound, |it| {
                        matches!(it.gov, None | Some(Prep::Da | Prep::Su | Prep::Di | Prep::Con))
                    });
                    let (Some(x), Some(s)) = (subj_item, seller) else { return Drafts::new() };
                    agents.push(x);
                    // `compra lanci da Arianespace, Blue Origin e SpaceX`: one supply deal each.
                    targets = self.coordinated_after(s, bound);
                    kind = EventType::Contract;
                    oriented = true;
                }
                Frame::Verb | Frame::Intransitive | Frame::Receive => {
                    let floor = h.end;
                    let near = h.end + 4;
                    // `mette le mani su X`; but `acquisterà capacità su Azure` buys no company.
                    let su_ok = self.lex.prep_of(doc, h.end - 1) == Some(Prep::Su);
                    // `sale in Generali`, `porta la quota in X al 9%`: a stake raised in a company.
                    let stake_in = t.frame == Frame::Intransitive;
                    if let Some(x) = after(&|it| {
                        (it.gov.is_none() && it.start <= near)
                            || (stake_in && it.gov == Some(Prep::In) && it.start <= near)
                            || (su_ok && it.gov == Some(Prep::Su))
                            || (matches!(it.gov, Some(Prep::Di | Prep::In)) && self.stake_before(it, floor))
                    }) {
                        targets = self.coordinated_after(x, bound);
                    }
                    if targets.is_empty() {
                        targets.extend(self.con_party(range.start, h.start));
                    }
                    // `rilevare da Leonardo la divisione X`: an unnamed unit stands for its seller.
                    if targets.is_empty() && self.stake_follows(h.end, bound.min(h.end + 6)) {
                        targets.extend(
                            self.first_company_after(h.end, bound.min(h.end + 4), |it| {
                                it.gov == Some(Prep::Da)
                            }),
                        );
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
                    // `Generali potrebbe essere oggetto di un'offerta da parte di UniCredit`.
                    let parte = self.items_in(h.end, bound).find(|&x| {
                        let s = self.items[x].start;
                        s >= 2 && doc.norm(s - 2) == "parte" && self.items[x].is_company()
                    });
                    if let Some(p) = parte {
                        agents = smallvec![p];
                        complement = true;
                        if targets.is_empty() {
                            targets.extend(subj_item.filter(|&x| x != p));
                        }
                    }
                }
            },
            EventType::FundingRound => {
                // `ha raccolto 2 miliardi con un bond`: debt is not a funding round, unless
                // equity comes with it (`tra nuove azioni e prestiti convertibili`).
                let words = || (clause_start..bound).map(|k| doc.norm(k));
                let equity = words().any(|w| matches!(w, "azioni" | "capitale" | "equity"));
                if !equity && words().any(|w| self.lex.debt.contains(w)) {
                    return Drafts::new();
                }
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
                // `SoftBank guiderà un round da 40 miliardi in OpenAI`: the raiser is `in X`, the
                // subject leads.
                let raiser = t
                    .frame
                    .is_noun()
                    .then(|| self.first_company_after(h.end, bound, |it| it.gov == Some(Prep::In)))
                    .flatten();
                let lead = lead.or(raiser.and(subj_item));
                let subj_item = if raiser.is_some() { raiser } else { subj_item };
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
                // Without a company in the clause, only `un aumento di capitale da 2 miliardi`.
                salient_target = targets.is_empty()
                    && subj != Subject::Other
                    && self.money_toks.iter().any(|&(s, _)| s >= h.end && s <= h.end + 6);
                complement |= !definite;
            }
            EventType::Contract => {
                // `con il ministero della Difesa`, `dal governo`: a state is the customer (agent null).
                let state_party = (clause_start..bound).any(|k| {
                    matches!(self.lex.prep_of(doc, k), Some(Prep::Con | Prep::Da))
                        && [k + 1, k + 2].iter().any(|&g| {
                            (g == k + 1 || ARTICLES.contains(&doc.norm(k + 1)))
                                && self.lex.government.starts(doc, g, bound)
                        })
                });
                // `Samsung si aggiudica una commessa da Tesla`, `X e Y incassano un contratto`: the
                // subject wins the order and supplies; the customer gives it.
                let won = t.frame.is_noun()
                    && (h.start.saturating_sub(5).max(clause_start)..h.start)
                        .any(|k| self.lex.won.contains(doc.norm(k)));
                let da_customer = self.first_company_after(h.end, bound, |it| it.gov == Some(Prep::Da));
                // `OpenAI ha scelto Broadcom come fornitore`: the chooser buys; `Arm ha individuato in
                // Meta il primo cliente`: the chosen one buys.
                let choose = t.frame == Frame::Verb
                    && (doc.norm(h.start).starts_with("scel")
                        || doc.norm(h.start).starts_with("scegl")
                        || doc.norm(h.start).starts_with("individu"));
                if choose {
                    let role = (h.end..bound).find(|&k| {
                        matches!(
                            doc.norm(k),
                            "fornitore" | "fornitrice" | "fornitori" | "partner" | "cliente" | "clienti"
                        )
                    });
                    let object = self.first_company_after(h.end, role.unwrap_or(bound), |it| {
                        matches!(it.gov, None | Some(Prep::In))
                    });
                    let (Some(x), Some(o), Some(r)) = (subj_item, object, role) else { return Drafts::new() };
                    if doc.norm(r).starts_with("client") {
                        agents.push(o);
                        targets.push(x);
                    } else {
                        agents.push(x);
                        targets.push(o);
                    }
                    oriented = !matches!(doc.norm(r), "partner");
                    complement = true;
                } else if won || (state_party && self.con_party(clause_start, bound).is_none()) {
                    let Some(x) = subj_item else { return Drafts::new() };
                    match (won, da_customer) {
                        (true, Some(c)) => agents.push(c),
                        _ if state_party => null_agent = true,
                        _ => return Drafts::new(),
                    }
                    targets = self.coordinated_before(x, range.start);
                    oriented = true;
                    complement = true;
                }
                let tra =
                    self.first_company_after(h.end, bound.min(h.end + 4), |it| it.gov == Some(Prep::Tra));
                let customer = (range.start..range.end).find_map(|k| {
                    if !self.lex.customer.contains(doc.norm(k)) {
                        return None;
                    }
                    self.first_company_after(k + 1, (k + 4).min(range.end), |it| it.gov == Some(Prep::A))
                });
                if let Some(a) = tra.filter(|_| agents.is_empty()) {
                    let pair = self.coordinated_after(a, bound);
                    if pair.len() >= 2 {
                        agents.push(pair[0]);
                        targets.push(pair[1]);
                        complement = true;
                    }
                }
                if agents.is_empty() && !null_agent {
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
                    // `per produrre`, `per fornire`: the subject is the supplier.
                    let supplies = customer.is_none()
                        && (h.end..bound)
                            .any(|k| doc.norm(k) == "per" && self.lex.supplier.contains(doc.norm(k + 1)));
                    match (customer, other, main) {
                        (Some(c), Some(o), _) if c != o => {
                            agents.push(c);
                            targets.push(o);
                        }
                        (Some(c), _, Some(m)) if c != m => {
                            agents.push(c);
                            targets.push(m);
                        }
                        (_, Some(o), Some(m)) if supplies && pair.len() < 2 => {
                            // `Samsung ha firmato con Tesla un contratto per produrre chip`: the
                            // subject supplies, the other party buys.
                            agents.push(o);
                            targets.push(m);
                        }
                        (_, Some(o), Some(m)) => {
                            agents.push(m);
                            // `un'intesa con Dell e Nokia`: one deal with each party.
                            if self.items[o].gov == Some(Prep::Con) && o > m {
                                targets = self.coordinated_after(o, bound);
                            } else {
                                targets.push(o);
                            }
                        }
                        _ => return Drafts::new(),
                    }
                    oriented = customer.is_some() || affida || (supplies && pair.len() < 2);
                    complement |= affida || customer.is_some();
                }
            }
            EventType::ChipLaunch => {
                let mut after_chips =
                    self.items_in(h.end, bound).filter(|&x| self.items[x].kind == Kind::Chip);
                if let Some(first) = after_chips.next() {
                    chips.push(first);
                    // `presenta H200 e B200`, `la Tpu Ironwood`: chips listed with the first; not
                    // `MI400, che sfiderà le Blackwell di Nvidia`.
                    for x in after_chips {
                        let prev = chips.last().map_or(first, |&p| p);
                        let gap = self.items[prev].end..self.items[x].start;
                        // `la famiglia X, guidata dallo Y`: a family and its head model.
                        let headed = gap.len() <= 4
                            && gap.clone().all(|k| {
                                let w = doc.norm(k);
                                w == "," || is_participle(w) || self.lex.prep_of(doc, k) == Some(Prep::Da)
                            })
                            && gap.clone().any(|k| self.lex.prep_of(doc, k) == Some(Prep::Da));
                        // `la serie MI350, con i modelli MI350X e MI355X`: the models of the family.
                        let models = gap.len() <= 5
                            && gap.clone().any(|k| doc.norm(k) == "con")
                            && gap.clone().all(|k| {
                                let w = doc.norm(k);
                                matches!(
                                    w,
                                    "," | "con"
                                        | "i"
                                        | "le"
                                        | "il"
                                        | "la"
                                        | "modelli"
                                        | "modello"
                                        | "versioni"
                                        | "versione"
                                        | "varianti"
                                        | "variante"
                                )
                            });
                        let listed = gap.is_empty()
                            || headed
                            || models
                            || (gap.len() <= 3
                                && gap.clone().any(|k| matches!(doc.norm(k), "e" | ","))
                                && gap.clone().all(|k| {
                                    let w = doc.norm(k);
                                    matches!(w, "e" | "," | "la" | "il" | "i" | "le" | "gli" | "l'")
                                }));
                        if !listed {
                            // Further on in the sentence only chips of the same maker belong to
                            // the launch (`…, seguita da Ascend 960 e 970`); a rival does not
                            // (`MI400, che sfiderà le Blackwell di Nvidia`).
                            if self.items[x].gov != Some(Prep::Di) && self.same_maker(first, x) {
                                chips.push(x);
                            }
                            continue;
                        }
                        if self.items[x].gov != Some(Prep::Di) || headed {
                            chips.push(x);
                        }
                    }
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
                    return Drafts::new();
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
                    // `una valutazione dei danni di 2 miliardi` values something else.
                    let of_other = h.end + 1 < range.end
                        && self.lex.prep_of(doc, h.end) == Some(Prep::Di)
                        && self.cover[h.end + 1].is_none()
                        && !self.money_toks.iter().any(|&(s, _)| s == h.end + 1)
                        && !self.lex.role_nouns.contains_key(doc.norm(h.end + 1));
                    salient_target = targets.is_empty() && t.salient && !of_other;
                } else if (doc.norm(h.start).starts_with("valut")
                    || doc.norm(h.start).starts_with("valorizz"))
                    && !passive
                {
                    // `un round che la valuta 20 miliardi`, `gli analisti valutano Nvidia 5.000 miliardi`:
                    // the object is valued.
                    let object = self.first_company_after(h.end, bound.min(h.end + 3), |it| it.gov.is_none());
                    // `un round in OpenAI che valuterà la società 300 miliardi`: the round's company.
                    let funded =
                        self.recent_targets.iter().any(|(k, s, _)| *k == EventType::FundingRound && *s == si);
                    let guess = object.is_none_or(|x| self.items[x].role_noun);
                    // `un'operazione che valuta la società 9 miliardi`: after an acquisition, the value
                    // of the company bought is the deal's price.
                    let relative = (h.start.saturating_sub(3).max(range.start)..h.start)
                        .any(|k| matches!(doc.norm(k), "che" | "cui"));
                    let object_ref = object.and_then(|x| self.items[x].best(&[]));
                    deal_value = self.recent_targets.iter().any(|(k, s, r)| {
                        *k == EventType::Acquisition
                            && si - s <= 2
                            && (relative || guess || object_ref.is_some_and(|o| o.id == r.id))
                    });
                    if !(funded && guess) {
                        targets.extend(object);
                        salient_target = targets.is_empty();
                    }
                } else {
                    targets.extend(subj_item);
                }
                complement = true;
            }
            EventType::Restructuring => {
                // `Eni ha completato lo scorporo di Plenitude`: the subject reorganises.
                let di = self.di_after(h.end, bound, 3);
                targets.extend(subj_item.or(di));
                // `la ristrutturazione dello stadio` is not the company's; `del gruppo`, `delle
                // attività`, `del debito` are.
                let of_other = h.end + 1 < range.end
                    && self.lex.prep_of(doc, h.end) == Some(Prep::Di)
                    && self.cover[h.end + 1].is_none()
                    && !self.lex.role_nouns.contains_key(doc.norm(h.end + 1))
                    && !self.lex.is_stake(doc, h.end + 1, range.end)
                    && !matches!(
                        doc.norm(h.end + 1),
                        "debito"
                            | "rete"
                            | "struttura"
                            | "organizzazione"
                            | "portafoglio"
                            | "perimetro"
                            | "personale"
                    );
                salient_target = targets.is_empty() && !of_other && t.salient;
                complement = true;
            }
        }

        // `Ad acquistare Ampere sarà SoftBank`, `A investire in Anthropic è stata Amazon`: the cleft's
        // subject follows the copula.
        if agents.is_empty()
            && !t.frame.is_noun()
            && h.start > range.start
            && matches!(doc.norm(h.start - 1), "a" | "ad")
            && (h.start - 1 == range.start || doc.norm(h.start - 2) == ",")
        {
            let copula = |k: usize| {
                matches!(doc.norm(k), "è" | "sarà" | "sono" | "saranno" | "fu" | "stata" | "stato")
            };
            agents.extend(self.first_company_after(h.end, range.end, |it| {
                it.gov.is_none()
                    && it.start > 0
                    && copula(it.start - 1)
                    && !targets.iter().any(|&x| self.items[x].start == it.start)
            }));
        }

        if t.frame.is_noun() && definite && !complement && !self.signed_before(h, range.start) {
            // `l'operazione`, `l'accordo`: a reference to an event already reported.
            return Drafts::new();
        }

        // Amount.
        let money = match t.kind {
            EventType::ChipLaunch | EventType::Restructuring => None,
            EventType::Valuation => {
                // `il titolo vale 8 euro` is a share price: a company is worth millions at least.
                let m = if t.money_before {
                    (0..self.money_toks.len())
                        .find(|&mi| self.money_toks[mi].1 == h.start && self.usable_money(mi))
                } else {
                    self.pick_money(h, clause_start, bound.min(h.end + 8), None)
                };
                let m = m.filter(|&mi| {
                    self.input.money[mi]
                        .amount
                        .is_some_and(|a| a >= rust_decimal::Decimal::from(1_000_000u32))
                });
                if m.is_none() {
                    return Drafts::new();
                }
                m
            }
            _ => {
                // `quello da 300 miliardi che la società ha firmato con OpenAI`: the antecedent of
                // the relative clause carries the amount.
                let che = (range.start..h.start)
                    .rev()
                    .take_while(|&k| !matches!(doc.norm(k), "," | ":" | ";"))
                    .find(|&k| doc.norm(k) == "che");
                let floor = che.map_or(clause_start, |c| {
                    (range.start..c)
                        .rev()
                        .find(|&k| matches!(doc.norm(k), "," | ":" | ";"))
                        .map_or(range.start, |k| k + 1)
                        .min(clause_start)
                });
                // `ha partecipato al round da 6 miliardi con 2 miliardi`: its own share.
                let share = (doc.norm(h.start).starts_with("partecip"))
                    .then(|| {
                        (0..self.money_toks.len()).find(|&mi| {
                            let s = self.money_toks[mi].0;
                            s > h.end && s < bound && doc.norm(s - 1) == "con" && self.usable_money(mi)
                        })
                    })
                    .flatten();
                let m = share.or_else(|| self.pick_money(h, floor, bound, Some(range.end)));
                if let Some(mi) = m
                    && self.aggregate(mi, range.start)
                {
                    if matches!(t.kind, EventType::FundingRound | EventType::Investment) {
                        return Drafts::new();
                    }
                    None
                } else {
                    m
                }
            }
        };
        if t.kind == EventType::Investment && agents.is_empty() && !government {
            return Drafts::new();
        }

        // Resolve items to referents, keeping agent and target apart.
        let mut agent_refs: Few<Option<Ref<'a>>> = if agents.is_empty() {
            smallvec![None]
        } else {
            agents.iter().map(|&x| self.items[x].best(&[])).collect()
        };
        if null_agent && !agents.is_empty() {
            agent_refs.push(None);
        }
        let all_agents: Few<&str> = agent_refs.iter().flatten().map(|r| r.id).collect();
        // `l'acquisizione dell'operatore`: a definite event noun whose target is only a guess (a role
        // noun, the topic) and with no agent of its own restates an event already told.
        let guessed_target = targets.is_empty() || targets.iter().all(|&x| self.items[x].role_noun);
        let given = |agent: Option<Ref<'a>>, _target: Option<Ref<'a>>| {
            t.frame.is_noun() && definite && agent.is_none() && guessed_target && chips.is_empty()
        };
        let mut out = Drafts::new();
        let hedged = self.hedged(clause_start..bound.max(h.end));
        // Status cues are read in the trigger's stretch of the sentence, between `;` or `:`.
        // Coordinated clauses (`, e secondo indiscrezioni ...`) keep their own cues.
        let boundary = |k: usize| {
            matches!(doc.norm(k), ";" | ":")
                || (doc.norm(k) == "," && matches!(doc.norm(k + 1), "e" | "ma" | "mentre"))
        };
        let cue_start = (range.start..h.start).rev().find(|&k| boundary(k)).map_or(range.start, |k| k + 1);
        let cue_end = (h.end..range.end).find(|&k| boundary(k)).unwrap_or(range.end);
        let status = self.status(h, cue_start..cue_end, hedged, passive);
        let date = self.pick_date(h, range.clone());
        for agent in agent_refs {
            // Neither an agent nor a unit of the agent's own group (Amazon → AWS) is its target.
            let rel = self.input.relations;
            let groups: Few<&str> = all_agents.iter().filter_map(|a| rel.group_of(a)).collect();
            // Only for guesses (role nouns, the topic): the gazetteer records today's owners, so an
            // acquired company already sits in its buyer's group.
            let seller_id = seller.and_then(|x| self.items[x].best(&[])).map(|r| r.id);
            let fits = |r: &Ref<'_>| {
                !all_agents.contains(&r.id)
                    && seller_id != Some(r.id)
                    && (matches!(t.kind, EventType::Restructuring | EventType::Acquisition)
                        || rel.group_of(r.id).is_none_or(|g| !groups.contains(&g)))
            };
            let target_refs: Few<Option<Ref<'a>>> = if !chips.is_empty() {
                chips.iter().map(|&x| self.items[x].best(&[])).collect()
            } else if !targets.is_empty() {
                targets
                    .iter()
                    .map(|&x| {
                        let it = &self.items[x];
                        // `Nvidia investirà nel gruppo di Santa Clara`: an epithet that names the agent
                        // itself is ambiguous; a company does not deal with itself, so the other
                        // salient company is meant.
                        let epithet =
                            [Some(it.start), it.start.checked_sub(1)].into_iter().flatten().any(|k| {
                                self.lex.definite.contains(doc.norm(k)) || ARTICLES.contains(&doc.norm(k))
                            });
                        if it.role_noun {
                            // `Google ha investito in Anthropic, mentre Amazon ha messo nella società`:
                            // a parallel clause keeps its target.
                            let parallel: Vec<&str> = self
                                .recent_targets
                                .iter()
                                .filter(|(k, s, _)| *k == t.kind && si - s <= 1)
                                .map(|(_, _, r)| r.id)
                                .collect();
                            it.best_by(|r| fits(r) && parallel.contains(&r.id)).or_else(|| it.best_by(fits))
                        } else {
                            it.best(&all_agents).or_else(|| {
                                epithet
                                    .then(|| self.salient(it.start, si, false).into_iter().find(|r| fits(r)))
                                    .flatten()
                            })
                        }
                    })
                    .collect()
            } else if t.inherits
                && let Some(&(_, _, r)) = self.recent_targets.iter().rev().find(|(k, s, r)| {
                    let kind =
                        *k == t.kind || (t.kind == EventType::Valuation && *k == EventType::FundingRound);
                    kind && si - s <= 1 && !all_agents.contains(&r.id)
                })
            {
                // `Amazon ha investito 4 miliardi in Anthropic, Google ha aggiunto 1 miliardo`.
                smallvec![Some(r)]
            } else if salient_target {
                // `Per Intel è il terzo socio: SoftBank aveva sottoscritto azioni`: money goes to the
                // company the sentence names before the trigger, ahead of the article's topic (one
                // named after it, `…, mentre Renault ha ridotto la quota`, is another clause's).
                let here = (t.kind == EventType::Investment)
                    .then(|| {
                        self.items_in(range.start, h.start)
                            .filter(|&x| self.items[x].is_company() && !self.items[x].role_noun)
                            .find_map(|x| self.items[x].best(&[]).filter(|r| fits(r)))
                    })
                    .flatten();
                smallvec![here.or_else(|| self.salient(h.start, si, false).into_iter().find(|r| fits(r)))]
            } else {
                smallvec![None]
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
                    let ex: Few<&str> = target.iter().map(|r| r.id).collect();
                    agent = self.salient(h.start, si, false).into_iter().find(|r| !ex.contains(&r.id));
                }
                let trigger = crate::Span::new(
                    doc.tokens()[h.start].span.start,
                    doc.tokens()[h.end.saturating_sub(1).max(h.start)].span.end,
                );
                out.push(Draft {
                    kind,
                    agent,
                    target,
                    money,
                    date,
                    status,
                    hedged,
                    sent: si,
                    oriented,
                    trigger,
                    deal_value,
                    given: given(agent, target),
                    open_target,
                });
            }
        }
        out.retain(|d| d.target.is_some() || d.deal_value || (d.open_target && d.agent.is_some()));
        self.recent_targets.extend(out.iter().filter_map(|d| d.target.map(|r| (d.kind, si, r))));
        if let Some(m) = money.filter(|_| !out.is_empty()) {
            self.claimed[m] = true;
        }
        out
    }
}
