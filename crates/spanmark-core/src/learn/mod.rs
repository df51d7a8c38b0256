//! Learning from the user's corrections: surface-form memory and a trained tagger.
//! `Learner` is the entry point; the other modules are its parts.

pub mod bilou;
pub mod corrections;
pub mod discourse;
pub mod document_learning;
pub mod error;
pub mod features;
pub mod layout;
pub mod learner;
pub mod memory;
pub mod merge;
pub mod model;
mod placed;
pub mod play;
mod row_veto;
pub mod rule_record;
pub mod tagger;
#[cfg(test)]
mod test_spans;
pub mod trainer;
pub mod training_set;
mod viterbi;

pub use document_learning::DocumentLearning;
pub use error::LearnError;
pub use learner::{DocScore, LearnStats, Learner};
pub use memory::Memory;
pub use merge::{merge, Evidence, MergePolicy};
pub use rule_record::RuleRecord;
pub use tagger::{Prediction, Tagger};
pub use trainer::{Progress, Trainer};
pub use training_set::{
    load_documents, load_model, train_on, ModelFileError, TrainingDocument, TrainingSetError,
};
