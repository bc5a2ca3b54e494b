//! Event assembly tests: sentences written for these tests, inputs built by hand.

use super::*;
use crate::gazetteer::EntityKind;
use crate::money::Qualifier;

/// A tiny gazetteer for the tests: surface, kind, id, canonical name.
const NAMES: &[(&str, EntityKind, &str, &str)] = &[
    ("Amazon Web Services", EntityKind::Company, "aws", "Amazon Web Services"),
    ("AWS", EntityKind::Company, "aws", "Amazon Web Services"),
    ("Amazon", EntityKind::Company, "amazon", "Amazon"),
    ("OpenAI", EntityKind::Company, "openai", "OpenAI"),
    ("Microsoft", EntityKind::Company, "microsoft", "Microsoft"),
    ("Anthropic", EntityKind::Company, "anthropic", "Anthropic"),
    ("Nvidia", EntityKind::Company, "nvidia", "Nvidia"),
    ("Oracle", EntityKind::Company, "oracle", "Oracle"),
    ("Meta", EntityKind::Company, "meta", "Meta"),
    ("Intel", EntityKind::Company, "intel", "Intel"),
    ("SoftBank", EntityKind::Company, "softbank", "SoftBank Group"),
    ("Ampere", EntityKind::Company, "ampere", "Ampere Computing"),
    ("Tesla", EntityKind::Company, "tesla", "Tesla"),
    ("Samsung", EntityKind::Company, "samsung", "Samsung Electronics"),
    ("Google", EntityKind::Company, "google", "Google"),
    ("MediaTek", EntityKind::Company, "mediatek", "MediaTek"),
    ("Reuters", EntityKind::Company, "reuters", "Reuters"),
    ("Scale AI", EntityKind::Company, "scale", "Scale AI"),
    ("Mistral", EntityKind::Company, "mistral", "Mistral AI"),
    ("ASML", EntityKind::Company, "asml", "ASML"),
    ("xAI", EntityKind::Company, "xai", "xAI"),
    ("Leonardo", EntityKind::Company, "leonardo", "Leonardo"),
    ("Iveco Defence", EntityKind::Company, "idv", "Iveco Defence Vehicles"),
    ("Silver Lake", EntityKind::Company, "silverlake", "Silver Lake"),
    ("Altera", EntityKind::Company, "altera", "Altera"),
    ("Stellantis", EntityKind::Company, "stellantis", "Stellantis"),
    ("Prysmian", EntityKind::Company, "prysmian", "Prysmian"),
    ("Encore Wire", EntityKind::Company, "encore", "Encore Wire"),
    ("Mps", EntityKind::Company, "mps", "Banca Monte dei Paschi di Siena"),
    ("Intesa", EntityKind::Company, "intesa", "Intesa Sanpaolo"),
    ("UniCredit", EntityKind::Company, "unicredit", "UniCredit"),
    ("Commerzbank", EntityKind::Company, "commerzbank", "Commerzbank"),
    ("Generali", EntityKind::Company, "generali", "Generali"),
    ("Fideuram", EntityKind::Company, "fideuram", "Fideuram"),
    ("Sequoia Capital", EntityKind::Company, "sequoia", "Sequoia Capital"),
    ("Financial Times", EntityKind::Company, "ft", "Financial Times"),
    ("Ironwood", EntityKind::Chip, "ironwood", "Ironwood"),
    ("KKR", EntityKind::Company, "kkr", "KKR"),
    ("Bending Spoons", EntityKind::Company, "bending", "Bending Spoons"),
    ("Fincantieri", EntityKind::Company, "fincantieri", "Fincantieri"),
    ("Carnival", EntityKind::Company, "carnival", "Carnival"),
    ("Amd", EntityKind::Company, "amd", "Advanced Micro Devices"),
    ("MI450", EntityKind::Chip, "mi450", "MI450"),
    ("Sparkle", EntityKind::Company, "sparkle", "Sparkle"),
    ("Natixis", EntityKind::Company, "natixis", "Natixis"),
    ("Cdp", EntityKind::Company, "cdp", "Cassa Depositi e Prestiti"),
    ("Poste", EntityKind::Company, "poste", "Poste Italiane"),
    ("Tim", EntityKind::Company, "tim", "Telecom Italia"),
    ("Eni", EntityKind::Company, "eni", "Eni"),
    ("Plenitude", EntityKind::Company, "plenitude", "Plenitude"),
    ("Arm", EntityKind::Company, "arm", "Arm Holdings"),
    ("JPMorgan", EntityKind::Company, "jpm", "JPMorgan"),
    ("Tpu", EntityKind::Chip, "tpu", "TPU"),
    ("Azure", EntityKind::Company, "azure", "Microsoft Azure"),
    ("Broadcom", EntityKind::Company, "broadcom", "Broadcom"),
    ("Corning", EntityKind::Company, "corning", "Corning"),
    ("Palantir", EntityKind::Company, "palantir", "Palantir"),
    ("Apple", EntityKind::Company, "apple", "Apple"),
    ("Enel", EntityKind::Company, "enel", "Enel"),
    ("Mediobanca", EntityKind::Company, "mediobanca", "Mediobanca"),
    ("Dell", EntityKind::Company, "dell", "Dell Technologies"),
    ("Trainium", EntityKind::Chip, "trainium", "Trainium"),
    ("Blackwell", EntityKind::Chip, "blackwell", "Blackwell"),
    ("Rubin", EntityKind::Chip, "rubin", "Rubin"),
    ("B200", EntityKind::Chip, "b200", "B200"),
    ("B300", EntityKind::Chip, "b300", "B300"),
    ("M5", EntityKind::Chip, "m5", "M5"),
    ("M4", EntityKind::Chip, "m4", "M4"),
    ("Sam Altman", EntityKind::Person, "altman", "Sam Altman"),
    ("Masayoshi Son", EntityKind::Person, "son", "Masayoshi Son"),
    ("Mark Zuckerberg", EntityKind::Person, "zuckerberg", "Mark Zuckerberg"),
    ("Elon Musk", EntityKind::Person, "musk", "Elon Musk"),
];

const EPITHETS: &[(&str, &str, &str)] = &[
    ("il colosso di Seattle", "amazon", "Amazon"),
    ("il gigante di Santa Clara", "nvidia", "Nvidia"),
    ("la casa di Cupertino", "apple", "Apple"),
];

struct Rel;

impl Relations for Rel {
    fn company_of_person(&self, id: &str) -> Option<(&str, &str)> {
        match id {
            "altman" => Some(("openai", "OpenAI")),
            "son" => Some(("softbank", "SoftBank Group")),
            "zuckerberg" => Some(("meta", "Meta")),
            "musk" => Some(("tesla", "Tesla")),
            _ => None,
        }
    }
    fn maker_of(&self, id: &str) -> Option<(&str, &str)> {
        match id {
            "trainium" => Some(("aws", "Amazon Web Services")),
            "blackwell" | "rubin" | "b200" | "b300" => Some(("nvidia", "Nvidia")),
            "m5" | "m4" => Some(("apple", "Apple")),
            _ => None,
        }
    }
    fn group_of(&self, id: &str) -> Option<&str> {
        match id {
            "aws" | "amazon" => Some("amazon"),
            "anthropic" => Some("anthropic"),
            _ => None,
        }
    }
}

