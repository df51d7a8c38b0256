//! Property tests: offset conversions round-trip on arbitrary Unicode, tokens and snapping
//! keep their invariants, and random edit sequences stay valid and undo/redo exactly.

use proptest::prelude::*;
use spanmark_core::token::{sentences, tokenize};
mod workspace_support;

use spanmark_core::{Document, Edge, Edit, Origin, Schema, Span, TextIndex};
use workspace_support::Desk;

/// Pieces of real-world text that break naive offset code.
const PIECES: &[&str] = &[
    "Kabul",
    "Pakistan’s",
    "U.S.",
    "Col.",
    "Kabul-based",
    "6,000",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "🇵🇰",
    "e\u{301}",
    "北京",
    "پاکستان",
    "۔",
    "“",
    "”",
    "‘",
    "’",
    "—",
    ",",
    ".",
    "!",
    "(",
    ")",
    "'s",
    "don't",
    "\u{200D}",
    "\u{FE0F}",
    "a",
    "ORG",
    "Taliban",
];

fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn offsets_round_trip(s in texty()) {
        let idx = TextIndex::new(&s);
        prop_assert_eq!(idx.len_chars(), s.chars().count());
        prop_assert_eq!(idx.len_utf16(), s.encode_utf16().count());
        let mut u16_pos = 0;
        for (i, (b, c)) in s.char_indices().enumerate() {
            prop_assert_eq!(idx.byte_of_char(i), Some(b));
            prop_assert_eq!(idx.char_of_byte(b), Some(i));
            prop_assert_eq!(idx.utf16_of_char(i), Some(u16_pos));
            prop_assert_eq!(idx.char_of_utf16(u16_pos), Some(i));
            for inside in 1..c.len_utf8() {
                prop_assert_eq!(idx.char_of_byte(b + inside), None);
            }
            if c.len_utf16() == 2 {
                prop_assert_eq!(idx.char_of_utf16(u16_pos + 1), None);
                prop_assert_eq!(idx.char_of_utf16_floor(u16_pos + 1), Some(i));
                prop_assert_eq!(idx.char_of_utf16_ceil(u16_pos + 1), Some(i + 1));
            }
            prop_assert_eq!(idx.slice(&s, i, i + 1), Some(&s[b..b + c.len_utf8()]));
            u16_pos += c.len_utf16();
        }
        let n = idx.len_chars();
        prop_assert_eq!(idx.byte_of_char(n), Some(s.len()));
        prop_assert_eq!(idx.byte_of_char(n + 1), None);
        prop_assert_eq!(idx.char_of_utf16(u16_pos + 1), None);
    }

    #[test]
    fn tokens_are_ordered_disjoint_and_cover_every_visible_char(s in texty()) {
        let toks = tokenize(&s);
        let idx = TextIndex::new(&s);
        let mut covered = vec![false; idx.len_chars()];
        let mut last_end = 0;
        for t in &toks {
            prop_assert!(t.start < t.end && t.start >= last_end);
            prop_assert_eq!(idx.byte_of_char(t.start), Some(t.byte_start));
            prop_assert_eq!(idx.byte_of_char(t.end), Some(t.byte_end));
            prop_assert!(!t.text(&s).chars().any(char::is_whitespace), "{:?}", t.text(&s));
            covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
            last_end = t.end;
        }
        for (i, c) in s.chars().enumerate() {
            if !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}') {
                prop_assert!(covered[i], "char {:?} at {} is in no token", c, i);
            }
        }
        let sents = sentences(&s, &toks);
        let mut next = 0;
        for r in &sents {
            prop_assert!(r.start == next && r.end > r.start);
            next = r.end;
        }
        prop_assert_eq!(next, toks.len());
    }

    #[test]
    fn snapping_lands_on_tokens_and_is_stable(s in texty(), a in 0usize..200, b in 0usize..200) {
        let doc = Document::new("d", "t", &s);
        let n = doc.len_chars();
        let (a, b) = (a.min(n), b.min(n));
        let (a, b) = (a.min(b), a.max(b));
        if let Ok((st, en)) = doc.snap(a, b) {
            prop_assert!(st < en && en <= n);
            prop_assert!(doc.is_token_start(st) && doc.is_token_end(en));
            prop_assert_eq!(doc.snap(st, en), Ok((st, en)));
        }
    }

    #[test]
    fn random_edits_keep_invariants_and_undo_exactly(
        s in texty(),
        ops in prop::collection::vec((0u8..11, 0usize..120, 0usize..120, 0usize..9), 0..40),
    ) {
        let schema = Schema::news();
        let mut ed = Desk::with_text(&s);
        let mut states = vec![ed.doc().spans().to_vec()];
        for (kind, a, b, k) in ops {
            let edit = make_edit(ed.doc(), &schema, kind, a, b, k);
            if ed.apply(&edit).unwrap_or(false) {
                states.push(ed.doc().spans().to_vec());
            }
            check_invariants(ed.doc())?;
        }
        let steps = ed.ws.history("d").map_or(0, |h| h.undo_len());
        prop_assert_eq!(steps, states.len() - 1);
        for i in (0..steps).rev() {
            ed.undo().unwrap();
            prop_assert_eq!(ed.doc().spans(), &states[i][..]);
        }
        prop_assert!(ed.undo().is_err());
        for state in states.iter().skip(1) {
            ed.redo().unwrap();
            prop_assert_eq!(ed.doc().spans(), &state[..]);
        }
        if steps > 0 {
            ed.undo().unwrap();
            ed.redo().unwrap();
            ed.undo().unwrap();
            prop_assert_eq!(ed.doc().spans(), &states[steps - 1][..]);
        }
    }
}

