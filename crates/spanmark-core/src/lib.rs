//! Spanmark's pure annotation core: everything that can be decided without a browser.
//! Offsets that leave this crate are Unicode code point indices (end exclusive).

pub mod detect;
#[cfg(test)]
mod dice;
pub mod document;
pub mod edit;
pub mod error;
pub mod event_schema;
pub mod formats;
pub mod history;
pub mod incidents;
pub mod label;
pub mod learn;
pub mod links;
pub mod persist;
pub mod review;
pub mod schema_change;
pub mod score;
pub mod span;
pub mod text;
pub mod token;
pub mod workspace;

pub use document::{DocStatus, Document};
pub use edit::{Edge, Edit, Step};
pub use error::CoreError;
pub use history::History;
pub use label::{Label, Schema};
pub use links::{Argument, Event, LinkEdit, Links, Relation};
pub use schema_change::SchemaChange;
pub use span::{Origin, Span, SpanState};
pub use text::TextIndex;
pub use token::Token;
pub use workspace::{Command, Ctx, Effect, Update, Workspace};