fn word_at(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after = text[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before && after
}

fn entities(text: &str) -> Vec<EntityMention> {
    let mut taken = vec![false; text.len()];
    let mut out = Vec::new();
    for &(surface, kind, id, name) in NAMES {
        for (s, _) in text.match_indices(surface) {
            let e = s + surface.len();
            if !word_at(text, s, e) || taken[s..e].iter().any(|t| *t) {
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = true);
            out.push(EntityMention {
                span: Span::new(s, e),
                text: surface.to_string(),
                kind,
                id: id.to_string(),
                name: name.to_string(),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

fn epithets(text: &str) -> Vec<Coreferent<'static>> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    for &(surface, id, name) in EPITHETS {
        for (s, _) in lower.match_indices(&surface.to_lowercase()) {
            out.push(Coreferent { span: Span::new(s, s + surface.len()), id, name });
        }
    }
    out
}

fn money(text: &str, items: &[(&str, &str, Option<Qualifier>)]) -> Vec<Money> {
    let mut out: Vec<Money> = items
        .iter()
        .map(|&(surface, amount, qualifier)| {
            let s =
                text.find(surface).unwrap_or_else(|| panic!("help: money {surface:?} not in the test text"));
            Money {
                span: Span::new(s, s + surface.len()),
                text: surface.to_string(),
                amount: Some(amount.parse().unwrap()),
                amount_max: None,
                currency: Some(if surface.contains("euro") { Currency::EUR } else { Currency::USD }),
                currency_explicit: true,
                qualifier,
                vague: false,
            }
        })
        .collect();
    out.sort_by_key(|m| m.span.start);
    out
}

fn dates(text: &str, items: &[(&str, &str)]) -> Vec<DateMention> {
    items
        .iter()
        .map(|&(surface, value)| {
            let s =
                text.find(surface).unwrap_or_else(|| panic!("help: date {surface:?} not in the test text"));
            DateMention {
                span: Span::new(s, s + surface.len()),
                text: surface.to_string(),
                // `since:2019` gives the modifier of `dal 2019`.
                value: value.trim_start_matches("since:").parse().unwrap(),
                modifier: value.starts_with("since:").then_some(crate::date::DateModifier::Since),
                part: None,
            }
        })
        .collect()
}

/// type, agent, target, amount
type Want = (EventType, Option<&'static str>, Option<&'static str>, Option<&'static str>);
type Got = (EventType, Option<String>, Option<String>, Option<String>);

struct Case {
    text: &'static str,
    money: &'static [(&'static str, &'static str, Option<Qualifier>)],
    dates: &'static [(&'static str, &'static str)],
    want: &'static [Want],
}

fn run(text: &str, m: &[(&str, &str, Option<Qualifier>)], d: &[(&str, &str)]) -> Vec<Event> {
    let ents = entities(text);
    let eps = epithets(text);
    let money = money(text, m);
    let dates = dates(text, d);
    let doc = Document::new(text);
    let input = Input { entities: &ents, epithets: &eps, money: &money, dates: &dates, relations: &Rel };
    let events = find_events(&doc, &input);
    for e in &events {
        assert!(text.get(e.span.start..e.span.end).is_some(), "evidence span must be on char boundaries");
        assert!(e.entities.iter().all(|&i| i < ents.len()));
        assert!(e.money.is_none_or(|i| i < money.len()));
        assert!(e.date.is_none_or(|i| i < dates.len()));
    }
    events
}

fn check(cases: &[Case]) {
    for c in cases {
        let events = run(c.text, c.money, c.dates);
        let mut got: Vec<Got> = events
            .iter()
            .map(|e| (e.kind, e.agent.clone(), e.target.clone(), e.amount.map(|a| a.to_string())))
            .collect();
        let mut want: Vec<_> = c
            .want
            .iter()
            .map(|&(k, a, t, m)| (k, a.map(String::from), t.map(String::from), m.map(String::from)))
            .collect();
        got.sort_by_key(|x| format!("{x:?}"));
        want.sort_by_key(|x| format!("{x:?}"));
        assert_eq!(got, want, "\n  text: {}\n  help: see src/event/assemble.rs `fill`", c.text);
    }
}

use EventType::*;

const B: Option<Qualifier> = None;

#[test]
fn investments_in_both_voices_and_nominal_forms() {
    check(&[
        Case {
            text: "A investire in Anthropic è stata Amazon, con 4 miliardi di dollari.",
            money: &[("4 miliardi di dollari", "4000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("Anthropic"), Some("4000000000"))],
        },
        Case {
            text: "Nvidia ha messo sul tavolo 5 miliardi di dollari per Intel.",
            money: &[("5 miliardi di dollari", "5000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Nvidia"), Some("Intel"), Some("5000000000"))],
        },
        Case {
            text: "Amazon investe 4 miliardi di dollari in Anthropic.",
            money: &[("4 miliardi di dollari", "4000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("Anthropic"), Some("4000000000"))],
        },
        Case {
            text: "OpenAI ha ricevuto da Microsoft un nuovo investimento da 2 miliardi di dollari.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Microsoft"), Some("OpenAI"), Some("2000000000"))],
        },
        Case {
            text: "L'investimento di Amazon in OpenAI supererebbe i 10 miliardi di dollari.",
            money: &[("10 miliardi di dollari", "10000000000", Some(Qualifier::Over))],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("OpenAI"), Some("10000000000"))],
        },
        Case {
            text: "Nvidia e SoftBank sono entrati nel capitale di Intel.",
            money: &[],
            dates: &[],
            want: &[
                (Investment, Some("Nvidia"), Some("Intel"), None),
                (Investment, Some("SoftBank Group"), Some("Intel"), None),
            ],
        },
        Case {
            text: "Il governo americano metterà sul piatto 9 miliardi di dollari per rilevare titoli di Intel.",
            money: &[("9 miliardi di dollari", "9000000000", B)],
            dates: &[],
            want: &[(Investment, None, Some("Intel"), Some("9000000000"))],
        },
        Case {
            text: "OpenAI è in trattativa con Amazon per un investimento che potrebbe superare i 10 miliardi di dollari.",
            money: &[("10 miliardi di dollari", "10000000000", Some(Qualifier::Over))],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("OpenAI"), Some("10000000000"))],
        },
        Case {
            text: "Meta punta su Scale AI. Il gruppo di Mark Zuckerberg verserà 15 miliardi di dollari per una quota \
                   del 49% nella società.",
            money: &[("15 miliardi di dollari", "15000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Meta"), Some("Scale AI"), Some("15000000000"))],
        },
    ]);
}

#[test]
fn acquisitions_active_passive_nominal_and_stakes() {
    check(&[
        Case {
            text: "Ad acquistare Ampere sarà SoftBank, che pagherà 6,5 miliardi di dollari.",
            money: &[("6,5 miliardi di dollari", "6500000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("SoftBank Group"), Some("Ampere Computing"), Some("6500000000"))],
        },
        Case {
            text: "L'acquisizione di Mediobanca da parte di Mps, annunciata ieri, vale 16 miliardi di euro.",
            money: &[("16 miliardi di euro", "16000000000", B)],
            dates: &[],
            want: &[(
                Acquisition,
                Some("Banca Monte dei Paschi di Siena"),
                Some("Mediobanca"),
                Some("16000000000"),
            )],
        },
        Case {
            text: "Leonardo compra Iveco Defence per 1,7 miliardi di euro.",
            money: &[("1,7 miliardi di euro", "1700000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Leonardo"), Some("Iveco Defence Vehicles"), Some("1700000000"))],
        },
        Case {
            text: "Una quota di Altera è stata acquisita da Silver Lake.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Silver Lake"), Some("Altera"), None)],
        },
        Case {
            text: "Il fondo Silver Lake rileverà il 30% di Altera.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Silver Lake"), Some("Altera"), None)],
        },
        Case {
            text: "Prysmian ha completato l'acquisizione di Encore Wire per 3,9 miliardi di euro.",
            money: &[("3,9 miliardi di euro", "3900000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Prysmian"), Some("Encore Wire"), Some("3900000000"))],
        },
        Case {
            text: "Generali potrebbe essere oggetto di un'offerta da parte di UniCredit.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("UniCredit"), Some("Generali"), None)],
        },
        Case {
            text: "Il rilancio di Mps su Mediobanca non convince la Borsa.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Banca Monte dei Paschi di Siena"), Some("Mediobanca"), None)],
        },
        Case {
            text: "SoftBank ha trovato un accordo con Ampere per rilevarne il controllo. L'operazione vale \
                   6,5 miliardi di dollari.",
            money: &[("6,5 miliardi di dollari", "6500000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("SoftBank Group"), Some("Ampere Computing"), Some("6500000000"))],
        },
        Case {
            text: "Secondo Reuters, Meta ha comprato il 49% di Scale AI.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Meta"), Some("Scale AI"), None)],
        },
        Case {
            text: "xAI userà i fondi per comprare 100.000 chip di Nvidia.",
            money: &[],
            dates: &[],
            want: &[],
        },
    ]);
}

