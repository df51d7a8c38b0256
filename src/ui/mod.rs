//! Pieces every feature shares: the dialog frame with its one Escape handling, reading a
//! picked file, scrolling an element into view, and today's date for file names.

pub mod dialog;
pub mod file;
pub mod scroll;
pub mod today;

pub use today::today;
