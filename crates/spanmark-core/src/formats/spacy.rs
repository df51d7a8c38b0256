//! spaCy / Prodigy JSONL: one task per line with tokens (text, start, end, id, ws) that rebuild the
//! text exactly as a spaCy `Doc(words, spaces)` would, and token-aligned spans (token_end inclusive).

use serde::{Deserialize, Serialize};

use crate::text::TextIndex;
use crate::token::Token;

use super::intake::{self, Draft, RawSpan};
use super::report::{Problem, Reason};
use super::spacy_links::{self, RelJson, Written};
use super::{
    file_name, selfcheck, Chosen, ExportError, ExportFile, ExportOptions, ImportError, Imported,
    OffsetUnit,
};

/// A token as spaCy sees it: code point offsets and whether one space follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpacyToken {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub id: usize,
    pub ws: bool,
}

/// spaCy tokens of a text from Spanmark's tokens: one trailing space goes into `ws`, any other
/// whitespace (newlines, a second space) becomes a token of its own, as spaCy's tokenizer does.
pub fn tokens(text: &str, ours: &[Token]) -> Vec<SpacyToken> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<SpacyToken> = Vec::with_capacity(ours.len() + 8);
    let push = |out: &mut Vec<SpacyToken>, start: usize, end: usize| {
        let text: String = chars[start..end].iter().collect();
        out.push(SpacyToken {
            text,
            start,
            end,
            id: out.len(),
            ws: false,
        });
    };
    // Gaps between our tokens: spaces/newlines, and anything a tokenizer might have skipped.
    let gap = |out: &mut Vec<SpacyToken>, from: usize, to: usize| {
        let mut i = from;
        while i < to {
            let ws = chars[i].is_whitespace();
            let mut j = i;
            while j < to && chars[j].is_whitespace() == ws {
                j += 1;
            }
            if !ws {
                push(out, i, j);
            } else {
                let mut k = i;
                if chars[i] == ' ' {
                    if let Some(last) = out.last_mut().filter(|t| t.end == i && !t.ws) {
                        last.ws = true;
                        k = i + 1;
                    }
                }
                if k < j {
                    push(out, k, j);
                }
            }
            i = j;
        }
    };
    let mut at = 0;
    for t in ours {
        if t.start < at || t.end > chars.len() || t.start >= t.end {
            continue; // a malformed token: its characters are covered by the gap logic instead
        }
        gap(&mut out, at, t.start);
        push(&mut out, t.start, t.end);
        at = t.end;
    }
    gap(&mut out, at, chars.len());
    out
}

#[derive(Serialize, Deserialize)]
struct TaskJson {
    text: String,
    #[serde(default)]
    tokens: Option<Vec<TokenJson>>,
    #[serde(default)]
    spans: Vec<SpanJson>,
    #[serde(default)]
    meta: Option<MetaJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<String>,
    /// Prodigy's rel.manual relations (events: trigger → argument, labelled by role)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelJson>,
}

#[derive(Serialize, Deserialize)]
struct TokenJson {
    text: String,
    start: i64,
    end: i64,
    #[serde(default)]
    id: Option<i64>,
    #[serde(default)]
    ws: Option<bool>,
}

