//! A document: its text (as pasted, line endings normalised), the derived offset index
//! and tokens, and its sorted, non-overlapping spans.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::{normalize_newlines, TextIndex};
use crate::token::{tokenize, Token};

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
        self.spans.binary_search_by(|s| s.start.cmp(&start)).ok().filter(|&i| self.spans[i].end == end)
    }

    pub fn has_suggestions(&self) -> bool {
        self.spans.iter().any(|s| !s.is_accepted())
    }
}
