//! Table-driven tests of the date recognizer, on sentences written for them.

use super::*;
use crate::token::Document;
use jiff::civil::{Date, date};
use proptest::prelude::*;

/// The article date of most cases: Wednesday 17 December 2025.
const ANCHOR: Date = date(2025, 12, 17);

/// `(text, value)` of every mention.
fn found(text: &str, anchor: Option<Date>) -> Vec<(String, String)> {
    let doc = Document::new(text);
    find_dates(&doc, anchor).into_iter().map(|d| (d.text, d.value.to_string())).collect()
}

/// Checks one sentence: the expected `(surface, value)` pairs, in order, and nothing else.
fn check(line: u32, text: &str, anchor: Option<Date>, want: &[(&str, &str)]) {
    let got = found(text, anchor);
    let want: Vec<(String, String)> = want.iter().map(|&(s, v)| (s.to_string(), v.to_string())).collect();
    assert_eq!(got, want, "help: table row at line {line}: {text:?} (anchor {anchor:?})");
}

macro_rules! table {
    ($anchor:expr; $( $text:literal => [$( ($s:literal, $v:literal) ),* $(,)?] ),* $(,)?) => {
        $( check(line!(), $text, $anchor, &[$( ($s, $v) ),*]); )*
    };
}

#[test]
fn absolute_dates() {
    table! { Some(ANCHOR);
        "Il contratto è stato firmato il 17 dicembre 2025 a Milano." => [("17 dicembre 2025", "2025-12-17")],
        "La società ha chiuso l'accordo il 17 dic. 2025, dopo mesi di trattative." => [("17 dic. 2025", "2025-12-17")],
        "Firmato il 17 dic 2025 e depositato il 19 dic." => [("17 dic 2025", "2025-12-17"), ("19 dic.", "2025-12-19")],
        "La delibera del 17/12/2025 fissa il prezzo dell'offerta." => [("17/12/2025", "2025-12-17")],
        "Il verbale del 17.12.2025 è stato depositato." => [("17.12.2025", "2025-12-17")],
        "Scadenza: 2025-12-17, poi il rinnovo." => [("2025-12-17", "2025-12-17")],
        "A dicembre 2025 il colosso di Seattle ha investito in Anthropic." => [("dicembre 2025", "2025-12")],
        "La startup è nata nel luglio del 2023 a Parigi." => [("luglio del 2023", "2023-07")],
        "Nel 2019 l'azienda contava pochi clienti." => [("2019", "2019")],
        "Amazon progetta chip proprietari dal 2015." => [("2015", "2015")],
        "La fusione sarà completata entro il 2029." => [("2029", "2029")],
        "Il nuovo impianto sarà pronto a fine 2025." => [("fine 2025", "2025")],
        "I lavori partiranno a inizio 2026." => [("inizio 2026", "2026")],
        "La domanda dovrebbe coprire gli ordini fino all'inizio del 2027." => [("inizio del 2027", "2027")],
        "La produzione è ripartita a metà 2024." => [("metà 2024", "2024")],
        "Il mercato dei pc esplose negli anni '90." => [("anni '90", "199X")],
        "Il marchio era leader negli anni Novanta." => [("anni Novanta", "199X")],
        "Negli anni ’80 e negli anni 70 il gruppo cresceva; per anni 80 persone ci hanno lavorato." => [("anni ’80", "198X"), ("anni 70", "197X")],
        "Negli anni 2000 Intel dominava il mercato." => [("anni 2000", "200X")],
        "Il piano 2021-2026 è in corso, come il Pnrr 2021-2026." => [("2021", "2021"), ("2026", "2026")],
        "L'ultimo trimestre del 2024 è stato il migliore." => [("L'ultimo trimestre del 2024", "2024-Q4")],
        "Nel II semestre del 2024 i conti erano migliorati." => [("II semestre del 2024", "2024-H2")],
        "Martedì 3 marzo 2026 si terrà l'assemblea dei soci." => [("Martedì 3 marzo 2026", "2026-03-03")],
        "Il 1° gennaio 2024 è entrata in vigore la riforma." => [("1° gennaio 2024", "2024-01-01")],
        "Dal primo gennaio 2026 cambiano le tariffe." => [("primo gennaio 2026", "2026-01-01")],
        "I conti del 31 dicembre 2024 sono in utile." => [("31 dicembre 2024", "2024-12-31")],
        "Il confronto tra il 2026 e il 2028 è favorevole." => [("2026", "2026"), ("2028", "2028")],
        "Il piano 2026-2028 prevede nuovi investimenti." => [("2026", "2026"), ("2028", "2028")],
        "Nell'esercizio 2024 il gruppo è tornato in utile." => [("2024", "2024")],
        "Dopo un 2024 difficile, il titolo risale." => [("2024", "2024")],
        "Le assemblee del 3 e 4 marzo 2026 decideranno." => [("3", "2026-03-03"), ("4 marzo 2026", "2026-03-04")],
        "L'offerta è aperta dal 3 al 14 novembre 2025." => [("3", "2025-11-03"), ("14 novembre 2025", "2025-11-14")],
        "Nel trimestre luglio-settembre i ricavi sono saliti." => [("luglio", "2025-07"), ("settembre", "2025-09")],
        "Tra gennaio e marzo 2024 i ricavi erano saliti." => [("gennaio", "2024-01"), ("marzo 2024", "2024-03")],
        "Da febbraio a maggio del 2026 la fabbrica resterà chiusa." => [("febbraio", "2026-02"), ("maggio del 2026", "2026-05")],
        "Nel periodo gennaio-marzo 2024 i ricavi erano saliti." => [("gennaio", "2024-01"), ("marzo 2024", "2024-03")],
        "In questi giorni il gruppo tratta con le banche." => [("questi giorni", "PRESENT_REF")],
        "Stamattina il titolo è salito e negli ultimi tempi è cresciuto." => [("Stamattina", "2025-12-17"), ("ultimi tempi", "PAST_REF")],
        "Il 1º novembre scadranno i termini." => [("1º novembre", "2026-11-01")],
    }
}