#[derive(Serialize, Deserialize)]
struct SpanJson {
    start: i64,
    end: i64,
    label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_end: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

#[derive(Serialize, Deserialize, Default)]
struct MetaJson {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    offsets: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line_endings: Option<String>,
}

pub(crate) fn write(
    chosen: &[Chosen],
    options: &ExportOptions,
    report: &mut Vec<Problem>,
) -> Result<Vec<ExportFile>, ExportError> {
    let mut bytes = Vec::new();
    for c in chosen {
        let toks = tokens(c.doc.text(), c.doc.tokens());
        let mut spans = Vec::new();
        for s in selfcheck::apart(c, report) {
            let first = toks.binary_search_by(|t| t.start.cmp(&s.start)).ok();
            let last = toks.binary_search_by(|t| t.end.cmp(&s.end)).ok();
            match (first, last) {
                (Some(a), Some(b)) if a <= b => spans.push(SpanJson {
                    start: s.start as i64,
                    end: s.end as i64,
                    label: s.label.clone(),
                    token_start: Some(a as i64),
                    token_end: Some(b as i64),
                    text: Some(c.doc.slice(s.start, s.end).to_string()),
                }),
                _ => report.push(selfcheck::problem(c, s, Reason::NotOnTokens)),
            }
        }
        let written: Vec<Written> = spans.iter().map(written_of).collect();
        let token_range = |s: usize, e: usize| {
            let first = toks.binary_search_by(|t| t.start.cmp(&s)).ok()?;
            let last = toks.binary_search_by(|t| t.end.cmp(&e)).ok()?;
            (first <= last).then_some((first, last))
        };
        let (triggers, relations) = spacy_links::write(&written, &c.links, token_range);
        for (start, end, a, b, label) in triggers {
            spans.push(SpanJson {
                start: start as i64,
                end: end as i64,
                label,
                token_start: Some(a as i64),
                token_end: Some(b as i64),
                text: Some(c.doc.slice(start, end).to_string()),
            });
        }
        let task = TaskJson {
            text: c.doc.text().to_string(),
            tokens: Some(
                toks.into_iter()
                    .map(|t| TokenJson {
                        text: t.text,
                        start: t.start as i64,
                        end: t.end as i64,
                        id: Some(t.id as i64),
                        ws: Some(t.ws),
                    })
                    .collect(),
            ),
            spans,
            meta: Some(MetaJson {
                id: Some(c.doc.id.clone()),
                title: Some(c.doc.title.clone()),
                offsets: Some("codepoint".into()),
                line_endings: Some("lf".into()),
            }),
            answer: Some("accept".into()),
            relations,
        };
        serde_json::to_writer(&mut bytes, &task).map_err(|e| ExportError::Write(e.to_string()))?;
        bytes.push(b'\n');
    }
    Ok(vec![ExportFile {
        name: file_name(options, "spacy", "jsonl"),
        bytes,
    }])
}

/// The tasks of a file: JSONL (one per line), or a JSON list / one pretty-printed object.
/// Each comes with its place for messages: ("line", n) or ("task", n).
fn tasks(name: &str, text: &str) -> Result<Vec<(&'static str, usize, TaskJson)>, ImportError> {
    let trimmed = text.trim_start();
    let pretty = trimmed.lines().next().is_some_and(|l| l.trim() == "{");
    if trimmed.starts_with('[') || pretty {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| intake::json_error(name, 1, &e))?;
        let list = match value {
            serde_json::Value::Array(list) => list,
            one => vec![one],
        };
        return list
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                serde_json::from_value(v)
                    .map(|t| ("task", i + 1, t))
                    .map_err(|e| ImportError::file(name, format!("task {}: {e}", i + 1)))
            })
            .collect();
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let task = serde_json::from_str(line).map_err(|e| intake::json_error(name, i + 1, &e))?;
        out.push(("line", i + 1, task));
    }
    Ok(out)
}

