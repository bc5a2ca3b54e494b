//! Bounded work on unbounded input: event assembly compares mentions, amounts and triggers
//! within a sentence and across the article, which costs more than linear time in the length
//! of the text. A news article is far below the limit here and is read whole; a longer text is
//! read in windows of whole sentences (which the tokenizer keeps to
//! [`MAX_SENTENCE_TOKENS`](crate::token::MAX_SENTENCE_TOKENS)), so that the time stays linear in
//! the size. Roles, coreference and merging never reach across a window.

use super::{Coreferent, Event, Input, Lexicon, assemble};
use crate::span::Span;
use crate::token::Document;
use std::ops::Range;

/// A text with more tokens than this is read in windows of whole sentences.
const WINDOW_TOKENS: usize = 5_000;

/// Runs event assembly over `doc` whole, or window by window when it is too long.
pub(super) fn run(doc: &Document, input: &Input<'_>, lex: &Lexicon) -> Vec<Event> {
    let windows = windows(doc);
    if windows.len() <= 1 {
        return assemble::run(doc, input, lex);
    }
    let tokens = doc.tokens();
    let bytes: Vec<Range<usize>> =
        windows.iter().map(|w| tokens[w.start].span.start..tokens[w.end - 1].span.end).collect();
    let entities = by_window(input.entities.iter().map(|e| e.span), &bytes);
    let epithets = by_window(input.epithets.iter().map(|e| e.span), &bytes);
    let money = by_window(input.money.iter().map(|m| m.span), &bytes);
    let dates = by_window(input.dates.iter().map(|d| d.span), &bytes);
    let mut out = Vec::new();
    for (w, range) in bytes.iter().enumerate() {
        let shift = |s: Span| Span::new(s.start - range.start, s.end - range.start);
        let sub_entities: Vec<_> = entities[w]
            .iter()
            .map(|&i| {
                let mut e = input.entities[i].clone();
                e.span = shift(e.span);
                e
            })
            .collect();
        let sub_epithets: Vec<Coreferent<'_>> = epithets[w]
            .iter()
            .map(|&i| Coreferent { span: shift(input.epithets[i].span), ..input.epithets[i] })
            .collect();
        let sub_money: Vec<_> = money[w]
            .iter()
            .map(|&i| {
                let mut m = input.money[i].clone();
                m.span = shift(m.span);
                m
            })
            .collect();
        let sub_dates: Vec<_> = dates[w]
            .iter()
            .map(|&i| {
                let mut d = input.dates[i].clone();
                d.span = shift(d.span);
                d
            })
            .collect();
        let sub_input = Input {
            entities: &sub_entities,
            epithets: &sub_epithets,
            money: &sub_money,
            dates: &sub_dates,
            relations: input.relations,
        };
        let sub_doc = Document::new(&doc.text()[range.clone()]);
        let unshift = |s: Span| Span::new(s.start + range.start, s.end + range.start);
        for mut e in assemble::run(&sub_doc, &sub_input, lex) {
            e.span = unshift(e.span);
            e.trigger = unshift(e.trigger);
            e.entities.iter_mut().for_each(|i| *i = entities[w][*i]);
            e.money = e.money.map(|i| money[w][i]);
            e.date = e.date.map(|i| dates[w][i]);
            out.push(e);
        }
    }
    out
}

/// Token ranges of the windows: whole sentences, up to [`WINDOW_TOKENS`] in each (a window
/// holds at least one sentence).
fn windows(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for s in doc.sentences() {
        let r = s.tokens.clone();
        if r.is_empty() {
            continue;
        }
        open = match open {
            Some(w) if r.end - w.start <= WINDOW_TOKENS => Some(w.start..r.end),
            other => {
                out.extend(other);
                Some(r)
            }
        };
    }
    out.extend(open);
    out
}