#[test]
fn day_and_month_take_the_year_that_makes_sense() {
    table! { Some(date(2025, 10, 28));
        "Il 27 ottobre il titolo ha perso il 5%." => [("27 ottobre", "2025-10-27")],
        "Il consiglio si riunirà il 3 novembre." => [("3 novembre", "2025-11-03")],
    }
    table! { Some(date(2025, 1, 10));
        "L'assemblea si terrà il 27 ottobre." => [("27 ottobre", "2025-10-27")],
        "Il 27 ottobre il titolo è crollato del 12%." => [("27 ottobre", "2024-10-27")],
        "Il progetto era stato annunciato a febbraio." => [("febbraio", "2024-02")],
        "Il nuovo modello arriverà a febbraio." => [("febbraio", "2025-02")],
        "Gli investimenti hanno raggiunto 3 miliardi tra marzo e settembre." => [("marzo", "2024-03"), ("settembre", "2024-09")],
        "La società prevede di completare il passaggio entro dicembre." => [("dicembre", "2025-12")],
        "In aprile l'azienda era ancora in perdita." => [("aprile", "2024-04")],
        "La squadra ha vinto 2-1 il 4 maggio." => [("4 maggio", "2024-05-04")],
        "Il chip, presentato a ottobre, arriverà nei negozi." => [("ottobre", "2024-10")],
    }
    table! { Some(date(2025, 10, 29));
        "Il titolo, che da gennaio è raddoppiato, salirà ancora." => [("gennaio", "2025-01")],
        "Dal 2 marzo i soci riceveranno il dividendo maggiorato." => [("2 marzo", "2026-03-02")],
        "La quota, salita dal 2 marzo, finirà nel fondo." => [("2 marzo", "2025-03-02")],
        "I soci avranno il doppio della quotazione del 2 marzo, prima che emergessero le voci." => [("2 marzo", "2025-03-02")],
    }
    table! { Some(ANCHOR);
        "Lo scorso 3 marzo la banca ha ceduto la quota." => [("Lo scorso 3 marzo", "2025-03-03")],
        "Il prossimo 3 marzo scade l'offerta." => [("Il prossimo 3 marzo", "2026-03-03")],
        "Il 10 dicembre scorso la Borsa ha chiuso in rialzo." => [("10 dicembre scorso", "2025-12-10")],
        "L'offerta si chiuderà l'8 gennaio." => [("8 gennaio", "2026-01-08")],
    }
    table! { Some(date(2025, 3, 3));
        "Lo scorso 3 marzo la banca ha ceduto la quota." => [("Lo scorso 3 marzo", "2024-03-03")],
    }
}

