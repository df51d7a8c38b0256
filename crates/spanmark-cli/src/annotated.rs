//! Annotated documents as JSON files: the `{"text", "spans"}` shape `detect` writes and `eval`
//! reads, plus Spanmark exports (`{"documents": [...]}`) and JSON Lines, keyed by name or id.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use spanmark_core::formats::links_json::{
    events_json, links_of, relations_json, EventJson, RelationJson,
};
use spanmark_core::links::Event;
use spanmark_core::score::Mention;
use spanmark_core::span::Span;

/// One document: a key (file stem, id or line number), its text and its labelled mentions.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub key: String,
    pub text: String,
    pub mentions: Vec<Mention>,
    /// each mention's "origin" as written ("rule:surname", "manual", …), when given
    pub origins: Vec<Option<String>>,
    /// gold or predicted events ("events" in the detect shape)
    pub events: Vec<Event>,
}

/// Detector output for one document, fields in the documented order.
#[derive(Debug, Serialize)]
pub struct Suggested<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a Value>,
    pub text: &'a str,
    pub spans: Vec<SpanOut>,
    pub events: Vec<EventJson>,
    pub relations: Vec<RelationJson>,
}

#[derive(Debug, Serialize)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    pub origin: &'static str,
}

/// `{"text", "spans": [{"start","end","label","text","origin"}], "events", "relations"}` for
/// detector output; the events are the incident rules' suggestions over these spans.
pub fn to_json<'a>(id: Option<&'a Value>, text: &'a str, spans: &[Span]) -> Suggested<'a> {
    let doc = spanmark_core::incidents::detected::detected(text, spans);
    let links = doc.links();
    let chars: Vec<char> = text.chars().collect();
    let spans = spans
        .iter()
        .map(|s| SpanOut {
            start: s.start,
            end: s.end,
            label: s.label.clone(),
            text: chars
                .get(s.start..s.end)
                .map(|c| c.iter().collect())
                .unwrap_or_default(),
            origin: s.origin.as_str(),
        })
        .collect();
    Suggested {
        id,
        text,
        spans,
        events: events_json(&doc, links, false),
        relations: relations_json(&doc, links, false),
    }
}

/// Every annotated document under a path: a directory of `*.json` files, one JSON file
/// (a document or a Spanmark export), or a `.jsonl` file.
pub fn load(path: &Path) -> Result<Vec<Annotated>, String> {
    if path.is_dir() {
        let mut names: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot read the folder {}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        let mut docs = Vec::new();
        for p in names {
            docs.extend(load_file(&p)?);
        }
        return Ok(docs);
    }
    load_file(path)
}

fn load_file(path: &Path) -> Result<Vec<Annotated>, String> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if path.extension().is_some_and(|x| x == "jsonl") {
        let mut docs = Vec::new();
        for (n, line) in raw
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let value: Value = serde_json::from_str(line)
                .map_err(|e| format!("line {} of {} is not JSON: {e}", n + 1, path.display()))?;
            let key = value
                .get("id")
                .map(key_of)
                .unwrap_or_else(|| format!("{}", n + 1));
            docs.push(document(
                &value,
                key,
                &format!("line {} of {}", n + 1, path.display()),
            )?);
        }
        return Ok(docs);
    }
    let value: Value =
        serde_json::from_str(&raw).map_err(|e| format!("{} is not JSON: {e}", path.display()))?;
    if let Some(list) = value.get("documents").and_then(Value::as_array) {
        if let Some(unit) = value.get("offsets").and_then(Value::as_str) {
            if unit != "codepoint" {
                return Err(format!(
                    "{} counts offsets in {unit}; export it with code point offsets",
                    path.display()
                ));
            }
        }
        return list
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let key = d
                    .get("id")
                    .map(key_of)
                    .unwrap_or_else(|| format!("{}", n + 1));
                document(d, key, &format!("document {} of {}", n + 1, path.display()))
            })
            .collect();
    }
    Ok(vec![document(&value, stem, &path.display().to_string())?])
}

