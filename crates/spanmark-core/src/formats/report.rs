//! What goes wrong in formats, as values with sentences: export problems per span, import errors
//! naming the file, line and field.

use std::fmt;

use thiserror::Error;

/// Why a span (or document) would not survive an export exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The span starts or ends inside a token of the exported tokenization.
    NotOnTokens,
    /// The span overlaps another one and the target allows no overlap.
    Overlap {
        other_start: usize,
        other_end: usize,
        other_label: String,
    },
    /// The label cannot be written in this format (e.g. whitespace in a CoNLL tag or brat type).
    Label(String),
    /// A token contains a character the target reads as a column break.
    Token(String),
    /// The span was written but came back different (or not at all) when the export was re-read.
    Reread(String),
    /// The whole document came back different when the export was re-read.
    Document(String),
}

/// One line of the export report: which document, which span, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub document: String,
    pub title: String,
    /// (start, end, label, text) in code points; None for a document-level problem.
    pub span: Option<(usize, usize, String, String)>,
    pub reason: Reason,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let doc = if self.title.is_empty() {
            &self.document
        } else {
            &self.title
        };
        match &self.span {
            Some((start, end, label, text)) => {
                write!(f, "“{doc}”: “{text}” ({label}, {start}–{end}) ")?
            }
            None => write!(f, "“{doc}”: ")?,
        }
        match &self.reason {
            Reason::NotOnTokens => write!(f, "starts or ends inside a token, so the target cannot place it; it is left out"),
            Reason::Overlap { other_start, other_end, other_label } => write!(
                f,
                "overlaps {other_label} at {other_start}–{other_end} and the target allows no overlap; it is left out"
            ),
            Reason::Label(why) => write!(f, "has a label the target cannot express: {why}; it is left out"),
            Reason::Token(why) => write!(f, "{why}"),
            Reason::Reread(why) => write!(f, "did not survive re-reading the export: {why}"),
            Reason::Document(why) => write!(f, "{why}"),
        }
    }
}

/// An import that was refused, with where and why; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.sentence())]
pub struct ImportError {
    pub file: String,
    /// 1-based line of the input, when the format is line-based or the parser knows it
    pub line: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line: None,
            message: message.into(),
        }
    }
    pub fn line(file: &str, line: usize, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            line: Some(line),
            message: message.into(),
        }
    }
    /// The field the sentence names, for callers that want it apart (Python's
    /// `FormatError.field`): the first quoted key (`"label" must be a list` → `label`), else the
    /// span it counts (`span 3 ends at 9` → `span 3`); None when it names neither.
    pub fn field(&self) -> Option<String> {
        let m = &self.message;
        let key = m.split('"').nth(1).filter(|k| {
            !k.is_empty()
                && k.len() <= 40
                && k.chars().all(|c| c.is_alphanumeric() || "_.-".contains(c))
        });
        if let Some(key) = key {
            return Some(key.to_string());
        }
        let at = m.find("span ")?;
        let digits: String = m[at + 5..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        (!digits.is_empty()).then(|| format!("span {digits}"))
    }

    fn sentence(&self) -> String {
        match self.line {
            Some(line) => format!("{}: line {line}: {}", self.file, self.message),
            None => format!("{}: {}", self.file, self.message),
        }
    }
}

/// An export that could not be produced at all (rare: the per-span trouble goes in the report).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    #[error("could not write the export: {0}")]
    Write(String),
    #[error("the export could not be read back, so it was not produced: {0}")]
    SelfCheck(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_comes_from_the_sentence() {
        let field = |m: &str| ImportError::line("a.jsonl", 2, m).field();
        assert_eq!(
            field("there is no \"text\" (or \"data\") field").as_deref(),
            Some("text")
        );
        assert_eq!(
            field("task 1: span 3 ends at 9 but the text has 3 characters").as_deref(),
            Some("span 3")
        );
        assert_eq!(field("this is not UTF-8 text"), None);
        assert_eq!(field("this is not valid here: expected `,` or `}`"), None);
    }
}
