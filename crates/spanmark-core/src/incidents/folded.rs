//! Text lowercased character by character, with the way back to the original offsets: a
//! character's lowercase may be longer ("İ" → "i̇") or shorter (the Kelvin sign → "k").

/// The lowercase of `s`, one character at a time (no context rules, so the lowercase of a
/// piece of text is the same piece of the lowercase of the whole).
pub fn fold(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// A text's lowercase and, for each original character, the byte where its lowercase starts.
pub struct Folded {
    pub text: String,
    /// starts[i]: byte of `text` where character i's lowercase begins; last entry: text.len()
    starts: Vec<usize>,
}

impl Folded {
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::with_capacity(s.len() + 1);
        for c in s.chars() {
            starts.push(text.len());
            text.extend(c.to_lowercase());
        }
        starts.push(text.len());
        Folded { text, starts }
    }

    /// The original code point offset whose lowercase begins at byte `b` of the folded text
    /// (or the end); None inside one character's lowercase.
    pub fn char_at(&self, b: usize) -> Option<usize> {
        // strictly increasing: every character lowercases to at least one character
        self.starts.binary_search(&b).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_across_longer_and_shorter_lowercases() {
        let f = Folded::new("İ\u{212A} Torched");
        assert_eq!(f.text, "i\u{307}k torched");
        let b = f.text.find("torched").unwrap();
        assert_eq!(f.char_at(b), Some(3));
        assert_eq!(f.char_at(b + "torched".len()), Some(10));
        assert_eq!(f.char_at(1), None, "inside the lowercase of İ");
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ", "no final-sigma context rule");
    }
}
