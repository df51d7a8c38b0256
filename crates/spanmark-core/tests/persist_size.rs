//! Compactness: at least 4 MB of article text with a realistic density of spans must fit
//! in about 5 MB of local storage, which counts UTF-16 units (5,242,880 of them in Chromium).

use spanmark_core::persist::{doc_key, encode_document};
use spanmark_core::{Document, Origin, Span};

const QUOTA_UNITS: usize = 5 * 1024 * 1024;

fn article(i: usize) -> String {
    format!(
        "PESHAWAR, Pakistan — Security forces killed {i} militants in an operation in the Khyber district on Tuesday, \
         the Inter-Services Public Relations (ISPR) said. Officials in Islamabad said the Tehreek-e-Taliban Pakistan \
         had claimed the attack on a police checkpoint near the Afghan border.\n\n"
    )
}

/// Mark every `every`-th capitalised word; a third of them are model suggestions with
/// a confidence. `every = 2` gives about one span per 35 characters, denser than
/// OntoNotes news (about one per 45).
fn annotate(doc: &mut Document, every: usize) {
    let text = doc.text().to_string();
    let spans: Vec<Span> = doc
        .tokens()
        .iter()
        .filter(|t| t.text(&text).chars().next().is_some_and(char::is_uppercase))
        .step_by(every)
        .enumerate()
        .map(|(i, t)| {
            if i % 3 == 0 {
                Span {
                    confidence: Some(0.8125 + i as f32 * 1e-6),
                    ..Span::suggested(t.start, t.end, "ORG", Origin::Model)
                }
            } else {
                Span::manual(t.start, t.end, if i % 2 == 0 { "GPE" } else { "PERSON" })
            }
        })
        .collect();
    doc.set_spans(spans);
}

/// (text units, spans, stored units) for 4 MB of text in 40 documents.
fn measure(every: usize) -> (usize, usize, usize) {
    let mut text_units = 0;
    let mut stored_units = 0;
    let mut spans = 0;
    for d in 0..40 {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 110_000 {
            text.push_str(&article(d * 1000 + i));
            i += 1;
        }
        let mut doc = Document::new(
            format!("doc-{d:04}"),
            format!("Article {d}"),
            &text.chars().take(100_000).collect::<String>(),
        );
        annotate(&mut doc, every);
        spans += doc.spans().len();
        text_units += doc.text().encode_utf16().count();
        let raw = encode_document(&doc).unwrap();
        stored_units += raw.encode_utf16().count() + doc_key(&doc.id).encode_utf16().count();
    }
    (text_units, spans, stored_units)
}

#[test]
fn four_megabytes_of_annotated_text_fit() {
    for every in [2, 1] {
        let (text, spans, stored) = measure(every);
        let per_span = (stored - text) as f64 / spans as f64;
        println!("every {every}: text {text} units, {spans} spans (one per {} chars), stored {stored} units, {per_span:.1} units per span incl. JSON", text / spans);
        assert!(text >= 4_000_000);
        if every == 2 {
            assert!(
                text / spans <= 40,
                "a realistic density: one span per {} characters",
                text / spans
            );
            assert!(
                stored < QUOTA_UNITS,
                "{stored} UTF-16 units do not fit in {QUOTA_UNITS}"
            );
        }
        assert!(per_span < 7.0, "{per_span:.1} units per span");
    }
}
