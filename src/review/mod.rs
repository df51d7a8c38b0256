//! The team review view: annotators' files loaded side by side, their agreement, the
//! adjudication into gold documents; the core's `review` decides, these views show.

pub mod adjudicate;
pub mod agreement;
pub mod consistency;
pub mod keys;
pub mod link_table;
pub mod load;
pub mod view;