#[test]
fn funding_rounds_contracts_launches_valuations_restructurings() {
    check(&[
        Case {
            text: "Mistral ha chiuso un round da 1,7 miliardi di euro guidato da ASML.",
            money: &[("1,7 miliardi di euro", "1700000000", B)],
            dates: &[],
            want: &[(FundingRound, Some("ASML"), Some("Mistral AI"), Some("1700000000"))],
        },
        Case {
            text: "xAI ha raccolto 6 miliardi di dollari. Nel 2024 xAI ha raccolto in tutto 12 miliardi di dollari.",
            money: &[
                ("6 miliardi di dollari", "6000000000", B),
                ("12 miliardi di dollari", "12000000000", B),
            ],
            dates: &[],
            want: &[(FundingRound, None, Some("xAI"), Some("6000000000"))],
        },
        Case {
            text: "L'accordo tra Oracle e Meta vale 20 miliardi di dollari.",
            money: &[("20 miliardi di dollari", "20000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Oracle"), Some("Meta"), Some("20000000000"))],
        },
        Case {
            text: "OpenAI ha firmato un contratto da 38 miliardi di dollari con AWS.",
            money: &[("38 miliardi di dollari", "38000000000", B)],
            dates: &[],
            want: &[(Contract, Some("OpenAI"), Some("Amazon Web Services"), Some("38000000000"))],
        },
        Case {
            text: "Con Dell Meta discute un contratto da 5 miliardi di dollari per la fornitura a Meta di rack.",
            money: &[("5 miliardi di dollari", "5000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Meta"), Some("Dell Technologies"), Some("5000000000"))],
        },
        Case {
            text: "Generali e Natixis hanno siglato un accordo per una società da 1.900 miliardi di euro di masse.",
            money: &[("1.900 miliardi di euro", "1900000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Generali"), Some("Natixis"), None)],
        },
        Case {
            text: "Samsung ha firmato con Tesla un contratto da 16 miliardi di dollari per produrre chip.",
            money: &[("16 miliardi di dollari", "16000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Tesla"), Some("Samsung Electronics"), Some("16000000000"))],
        },
        Case {
            text: "Tesla affida a Samsung la produzione dei suoi chip.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Tesla"), Some("Samsung Electronics"), None)],
        },
        Case {
            text: "Nvidia ha presentato Blackwell e Rubin.",
            money: &[],
            dates: &[],
            want: &[
                (ChipLaunch, Some("Nvidia"), Some("Blackwell"), None),
                (ChipLaunch, Some("Nvidia"), Some("Rubin"), None),
            ],
        },
        Case {
            text: "Nvidia ha presentato ieri i nuovi sistemi: B200 arriverà subito, più avanti toccherà a Rubin, \
                   che sfiderà il chip M5 della casa di Cupertino.",
            money: &[],
            dates: &[],
            want: &[
                (ChipLaunch, Some("Nvidia"), Some("B200"), None),
                (ChipLaunch, Some("Nvidia"), Some("Rubin"), None),
            ],
        },
        Case {
            text: "È stato presentato ieri il nuovo Trainium.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Amazon Web Services"), Some("Trainium"), None)],
        },
        Case {
            text: "Il chip M5, svelato a ottobre, equipaggia i nuovi portatili.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Apple"), Some("M5"), None)],
        },
        Case {
            text: "Il valore di mercato di Apple ha superato i 3.500 miliardi di dollari.",
            money: &[("3.500 miliardi di dollari", "3500000000000", Some(Qualifier::Over))],
            dates: &[],
            want: &[(Valuation, None, Some("Apple"), Some("3500000000000"))],
        },
        Case {
            text: "Anthropic ha ottenuto una valutazione di 183 miliardi di dollari.",
            money: &[("183 miliardi di dollari", "183000000000", B)],
            dates: &[],
            want: &[(Valuation, None, Some("Anthropic"), Some("183000000000"))],
        },
        Case {
            text: "Intel ha subito un incendio. La valutazione dei danni supera 2 miliardi di dollari.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[],
        },
        Case {
            text: "In Borsa Intel vale ora 180 miliardi di dollari.",
            money: &[("180 miliardi di dollari", "180000000000", B)],
            dates: &[],
            want: &[(Valuation, None, Some("Intel"), Some("180000000000"))],
        },
        Case {
            text: "Intel ha annunciato una riorganizzazione delle sue divisioni.",
            money: &[],
            dates: &[],
            want: &[(Restructuring, None, Some("Intel"), None)],
        },
        Case {
            text: "Stellantis sponsorizza la squadra. Sono iniziati i lavori di ristrutturazione dello stadio.",
            money: &[],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Stellantis chiude il semestre in rosso. Pesano i costi dei piani di ristrutturazione.",
            money: &[],
            dates: &[],
            want: &[(Restructuring, None, Some("Stellantis"), None)],
        },
    ]);
}

#[test]
fn sellers_stakes_market_lists_and_supply_deals() {
    check(&[
        Case {
            text: "Intesa ha ceduto a Generali il 5% della controllata Fideuram per 400 milioni di euro.",
            money: &[("400 milioni di euro", "400000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Generali"), Some("Fideuram"), Some("400000000"))],
        },
        Case {
            text: "UniCredit è salita al 25% di Commerzbank.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("UniCredit"), Some("Commerzbank"), None)],
        },
        Case {
            text: "In Borsa UniCredit vale 90 miliardi di euro. Intesa sale a 92 miliardi di euro, Generali si ferma a \
                   50 miliardi di euro.",
            money: &[
                ("90 miliardi di euro", "90000000000", B),
                ("92 miliardi di euro", "92000000000", B),
                ("50 miliardi di euro", "50000000000", B),
            ],
            dates: &[],
            want: &[
                (Valuation, None, Some("UniCredit"), Some("90000000000")),
                (Valuation, None, Some("Intesa Sanpaolo"), Some("92000000000")),
                (Valuation, None, Some("Generali"), Some("50000000000")),
            ],
        },
        Case {
            text: "Il titolo UniCredit vale 60 euro.",
            money: &[("60 euro", "60", B)],
            dates: &[],
            want: &[],
        },
        Case {
            // Without a valuation before, a price move is not a valuation.
            text: "Il titolo Intesa sale a 5 euro.",
            money: &[("5 euro", "5", B)],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Oracle e OpenAI hanno firmato un contratto da 300 miliardi di dollari. Oracle fornirà a OpenAI \
                   capacità di calcolo.",
            money: &[("300 miliardi di dollari", "300000000000", B)],
            dates: &[],
            want: &[(Contract, Some("OpenAI"), Some("Oracle"), Some("300000000000"))],
        },
        Case {
            text: "Secondo indiscrezioni del Financial Times, SoftBank tratta per rilevare Ampere.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("SoftBank Group"), Some("Ampere Computing"), None)],
        },
        Case {
            text: "Google ha lanciato la nuova Tpu Ironwood.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Google"), Some("Ironwood"), None)],
        },
        Case {
            text: "Anthropic cerca capitali. Sequoia Capital e Microsoft hanno investito 2 miliardi di dollari \
                   nella società.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[
                (Investment, Some("Sequoia Capital"), Some("Anthropic"), Some("2000000000")),
                (Investment, Some("Microsoft"), Some("Anthropic"), Some("2000000000")),
            ],
        },
    ]);
}

