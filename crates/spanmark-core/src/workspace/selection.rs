//! Where the annotator is in the open document: the selected span, the text selected but
//! not yet labelled, the caret; and how Tab, Shift+arrow and "next suggestion" move them.

use super::events::LinkFocus;
use super::{Update, Workspace};
use crate::document::Document;
use crate::span::SpanState;

/// The open document's selection, code points.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected span (start, end).
    pub selected: Option<(usize, usize)>,
    /// Text selected in the article, not yet labelled (start, end).
    pub pending: Option<(usize, usize)>,
    /// Where a keyboard selection starts (the last click in the text).
    pub caret: Option<usize>,
    /// The selected event, what is being picked for it, a relation being made.
    pub links: LinkFocus,
}

impl Selection {
    /// Drop the selected span and the pending text (the caret stays).
    pub(crate) fn clear_marks(&mut self) {
        self.selected = None;
        self.pending = None;
    }
}

/// A keyboard selection: the fixed end and the moving end, code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    pub anchor: usize,
    pub focus: usize,
}

impl Extent {
    /// The selection after one Shift+arrow press: right to the next token's end, left to
    /// the previous token's start; unchanged at either end of the text.
    pub fn extend(self, doc: &Document, dir: i32) -> Extent {
        let focus = if dir > 0 {
            doc.next_token_end(self.focus)
        } else {
            doc.prev_token_start(self.focus)
        };
        Extent {
            anchor: self.anchor,
            focus: focus.unwrap_or(self.focus),
        }
    }

    /// (start, end) if not empty.
    pub fn range(self) -> Option<(usize, usize)> {
        let (s, e) = (self.anchor.min(self.focus), self.anchor.max(self.focus));
        (s < e).then_some((s, e))
    }
}

/// The suggestion to select after accepting or rejecting one that ended at `after`: the
/// first suggested span starting there or later (none past the last one). The one rule.
pub fn next_suggestion(doc: &Document, after: usize) -> Option<(usize, usize)> {
    doc.spans()
        .iter()
        .find(|s| s.start >= after && s.state == SpanState::Suggested)
        .map(|s| (s.start, s.end))
}

/// Tab / Shift+Tab: the next (previous) span after (before) `from`, any state, wrapping
/// around; from nowhere, the first (last).
pub fn step_span(
    doc: &Document,
    from: Option<(usize, usize)>,
    forward: bool,
) -> Option<(usize, usize)> {
    let spans = doc.spans();
    let pick = match (from, forward) {
        (None, true) => spans.first(),
        (None, false) => spans.last(),
        (Some(at), true) => spans.iter().find(|x| (x.start, x.end) > at),
        (Some(at), false) => spans.iter().rev().find(|x| (x.start, x.end) < at),
    };
    pick.or(if forward { spans.first() } else { spans.last() })
        .map(|x| (x.start, x.end))
}

impl Workspace {
    pub(super) fn select(&mut self, sel: Option<(usize, usize)>, up: &mut Update) {
        self.selection.selected = sel;
        if sel.is_some() {
            self.selection.pending = None;
        }
        up.change.selection = true;
    }

    pub(super) fn set_pending(&mut self, range: Option<(usize, usize)>, up: &mut Update) {
        self.selection.pending = range;
        if range.is_some() {
            self.selection.selected = None;
        }
        up.change.selection = true;
    }

    pub(super) fn set_caret(&mut self, pos: usize, up: &mut Update) {
        self.selection.caret = Some(pos);
        self.selection.pending = None;
        up.change.selection = true;
    }

    pub(super) fn select_step(&mut self, forward: bool, up: &mut Update) {
        let sel = self.selection;
        let from = sel.selected.or(sel.caret.map(|c| (c, c)));
        let Some(next) = self.current().and_then(|d| step_span(d, from, forward)) else {
            return;
        };
        self.selection.pending = None;
        self.selection.selected = Some(next);
        up.change.selection = true;
    }

    /// Shift+arrow: the moving end of the text selection goes one token further.
    pub(super) fn extend(&mut self, dir: i32, up: &mut Update) {
        let sel = self.selection;
        let anchor = sel.caret.or(sel.pending.map(|p| p.0)).unwrap_or(0);
        let focus = match sel.pending {
            Some((s, e)) if s == anchor => e,
            Some((s, _)) => s,
            None => anchor,
        };
        let Some(next) = self
            .current()
            .map(|d| Extent { anchor, focus }.extend(d, dir))
        else {
            return;
        };
        self.selection = Selection {
            selected: None,
            pending: next.range(),
            caret: Some(anchor),
            links: self.selection.links,
        };
        up.change.selection = true;
        up.effect(super::Effect::ShowPending);
    }

    /// A new document is open (or none): nothing selected, no notice.
    pub(super) fn open(&mut self, id: Option<String>, up: &mut Update) {
        self.selection = Selection::default();
        up.change.selection = true;
        up.effect(super::Effect::Unsay);
        // Announced even when it is the same document: the page focuses it again.
        self.current = id;
        up.change.current = true;
    }

    /// The selected span (and event) still exists after an undo or a merge, or the
    /// selection goes.
    pub(super) fn drop_stale_selection(&mut self, up: &mut Update) {
        if let Some((s, e)) = self.selection.links.event {
            if self
                .current()
                .and_then(|d| d.links().event_at(s, e))
                .is_none()
            {
                self.selection.links = LinkFocus::default();
                up.change.selection = true;
            }
        }
        if let Some((s, e)) = self.selection.selected {
            if self.current().and_then(|d| d.find_span(s, e)).is_none() {
                self.selection.selected = None;
                up.change.selection = true;
            }
        }
    }
}