/// For each window (byte ranges in text order), the indices of the `spans` lying inside it;
/// a span across a window's edge (or reversed, from a hand-made [`Input`]) belongs to none.
fn by_window(spans: impl Iterator<Item = Span>, windows: &[Range<usize>]) -> Vec<Vec<usize>> {
    let mut order: Vec<(Span, usize)> = spans.enumerate().map(|(i, s)| (s, i)).collect();
    order.sort_unstable_by_key(|&(s, i)| (s.start, i));
    let mut out = vec![Vec::new(); windows.len()];
    let mut w = 0;
    for (s, i) in order {
        while w < windows.len() && windows[w].end <= s.start {
            w += 1;
        }
        if let Some(win) = windows.get(w)
            && win.start <= s.start
            && s.start <= s.end
            && s.end <= win.end
        {
            out[w].push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_hold_whole_sentences() {
        let short = "Amazon investe in OpenAI. ".repeat(3);
        assert_eq!(windows(&Document::new(&short)).len(), 1);
        // 3 000 sentences of 5 tokens: windows of whole sentences, at most WINDOW_TOKENS each.
        let long = "Amazon investe in OpenAI. ".repeat(3_000);
        let doc = Document::new(&long);
        let w = windows(&doc);
        assert_eq!(w.len(), 15_000usize.div_ceil(WINDOW_TOKENS));
        assert_eq!((w[0].start, w[w.len() - 1].end), (0, doc.tokens().len()));
        assert!(w.windows(2).all(|p| p[0].end == p[1].start));
        assert!(w.iter().all(|r| r.len() <= WINDOW_TOKENS));
        assert!(w.iter().all(|r| doc.sentences().iter().any(|s| s.tokens.start == r.start)));
        // 25 000 tokens without a sentence end: the tokenizer's sentences of 1 000 tokens.
        let run_on = "Amazon e ".repeat(12_500);
        let w = windows(&Document::new(&run_on));
        let want: Vec<Range<usize>> =
            (0..25_000).step_by(WINDOW_TOKENS).map(|a| a..a + WINDOW_TOKENS).collect();
        assert_eq!(w, want);
    }

    #[test]
    fn spans_go_to_the_window_holding_them() {
        let w = [0..10, 10..20, 25..30];
        let spans =
            [Span::new(12, 15), Span::new(0, 3), Span::new(8, 12), Span::new(26, 30), Span::new(20, 25)];
        assert_eq!(by_window(spans.into_iter(), &w), [vec![1], vec![0], vec![3]]);
        // Reversed spans (a hand-made input) belong to no window.
        assert_eq!(
            by_window([Span::new(15, 12), Span::new(27, 3)].into_iter(), &w),
            vec![Vec::<usize>::new(); 3]
        );
    }

    #[test]
    fn hand_made_inputs_with_bad_spans_do_not_panic() {
        use crate::gazetteer::{EntityKind, EntityMention};
        let text = "Amazon investe 5 miliardi in OpenAI. ".repeat(2_000);
        let doc = Document::new(&text);
        assert!(windows(&doc).len() > 1);
        for (start, end) in [(60_000, 10), (10, 5), (0, 1_000_000), (1_000_000, 1_000_010), (3, 3)] {
            let entities = [EntityMention {
                span: Span::new(start, end),
                text: String::new(),
                kind: EntityKind::Company,
                id: "x".into(),
                name: "X".into(),
            }];
            let epithets = [Coreferent { span: Span::new(start, end), id: "y", name: "Y" }];
            let input = Input { entities: &entities, epithets: &epithets, ..Input::default() };
            for e in super::super::find_events(&doc, &input) {
                assert!(e.span.get(&text).is_some() && e.entities.iter().all(|&i| i < entities.len()));
            }
        }
    }

    #[test]
    fn long_texts_give_the_events_of_their_windows_with_global_spans() {
        let ex = crate::Extractor::new();
        let sentence = "Amazon ha investito 4 miliardi di dollari in Anthropic. ";
        let filler = "Il mercato resta incerto e gli analisti attendono nuovi dati sulla domanda. ";
        let text = format!("{}{sentence}{}{sentence}", filler.repeat(900), filler.repeat(900));
        let x = ex.extract(&crate::Article::new(text.as_str()));
        assert_eq!(x.events.len(), 2, "{:?}", x.events);
        for e in &x.events {
            assert_eq!(&text[e.span], sentence.trim_end());
            assert_eq!(x.money[e.money.unwrap()].text, "4 miliardi di dollari");
            assert!(e.entities.iter().all(|&i| x.entities[i].span.start >= e.span.start));
            assert_eq!(e.target.as_deref(), Some("Anthropic"));
        }
    }
}
