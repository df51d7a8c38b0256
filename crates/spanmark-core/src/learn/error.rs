//! Errors of the learning module: a saved model or memory that cannot be read back.
//! Each renders as a sentence for the person importing the file.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LearnError {
    #[error("this is not a Spanmark model file: {0}")]
    NotAModel(String),
    #[error(
        "this model was saved by a newer Spanmark (format version {0}); update Spanmark to load it"
    )]
    TooNew(u32),
    #[error("the model file is damaged: {0}")]
    Damaged(String),
}
