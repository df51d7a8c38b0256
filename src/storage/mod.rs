//! Local storage for Spanmark: schema `spanmark/1` with one key per document, autosave,
//! quota and corruption handling, other tabs, memory-only mode, backup and restore.
//!
//! The formats and all decisions that need no browser live in `spanmark_core::persist`;
//! this module talks to `localStorage` and to the page's signals.

mod area;
mod backup;
mod meter;
mod quarantine;
mod store;

pub use area::{Area, WriteError};
pub use backup::Restored;
pub use meter::{megabytes, units, Usage, DEFAULT_CAPACITY};
pub use quarantine::Quarantined;
pub use store::{same_content, Loaded, SaveError, Snapshot, Store, SyncReport};
