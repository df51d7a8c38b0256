//! One conversion index per document text: byte ↔ code point ↔ UTF-16 unit.
//! Every offset crossing the core's boundary goes through here.

use crate::error::CoreError;

/// Normalise CRLF and lone CR to LF; the only change ever made to pasted text.
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Offsets of every code point boundary of a text, in bytes and UTF-16 units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextIndex {
    /// byte offset of code point i; one extra entry for the end.
    bytes: Vec<u32>,
    /// UTF-16 offset of code point i; one extra entry for the end.
    utf16: Vec<u32>,
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
        let n = text.chars().count();
        let mut bytes = Vec::with_capacity(n + 1);
        let mut utf16 = Vec::with_capacity(n + 1);
        let mut u = 0u32;
        for (b, c) in text.char_indices() {
            bytes.push(b as u32);
            utf16.push(u);
            u += c.len_utf16() as u32;
        }
        bytes.push(text.len() as u32);
        utf16.push(u);
        TextIndex { bytes, utf16 }
    }

    /// Number of code points.
    pub fn len_chars(&self) -> usize {
        self.bytes.len().saturating_sub(1)
    }

    pub fn len_utf16(&self) -> usize {
        *self.utf16.last().unwrap_or(&0) as usize
    }

    pub fn byte_of_char(&self, c: usize) -> Option<usize> {
        self.bytes.get(c).map(|&b| b as usize)
    }

    /// Code point index of a byte offset; None unless it sits on a char boundary.
    pub fn char_of_byte(&self, b: usize) -> Option<usize> {
        self.bytes.binary_search(&(b as u32)).ok()
    }

    pub fn utf16_of_char(&self, c: usize) -> Option<usize> {
        self.utf16.get(c).map(|&u| u as usize)
    }

    /// Code point index of a UTF-16 offset; None inside a surrogate pair or past the end.
    pub fn char_of_utf16(&self, u: usize) -> Option<usize> {
        self.utf16.binary_search(&(u as u32)).ok()
    }

    /// Slice a text by code point range (the text this index was built from).
    pub fn slice<'a>(&self, text: &'a str, start: usize, end: usize) -> Option<&'a str> {
        let (s, e) = (self.byte_of_char(start)?, self.byte_of_char(end)?);
        text.get(s..e)
    }

    /// Code point index at or before a UTF-16 offset (inside a surrogate pair: the pair's start).
    pub fn char_of_utf16_floor(&self, u: usize) -> Option<usize> {
        if u > self.len_utf16() {
            return None;
        }
        Some(
            self.utf16
                .partition_point(|&x| (x as usize) <= u)
                .saturating_sub(1),
        )
    }

    /// Code point index at or after a UTF-16 offset (inside a surrogate pair: the pair's end).
    pub fn char_of_utf16_ceil(&self, u: usize) -> Option<usize> {
        if u > self.len_utf16() {
            return None;
        }
        Some(self.utf16.partition_point(|&x| (x as usize) < u))
    }

    /// A UTF-16 range from the browser as code points, widened to whole characters.
    pub fn chars_of_utf16_range(
        &self,
        start: usize,
        end: usize,
    ) -> Result<(usize, usize), CoreError> {
        let len = self.len_utf16();
        let out = |offset| CoreError::OutOfRange { offset, len };
        let s = self.char_of_utf16_floor(start).ok_or(out(start))?;
        let e = self.char_of_utf16_ceil(end).ok_or(out(end))?;
        if s > e {
            return Err(CoreError::EmptySpan { start: s, end: e });
        }
        Ok((s, e))
    }

    /// UTF-16 offsets of a code point range (for placing the browser's selection).
    pub fn utf16_range_of_chars(
        &self,
        start: usize,
        end: usize,
    ) -> Result<(usize, usize), CoreError> {
        let len = self.len_chars();
        let s = self
            .utf16_of_char(start)
            .ok_or(CoreError::OutOfRange { offset: start, len })?;
        let e = self
            .utf16_of_char(end)
            .ok_or(CoreError::OutOfRange { offset: end, len })?;
        Ok((s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_normalised_only() {
        assert_eq!(normalize_newlines("a\r\nb\rc\nd\t"), "a\nb\nc\nd\t");
        assert_eq!(normalize_newlines("\r\r\n"), "\n\n");
    }

    #[test]
    fn three_units_agree_on_hard_text() {
        // é decomposed (2 code points), 😀 astral (2 UTF-16 units, 4 bytes), 北 (3 bytes)
        let t = "e\u{301}😀北";
        let i = TextIndex::new(t);
        assert_eq!(i.len_chars(), 4);
        assert_eq!(i.len_utf16(), 5);
        assert_eq!(i.byte_of_char(2), Some(3));
        assert_eq!(i.utf16_of_char(3), Some(4));
        assert_eq!(i.char_of_byte(4), None, "inside the emoji");
        assert_eq!(i.char_of_utf16(3), None, "between the surrogates");
        assert_eq!(
            (i.char_of_utf16_floor(3), i.char_of_utf16_ceil(3)),
            (Some(2), Some(3))
        );
        assert_eq!(
            i.chars_of_utf16_range(3, 9),
            Err(CoreError::OutOfRange { offset: 9, len: 5 })
        );
        assert_eq!(i.slice(t, 2, 4), Some("😀北"));
        assert_eq!(i.slice(t, 3, 5), None);
    }

    #[test]
    fn empty_and_default_indexes() {
        for i in [TextIndex::new(""), TextIndex::default()] {
            assert_eq!(i.len_chars(), 0);
            assert_eq!(i.len_utf16(), 0);
            assert_eq!(i.char_of_utf16_ceil(0), Some(0));
            assert_eq!(i.char_of_utf16_floor(1), None);
        }
    }
}
