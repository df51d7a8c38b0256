//! Spanmark web shell: Leptos components and browser glue only. Every decision is made by
//! spanmark-core's `Workspace`; this crate routes DOM events to it and shows what changed.

pub mod annotate;
pub mod app;
pub mod documents;
pub mod dom;
pub mod incidents;
pub mod learning;
#[cfg(feature = "probe")]
pub mod probe;
pub mod review;
pub mod state;
pub mod storage;
pub mod suggest;
pub mod transfer;
pub mod ui;

pub use app::App;
pub use spanmark_core::workspace::Command;
pub use state::{use_app, AppState, Change};
