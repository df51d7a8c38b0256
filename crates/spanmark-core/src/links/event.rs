//! An event: its type, the trigger (the words that name it, not an entity span) and its
//! role arguments, each pointing at an entity span of the document by its offsets.

use serde::{Deserialize, Serialize};

use crate::span::{Origin, SpanState};

/// One argument: a role filled by the entity span at `start..end` (code points).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Argument {
    pub role: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: String,
    /// trigger offsets (code points, end exclusive); one event per trigger
    pub start: usize,
    pub end: usize,
    /// arguments in role order of the schema, then by position
    pub args: Vec<Argument>,
    pub origin: Origin,
    pub state: SpanState,
}

impl Event {
    /// A manual, accepted event without arguments.
    pub fn manual(kind: impl Into<String>, start: usize, end: usize) -> Self {
        Event {
            kind: kind.into(),
            start,
            end,
            args: Vec::new(),
            origin: Origin::Manual,
            state: SpanState::Accepted,
        }
    }

    /// A suggested event (from rules or the learner).
    pub fn suggested(kind: impl Into<String>, start: usize, end: usize, origin: Origin) -> Self {
        Event {
            state: SpanState::Suggested,
            origin,
            ..Event::manual(kind, start, end)
        }
    }

    /// The same event with one more argument (kept sorted; a duplicate is ignored).
    pub fn with(mut self, role: &str, start: usize, end: usize) -> Self {
        self.add_argument(role, start, end);
        self
    }

    pub fn add_argument(&mut self, role: &str, start: usize, end: usize) -> bool {
        let arg = Argument {
            role: role.to_string(),
            start,
            end,
        };
        if self.args.contains(&arg) {
            return false;
        }
        self.args.push(arg);
        self.args
            .sort_by(|a, b| (a.start, a.end, &a.role).cmp(&(b.start, b.end, &b.role)));
        true
    }

    pub fn is_accepted(&self) -> bool {
        self.state == SpanState::Accepted
    }

    /// The arguments of one role, in text order.
    pub fn role<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Argument> + 'a {
        self.args.iter().filter(move |a| a.role == role)
    }

    /// The code point range of the trigger and every argument.
    pub fn extent(&self) -> std::ops::Range<usize> {
        let start = self
            .args
            .iter()
            .map(|a| a.start)
            .fold(self.start, usize::min);
        let end = self.args.iter().map(|a| a.end).fold(self.end, usize::max);
        start..end
    }
}
