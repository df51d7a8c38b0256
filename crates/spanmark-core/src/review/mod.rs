//! Team review: several annotators' exports loaded side by side, their agreement measured,
//! their disagreements adjudicated into one gold set, and one set checked for consistency.

pub mod agreement;
pub mod alignment;
pub mod annotator;
pub mod error;
pub mod pairing;
pub mod span_agreement;
pub mod team;
pub mod token_agreement;

pub use agreement::{Agreement, PairAgreement, TeamAgreement};
pub use alignment::{align, Aligned, Outcome};
pub use annotator::{load_annotator, load_annotator_files, name_from_file, Annotator};
pub use error::ReviewError;
pub use pairing::{text_hash, DocumentGroup, Pairing, TextMismatch};
pub use span_agreement::{Confusion, OutcomeCounts, SpanAgreement, SpanTally};
pub use team::{LabelDifference, Team};
