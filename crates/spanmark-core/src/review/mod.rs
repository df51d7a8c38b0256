//! Team review: several annotators' exports loaded side by side, their agreement measured,
//! their disagreements adjudicated into one gold set, and one set checked for consistency.

pub mod adjudication;
pub mod agreement;
pub mod alignment;
pub mod annotator;
pub mod boundary_flags;
pub mod consistency;
pub mod consistency_fix;
pub mod disagreement;
pub mod error;
pub mod gold;
pub mod gold_links;
pub mod link_agreement;
pub mod pairing;
pub mod progress;
pub mod review_file;
pub mod span_agreement;
pub mod team;
pub mod team_store;
pub mod token_agreement;

pub use adjudication::{Adjudication, Case, Change, Choice, Decision, Settings};
pub use agreement::{Agreement, PairAgreement, TeamAgreement};
pub use alignment::{align, Aligned, Outcome};
pub use annotator::{load_annotator, load_annotator_files, name_from_file, Annotator};
pub use boundary_flags::{flags, Flag, Flagged};
pub use consistency::{Consistency, Form, Occurrence};
pub use consistency_fix::Fix;
pub use disagreement::{Item, ReviewSpan};
pub use error::ReviewError;
pub use gold::{Gold, Provenance, Source};
pub use gold_links::{agreed_links, gold_links, AgreedLinks};
pub use link_agreement::LinkAgreement;
pub use pairing::{text_hash, DocumentGroup, Pairing, TextMismatch};
pub use progress::Progress;
pub use review_file::REVIEW_FORMAT;
pub use span_agreement::{Confusion, OutcomeCounts, SpanAgreement, SpanTally};
pub use team::{LabelDifference, Team};
pub use team_store::TEAM_FORMAT;
