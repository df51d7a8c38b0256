//! Spanmark web shell: Leptos components and browser glue only.
//! Every decision is made by spanmark-core; this crate wires signals to the DOM.

pub mod app;
pub mod article;
pub mod caret;
pub mod detection;
pub mod dialog_keys;
pub mod dispatch;
pub mod doc_list;
pub mod export;
pub mod export_dialog;
pub mod help;
pub mod import;
pub mod import_dialog;
pub mod intent;
pub mod keys;
pub mod label_style;
pub mod learning;
pub mod learning_panel;
pub mod new_doc;
pub mod palette;
pub mod paragraphs;
pub mod probe;
pub mod schema_editor;
pub mod selection;
pub mod shell;
pub mod state;
pub mod storage;
pub mod toolbar;

pub use app::App;
pub use intent::Intent;
pub use state::{use_app, AppState, Change};
