//! The document list and the new-document form, and the static first-paint frame whose
//! draft the form takes over.

pub mod doc_list;
pub mod first_paint;
pub mod most_to_learn;
pub mod new_doc;