#[test]
fn guesses_skip_the_agents_own_group_and_restated_deals() {
    check(&[
        Case {
            text: "Amazon Web Services addestra i modelli di Anthropic. Nel 2023 Amazon ha investito 4 miliardi di \
                   dollari nella startup.",
            money: &[("4 miliardi di dollari", "4000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("Anthropic"), Some("4000000000"))],
        },
        Case {
            text: "Microsoft e OpenAI hanno rinegoziato il loro accordo.",
            money: &[],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Amazon ha investito 4 miliardi di dollari in Anthropic, poi Google ha aggiunto 1 miliardo di dollari.",
            money: &[("4 miliardi di dollari", "4000000000", B), ("1 miliardo di dollari", "1000000000", B)],
            dates: &[],
            want: &[
                (Investment, Some("Amazon"), Some("Anthropic"), Some("4000000000")),
                (Investment, Some("Google"), Some("Anthropic"), Some("1000000000")),
            ],
        },
        Case {
            text: "A marzo Anthropic ha ottenuto una valutazione di 60 miliardi di dollari, e a ottobre si parlava già \
                   di 180 miliardi di dollari.",
            money: &[
                ("60 miliardi di dollari", "60000000000", B),
                ("180 miliardi di dollari", "180000000000", B),
            ],
            dates: &[],
            want: &[
                (Valuation, None, Some("Anthropic"), Some("60000000000")),
                (Valuation, None, Some("Anthropic"), Some("180000000000")),
            ],
        },
    ]);
}

#[test]
fn customers_leads_market_caps_and_future_launches() {
    check(&[
        Case {
            text: "Fincantieri si è aggiudicata una commessa da 2 miliardi di euro da Carnival.",
            money: &[("2 miliardi di euro", "2000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Carnival"), Some("Fincantieri"), Some("2000000000"))],
        },
        Case {
            text: "Microsoft ha assegnato a Nvidia un contratto da 20 miliardi di dollari.",
            money: &[("20 miliardi di dollari", "20000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Microsoft"), Some("Nvidia"), Some("20000000000"))],
        },
        Case {
            text: "Nvidia entra nel capitale di Intel con una quota del 4%. L'investimento vale 5 miliardi di dollari.",
            money: &[("5 miliardi di dollari", "5000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Nvidia"), Some("Intel"), Some("5000000000"))],
        },
        Case {
            text: "Mistral ha chiuso un aumento di capitale da 1,7 miliardi di euro sottoscritto da ASML.",
            money: &[("1,7 miliardi di euro", "1700000000", B)],
            dates: &[],
            want: &[(FundingRound, Some("ASML"), Some("Mistral AI"), Some("1700000000"))],
        },
        Case {
            text: "Nvidia capitalizza ormai 5.000 miliardi di dollari.",
            money: &[("5.000 miliardi di dollari", "5000000000000", B)],
            dates: &[],
            want: &[(Valuation, None, Some("Nvidia"), Some("5000000000000"))],
        },
        Case {
            text: "Intel ha completato la cessione di Altera a Silver Lake.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Silver Lake"), Some("Altera"), None)],
        },
        Case {
            text: "Microsoft ha acquisito una quota del 10% in Mistral.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Microsoft"), Some("Mistral AI"), None)],
        },
        Case {
            text: "Amd annuncia il chip MI450 per i data center.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Advanced Micro Devices"), Some("MI450"), None)],
        },
        Case {
            text: "Amd lancerà a settembre il chip MI450.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Advanced Micro Devices"), Some("MI450"), None)],
        },
    ]);
}

#[test]
fn clauses_relatives_and_verbs_of_saying() {
    check(&[
        Case {
            text: "Nvidia ha annunciato che investirà 100 miliardi di dollari in OpenAI, mentre Amd ha siglato con \
                   Oracle un'intesa per la fornitura di chip.",
            money: &[("100 miliardi di dollari", "100000000000", B)],
            dates: &[],
            want: &[
                (Investment, Some("Nvidia"), Some("OpenAI"), Some("100000000000")),
                (Contract, Some("Advanced Micro Devices"), Some("Oracle"), None),
            ],
        },
        Case {
            text: "L'accordo si affiancherebbe a quello da 300 miliardi di dollari che Oracle ha firmato a settembre \
                   con OpenAI.",
            money: &[("300 miliardi di dollari", "300000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Oracle"), Some("OpenAI"), Some("300000000000"))],
        },
        Case {
            text: "Anthropic ha raccolto 13 miliardi di dollari. Il round da 13.000 milioni di dollari è stato \
                   guidato da Sequoia Capital.",
            money: &[
                ("13 miliardi di dollari", "13000000000", B),
                ("13.000 milioni di dollari", "13000000000", B),
            ],
            dates: &[],
            want: &[(FundingRound, Some("Sequoia Capital"), Some("Anthropic"), Some("13000000000"))],
        },
    ]);
}

#[test]
fn rankings_of_rounds_after_a_funding_report() {
    check(&[
        Case {
            text: "Le startup italiane hanno chiuso 150 round nel 2025. In testa c'è Mistral con 90 milioni di euro, \
                   seguita da Anthropic con 40 milioni di euro.",
            money: &[("90 milioni di euro", "90000000", B), ("40 milioni di euro", "40000000", B)],
            dates: &[],
            want: &[
                (FundingRound, None, Some("Mistral AI"), Some("90000000")),
                (FundingRound, None, Some("Anthropic"), Some("40000000")),
            ],
        },
        Case {
            text: "Nuova raccolta per Mistral. La startup ha incassato 200 milioni di euro in un round che la valuta \
                   20 miliardi di euro.",
            money: &[("200 milioni di euro", "200000000", B), ("20 miliardi di euro", "20000000000", B)],
            dates: &[],
            want: &[
                (FundingRound, None, Some("Mistral AI"), Some("200000000")),
                (Valuation, None, Some("Mistral AI"), Some("20000000000")),
            ],
        },
        Case {
            // Without a funding report nearby, `X con N` is not a round.
            text: "Nvidia chiude il trimestre con 50 miliardi di dollari di ricavi.",
            money: &[("50 miliardi di dollari", "50000000000", B)],
            dates: &[],
            want: &[],
        },
    ]);
}

#[test]
fn object_nouns_lenders_spin_offs_and_states() {
    check(&[
        Case {
            text: "SoftBank guiderà un round da 40 miliardi di dollari in OpenAI, che valuterà la società 300 miliardi \
                   di dollari.",
            money: &[
                ("40 miliardi di dollari", "40000000000", B),
                ("300 miliardi di dollari", "300000000000", B),
            ],
            dates: &[],
            want: &[
                (FundingRound, Some("SoftBank Group"), Some("OpenAI"), Some("40000000000")),
                (Valuation, None, Some("OpenAI"), Some("300000000000")),
            ],
        },
        Case {
            text: "Leonardo ha firmato l'accordo per rilevare da Stellantis la divisione dei veicoli per 400 milioni di \
                   euro.",
            money: &[("400 milioni di euro", "400000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Leonardo"), Some("Stellantis"), Some("400000000"))],
        },
        Case {
            text: "Intel ha ottenuto dal governo americano 7,9 miliardi di dollari.",
            money: &[("7,9 miliardi di dollari", "7900000000", B)],
            dates: &[],
            want: &[(Investment, None, Some("Intel"), Some("7900000000"))],
        },
        Case {
            text: "Poste ha ceduto a Cdp la sua quota del 3,78% in Tim.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Cassa Depositi e Prestiti"), Some("Telecom Italia"), None)],
        },
        Case {
            text: "Bending Spoons ha ricevuto un finanziamento da 2 miliardi di dollari da JPMorgan.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[(FundingRound, None, Some("Bending Spoons"), Some("2000000000"))],
        },
        Case {
            text: "Plenitude ha raccolto 2 miliardi di euro da KKR.",
            money: &[("2 miliardi di euro", "2000000000", B)],
            dates: &[],
            want: &[(FundingRound, Some("KKR"), Some("Plenitude"), Some("2000000000"))],
        },
        Case {
            text: "Eni ha completato lo scorporo di Plenitude.",
            money: &[],
            dates: &[],
            want: &[(Restructuring, None, Some("Eni"), None)],
        },
        Case {
            text: "Tim vende Sparkle al Tesoro per 700 milioni di euro.",
            money: &[("700 milioni di euro", "700000000", B)],
            dates: &[],
            want: &[(Acquisition, None, Some("Sparkle"), Some("700000000"))],
        },
        Case {
            text: "Secondo Reuters, Arm varrebbe oggi 150 miliardi di dollari.",
            money: &[("150 miliardi di dollari", "150000000000", B)],
            dates: &[],
            want: &[(Valuation, None, Some("Arm Holdings"), Some("150000000000"))],
        },
    ]);
    let e = run("Mediobanca è stata acquisita da Mps.", &[], &[]);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].status, Some(Status::Completed), "a passive perfect reports a done deal");
    assert_eq!(&"Mediobanca è stata acquisita da Mps."[e[0].trigger.range()], "acquisita");
}