pub(crate) fn read(name: &str, text: &str) -> Result<Imported, ImportError> {
    let mut documents = Vec::new();
    let mut notes = Vec::new();
    for (unit, n, task) in tasks(name, text)? {
        if task.answer.as_deref().is_some_and(|a| a != "accept") {
            notes.push(format!(
                "{unit} {n}: answer is “{}”, so the task was skipped",
                task.answer.unwrap_or_default()
            ));
            continue;
        }
        let at = |m: String| match unit {
            "line" => ImportError::line(name, n, m),
            _ => ImportError::file(name, format!("{unit} {n}: {m}")),
        };
        let index = TextIndex::new(&task.text);
        if let Some(tokens) = &task.tokens {
            check_tokens(&task.text, &index, tokens).map_err(at)?;
        }
        let meta = task.meta.unwrap_or_default();
        let id = meta
            .id
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("{}-{n}", intake::stem(name)));
        let mut draft = Draft::new(id, meta.title, task.text.clone());
        let written: Vec<Written> = task.spans.iter().map(written_of).collect();
        let (links, triggers) =
            spacy_links::read(&written, &task.relations, &crate::label::Schema::news())
                .map_err(at)?;
        for (k, s) in task.spans.iter().enumerate() {
            let (start, end) =
                intake::locate(&index, OffsetUnit::CodePoint, k + 1, s.start, s.end).map_err(at)?;
            intake::check_label(k + 1, &s.label).map_err(at)?;
            intake::check_copy(&task.text, &index, k + 1, start, end, s.text.as_deref())
                .map_err(at)?;
            if let Some(tokens) = &task.tokens {
                check_span_tokens(tokens, k + 1, s).map_err(at)?;
            }
            if !triggers.contains(&k) {
                draft.spans.push(RawSpan::imported(start, end, &s.label));
            }
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

/// A span as the links see it; a span without token indices gets none (usize::MAX).
fn written_of(s: &SpanJson) -> Written {
    let token = |t: Option<i64>| {
        t.and_then(|t| usize::try_from(t).ok())
            .unwrap_or(usize::MAX)
    };
    (
        s.start.max(0) as usize,
        s.end.max(0) as usize,
        token(s.token_start),
        token(s.token_end),
        s.label.clone(),
    )
}

fn check_tokens(text: &str, index: &TextIndex, tokens: &[TokenJson]) -> Result<(), String> {
    let mut rebuilt = String::with_capacity(text.len());
    for (k, t) in tokens.iter().enumerate() {
        let (start, end) = (t.start.max(0) as usize, t.end.max(0) as usize);
        match index.slice(text, start, end) {
            Some(s) if s == t.text && t.start >= 0 && t.end >= t.start => {}
            _ => {
                return Err(format!(
                    "token {k} (“{}”) does not match the text at {}–{}",
                    t.text, t.start, t.end
                ))
            }
        }
        rebuilt.push_str(&t.text);
        if t.ws.unwrap_or(false) {
            rebuilt.push(' ');
        }
    }
    if !tokens.is_empty() && rebuilt != text {
        let at = rebuilt
            .chars()
            .zip(text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        return Err(format!(
            "the tokens with their ws do not rebuild the text (they differ at character {at})"
        ));
    }
    Ok(())
}

fn check_span_tokens(tokens: &[TokenJson], n: usize, s: &SpanJson) -> Result<(), String> {
    let check = |field: &str,
                 value: Option<i64>,
                 edge: i64,
                 of: fn(&TokenJson) -> i64|
     -> Result<(), String> {
        let Some(v) = value else { return Ok(()) };
        match usize::try_from(v).ok().and_then(|v| tokens.get(v)) {
            Some(t) if of(t) == edge => Ok(()),
            Some(t) => Err(format!(
                "span {n} has {field} {v}, but that token is at {}–{}, not at {edge}",
                t.start, t.end
            )),
            None => Err(format!(
                "span {n} has {field} {v}, but there are {} tokens",
                tokens.len()
            )),
        }
    };
    check("token_start", s.token_start, s.start, |t| t.start)?;
    check("token_end", s.token_end, s.end, |t| t.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(start: usize, end: usize) -> Token {
        Token {
            start,
            end,
            byte_start: start,
            byte_end: end,
        }
    }

    #[test]
    fn whitespace_other_than_one_space_becomes_tokens() {
        let text = "Ab  cd\n\nef ";
        let toks = tokens(text, &[tok(0, 2), tok(4, 6), tok(8, 10)]);
        let shown: Vec<(&str, bool)> = toks.iter().map(|t| (t.text.as_str(), t.ws)).collect();
        assert_eq!(
            shown,
            [
                ("Ab", true),
                (" ", false),
                ("cd", false),
                ("\n\n", false),
                ("ef", true)
            ]
        );
        let rebuilt: String = toks
            .iter()
            .map(|t| format!("{}{}", t.text, if t.ws { " " } else { "" }))
            .collect();
        assert_eq!(rebuilt, text);
        assert!(toks.iter().enumerate().all(|(i, t)| t.id == i));
    }

    #[test]
    fn characters_no_token_covers_are_kept() {
        let toks = tokens(" x", &[]);
        assert_eq!(
            toks.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
            [" ", "x"]
        );
    }
}
