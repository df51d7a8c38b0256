//! Annotating the open document: the article with its spans, the label palette and schema
//! editor, the span toolbar, keyboard shortcuts and their help.

pub mod article;
pub mod help;
pub mod keys;
pub mod label_style;
pub mod markup;
pub mod palette;
pub mod paragraphs;
pub mod schema_editor;
pub mod toolbar;
pub mod type_editor;
