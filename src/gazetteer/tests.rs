use super::*;
use crate::token::Document;

/// A small gazetteer exercising every case rule; not the embedded data.
const TEST_GAZ: &str = "\
# id\tkind\tname\taliases\trelations
amazon\tcompany\tAmazon\t=Amazon|=AMAZON|Amazon.com\tepithet=colosso di Seattle|gigante dell'e-commerce; ceo=andy-jassy; founder=jeff-bezos
aws\tcompany\tAmazon Web Services\tAWS|=Aws\tparent=amazon
meta\tcompany\tMeta Platforms\t=Meta|=META
intel\tcompany\tIntel\t
arm\tcompany\tArm Holdings\t=Arm|=ARM
apple\tcompany\tApple\t=Apple|=APPLE\tceo=tim-cook; epithet=colosso di Cupertino
tim\tcompany\tTelecom Italia\t=Tim|=TIM|Telecom
ferrari\tcompany\tFerrari\t=Ferrari
amd\tcompany\tAdvanced Micro Devices\tAMD|=Amd
mps\tcompany\tBanca Monte dei Paschi di Siena\tMonte dei Paschi|=Mps|=MPS
mediobanca\tcompany\tMediobanca\t
leonardo\tcompany\tLeonardo\t=Leonardo
rheinmetall\tcompany\tRheinmetall\t
dell\tcompany\tDell Technologies\t=Dell
rubin\tchip\tRubin\t=Rubin
stm\tcompany\tSTMicroelectronics\t=ST
nestle\tcompany\tNestlé\tNestle
societa-x\tcompany\tSocietà Ξ\t
trainium\tchip\tTrainium\tTrainium2|Trainium 2\tmaker=aws
mi300x\tchip\tMI300X\t\tmaker=amd
openai\tcompany\tOpenAI\t\tceo=sam-altman; epithet=società guidata da Sam Altman
tim-cook\tperson\tTim Cook\t
luca-ferrari\tperson\tLuca Ferrari\t
andy-jassy\tperson\tAndy Jassy\tJassy
jeff-bezos\tperson\tJeff Bezos\tBezos
sam-altman\tperson\tSam Altman\tAltman
";

fn matcher() -> Matcher {
    let g = Gazetteer::from_str("test.tsv", TEST_GAZ).expect("test gazetteer parses");
    Matcher::new(g).expect("test automaton builds")
}

/// (text as written, id) of every mention.
fn found(m: &Matcher, text: &str) -> Vec<(String, String)> {
    let doc = Document::new(text);
    let out = m.find(&doc);
    for e in &out {
        assert_eq!(&text[e.span], e.text, "span and text disagree in {text:?}");
    }
    out.into_iter().map(|e| (e.text, e.id)).collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($surface:expr, $id:expr)),* $(,)?]) => {
        (stringify!($name), $text, vec![$(($surface, $id)),*])
    };
}

/// (test name, sentence, expected (surface, id) mentions).
type Case = (&'static str, &'static str, Vec<(&'static str, &'static str)>);