#[test]
fn coreference_epithets_role_nouns_and_people() {
    check(&[
        Case {
            text: "Anthropic cerca nuovi capitali. Il colosso di Seattle ha investito altri 4 miliardi di dollari \
                   nella startup.",
            money: &[("4 miliardi di dollari", "4000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("Anthropic"), Some("4000000000"))],
        },
        Case {
            text: "La società guidata da Sam Altman ha firmato un contratto da 38 miliardi di dollari con Amazon Web \
                   Services.",
            money: &[("38 miliardi di dollari", "38000000000", B)],
            dates: &[],
            want: &[(Contract, Some("OpenAI"), Some("Amazon Web Services"), Some("38000000000"))],
        },
        Case {
            text: "Nvidia cresce ancora. La società ha comprato Ampere.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("Nvidia"), Some("Ampere Computing"), None)],
        },
        Case {
            text: "Nvidia cresce ancora. La società di processori Ampere ha raccolto 1 miliardo di dollari.",
            money: &[("1 miliardo di dollari", "1000000000", B)],
            dates: &[],
            want: &[(FundingRound, None, Some("Ampere Computing"), Some("1000000000"))],
        },
        Case {
            text: "Il gruppo di Masayoshi Son rileverà Ampere.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("SoftBank Group"), Some("Ampere Computing"), None)],
        },
        Case {
            text: "Nvidia archivia un trimestre record. L'azienda ha presentato Rubin.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Nvidia"), Some("Rubin"), None)],
        },
        Case {
            text: "Intel accoglie la mossa di SoftBank, che sottoscriverà nuove azioni del gruppo americano.",
            money: &[],
            dates: &[],
            want: &[(Investment, Some("SoftBank Group"), Some("Intel"), None)],
        },
        Case {
            text: "Elon Musk ha presentato un'offerta di acquisto su OpenAI.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, None, Some("OpenAI"), None)],
        },
        Case {
            text: "Microsoft sostiene OpenAI da anni. Il gruppo di Redmond ha investito oltre 13 miliardi di dollari \
                   dal 2019.",
            money: &[("13 miliardi di dollari", "13000000000", Some(Qualifier::Over))],
            dates: &[("2019", "since:2019")],
            want: &[(Investment, Some("Microsoft"), Some("OpenAI"), Some("13000000000"))],
        },
    ]);
}

