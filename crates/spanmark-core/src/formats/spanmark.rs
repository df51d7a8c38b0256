//! Spanmark JSON (`spanmark/2`, see docs/format.md): the lossless format — schema with colours,
//! documents with times and status, spans with origin, state, confidence, a text copy and a
//! gold span's review provenance, events and relations.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::document::DocStatus;
use crate::label::{Label, Schema};
use crate::span::{Origin, SpanState};
use crate::text::TextIndex;

use super::intake::{self, Draft, RawSpan};
use super::links_json::{events_json, links_of, relations_json, EventJson, RelationJson};
use super::review_json::ReviewJson;
use super::{
    file_name, Chosen, ExportError, ExportFile, ExportOptions, ImportError, Imported, OffsetUnit,
};

pub const VERSION: &str = "spanmark/2";
/// Older versions this reader still takes (spanmark/1 has no events or relations).
const OLDER: [&str; 1] = ["spanmark/1"];

#[derive(Serialize, Deserialize)]
struct FileJson {
    format: String,
    #[serde(default = "codepoint")]
    offsets: String,
    #[serde(default)]
    line_endings: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    exported: String,
    #[serde(default)]
    schema: Option<Schema>,
    documents: Vec<DocJson>,
}

fn codepoint() -> String {
    "codepoint".into()
}

#[derive(Serialize, Deserialize)]
struct DocJson {
    id: String,
    #[serde(default)]
    title: String,
    text: String,
    #[serde(default)]
    created: Value,
    #[serde(default)]
    updated: Value,
    #[serde(default)]
    status: DocStatus,
    #[serde(default)]
    spans: Vec<SpanJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventJson>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationJson>,
}

#[derive(Serialize, Deserialize)]
struct SpanJson {
    start: i64,
    end: i64,
    label: String,
    #[serde(default = "imported")]
    origin: Origin,
    #[serde(default = "accepted")]
    state: SpanState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    #[serde(default)]
    text: Option<String>,
    /// a gold span's provenance from the team review (see `review_json`)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review: Option<ReviewJson>,
}

fn imported() -> Origin {
    Origin::Import
}
fn accepted() -> SpanState {
    SpanState::Accepted
}

pub(crate) fn write(
    chosen: &[Chosen],
    schema: &Schema,
    options: &ExportOptions,
) -> Result<Vec<ExportFile>, ExportError> {
    let file = FileJson {
        format: VERSION.into(),
        offsets: codepoint(),
        line_endings: "lf".into(),
        exported: options.date.clone(),
        schema: Some(schema.clone()),
        documents: chosen
            .iter()
            .map(|c| DocJson {
                id: c.doc.id.clone(),
                title: c.doc.title.clone(),
                text: c.doc.text().to_string(),
                created: intake::millis(c.doc.created),
                updated: intake::millis(c.doc.updated),
                status: c.doc.status,
                spans: c
                    .spans
                    .iter()
                    .map(|s| SpanJson {
                        start: s.start as i64,
                        end: s.end as i64,
                        label: s.label.clone(),
                        origin: s.origin,
                        state: s.state,
                        confidence: s.confidence,
                        text: Some(c.doc.slice(s.start, s.end).to_string()),
                        review: c.doc.provenance_of(s).map(ReviewJson::of),
                    })
                    .collect(),
                events: events_json(c.doc, &c.links, true),
                relations: relations_json(c.doc, &c.links, true),
            })
            .collect(),
    };
    let mut bytes =
        serde_json::to_vec_pretty(&file).map_err(|e| ExportError::Write(e.to_string()))?;
    bytes.push(b'\n');
    Ok(vec![ExportFile {
        name: file_name(options, "", "json"),
        bytes,
    }])
}