#[test]
fn boundaries_and_case_rules() {
    let m = matcher();
    let table: Vec<Case> = vec![
        t!(m010, "Amazon ha avviato colloqui con OpenAI.", [("Amazon", "amazon"), ("OpenAI", "openai")]),
        t!(m020, "Ho ordinato su amazon un libro.", []),
        t!(m030, "Il colosso ha rafforzato Amazon Web Services.", [("Amazon Web Services", "aws")]),
        t!(m040, "La divisione Aws e la sigla AWS crescono.", [("Aws", "aws"), ("AWS", "aws")]),
        t!(m050, "Meta ha superato la metà dei ricavi nel metaverso.", [("Meta", "meta")]),
        t!(m060, "La meta è vicina, dice la META.", [("META", "meta")]),
        t!(
            m070,
            "L'intelligenza artificiale di Intel e INTEL in borsa.",
            [("Intel", "intel"), ("INTEL", "intel")]
        ),
        t!(m080, "Il rilancio d’Intel passa da intel stessa.", [("Intel", "intel"), ("intel", "intel")]),
        t!(m090, "Armani e le armi non c'entrano con Arm, né con arm.", [("Arm", "arm")]),
        t!(m100, "Un applet Java non è Apple, e nemmeno apple.", [("Apple", "apple")]),
        t!(
            m110,
            "Le azioni dell'Amazon e dell’AMAZON salgono.",
            [("Amazon", "amazon"), ("AMAZON", "amazon")]
        ),
        t!(
            m120,
            "Tim Cook guida Apple; Tim ha firmato con TIM.",
            [("Tim Cook", "tim-cook"), ("Apple", "apple"), ("Tim", "tim"), ("TIM", "tim")]
        ),
        t!(m130, "Il tempo di tim è finito.", []),
        t!(
            m140,
            "Luca Ferrari ha parlato della Ferrari, non della ferrari di famiglia.",
            [("Luca Ferrari", "luca-ferrari"), ("Ferrari", "ferrari")]
        ),
        t!(
            m150,
            "Amd e AMD corrono, mentre la Amd Inc. tace.",
            [("Amd", "amd"), ("AMD", "amd"), ("Amd", "amd")]
        ),
        t!(
            m160,
            "L'offerta Mps-Mediobanca piace al Monte dei Paschi, non a mps.",
            [("Mps", "mps"), ("Mediobanca", "mediobanca"), ("Monte dei Paschi", "mps")]
        ),
        t!(
            m170,
            "I chip Trainium2 e Trainium 2 seguono Trainium; Trainium3 non è in elenco.",
            [("Trainium2", "trainium"), ("Trainium 2", "trainium"), ("Trainium", "trainium")]
        ),
        t!(
            m180,
            "NESTLÉ e Nestle e nestlé.",
            [("NESTLÉ", "nestle"), ("Nestle", "nestle"), ("nestlé", "nestle")]
        ),
        t!(m190, "Amazonia e Amazon.", [("Amazon", "amazon")]),
        t!(m200, "Il lotto Trainium 2x è in ritardo.", [("Trainium", "trainium")]),
        t!(
            m210,
            "Il Mi300x di Amd e l'MI300X.",
            [("Mi300x", "mi300x"), ("Amd", "amd"), ("MI300X", "mi300x")]
        ),
        t!(
            m220,
            "la società guidata da Sam Altman e Altman stesso.",
            [("Sam Altman", "sam-altman"), ("Altman", "sam-altman")]
        ),
        t!(m230, "Acquisti su Amazon.com e su AmazonX.", [("Amazon.com", "amazon")]),
        t!(m240, "SOCIETÀ Ξ e Società Ξ.", [("SOCIETÀ Ξ", "societa-x"), ("Società Ξ", "societa-x")]),
        t!(m250, "Telecommunications e Telecom.", [("Telecom", "tim")]),
        t!(m270, "Il margine è quello di ST. Poi parla ST e St. Louis no.", [("ST", "stm"), ("ST", "stm")]),
        t!(m280, "Parla il St. Intel. Non conta S.p.A. né l'Inc.", [("Intel", "intel")]),
        t!(
            m290,
            "Intel's board e OpenAI’s CEO, non Intel'sX né Intel'sa.",
            [("Intel", "intel"), ("OpenAI", "openai")]
        ),
        t!(m300, "Ne parla Marco Ferrari, poi Michael Dell e il ferrarista Piero Ferrari.", []),
        t!(
            m310,
            "Ferrari e Tim, con Tim Sweeney, non con Tim Brasil o TIM Sparkle.",
            [("Ferrari", "ferrari"), ("Tim", "tim"), ("Tim", "tim"), ("TIM", "tim")]
        ),
        t!(
            m320,
            "Leonardo Del Vecchio e Leonardo Maria Del Vecchio? No: Leonardo.",
            [("Leonardo", "leonardo")]
        ),
        t!(
            m330,
            "La joint venture Leonardo Rheinmetall cresce, con Leonardo Helicopters.",
            [("Leonardo", "leonardo"), ("Rheinmetall", "rheinmetall"), ("Leonardo", "leonardo")]
        ),
        t!(
            m340,
            "Il chip Vera Rubin e Vera, poi Luca\nFerrari e Marco\nFerrari; titolo: Marco\n\nFerrari vince.",
            [("Rubin", "rubin"), ("Luca\nFerrari", "luca-ferrari"), ("Ferrari", "ferrari")]
        ),
        t!(
            m350,
            "Cresce Amazon\u{a0}Web  Services, e il Monte dei\nPaschi con l'Intel.",
            [("Amazon\u{a0}Web  Services", "aws"), ("Monte dei\nPaschi", "mps"), ("Intel", "intel")]
        ),
        t!(
            m360,
            "Amazon Web\n\nServices e\tTim\u{a0}Cook:\nArm.",
            [("Amazon", "amazon"), ("Tim\u{a0}Cook", "tim-cook"), ("Arm", "arm")]
        ),
        t!(m260, "«Meta» (Intel) e ex-Intel.", [("Meta", "meta"), ("Intel", "intel"), ("Intel", "intel")]),
    ];
    for (name, text, want) in table {
        let got = found(&m, text);
        let want: Vec<(String, String)> =
            want.into_iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want, "{name}: {text:?}\nhelp: check TEST_GAZ and the boundary checks in matcher.rs");
    }
}

