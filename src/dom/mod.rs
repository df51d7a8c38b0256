//! The DOM as the core sees it: the browser selection ↔ code point offsets (through the
//! core's `TextIndex` only), and small DOM actions the workspace's effects ask for.

pub mod selection;

pub use selection::{clear_selection, focus, show_in_article};
