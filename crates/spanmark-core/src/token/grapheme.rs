//! Where a grapheme cluster may not be cut, from Unicode's Grapheme_Cluster_Break classes
//! (a generated table): the tokenizer never starts or ends a token inside a cluster.
//!
//! Of Unicode's extended cluster rules (UAX #29) only GB9, GB9a and GB9b need a table: nothing
//! breaks before Extend, ZWJ or SpacingMark, nor after Prepend. The tokenizer keeps the others
//! by its own logic: CR LF and Hangul jamo never meet a token edge (whitespace; letters join
//! a word), regional indicators pair up, and an emoji ZWJ sequence is one cluster token. The
//! oracle test `tests/token_graphemes.rs` checks all of this against `unicode-segmentation`.

#[path = "grapheme_table.rs"]
mod table;

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < u {
                std::cmp::Ordering::Less
            } else if lo > u {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` joins the cluster of the character before it (Grapheme_Cluster_Break Extend,
/// ZWJ or SpacingMark): combining marks, vowel signs, viramas, tone marks, variation
/// selectors, emoji modifiers, tag characters, the zero-width joiners.
#[inline]
pub fn is_extender(c: char) -> bool {
    !c.is_ascii() && in_table(table::JOINS_PREVIOUS, c)
}

/// Whether `c` joins the cluster of the character after it (Grapheme_Cluster_Break Prepend:
/// Arabic number signs, some Brahmic repha and vowel signs written before a consonant).
#[inline]
pub fn is_prepend(c: char) -> bool {
    !c.is_ascii() && in_table(table::PREPEND, c)
}

/// Whether byte `at` of `text` may end a token by rules GB9–GB9b: not before an extender, not
/// after a Prepend sign (unless a control character or line break follows). The ends are.
#[inline]
pub fn may_cut(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    if at == 0 || at >= bytes.len() {
        return true;
    }
    if bytes[at] < 0x80 && bytes[at - 1] < 0x80 {
        return true;
    }
    if !text.is_char_boundary(at) {
        return false;
    }
    let after = text[at..].chars().next();
    let before = text[..at].chars().next_back();
    match (before, after) {
        (_, Some(a)) if is_extender(a) => false,
        (Some(b), Some(a)) if is_prepend(b) => {
            a.is_control() || matches!(a, '\u{2028}' | '\u{2029}')
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts() {
        assert!(may_cut("ab", 1) && may_cut("a b", 1));
        assert!(!may_cut("e\u{301}", 1), "a combining accent");
        assert!(
            !may_cut("ที่", 3) && !may_cut("ที่", 6),
            "Thai vowel and tone mark"
        );
        assert!(
            !may_cut("\u{600}1", 2) && may_cut("\u{600}\n", 2),
            "Arabic number sign"
        );
    }

    #[test]
    fn extenders() {
        for c in [
            '\u{301}',
            '\u{E48}',
            '\u{94D}',
            '\u{200D}',
            '\u{FE0F}',
            '\u{1F3FD}',
        ] {
            assert!(is_extender(c), "{c:?}");
        }
        for c in ['a', 'ท', ' ', '\u{964}', '😀', '\u{600}'] {
            assert!(!is_extender(c), "{c:?}");
        }
        assert!(is_prepend('\u{600}') && !is_prepend('a'));
    }
}
