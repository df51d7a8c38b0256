//! A labelled stretch of a document: code point offsets, label, where it came from
//! and whether the user has accepted it.

use serde::{Deserialize, Serialize};

/// Where a span came from. Written as a string: `manual`, `memory`, `model`, `import`, or
/// `rule:<name>` for a rule of the detector (`detect::rules::RULES`). `gazetteer`, `pattern`
/// and `acronym` are what rule spans were called before rules had names; they still read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    Manual,
    Gazetteer,
    Pattern,
    Acronym,
    Memory,
    Model,
    Import,
    /// a named rule of the detector (the name as in `detect::rules::RULES`)
    Rule(&'static str),
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
            Origin::Rule(name) => crate::detect::rules::rule(name).map_or("pattern", |r| r.tag),
        }
    }
    /// The origin from its written form. `rule:<name>` of a rule this version does not have
    /// (renamed or removed) reads as `pattern`, the name rule spans had before.
    pub fn parse(s: &str) -> Option<Origin> {
        if let Some(name) = s.strip_prefix("rule:") {
            return Some(crate::detect::rules::rule(name).map_or(Origin::Pattern, |r| r.origin()));
        }
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
    /// The rule's name, for a span a rule of the detector made.
    pub fn rule(self) -> Option<&'static str> {
        match self {
            Origin::Rule(name) => Some(name),
            _ => None,
        }
    }
    /// For a rule's span, the origin such spans had before rules were named (`gazetteer`,
    /// `pattern`, `acronym`); any other origin as it is. The learner's features use this.
    pub fn family(self) -> Origin {
        match self {
            Origin::Rule(name) => {
                crate::detect::rules::rule(name).map_or(Origin::Pattern, |r| r.family)
            }
            other => other,
        }
    }
}

impl Serialize for Origin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Origin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Origin, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Origin::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown origin “{s}” (expected manual, memory, model, import, rule:NAME, gazetteer, pattern or acronym)"
            ))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_written_and_read_back_old_names_included() {
        let rule = Origin::Rule("surname");
        assert_eq!(serde_json::to_string(&rule).unwrap(), "\"rule:surname\"");
        assert_eq!(
            serde_json::from_str::<Origin>("\"rule:surname\"").unwrap(),
            rule
        );
        assert_eq!(rule.rule(), Some("surname"));
        assert_eq!(rule.family(), Origin::Pattern);
        assert_eq!(Origin::Rule("gazetteer").family(), Origin::Gazetteer);
        // files from before rules had names
        for (old, origin) in [
            ("gazetteer", Origin::Gazetteer),
            ("pattern", Origin::Pattern),
            ("acronym", Origin::Acronym),
            ("manual", Origin::Manual),
        ] {
            let back: Origin = serde_json::from_str(&format!("\"{old}\"")).unwrap();
            assert_eq!(back, origin);
            assert_eq!(back.as_str(), old);
        }
        // a rule this version does not have reads as the pattern it was before
        assert_eq!(Origin::parse("rule:no_such_rule"), Some(Origin::Pattern));
        let err = serde_json::from_str::<Origin>("\"oracle\"").unwrap_err();
        assert!(err.to_string().contains("unknown origin “oracle”"), "{err}");
    }
}