#[test]
fn a_name_with_an_exact_alias_is_exact() {
    let g = Gazetteer::from_str("x.tsv", "meta\tcompany\tMeta\t=META\nsnam\tcompany\tSnam\t=Snam").unwrap();
    let m = Matcher::new(g).unwrap();
    let got = found(&m, "Meta e META, non meta né la snam di Snam.");
    let want =
        [("Meta", "meta"), ("META", "meta"), ("Snam", "snam")].map(|(a, b)| (a.to_string(), b.to_string()));
    assert_eq!(got, want);
}

#[test]
fn mentions_carry_kind_and_canonical_name() {
    let m = matcher();
    let doc = Document::new("Il Tim Cook di Amd annuncia MI300X.");
    let got: Vec<(EntityKind, String)> = m.find(&doc).into_iter().map(|e| (e.kind, e.name)).collect();
    assert_eq!(
        got,
        [
            (EntityKind::Person, "Tim Cook".to_string()),
            (EntityKind::Company, "Advanced Micro Devices".to_string()),
            (EntityKind::Chip, "MI300X".to_string()),
        ]
    );
    let zero_alloc: Vec<&str> = m.matches(&doc).map(|h| h.entity.id.as_str()).collect();
    assert_eq!(zero_alloc, ["tim-cook", "amd", "mi300x"]);
}

#[test]
fn epithets_are_separate_from_names() {
    let m = matcher();
    let text = "Il Colosso di Seattle e il gigante dell’e-commerce, poi la società guidata da Sam Altman e il colosso di Cupertino.";
    let doc = Document::new(text);
    let ep: Vec<(&str, &str, &str)> = vec![];
    let got = m.find_epithets(&doc);
    let got: Vec<(&str, &str, &str)> =
        got.iter().map(|e| (&text[e.span], e.id.as_str(), e.name.as_str())).collect();
    assert_ne!(got, ep);
    assert_eq!(
        got,
        [
            ("Colosso di Seattle", "amazon", "Amazon"),
            ("gigante dell’e-commerce", "amazon", "Amazon"),
            ("società guidata da Sam Altman", "openai", "OpenAI"),
            ("colosso di Cupertino", "apple", "Apple"),
        ]
    );
    // The name inside the epithet is still an entity mention.
    assert!(found(&m, text).contains(&("Sam Altman".to_string(), "sam-altman".to_string())));
    // Epithets are never entities.
    assert!(found(&m, "il colosso di Seattle").is_empty());
    // Token alignment applies to epithets too.
    assert!(m.find_epithets(&Document::new("il colosso di Seattleville")).is_empty());
}