/// Failure classes seen on unseen news, each with sentences written for it.
#[test]
fn goods_plans_debt_generic_subjects_and_restatements() {
    check(&[
        // Buying services, capacity or chips is a supply contract: buyer → seller.
        Case {
            text: "Meta ha firmato con Google un'intesa: il gruppo di Mark Zuckerberg acquisterà capacità \
                   di calcolo da Google per 10 miliardi di dollari.",
            money: &[("10 miliardi di dollari", "10000000000", B)],
            dates: &[],
            want: &[(Contract, Some("Meta"), Some("Google"), Some("10000000000"))],
        },
        Case {
            text: "OpenAI comprerà servizi Azure per 50 miliardi di dollari.",
            money: &[("50 miliardi di dollari", "50000000000", B)],
            dates: &[],
            want: &[(Contract, Some("OpenAI"), Some("Microsoft Azure"), Some("50000000000"))],
        },
        Case {
            text: "Oracle comprerà da Amd 50.000 acceleratori MI450 per i suoi data center.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Oracle"), Some("Advanced Micro Devices"), None)],
        },
        // A purchase that is only the purpose of some money is not yet a deal.
        Case {
            text: "Mistral userà i fondi per comprare processori di Nvidia.",
            money: &[],
            dates: &[],
            want: &[],
        },
        // But buying a company stays an acquisition.
        Case {
            text: "Prysmian comprerà Encore Wire per 4 miliardi di dollari.",
            money: &[("4 miliardi di dollari", "4000000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Prysmian"), Some("Encore Wire"), Some("4000000000"))],
        },
        // Money spent in a place is a spending plan; a deal beside it keeps no amount of the plan.
        Case {
            text: "Apple ha presentato investimenti in Germania per 20 miliardi di euro, inclusa un'intesa con \
                   Broadcom e Corning.",
            money: &[("20 miliardi di euro", "20000000000", B)],
            dates: &[],
            want: &[
                (Contract, Some("Apple"), Some("Broadcom"), None),
                (Contract, Some("Apple"), Some("Corning"), None),
            ],
        },
        // `Stati` in `negli Stati Uniti` is a name, not the auxiliary `stati`.
        Case {
            text: "Dell prevede investimenti negli Stati Uniti e un'intesa con Broadcom.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Dell Technologies"), Some("Broadcom"), None)],
        },
        Case {
            text: "Stellantis investirà 2 miliardi di euro negli stabilimenti italiani.",
            money: &[("2 miliardi di euro", "2000000000", B)],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Stellantis cresce. Il fondo KKR punta a investire 3 miliardi di euro entro il 2030.",
            money: &[("3 miliardi di euro", "3000000000", B)],
            dates: &[],
            want: &[],
        },
        // Equity raised together with debt is still a funding round.
        Case {
            text: "OpenAI prevede di raccogliere 3 miliardi di dollari tra nuove azioni e prestiti convertibili.",
            money: &[("3 miliardi di dollari", "3000000000", None)],
            dates: &[],
            want: &[(FundingRound, None, Some("OpenAI"), Some("3000000000"))],
        },
        Case {
            text: "Intel taglia i costi. Secondo Reuters, Nvidia avrebbe valutato un ingresso nel capitale, \
                   mentre Amd, che ha ridotto la quota, non seguirà l'aumento.",
            money: &[],
            dates: &[],
            want: &[(Investment, Some("Nvidia"), Some("Intel"), None)],
        },
        Case {
            text: "Amazon ha acquistato lanci da Broadcom, Corning e Dell per i suoi satelliti.",
            money: &[],
            dates: &[],
            want: &[
                (Contract, Some("Amazon"), Some("Broadcom"), None),
                (Contract, Some("Amazon"), Some("Corning"), None),
                (Contract, Some("Amazon"), Some("Dell Technologies"), None),
            ],
        },
        Case {
            text: "Palantir ha firmato con l'esercito americano un contratto da 10 miliardi di dollari.",
            money: &[("10 miliardi di dollari", "10000000000", None)],
            dates: &[],
            want: &[(Contract, None, Some("Palantir"), Some("10000000000"))],
        },
        // Debt is not a funding round.
        Case {
            text: "Eni ha raccolto 3 miliardi di euro con un'emissione di obbligazioni a dieci anni.",
            money: &[("3 miliardi di euro", "3000000000", B)],
            dates: &[],
            want: &[],
        },
        // Nor is the money of a listing.
        Case {
            text: "Mistral punta a sbarcare in Borsa entro il 2027, con una raccolta fino a 2 miliardi di euro.",
            money: &[("2 miliardi di euro", "2000000000", B)],
            dates: &[],
            want: &[],
        },
        // `l'investimento di X` without a destination: one in the company the article is about.
        Case {
            text: "Mistral prepara la quotazione. L'autorità di controllo esamina ancora l'investimento \
                   di KKR.",
            money: &[],
            dates: &[],
            want: &[(Investment, Some("KKR"), Some("Mistral AI"), None)],
        },
        // A deal that was only attempted did not happen; `finita a X` says who got it.
        Case {
            text: "Nvidia aveva tentato di acquistare Arm, poi finita a SoftBank.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("SoftBank Group"), Some("Arm Holdings"), None)],
        },
        // Plural role nouns are generic; a class noun before an unknown name introduces a new company.
        Case {
            text: "Mistral ha chiuso un round da 600 milioni di euro. Le startup europee hanno raccolto \
                   10 miliardi nel trimestre.",
            money: &[("600 milioni di euro", "600000000", B), ("10 miliardi", "10000000000", B)],
            dates: &[],
            want: &[(FundingRound, None, Some("Mistral AI"), Some("600000000"))],
        },
        Case {
            text: "Mistral ha chiuso un round da 600 milioni di euro. La startup milanese Quadra Robotica ha \
                   incassato 5 milioni da un gruppo di investitori tra cui Sequoia Capital.",
            money: &[("600 milioni di euro", "600000000", B), ("5 milioni", "5000000", B)],
            dates: &[],
            want: &[(FundingRound, None, Some("Mistral AI"), Some("600000000"))],
        },
        // But `Usa` after a role noun qualifies it; it names no new company.
        Case {
            text: "Intel cresce. Il colosso Usa ha ricevuto 2 miliardi di dollari da SoftBank.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[(Investment, Some("SoftBank Group"), Some("Intel"), Some("2000000000"))],
        },
        // Taking part in someone's round is an investment in it, with its own share.
        Case {
            text: "Nvidia ha partecipato al round da 6 miliardi di xAI con 2 miliardi di dollari.",
            money: &[("6 miliardi", "6000000000", B), ("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Nvidia"), Some("xAI"), Some("2000000000"))],
        },
        Case { text: "Nvidia ha partecipato alla conferenza di Parigi.", money: &[], dates: &[], want: &[] },
        // A share price in the next sentence is no deal's value.
        Case {
            text: "Amazon investe in Anthropic. Il prezzo delle azioni Amazon è salito a 230 dollari.",
            money: &[("230 dollari", "230", B)],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("Anthropic"), None)],
        },
        // A company does not invest in itself: an epithet naming the agent means the other company.
        Case {
            text: "Intel torna a crescere. Nvidia metterà 5 miliardi di dollari nel gigante di Santa Clara.",
            money: &[("5 miliardi di dollari", "5000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Nvidia"), Some("Intel"), Some("5000000000"))],
        },
        // Without `in X`, money goes to the company the sentence is about before the article's topic.
        Case {
            text: "Nvidia presenta i conti. Nvidia cresce. Per Intel è il secondo socio in un mese: SoftBank \
                   aveva sottoscritto azioni per 2 miliardi di dollari.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[(Investment, Some("SoftBank Group"), Some("Intel"), Some("2000000000"))],
        },
        // The value of a company just bought is the deal's price; a definite restatement folds.
        Case {
            text: "Google compra Mistral. L'operazione, interamente in contanti, valuta la società 12 miliardi \
                   di euro.",
            money: &[("12 miliardi di euro", "12000000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Google"), Some("Mistral AI"), Some("12000000000"))],
        },
        Case {
            text: "Prysmian compra Encore Wire. Il gruppo americano ha annunciato ieri l'acquisizione della \
                   società per 4 miliardi di dollari.",
            money: &[("4 miliardi di dollari", "4000000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Prysmian"), Some("Encore Wire"), Some("4000000000"))],
        },
        // `che l'ha valutata`: the clitic is the company that raised the round, not its lead.
        Case {
            text: "Anthropic ha completato una raccolta da 13 miliardi guidata da Sequoia Capital che l'ha \
                   valutata 180 miliardi.",
            money: &[("13 miliardi", "13000000000", B), ("180 miliardi", "180000000000", B)],
            dates: &[],
            want: &[
                (FundingRound, Some("Sequoia Capital"), Some("Anthropic"), Some("13000000000")),
                (Valuation, None, Some("Anthropic"), Some("180000000000")),
            ],
        },
        // A coordination keeps its preposition: `in X, e con Y` are two complements.
        Case {
            text: "Microsoft ha investito 13 miliardi in OpenAI, e con Amd ha trattato a lungo.",
            money: &[("13 miliardi", "13000000000", B)],
            dates: &[],
            want: &[(Investment, Some("Microsoft"), Some("OpenAI"), Some("13000000000"))],
        },
        // An unnamed asset sold to a named buyer: the buyer acquires, the target stays null.
        Case {
            text: "A giugno Enel ha venduto a Eni il 30% di alcuni parchi eolici per 700 milioni di euro.",
            money: &[("700 milioni di euro", "700000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Eni"), None, Some("700000000"))],
        },
        Case {
            text: "Enel ha chiuso il semestre, mentre tre mesi fa ha venduto a Eni quote di tre impianti solari \
                   per 700 milioni di euro.",
            money: &[("700 milioni di euro", "700000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("Eni"), None, Some("700000000"))],
        },
        // A company funded in the passive voice; an unknown name as the subject stops any guess.
        Case {
            text: "La romana Mistral, che sviluppa modelli linguistici, è stata finanziata con 6 milioni di euro \
                   da KKR e Sequoia Capital.",
            money: &[("6 milioni di euro", "6000000", B)],
            dates: &[],
            want: &[(FundingRound, Some("KKR"), Some("Mistral AI"), Some("6000000"))],
        },
        Case {
            text: "Mistral ha chiuso un round da 60 milioni di euro. Ieri la bolognese Quadra, che produce sensori \
                   ottici, è stata finanziata con 6 milioni di euro da KKR.",
            money: &[("60 milioni di euro", "60000000", B), ("6 milioni di euro", "6000000", B)],
            dates: &[],
            want: &[(FundingRound, None, Some("Mistral AI"), Some("60000000"))],
        },
        // A parallel clause keeps the target of the first.
        Case {
            text: "Google aveva investito 3 miliardi di dollari in Anthropic, mentre Amazon ha iniettato nella \
                   startup altri 8 miliardi di dollari.",
            money: &[("3 miliardi di dollari", "3000000000", B), ("8 miliardi di dollari", "8000000000", B)],
            dates: &[],
            want: &[
                (Investment, Some("Google"), Some("Anthropic"), Some("3000000000")),
                (Investment, Some("Amazon"), Some("Anthropic"), Some("8000000000")),
            ],
        },
        // A stake raised in a company; a share price rising in the market is no event.
        Case {
            text: "UniCredit sale in Generali: la banca ha portato la propria quota al 9%.",
            money: &[],
            dates: &[],
            want: &[(Acquisition, Some("UniCredit"), Some("Generali"), None)],
        },
        Case { text: "Il titolo Generali sale in Borsa del 3%.", money: &[], dates: &[], want: &[] },
        // A parenthetical relative clause is not the subject; co-development is no supply.
        Case {
            text: "OpenAI, di cui Microsoft detiene il 27%, vale 500 miliardi di dollari.",
            money: &[("500 miliardi di dollari", "500000000000", B)],
            dates: &[],
            want: &[(Valuation, None, Some("OpenAI"), Some("500000000000"))],
        },
        Case {
            text: "Stellantis ha firmato un'intesa con Leonardo per sviluppare veicoli militari.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Stellantis"), Some("Leonardo"), None)],
        },
        // A definite deal noun right after a signing verb is a new deal, not a reference back.
        Case {
            text: "Microsoft e OpenAI hanno siglato ieri la nuova intesa sulla proprietà intellettuale.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Microsoft"), Some("OpenAI"), None)],
        },
        Case {
            text: "Amazon investe in Anthropic. L'accordo prevede l'uso dei chip Trainium.",
            money: &[],
            dates: &[],
            want: &[(Investment, Some("Amazon"), Some("Anthropic"), None)],
        },
        // Chips launched are those listed with the first, or the head of its family; not a rival
        // named in a relative clause.
        Case {
            text: "Amd lancerà entro l'estate la Gpu MI450, che sfiderà i Blackwell di Nvidia.",
            money: &[],
            dates: &[],
            want: &[(ChipLaunch, Some("Advanced Micro Devices"), Some("MI450"), None)],
        },
        Case {
            text: "Nvidia ha svelato la famiglia Blackwell, guidata dal Rubin.",
            money: &[],
            dates: &[],
            want: &[
                (ChipLaunch, Some("Nvidia"), Some("Blackwell"), None),
                (ChipLaunch, Some("Nvidia"), Some("Rubin"), None),
            ],
        },
        Case {
            text: "Nvidia ha presentato la serie Blackwell, con i modelli B200 e B300.",
            money: &[],
            dates: &[],
            want: &[
                (ChipLaunch, Some("Nvidia"), Some("Blackwell"), None),
                (ChipLaunch, Some("Nvidia"), Some("B200"), None),
                (ChipLaunch, Some("Nvidia"), Some("B300"), None),
            ],
        },
        // A market value stated before its noun.
        Case {
            text: "Nvidia ha superato i 5.000 miliardi di dollari di capitalizzazione, prima società al mondo.",
            money: &[("5.000 miliardi di dollari", "5000000000000", B)],
            dates: &[],
            want: &[(Valuation, None, Some("Nvidia"), Some("5000000000000"))],
        },
        // Choosing a supplier or finding a customer: the buyer is the agent.
        Case {
            text: "OpenAI ha scelto Broadcom come fornitore dei nuovi acceleratori.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("OpenAI"), Some("Broadcom"), None)],
        },
        Case {
            text: "Samsung ha individuato in Tesla il suo principale cliente per le memorie.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Tesla"), Some("Samsung Electronics"), None)],
        },
        Case { text: "Meta ha scelto il nuovo amministratore delegato.", money: &[], dates: &[], want: &[] },
        // Winning an order: the subject supplies; co-winners are not each other's customers; a state
        // customer leaves the agent null.
        Case {
            text: "Leonardo e Fincantieri incassano una nuova commessa per le navi della Marina.",
            money: &[],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Fincantieri ha ottenuto dal governo una commessa da 2 miliardi di euro.",
            money: &[("2 miliardi di euro", "2000000000", B)],
            dates: &[],
            want: &[(Contract, None, Some("Fincantieri"), Some("2000000000"))],
        },
        Case {
            text: "Leonardo ha siglato con il ministero della Difesa una commessa da 1 miliardo di euro.",
            money: &[("1 miliardo di euro", "1000000000", B)],
            dates: &[],
            want: &[(Contract, None, Some("Leonardo"), Some("1000000000"))],
        },
        // A lead named in the next sentence, about `l'operazione`, leads the round just told.
        Case {
            text: "Mistral raccoglie 600 milioni di euro in un round di Serie C. L'operazione, annunciata ieri, \
                   è stata guidata da Sequoia Capital e da KKR.",
            money: &[("600 milioni di euro", "600000000", B)],
            dates: &[],
            want: &[(FundingRound, Some("Sequoia Capital"), Some("Mistral AI"), Some("600000000"))],
        },
        // The seller's counterpart (`tratta con X la cessione`) buys; a new clause after `, e` keeps
        // its own amount, subject and status.
        Case {
            text: "A marzo Eni aveva venduto alcuni giacimenti per 2 miliardi di dollari, e ora sta trattando \
                   con KKR la vendita di un pacchetto di minoranza di Plenitude.",
            money: &[("2 miliardi di dollari", "2000000000", B)],
            dates: &[],
            want: &[(Acquisition, Some("KKR"), Some("Plenitude"), None)],
        },
        Case {
            text: "Mistral ha chiuso un round da 600 milioni guidato da Sequoia Capital che l'ha valutata 6 \
                   miliardi, e secondo indiscrezioni discute una valutazione di 12 miliardi.",
            money: &[
                ("600 milioni", "600000000", B),
                ("6 miliardi", "6000000000", B),
                ("12 miliardi", "12000000000", B),
            ],
            dates: &[],
            want: &[
                (FundingRound, Some("Sequoia Capital"), Some("Mistral AI"), Some("600000000")),
                (Valuation, None, Some("Mistral AI"), Some("6000000000")),
                (Valuation, None, Some("Mistral AI"), Some("12000000000")),
            ],
        },
        Case {
            text: "Fincantieri si aggiudica una commessa da Carnival per quattro navi.",
            money: &[],
            dates: &[],
            want: &[(Contract, Some("Carnival"), Some("Fincantieri"), None)],
        },
    ]);
    // A stated value has no status without a cue.
    let e = run("Mistral vale 12 miliardi di euro.", &[("12 miliardi di euro", "12000000000", B)], &[]);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].status, None);
}

