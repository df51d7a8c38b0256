//! Merging two revisions of one document edited in two tabs, without dropping an edit:
//! changes that do not collide are combined; if any collide, this tab's version wins in
//! the document and the other tab's whole version is kept as a new document.
//!
//! Three-way: `base` is the revision both tabs started from (the last one this tab read
//! or wrote). Without it, nothing counts as removed, so no span is ever lost.

use crate::document::Document;
use crate::links::Links;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// This tab's version plus every change from the other tab that does not collide.
    pub document: Document,
    /// The other tab's whole version under a new id, when some of its changes collided.
    pub copy: Option<Document>,
    /// How many of the other tab's span changes (additions and removals) were taken.
    pub taken: usize,
    /// How many spans the other tab added that overlap this tab's spans.
    pub conflicts: usize,
}

/// Spans are sorted and non-overlapping, so a start identifies at most one span.
fn has(spans: &[Span], s: &Span) -> bool {
    spans
        .binary_search_by(|x| x.start.cmp(&s.start))
        .is_ok_and(|i| spans[i] == *s)
}

fn common(a: &[Span], b: &[Span]) -> Vec<Span> {
    a.iter().filter(|s| has(b, s)).cloned().collect()
}

/// Merge `theirs` (read from storage, written by another tab) into `mine`.
/// `copy_id` names the conflict copy if one is needed.
pub fn merge(base: Option<&Document>, mine: &Document, theirs: &Document, copy_id: &str) -> Merge {
    let mut document = mine.clone();
    document.revision = mine.revision.max(theirs.revision) + 1;
    document.updated = mine.updated.max(theirs.updated);
    let conflict_copy = || {
        let mut copy = theirs.clone();
        copy.id = copy_id.to_string();
        copy.title = format!("{} (from another tab)", theirs.title);
        copy.revision = 1;
        copy
    };
    if mine.text() != theirs.text() {
        return Merge {
            document,
            copy: Some(conflict_copy()),
            taken: 0,
            conflicts: 1,
        };
    }
    if let Some(base) = base {
        if mine.title == base.title {
            document.title = theirs.title.clone();
        }
        if mine.status == base.status {
            document.status = theirs.status;
        }
    }
    let base_spans = match base {
        Some(b) if b.text() == mine.text() => b.spans().to_vec(),
        _ => common(mine.spans(), theirs.spans()),
    };
    let mut spans = mine.spans().to_vec();
    let before = spans.len();
    // Spans the other tab removed and this tab left alone go.
    spans.retain(|s| !has(&base_spans, s) || has(theirs.spans(), s));
    let mut taken = before - spans.len();
    let mut conflicts = 0;
    for t in theirs.spans().iter().filter(|t| !has(&base_spans, t)) {
        if has(&spans, t) {
            continue;
        }
        let p = spans.partition_point(|x| x.start < t.end);
        if p > 0 && spans[p - 1].end > t.start {
            conflicts += 1;
        } else {
            spans.insert(p, t.clone());
            taken += 1;
        }
    }
    document.set_spans(spans);
    let base_links = match base {
        Some(b) if b.text() == mine.text() => b.links().clone(),
        _ => common_links(mine.links(), theirs.links()),
    };
    let (links, took, clashed) = merge_links(&base_links, mine.links(), theirs.links());
    document.set_links(links.within(document.spans()));
    taken += took;
    conflicts += clashed;
    let copy = (conflicts > 0).then(conflict_copy);
    Merge {
        document,
        copy,
        taken,
        conflicts,
    }
}

fn common_links(a: &Links, b: &Links) -> Links {
    Links {
        events: a
            .events
            .iter()
            .filter(|e| b.events.contains(e))
            .cloned()
            .collect(),
        relations: a
            .relations
            .iter()
            .filter(|r| b.relations.contains(r))
            .cloned()
            .collect(),
    }
}

/// Events and relations merged like spans: what the other tab removed (and this tab left
/// alone) goes, what it added comes in, unless this tab has another event on the same
/// trigger (a conflict). Returns the links, how many changes were taken and the conflicts.
fn merge_links(base: &Links, mine: &Links, theirs: &Links) -> (Links, usize, usize) {
    let mut out = mine.clone();
    let before = out.events.len() + out.relations.len();
    out.events
        .retain(|e| !base.events.contains(e) || theirs.events.contains(e));
    out.relations
        .retain(|r| !base.relations.contains(r) || theirs.relations.contains(r));
    let mut taken = before - out.events.len() - out.relations.len();
    let mut conflicts = 0;
    for e in theirs.events.iter().filter(|e| !base.events.contains(e)) {
        if out.events.contains(e) {
            continue;
        }
        if out.event_at(e.start, e.end).is_some() {
            conflicts += 1;
        } else {
            out.events.push(e.clone());
            taken += 1;
        }
    }
    for r in theirs
        .relations
        .iter()
        .filter(|r| !base.relations.contains(r))
    {
        if !out.relations.iter().any(|x| x.same(r)) {
            out.relations.push(r.clone());
            taken += 1;
        }
    }
    (out, taken, conflicts)
}
