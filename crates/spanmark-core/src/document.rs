//! A document: its text (as pasted, line endings normalised), the derived offset index
//! and tokens, and its sorted, non-overlapping spans.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::edit::Step;
use crate::error::CoreError;
use crate::links::Links;
use crate::review::{Provenance, ReviewSpan};
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
    /// events and relations over the spans
    links: Links,
    /// review provenance of gold spans (who had each, who was chosen, when), by span
    provenance: Vec<Provenance>,
    pub status: DocStatus,
    /// milliseconds since the Unix epoch
    pub created: f64,
    pub updated: f64,
    /// bumped on every change; used to detect conflicting writes from other tabs
    pub revision: u64,
    index: TextIndex,
    tokens: Vec<Token>,
    changes: SpanChanges,
}

/// How many recent span changes a document remembers the place of.
const RECENT_CHANGES: usize = 32;

/// Bookkeeping of span changes for views: a version unique in the process (the same
/// version means the same spans, even in a copy) and where the last few changes were, so a
/// view of a long document redraws only what they touched. Not content: always equal.
#[derive(Debug, Clone)]
struct SpanChanges {
    version: u64,
    /// (version before, version after, code point range touched), oldest first
    recent: VecDeque<(u64, u64, Range<usize>)>,
}

impl PartialEq for SpanChanges {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

fn next_version() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl SpanChanges {
    fn new() -> Self {
        SpanChanges {
            version: next_version(),
            recent: VecDeque::new(),
        }
    }

    /// A change to the spans within `touched` (None: anywhere).
    fn note(&mut self, touched: Option<Range<usize>>) {
        let next = next_version();
        match touched {
            Some(range) => {
                self.recent.push_back((self.version, next, range));
                if self.recent.len() > RECENT_CHANGES {
                    self.recent.pop_front();
                }
            }
            None => self.recent.clear(),
        }
        self.version = next;
    }
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
            links: Links::default(),
            provenance: Vec::new(),
            status: DocStatus::Open,
            created: 0.0,
            updated: 0.0,
            revision: 0,
            index,
            tokens,
            changes: SpanChanges::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }
    /// The events and relations (always consistent with the spans).
    pub fn links(&self) -> &Links {
        &self.links
    }

    /// The review provenance of the spans it has (entries of spans since removed or
    /// relabelled are left out: an edit after the adjudication is no longer its choice).
    pub fn provenance(&self) -> impl Iterator<Item = &Provenance> {
        self.provenance.iter().filter(|p| self.has_span(&p.span))
    }

    /// The provenance of one span, when the adjudication made it.
    pub fn provenance_of(&self, span: &Span) -> Option<&Provenance> {
        self.provenance.iter().find(|p| {
            p.span.start == span.start && p.span.end == span.end && p.span.label == span.label
        })
    }

    /// Replace the review provenance (the adjudication and loaders set it).
    pub fn set_provenance(&mut self, provenance: Vec<Provenance>) {
        self.provenance = provenance;
    }

    fn has_span(&self, r: &ReviewSpan) -> bool {
        // spans are sorted by start and do not overlap
        let i = self.spans.partition_point(|s| s.start < r.start);
        self.spans
            .get(i)
            .is_some_and(|s| s.end == r.end && s.label == r.label && s.start == r.start)
    }

    /// Replace the events and relations, unchecked (loaders check them with
    /// `Links::problem` first); edits go through `Edit`.
    pub fn set_links(&mut self, mut links: Links) {
        links.sort();
        self.links = links;
        self.changes.note(None);
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
        self.changes.note(None);
    }

    /// The spans, to change anywhere (recorded as a change to the whole document).
    pub(crate) fn spans_mut(&mut self) -> &mut Vec<Span> {
        self.changes.note(None);
        &mut self.spans
    }

    /// Apply a step forward (`redo`) or back, recording the stretch of text it touched.
    pub(crate) fn step_spans(&mut self, step: &Step, forward: bool) {
        if forward {
            step.redo(&mut self.spans);
        } else {
            step.undo(&mut self.spans);
        }
        if let Some(change) = &step.links {
            self.links = if forward {
                &change.after
            } else {
                &change.before
            }
            .clone();
        }
        self.changes.note(Some(step.touched()));
    }

    /// The version of the spans: it changes with every change to them and is unique in
    /// the process, so a document (or a copy of it) at the same version has the same spans.
    pub fn spans_version(&self) -> u64 {
        self.changes.version
    }

    /// The code point ranges that span changes since `version` touched (empty when the
    /// spans are still at `version`); None when that is not known (a change anywhere, a
    /// version too old or of another document) — then anything may have changed.
    pub fn touched_since(&self, version: u64) -> Option<Vec<Range<usize>>> {
        if version == self.changes.version {
            return Some(Vec::new());
        }
        let from = self.changes.recent.iter().position(|c| c.0 == version)?;
        let mut at = version;
        let mut out = Vec::new();
        for (before, after, range) in self.changes.recent.iter().skip(from) {
            if *before != at {
                return None;
            }
            out.push(range.clone());
            at = *after;
        }
        (at == self.changes.version).then_some(out)
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
        self.spans.iter().any(|s| !s.is_accepted()) || self.links.has_suggestions()
    }

    /// Set the links a step computed on top of its span change (not recorded as a change:
    /// the step's own `touched` covers it).
    pub(crate) fn put_links(&mut self, links: Links) {
        self.links = links;
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
