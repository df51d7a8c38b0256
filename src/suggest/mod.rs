//! Where suggestions come from in the page: the word lists fetched after first paint and
//! handed to the workspace's detector, and how far they have come.

pub mod lists;

pub use lists::Gazetteer;
