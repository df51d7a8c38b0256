//! The incidents table as a download: one row per event of the chosen documents (the core's
//! `incidents::table`), as CSV or JSON, from the export dialog.

use spanmark_core::formats::{DocumentChoice, ExportFile, SpanChoice};
use spanmark_core::incidents::table;
use spanmark_core::{DocStatus, Document};

/// The incidents file of these documents: `json` or CSV, suggested events only with
/// `SpanChoice::WithSuggestions`; the number of rows.
pub fn incidents_file(
    docs: &[Document],
    documents: DocumentChoice,
    spans: SpanChoice,
    date: &str,
    json: bool,
) -> (ExportFile, usize) {
    let chosen: Vec<Document> = docs
        .iter()
        .filter(|d| documents == DocumentChoice::All || d.status == DocStatus::Done)
        .cloned()
        .collect();
    let rows = table::rows(&chosen, spans == SpanChoice::AcceptedOnly);
    let (text, ext) = if json {
        (table::to_json(&rows), "json")
    } else {
        (table::to_csv(&rows), "csv")
    };
    let file = ExportFile {
        name: format!("spanmark-{date}-incidents.{ext}"),
        bytes: text.into_bytes(),
    };
    (file, rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::links::{Event, Links};

    #[test]
    fn accepted_events_of_the_chosen_documents_make_the_rows() {
        let mut a = Document::new("a", "A", "Gunmen attacked a post. Rebels stormed a base.");
        a.set_links(Links {
            events: vec![
                Event::manual("ATTACK", 7, 15),
                Event::suggested("ATTACK", 31, 38, spanmark_core::Origin::Pattern),
            ],
            relations: vec![],
        });
        let b = Document::new("b", "B", "Nothing happened.");
        let docs = [a, b];
        let (file, n) = incidents_file(
            &docs,
            DocumentChoice::All,
            SpanChoice::AcceptedOnly,
            "2026-12-07",
            false,
        );
        assert_eq!(n, 1);
        assert_eq!(file.name, "spanmark-2026-12-07-incidents.csv");
        let csv = String::from_utf8(file.bytes).unwrap();
        assert_eq!(csv.lines().count(), 2, "{csv}");
        assert!(csv
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("a,A,ATTACK,attacked,"));
        let (json, n) = incidents_file(
            &docs,
            DocumentChoice::Done,
            SpanChoice::WithSuggestions,
            "d",
            true,
        );
        assert_eq!((n, json.bytes.as_slice()), (0, b"[]".as_slice()));
    }
}
