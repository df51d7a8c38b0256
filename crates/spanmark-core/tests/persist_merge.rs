//! Two tabs editing one document: changes that do not collide are combined, colliding
//! ones keep this tab's span and save the other tab's version as a copy — nothing is lost.

mod persist_support;

use proptest::prelude::*;
use spanmark_core::persist::merge;
use spanmark_core::{DocStatus, Document, Origin, Span};

use persist_support::document_strategy;

fn base() -> Document {
    let mut d = Document::new(
        "d",
        "Attack",
        "Militants attacked a checkpoint in Bannu district on Tuesday, police said.",
    );
    d.set_spans(vec![Span::manual(35, 40, "GPE")]);
    d.revision = 3;
    d
}

fn with(doc: &Document, spans: Vec<Span>) -> Document {
    let mut d = doc.clone();
    d.set_spans(spans);
    d.revision += 1;
    d
}

#[test]
fn edits_to_different_spans_are_combined() {
    let b = base();
    let mine = with(
        &b,
        vec![Span::manual(35, 40, "GPE"), Span::manual(53, 60, "DATE")],
    );
    let mut theirs = with(&b, vec![Span::manual(0, 9, "NORP")]);
    theirs.revision = 5;
    theirs.title = "Bannu attack".into();
    let m = merge(Some(&b), &mine, &theirs, "copy");
    assert_eq!(m.copy, None);
    assert_eq!(m.conflicts, 0);
    // theirs added NORP and removed GPE; mine added DATE.
    assert_eq!(
        m.document.spans(),
        &[Span::manual(0, 9, "NORP"), Span::manual(53, 60, "DATE")]
    );
    assert_eq!(m.taken, 2);
    assert_eq!(m.document.title, "Bannu attack");
    assert_eq!(m.document.revision, 6);
}

#[test]
fn colliding_spans_keep_mine_and_copy_theirs() {
    let b = base();
    let mine = with(&b, vec![Span::manual(35, 49, "GPE")]);
    let mut theirs = with(&b, vec![Span::manual(35, 40, "LOC")]);
    theirs.status = DocStatus::Done;
    let m = merge(Some(&b), &mine, &theirs, "d-copy");
    assert_eq!(m.document.spans(), &[Span::manual(35, 49, "GPE")]);
    assert_eq!(m.document.status, DocStatus::Done);
    assert_eq!(m.conflicts, 1);
    let copy = m.copy.expect("the other tab's version is kept");
    assert_eq!(copy.id, "d-copy");
    assert_eq!(copy.spans(), theirs.spans());
    assert_eq!(copy.title, "Attack (from another tab)");
}

#[test]
fn without_a_base_nothing_is_removed() {
    let b = base();
    let mine = with(&b, vec![Span::manual(35, 40, "GPE")]);
    let theirs = with(&b, vec![Span::suggested(62, 68, "ORG", Origin::Model)]);
    let m = merge(None, &mine, &theirs, "c");
    assert_eq!(m.document.spans().len(), 2);
    assert_eq!(m.copy, None);
}

#[test]
fn different_texts_keep_both_documents() {
    let b = base();
    let theirs = Document::new("d", "Other", "Completely different text.");
    let m = merge(Some(&b), &b, &theirs, "c");
    assert_eq!(m.document.text(), b.text());
    assert_eq!(m.copy.unwrap().text(), theirs.text());
}

proptest! {
    /// Every span of both versions survives: in the merge or (for the other tab's) in the copy,
    /// unless the other side deliberately removed it from the base.
    #[test]
    fn merge_never_drops_an_edit(b in document_strategy(), m_keep in any::<u64>(), t_keep in any::<u64>(), extra in document_strategy()) {
        let pick = |mask: u64, doc: &Document| -> Vec<Span> {
            doc.spans().iter().enumerate().filter(|(i, _)| mask >> (i % 64) & 1 == 1).map(|(_, s)| s.clone()).collect()
        };
        let mut adds = extra.spans().to_vec();
        adds.retain(|s| s.end <= b.len_chars());
        let mut m_spans = pick(m_keep, &b);
        m_spans.extend(adds.iter().take(2).cloned());
        let mut t_spans = pick(t_keep, &b);
        t_spans.extend(adds.iter().skip(2).cloned());
        let mine = with(&b, m_spans);
        let theirs = with(&b, t_spans);
        let m = merge(Some(&b), &mine, &theirs, "copy");
        let out = m.document.spans();
        for w in out.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
        let removed_by_theirs = |s: &Span| b.spans().contains(s) && !theirs.spans().contains(s);
        for s in mine.spans() {
            prop_assert!(out.contains(s) || removed_by_theirs(s), "lost mine {:?}", s);
        }
        let kept_elsewhere = m.copy.as_ref().is_some_and(|c| c.spans() == theirs.spans());
        let removed_by_mine = |s: &Span| b.spans().contains(s) && !mine.spans().contains(s);
        for s in theirs.spans() {
            prop_assert!(out.contains(s) || kept_elsewhere || removed_by_mine(s), "lost theirs {:?}", s);
        }
        prop_assert_eq!(m.copy.is_some(), m.conflicts > 0);
    }
}

#[test]
fn an_event_made_in_the_other_tab_joins_this_tabs_relation() {
    use spanmark_core::links::{Event, Links, Relation};
    let mut b = base();
    b.set_spans(vec![
        Span::manual(35, 40, "GPE"),
        Span::manual(53, 60, "DATE"),
    ]);
    let mut mine = b.clone();
    let mut theirs = b.clone();
    let event = Event::manual("ATTACK", 10, 18)
        .with("place", 35, 40)
        .with("time", 53, 60);
    theirs.set_links(Links {
        events: vec![event.clone()],
        relations: vec![],
    });
    let relation = Relation::manual("located_in", (35, 40), (35, 40));
    mine.set_links(Links {
        events: vec![],
        relations: vec![relation.clone()],
    });
    let m = merge(Some(&b), &mine, &theirs, "copy");
    assert_eq!(m.document.links().events, vec![event.clone()]);
    assert_eq!(m.document.links().relations, vec![relation]);
    assert_eq!(m.conflicts, 0);
    // both tabs typed the same trigger differently: this tab's wins, theirs is kept as a copy
    let mut mine2 = b.clone();
    mine2.set_links(Links {
        events: vec![Event::manual("BOMBING", 10, 18)],
        relations: vec![],
    });
    let m = merge(Some(&b), &mine2, &theirs, "copy");
    assert_eq!(m.document.links().events[0].kind, "BOMBING");
    assert_eq!(m.conflicts, 1);
    assert_eq!(m.copy.unwrap().links().events, vec![event]);
}