proptest! {
    #[test]
    fn steps_hold_only_the_change_and_undo_exactly(
        old in prop::collection::vec((0usize..5, 0usize..3), 0..12),
        new in prop::collection::vec((0usize..5, 0usize..3), 0..12),
    ) {
        let spans = |v: &[(usize, usize)]| -> Vec<Span> {
            v.iter().enumerate().map(|(i, &(w, l))| Span::manual(i * 10, i * 10 + 1 + w, ["A", "B", "C"][l])).collect()
        };
        let (old, new) = (spans(&old), spans(&new));
        let step = spanmark_core::Step::between(&old, &new);
        prop_assert!(step.before.len() <= old.len() && step.after.len() <= new.len());
        let mut s = old.clone();
        step.redo(&mut s);
        prop_assert_eq!(&s, &new);
        step.undo(&mut s);
        prop_assert_eq!(&s, &old);
    }
}

/// An edit built from random numbers, aimed at existing spans half the time.
fn make_edit(doc: &Document, schema: &Schema, kind: u8, a: usize, b: usize, k: usize) -> Edit {
    let label = schema
        .labels
        .get(k)
        .map_or("NOPE".to_string(), |l| l.name.clone());
    let (s, e) = match doc.spans().get(a % doc.spans().len().max(1)) {
        Some(sp) if b.is_multiple_of(2) => (sp.start, sp.end),
        _ => (a.min(b), a.max(b)),
    };
    match kind {
        0 | 1 => Edit::Add {
            start: a.min(b),
            end: a.max(b),
            label,
        },
        2 => Edit::Remove { start: s, end: e },
        3 => Edit::Relabel {
            start: s,
            end: e,
            label,
        },
        4 => Edit::Resize {
            start: s,
            end: e,
            edge: if a.is_multiple_of(2) {
                Edge::Start
            } else {
                Edge::End
            },
            delta: if k.is_multiple_of(2) { 1 } else { -1 },
        },
        5 => Edit::Accept { start: s, end: e },
        6 => Edit::Reject { start: s, end: e },
        7 => {
            if k.is_multiple_of(2) {
                Edit::AcceptAll
            } else {
                Edit::ClearSuggestions
            }
        }
        8 => Edit::LabelAll { start: s, end: e },
        _ => {
            let n = doc.len_chars();
            let spans = (0..k)
                .map(|i| {
                    let st = (a * (i + 1) + b) % (n + 1);
                    let en = (st + 1 + (b + i) % 7).min(n + 1);
                    Span::suggested(
                        st,
                        en,
                        schema.labels[(i + k) % 8].name.clone(),
                        Origin::Model,
                    )
                })
                .collect();
            Edit::Suggest { spans }
        }
    }
}

fn check_invariants(doc: &Document) -> Result<(), TestCaseError> {
    let spans = doc.spans();
    for s in spans {
        prop_assert!(s.start < s.end && s.end <= doc.len_chars(), "{:?}", s);
        if s.origin == Origin::Manual {
            prop_assert!(
                doc.is_token_start(s.start) && doc.is_token_end(s.end),
                "manual span off tokens: {:?}",
                s
            );
        }
    }
    for w in spans.windows(2) {
        prop_assert!(w[0].end <= w[1].start, "unsorted or overlapping: {:?}", w);
    }
    Ok(())
}
