//! The Incidents table: one row per event of the documents (ACLED-style columns), as CSV or
//! JSON. Dates and numbers stay as written in the text; several arguments of a role join with "; ".

use serde::Serialize;

use crate::document::Document;
use crate::links::Event;
use crate::token::sentences;

/// One event as a row of the Incidents view and export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentRow {
    pub document: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub trigger: String,
    pub date: String,
    pub place: String,
    pub perpetrator: String,
    pub target: String,
    pub killed: String,
    pub injured: String,
    pub held: String,
    pub sentence: String,
}

const COLUMNS: [&str; 12] = [
    "document",
    "title",
    "type",
    "trigger",
    "date",
    "place",
    "perpetrator",
    "target",
    "killed",
    "injured",
    "held",
    "sentence",
];

fn role_text(doc: &Document, e: &Event, role: &str) -> String {
    e.role(role)
        .map(|a| doc.slice(a.start, a.end))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The sentence around a code point offset, on one line (`sents`: the document's sentences,
/// cut once per document).
fn sentence_at(doc: &Document, sents: &[std::ops::Range<usize>], offset: usize) -> String {
    let toks = doc.tokens();
    let i = toks.partition_point(|t| t.end <= offset);
    let k = sents.partition_point(|s| s.end <= i);
    sents
        .get(k)
        .filter(|s| s.contains(&i))
        .map(|s| {
            doc.slice(toks[s.start].start, toks[s.end - 1].end)
                .replace('\n', " ")
        })
        .unwrap_or_default()
}

/// Every event of the documents, in document then text order (`accepted_only`: leave suggestions out).
pub fn rows(documents: &[Document], accepted_only: bool) -> Vec<IncidentRow> {
    let mut out = Vec::new();
    for doc in documents {
        let sents = sentences(doc.text(), doc.tokens());
        for e in doc
            .links()
            .events
            .iter()
            .filter(|e| !accepted_only || e.is_accepted())
        {
            out.push(IncidentRow {
                document: doc.id.clone(),
                title: doc.title.clone(),
                kind: e.kind.clone(),
                trigger: doc.slice(e.start, e.end).replace('\n', " "),
                date: role_text(doc, e, "time"),
                place: role_text(doc, e, "place"),
                perpetrator: role_text(doc, e, "perpetrator"),
                target: role_text(doc, e, "target"),
                killed: role_text(doc, e, "killed"),
                injured: role_text(doc, e, "injured"),
                held: role_text(doc, e, "held"),
                sentence: sentence_at(doc, &sents, e.start),
            });
        }
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// RFC 4180 CSV with a header line.
pub fn to_csv(rows: &[IncidentRow]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for r in rows {
        let cells = [
            &r.document,
            &r.title,
            &r.kind,
            &r.trigger,
            &r.date,
            &r.place,
            &r.perpetrator,
            &r.target,
            &r.killed,
            &r.injured,
            &r.held,
            &r.sentence,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// A JSON list of rows with the same field names as the CSV header.
pub fn to_json(rows: &[IncidentRow]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::Links;
    use crate::span::Span;

    #[test]
    fn one_row_per_event_with_roles_as_written_and_csv_quoting() {
        let text =
            "Headline\n\nGunmen attacked a bus in Zhob, Balochistan on \"last Friday\", killing 5.";
        let mut d = Document::new("z1", "Zhob, bus", text);
        let at = |w: &str| {
            let b = text.find(w).unwrap();
            let s = text[..b].chars().count();
            (s, s + w.chars().count())
        };
        let sp = |w: &str, l: &str| Span::manual(at(w).0, at(w).1, l);
        d.set_spans(vec![
            sp("Zhob", "GPE"),
            sp("Balochistan", "GPE"),
            sp("last Friday", "DATE"),
            sp("5", "CARDINAL"),
        ]);
        let e = Event::manual("ATTACK", at("attacked").0, at("attacked").1)
            .with("place", at("Zhob").0, at("Zhob").1)
            .with("place", at("Balochistan").0, at("Balochistan").1)
            .with("time", at("last Friday").0, at("last Friday").1)
            .with("killed", at("5").0, at("5").1);
        d.set_links(Links {
            events: vec![e],
            relations: vec![],
        });
        let rows = rows(&[d], true);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].place, "Zhob; Balochistan");
        assert_eq!(rows[0].date, "last Friday", "dates stay as written");
        assert!(rows[0].sentence.starts_with("Gunmen attacked"));
        let csv = to_csv(&rows);
        assert!(csv.starts_with("document,title,type,trigger,date,place,perpetrator,target,killed,injured,held,sentence\n"));
        assert!(csv.contains("z1,\"Zhob, bus\",ATTACK,attacked,last Friday,Zhob; Balochistan,,,5,,,\"Gunmen attacked a bus in Zhob, Balochistan on \"\"last Friday\"\", killing 5.\"\n"), "{csv}");
        assert!(to_json(&rows).contains("\"type\": \"ATTACK\""));
    }
}
