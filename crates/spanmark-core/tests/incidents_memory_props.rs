//! The incident memory finds remembered trigger words at the right offsets whatever the text:
//! characters whose lowercase is longer ("İ") or shorter (the Kelvin sign) than they are.

use proptest::prelude::*;
use spanmark_core::document::Document;
use spanmark_core::incidents::memory::EventMemory;
use spanmark_core::links::{Event, Links};
use spanmark_core::span::Origin;

/// Words whose lowercase changes length, cases, marks, emoji, and the taught triggers.
fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "İ",
            "İpek",
            "İPEK",
            "i̇pek",
            "\u{212A}",
            "k",
            "ẞ",
            "Straße",
            "ΟΔΟΣ",
            "οδος",
            "e\u{301}",
            "🇵🇰",
            "torched",
            "Torched",
            "TORCHED",
            "blast",
            "Blast",
            "opened fire",
            "Opened Fire",
            " ",
            " ",
            ".",
            "\n",
            "-",
        ]),
        0..30,
    )
    .prop_map(|words| words.concat())
}

/// A memory taught "torched" (ATTACK), "İpek" (ATTACK), "blast" (BOMBING), "ΟΔΟΣ" (ATTACK),
/// "opened fire" (ATTACK) and the Kelvin sign (OPERATION) by accepted events.
fn taught() -> EventMemory {
    let mut memory = EventMemory::default();
    for (words, kind) in [
        ("torched", "ATTACK"),
        ("İpek", "ATTACK"),
        ("blast", "BOMBING"),
        ("ΟΔΟΣ", "ATTACK"),
        ("opened fire", "ATTACK"),
        ("\u{212A}", "OPERATION"),
    ] {
        let text = format!("They {words} here.");
        let mut doc = Document::new("t", "T", &text);
        let end = 5 + words.chars().count();
        doc.set_links(Links {
            events: vec![Event::manual(kind, 5, end)],
            relations: vec![],
        });
        memory.learn(&doc);
    }
    memory
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every event the memory adds covers whole tokens that are remembered trigger words of
    /// its type, and every remembered trigger on whole tokens is covered by some event.
    #[test]
    fn remembered_triggers_are_found_where_they_are(text in text_strategy()) {
        let memory = taught();
        let doc = Document::new("d", "D", &text);
        let out = memory.apply(&doc, Vec::new());
        for e in &out {
            prop_assert!(e.start < e.end && e.end <= doc.len_chars(), "{e:?} in {text:?}");
            prop_assert_eq!(e.origin, Origin::Memory);
            prop_assert!(doc.is_token_start(e.start) && doc.is_token_end(e.end), "{e:?} cuts a token in {text:?}");
            let words = doc.slice(e.start, e.end);
            prop_assert_eq!(memory.kind_of(words), Some(e.kind.as_str()), "{:?} in {:?}", words, text);
        }
        let toks = doc.tokens();
        for i in 0..toks.len() {
            for j in i..toks.len().min(i + 3) {
                let (s, e) = (toks[i].start, toks[j].end);
                if memory.kind_of(doc.slice(s, e)).is_some() {
                    prop_assert!(
                        out.iter().any(|x| x.start < e && s < x.end),
                        "{:?} at {}..{} not suggested in {:?}", doc.slice(s, e), s, e, text
                    );
                }
            }
        }
    }
}

#[test]
fn a_dotted_capital_before_the_trigger_does_not_shift_it() {
    let memory = taught();
    let doc = Document::new("d", "D", "İİ torched the town.");
    let out = memory.apply(&doc, Vec::new());
    let found: Vec<&str> = out.iter().map(|e| doc.slice(e.start, e.end)).collect();
    assert_eq!(found, vec!["torched"]);
}
