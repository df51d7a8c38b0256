//! Local storage for Spanmark: schema `spanmark/1` with one key per document, autosave,
//! quota and corruption handling, other tabs, memory-only mode, backup and restore.
//!
//! The formats and all decisions that need no browser live in `spanmark_core::persist`;
//! this module talks to `localStorage` and to the page's signals.

mod area;
mod autosave;
mod backup;
mod blob;
mod doc_write;
mod event_memory_blob;
mod meter;
mod panel;
mod quarantine;
mod review_blob;
mod saved;
mod store;
mod tabs;

pub use area::{Area, WriteError};
pub use autosave::{use_autosave, use_storage, SaveStatus, StorageState, DEBOUNCE};
pub use backup::Restored;
pub use event_memory_blob::use_event_memory_storage;
pub use meter::{megabytes, units, Usage, DEFAULT_CAPACITY};
pub use panel::{restore, StorageNotices, StoragePanel};
pub use quarantine::Quarantined;
pub use review_blob::{restore_commands, review_blob_now, save_review_blob, use_review_storage};
pub use saved::same_content;
pub use store::{Loaded, SaveError, Snapshot, Store, SyncReport};
