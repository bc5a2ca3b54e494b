//! No panic and valid spans on every char-boundary prefix of every fixture and on hostile strings.

use cronaca::{Article, Extraction, Extractor};

fn check(extractor: &Extractor, text: &str) {
    let article = Article::new(text).with_date(jiff::civil::date(2025, 12, 17));
    let x: Extraction = extractor.extract(&article);
    let spans = x
        .entities
        .iter()
        .map(|e| (e.span, e.text.as_str()))
        .chain(x.money.iter().map(|m| (m.span, m.text.as_str())))
        .chain(x.dates.iter().map(|d| (d.span, d.text.as_str())));
    for (span, surface) in spans {
        assert_eq!(
            span.get(text),
            Some(surface),
            "help: span {span:?} does not slice to {surface:?} in {text:?}"
        );
    }
    for e in &x.events {
        assert!(e.span.get(text).is_some(), "help: event evidence span {:?} invalid in {text:?}", e.span);
    }
}

#[test]
fn every_prefix_of_every_fixture() {
    let extractor = Extractor::new();
    for path in crate::fixture_articles() {
        let text = std::fs::read_to_string(&path).expect("fixture readable");
        let article = Article::from_dated_text(&text).expect("fixture has a valid header");
        let body = article.text.as_str();
        for (i, _) in body.char_indices().step_by(3) {
            check(&extractor, &body[..i]);
        }
        check(&extractor, body);
    }
}

#[test]
fn hostile_strings() {
    let extractor = Extractor::new();
    let long_digits = "9".repeat(5000);
    let long_dots = ".".repeat(3000);
    let many_scales = "miliardi di ".repeat(500);
    let hostile = [
        "",
        " ",
        "\u{feff}",
        "’’’''''",
        "l'",
        "dell’",
        "1.",
        "1,",
        "1.500.",
        "$",
        "€€€ $$$ 10 10 10",
        "tra e miliardi",
        "oltre",
        "S.p.A.S.p.A.S.p.A.",
        "31/02/2025 2025-13-45 99.99.9999",
        "anni '",
        "\u{0301}\u{0301}a\u{0301}",
        "🇮🇹🇮🇹 👩‍💻 华为 Ascend",
        "miliardi miliardi di di dollari dollari",
        "99999999999999999999999999999999999 miliardi di dollari",
        "0,000000000000000000000000000001 mld di euro",
        "79228162514264337593543950335 miliardi e mezzo di euro",
        "tra 1 e 99999999999999999999999 bilioni di dollari",
        long_digits.as_str(),
        long_dots.as_str(),
        many_scales.as_str(),
        "@ @@ a@ @a a@b a@b.c http:// www.",
        "\r\n\r\n\t\u{a0}\u{2028}\u{2029}\u{85}",
    ];
    for h in hostile {
        check(&extractor, h);
    }
}
