//! A labelled stretch of a document: code point offsets, label, where it came from
//! and whether the user has accepted it.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    Manual,
    Gazetteer,
    Pattern,
    Acronym,
    Memory,
    Model,
    Import,
}

impl Origin {
    pub fn is_manual(self) -> bool {
        matches!(self, Origin::Manual)
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Manual => "manual",
            Origin::Gazetteer => "gazetteer",
            Origin::Pattern => "pattern",
            Origin::Acronym => "acronym",
            Origin::Memory => "memory",
            Origin::Model => "model",
            Origin::Import => "import",
        }
    }
    pub fn parse(s: &str) -> Option<Origin> {
        Some(match s {
            "manual" => Origin::Manual,
            "gazetteer" => Origin::Gazetteer,
            "pattern" => Origin::Pattern,
            "acronym" => Origin::Acronym,
            "memory" => Origin::Memory,
            "model" => Origin::Model,
            "import" => Origin::Import,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanState {
    Suggested,
    Accepted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// code point offsets, end exclusive
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub origin: Origin,
    pub state: SpanState,
    /// detector/model confidence in 0..=1, when known
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl Span {
    pub fn manual(start: usize, end: usize, label: impl Into<String>) -> Self {
        Span {
            start,
            end,
            label: label.into(),
            origin: Origin::Manual,
            state: SpanState::Accepted,
            confidence: None,
        }
    }
    pub fn suggested(start: usize, end: usize, label: impl Into<String>, origin: Origin) -> Self {
        Span {
            start,
            end,
            label: label.into(),
            origin,
            state: SpanState::Suggested,
            confidence: None,
        }
    }
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
    pub fn is_accepted(&self) -> bool {
        self.state == SpanState::Accepted
    }
}