#[test]
fn relative_expressions() {
    table! { Some(ANCHOR);
        "La fabbrica aprì ventidue anni fa." => [("ventidue anni fa", "2003")],
        "Oggi la società guidata da Sam Altman ha firmato." => [("Oggi", "2025-12-17")],
        "Il titolo ha chiuso ieri in rialzo." => [("ieri", "2025-12-16")],
        "L'annuncio è arrivato l'altro ieri." => [("l'altro ieri", "2025-12-15")],
        "Domani il consiglio voterà il piano." => [("Domani", "2025-12-18")],
        "Lunedì scorso il gruppo ha presentato i conti." => [("Lunedì scorso", "2025-12-15")],
        "Lunedì la società ha annunciato l'accordo." => [("Lunedì", "2025-12-15")],
        "Lunedì la società presenterà il piano." => [("Lunedì", "2025-12-22")],
        "Mercoledì l'azienda ha chiuso l'aumento." => [("Mercoledì", "2025-12-17")],
        "Lunedì Apple ha presentato il chip." => [("Lunedì", "2025-12-15")],
        "La settimana scorsa Amd ha svelato il nuovo chip." => [("La settimana scorsa", "2025-W50")],
        "Il mese scorso le vendite sono calate." => [("Il mese scorso", "2025-11")],
        "La società, che lo scorso ottobre ha completato la riorganizzazione, cresce." => [("lo scorso ottobre", "2025-10")],
        "L'anno scorso il gruppo aveva perso quote." => [("L'anno scorso", "2024")],
        "Il fatturato dello scorso anno è stato record." => [("scorso anno", "2024")],
        "L'anno prossimo arriverà il nuovo processore." => [("L'anno prossimo", "2026")],
        "Il chip, atteso entro il prossimo anno, sarà prodotto a Taiwan." => [("il prossimo anno", "2026")],
        "Quest'anno i ricavi cresceranno del 10%." => [("Quest'anno", "2025")],
        "Quest’anno i ricavi cresceranno del 10%." => [("Quest’anno", "2025")],
        "Questo mese il titolo ha guadagnato il 7%." => [("Questo mese", "2025-12")],
        "Il prossimo trimestre sarà decisivo." => [("Il prossimo trimestre", "2026-Q1")],
        "Nel primo trimestre i ricavi sono saliti." => [("primo trimestre", "2025-Q1")],
        "Nel terzo trimestre del 2025 l'utile è raddoppiato." => [("terzo trimestre del 2025", "2025-Q3")],
        "La chiusura è prevista entro il primo trimestre del 2026." => [("il primo trimestre del 2026", "2026-Q1")],
        "I ricavi del Q3 2025 battono le attese." => [("Q3 2025", "2025-Q3")],
        "Nel Q3 i margini sono migliorati." => [("Q3", "2025-Q3")],
        "La seconda metà del 2026 sarà più forte." => [("La seconda metà del 2026", "2026-H2")],
        "Il primo semestre si è chiuso in perdita." => [("Il primo semestre", "2025-H1")],
        "I volumi sono attesi nel primo semestre 2026." => [("primo semestre 2026", "2026-H1")],
        "La crescita continuerà nella seconda parte dell'anno." => [("seconda parte dell'anno", "2025-H2")],
        "Tre anni fa la startup non esisteva." => [("Tre anni fa", "2022")],
        "Due mesi fa il titolo valeva la metà." => [("Due mesi fa", "2025-10")],
        "Otto mesi fa aveva comprato un concorrente." => [("Otto mesi fa", "2025-04")],
        "Un anno fa il chip non era ancora pronto." => [("Un anno fa", "2024")],
        "Vent’anni fa il gruppo era un’altra cosa." => [("Vent’anni fa", "2005")],
        "L'anno in corso si chiuderà con un utile." => [("L'anno in corso", "2025")],
        "L'accordo sarà firmato entro l'anno, il closing entro il mese." => [("l'anno", "2025"), ("il mese", "2025-12")],
        "La produzione partirà a cavallo tra 2025 e 2026." => [("2025", "2025"), ("2026", "2026")],
        "Negli anni passati il gruppo ha perso quote." => [("anni passati", "PAST_REF")],
    }
}

