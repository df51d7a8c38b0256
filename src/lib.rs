//! Spanmark web shell: Leptos components and browser glue only.
//! Every decision is made by spanmark-core; this crate wires signals to the DOM.

pub mod app;
pub mod storage;

pub use app::App;