#[test]
fn sentences_without_events_give_none() {
    check(&[
        Case { text: "Amazon e OpenAI sono rivali da anni.", money: &[], dates: &[], want: &[] },
        Case {
            text: "I chip di Nvidia sono prodotti da Tsmc e venduti a Meta.",
            money: &[],
            dates: &[],
            want: &[],
        },
        Case {
            text: "L'operazione vale 2 miliardi di euro.",
            money: &[("2 miliardi di euro", "2000000000", B)],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Enel rilancia sugli investimenti: 53 miliardi di euro nel triennio.",
            money: &[("53 miliardi di euro", "53000000000", B)],
            dates: &[],
            want: &[],
        },
        Case {
            text: "Il portafoglio ordini di Fincantieri vale 60 miliardi di euro. L'intesa con i sindacati è vicina.",
            money: &[("60 miliardi di euro", "60000000000", B)],
            dates: &[],
            want: &[],
        },
        Case { text: "", money: &[], dates: &[], want: &[] },
    ]);
}

#[test]
fn repeated_events_merge_and_keep_their_amount() {
    check(&[Case {
        text: "Amazon tratta un investimento in OpenAI. Secondo indiscrezioni l'investimento di Amazon in OpenAI \
               potrebbe superare i 10 miliardi di dollari. Amazon investirebbe in OpenAI entro dicembre.",
        money: &[("10 miliardi di dollari", "10000000000", Some(Qualifier::Over))],
        dates: &[("dicembre", "2025-12")],
        want: &[(Investment, Some("Amazon"), Some("OpenAI"), Some("10000000000"))],
    }]);
    let e = run(
        "Amazon tratta un investimento in OpenAI. Amazon investirebbe oltre 10 miliardi di dollari in OpenAI \
         entro dicembre.",
        &[("10 miliardi di dollari", "10000000000", Some(Qualifier::Over))],
        &[("dicembre", "2025-12")],
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].when.as_deref(), Some("2025-12"));
    assert_eq!(e[0].date, Some(0));
    assert_eq!(e[0].money, Some(0));
    assert!(e[0].hedged);
    assert_eq!(summary(&e[0]), "investment · Amazon → OpenAI · >10 mld USD · rumored · 2025-12 · hedged");
}

