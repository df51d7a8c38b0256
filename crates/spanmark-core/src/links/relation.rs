//! A relation: a typed, directed link from one entity span to another of the same
//! document (e.g. `located_in` Bannu → Khyber Pakhtunkhwa), spans named by their offsets.

use serde::{Deserialize, Serialize};

use crate::span::{Origin, SpanState};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    #[serde(rename = "type")]
    pub kind: String,
    /// the `from` span's offsets (code points)
    pub from: (usize, usize),
    /// the `to` span's offsets
    pub to: (usize, usize),
    pub origin: Origin,
    pub state: SpanState,
}

impl Relation {
    pub fn manual(kind: impl Into<String>, from: (usize, usize), to: (usize, usize)) -> Self {
        Relation {
            kind: kind.into(),
            from,
            to,
            origin: Origin::Manual,
            state: SpanState::Accepted,
        }
    }

    pub fn suggested(
        kind: impl Into<String>,
        from: (usize, usize),
        to: (usize, usize),
        origin: Origin,
    ) -> Self {
        Relation {
            state: SpanState::Suggested,
            origin,
            ..Relation::manual(kind, from, to)
        }
    }

    pub fn is_accepted(&self) -> bool {
        self.state == SpanState::Accepted
    }

    /// Same type and ends (state and origin aside): the identity of a relation.
    pub fn same(&self, other: &Relation) -> bool {
        self.kind == other.kind && self.from == other.from && self.to == other.to
    }

    pub fn extent(&self) -> std::ops::Range<usize> {
        self.from.0.min(self.to.0)..self.from.1.max(self.to.1)
    }
}