#[test]
fn anaphoric_periods_follow_the_last_mention() {
    table! { Some(ANCHOR);
        "Nel 2018 i ricavi erano bassi; l'anno successivo sono raddoppiati." => [("2018", "2018"), ("l'anno successivo", "2019")],
        "Il terzo trimestre del 2024 ha battuto il trimestre precedente." => [("Il terzo trimestre del 2024", "2024-Q3"), ("il trimestre precedente", "2024-Q2")],
        "I ricavi superano quelli dell'anno precedente." => [("anno precedente", "2024")],
    }
}

#[test]
fn vague_references() {
    table! { Some(ANCHOR);
        "Poche settimane fa la startup ha firmato un contratto." => [("Poche settimane fa", "PAST_REF")],
        "Gli impegni sono cresciuti negli ultimi mesi." => [("ultimi mesi", "PAST_REF")],
        "Di recente il gruppo ha cambiato strategia." => [("Di recente", "PAST_REF")],
        "Il gruppo ha recentemente lanciato un nuovo processore." => [("recentemente", "PAST_REF")],
        "Attualmente la società impiega tremila persone." => [("Attualmente", "PRESENT_REF")],
        "Ora il titolo tratta a sconto." => [("Ora", "PRESENT_REF")],
        "Al momento non ci sono offerte." => [("Al momento", "PRESENT_REF")],
        "In futuro il gruppo punterà sul cloud." => [("In futuro", "FUTURE_REF")],
        "Nei prossimi anni la domanda di chip crescerà." => [("prossimi anni", "FUTURE_REF")],
        "Il valore era più alto pochi mesi prima." => [("pochi mesi prima", "PAST_REF")],
    }
}

#[test]
fn not_dates() {
    table! { Some(ANCHOR);
        "L'azienda ha 2.000 dipendenti e ricavi per 10 miliardi di dollari." => [],
        "La società conta 2019 dipendenti in Italia." => [],
        "Ha speso circa 2000 euro per ogni server." => [],
        "Il contratto durerà per cinque anni." => [],
        "Il manager guida l'azienda da 18 mesi." => [],
        "Il fondatore, a 45 anni, ha lasciato la carica." => [],
        "La conferenza stampa inizia alle 18.30." => [],
        "Il canone costa 20 euro al mese e 200 euro all'anno." => [],
        "Il canone costa 20 euro l'anno, cioè due euro il mese." => [],
        "Nvidia vende gli H200, Apple il chip M4 e Microsoft il Maia 200." => [],
        "Il piano Industria 2030 è stato presentato a Expo 2015 Milano." => [],
        "Il titolo è salito del 20%, l'anno migliore della storia." => [],
        "Nei nove mesi il fatturato cresce; nei prossimi dieci anni arriveranno navi." => [],
        "Ha promesso il debutto entro due settimane e la vendita entro dodici mesi." => [],
        "Ci vuole un'ora di volo, e ogni ora conta; della prima ora restano pochi soci." => [],
        "La recente vendita di azioni ha consolidato la valutazione." => [],
        "Dopo anni di tentativi il gruppo ce l'ha fatta." => [],
        "A metà giornata il titolo cedeva il 3%." => [],
        "Il mercato del fine settimana è chiuso." => [],
        "Via Venti Settembre ospita la sede." => [],
        "La presidente Domenica Rossi ha firmato." => [],
        "Al momento della firma il prezzo era fissato." => [],
        "La nuova Audi Q4 e la Bmw Serie 3 arrivano nei saloni." => [],
        "Ha vinto in 5 set contro il numero 3 mar del ranking." => [],
        "Il decreto n. 2024 è stato pubblicato; la sede è in via Roma 2019." => [],
        "Il numero verde è 02 2025 1234." => [],
        "Lo spread è passato da 2020 a 2100 punti base." => [],
        "Sono previste 2025 ore di formazione." => [],
        "La stagione 2024/25 è stata positiva." => [],
    }
}