pub(crate) fn read(name: &str, text: &str) -> Result<Imported, ImportError> {
    let file: FileJson = serde_json::from_str(text).map_err(|e| intake::json_error(name, 1, &e))?;
    if file.format != VERSION && !OLDER.contains(&file.format.as_str()) {
        let why = if file.format.starts_with("spanmark/") {
            format!(
                "it was written by a newer Spanmark ({}); this one reads {VERSION}",
                file.format
            )
        } else {
            format!(
                "the \"format\" field is \"{}\", expected \"{VERSION}\"",
                file.format
            )
        };
        return Err(ImportError::file(name, why));
    }
    if file.offsets != "codepoint" {
        return Err(ImportError::file(
            name,
            format!(
                "the \"offsets\" field is \"{}\"; Spanmark JSON counts code points",
                file.offsets
            ),
        ));
    }
    let mut notes = Vec::new();
    let schema = file.schema.clone().unwrap_or_default();
    let mut documents = Vec::with_capacity(file.documents.len());
    for (d, doc) in file.documents.into_iter().enumerate() {
        let at = |m: String| {
            ImportError::file(name, format!("document {} (“{}”): {m}", d + 1, doc.title))
        };
        let time = |v: &Value, field: &str| match v {
            Value::Null => Ok(0.0),
            Value::Number(n) => Ok(n.as_f64().unwrap_or(0.0)),
            _ => Err(at(format!(
                "\"{field}\" must be milliseconds since 1970 (a number)"
            ))),
        };
        let mut draft = Draft::new(doc.id.clone(), Some(doc.title.clone()), doc.text.clone());
        draft.title = doc.title.clone();
        draft.status = doc.status;
        draft.created = time(&doc.created, "created")?;
        draft.updated = time(&doc.updated, "updated")?;
        if doc.id.trim().is_empty() {
            return Err(at("it has no \"id\"".into()));
        }
        if let Some(k) = documents
            .iter()
            .position(|d: &crate::document::Document| d.id == doc.id)
        {
            return Err(at(format!(
                "its id “{}” is already used by document {}",
                doc.id,
                k + 1
            )));
        }
        let index = TextIndex::new(&doc.text);
        let mut reviews: Vec<(usize, crate::span::Span, ReviewJson)> = Vec::new();
        for (i, s) in doc.spans.iter().enumerate() {
            let (start, end) =
                intake::locate(&index, OffsetUnit::CodePoint, i + 1, s.start, s.end).map_err(at)?;
            intake::check_label(i + 1, &s.label).map_err(at)?;
            intake::check_copy(&doc.text, &index, i + 1, start, end, s.text.as_deref())
                .map_err(at)?;
            if s.confidence.is_some_and(|c| !(0.0..=1.0).contains(&c)) {
                // serde_json's number formatting, not core's float Debug (smaller wasm)
                let shown = serde_json::json!(s.confidence);
                return Err(at(format!(
                    "span {} has confidence {shown}, outside 0–1",
                    i + 1
                )));
            }
            if let Some(r) = &s.review {
                let span = crate::span::Span::manual(start, end, s.label.clone());
                reviews.push((i + 1, span, r.clone()));
            }
            draft.spans.push(RawSpan {
                start,
                end,
                label: s.label.clone(),
                origin: s.origin,
                state: s.state,
                confidence: s.confidence,
            });
        }
        draft.links = links_of(&doc.events, &doc.relations);
        // offsets move where CR LF became LF, as `finish` moves the spans'
        let map = doc
            .text
            .contains('\r')
            .then(|| intake::newline_map(&doc.text));
        let moved = |i: usize| map.as_ref().map_or(i, |m| m.get(i).copied().unwrap_or(i));
        let provenance = reviews
            .into_iter()
            .map(|(n, mut span, r)| {
                (span.start, span.end) = (moved(span.start), moved(span.end));
                r.provenance(n, &span)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(at)?;
        let mut finished = intake::finish(draft, &mut notes);
        finished.set_provenance(provenance);
        intake::check_links(&finished, &schema).map_err(at)?;
        documents.push(finished);
    }
    let known: Vec<Label> = file
        .schema
        .as_ref()
        .map(|s| s.labels.clone())
        .unwrap_or_default();
    let labels = intake::labels_of(&documents, &known);
    Ok(Imported {
        documents,
        labels,
        notes,
        schema: file.schema,
    })
}
