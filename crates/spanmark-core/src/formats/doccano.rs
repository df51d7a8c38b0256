//! doccano JSONL: `{"text", "label": [[start, end, "LABEL"]], "meta": {...}}` per line, offsets in code
//! points (default) or UTF-16 units, named in `meta.offsets`; older `labels`/`data` keys are read too.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::text::TextIndex;

use super::doccano_links;
use super::intake::{self, Draft, RawSpan};
use super::{
    file_name, Chosen, ExportError, ExportFile, ExportOptions, ImportError, Imported, OffsetUnit,
};

/// A written line; fields in this order so the text comes first. Documents with events or
/// relations use doccano's entities + relations shape instead of `label`.
#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<Vec<(usize, usize, &'a str)>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<Value>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    title: &'a str,
    offsets: &'a str,
    line_endings: &'a str,
}

pub(crate) fn write(
    chosen: &[Chosen],
    options: &ExportOptions,
) -> Result<Vec<ExportFile>, ExportError> {
    let unit = options.offsets;
    let mut bytes = Vec::new();
    for c in chosen {
        let index = c.doc.index();
        let at = |i: usize| match unit {
            OffsetUnit::CodePoint => i,
            OffsetUnit::Utf16 => index.utf16_of_char(i).unwrap_or(i),
        };
        let (label, entities, relations) = if c.links.is_empty() {
            let label = c
                .spans
                .iter()
                .map(|s| (at(s.start), at(s.end), s.label.as_str()));
            (Some(label.collect()), None, None)
        } else {
            let (e, r) = doccano_links::write(&c.spans, &c.links, at);
            (None, Some(e), Some(r))
        };
        let line = Line {
            text: c.doc.text(),
            label,
            entities,
            relations,
            meta: Meta {
                id: &c.doc.id,
                title: &c.doc.title,
                offsets: unit.name(),
                line_endings: "lf",
            },
        };
        serde_json::to_writer(&mut bytes, &line).map_err(|e| ExportError::Write(e.to_string()))?;
        bytes.push(b'\n');
    }
    let suffix = match unit {
        OffsetUnit::CodePoint => "doccano",
        OffsetUnit::Utf16 => "doccano-utf16",
    };
    Ok(vec![ExportFile {
        name: file_name(options, suffix, "jsonl"),
        bytes,
    }])
}

/// Reads doccano JSONL; `unsaid` is the unit for lines whose meta does not name one.
pub(crate) fn read(name: &str, text: &str, unsaid: OffsetUnit) -> Result<Imported, ImportError> {
    let mut documents = Vec::new();
    let mut notes = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = |m: String| ImportError::line(name, n, m);
        let value: Value =
            serde_json::from_str(line).map_err(|e| intake::json_error(name, n, &e))?;
        let Value::Object(obj) = value else {
            return Err(at(
                "each line must be a JSON object with \"text\" and \"label\"".into(),
            ));
        };
        let text = match obj.get("text").or_else(|| obj.get("data")) {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(at("\"text\" must be a string".into())),
            None => return Err(at("there is no \"text\" (or \"data\") field".into())),
        };
        let meta = obj
            .get("meta")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let unit = unit_of(&obj, &meta, unsaid).map_err(at)?;
        let id = string(&meta, "id")
            .or_else(|| string(&obj, "id"))
            .unwrap_or_else(|| format!("{}-{n}", intake::stem(name)));
        let mut draft = Draft::new(id, string(&meta, "title"), text.clone());
        let index = TextIndex::new(&text);
        let entries = match obj
            .get("label")
            .or_else(|| obj.get("labels"))
            .or_else(|| obj.get("entities"))
        {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list.clone(),
            Some(_) => {
                return Err(at(
                    "\"label\" must be a list of [start, end, \"LABEL\"]".into()
                ))
            }
        };
        let mut found: Vec<doccano_links::Entity> = Vec::new();
        for (k, entry) in entries.iter().enumerate() {
            let (start, end, label) = entry_of(k + 1, entry).map_err(at)?;
            let located = intake::locate(&index, unit, k + 1, start, end)
                .map_err(|m| at(hint(m, unit, &text)))?;
            intake::check_label(k + 1, &label).map_err(at)?;
            let id = entry
                .get("id")
                .and_then(Value::as_i64)
                .unwrap_or(-(k as i64) - 1);
            found.push((id, label, located.0, located.1));
        }
        let relations = match obj.get("relations") {
            Some(Value::Array(list)) => list.clone(),
            _ => Vec::new(),
        };
        let (links, triggers) =
            doccano_links::read(&found, &relations, &crate::label::Schema::news()).map_err(at)?;
        for (_, label, start, end) in found.iter().filter(|e| !triggers.contains(&e.0)) {
            draft.spans.push(RawSpan::imported(*start, *end, label));
        }
        draft.links = links;
        let doc = intake::finish(draft, &mut notes);
        intake::check_links(&doc, &crate::label::Schema::news()).map_err(at)?;
        documents.push(doc);
    }
    let labels = intake::labels_of(&documents, &[]);
    Ok(Imported {
        documents,
        labels,
        notes,
        schema: None,
    })
}

fn string(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn unit_of(
    obj: &Map<String, Value>,
    meta: &Map<String, Value>,
    unsaid: OffsetUnit,
) -> Result<OffsetUnit, String> {
    match string(meta, "offsets")
        .or_else(|| string(obj, "offsets"))
        .as_deref()
    {
        None => Ok(unsaid),
        Some("codepoint") => Ok(OffsetUnit::CodePoint),
        Some("utf16") => Ok(OffsetUnit::Utf16),
        Some(other) => Err(format!(
            "\"offsets\" is \"{other}\"; expected \"codepoint\" or \"utf16\""
        )),
    }
}

/// `[start, end, "LABEL"]` or `{"start_offset", "end_offset", "label"}` (older doccano).
fn entry_of(n: usize, entry: &Value) -> Result<(i64, i64, String), String> {
    let label_of = |v: Option<&Value>| match v {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(x)) => Ok(x.to_string()),
        _ => Err(format!("span {n} has no label (a string)")),
    };
    let offset = |v: Option<&Value>, what: &str| {
        v.and_then(Value::as_i64)
            .ok_or_else(|| format!("span {n} has no {what} offset (a whole number)"))
    };
    match entry {
        Value::Array(parts) if parts.len() == 3 => Ok((
            offset(parts.first(), "start")?,
            offset(parts.get(1), "end")?,
            label_of(parts.get(2))?,
        )),
        Value::Object(o) => Ok((
            offset(o.get("start_offset").or_else(|| o.get("start")), "start")?,
            offset(o.get("end_offset").or_else(|| o.get("end")), "end")?,
            label_of(o.get("label"))?,
        )),
        _ => Err(format!("span {n} must be [start, end, \"LABEL\"]")),
    }
}

fn hint(message: String, unit: OffsetUnit, text: &str) -> String {
    let astral = text.chars().any(|c| c.len_utf16() == 2);
    match unit {
        OffsetUnit::CodePoint if astral => format!(
            "{message}; the text has emoji or other characters that count twice in UTF-16, so the file may use \
             UTF-16 offsets (doccano's page does): import it with UTF-16 offsets (`--offsets utf16`)"
        ),
        _ => message,
    }
}
