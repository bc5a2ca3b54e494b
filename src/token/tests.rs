use super::*;
use proptest::prelude::*;

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| &text[t.span]).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text).iter().map(|t| (&text[t.span], t.kind)).collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$($tok:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            assert_eq!(toks($text), [$($tok),*], "help: tokens of {:?}", $text);
        }
    };
}

t!(tok_010_elision_ascii, "l'azienda", ["l'", "azienda"]);
t!(tok_020_elision_typographic, "dell’intelligenza", ["dell’", "intelligenza"]);
t!(
    tok_030_elision_forms,
    "un'altra quest'anno nell'ultimo d'Italia c'è",
    ["un'", "altra", "quest'", "anno", "nell'", "ultimo", "d'", "Italia", "c'", "è"]
);
t!(tok_040_elision_before_digits, "dell'80% l’8 settembre", ["dell'", "80%", "l’", "8", "settembre"]);
t!(tok_050_truncation, "un po' di tempo, Ca' Foscari", ["un", "po'", "di", "tempo", ",", "Ca'", "Foscari"]);
t!(tok_060_apostrophe_as_quote, "la 'bolla' dell'IA", ["la", "'", "bolla", "'", "dell'", "IA"]);
t!(
    tok_070_numbers,
    "1.500.000 3,5 1.500,50 1,500.50 0,5",
    ["1.500.000", "3,5", "1.500,50", "1,500.50", "0,5"]
);
t!(
    tok_080_numeric_dates,
    "il 2025-12-17 o 17/12/2025 o 17.12.2025",
    ["il", "2025-12-17", "o", "17/12/2025", "o", "17.12.2025"]
);
t!(
    tok_090_decade_quarter_percent,
    "anni '90 e ’80, Q3 +10% 5,6%",
    ["anni", "'90", "e", "’80", ",", "Q3", "+", "10%", "5,6%"]
);
t!(
    tok_100_abbreviations,
    "Fincantieri S.p.A. e Alfa S.r.l. Inc. Corp. Ltd.",
    ["Fincantieri", "S.p.A.", "e", "Alfa", "S.r.l.", "Inc.", "Corp.", "Ltd."]
);
t!(
    tok_110_abbreviations_more,
    "il Sig. Rossi, il Dott. Bianchi, ecc. 10 mld. 5 mln. negli U.S.A.",
    [
        "il", "Sig.", "Rossi", ",", "il", "Dott.", "Bianchi", ",", "ecc.", "10", "mld.", "5", "mln.",
        "negli", "U.S.A."
    ]
);
t!(
    tok_120_hyphens,
    "e-commerce Covid-19 X2E-80-100 5-10",
    ["e-commerce", "Covid-19", "X2E-80-100", "5", "-", "10"]
);
t!(
    tok_130_url_email_handle,
    "(https://www.ansa.it/x?y=1), scrivi a mario.rossi@example.it o @OpenAI.",
    [
        "(",
        "https://www.ansa.it/x?y=1",
        ")",
        ",",
        "scrivi",
        "a",
        "mario.rossi@example.it",
        "o",
        "@OpenAI",
        "."
    ]
);
t!(
    tok_140_symbols,
    "$4 mld, €200 milioni, 10 £",
    ["$", "4", "mld", ",", "€", "200", "milioni", ",", "10", "£"]
);
t!(tok_150_sentence_end_number, "vale 10,5. Poi", ["vale", "10,5", ".", "Poi"]);
t!(tok_160_guillemets, "«Siamo pronti», ha detto.", ["«", "Siamo", "pronti", "»", ",", "ha", "detto", "."]);
t!(tok_170_non_latin_fallback, "Huawei 华为 e l’Ascend…", ["Huawei", "华", "为", "e", "l’", "Ascend", "…"]);
t!(tok_180_elided_hyphen, "dell'e-commerce", ["dell'", "e-commerce"]);
t!(tok_190_nbsp, "10\u{a0}miliardi", ["10", "miliardi"]);

#[test]
fn tok_200_kinds() {
    assert_eq!(
        kinds("S.p.A. 10% 2025-12-17 '90 H100 € . www.ansa.it"),
        [
            ("S.p.A.", TokenKind::Abbreviation),
            ("10%", TokenKind::Percent),
            ("2025-12-17", TokenKind::NumericDate),
            ("'90", TokenKind::Number),
            ("H100", TokenKind::Word),
            ("€", TokenKind::Symbol),
            (".", TokenKind::Punct),
            ("www.ansa.it", TokenKind::Url),
        ]
    );
}

#[test]
fn tok_210_flags() {
    let text = "L’Amd ha\n\nAI5 più";
    let t = tokenize(text);
    assert!(t[0].is(TokenFlags::ELISION | TokenFlags::CAPITALIZED | TokenFlags::SPACE_BEFORE));
    assert!(
        t[1].is(TokenFlags::CAPITALIZED)
            && !t[1].is(TokenFlags::ALL_CAPS)
            && !t[1].is(TokenFlags::SPACE_BEFORE)
    );
    assert!(!t[2].is(TokenFlags::CAPITALIZED));
    assert!(t[3].is(TokenFlags::ALL_CAPS
        | TokenFlags::HAS_DIGIT
        | TokenFlags::PARAGRAPH_BEFORE
        | TokenFlags::LINE_BREAK_BEFORE));
    assert!(!t[4].is(TokenFlags::ASCII) && t[4].is(TokenFlags::HAS_LETTER));
}

