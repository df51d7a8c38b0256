//! Annotating text in other scripts and around emoji: Urdu (right to left), Chinese,
//! Hindi, ZWJ emoji sequences and combining marks, through the editor as the web app does.

mod workspace_support;

use spanmark_core::{Edge, Edit};
use workspace_support::Desk;

fn editor(text: &str) -> Desk {
    Desk::with_text(text)
}

/// UTF-16 range of the nth occurrence of `needle` (what a browser selection reports).
fn utf16_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let b = text.match_indices(needle).nth(nth).unwrap().0;
    let s = text[..b].encode_utf16().count();
    (s, s + needle.encode_utf16().count())
}

fn labelled(ed: &Desk) -> Vec<(&str, &str)> {
    let d = ed.doc();
    d.spans()
        .iter()
        .map(|s| (d.slice(s.start, s.end), s.label.as_str()))
        .collect()
}

#[test]
fn urdu_words_label_and_label_all() {
    let text = "👨‍👩‍👧 لاہور میں دھماکہ، لاہور پولیس۔ «لاہور»";
    let mut ed = editor(text);
    let (s, e) = utf16_of(text, "لاہور", 0);
    let (cs, ce) = ed.label_selection_utf16(s, e, "GPE").unwrap();
    assert_eq!(ed.doc().slice(cs, ce), "لاہور");
    ed.apply(&Edit::LabelAll { start: cs, end: ce }).unwrap();
    assert_eq!(labelled(&ed), [("لاہور", "GPE"); 3]);
    // the guillemets around the last one are not part of it
    let last = ed.doc().spans()[2].clone();
    assert_eq!(ed.doc().slice(last.end, last.end + 1), "»");
    ed.undo().unwrap();
    assert_eq!(ed.doc().spans().len(), 1);
}

#[test]
fn resize_over_urdu_and_emoji_tokens() {
    let text = "وزیر اعظم 🇵🇰 شہباز شریف";
    let mut ed = editor(text);
    let (s, e) = utf16_of(text, "شہباز", 0);
    let (cs, ce) = ed.label_selection_utf16(s, e, "PERSON").unwrap();
    ed.apply(&Edit::Resize {
        start: cs,
        end: ce,
        edge: Edge::End,
        delta: 1,
    })
    .unwrap();
    assert_eq!(labelled(&ed), [("شہباز شریف", "PERSON")]);
    let span = ed.doc().spans()[0].clone();
    // one token back is the flag: a symbol token, so the span can grow over it
    ed.apply(&Edit::Resize {
        start: span.start,
        end: span.end,
        edge: Edge::Start,
        delta: -1,
    })
    .unwrap();
    assert_eq!(labelled(&ed), [("🇵🇰 شہباز شریف", "PERSON")]);
}

#[test]
fn chinese_characters_are_labelled_whole_and_in_part() {
    let text = "他在北京市工作。";
    let mut ed = editor(text);
    let (s, e) = utf16_of(text, "北京", 0);
    // a selection of two characters stays two characters (each is a token)
    let (cs, ce) = ed.label_selection_utf16(s, e, "GPE").unwrap();
    assert_eq!(ed.doc().slice(cs, ce), "北京");
    ed.apply(&Edit::Resize {
        start: cs,
        end: ce,
        edge: Edge::End,
        delta: 1,
    })
    .unwrap();
    assert_eq!(labelled(&ed), [("北京市", "GPE")]);
}

#[test]
fn hindi_and_combining_marks_stay_inside_words() {
    let text = "नरेंद्र मोदी ने कहा। Jose\u{301} Marti\u{301}";
    let mut ed = editor(text);
    // select from inside the first word to inside the second
    let (s, _) = utf16_of(text, "नरेंद्र", 0);
    let (_, e) = utf16_of(text, "मोदी", 0);
    let (cs, ce) = ed.label_selection_utf16(s + 2, e - 1, "PERSON").unwrap();
    assert_eq!(ed.doc().slice(cs, ce), "नरेंद्र मोदी");
    let (s, e) = utf16_of(text, "Jose\u{301} Marti", 0);
    let (cs, ce) = ed.label_selection_utf16(s, e, "PERSON").unwrap();
    assert_eq!(
        ed.doc().slice(cs, ce),
        "Jose\u{301} Marti\u{301}",
        "grows over the accent"
    );
}
