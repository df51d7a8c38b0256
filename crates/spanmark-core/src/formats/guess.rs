//! Which format a file is in, from its name and content ("drop a file", `spanmark review`):
//! the name's extension first, then the first bytes, then the keys of the first JSON value.

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::Format;

/// The keys of a file's first JSON value the guess needs; every other key is skipped unread.
#[derive(Deserialize)]
struct FirstValue {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    tokens: Option<IgnoredAny>,
    #[serde(default)]
    spans: Option<IgnoredAny>,
    #[serde(default)]
    annotations: Option<IgnoredAny>,
}

impl FirstValue {
    /// The file's first JSON value, the whole object however long (or a JSONL file's first
    /// line): its keys may come in any order, a Spanmark export's `"format"` after megabytes of
    /// documents. `None` when it is not a JSON object.
    fn of(bytes: &[u8]) -> Option<FirstValue> {
        let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<FirstValue>();
        values.next()?.ok()
    }

    fn format(&self) -> Option<&str> {
        self.format.as_ref()?.as_str()
    }
}

/// The `"format"` of the file's first JSON value when it is a string (see [`FirstValue::of`]).
/// When it is the object's first key (as Spanmark writes it) it is read from the start alone,
/// without going through megabytes of documents.
pub(crate) fn first_value_format(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    if let Some(format) = leading_format(&head) {
        return Some(format.to_string());
    }
    FirstValue::of(bytes)?.format().map(String::from)
}

/// The value of `"format"` when it is the first key of the top-level object and a plain
/// string (`{ "format": "spanmark/2", …`); None otherwise (then the whole value decides).
pub(crate) fn leading_format(head: &str) -> Option<&str> {
    let rest = head.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix("\"format\"")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let value = &rest[..rest.find('"')?];
    (!value.contains('\\')).then_some(value)
}

impl Format {
    /// A guess from a file's name and first bytes, for "drop a file".
    pub fn guess(name: &str, bytes: &[u8]) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        if lower.ends_with(".zip") || lower.ends_with(".ann") {
            return Some(Format::Brat);
        }
        if lower.ends_with(".conll") || lower.ends_with(".iob") || head.starts_with("-DOCSTART-") {
            return Some(Format::Conll);
        }
        if lower.ends_with(".txt") {
            return Some(Format::Txt);
        }
        let trimmed = head.trim_start();
        let spacy_keys = |s: &str| s.contains("\"tokens\"") || s.contains("\"spans\"");
        if trimmed.starts_with('[') {
            // a task list: Label Studio's have "data"; a spaCy list has "spans"/"tokens"
            let spacy = !trimmed.contains("\"data\"") && spacy_keys(trimmed);
            return Some(if spacy {
                Format::Spacy
            } else {
                Format::LabelStudio
            });
        }
        if !trimmed.starts_with('{') {
            return None;
        }
        // a Spanmark export says so first (read without the megabytes after it)
        if trimmed.contains("\"spanmark/") {
            return Some(Format::Spanmark);
        }
        // decided on the whole first value (object or JSONL line), not on the first 4 KB
        let first = FirstValue::of(bytes);
        let has = |f: fn(&FirstValue) -> bool| first.as_ref().is_some_and(f);
        if has(|v| v.format().is_some_and(|f| f.starts_with("spanmark/"))) {
            return Some(Format::Spanmark);
        }
        if trimmed.contains("\"annotations\"") || has(|v| v.annotations.is_some()) {
            return Some(Format::LabelStudio);
        }
        let spacy = match &first {
            Some(v) => v.tokens.is_some() || v.spans.is_some(),
            // not one JSON value (a broken line): the keys of the first line, or of the
            // first 4 KB of a pretty-printed object
            None => match trimmed.lines().next() {
                Some(l) if l.trim() == "{" => spacy_keys(trimmed),
                l => spacy_keys(l.unwrap_or("")),
            },
        };
        Some(if spacy {
            Format::Spacy
        } else {
            Format::Doccano
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leading_format_is_read_from_the_start_alone() {
        assert_eq!(
            leading_format("{\n  \"format\": \"spanmark/2\",\n  \"documents\": ["),
            Some("spanmark/2")
        );
        assert_eq!(
            leading_format("{\"format\":\"spanmark-backup\"}"),
            Some("spanmark-backup")
        );
        // not the first key, not a string, not an object: the whole value decides
        assert_eq!(
            leading_format("{\"documents\": [], \"format\": \"spanmark/2\"}"),
            None
        );
        assert_eq!(leading_format("{\"format\": 2}"), None);
        assert_eq!(leading_format("[{\"format\": \"spanmark/2\"}]"), None);
        // a file cut inside the value is no answer
        assert_eq!(leading_format("{\"format\": \"spanm"), None);
        // the same answer as the whole value where both can say
        let file = br#"{"format": "spanmark-backup", "entries": {}}"#;
        assert_eq!(first_value_format(file).as_deref(), Some("spanmark-backup"));
        let late = br#"{"entries": {}, "format": "spanmark-backup"}"#;
        assert_eq!(first_value_format(late).as_deref(), Some("spanmark-backup"));
    }
}