#[test]
fn has_upper_marks_every_token_whose_norm_differs_from_its_text() {
    // ASCII words on the fast path and through the fixer (an abbreviation, an elision, a
    // hyphenated word), and non-ASCII ones.
    let text = "iPhone amazon S.p.A. dell'Intel e-Commerce PERCHÉ perché Éire 2025 più, AI.";
    let doc = Document::new(text);
    for (i, t) in doc.tokens().iter().enumerate() {
        let upper = doc.text_of(t).chars().any(char::is_uppercase);
        assert_eq!(t.is(TokenFlags::HAS_UPPER), upper, "{:?}", doc.text_of(t));
        if upper {
            assert_ne!(doc.norm(i), doc.text_of(t));
        }
    }
}

fn sents(text: &str) -> Vec<&str> {
    Document::new(text).sentences().iter().map(|s| &text[s.span]).collect()
}

#[test]
fn sent_010_basic_and_abbreviations() {
    assert_eq!(
        sents("Il Sig. Rossi ha firmato. La Fincantieri S.p.A. ha chiuso a 3,5 euro. Bene!"),
        ["Il Sig. Rossi ha firmato.", "La Fincantieri S.p.A. ha chiuso a 3,5 euro.", "Bene!"]
    );
}

#[test]
fn sent_020_abbreviation_at_end() {
    assert_eq!(sents("Vale 10 mld. Il titolo sale."), ["Vale 10 mld.", "Il titolo sale."]);
    assert_eq!(sents("chip, memorie ecc. e altro."), ["chip, memorie ecc. e altro."]);
    assert_eq!(sents("Lo ha detto il presidente C.C. Wei."), ["Lo ha detto il presidente C.C. Wei."]);
    assert_eq!(sents("Vende la Alfa S.p.A. Il titolo sale."), ["Vende la Alfa S.p.A.", "Il titolo sale."]);
    assert_eq!(sents("Accordo con ST. Il titolo sale."), ["Accordo con ST.", "Il titolo sale."]);
    assert_eq!(sents("Vive a St. Moritz."), ["Vive a St. Moritz."]);
}

#[test]
fn sent_030_quotes_and_paragraphs() {
    assert_eq!(
        sents("«Siamo pronti.» ha detto Altman. Poi ha firmato\n\nTitolo senza punto\n\nCorpo."),
        ["«Siamo pronti.» ha detto Altman.", "Poi ha firmato", "Titolo senza punto", "Corpo."]
    );
    assert_eq!(sents("Ha detto: «Firmeremo». Il titolo sale"), ["Ha detto: «Firmeremo».", "Il titolo sale"]);
}

#[test]
fn sent_040_lowercase_after_period_continues() {
    assert_eq!(sents("Il piano a.b. continua. e poi"), ["Il piano a.b. continua. e poi"]);
}

#[test]
fn document_norm_and_lookup() {
    let d = Document::new("Dell’AMD È");
    assert_eq!(d.norm(0), "dell'");
    assert_eq!(d.norm(1), "amd");
    assert_eq!(d.norm(2), "è");
    assert_eq!(d.norm(9), "");
    assert_eq!(d.sentence_of(1), Some(0));
    assert_eq!(d.token_at_or_after(5), 1);
}

#[test]
fn empty_and_space_only() {
    assert!(tokenize("").is_empty());
    assert!(tokenize(" \n\t\u{a0} ").is_empty());
    assert!(Document::new("   ").sentences().is_empty());
}

fn check_invariants(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    let mut last = 0;
    for t in &tokens {
        prop_assert!(t.span.start >= last, "tokens out of order in {:?}", text);
        prop_assert!(t.span.start < t.span.end, "empty token in {:?}", text);
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert!(
            text[last..t.span.start].chars().all(char::is_whitespace),
            "gap not whitespace in {:?}",
            text
        );
        last = t.span.end;
    }
    prop_assert!(text[last..].chars().all(char::is_whitespace));
    let doc = Document::new(text);
    let mut next = 0;
    for s in doc.sentences() {
        prop_assert_eq!(s.tokens.start, next);
        prop_assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
    }
    prop_assert_eq!(next, tokens.len());
    Ok(())
}

const ALPHABET: &[char] = &[
    'a', 'e', 'l', 'D', 'A', 'S', 'p', 'o', 'à', 'è', 'É', 'ò', 'ł', '0', '1', '9', '.', ',', ';', ':', '\'',
    '’', '‘', '_', '-', '/', '%', '€', '$', '«', '»', '“', '(', ')', '@', '!', '?', '…', '·', '×', '°', '"',
];

proptest! {
    #[test]
    fn prop_tokens_cover_text(text in "\\PC{0,60}") {
        check_invariants(&text)?;
    }

    #[test]
    fn prop_tokens_cover_italianish_text(chars in proptest::collection::vec(
        prop_oneof![8 => proptest::sample::select(ALPHABET), 1 => Just(' '), 1 => Just('\n'), 1 => any::<char>()], 0..80))
    {
        let text: String = chars.into_iter().collect();
        check_invariants(&text)?;
    }

    #[test]
    fn prop_fast_path_agrees_with_unicode_segmentation(chars in proptest::collection::vec(proptest::sample::select(ALPHABET), 1..40)) {
        let text: String = chars.into_iter().collect();
        prop_assume!(scan::is_fast_text(&text));
        prop_assert_eq!(scan::atoms_for_test(&text, true), scan::atoms_for_test(&text, false), "text {:?}", text);
    }
}