#[test]
fn undated_articles_keep_unresolved_values() {
    table! { None;
        "Ieri il titolo ha chiuso in rialzo." => [("Ieri", "XXXX-XX-XX")],
        "La società, che lo scorso ottobre ha firmato, cresce." => [("lo scorso ottobre", "XXXX-10")],
        "L'anno scorso il gruppo aveva perso quote." => [("L'anno scorso", "XXXX")],
        "Il 27 ottobre il titolo ha perso il 5%." => [("27 ottobre", "XXXX-10-27")],
        "Nel terzo trimestre l'utile è salito." => [("terzo trimestre", "XXXX-Q3")],
        "Il primo semestre è stato debole." => [("Il primo semestre", "XXXX-H1")],
        "La settimana scorsa Amd ha svelato il chip." => [("La settimana scorsa", "XXXX-WXX")],
        "Lunedì il gruppo ha firmato." => [("Lunedì", "XXXX-XX-XX")],
        "Il 17 dicembre 2025 il gruppo ha firmato, dal 2019 cresce." => [("17 dicembre 2025", "2025-12-17"), ("2019", "2019")],
        "Poche settimane fa ha firmato." => [("Poche settimane fa", "PAST_REF")],
        "Nel 2018 i ricavi erano bassi; l'anno successivo sono raddoppiati." => [("2018", "2018"), ("l'anno successivo", "2019")],
    }
}

#[test]
fn impossible_days_are_not_dates() {
    table! { Some(ANCHOR);
        "Il 31 febbraio 2025 non esiste, né il 30 febbraio." => [],
        "La data 32/13/2025 è sbagliata." => [],
    }
}

#[test]
fn prepositions_become_modifiers() {
    use DateModifier::*;
    type Expected = &'static [(&'static str, Option<DateModifier>)];
    let cases: &[(&str, Expected)] = &[
        ("Microsoft ha investito dal 2019 oltre 13 miliardi.", &[("2019", Some(Since))]),
        ("La fusione si chiuderà entro il 2029.", &[("2029", Some(By))]),
        ("L'accordo resterà in vigore fino al 2033.", &[("2033", Some(Until))]),
        ("Il piano vale dal 2026 al 2028.", &[("2026", Some(From)), ("2028", Some(Until))]),
        ("A partire dal 2027 cambiano le regole.", &[("2027", Some(From))]),
        ("Nel 2019 è nata la startup.", &[("2019", Some(In))]),
        ("Prima del 2030 non ci saranno utili.", &[("2030", Some(Before))]),
        ("Dopo il 2030 i margini saliranno.", &[("2030", Some(After))]),
        ("Il passaggio è atteso entro dicembre.", &[("dicembre", Some(By))]),
        (
            "Entro il primo trimestre del 2026 arriva il via libera.",
            &[("il primo trimestre del 2026", Some(By))],
        ),
        ("Fino ad oggi ha aderito il 28% del capitale.", &[("oggi", Some(Until))]),
        ("Lo scorso ottobre ha completato la riorganizzazione.", &[("Lo scorso ottobre", None)]),
        ("Rispetto al 2024 le vendite crescono.", &[("2024", None)]),
        ("L'offerta è aperta dal 3 al 14 novembre.", &[("3", Some(From)), ("14 novembre", Some(Until))]),
    ];
    for (text, want) in cases {
        let doc = Document::new(text);
        let got: Vec<(&str, Option<DateModifier>)> =
            find_dates(&doc, Some(ANCHOR)).iter().map(|d| (&text[d.span], d.modifier)).collect();
        assert_eq!(&got, want, "help: modifier of {text:?}");
    }
}