#[test]
fn relations_resolve() {
    let g = Gazetteer::from_str("test.tsv", TEST_GAZ).unwrap();
    assert_eq!(g.parent_of("aws").map(|e| e.id.as_str()), Some("amazon"));
    assert_eq!(g.root_of("aws").map(|e| e.id.as_str()), Some("amazon"));
    assert_eq!(g.root_of("amazon").map(|e| e.id.as_str()), Some("amazon"));
    assert_eq!(g.maker_of("trainium").map(|e| e.name.as_str()), Some("Amazon Web Services"));
    assert_eq!(g.ceo_of("amazon").iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["andy-jassy"]);
    assert_eq!(g.founders_of("amazon").iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["jeff-bezos"]);
    assert_eq!(
        g.companies_of_person("sam-altman").iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["openai"]
    );
    assert_eq!(g.get("amazon").unwrap().epithets, ["colosso di Seattle", "gigante dell'e-commerce"]);
    assert!(g.get("nessuno").is_none() && g.parent_of("amazon").is_none() && g.maker_of("nessuno").is_none());
    assert_eq!(g.get("amazon").unwrap().source_name(), "test.tsv");
    assert_eq!(g.get("amazon").unwrap().line(), 2);
}

#[test]
fn merge_user_wins_and_appends() {
    let mut g = Gazetteer::from_str("base.tsv", "eni\tcompany\tEni\t=Eni\nenel\tcompany\tEnel\t").unwrap();
    let user = Gazetteer::from_str("user.tsv", "eni\tcompany\tEni S.p.A.\t=ENI\nsnam\tcompany\tSnam\t=Snam")
        .unwrap();
    g.merge(user).unwrap();
    assert_eq!(g.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["eni", "enel", "snam"]);
    assert_eq!(g.get("eni").unwrap().name, "Eni S.p.A.");
    assert_eq!(g.get("eni").unwrap().source_name(), "user.tsv");
    // The replaced entity's aliases are gone: `=Eni` no longer matches, `ENI` and its name do.
    let m = Matcher::new(g).unwrap();
    assert_eq!(
        found(&m, "Eni e ENI e Snam e Enel."),
        [("ENI".into(), "eni".into()), ("Snam".into(), "snam".into()), ("Enel".into(), "enel".into())]
    );
}

#[test]
fn extend_resolves_against_base_and_is_atomic() {
    let mut g = Gazetteer::from_str("base.tsv", "nvidia\tcompany\tNvidia\t").unwrap();
    // A user file alone cannot name `nvidia`…
    let alone =
        Gazetteer::from_str("user.tsv", "rubin\tchip\tRubin\t\tmaker=nvidia").unwrap_err().to_string();
    assert!(alone.starts_with("user.tsv:1:25: unknown maker id `nvidia`"), "{alone}");
    // …but extending the base can.
    g.extend_from_str("user.tsv", "rubin\tchip\tRubin\t\tmaker=nvidia").unwrap();
    assert_eq!(g.maker_of("rubin").unwrap().name, "Nvidia");
    // A failed extension leaves the gazetteer unchanged.
    let before = g.len();
    let e = g.extend_from_str("bad.tsv", "vera\tchip\tVera\t\nx\tchip\tX\t\tmaker=nessuno").unwrap_err();
    assert!(e.to_string().starts_with("bad.tsv:2:17: unknown maker id `nessuno`"), "{e}");
    assert_eq!(g.len(), before);
    assert!(g.get("vera").is_none());
}

