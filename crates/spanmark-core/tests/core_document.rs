//! Documents: line-ending normalisation, selection snapping in code points and UTF-16 on
//! hard text (emoji, ZWJ, combining marks, CJK, Urdu, curly quotes, em dashes, tabs).

use spanmark_core::{CoreError, Document, Origin, Span};

fn snapped(doc: &Document, start: usize, end: usize) -> Result<&str, CoreError> {
    doc.snap(start, end).map(|(s, e)| doc.slice(s, e))
}

/// Code point offset of the nth occurrence of `needle`.
fn cp(doc: &Document, needle: &str) -> usize {
    doc.index()
        .char_of_byte(doc.text().find(needle).unwrap())
        .unwrap()
}

#[test]
fn crlf_and_lone_cr_become_lf_and_nothing_else_changes() {
    let doc = Document::new("d", "t", "Line one\r\nLine\ttwo\rthree  \u{00A0}end ");
    assert_eq!(doc.text(), "Line one\nLine\ttwo\nthree  \u{00A0}end ");
    assert_eq!(doc.len_chars(), doc.text().chars().count());
}

#[test]
fn snapping_grows_to_words_and_trims_punctuation() {
    let doc = Document::new(
        "d",
        "t",
        "He said: “Afghanistan’s Taliban—and others” (AP).",
    );
    let a = cp(&doc, "Afghanistan");
    // from inside "Afghanistan" to inside "Taliban"
    assert_eq!(snapped(&doc, a + 3, a + 16), Ok("Afghanistan’s Taliban"));
    // the opening quote and the possessive are trimmed
    assert_eq!(snapped(&doc, a - 2, a + 13), Ok("Afghanistan"));
    // em dash at the end is trimmed
    let t = cp(&doc, "Taliban");
    assert_eq!(snapped(&doc, t, t + 8), Ok("Taliban"));
    // a bracketed word: brackets and the period go
    let ap = cp(&doc, "(AP)");
    assert_eq!(snapped(&doc, ap, ap + 5), Ok("AP"));
    // only punctuation and spaces: nothing to label
    assert_eq!(
        doc.snap(ap + 3, ap + 5),
        Err(CoreError::NothingToLabel {
            start: ap + 3,
            end: ap + 5
        })
    );
    assert_eq!(
        doc.snap(2, 2),
        Err(CoreError::NothingToLabel { start: 2, end: 2 })
    );
    assert_eq!(
        doc.snap(3, 1),
        Err(CoreError::EmptySpan { start: 3, end: 1 })
    );
    let n = doc.len_chars();
    assert_eq!(
        doc.snap(0, n + 5),
        Err(CoreError::OutOfRange {
            offset: n + 5,
            len: n
        })
    );
}

#[test]
fn snapping_keeps_hyphenated_names_and_lets_parts_be_labelled() {
    let doc = Document::new("d", "t", "the Kabul-based Hizb-ul-Mujahideen group");
    let k = cp(&doc, "Kabul");
    assert_eq!(snapped(&doc, k, k + 5), Ok("Kabul"));
    assert_eq!(snapped(&doc, k + 1, k + 7), Ok("Kabul-based"));
    let h = cp(&doc, "Hizb");
    assert_eq!(snapped(&doc, h + 2, h + 17), Ok("Hizb-ul-Mujahideen"));
}

#[test]
fn utf16_selections_around_astral_characters() {
    // 😀 and 👨‍👩‍👧 are astral; the family is 5 code points, 8 UTF-16 units
    let text = "😀 Lahore 👨‍👩‍👧 Karachi e\u{301}te 北京 لاہور";
    let doc = Document::new("d", "t", text);
    let utf16_of = |needle: &str| text[..text.find(needle).unwrap()].encode_utf16().count();
    for word in ["Lahore", "Karachi", "e\u{301}te", "北", "لاہور"] {
        let u = utf16_of(word);
        let (s, e) = doc.snap_utf16(u, u + word.encode_utf16().count()).unwrap();
        assert_eq!(doc.slice(s, e), word);
        assert_eq!(
            doc.index().utf16_range_of_chars(s, e),
            Ok((u, u + word.encode_utf16().count()))
        );
    }
    // a selection boundary inside a surrogate pair widens to the whole emoji
    assert_eq!(doc.index().chars_of_utf16_range(1, 1), Ok((0, 1)));
    let len16 = text.encode_utf16().count();
    assert!(matches!(
        doc.snap_utf16(0, len16 + 1),
        Err(CoreError::OutOfRange { .. })
    ));
    // an emoji alone is a symbol, not punctuation: it can be labelled
    assert_eq!(doc.snap_utf16(0, 2), Ok((0, 1)));
}

#[test]
fn token_lookups_for_the_caret() {
    let doc = Document::new("d", "t", "Imran  Khan, PTI");
    assert_eq!(doc.token_at(0), Some(0));
    assert_eq!(doc.token_at(5), None, "whitespace");
    assert_eq!(doc.token_at(7), Some(1));
    assert_eq!(doc.next_token_start(0), Some(7));
    assert_eq!(doc.next_token_start(7), Some(11));
    assert_eq!(doc.next_token_start(13), None);
    assert_eq!(doc.prev_token_start(11), Some(7));
    assert_eq!(doc.prev_token_start(0), None);
    assert_eq!(doc.next_token_end(0), Some(5));
    assert_eq!(doc.next_token_end(5), Some(11));
    assert_eq!(doc.next_token_end(16), None);
    assert_eq!(doc.prev_token_end(11), Some(5));
    assert_eq!(doc.prev_token_end(5), None);
    assert!(doc.is_token_start(11) && doc.is_token_end(11) && !doc.is_token_end(10));
    assert_eq!(doc.tokens_overlapping(3, 9), 0..2);
}

#[test]
fn span_lookups() {
    let mut doc = Document::new("d", "t", "Imran Khan met Nawaz Sharif in Lahore.");
    doc.set_spans(vec![
        Span::manual(31, 37, "GPE"),
        Span::manual(0, 10, "PERSON"),
        Span::suggested(15, 27, "PERSON", Origin::Model),
        Span::manual(3, 8, "ORG"), // overlaps an earlier, longer span: dropped by set_spans
    ]);
    assert_eq!(
        doc.spans().iter().map(|s| s.start).collect::<Vec<_>>(),
        [0, 15, 31]
    );
    assert_eq!(doc.span_at(9), Some(0));
    assert_eq!(doc.span_at(10), None);
    assert_eq!(doc.span_at(31), Some(2));
    assert_eq!(doc.spans_overlapping(5, 16), 0..2);
    assert_eq!(doc.spans_overlapping(10, 15), 1..1);
    assert_eq!(doc.find_span(15, 27), Some(1));
    assert_eq!(doc.find_span(15, 26), None);
    assert!(doc.has_suggestions());
}
