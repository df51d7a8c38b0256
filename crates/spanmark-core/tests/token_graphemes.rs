//! The grapheme oracle: no token boundary falls inside an extended grapheme cluster (Unicode's,
//! from `unicode-segmentation`), on words of nine scripts, emoji and random strings of them.

use proptest::prelude::*;
use spanmark_core::token::grapheme::{is_extender, is_prepend};
use spanmark_core::token::tokenize;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// Byte offsets where extended grapheme clusters start, plus the text's end.
fn cluster_starts(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    at.push(text.len());
    at
}

/// Every token boundary that is not a cluster boundary, described. A boundary may fall inside
/// a cluster only where the other side is whitespace, which no token holds (" \u{301}").
fn violations(text: &str) -> Vec<String> {
    let starts = cluster_starts(text);
    let is_cluster_start = |b: usize| starts.binary_search(&b).is_ok();
    let white_before = |b: usize| {
        text[..b]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace)
    };
    let white_after = |b: usize| text[b..].chars().next().is_some_and(char::is_whitespace);
    let mut out = Vec::new();
    for t in tokenize(text) {
        let piece = t.text(text);
        if !is_cluster_start(t.byte_start) && !white_before(t.byte_start) {
            out.push(format!(
                "token {piece:?} starts inside a cluster of {text:?}"
            ));
        }
        if !is_cluster_start(t.byte_end) && !white_after(t.byte_end) {
            out.push(format!("token {piece:?} ends inside a cluster of {text:?}"));
        }
    }
    out
}

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

/// Words and sequences of each script, each a single token, in sentences around them.
const WORDS: &[(&str, &str)] = &[
    ("Latin with combining marks", "Ame\u{301}lie"),
    (
        "Latin, stacked marks",
        "Z\u{351}\u{36B}a\u{303}l\u{352}g\u{31F}o",
    ),
    ("Vietnamese, decomposed", "Vie\u{323}\u{302}t"),
    ("Arabic with harakat", "مُحَمَّد"),
    ("Urdu", "پاکستان"),
    ("Urdu with ZWNJ", "خوش\u{200C}آمدید"),
    ("Devanagari conjunct", "क्षत्रिय"),
    ("Devanagari", "हिन्दी"),
    ("Devanagari with nukta", "ज़िन्दगी"),
    ("Thai", "ที่นี่"),
    ("Thai, SARA AM", "น้ำ"),
    ("Khmer", "ខ្មែរ"),
    ("Burmese", "မြန်မာ"),
    ("Hangul syllables", "한국어"),
    (
        "Hangul conjoining jamo",
        "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}",
    ),
    ("emoji ZWJ family", "👨‍👩‍👧‍👦"),
    ("emoji skin tone", "👍🏽"),
    ("emoji ZWJ with tone", "🧑🏿‍🚀"),
    ("flag", "🇵🇰"),
    (
        "subdivision flag",
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    ),
    ("keycap", "1\u{FE0F}\u{20E3}"),
];

#[test]
fn words_of_every_script_are_one_token() {
    for (script, word) in WORDS {
        assert_eq!(toks(word), [*word], "{script}");
        for text in [
            format!("{word} "),
            format!("«{word}»"),
            format!("({word}), {word}."),
            format!("said {word}'s"),
        ] {
            let bad = violations(&text);
            assert!(bad.is_empty(), "{script}: {bad:?}");
            assert!(toks(&text).contains(word), "{script}: {:?}", toks(&text));
        }
    }
}

#[test]
fn two_flags_are_two_tokens_and_stray_marks_stay_visible() {
    assert_eq!(toks("🇵🇰🇦🇫"), ["🇵🇰", "🇦🇫"]);
    assert_eq!(toks("U.S.\u{301} x"), ["U.S.\u{301}", "x"]);
    assert_eq!(
        toks("a \u{301}b"),
        ["a", "\u{301}", "b"],
        "after a space a mark is kept"
    );
    assert!(
        violations("\u{600}\u{661}\u{662} x").is_empty(),
        "Arabic number sign"
    );
}

/// Whether Unicode puts a cluster boundary at byte `at` of `text`.
fn unicode_cuts(text: &str, at: usize) -> bool {
    GraphemeCursor::new(at, text.len(), true)
        .is_boundary(text, 0)
        .expect("the whole text is the chunk")
}

#[test]
fn the_generated_tables_agree_with_unicode_on_every_code_point() {
    let mut buf = String::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        buf.clear();
        buf.push('a');
        buf.push(c);
        assert_eq!(
            is_extender(c),
            !unicode_cuts(&buf, 1),
            "after a letter: {c:?}"
        );
        buf.clear();
        buf.push(c);
        buf.push('a');
        let prepend = !c.is_ascii() && !unicode_cuts(&buf, c.len_utf8()) && !is_extender('a');
        assert_eq!(is_prepend(c), prepend, "before a letter: {c:?}");
    }
}

/// One character from the scripts above, their marks, joiners, emoji, spaces and punctuation.
fn script_char() -> impl Strategy<Value = char> {
    let ranges: &[(u32, u32)] = &[
        (0x41, 0x5A),
        (0x61, 0x7A),
        (0x30, 0x39),
        (0xC0, 0xFF),
        (0x300, 0x36F),
        (0x600, 0x6FF),
        (0x900, 0x97F),
        (0xE00, 0xE7F),
        (0x1780, 0x17FF),
        (0x1000, 0x109F),
        (0x1100, 0x11FF),
        (0xAC00, 0xAC40),
        (0x1F300, 0x1F64F),
        (0x1F3FB, 0x1F3FF),
        (0x1F1E6, 0x1F1FF),
        (0xE0020, 0xE007F),
        (0xFE00, 0xFE0F),
        (0x200C, 0x200D),
    ];
    let pick = prop::sample::select(ranges.to_vec());
    let scripts =
        pick.prop_flat_map(|(lo, hi)| (lo..=hi).prop_filter_map("a char", char::from_u32));
    prop_oneof![
        8 => scripts,
        2 => prop::sample::select(vec![' ', ' ', '\n', '.', ',', '\'', '’', '-', '(', ')', '"', '\r']),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_token_boundary_inside_a_cluster(chars in prop::collection::vec(script_char(), 0..40)) {
        let text: String = chars.into_iter().collect();
        let bad = violations(&text);
        prop_assert!(bad.is_empty(), "{:?}", bad);
    }
}

/// Found by the property test: a Prepend sign, a Hangul leading jamo and a syllable are one
/// cluster (GB9b, GB6), so they are one token.
#[test]
fn a_prepend_sign_before_hangul_jamo_is_one_token() {
    let text = "\u{600}\u{1100}\u{AC36}";
    assert!(violations(text).is_empty(), "{:?}", violations(text));
    assert!(violations("x \u{600}12 y").is_empty());
}

/// Found by the property test: a sign, a joiner and a flag are one cluster, and the flag's
/// two regional indicators are never parted.
#[test]
fn a_flag_after_a_joiner_keeps_both_regional_indicators() {
    let text = "\u{d7}\u{200d}\u{1f1f3}\u{1f1fc}";
    assert!(violations(text).is_empty(), "{:?}", violations(text));
}