fn key_of(v: &Value) -> String {
    v.as_str()
        .map(str::to_string)
        .unwrap_or_else(|| v.to_string())
}

pub fn document(value: &Value, key: String, place: &str) -> Result<Annotated, String> {
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{place} has no \"text\""))?
        .to_string();
    let len = text.chars().count();
    let mut mentions = Vec::new();
    let mut origins = Vec::new();
    for (n, s) in value
        .get("spans")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let field = |name: &str| s.get(name).and_then(Value::as_u64).map(|x| x as usize);
        let (Some(start), Some(end), Some(label)) = (
            field("start"),
            field("end"),
            s.get("label").and_then(Value::as_str),
        ) else {
            return Err(format!(
                "span {} in {place} needs a start, an end and a label",
                n + 1
            ));
        };
        if start >= end || end > len {
            return Err(format!(
                "span {} in {place} ({start}–{end}) is outside the text of {len} characters",
                n + 1
            ));
        }
        mentions.push(Mention::new(start, end, label));
        origins.push(s.get("origin").and_then(Value::as_str).map(str::to_string));
    }
    let parse = |field: &str| {
        value
            .get(field)
            .cloned()
            .unwrap_or(Value::Array(Vec::new()))
    };
    let events: Vec<EventJson> = serde_json::from_value(parse("events"))
        .map_err(|e| format!("the \"events\" of {place} are malformed: {e}"))?;
    let events = links_of(&events, &[]).events;
    Ok(Annotated {
        key,
        text,
        mentions,
        origins,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::span::Origin;

    #[test]
    fn writes_and_reads_back_the_same_mentions() {
        let dir = std::env::temp_dir().join(format!("spanmark-annotated-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Kabul 🇦🇫 and Herat";
        let spans = vec![
            Span::suggested(0, 5, "GPE", Origin::Gazetteer),
            Span::suggested(13, 18, "GPE", Origin::Gazetteer),
        ];
        let written = serde_json::to_string(&to_json(None, text, &spans)).unwrap();
        assert!(written.starts_with(r#"{"text":"#), "{written}");
        assert!(written.contains(
            r#"{"start":13,"end":18,"label":"GPE","text":"Herat","origin":"gazetteer"}"#
        ));
        std::fs::write(dir.join("a.json"), written).unwrap();
        let docs = load(&dir).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].key, "a");
        assert_eq!(
            docs[0].mentions,
            vec![Mention::new(0, 5, "GPE"), Mention::new(13, 18, "GPE")]
        );
        std::fs::write(
            dir.join("a.json"),
            r#"{"text":"ab","spans":[{"start":1,"end":9,"label":"X"}]}"#,
        )
        .unwrap();
        assert!(load(&dir).unwrap_err().contains("outside the text"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn detector_output_carries_events_in_the_documented_shape_and_reads_back() {
        let text = "Militants attacked a police post in Bannu on Tuesday.";
        let spans = vec![
            Span::suggested(36, 41, "GPE", Origin::Gazetteer),
            Span::suggested(45, 52, "DATE", Origin::Pattern),
        ];
        let written = serde_json::to_string(&to_json(None, text, &spans)).unwrap();
        assert!(written.contains(r#""events":[{"type":"ATTACK","trigger":{"start":10,"end":18,"text":"attacked"},"args":[{"role":"place","start":36,"end":41,"label":"GPE","text":"Bannu"},{"role":"time","start":45,"end":52,"label":"DATE","text":"Tuesday"}]}],"relations":[]"#), "{written}");
        let value: Value = serde_json::from_str(&written).unwrap();
        let back = document(&value, "k".into(), "here").unwrap();
        assert_eq!(back.events.len(), 1);
        assert_eq!(back.events[0].args.len(), 2);
        let bad = serde_json::json!({"text": "x", "events": [{"type": "ATTACK"}]});
        assert!(document(&bad, "k".into(), "here")
            .unwrap_err()
            .contains("\"events\" of here"));
    }
}
