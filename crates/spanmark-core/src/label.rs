//! Label schema: ordered labels with name, colour and shortcut key.
//! The default "news" schema is OntoNotes-style with a colour-blind-safe palette.

use serde::{Deserialize, Serialize};

use crate::error::CoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub name: String,
    /// CSS colour, e.g. "#0072B2"
    pub color: String,
    /// shortcut key, e.g. '1'
    pub key: Option<char>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    pub name: String,
    pub labels: Vec<Label>,
}

impl Default for Schema {
    fn default() -> Self {
        Schema::news()
    }
}

impl Schema {
    /// PERSON, ORG, GPE, LOC, FAC, NORP, DATE, CARDINAL on keys 1–8 (Okabe–Ito palette).
    pub fn news() -> Self {
        let defs = [
            ("PERSON", "#E69F00"),
            ("ORG", "#56B4E9"),
            ("GPE", "#009E73"),
            ("LOC", "#F0E442"),
            ("FAC", "#0072B2"),
            ("NORP", "#D55E00"),
            ("DATE", "#CC79A7"),
            ("CARDINAL", "#999999"),
        ];
        Schema {
            name: "news".into(),
            labels: defs
                .iter()
                .enumerate()
                .map(|(i, (n, c))| Label {
                    name: (*n).into(),
                    color: (*c).into(),
                    key: char::from_digit(i as u32 + 1, 10),
                })
                .collect(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn by_key(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == Some(key))
    }

    pub fn check(&self, name: &str) -> Result<(), CoreError> {
        if self.contains(name) {
            Ok(())
        } else {
            Err(CoreError::UnknownLabel(name.to_string()))
        }
    }
}
