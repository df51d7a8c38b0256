//! The news fixture set shared by the format tests: emoji, ZWJ sequences, curly quotes, Urdu,
//! combining marks, double spaces and paragraph breaks, with accepted spans and suggestions.

use spanmark_core::span::{Origin, Span};
use spanmark_core::{DocStatus, Document};

/// A span over the `nth` (0-based) occurrence of `needle` in the document's text.
pub fn span_at(doc: &Document, needle: &str, nth: usize, label: &str) -> Span {
    let text = doc.text();
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("“{needle}” not in fixture"));
    let start = text[..byte].chars().count();
    Span::manual(start, start + needle.chars().count(), label)
}

fn suggested(mut s: Span, origin: Origin, confidence: f32) -> Span {
    s.origin = origin;
    s.state = spanmark_core::SpanState::Suggested;
    s.confidence = Some(confidence);
    s
}

/// Four short news documents; every span sits on word boundaries.
pub fn news() -> Vec<Document> {
    let mut out = Vec::new();

    let mut d = Document::new(
        "pk-001",
        "CTD arrests in Lahore",
        "Maryam Nawaz met officials in Lahore on Thursday, March 23.\n\nThe Counter Terrorism Department said 19 suspects were held.",
    );
    d.set_spans(vec![
        span_at(&d, "Maryam Nawaz", 0, "PERSON"),
        span_at(&d, "Lahore", 0, "GPE"),
        span_at(&d, "Thursday, March 23", 0, "DATE"),
        span_at(&d, "Counter Terrorism Department", 0, "ORG"),
        suggested(span_at(&d, "19", 0, "CARDINAL"), Origin::Pattern, 0.8),
    ]);
    d.status = DocStatus::Done;
    d.created = 1_763_800_000_000.0;
    d.updated = 1_763_800_360_000.0;
    out.push(d);

    let mut d = Document::new(
        "af/002",
        "Families in Herat 🙏",
        "🇵🇰 Pakistan and 👨‍👩‍👧 families in Herat 🙏 met “Taliban” envoys — 😀 twice 😀.",
    );
    d.set_spans(vec![
        span_at(&d, "Pakistan", 0, "GPE"),
        suggested(span_at(&d, "Herat", 0, "GPE"), Origin::Gazetteer, 0.9),
        span_at(&d, "Taliban", 0, "ORG"),
    ]);
    d.created = 1_763_800_100_000.0;
    d.updated = 1_763_800_100_000.0;
    out.push(d);

    let mut d = Document::new(
        "ur-003",
        "اسلام آباد",
        "وزیر اعظم شہباز شریف نے اسلام آباد میں کہا کہ پاکستان پر امن ہے۔",
    );
    d.set_spans(vec![
        span_at(&d, "شہباز شریف", 0, "PERSON"),
        span_at(&d, "اسلام آباد", 0, "GPE"),
        span_at(&d, "پاکستان", 0, "GPE"),
    ]);
    out.push(d);

    let mut d = Document::new(
        "mixed 004",
        "ISPR statement",
        "Cafe\u{301}  Zürich hosts ISPR officials.\nInter-Services Intelligence said 12 people  left.\n",
    );
    d.set_spans(vec![
        span_at(&d, "Zürich", 0, "GPE"),
        span_at(&d, "ISPR", 0, "ORG"),
        span_at(&d, "Inter-Services Intelligence", 0, "ORG"),
        span_at(&d, "12", 0, "CARDINAL"),
    ]);
    d.status = DocStatus::Done;
    out.push(d);
    out
}
