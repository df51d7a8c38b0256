//! Round trip for every format over random documents with non-ASCII text: export → import → export
//! gives the same bytes, and the self-check of token-aligned spans reports nothing.

use proptest::prelude::*;

use spanmark_core::formats::{
    self, DocumentChoice, ExportOptions, Format, InputFile, OffsetUnit, SpanChoice, TagScheme,
};
use spanmark_core::span::{Origin, Span, SpanState};
use spanmark_core::{DocStatus, Document, Schema};

const WORDS: &[&str] = &[
    "Lahore",
    "Maryam",
    "Nawaz",
    "ISPR",
    "Inter-Services",
    "Afghanistan’s",
    "“Taliban”",
    "‘militants’",
    "پاکستان",
    "اسلام",
    "آباد",
    "کہا۔",
    "😀",
    "👨‍👩‍👧",
    "🇵🇰",
    "🙏🏽",
    "Cafe\u{301}",
    "Zürich",
    "19",
    "4,000",
    "U.S.",
    "don't",
    "—",
    "(IMU)",
    ".",
    ",",
    "Kabul-based",
    "北京",
    "Ελλάδα",
    "x",
];
const GAPS: &[&str] = &[" ", " ", " ", "  ", "\n", "\n\n", "", " \n", "\t"];
/// CoNLL keeps tokens, not the text: its import joins tokens with spaces, so its round trip holds
/// where the tokenizer and sentence splitter see the same words in the re-joined text, i.e. for
/// words separated by whitespace (glued pool words such as "LahoreU.S." tokenize differently).
const SPACED: &[&str] = &[" ", " ", " ", "  ", "\n", "\n\n", " \n", "\t"];
const ORIGINS: &[Origin] = &[
    Origin::Manual,
    Origin::Gazetteer,
    Origin::Pattern,
    Origin::Model,
    Origin::Import,
    Origin::Rule("gazetteer"),
    Origin::Rule("org_context"),
];

/// Words from the pool joined by gaps from `gaps` (GAPS has "", gluing words together).
fn text(gaps: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..gaps.len()), 0..30).prop_map(move |parts| {
        let mut s = String::new();
        for (w, g) in parts {
            s.push_str(WORDS[w]);
            s.push_str(gaps[g]);
        }
        s
    })
}

/// (first token, token count, label, suggested?, origin, confidence) picks, applied modulo the tokens.
type Pick = (usize, usize, usize, bool, usize, Option<u8>);

fn document(i: usize, text: String, picks: Vec<Pick>, done: bool, times: (u32, u32)) -> Document {
    let ids = ["doc 1", "a/b", "ur-3", "x.y", "Ελ"];
    let mut doc = Document::new(
        format!("{}-{i}", ids[i % ids.len()]),
        format!("Title “{i}” 😀"),
        &text,
    );
    let labels = Schema::news().labels;
    let n = doc.tokens().len();
    let mut spans = Vec::new();
    if n > 0 {
        for (first, count, label, suggested, origin, confidence) in picks {
            let a = first % n;
            let b = (a + count % 3).min(n - 1);
            let (start, end) = (doc.tokens()[a].start, doc.tokens()[b].end);
            let label = labels[label % labels.len()].name.clone();
            let mut span = Span::manual(start, end, label);
            if suggested {
                span.state = SpanState::Suggested;
                span.origin = ORIGINS[origin % ORIGINS.len()];
                span.confidence = confidence.map(|c| f32::from(c % 5) / 4.0);
            }
            spans.push(span);
        }
    }
    doc.set_spans(spans);
    doc.status = if done {
        DocStatus::Done
    } else {
        DocStatus::Open
    };
    doc.created = f64::from(times.0) * 1000.0;
    doc.updated = f64::from(times.1) * 1000.0 + 0.5;
    doc
}

fn documents() -> impl Strategy<Value = Vec<Document>> {
    documents_with(GAPS)
}

