//! Turning what a reader parsed into checked documents: offsets converted to code points,
//! line endings normalised, every span validated with a sentence naming it, overlaps noted.

use crate::document::{DocStatus, Document};
use crate::label::Label;
use crate::span::{Origin, Span, SpanState};
use crate::text::TextIndex;

use super::{ImportError, InputFile, OffsetUnit};

/// A file's bytes as text (a UTF-8 byte order mark is dropped), borrowed: no copy of a big file.
pub(crate) fn utf8(file: &InputFile) -> Result<&str, ImportError> {
    let bytes = file
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&file.bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ImportError::line(
            &file.name,
            line,
            "this is not UTF-8 text; save the file as UTF-8 and try again",
        )
    })
}

/// A span as a reader found it, offsets already in code points of the file's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawSpan {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub origin: Origin,
    pub state: SpanState,
    pub confidence: Option<f32>,
}

impl RawSpan {
    pub fn imported(start: usize, end: usize, label: &str) -> Self {
        RawSpan {
            start,
            end,
            label: label.to_string(),
            origin: Origin::Import,
            state: SpanState::Accepted,
            confidence: None,
        }
    }
}

/// A document as a reader found it, before line endings are normalised.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub id: String,
    pub title: String,
    pub text: String,
    pub spans: Vec<RawSpan>,
    pub status: DocStatus,
    pub created: f64,
    pub updated: f64,
    /// events and relations, offsets in code points of the file's text
    pub links: crate::links::Links,
}

impl Draft {
    pub fn new(id: String, title: Option<String>, text: String) -> Self {
        let title = title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| title_of(&text));
        Draft {
            id,
            title,
            text,
            spans: Vec::new(),
            status: DocStatus::Open,
            created: 0.0,
            updated: 0.0,
            links: crate::links::Links::default(),
        }
    }
}

/// A JSON parse error as an import error: serde's line (plus `first_line - 1` for JSONL records).
pub(crate) fn json_error(file: &str, first_line: usize, e: &serde_json::Error) -> ImportError {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let line = if e.line() == 0 {
        first_line
    } else {
        first_line + e.line() - 1
    };
    ImportError::line(file, line, format!("this is not valid here: {message}"))
}

/// Milliseconds as a JSON number: an integer when whole, so files stay readable.
pub(crate) fn millis(ms: f64) -> serde_json::Value {
    if ms.is_finite() && ms.fract() == 0.0 && ms.abs() < 9.0e15 {
        serde_json::Value::from(ms as i64)
    } else {
        serde_json::Number::from_f64(ms).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// The first line of a text, shortened, as a title for formats that carry none.
pub(crate) fn title_of(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut title: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        title.push('…');
    }
    title
}

/// Code point offsets of span `n` (1-based, for messages) given in `unit`, checked against the text.
pub(crate) fn locate(
    index: &TextIndex,
    unit: OffsetUnit,
    n: usize,
    start: i64,
    end: i64,
) -> Result<(usize, usize), String> {
    let (len, what) = match unit {
        OffsetUnit::CodePoint => (index.len_chars(), "characters"),
        OffsetUnit::Utf16 => (index.len_utf16(), "UTF-16 units"),
    };
    if start < 0 || end < 0 {
        return Err(format!("span {n} has a negative offset ({start}–{end})"));
    }
    let (start, end) = (start as usize, end as usize);
    if end > len {
        return Err(format!(
            "span {n} ends at {end} but the text has {len} {what}"
        ));
    }
    if start >= end {
        return Err(format!("span {n} is empty or reversed ({start}–{end})"));
    }
    match unit {
        OffsetUnit::CodePoint => Ok((start, end)),
        OffsetUnit::Utf16 => {
            let inside = |u: usize| {
                format!("span {n} has UTF-16 offset {u}, which falls inside a character (half of an emoji); the offsets may be in code points instead")
            };
            let s = index.char_of_utf16(start).ok_or_else(|| inside(start))?;
            let e = index.char_of_utf16(end).ok_or_else(|| inside(end))?;
            Ok((s, e))
        }
    }
}

/// Checks a span's `text` copy, when the file carries one, against the text at its offsets.
pub(crate) fn check_copy(
    text: &str,
    index: &TextIndex,
    n: usize,
    start: usize,
    end: usize,
    copy: Option<&str>,
) -> Result<(), String> {
    let Some(copy) = copy else { return Ok(()) };
    let actual = index.slice(text, start, end).unwrap_or("");
    if actual == copy || actual.replace("\r\n", "\n") == copy.replace("\r\n", "\n") {
        Ok(())
    } else {
        Err(format!(
            "span {n} says its text is “{copy}” but the text at {start}–{end} is “{actual}”"
        ))
    }
}

/// Checks a label name read from a file.
pub(crate) fn check_label(n: usize, label: &str) -> Result<(), String> {
    if label.trim().is_empty() {
        Err(format!("span {n} has no label"))
    } else {
        Ok(())
    }
}

/// The document for a draft: CRLF/CR become LF (offsets follow), overlapping spans are left out with a note.
pub(crate) fn finish(draft: Draft, notes: &mut Vec<String>) -> Document {
    // without CR the offsets stay as they are: no per-character map (8 bytes a character)
    let map = draft.text.contains('\r').then(|| newline_map(&draft.text));
    let at = |i: usize| map.as_ref().map_or(i, |m| m.get(i).copied().unwrap_or(i));
    if map.is_some() {
        notes.push(format!(
            "“{}”: line endings were changed to LF; span offsets were adjusted",
            draft.title
        ));
    }
    let mut doc = Document::new(draft.id, draft.title, &draft.text);
    doc.status = draft.status;
    doc.created = draft.created;
    doc.updated = draft.updated;
    let mut spans: Vec<Span> = draft
        .spans
        .into_iter()
        .map(|r| Span {
            start: at(r.start),
            end: at(r.end),
            label: r.label,
            origin: r.origin,
            state: r.state,
            confidence: r.confidence,
        })
        .collect();
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(last) = kept.last() {
            if last.start == s.start && last.end == s.end && last.label == s.label {
                continue;
            }
            if last.end > s.start {
                notes.push(format!(
                    "“{}”: “{}” ({}, {}–{}) overlaps “{}” ({}) and was left out, since Spanmark keeps spans apart",
                    doc.title,
                    doc.slice(s.start, s.end),
                    s.label,
                    s.start,
                    s.end,
                    doc.slice(last.start, last.end),
                    last.label
                ));
                continue;
            }
        }
        kept.push(s);
    }
    doc.set_spans(kept);
    let mut links = draft.links;
    for e in &mut links.events {
        (e.start, e.end) = (at(e.start), at(e.end));
        for a in &mut e.args {
            (a.start, a.end) = (at(a.start), at(a.end));
        }
    }
    for r in &mut links.relations {
        r.from = (at(r.from.0), at(r.from.1));
        r.to = (at(r.to.0), at(r.to.1));
    }
    if !links.is_empty() {
        doc.set_links(links);
    }
    doc
}

