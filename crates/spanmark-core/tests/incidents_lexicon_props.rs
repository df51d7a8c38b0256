//! The trigger lexicon's index by first word finds exactly what trying every entry in order
//! finds (the simple reference below), on random texts and random lexicons.

use proptest::prelude::*;
use spanmark_core::document::Document;
use spanmark_core::incidents::lexicon::{entries, Entry, Found, Lexicon};

/// The reference: at each token, the first entry (in lexicon order) whose words are the
/// lowercase of the next tokens.
fn scan(doc: &Document, range: std::ops::Range<usize>, lexicon: &[Entry]) -> Vec<Found> {
    let toks = doc.tokens();
    let word = |i: usize| toks[i].text(doc.text()).to_lowercase();
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let hit = lexicon.iter().find(|e| {
            i + e.words.len() <= range.end
                && e.words.iter().enumerate().all(|(k, w)| word(i + k) == *w)
        });
        match hit {
            Some(e) => {
                let last = i + e.words.len() - 1;
                out.push(Found {
                    tokens: i..last + 1,
                    start: toks[i].start,
                    end: toks[last].end,
                    kind: e.kind.clone(),
                    strong: e.strong,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Trigger words in several cases, words that share a first word with a longer trigger,
/// characters whose lowercase differs in length, punctuation.
const WORDS: [&str; 24] = [
    "suicide",
    "Suicide",
    "bombing",
    "BOMBING",
    "attack",
    "Attack",
    "car",
    "bomb",
    "blast",
    "the",
    "a",
    "grenade",
    "lobbed",
    "IED",
    "ied",
    "\u{212A}illed",
    "killed",
    "İed",
    "ΟΔΟΣ",
    "opened",
    "fire",
    ".",
    ",",
    "-",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS.to_vec()), any::<bool>()), 0..40).prop_map(
        |words| {
            words
                .iter()
                .map(|(w, space)| format!("{w}{}", if *space { " " } else { "" }))
                .collect()
        },
    )
}

/// A random lexicon over the same words: entries of one to three words, in random order.
fn lexicon_strategy() -> impl Strategy<Value = Vec<Entry>> {
    prop::collection::vec(
        (
            prop::collection::vec(prop::sample::select(WORDS.to_vec()), 1..4),
            prop::sample::select(vec!["ATTACK", "BOMBING"]),
            any::<bool>(),
        ),
        0..12,
    )
    .prop_map(|es| {
        es.into_iter()
            .map(|(words, kind, strong)| Entry {
                kind: kind.to_string(),
                words: words.iter().map(|w| w.to_lowercase()).collect(),
                strong,
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_index_finds_what_the_scan_finds_with_the_real_lexicon(
        text in text_strategy(),
        cut in 0usize..50,
    ) {
        let doc = Document::new("d", "t", &text);
        let n = doc.tokens().len();
        let lexicon = Lexicon::new(entries());
        prop_assert_eq!(lexicon.find(&doc, 0..n), scan(&doc, 0..n, &entries()));
        let from = cut.min(n);
        prop_assert_eq!(lexicon.find(&doc, from..n), scan(&doc, from..n, &entries()));
        prop_assert_eq!(lexicon.find(&doc, 0..from), scan(&doc, 0..from, &entries()));
    }

    #[test]
    fn the_index_finds_what_the_scan_finds_with_any_lexicon(
        text in text_strategy(),
        lexicon in lexicon_strategy(),
    ) {
        let doc = Document::new("d", "t", &text);
        let n = doc.tokens().len();
        prop_assert_eq!(
            Lexicon::new(lexicon.clone()).find(&doc, 0..n),
            scan(&doc, 0..n, &lexicon)
        );
    }
}

#[test]
fn the_reference_finds_the_longest_trigger_and_the_index_agrees() {
    let doc = Document::new("d", "t", "A Suicide Bombing and a blast. The IED.");
    let n = doc.tokens().len();
    let found = scan(&doc, 0..n, &entries());
    let words: Vec<&str> = found.iter().map(|f| doc.slice(f.start, f.end)).collect();
    assert_eq!(words, ["Suicide Bombing", "blast", "IED"]);
    assert_eq!(Lexicon::new(entries()).find(&doc, 0..n), found);
}
