//! Storage schema `spanmark/1`: how documents, labels and settings become strings
//! for local storage and back, with validation and migrations.
