//! What the events panel shows, computed from the open document and the schema: one row per
//! event (type, trigger words, each role with its arguments' texts) and one per relation.

use spanmark_core::{Document, Schema};

/// One argument as shown: its text and the span it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgItem {
    pub text: String,
    pub span: (usize, usize),
}

/// One event as a row of the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub kind: String,
    pub trigger: (usize, usize),
    pub text: String,
    pub accepted: bool,
    /// where a suggestion came from ("pattern", "memory", …)
    pub origin: String,
    /// filled roles in the schema's role order, each with its arguments in text order
    pub roles: Vec<(String, Vec<ArgItem>)>,
}

/// One relation as a row: type, the two ends' texts and offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationRow {
    pub kind: String,
    pub from: ArgItem,
    pub to: ArgItem,
    pub accepted: bool,
}

fn item(doc: &Document, (start, end): (usize, usize)) -> ArgItem {
    ArgItem {
        text: doc.slice(start, end).replace('\n', " "),
        span: (start, end),
    }
}

/// How many event rows the panel shows at once: a long article has thousands of events, and
/// drawing them all would cost seconds on every change.
pub const WINDOW: usize = 40;

/// Which events the panel shows: `WINDOW` of them, starting a few before the selected one.
pub fn window(events: usize, selected: Option<usize>) -> std::ops::Range<usize> {
    let start = selected
        .map(|i| i.saturating_sub(5))
        .unwrap_or(0)
        .min(events.saturating_sub(WINDOW));
    start..(start + WINDOW).min(events)
}

/// The events `range` of a document (by trigger order) as rows.
pub fn event_rows(doc: &Document, schema: &Schema, range: std::ops::Range<usize>) -> Vec<EventRow> {
    let events = &doc.links().events;
    let range = range.start.min(events.len())..range.end.min(events.len());
    events[range]
        .iter()
        .map(|e| {
            let mut order: Vec<String> = schema
                .event_type(&e.kind)
                .map(|t| t.roles.iter().map(|r| r.name.clone()).collect())
                .unwrap_or_default();
            // roles the schema no longer lists still show, after the others
            for a in &e.args {
                if !order.contains(&a.role) {
                    order.push(a.role.clone());
                }
            }
            let roles = order
                .into_iter()
                .filter_map(|role| {
                    let args: Vec<ArgItem> =
                        e.role(&role).map(|a| item(doc, (a.start, a.end))).collect();
                    (!args.is_empty()).then_some((role, args))
                })
                .collect();
            EventRow {
                kind: e.kind.clone(),
                trigger: (e.start, e.end),
                text: doc.slice(e.start, e.end).replace('\n', " "),
                accepted: e.is_accepted(),
                origin: e.origin.as_str().to_string(),
                roles,
            }
        })
        .collect()
}

/// The relations of a document as rows, in the order made.
pub fn relation_rows(doc: &Document) -> Vec<RelationRow> {
    doc.links()
        .relations
        .iter()
        .map(|r| RelationRow {
            kind: r.kind.clone(),
            from: item(doc, r.from),
            to: item(doc, r.to),
            accepted: r.is_accepted(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_follows_the_selected_event() {
        assert_eq!(window(3, None), 0..3);
        assert_eq!(window(1000, None), 0..WINDOW);
        assert_eq!(window(1000, Some(500)), 495..495 + WINDOW);
        assert_eq!(window(1000, Some(999)), 1000 - WINDOW..1000);
        assert_eq!(window(0, Some(3)), 0..0);
    }
    use spanmark_core::links::{Event, Links, Relation};
    use spanmark_core::{Origin, Span};

    #[test]
    fn roles_follow_the_schema_order_with_their_texts() {
        let text = "Gunmen attacked Bannu and Tank on Tuesday; the Front claimed it.";
        let mut doc = Document::new("d", "t", text);
        doc.set_spans(vec![
            Span::manual(16, 21, "GPE"),
            Span::manual(26, 30, "GPE"),
            Span::manual(34, 41, "DATE"),
            Span::manual(47, 52, "ORG"),
        ]);
        doc.set_links(Links {
            events: vec![Event::suggested("ATTACK", 7, 15, Origin::Pattern)
                .with("time", 34, 41)
                .with("place", 26, 30)
                .with("place", 16, 21)
                .with("perpetrator", 47, 52)],
            relations: vec![Relation::manual("located_in", (16, 21), (26, 30))],
        });
        let rows = event_rows(&doc, &Schema::news(), 0..10);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (r.kind.as_str(), r.text.as_str(), r.accepted),
            ("ATTACK", "attacked", false)
        );
        assert_eq!(r.origin, Origin::Pattern.as_str());
        let shown: Vec<(&str, Vec<&str>)> = r
            .roles
            .iter()
            .map(|(role, args)| {
                (
                    role.as_str(),
                    args.iter().map(|a| a.text.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("perpetrator", vec!["Front"]),
                ("place", vec!["Bannu", "Tank"]),
                ("time", vec!["Tuesday"])
            ]
        );
        assert!(event_rows(&doc, &Schema::news(), 1..10).is_empty());
        let rel = &relation_rows(&doc)[0];
        assert_eq!(
            (rel.from.text.as_str(), rel.to.text.as_str()),
            ("Bannu", "Tank")
        );
    }
}