#[test]
fn period_parts_are_kept() {
    let text = "Il piano sarà pronto a fine 2025, la fabbrica a metà ottobre e i ricavi all'inizio del 2027.";
    let doc = Document::new(text);
    let got: Vec<(String, Option<PeriodPart>)> =
        find_dates(&doc, Some(date(2025, 3, 1))).into_iter().map(|d| (d.value.to_string(), d.part)).collect();
    assert_eq!(
        got,
        [
            ("2025".to_string(), Some(PeriodPart::End)),
            ("2025-10".to_string(), Some(PeriodPart::Mid)),
            ("2027".to_string(), Some(PeriodPart::Start)),
        ]
    );
}

/// The facts of the seed article, in sentences of our own, against 2025-12-17.
#[test]
fn seed_facts() {
    let text = "Il gruppo di Seattle, che lo scorso ottobre ha cambiato statuto, collabora con Microsoft \
                dal 2019; la sua divisione cloud progetta processori dal 2015. Poche settimane fa ha firmato \
                un nuovo contratto, e negli ultimi mesi gli impegni sono cresciuti.";
    let doc = Document::new(text);
    let got: Vec<(String, String, Option<DateModifier>)> = find_dates(&doc, Some(ANCHOR))
        .into_iter()
        .map(|d| (d.text, d.value.to_string(), d.modifier))
        .collect();
    let want = [
        ("lo scorso ottobre", "2025-10", None),
        ("2019", "2019", Some(DateModifier::Since)),
        ("2015", "2015", Some(DateModifier::Since)),
        ("Poche settimane fa", "PAST_REF", None),
        ("ultimi mesi", "PAST_REF", Some(DateModifier::In)),
    ];
    let want: Vec<(String, String, Option<DateModifier>)> =
        want.iter().map(|&(t, v, m)| (t.to_string(), v.to_string(), m)).collect();
    assert_eq!(got, want);
}

#[test]
fn mentions_serialize_in_the_contract_shape() {
    let text = "Lo scorso ottobre, dal 2019.";
    let doc = Document::new(text);
    let json = serde_json::to_string(&find_dates(&doc, Some(ANCHOR))).unwrap();
    assert_eq!(
        json,
        r#"[{"start":0,"end":17,"text":"Lo scorso ottobre","value":"2025-10"},{"start":23,"end":27,"text":"2019","value":"2019","modifier":"since"}]"#
    );
    let back: Vec<DateMention> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, find_dates(&doc, Some(ANCHOR)));
}

/// Every char-boundary prefix of a text dense with dates: no panic, valid spans, and each
/// mention of a prefix either is a mention of the whole text or touches the cut.
#[test]
fn every_prefix_of_a_dense_text_is_safe() {
    let text = "Lunedì 3 marzo 2026, l'altro ieri, lo scorso 17 dic. e dal 1° gennaio: \
                negli anni ’90 e nel terzo trimestre del 2025, poche settimane fa, entro l'anno; \
                tra gennaio e marzo 2024 (luglio-settembre) e il 3 e 4 maggio, Q3 2025, H1.";
    let full = find_dates(&Document::new(text), Some(ANCHOR));
    assert!(full.len() >= 12, "{full:?}");
    for (cut, _) in text.char_indices() {
        let prefix = &text[..cut];
        for d in find_dates(&Document::new(prefix), Some(ANCHOR)) {
            assert_eq!(d.span.get(prefix), Some(d.text.as_str()));
            let whole = full.iter().any(|f| f.span == d.span && f.value == d.value);
            assert!(whole || d.span.end + 12 >= cut, "help: {d:?} in prefix {prefix:?}");
        }
    }
}

const MONTHS: [&str; 12] = [
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
];
const ABBREVIATIONS: [&str; 12] =
    ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];

