//! A generated Italian news set for throughput benches: deterministic, written from our own
//! templates, with names from the embedded gazetteer.
//!
//! About a third of the sentences state business events (investments, acquisitions, rounds,
//! contracts, launches) with amounts and dates; the rest is the connective prose of economic
//! news (markets, analysts, regulators, people), some of it with numbers and dates of its own.

use cronaca::Article;
use cronaca::gazetteer::{EntityKind, Gazetteer};

/// A small deterministic generator (xorshift64*), so every run benches the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const EVENT: &[&str] = &[
    "{A} ha annunciato un investimento di {M} in {B}, secondo quanto comunicato {D}.",
    "{A} sarebbe in trattativa per acquisire {B} per {M}, riferiscono fonti vicine al dossier.",
    "{B} ha chiuso un round di finanziamento da {M} guidato da {A}, che porta la valutazione a {M2}.",
    "{A} e {B} hanno firmato un contratto pluriennale del valore di {M} per la fornitura di capacità di calcolo.",
    "{A} ha presentato {C}, il nuovo acceleratore per l'intelligenza artificiale, che arriverà {D}.",
    "L'accordo prevede che {A} versi {M} a {B} nel corso dei prossimi cinque anni.",
    "{A} ha completato {D} l'acquisizione di {B}, valutata complessivamente {M}.",
    "Secondo indiscrezioni, {A} potrebbe investire fino a {M} in {B} entro {D}.",
    "{B} è stata valutata {M} dopo l'ultimo aumento di capitale sottoscritto da {A}.",
    "{A} ha annunciato un piano di ristrutturazione che prevede tagli per {M} {D}.",
];

const PROSE: &[&str] = &[
    "Gli analisti restano prudenti sulle prospettive del settore nei prossimi trimestri.",
    "La notizia è stata accolta con favore dagli investitori, che hanno premiato il titolo in Borsa.",
    "Il mercato dei semiconduttori attraversa una fase di forte domanda, trainata dai centri dati.",
    "Le autorità antitrust europee seguono da vicino l'evoluzione delle alleanze nel comparto.",
    "Nel frattempo la concorrenza si fa più serrata, soprattutto sul fronte dei prezzi.",
    "{A} non ha voluto commentare le indiscrezioni circolate nelle ultime ore.",
    "L'amministratore delegato di {A}, {P}, ha parlato di una crescita solida e sostenibile.",
    "Il titolo di {A} ha chiuso la seduta in rialzo del {N}%, dopo un avvio incerto.",
    "Da {D} il gruppo ha rafforzato la presenza in Europa e in Asia.",
    "La società conta oggi circa {K} dipendenti distribuiti in una ventina di paesi.",
    "Il governo ha ribadito l'intenzione di sostenere la filiera nazionale dell'elettronica.",
    "I ricavi del trimestre si sono attestati a {M}, in linea con le attese del consenso.",
    "Resta da capire quale sarà la reazione delle autorità di regolamentazione.",
    "Gli operatori attendono ora i dati sull'inflazione e le decisioni della Banca centrale europea.",
    "Il rapporto con {B} dura da anni ed è considerato strategico da entrambe le parti.",
    "Secondo {P}, la domanda di calcolo per l'intelligenza artificiale non mostra segni di rallentamento.",
    "Le due aziende collaborano già su diversi progetti di ricerca in Italia e negli Stati Uniti.",
    "La sede di Milano ospiterà un nuovo centro di sviluppo entro la fine dell'anno.",
];

const MONTHS: &[&str] = &[
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

fn money(rng: &mut Rng) -> String {
    let n = 1 + rng.below(900);
    match rng.below(7) {
        0 => format!("{n} miliardi di dollari"),
        1 => format!("{},{} mld di euro", n % 50 + 1, rng.below(10)),
        2 => format!("{n} milioni di euro"),
        3 => format!("oltre {n} milioni di dollari"),
        4 => format!("${} mld", n % 40 + 1),
        5 => format!("tra {} e {} miliardi", n % 10 + 1, n % 10 + 5),
        _ => format!("{}.{:03},{} euro", n, rng.below(1000), rng.below(100)),
    }
}

fn date(rng: &mut Rng) -> String {
    let m = rng.pick(MONTHS);
    match rng.below(6) {
        0 => format!("il {} {m} {}", 1 + rng.below(28), 2019 + rng.below(8)),
        1 => format!("lo scorso {m}"),
        2 => format!("a {m}"),
        3 => format!("nel {}", 2015 + rng.below(12)),
        4 => "la settimana scorsa".to_string(),
        _ => format!("entro il {}", 2026 + rng.below(4)),
    }
}

/// About `target` bytes of articles, each of 15–40 sentences in paragraphs of 2–5.
pub fn generated(target: usize) -> Vec<Article> {
    let g = Gazetteer::embedded();
    let of = |k: EntityKind| g.iter().filter(|e| e.kind == k).map(|e| e.name.as_str()).collect::<Vec<_>>();
    let (companies, chips, people) = (of(EntityKind::Company), of(EntityKind::Chip), of(EntityKind::Person));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < target {
        let mut text = String::new();
        let sentences = 15 + rng.below(26);
        let (a, b) = (rng.pick(&companies), rng.pick(&companies));
        for k in 0..sentences {
            if k > 0 {
                text.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
            }
            let template = if rng.below(3) == 0 { rng.pick(EVENT) } else { rng.pick(PROSE) };
            // Mostly the article's two protagonists, sometimes a third company.
            let b2 = if rng.below(4) == 0 { rng.pick(&companies) } else { b };
            let s = template
                .replace("{A}", a)
                .replace("{B}", b2)
                .replace("{C}", rng.pick(&chips))
                .replace("{P}", rng.pick(&people))
                .replace("{M2}", &money(&mut rng))
                .replace("{M}", &money(&mut rng))
                .replace("{D}", &date(&mut rng))
                .replace("{N}", &format!("{},{}", rng.below(9), rng.below(10)))
                .replace("{K}", &format!("{}.{:03}", 1 + rng.below(90), rng.below(1000)));
            text.push_str(&s);
        }
        total += text.len();
        let day = jiff::civil::date(2025, 1 + rng.below(12) as i8, 1 + rng.below(28) as i8);
        articles.push(Article::new(text).with_date(day));
    }
    articles
}
