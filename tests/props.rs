//! Property tests over the public API: for any string, no recognizer panics and every span is a
//! valid slice of the text (see `spans.rs`).
//!
//! The unit proptests in `src/` draw printable text (`\PC`) or word salads per module; these add
//! control characters, NUL, combining marks, emoji, letters whose lower case is longer in UTF-8
//! (`İ`, `Ⱥ`), and news material (numbers with `.`/`,`, scale words, currencies, ranges, months,
//! relative dates, elisions, company names) glued with and without spaces, and they run every
//! recognizer separately as well as the whole [`Extractor`].

use crate::spans;
use cronaca::{Article, Extractor};
use jiff::civil::Date;
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Words and symbols of Italian business news, plus hostile characters.
const PIECES: &[&str] = &[
    // money
    "miliardi",
    "miliardo",
    "mld",
    "mld.",
    "mln",
    "milioni",
    "milione",
    "mila",
    "mille",
    "bilioni",
    "di",
    "euro",
    "dollari",
    "dollaro",
    "sterline",
    "yen",
    "$",
    "€",
    "£",
    "USD",
    "EUR",
    "Usd",
    "tra",
    "e",
    "da",
    "a",
    "fino",
    "oltre",
    "circa",
    "quasi",
    "almeno",
    "mezzo",
    "e mezzo",
    "un",
    "una",
    "dieci",
    "cento",
    "%",
    "per cento",
    // dates
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
    "dic.",
    "scorso",
    "scorsa",
    "prossimo",
    "fa",
    "anni",
    "anno",
    "mesi",
    "settimane",
    "il",
    "lo",
    "la",
    "dal",
    "entro",
    "fine",
    "inizio",
    "metà",
    "ieri",
    "oggi",
    "domani",
    "venerdì",
    "trimestre",
    "terzo",
    "Q3",
    "H2",
    "1°",
    "'90",
    "’90",
    "2025",
    "1999",
    "9999",
    "0000",
    "2025-12-17",
    "31/02/2025",
    // elisions and quotes
    "l'",
    "l’",
    "dell'",
    "dell’",
    "all'",
    "nell’",
    "un'",
    "po'",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "\"",
    // companies, people, events
    "OpenAI",
    "Amazon",
    "Aws",
    "AWS",
    "Amazon Web Services",
    "Nvidia",
    "Intel",
    "Meta",
    "Arm",
    "Mps",
    "Mediobanca",
    "S.p.A.",
    "Spa",
    "Srl",
    "Inc.",
    "Capital",
    "Holding",
    "Sam Altman",
    "colosso di Seattle",
    "ha investito",
    "investirà",
    "acquisirà",
    "ha acquisito",
    "round",
    "contratto",
    "valutazione",
    "guidata da",
    "ha presentato",
    "chip",
    "Trainium",
    "Blackwell",
    "società",
    "SOCIETÀ",
    // hostile characters
    "\u{301}",
    "\u{308}",
    "\u{20dd}",
    "e\u{301}",
    "👩\u{200d}💻",
    "🇮🇹",
    "😀",
    "\0",
    "\u{1}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{200e}",
    "\u{202e}",
    "\u{feff}",
    "\u{2028}",
    "\u{fffd}",
    "华为",
    "Ξ",
    "ß",
    "ẞ",
    "İ",
    "Ⱥ",
    "ȿ",
    "ﬃ",
    "Σ",
    "\u{10ffff}",
];

/// What goes between pieces: mostly a space, sometimes nothing or punctuation.
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", " ", "", "", "\n", "\n\n", "\r\n", "\t", "\u{a0}", ",", ", ", ".", ". ", ";", "-",
    "/", "(", ")",
];

/// Numbers as news writes them (and as it should not).
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "[0-9]{1,30}",
        "[0-9]{1,3}(\\.[0-9]{3}){0,5}(,[0-9]{1,3})?",
        "[0-9]{1,3}(,[0-9]{3}){0,5}(\\.[0-9]{1,3})?",
        "[0-9]{1,4}[.,][0-9]{0,4}[.,]?",
        "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{1,4}",
        "[.,]{1,3}[0-9]{1,3}",
    ]
}