/// The date written in one of several Italian formats.
fn write_date(d: Date, format: u8) -> String {
    let (y, m, day) = (d.year(), d.month() as usize, d.day());
    match format {
        0 => format!("{day} {} {y}", MONTHS[m - 1]),
        1 => format!("{day} {}. {y}", ABBREVIATIONS[m - 1]),
        2 => format!("{day:02}/{m:02}/{y}"),
        3 => format!("{day:02}.{m:02}.{y}"),
        4 => format!("{y}-{m:02}-{day:02}"),
        5 if day == 1 => format!("1° {} {y}", MONTHS[m - 1]),
        5 => format!("{day} {} del {y}", MONTHS[m - 1]),
        _ => format!("{day}/{m}/{y}"),
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_are_valid(text in "\\PC{0,200}", anchor_days in -40000i64..40000) {
        let anchor = date(2000, 1, 1).checked_add(jiff::Span::new().days(anchor_days)).ok();
        let doc = Document::new(&text);
        for d in find_dates(&doc, anchor) {
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            prop_assert_eq!(d.span.get(&text), Some(d.text.as_str()));
        }
    }

    #[test]
    fn date_words_in_any_order_never_panic(words in proptest::collection::vec(prop_oneof![
        Just("il"), Just("lo"), Just("scorso"), Just("prossimo"), Just("anno"), Just("anni"), Just("fa"),
        Just("dal"), Just("entro"), Just("31"), Just("1°"), Just("'90"), Just("2025"), Just("9999"),
        Just("febbraio"), Just("dic."), Just("trimestre"), Just("terzo"), Just("metà"), Just("fine"),
        Just("lunedì"), Just("ieri"), Just("Q5"), Just("H2"), Just("del"), Just("dell'"), Just("precedente"),
        Just("120"), Just("ora"), Just("ultimi"), Just("mesi"), Just("2100"), Just("1900"),
    ], 0..12), year in 1..9999i16) {
        let text = words.join(" ");
        let doc = Document::new(&text);
        for anchor in [None, Some(date(year, 1, 1)), Some(date(year, 12, 31))] {
            for d in find_dates(&doc, anchor) {
                prop_assert_eq!(d.span.get(&text), Some(d.text.as_str()));
            }
        }
    }

    #[test]
    fn generated_absolute_dates_are_found_with_their_value(days in 0i64..73000, format in 0u8..7) {
        let d = date(1900, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        prop_assume!(d.year() <= 2099);
        let written = write_date(d, format);
        let text = format!("La società ha comunicato il {written} i risultati.");
        let doc = Document::new(&text);
        let got = find_dates(&doc, Some(ANCHOR));
        prop_assert_eq!(got.len(), 1, "{:?}", got);
        prop_assert_eq!(&got[0].text, &written);
        prop_assert_eq!(got[0].value, DateValue::Day(d));
    }
}

#[test]
fn bare_weekdays_take_the_tense_of_their_own_clause() {
    // ANCHOR is a Wednesday: the last Friday is the 12th, the next one the 19th.
    table! { Some(ANCHOR);
        "I soci incasseranno un premio del 20%, calcolato sul prezzo di venerdì." => [("venerdì", "2025-12-12")],
        "La banca presenterà il piano a gennaio, dopo il crollo di venerdì." => [("gennaio", "2026-01"), ("venerdì", "2025-12-12")],
        "Venerdì, il consiglio ha approvato il bilancio." => [("Venerdì", "2025-12-12")],
        "Il gruppo ha annunciato che venerdì presenterà il piano." => [("venerdì", "2025-12-19")],
        "Il titolo, che aveva perso terreno, recupererà venerdì." => [("venerdì", "2025-12-19")],
        "Venerdì la società presenterà i conti." => [("Venerdì", "2025-12-19")],
    }
}

#[test]
fn per_ora_is_a_limitation_not_a_date() {
    table! { Some(ANCHOR);
        "Per ora la società non commenta." => [],
        "Il piano per ora resta sulla carta." => [],
        "La banca per adesso resta alla finestra." => [],
        "Ora la società punta all'estero." => [("Ora", "PRESENT_REF")],
        "Il gruppo ora tratta con i sindacati." => [("ora", "PRESENT_REF")],
    }
}