#[test]
fn merge_rejects_parent_cycles() {
    let mut g = Gazetteer::from_str("a.tsv", "amazon\tcompany\tAmazon\t\naws\tcompany\tAWS\t\tparent=amazon")
        .unwrap();
    let e = g.extend_from_str("b.tsv", "amazon\tcompany\tAmazon\t\tparent=aws").unwrap_err().to_string();
    assert!(e.starts_with("b.tsv:1:31: parent cycle"), "{e}");
    assert!(g.parent_of("amazon").is_none());
}

#[test]
fn error_paths_name_line_and_column() {
    let cases: &[(&str, &str, &str)] = &[
        ("e010", "a\tcompany\tA\n\na\tcompany\tB\n", "x.tsv:3:1: duplicate id `a` (first defined on line 1)"),
        ("e020", "a\tcompagnia\tA\n", "x.tsv:1:3: unknown kind `compagnia`"),
        ("e030", "a\tcompany\tA\tB||C\n", "x.tsv:1:15: empty alias"),
        ("e040", "a\tcompany\tA\tB|=\n", "x.tsv:1:15: empty alias"),
        ("e050", "a\tcompany\tA\tB|\n", "x.tsv:1:15: empty alias"),
        ("e060", "a\tcompany\t\tX\n", "x.tsv:1:11: missing name"),
        ("e070", "a\tcompany\n", "x.tsv:1:10: missing name"),
        ("e080", "a\n", "x.tsv:1:2: missing kind"),
        ("e090", "Amazon\tcompany\tAmazon\n", "x.tsv:1:1: bad id `Amazon`"),
        ("e100", "# c\na b\tcompany\tA\n", "x.tsv:2:1: bad id `a b`"),
        ("e110", "a\tcompany\tA\t\tpadre=b\n", "x.tsv:1:14: unknown relation `padre`"),
        ("e120", "aws\tcompany\tAWS\t\tparent=amazzon\n", "x.tsv:1:25: unknown parent id `amazzon`"),
        (
            "e130",
            "a\tchip\tA\t\tmaker=b\nb\tcompany\tB\t\tceo=c|d\nc\tperson\tC\n",
            "x.tsv:2:20: unknown ceo id `d`",
        ),
        ("e140", "a\tcompany\tA\t\tfounder=Bob\n", "x.tsv:1:22: bad founder id `Bob`"),
        ("e150", "a\tcompany\tA\t\tparent\n", "x.tsv:1:14: relation `parent` is not key=value"),
        ("e160", "a\tcompany\tA\t\tepithet=uno||due\n", "x.tsv:1:26: empty value in `epithet`"),
        (
            "e170",
            "a\tcompany\tA\t\tparent=b|c\nb\tcompany\tB\nc\tcompany\tC\n",
            "x.tsv:1:23: `parent` takes one id",
        ),
        ("e180", "a\tcompany\tA\t\tceo=b; ceo=c\n", "x.tsv:1:21: relation `ceo` given twice"),
        ("e190", "a\tcompany\tA\t\t\textra\n", "x.tsv:1:15: too many fields"),
        ("e200", "a\tcompany\tA\t\tparent=a\n", "x.tsv:1:21: parent cycle"),
        ("e210", "a\tcompany\t=A\n", "x.tsv:1:11: the name cannot be exact-case"),
        (
            "e220",
            "a\tcompany\tA\nb\tcompany\tB\t\tparent=c\nc\tcompany\tC\t\tparent=b\n",
            "x.tsv:2:21: parent cycle",
        ),
        ("e230", "città\tcompany\tA\n", "x.tsv:1:1: bad id `città`"),
        ("e240", "a\tcompany\tÀ\tB|  |C\n", "x.tsv:1:17: empty alias"),
    ];
    for (name, text, want) in cases {
        let err = Gazetteer::from_str("x.tsv", text).unwrap_err().to_string();
        assert!(err.starts_with(want), "{name}: got {err:?}, want prefix {want:?}");
        let quoted = err.lines().nth(1).unwrap_or_default();
        assert!(
            quoted.starts_with("  | ") && text.contains(&quoted[4..]),
            "{name}: the line is quoted: {err:?}"
        );
    }
}

