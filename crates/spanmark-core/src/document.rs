//! A document: its text (as pasted, line endings normalised), the derived offset index
//! and tokens, and its sorted, non-overlapping spans.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::span::Span;
use crate::text::{normalize_newlines, TextIndex};
use crate::token::{chars::is_trim, tokenize, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    #[default]
    Open,
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub title: String,
    text: String,
    spans: Vec<Span>,
    pub status: DocStatus,
    /// milliseconds since the Unix epoch
    pub created: f64,
    pub updated: f64,
    /// bumped on every change; used to detect conflicting writes from other tabs
    pub revision: u64,
    index: TextIndex,
    tokens: Vec<Token>,
}

impl Document {
    /// A new document from pasted text (CRLF/CR become LF; nothing else changes).
    pub fn new(id: impl Into<String>, title: impl Into<String>, text: &str) -> Self {
        let text = normalize_newlines(text);
        let index = TextIndex::new(&text);
        let tokens = tokenize(&text);
        Document {
            id: id.into(),
            title: title.into(),
            text,
            spans: Vec::new(),
            status: DocStatus::Open,
            created: 0.0,
            updated: 0.0,
            revision: 0,
            index,
            tokens,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }
    pub fn index(&self) -> &TextIndex {
        &self.index
    }
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }
    pub fn len_chars(&self) -> usize {
        self.index.len_chars()
    }

    /// The text of a code point range ("" if out of range).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.index.slice(&self.text, start, end).unwrap_or("")
    }

    /// Replace all spans (sorted, overlaps resolved by keeping the earlier/longer one).
    /// Used by loaders; edits go through `Edit`.
    pub fn set_spans(&mut self, mut spans: Vec<Span>) {
        let n = self.len_chars();
        spans.retain(|s| s.start < s.end && s.end <= n);
        spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            if out.last().is_none_or(|l| l.end <= s.start) {
                out.push(s);
            }
        }
        self.spans = out;
    }

    pub(crate) fn spans_mut(&mut self) -> &mut Vec<Span> {
        &mut self.spans
    }

    /// Index of the span exactly at start..end.
    pub fn find_span(&self, start: usize, end: usize) -> Option<usize> {
        self.spans
            .binary_search_by(|s| s.start.cmp(&start))
            .ok()
            .filter(|&i| self.spans[i].end == end)
    }

    /// Index of the span covering a code point offset.
    pub fn span_at(&self, offset: usize) -> Option<usize> {
        let i = self.spans.partition_point(|s| s.end <= offset);
        self.spans.get(i).filter(|s| s.start <= offset).map(|_| i)
    }

    /// Indices of the spans overlapping start..end.
    pub fn spans_overlapping(&self, start: usize, end: usize) -> Range<usize> {
        let from = self.spans.partition_point(|s| s.end <= start);
        let to = from + self.spans[from..].partition_point(|s| s.start < end);
        from..to
    }

    pub fn has_suggestions(&self) -> bool {
        self.spans.iter().any(|s| !s.is_accepted())
    }

    /// Check a code point range lies inside the text and is not reversed (may be empty).
    pub fn check_range(&self, start: usize, end: usize) -> Result<(), CoreError> {
        let len = self.len_chars();
        for offset in [start, end] {
            if offset > len {
                return Err(CoreError::OutOfRange { offset, len });
            }
        }
        if start > end {
            return Err(CoreError::EmptySpan { start, end });
        }
        Ok(())
    }

    /// Indices of the tokens overlapping start..end.
    pub fn tokens_overlapping(&self, start: usize, end: usize) -> Range<usize> {
        let from = self.tokens.partition_point(|t| t.end <= start);
        let to = from + self.tokens[from..].partition_point(|t| t.start < end);
        from..to
    }

    /// Index of the token containing a code point offset (None in whitespace).
    pub fn token_at(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= offset);
        self.tokens.get(i).filter(|t| t.start <= offset).map(|_| i)
    }

    /// Start of the first token after `offset` (for moving a caret word by word).
    pub fn next_token_start(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start <= offset);
        self.tokens.get(i).map(|t| t.start)
    }

    /// Start of the last token that starts before `offset`.
    pub fn prev_token_start(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < offset);
        i.checked_sub(1).map(|i| self.tokens[i].start)
    }

    /// End of the first token ending after `offset` (for Shift+Right growing a selection).
    pub fn next_token_end(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= offset);
        self.tokens.get(i).map(|t| t.end)
    }

    /// End of the last token ending before `offset` (for Shift+Left shrinking a selection).
    pub fn prev_token_end(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end < offset);
        i.checked_sub(1).map(|i| self.tokens[i].end)
    }

    /// Whether `offset` is where a token starts.
    pub fn is_token_start(&self, offset: usize) -> bool {
        self.tokens
            .binary_search_by(|t| t.start.cmp(&offset))
            .is_ok()
    }

    /// Whether `offset` is where a token ends.
    pub fn is_token_end(&self, offset: usize) -> bool {
        self.tokens.binary_search_by(|t| t.end.cmp(&offset)).is_ok()
    }

    /// Whether token `i` can start or end a span (it is more than punctuation).
    pub fn is_labelable_token(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| !t.text(&self.text).chars().all(is_trim))
    }

    /// Snap a selection to whole tokens: a selection that starts or ends inside a word grows
    /// to the whole word; whitespace and punctuation at either end are trimmed, and so is a
    /// possessive "’s" at the end ("Afghanistan’s" → "Afghanistan").
    pub fn snap(&self, start: usize, end: usize) -> Result<(usize, usize), CoreError> {
        self.check_range(start, end)?;
        let range = self.tokens_overlapping(start, end);
        let mut toks = &self.tokens[range];
        let trimmed = |t: &Token| t.text(&self.text).chars().all(is_trim);
        while let Some((_, rest)) = toks.split_first().filter(|(t, _)| trimmed(t)) {
            toks = rest;
        }
        while let Some((last, rest)) = toks.split_last() {
            let possessive = rest.last().is_some_and(|p| p.end == last.start)
                && is_possessive(last.text(&self.text));
            if trimmed(last) || (possessive && !rest.is_empty()) {
                toks = rest;
            } else {
                break;
            }
        }
        match (toks.first(), toks.last()) {
            (Some(f), Some(l)) => Ok((f.start, l.end)),
            _ => Err(CoreError::NothingToLabel { start, end }),
        }
    }

    /// `snap` for a selection given in UTF-16 units (what the browser reports).
    pub fn snap_utf16(
        &self,
        start_u16: usize,
        end_u16: usize,
    ) -> Result<(usize, usize), CoreError> {
        let (start, end) = self.index.chars_of_utf16_range(start_u16, end_u16)?;
        self.snap(start, end)
    }
}

fn is_possessive(token: &str) -> bool {
    matches!(token, "'s" | "'S" | "\u{2019}s" | "\u{2019}S")
}
