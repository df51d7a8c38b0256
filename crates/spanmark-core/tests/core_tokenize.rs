//! The news tokenizer against tables: spaCy's own English tokenizations (our boundaries must
//! include theirs) and tricky news prose, other scripts, emoji; plus sentence boundaries.

use spanmark_core::token::{sentences, tokenize};

fn toks(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

/// Code point offsets where spaCy's tokens start and end, found by walking the text.
fn boundaries_of(text: &str, pieces: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut byte = 0;
    for p in pieces {
        let at = byte
            + text[byte..]
                .find(p)
                .unwrap_or_else(|| panic!("{p:?} not in {text:?}"));
        let start = text[..at].chars().count();
        out.push(start);
        out.push(start + p.chars().count());
        byte = at + p.len();
    }
    out
}

/// spaCy 3 English (`spacy.blank("en")`) tokenizations. Ours must split at least where spaCy
/// splits; `exact` rows must also match token for token.
const SPACY: &[(&str, &[&str], bool)] = &[
    ("Kabul-based", &["Kabul", "-", "based"], true),
    ("India-Pakistan", &["India", "-", "Pakistan"], true),
    (
        "Hizb-ul-Mujahideen",
        &["Hizb", "-", "ul", "-", "Mujahideen"],
        true,
    ),
    (
        "a 5-year-old boy",
        &["a", "5", "-", "year", "-", "old", "boy"],
        true,
    ),
    ("pro-Taliban", &["pro", "-", "Taliban"], true),
    ("Afghanistan's", &["Afghanistan", "'s"], true),
    ("Afghanistan’s", &["Afghanistan", "’s"], true),
    ("PAKISTAN'S", &["PAKISTAN", "'S"], true),
    (
        "the soldiers' families",
        &["the", "soldiers", "'", "families"],
        true,
    ),
    ("don't", &["do", "n't"], true),
    ("can't", &["ca", "n't"], true),
    (
        "I'm sure we'll go",
        &["I", "'m", "sure", "we", "'ll", "go"],
        true,
    ),
    ("they've left", &["they", "'ve", "left"], true),
    ("O'Brien", &["O'Brien"], true),
    ("U.S. troops", &["U.S.", "troops"], true),
    ("Mr. Khan", &["Mr.", "Khan"], true),
    ("Dr. Ahmed", &["Dr.", "Ahmed"], true),
    ("Gen. Bajwa", &["Gen.", "Bajwa"], true),
    ("Jan. 5", &["Jan.", "5"], true),
    ("e.g. this", &["e.g.", "this"], true),
    ("at 10 a.m. today", &["at", "10", "a.m.", "today"], true),
    ("6,000 people", &["6,000", "people"], true),
    ("3.5 percent", &["3.5", "percent"], true),
    ("at 10:30", &["at", "10:30"], true),
    ("$5 million", &["$", "5", "million"], true),
    ("5% rise", &["5", "%", "rise"], true),
    ("2019-20", &["2019", "-", "20"], true),
    ("the 1990s", &["the", "1990s"], true),
    ("a 10km march", &["a", "10", "km", "march"], true),
    ("at 5pm", &["at", "5", "pm"], true),
    ("at 5a.m. sharp", &["at", "5", "a.m.", "sharp"], true),
    ("(AP)", &["(", "AP", ")"], true),
    (
        "\"Hello,\" he said.",
        &["\"", "Hello", ",", "\"", "he", "said", "."],
        true,
    ),
    ("and/or", &["and/or"], false),
    ("end.The", &["end", ".", "The"], true),
    ("wait...what", &["wait", "...", "what"], true),
    ("Hello!", &["Hello", "!"], true),
    ("Really?!", &["Really", "?", "!"], false),
    // spaCy keeps these whole; we split more, which still includes its boundaries
    ("F-16 jets", &["F-16", "jets"], false),
    ("COVID-19", &["COVID-19"], false),
    ("AT&T", &["AT&T"], false),
    ("Dawn.com", &["Dawn.com"], false),
];

#[test]
fn boundaries_include_spacy_ones() {
    for (text, spacy, exact) in SPACY {
        let ours = tokenize(text);
        let ours_b: Vec<usize> = ours.iter().flat_map(|t| [t.start, t.end]).collect();
        for b in boundaries_of(text, spacy) {
            assert!(
                ours_b.contains(&b),
                "{text:?}: spaCy boundary {b} missing from {:?}",
                toks(text)
            );
        }
        if *exact {
            assert_eq!(toks(text), *spacy, "{text:?}");
        }
    }
}

/// Tricky news prose: datelines, bylines, captions, quotes inside quotes, titles, other scripts.
const NEWS: &[(&str, &[&str])] = &[
    (
        "PESHAWAR, Pakistan — A suicide bomber",
        &["PESHAWAR", ",", "Pakistan", "—", "A", "suicide", "bomber"],
    ),
    (
        "KABUL, Afghanistan (AP) — The Taliban",
        &[
            "KABUL",
            ",",
            "Afghanistan",
            "(",
            "AP",
            ")",
            "—",
            "The",
            "Taliban",
        ],
    ),
    (
        "By Syed Raza Hassan and Asif Shahzad",
        &["By", "Syed", "Raza", "Hassan", "and", "Asif", "Shahzad"],
    ),
    (
        "[Photo: Arshad Arbab/EPA]",
        &["[", "Photo", ":", "Arshad", "Arbab", "/", "EPA", "]"],
    ),
    (
        "(AP Photo/Muhammad Sajjad)",
        &["(", "AP", "Photo", "/", "Muhammad", "Sajjad", ")"],
    ),
    (
        "“He told me ‘we will return’,” she said.",
        &[
            "“", "He", "told", "me", "‘", "we", "will", "return", "’", ",", "”", "she", "said", ".",
        ],
    ),
    ("Lt. Gen. Asim Munir", &["Lt.", "Gen.", "Asim", "Munir"]),
    ("Col. (retd) Ahmed", &["Col.", "(", "retd", ")", "Ahmed"]),
    ("George W. Bush", &["George", "W.", "Bush"]),
    ("A.Q. Khan", &["A.Q.", "Khan"]),
    (
        "Rs. 5,000 and Rs 200",
        &["Rs.", "5,000", "and", "Rs", "200"],
    ),
    ("No. 10 Downing", &["No.", "10", "Downing"]),
    ("he said no. Then", &["he", "said", "no", ".", "Then"]),
    ("Apple Inc. said", &["Apple", "Inc.", "said"]),
    ("in the U.S.", &["in", "the", "U.S."]),
    ("U.S.-led", &["U.S.", "-", "led"]),
    ("1,200-km border", &["1,200", "-", "km", "border"]),
    ("9/11 attacks", &["9/11", "attacks"]),
    (
        "Pakistan’s “iron brother”",
        &["Pakistan", "’s", "“", "iron", "brother", "”"],
    ),
    (
        "Tehrik-i-Taliban Pakistan (TTP)",
        &[
            "Tehrik", "-", "i", "-", "Taliban", "Pakistan", "(", "TTP", ")",
        ],
    ),
    ("al-Qaeda’s", &["al", "-", "Qaeda", "’s"]),
    ("Shi’ite", &["Shi’ite"]),
    ("line one\r\nline\ttwo", &["line", "one", "line", "two"]),
    ("—Reuters", &["—", "Reuters"]),
    ("— —", &["—", "—"]),
    ("--", &["--"]),
    (
        "#Pakistan @dawn_com",
        &["#", "Pakistan", "@", "dawn", "_", "com"],
    ),
];

#[test]
fn news_prose_table() {
    for (text, want) in NEWS {
        assert_eq!(toks(text), *want, "{text:?}");
    }
}

#[test]
fn other_scripts_and_emoji() {
    // Urdu: words stay whole, the Urdu full stop and comma are their own tokens
    assert_eq!(
        toks("پاکستان کے وزیر اعظم، شہباز شریف۔"),
        ["پاکستان", "کے", "وزیر", "اعظم", "،", "شہباز", "شریف", "۔"]
    );
    // Arabic with harakat and a zero-width non-joiner inside a Persian word
    assert_eq!(toks("مُحَمَّد می\u{200C}خواهم"), ["مُحَمَّد", "می\u{200C}خواهم"]);
    // Hindi: vowel signs and viramas stay inside the word
    assert_eq!(toks("भारत की सेना।"), ["भारत", "की", "सेना", "।"]);
    // Han characters one token each; fullwidth punctuation separate
    assert_eq!(
        toks("北京市，中国。"),
        ["北", "京", "市", "，", "中", "国", "。"]
    );
    // combining marks: decomposed é is part of its word
    assert_eq!(toks("cafe\u{301} naïve"), ["cafe\u{301}", "naïve"]);
    // emoji with skin tone, a ZWJ family, a flag, a keycap: one token each
    assert_eq!(
        toks("ok 👍🏽 👨‍👩‍👧 🇵🇰🇦🇫 1️⃣ ❤️!"),
        ["ok", "👍🏽", "👨‍👩‍👧", "🇵🇰", "🇦🇫", "1️⃣", "❤️", "!"]
    );
    assert_eq!(toks("Kabul😀Herat"), ["Kabul", "😀", "Herat"]);
}

#[test]
fn offsets_are_code_points_and_bytes() {
    let text = "😀 Peshawar’s 北京";
    let t = tokenize(text);
    let got: Vec<(usize, usize)> = t.iter().map(|t| (t.start, t.end)).collect();
    assert_eq!(got, [(0, 1), (2, 10), (10, 12), (13, 14), (14, 15)]);
    for tok in &t {
        assert_eq!(text[..tok.byte_start].chars().count(), tok.start);
        assert_eq!(text[..tok.byte_end].chars().count(), tok.end);
    }
}

fn sents(text: &str) -> Vec<String> {
    let t = tokenize(text);
    sentences(text, &t)
        .into_iter()
        .map(|r| text[t[r.start].byte_start..t[r.end - 1].byte_end].to_string())
        .collect()
}

#[test]
fn sentences_split_at_terminal_marks_only() {
    assert_eq!(
        sents("Col. Ahmed met Gen. Bajwa on Jan. 5 in the U.S. Army base. They talked."),
        [
            "Col. Ahmed met Gen. Bajwa on Jan. 5 in the U.S. Army base.",
            "They talked."
        ]
    );
    assert_eq!(
        sents("George W. Bush spoke. A.Q. Khan listened."),
        ["George W. Bush spoke.", "A.Q. Khan listened."]
    );
    assert_eq!(
        sents("He said, “Leave now.” Then he left."),
        ["He said, “Leave now.”", "Then he left."]
    );
    assert_eq!(
        sents("“Why?” he asked. Nobody knew!"),
        ["“Why?” he asked.", "Nobody knew!"]
    );
    assert_eq!(
        sents("It was Apple Inc. The firm said so."),
        ["It was Apple Inc.", "The firm said so."]
    );
    assert_eq!(
        sents("It opened at 9 a.m. on Monday."),
        ["It opened at 9 a.m. on Monday."]
    );
    assert_eq!(sents("Read Dawn.com today."), ["Read Dawn.com today."]);
    assert_eq!(
        sents("He flew to the U.S. He stayed."),
        ["He flew to the U.S.", "He stayed."]
    );
    assert_eq!(
        sents("The U.N. Security Council met."),
        ["The U.N. Security Council met."]
    );
    assert_eq!(sents("Wait... What?"), ["Wait...", "What?"]);
}

#[test]
fn sentences_at_line_breaks_and_other_scripts() {
    assert_eq!(
        sents(
            "Blast kills 5 in Peshawar\n\nPESHAWAR, Pakistan — A blast killed five.\nPolice said"
        ),
        [
            "Blast kills 5 in Peshawar",
            "PESHAWAR, Pakistan — A blast killed five.",
            "Police said"
        ]
    );
    // a wrapped line continues the sentence
    assert_eq!(
        sents("The army said\nthat it had"),
        ["The army said\nthat it had"]
    );
    // a title never ends a sentence, even at a line end
    assert_eq!(sents("said Gen.\nBajwa."), ["said Gen.\nBajwa."]);
    assert_eq!(
        sents("پاکستان بڑا ہے۔ لاہور شہر ہے۔"),
        ["پاکستان بڑا ہے۔", "لاہور شہر ہے۔"]
    );
    assert_eq!(sents("他来了。她走了。"), ["他来了。", "她走了。"]);
    assert!(sents("").is_empty());
    assert_eq!(sents("no end mark"), ["no end mark"]);
}