/// Italian-news-like text: pieces, numbers and arbitrary chars joined by separators.
fn news() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        3 => number(),
        1 => any::<char>().prop_map(String::from),
    ];
    let sep = proptest::sample::select(SEPARATORS);
    proptest::collection::vec((piece, sep), 0..70).prop_map(|parts| {
        let mut s = String::new();
        for (p, sep) in parts {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

/// Any text: news material, any chars (NUL and controls included), or printable chars.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => news(),
        2 => proptest::collection::vec(any::<char>(), 0..120).prop_map(|v| v.into_iter().collect()),
        1 => "\\PC{0,200}",
        1 => proptest::collection::vec(proptest::sample::select(&['\'', '’', '.', ',', '0', '9', ' ', 'e', '\u{301}'][..]), 0..80)
            .prop_map(|v| v.into_iter().collect()),
    ]
}

/// No anchor, a usual one, the extremes of the calendar, or any day in between.
fn anchor() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        Just(Some(jiff::civil::date(2025, 12, 17))),
        Just(Some(Date::MIN)),
        Just(Some(Date::MAX)),
        (-3_652_000i64..3_652_000)
            .prop_map(|days| jiff::civil::date(2000, 1, 1).checked_add(jiff::Span::new().days(days)).ok()),
    ]
}

/// 512 cases each, unless `PROPTEST_CASES` asks for another number (for long local runs).
fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() { default.cases } else { 512 };
    ProptestConfig { cases, ..default }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tokenizer_spans_are_valid(text in text()) {
        spans::check_tokens(&text);
    }

    #[test]
    fn gazetteer_spans_are_valid(text in text()) {
        let doc = cronaca::token::Document::new(&text);
        spans::check_gazetteer(&doc, cronaca::gazetteer::Matcher::embedded());
    }

    #[test]
    fn money_spans_are_valid(text in text()) {
        spans::check_money(&cronaca::token::Document::new(&text));
    }

    #[test]
    fn date_spans_are_valid_with_and_without_anchor(text in text(), anchor in anchor()) {
        spans::check_dates(&cronaca::token::Document::new(&text), &[None, anchor]);
    }

    #[test]
    fn extraction_spans_and_event_indices_are_valid(text in text(), anchor in anchor()) {
        let x = spans::check_extract(&EXTRACTOR, &text, anchor);
        prop_assert!(serde_json::to_string(&x).is_ok());
    }

    /// `event::find_events` is public: hand-made mentions with any spans (reversed, out of the
    /// text, off char boundaries) must not make it panic.
    #[test]
    fn events_from_hand_made_mentions(text in text(), spans in proptest::collection::vec((0usize..400, 0usize..400), 0..8)) {
        use cronaca::gazetteer::{EntityKind, EntityMention};
        let kinds = [EntityKind::Company, EntityKind::Chip, EntityKind::Person, EntityKind::Product];
        let entities: Vec<EntityMention> = spans
            .iter()
            .enumerate()
            .map(|(i, &(start, end))| EntityMention {
                span: cronaca::Span::new(start, end),
                text: String::new(),
                kind: kinds[i % kinds.len()],
                id: format!("e{}", i % 3),
                name: format!("E{}", i % 3),
            })
            .collect();
        let epithets: Vec<cronaca::event::Coreferent<'_>> = spans
            .iter()
            .map(|&(start, end)| cronaca::event::Coreferent { span: cronaca::Span::new(end, start), id: "e0", name: "E0" })
            .collect();
        let doc = cronaca::token::Document::new(&text);
        let input = cronaca::event::Input { entities: &entities, epithets: &epithets, ..Default::default() };
        for e in cronaca::event::find_events(&doc, &input) {
            prop_assert!(e.entities.iter().all(|&i| i < entities.len()));
        }
    }

    #[test]
    fn dated_text_then_extract(date in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9 -]{0,12}", sep in "[ \n\t]{0,3}", text in text()) {
        let input = format!("date {date}{sep}{text}");
        if let Ok(article) = Article::from_dated_text(&input) {
            let x = EXTRACTOR.extract(&article);
            spans::check_extraction(&article.text, &x);
        }
        if let Ok(article) = Article::from_dated_text(&text) {
            spans::check_extraction(&article.text, &EXTRACTOR.extract(&article));
        }
    }
}