fn documents_with(gaps: &'static [&'static str]) -> impl Strategy<Value = Vec<Document>> {
    let pick = (
        0..40usize,
        0..3usize,
        0..8usize,
        any::<bool>(),
        0..5usize,
        prop::option::of(0..5u8),
    );
    let one = (
        text(gaps),
        prop::collection::vec(pick, 0..6),
        any::<bool>(),
        (any::<u32>(), any::<u32>()),
    );
    prop::collection::vec(one, 1..4).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (t, p, d, times))| document(i, t, p, d, times))
            .collect()
    })
}

fn options() -> impl Strategy<Value = ExportOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(done, sugg, bilou, utf16)| ExportOptions {
            documents: if done {
                DocumentChoice::Done
            } else {
                DocumentChoice::All
            },
            spans: if sugg {
                SpanChoice::WithSuggestions
            } else {
                SpanChoice::AcceptedOnly
            },
            scheme: if bilou {
                TagScheme::Bilou
            } else {
                TagScheme::Iob2
            },
            offsets: if utf16 {
                OffsetUnit::Utf16
            } else {
                OffsetUnit::CodePoint
            },
            date: "2026-11-22".into(),
        },
    )
}

fn inputs(export: &formats::Export) -> Vec<InputFile> {
    export
        .files
        .iter()
        .map(|f| InputFile {
            name: f.name.clone(),
            bytes: f.bytes.clone(),
        })
        .collect()
}

fn round_trip(
    format: Format,
    docs: &[Document],
    options: &ExportOptions,
) -> Result<(), TestCaseError> {
    let schema = Schema::news();
    let first = formats::export(format, docs, &schema, options)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    if format != Format::Txt {
        let report: Vec<String> = first.report.iter().map(ToString::to_string).collect();
        prop_assert!(report.is_empty(), "{:?} self-check: {:#?}", format, report);
    }
    let imported = formats::import_files(format, &inputs(&first))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    // Re-export everything that came back: the first export already applied the document choice.
    let again = ExportOptions {
        documents: DocumentChoice::All,
        ..options.clone()
    };
    let second = formats::export(format, &imported.documents, &schema, &again)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(first.files.len(), second.files.len());
    for (a, b) in first.files.iter().zip(&second.files) {
        prop_assert_eq!(&a.name, &b.name);
        prop_assert!(
            a.bytes == b.bytes,
            "{:?}: {} differs after a round trip\n--- first\n{}\n--- second\n{}",
            format,
            a.name,
            String::from_utf8_lossy(&a.bytes),
            String::from_utf8_lossy(&b.bytes)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn spanmark_json_round_trips(docs in documents(), options in options()) {
        round_trip(Format::Spanmark, &docs, &options)?;
    }

    #[test]
    fn spacy_jsonl_round_trips(docs in documents(), options in options()) {
        round_trip(Format::Spacy, &docs, &options)?;
    }

    #[test]
    fn doccano_round_trips_in_both_units(docs in documents(), options in options()) {
        round_trip(Format::Doccano, &docs, &options)?;
    }

    #[test]
    fn label_studio_round_trips(docs in documents(), options in options()) {
        round_trip(Format::LabelStudio, &docs, &options)?;
    }

    #[test]
    fn conll_round_trips(docs in documents_with(SPACED), options in options()) {
        round_trip(Format::Conll, &docs, &options)?;
    }

    #[test]
    fn brat_round_trips(docs in documents(), options in options()) {
        round_trip(Format::Brat, &docs, &options)?;
    }

    #[test]
    fn txt_round_trips(docs in documents(), options in options()) {
        round_trip(Format::Txt, &docs, &options)?;
    }

    #[test]
    fn spanmark_json_keeps_every_field(docs in documents()) {
        let options = ExportOptions { spans: SpanChoice::WithSuggestions, ..ExportOptions::default() };
        let export = formats::export(Format::Spanmark, &docs, &Schema::news(), &options).unwrap();
        let back = formats::import_files(Format::Spanmark, &inputs(&export)).unwrap().documents;
        prop_assert_eq!(back.len(), docs.len());
        for (b, d) in back.iter().zip(&docs) {
            prop_assert_eq!((&b.id, &b.title, b.text(), b.spans(), b.status), (&d.id, &d.title, d.text(), d.spans(), d.status));
            prop_assert_eq!((b.created, b.updated), (d.created, d.updated));
        }
    }
}