#[test]
fn duplicate_ids_across_embedded_sources_are_errors() {
    let e =
        Gazetteer::load_sources([("a.tsv", "x\tcompany\tX\n"), ("b.tsv", "# h\nx\tchip\tX\n")]).unwrap_err();
    assert!(e.to_string().starts_with("b.tsv:2:1: duplicate id `x` (first defined at a.tsv:1)"), "{e}");
}

#[test]
fn from_path_reads_files_and_reports_io_errors() {
    let dir = std::env::temp_dir().join(format!("cronaca-gaz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.tsv");
    std::fs::write(&path, "rossi\tcompany\tRossi S.p.A.\tRossi Spa\nbad\tkind\tX\n").unwrap();
    let e = Gazetteer::from_path(&path).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}:2:5: unknown kind", path.display())), "{e}");
    let missing = Gazetteer::from_path(dir.join("nope.tsv")).unwrap_err();
    assert!(matches!(missing, crate::Error::Io { .. }), "{missing}");
    std::fs::write(&path, "rossi\tcompany\tRossi S.p.A.\tRossi Spa\n").unwrap();
    assert_eq!(Gazetteer::from_path(&path).unwrap().get("rossi").unwrap().aliases[0].text, "Rossi Spa");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn empty_gazetteer_finds_nothing() {
    let m = Matcher::new(Gazetteer::new()).unwrap();
    assert!(m.find(&Document::new("Amazon e Intel")).is_empty());
    assert!(m.find_epithets(&Document::new("il colosso di Seattle")).is_empty());
    assert!(m.automaton().is_none() && m.memory_usage() == 0);
}

#[test]
fn first_names_load_and_report_errors() {
    assert!(super::matcher::parse_first_names("x", "# c\nluca\nmaría\n").unwrap().contains("maría"));
    let cases = [
        ("luca\nLuca\n", "x.tsv:2:1: first name `Luca` must be lower case"),
        ("luca\nanna\nluca\n", "x.tsv:3:1: duplicate first name `luca`"),
        ("gian luca\n", "x.tsv:1:1: first name `gian luca`"),
        ("luca\tx\n", "x.tsv:1:6: one first name per line"),
    ];
    for (text, want) in cases {
        let e = super::matcher::parse_first_names("x.tsv", text).unwrap_err().to_string();
        assert!(e.starts_with(want), "{e}");
    }
    // Forces the embedded list.
    let m = matcher();
    assert!(found(&m, "Giovanni Ferrari").is_empty());
}

#[test]
fn embedded_gazetteer_loads() {
    // Forces the statics: a bad edit of data/gazetteer/*.tsv fails here.
    let g = Gazetteer::embedded();
    let m = Matcher::embedded();
    assert_eq!(m.gazetteer().len(), g.len());
    for e in g.iter() {
        assert!(!e.name.trim().is_empty(), "{}: empty name", e.id);
    }
}

#[test]
fn never_panics_and_spans_are_valid() {
    let m = matcher();
    let hostile = [
        "",
        "-",
        "--Amazon--",
        "Amazon-",
        "-Intel",
        "’",
        "dell’",
        "l'",
        "Ξ",
        "SOCIETÀ",
        "Società Ξ-Amazon-",
        "Tim Cook-Apple Amazon Web",
        "amazon web services AMAZON WEB SERVICES",
        "\u{feff}Intel\u{200b}Meta",
    ];
    let sample = "Amazon Web Services, dell’Intel e la Società Ξ: Mps-Mediobanca, Trainium 2x, NESTLÉ.";
    let mut inputs: Vec<&str> = hostile.to_vec();
    inputs.extend(sample.char_indices().map(|(i, _)| &sample[..i]));
    for text in inputs {
        let doc = Document::new(text);
        for e in m.find(&doc) {
            assert!(e.span.get(text).is_some() && e.span.start < e.span.end, "{text:?}");
        }
        for e in m.find_epithets(&doc) {
            assert!(e.span.get(text).is_some(), "{text:?}");
        }
    }
}

#[test]
fn extractor_builder_loads_merges_and_reports() {
    use crate::{Article, Extractor};
    let dir = std::env::temp_dir().join(format!("cronaca-gaz-builder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.tsv");
    let bad = dir.join("bad.tsv");
    std::fs::write(&good, "verdi\tcompany\tVerdi Costruzioni\tVerdi\tparent=gruppo-rossi\n").unwrap();
    std::fs::write(&bad, "# mio\nverdi\tditta\tVerdi\n").unwrap();
    let base = Gazetteer::from_str("base.tsv", "gruppo-rossi\tcompany\tGruppo Rossi\tRossi").unwrap();

    let ex = Extractor::builder()
        .no_default_gazetteer()
        .gazetteer(base.clone())
        .gazetteer_file(&good)
        .build()
        .unwrap();
    let out = ex.extract(&Article::new("Il Gruppo Rossi controlla la Verdi, non le verdure."));
    let got: Vec<(&str, &str)> = out.entities.iter().map(|e| (e.text.as_str(), e.id.as_str())).collect();
    assert_eq!(got, [("Gruppo Rossi", "gruppo-rossi"), ("Verdi", "verdi")]);
    assert_eq!(ex.matcher().gazetteer().parent_of("verdi").unwrap().name, "Gruppo Rossi");

    // The file's parent is unknown without the base gazetteer: the error surfaces from build().
    let e =
        Extractor::builder().no_default_gazetteer().gazetteer_file(&good).build().unwrap_err().to_string();
    assert!(e.contains("good.tsv:1:46: unknown parent id `gruppo-rossi`"), "{e}");
    let e = Extractor::builder().gazetteer_file(&bad).build().unwrap_err().to_string();
    assert!(e.contains("bad.tsv:2:7: unknown kind `ditta`"), "{e}");
    let e = Extractor::builder().gazetteer_file(dir.join("manca.tsv")).build().unwrap_err();
    assert!(matches!(e, crate::Error::Io { .. }), "{e}");

    // Without user data the default matcher is shared, not rebuilt.
    let a = Extractor::new();
    let b = Extractor::builder().build().unwrap();
    assert!(std::ptr::eq(a.matcher(), b.matcher()) && std::ptr::eq(a.matcher(), Matcher::embedded()));
    let _ = std::fs::remove_dir_all(&dir);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Text pieces that stress boundaries: names, their prefixes, joiners and odd whitespace.
    const PIECES: &[&str] = &[
        "Amazon", "amazon", "Web", "Services", "Intel", "intel", "ligenza", "Tim", "Cook", "Luca", "Ferrari",
        "ST", ".", "'s", "’s", "dell'", "d’", "-", " ", " ", "\u{a0}", "\n", "\n\n", "\t", "«", "»",
        "Società", "Ξ", "SOCIETÀ", "Trainium", "2", "x", "Mps", "Monte", "dei", "Paschi", "colosso", "di",
        "Seattle", "é", "’",
    ];

    static MATCHER: std::sync::LazyLock<Matcher> = std::sync::LazyLock::new(matcher);

    proptest! {
        #[test]
        fn spans_are_valid_ordered_and_disjoint(idx in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            let m = &*MATCHER;
            let doc = Document::new(&text);
            let mut last_end = 0;
            for e in m.find(&doc) {
                prop_assert!(e.span.get(&text).is_some(), "bad span in {:?}", text);
                prop_assert!(e.span.start >= last_end && e.span.start < e.span.end, "overlap in {:?}", text);
                prop_assert_eq!(&text.as_str()[e.span], e.text.as_str());
                last_end = e.span.end;
            }
            for e in m.find_epithets(&doc) {
                prop_assert!(e.span.get(&text).is_some(), "bad epithet span in {:?}", text);
            }
        }
    }
}

#[test]
fn embedded_covers_traders_banks_spirits_and_tools() {
    let m = Matcher::embedded();
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "Il trader Vitol e la malese Petronas firmano con Masdar.",
            &[("Vitol", "vitol"), ("Petronas", "petronas"), ("Masdar", "masdar")],
        ),
        ("Bernstein alza il prezzo obiettivo sul titolo.", &[("Bernstein", "bernstein")]),
        ("La francese Bpce tratta con Agos.", &[("Bpce", "groupe-bpce"), ("Agos", "agos")]),
        (
            "Diageo e Pernod Ricard soffrono i dazi.",
            &[("Diageo", "diageo"), ("Pernod Ricard", "pernod-ricard")],
        ),
        (
            "Il software di Weights & Biases piace a CoreWeave.",
            &[("Weights & Biases", "weights-biases"), ("CoreWeave", "coreweave")],
        ),
        ("Alibaba progetta i suoi acceleratori con T-Head.", &[("Alibaba", "alibaba"), ("T-Head", "t-head")]),
        (
            "Il Wafer-Scale Engine di Cerebras, poi il WSE-3.",
            &[("Wafer-Scale Engine", "wafer-scale-engine"), ("Cerebras", "cerebras"), ("WSE-3", "wse-3")],
        ),
        // Exact-case names stay out of common words and other companies.
        ("Il laser emette un beam; la workday è lunga; l'ABI presenta il rapporto.", &[]),
    ];
    for &(text, want) in cases {
        let got = found(m, text);
        let want: Vec<(String, String)> = want.iter().map(|&(s, i)| (s.to_string(), i.to_string())).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_gazetteer_split_into_shards_finds_the_same_names() {
    // Sharding starts at hundreds of thousands of names; force it on the embedded gazetteer,
    // whose patterns then fall into shards that each miss most names.
    let whole = Matcher::embedded();
    let text = "Amazon Web Services e Intesa Sanpaolo; l'azienda di Cupertino, cioè Apple, con Nvidia \
                e la Banca Monte dei Paschi di Siena, poi Zucchetti, Mps-Mediobanca e il chip Trainium2.";
    let doc = Document::new(text);
    let want = whole.find(&doc);
    assert!(want.len() >= 8, "{want:?}");
    for shards in [2, 3, 7] {
        let m = Matcher::with_shards(Gazetteer::embedded().clone(), Some(shards)).expect("builds");
        assert_eq!(m.shard_count(), shards);
        assert_eq!(m.find(&doc), want, "{shards} shards");
    }
}

#[test]
fn the_longest_name_wins_across_shards() {
    // Two patterns in byte order, one per shard: the longer one lives in the second shard.
    let g = Gazetteer::from_str("g.tsv", "banca\tcompany\tBanca\t\nmps\tcompany\tBanca Monte dei Paschi\t\n")
        .expect("valid");
    let m = Matcher::with_shards(g, Some(2)).expect("builds");
    assert_eq!(m.shard_count(), 2);
    let names: Vec<String> =
        m.find(&Document::new("La Banca Monte dei Paschi e una banca.")).into_iter().map(|e| e.id).collect();
    assert_eq!(names, ["mps", "banca"]);
}

#[test]
fn the_embedded_names_build_in_two_shards_and_one_unsharded_baseline() {
    let m = Matcher::embedded();
    // Two shards on a machine with two cores or more; the baseline holds every pattern.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    assert_eq!(m.shard_count(), cores.min(2));
    let ac = m.unsharded_automaton().expect("builds");
    assert_eq!(ac.patterns_len(), m.pattern_count());
    assert_eq!(m.automata().map(|a| a.patterns_len()).sum::<usize>(), m.pattern_count());
}
