//! Token words lowercased without allocating when they need not be: the incident rules compare
//! every token with lowercase cue words, and most tokens are already lowercase ASCII.

use std::borrow::Cow;

/// `s.to_lowercase()`, borrowed when `s` is ASCII with no capital letter (then it is its own
/// lowercase).
pub fn lowered(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Whether `s.to_lowercase() == word`, without allocating when `s` is ASCII.
pub fn lowers_to(s: &str, word: &str) -> bool {
    if s.is_ascii() {
        s.len() == word.len()
            && s.bytes()
                .zip(word.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        s.to_lowercase() == word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_as_to_lowercase_on_ascii_and_beyond() {
        let words = [
            "",
            "the",
            "The",
            "THE",
            "Bomb-blast",
            "ied",
            "IED",
            "\u{212A}ill",
            "İed",
            "ΟΔΟΣ",
            "Σ",
            "naïve",
            "NAÏVE",
            "a1,",
            "tHe",
        ];
        for s in words {
            assert_eq!(lowered(s), s.to_lowercase(), "{s:?}");
            for w in words {
                assert_eq!(lowers_to(s, w), s.to_lowercase() == w, "{s:?} vs {w:?}");
            }
        }
        assert!(matches!(lowered("the"), Cow::Borrowed(_)));
        assert!(
            lowers_to("\u{212A}ill", "kill"),
            "the Kelvin sign lowercases to k"
        );
    }
}
