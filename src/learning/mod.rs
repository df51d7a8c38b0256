//! The learner in the page: the loop that runs the workspace's learning slices between
//! frames and saves the learner, and the sidebar panel that shows what it learnt.

pub mod panel;
pub mod runner;

pub use runner::{
    next_budget, use_learning, use_learning_state, Learning, BLOB, SAVE_DELAY, SLICE_MS,
};