/// Why a document's events and relations do not fit its spans and the schema (checked after
/// `finish`; an import with such a document fails whole).
pub(crate) fn check_links(doc: &Document, schema: &crate::label::Schema) -> Result<(), String> {
    match doc
        .links()
        .problem(doc.spans(), Some(schema), doc.len_chars())
    {
        Some(p) => Err(p),
        None => Ok(()),
    }
}

/// For each code point index of `text` (and its end), the index after CRLF/CR → LF.
pub(crate) fn newline_map(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut map = Vec::with_capacity(chars.len() + 1);
    let mut k = 0;
    for (i, &c) in chars.iter().enumerate() {
        map.push(k);
        if !(c == '\r' && chars.get(i + 1) == Some(&'\n')) {
            k += 1;
        }
    }
    map.push(k);
    map
}

/// Labels in order of first use, with colours from `known` or a colour-blind-safe palette.
pub(crate) fn labels_of(documents: &[Document], known: &[Label]) -> Vec<Label> {
    const PALETTE: [&str; 8] = [
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    ];
    let mut out: Vec<Label> = known.to_vec();
    for doc in documents {
        for span in doc.spans() {
            if !out.iter().any(|l| l.name == span.label) {
                let color = PALETTE[out.len() % PALETTE.len()].to_string();
                out.push(Label {
                    name: span.label.clone(),
                    color,
                    key: None,
                });
            }
        }
    }
    out
}

/// A file name from a document id: letters, digits, `-`, `_` and `.` kept, the rest `_`.
pub(crate) fn file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = stem.trim_start_matches('.').to_string();
    if stem.is_empty() {
        "document".into()
    } else {
        stem
    }
}

/// A file stem for a document id that no earlier document of the same export has taken.
pub(crate) fn unique_stem(id: &str, used: &mut Vec<String>) -> String {
    let mut stem = file_stem(id);
    let mut k = 2;
    while used.contains(&stem) {
        stem = format!("{}-{k}", file_stem(id));
        k += 1;
    }
    used.push(stem.clone());
    stem
}

/// The file name without folders and extension ("data/a.b.txt" → "a.b").
pub(crate) fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_offsets_follow_the_text() {
        let mut draft = Draft::new("d".into(), None, "a\r\nLahore\r\n".into());
        draft.spans.push(RawSpan::imported(3, 9, "GPE"));
        let mut notes = Vec::new();
        let doc = finish(draft, &mut notes);
        assert_eq!(doc.text(), "a\nLahore\n");
        assert_eq!(
            doc.slice(doc.spans()[0].start, doc.spans()[0].end),
            "Lahore"
        );
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn utf16_offsets_inside_an_emoji_are_refused() {
        let index = TextIndex::new("a😀b");
        assert_eq!(locate(&index, OffsetUnit::Utf16, 1, 3, 4), Ok((2, 3)));
        assert!(locate(&index, OffsetUnit::Utf16, 1, 2, 4)
            .unwrap_err()
            .contains("inside a character"));
        assert_eq!(
            locate(&index, OffsetUnit::CodePoint, 3, 0, 9).unwrap_err(),
            "span 3 ends at 9 but the text has 3 characters"
        );
    }

    #[test]
    fn overlaps_are_noted_not_dropped_silently() {
        let mut draft = Draft::new("d".into(), Some("T".into()), "Punjab Province".into());
        draft.spans.push(RawSpan::imported(0, 15, "GPE"));
        draft.spans.push(RawSpan::imported(0, 6, "GPE"));
        let mut notes = Vec::new();
        let doc = finish(draft, &mut notes);
        assert_eq!(doc.spans().len(), 1);
        assert!(notes[0].contains("overlaps"), "{notes:?}");
    }
}
