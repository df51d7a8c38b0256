//! The all-documents Incidents view: every event of every document as a row that knows where
//! it is (document, trigger offsets), sorted by any column and filtered by type and text.

use std::cmp::Ordering;

use super::table::{rows, IncidentRow};
use crate::document::Document;

/// A column of the view, in the order the view shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Document,
    Type,
    Trigger,
    Date,
    Place,
    Perpetrator,
    Target,
    Killed,
    Injured,
    Held,
    Sentence,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Document,
        Column::Type,
        Column::Trigger,
        Column::Date,
        Column::Place,
        Column::Perpetrator,
        Column::Target,
        Column::Killed,
        Column::Injured,
        Column::Held,
        Column::Sentence,
    ];

    /// The header's words (and `data-column` in the page).
    pub fn name(self) -> &'static str {
        match self {
            Column::Document => "document",
            Column::Type => "type",
            Column::Trigger => "trigger",
            Column::Date => "date",
            Column::Place => "place",
            Column::Perpetrator => "perpetrator",
            Column::Target => "target",
            Column::Killed => "killed",
            Column::Injured => "injured",
            Column::Held => "held",
            Column::Sentence => "sentence",
        }
    }

    /// Killed, injured and held sort as numbers.
    pub fn is_count(self) -> bool {
        matches!(self, Column::Killed | Column::Injured | Column::Held)
    }

    /// This column's text in a row (the document column shows the title, or the id).
    pub fn text(self, r: &IncidentRow) -> &str {
        match self {
            Column::Document if r.title.is_empty() => &r.document,
            Column::Document => &r.title,
            Column::Type => &r.kind,
            Column::Trigger => &r.trigger,
            Column::Date => &r.date,
            Column::Place => &r.place,
            Column::Perpetrator => &r.perpetrator,
            Column::Target => &r.target,
            Column::Killed => &r.killed,
            Column::Injured => &r.injured,
            Column::Held => &r.held,
            Column::Sentence => &r.sentence,
        }
    }
}

/// One event of the view: its row and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewRow {
    pub row: IncidentRow,
    /// the trigger's code point offsets in the document `row.document`
    pub start: usize,
    pub end: usize,
    pub accepted: bool,
}

/// Every event (accepted and suggested) of the documents, in document then text order.
pub fn view_rows(documents: &[Document]) -> Vec<ViewRow> {
    let mut out = Vec::new();
    for doc in documents {
        let table = rows(std::slice::from_ref(doc), false);
        for (row, e) in table.into_iter().zip(&doc.links().events) {
            out.push(ViewRow {
                row,
                start: e.start,
                end: e.end,
                accepted: e.is_accepted(),
            });
        }
    }
    out
}

/// A count as written ("12", "1,200", "three"; several joined by "; " add up); None when a
/// part is not a number the view can read (it sorts after every number).
pub fn count(text: &str) -> Option<u64> {
    if text.trim().is_empty() {
        return None;
    }
    let mut total = 0u64;
    for part in text.split("; ") {
        let p = part.trim().to_lowercase();
        let digits: String = p.chars().filter(|c| *c != ',').collect();
        let n = match digits.parse::<u64>() {
            Ok(n) => n,
            Err(_) => u64::from(crate::detect::numbers::word_value(&p)?),
        };
        total = total.saturating_add(n);
    }
    Some(total)
}

/// Empty cells go last whichever the direction.
fn compare(column: Column, a: &IncidentRow, b: &IncidentRow, descending: bool) -> Ordering {
    let (x, y) = (column.text(a), column.text(b));
    match (x.is_empty(), y.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let order = if column.is_count() {
        match (count(x), count(y)) {
            (Some(m), Some(n)) => m.cmp(&n),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => x.to_lowercase().cmp(&y.to_lowercase()),
        }
    } else {
        x.to_lowercase().cmp(&y.to_lowercase())
    };
    if descending {
        order.reverse()
    } else {
        order
    }
}

/// What the view shows: the indices of `rows` of type `kind` (all types when None) whose
/// cells contain `filter` (any case), sorted by `sort` (column, descending) or kept in
/// document order; ties keep document order.
pub fn shown(
    rows: &[ViewRow],
    sort: Option<(Column, bool)>,
    kind: Option<&str>,
    filter: &str,
) -> Vec<usize> {
    let needle = filter.trim().to_lowercase();
    let mut out: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            let r = &rows[i].row;
            kind.is_none_or(|k| r.kind == k)
                && (needle.is_empty()
                    || Column::ALL
                        .iter()
                        .any(|c| c.text(r).to_lowercase().contains(&needle)))
        })
        .collect();
    if let Some((column, descending)) = sort {
        out.sort_by(|&i, &j| compare(column, &rows[i].row, &rows[j].row, descending));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::{Event, Links};
    use crate::span::Span;

    fn doc(id: &str, text: &str, killed: &str, kind: &str, trigger: &str) -> Document {
        let mut d = Document::new(id, id.to_uppercase(), text);
        let at = |w: &str| {
            let b = text.find(w).unwrap();
            let s = text[..b].chars().count();
            (s, s + w.chars().count())
        };
        let (ks, ke) = at(killed);
        d.set_spans(vec![Span::manual(ks, ke, "CARDINAL")]);
        let (ts, te) = at(trigger);
        d.set_links(Links {
            events: vec![Event::manual(kind, ts, te).with("killed", ks, ke)],
            relations: vec![],
        });
        d
    }

    fn docs() -> Vec<Document> {
        vec![
            doc(
                "a",
                "Gunmen attacked a post, killing 12 people.",
                "12",
                "ATTACK",
                "attacked",
            ),
            doc(
                "b",
                "A blast in Kabul killed three people.",
                "three",
                "BOMBING",
                "blast",
            ),
            doc(
                "c",
                "Militants ambushed a convoy, killing 1,200 people.",
                "1,200",
                "ATTACK",
                "ambushed",
            ),
        ]
    }

    #[test]
    fn rows_know_their_document_and_trigger() {
        let docs = docs();
        let rows = view_rows(&docs);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[1].row.document.as_str(), rows[1].start, rows[1].end),
            ("b", 2, 7)
        );
        assert_eq!(rows[1].row.trigger, "blast");
        assert!(rows[1].accepted);
    }

    #[test]
    fn counts_sort_as_numbers_and_empty_cells_go_last() {
        let rows = view_rows(&docs());
        let killed = |sort| {
            shown(&rows, Some(sort), None, "")
                .into_iter()
                .map(|i| rows[i].row.killed.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(killed((Column::Killed, false)), ["three", "12", "1,200"]);
        assert_eq!(killed((Column::Killed, true)), ["1,200", "12", "three"]);
        assert_eq!(count("9; 4"), Some(13));
        assert_eq!(count("dozens"), None);
        let types = shown(&rows, Some((Column::Place, false)), None, "");
        assert_eq!(types, [0, 1, 2], "no places: ties keep document order");
    }

    #[test]
    fn filters_by_type_and_by_text_in_any_cell() {
        let rows = view_rows(&docs());
        assert_eq!(shown(&rows, None, Some("ATTACK"), ""), [0, 2]);
        assert_eq!(shown(&rows, None, None, "KABUL"), [1]);
        assert_eq!(shown(&rows, None, Some("ATTACK"), "convoy"), [2]);
        assert!(shown(&rows, None, Some("ABDUCTION"), "").is_empty());
    }
}
