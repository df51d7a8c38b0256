//! Shared builders for the persist tests: sample documents and a proptest strategy
//! for documents with emoji, combining marks and right-to-left text.
#![allow(dead_code)]

use proptest::prelude::*;
use spanmark_core::{Document, Origin, Span, SpanState};

pub const LABELS: [&str; 4] = ["PERSON", "ORG", "GPE", "DATE"];
pub const ORIGINS: [Origin; 10] = [
    Origin::Manual,
    Origin::Gazetteer,
    Origin::Pattern,
    Origin::Acronym,
    Origin::Memory,
    Origin::Model,
    Origin::Import,
    Origin::Rule("gazetteer"),
    Origin::Rule("surname"),
    Origin::Rule("unlabelled"),
];

/// "Imran Khan met officials in Lahore on Monday." with PERSON, GPE and a suggestion.
pub fn sample() -> Document {
    let mut doc = Document::new(
        "d1",
        "Lahore meeting",
        "Imran Khan met officials in Lahore on Monday.\nMore 👩‍👩‍👧 text.",
    );
    doc.set_spans(vec![
        Span::manual(0, 10, "PERSON"),
        Span {
            confidence: Some(0.87),
            ..Span::suggested(28, 34, "GPE", Origin::Gazetteer)
        },
        Span::suggested(38, 44, "DATE", Origin::Rule("date")),
    ]);
    doc.created = 1_763_900_000_000.0;
    doc.updated = 1_763_900_123_456.0;
    doc.revision = 7;
    doc
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Peshawar",
        " ",
        "\n",
        "🇵🇰",
        "e\u{301}",
        "کراچی",
        "北京",
        "\"q\"",
        "\\",
        "ISPR",
        "—",
        "👍🏽",
        "\t",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// A document with sorted, non-overlapping spans of random labels, origins and states.
pub fn document_strategy() -> impl Strategy<Value = Document> {
    text_strategy()
        .prop_flat_map(|text| {
            let len = text.chars().count();
            let cuts = prop::collection::vec(0..=len, 0..12);
            let kinds = prop::collection::vec(
                (
                    0..4usize,
                    0..ORIGINS.len(),
                    any::<bool>(),
                    prop::option::of(0.0f32..=1.0),
                ),
                12,
            );
            (
                Just(text),
                cuts,
                kinds,
                "[a-z0-9-]{1,12}",
                ".{0,20}",
                0u64..1000,
                any::<bool>(),
            )
        })
        .prop_map(|(text, mut cuts, kinds, id, title, revision, done)| {
            cuts.sort_unstable();
            cuts.dedup();
            let mut doc = Document::new(id, title, &text);
            let spans = cuts
                .chunks(2)
                .zip(kinds)
                .filter(|(c, _)| c.len() == 2 && c[0] < c[1])
                .map(|(c, (l, o, acc, conf))| Span {
                    start: c[0],
                    end: c[1],
                    label: LABELS[l].to_string(),
                    origin: ORIGINS[o],
                    state: if acc {
                        SpanState::Accepted
                    } else {
                        SpanState::Suggested
                    },
                    confidence: conf,
                })
                .collect();
            doc.set_spans(spans);
            doc.revision = revision;
            doc.created = 1_700_000_000_000.0 + revision as f64;
            doc.updated = doc.created + 0.5;
            if done {
                doc.status = spanmark_core::DocStatus::Done;
            }
            doc
        })
}

/// The documented span packing, written independently: 5 bits per base64 character,
/// least significant group first, bit 5 set when more characters follow.
pub fn vlq(numbers: &[u64]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for &n in numbers {
        let mut n = n;
        loop {
            let d = (n % 32) as usize;
            n /= 32;
            out.push(A[if n > 0 { d + 32 } else { d }] as char);
            if n == 0 {
                break;
            }
        }
    }
    out
}

/// `label << 5 | origin << 2 | has_confidence << 1 | accepted`
pub fn code(label: u64, origin: u64, confidence: bool, accepted: bool) -> u64 {
    label << 5 | origin << 2 | u64::from(confidence) << 1 | u64::from(accepted)
}
