//! Tokens and sentences of English news text (and not broken on other scripts).
//! Token offsets are code points; byte offsets are kept alongside for fast slicing.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// code point offsets, end exclusive
    pub start: usize,
    pub end: usize,
    /// byte offsets into the same text
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.byte_start..self.byte_end]
    }
}

/// Split a text into tokens. (Placeholder: words and single punctuation marks;
/// the core issue replaces this with the full news tokenizer.)
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None; // (char start, byte start)
    let mut ci = 0usize;
    for (bi, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if cur.is_none() {
                cur = Some((ci, bi));
            }
        } else {
            if let Some((cs, bs)) = cur.take() {
                out.push(Token { start: cs, end: ci, byte_start: bs, byte_end: bi });
            }
            if !c.is_whitespace() {
                out.push(Token { start: ci, end: ci + 1, byte_start: bi, byte_end: bi + c.len_utf8() });
            }
        }
        ci += 1;
    }
    if let Some((cs, bs)) = cur {
        out.push(Token { start: cs, end: ci, byte_start: bs, byte_end: text.len() });
    }
    out
}

/// Sentence boundaries as ranges of token indices.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let s = t.text(text);
        if matches!(s, "." | "!" | "?") {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}