#[test]
fn dates_keep_their_modifier() {
    let e = run(
        "Microsoft ha investito oltre 13 miliardi di dollari in OpenAI dal 2019.",
        &[("13 miliardi di dollari", "13000000000", Some(Qualifier::Over))],
        &[("2019", "since:2019")],
    );
    assert_eq!(e.len(), 1);
    assert_eq!(summary(&e[0]), "investment · Microsoft → OpenAI · >13 mld USD · completed · since 2019");
}

#[test]
fn status_from_the_report_modality() {
    let cases: &[(&str, Option<Status>, bool)] = &[
        ("Amazon è in trattativa per investire in OpenAI.", Some(Status::Talks), false),
        (
            "Secondo indiscrezioni, Meta investirà 15 miliardi di dollari in Scale AI.",
            Some(Status::Rumored),
            false,
        ),
        ("Nvidia investirà in Intel 5 miliardi di dollari.", Some(Status::Planned), false),
        ("Google ha annunciato un accordo con MediaTek.", Some(Status::Announced), false),
        ("Google ha anche firmato un accordo con Eni.", Some(Status::Announced), false),
        ("Prysmian ha completato l'acquisizione di Encore Wire.", Some(Status::Completed), false),
        ("Nvidia ha investito 5 miliardi di dollari in Intel.", Some(Status::Completed), false),
        ("Amazon potrebbe investire 5 miliardi di dollari in Anthropic.", Some(Status::Rumored), true),
        ("Nvidia ha presentato Rubin.", Some(Status::Announced), false),
        ("Nvidia aveva presentato Blackwell.", Some(Status::Completed), false),
        ("Il chip M5, svelato a ottobre, equipaggia i portatili.", Some(Status::Completed), false),
        ("Leonardo compra Iveco Defence.", Some(Status::Announced), false),
        ("Secondo Reuters, Meta ha comprato il 49% di Scale AI.", Some(Status::Rumored), false),
        (
            "Nvidia ha investito 5 miliardi di dollari in Intel; secondo Reuters, Intel vale 100 miliardi di dollari.",
            Some(Status::Completed),
            false,
        ),
        (
            "Amazon sarebbe pronta a investire 5 miliardi di dollari in Anthropic.",
            Some(Status::Planned),
            true,
        ),
    ];
    for &(text, status, hedged) in cases {
        let surface = "5 miliardi di dollari";
        let m: &[(&str, &str, Option<Qualifier>)] = if text.contains("100 miliardi") {
            &[
                ("5 miliardi di dollari", "5000000000", None),
                ("100 miliardi di dollari", "100000000000", None),
            ]
        } else if text.contains(surface) {
            &[("5 miliardi di dollari", "5000000000", None)]
        } else if text.contains("15 miliardi") {
            &[("15 miliardi di dollari", "15000000000", None)]
        } else {
            &[]
        };
        let e = run(text, m, &[]);
        assert!(!e.is_empty(), "an event in {text:?}");
        assert_eq!(e[0].status, status, "status of {text:?}");
        assert_eq!(e[0].hedged, hedged, "hedged in {text:?}");
    }
}

#[test]
fn summary_formats_amounts_and_qualifiers() {
    let mut e = Event {
        kind: EventType::Contract,
        agent: Some("OpenAI".into()),
        target: None,
        amount: Some("1300000000".parse().unwrap()),
        currency: Some(Currency::EUR),
        status: None,
        span: Span::new(0, 1),
        hedged: false,
        trigger: Span::new(0, 1),
        qualifier: Some(Qualifier::AtLeast),
        when: None,
        entities: vec![],
        money: None,
        date: None,
    };
    assert_eq!(summary(&e), "contract · OpenAI → ? · ≥1,3 mld EUR");
    e.amount = Some("950000000".parse().unwrap());
    e.qualifier = Some(Qualifier::UpTo);
    assert_eq!(summary(&e), "contract · OpenAI → ? · ≤950 mln EUR");
    e.amount = Some("2.5".parse().unwrap());
    e.qualifier = None;
    assert_eq!(summary(&e), "contract · OpenAI → ? · 2,5 EUR");
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "Amazon",
        "investe",
        "l'",
        "investe in",
        "Amazon investe in",
        "vale",
        "Il gruppo di",
        "§§§ ¶",
        "è 😀",
    ] {
        let _ = run(text, &[], &[]);
    }
    // Spans that do not align with tokens must not panic either.
    let text = "Amazon investe in OpenAI.";
    let doc = Document::new(text);
    let ents = vec![EntityMention {
        span: Span::new(3, 200),
        text: String::new(),
        kind: EntityKind::Company,
        id: "x".into(),
        name: "X".into(),
    }];
    let _ = find_events(&doc, &Input { entities: &ents, ..Input::default() });
}

mod properties {
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Amazon",
        "OpenAI",
        "Nvidia",
        "Intel",
        "SoftBank",
        "Microsoft",
        "Trainium",
        "la",
        "il",
        "gruppo",
        "startup",
        "società",
        "di",
        "da",
        "in",
        "con",
        "tra",
        "e",
        ",",
        ".",
        ":",
        ";",
        "investe",
        "ha",
        "investito",
        "è",
        "stata",
        "acquisita",
        "rileva",
        "il 20%",
        "l'accordo",
        "un contratto",
        "vale",
        "valutazione",
        "round",
        "raccolta",
        "presenta",
        "ristrutturazione",
        "10 miliardi di dollari",
        "almeno",
        "oltre",
        "potrebbe",
        "sarebbe",
        "in trattativa",
        "secondo",
        "Reuters",
        "dal 2019",
        "lo scorso ottobre",
        "colosso di Seattle",
        "guidata da",
        "Sam Altman",
        "aggiunto",
        "si parlava di",
        "ceduto a",
        "fornirà a",
        "l'",
        "’",
        "€",
        "😀",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// The whole pipeline never panics, and every event points inside the text and its lists.
        #[test]
        fn events_are_well_formed(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..60)) {
            let text = words.join(" ");
            let x = crate::Extractor::new().extract(&crate::Article::new(text.clone()));
            for e in &x.events {
                prop_assert!(text.get(e.span.start..e.span.end).is_some());
                prop_assert!(text.get(e.trigger.start..e.trigger.end).is_some());
                prop_assert!(e.span.contains(e.trigger));
                prop_assert!(e.entities.iter().all(|&i| i < x.entities.len()));
                prop_assert!(e.money.is_none_or(|i| i < x.money.len()));
                prop_assert!(e.date.is_none_or(|i| i < x.dates.len()));
                prop_assert!(e.target.is_some());
                prop_assert!(e.agent != e.target);
            }
        }
    }
}

#[test]
fn long_documents_are_read_in_windows_with_offsets_into_the_whole_text() {
    use crate::{Article, Extractor};
    let one = "Amazon investirà 10 miliardi di dollari in OpenAI.\n\n";
    // About 12 tokens a sentence: over 20 000 tokens, so several windows of whole sentences.
    let text = one.repeat(1_700);
    let x = Extractor::new().extract(&Article::new(text.as_str()));
    // Within a window the restatements merge into one event; each window reports its own.
    assert!(x.events.len() >= 3, "{} events", x.events.len());
    let last_block_start = text.len() - one.len() * 100;
    assert!(x.events.iter().any(|e| e.span.start >= last_block_start), "no event from the last block");
    for e in &x.events {
        assert_eq!(e.span.get(&text), Some("Amazon investirà 10 miliardi di dollari in OpenAI."));
        let m = &x.money[e.money.expect("amount")];
        assert!(e.span.start <= m.span.start && m.span.end <= e.span.end, "money index points elsewhere");
        for &i in &e.entities {
            let ent = &x.entities[i];
            assert!(
                e.span.start <= ent.span.start && ent.span.end <= e.span.end,
                "entity index points elsewhere"
            );
        }
    }
}
