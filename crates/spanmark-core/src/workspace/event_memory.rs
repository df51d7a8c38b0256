//! The incident memory saved with the learning state: read back from its blob at startup
//! (or when another tab saved it); a damaged blob is refused with a sentence.

use super::{Effect, Notice, Update, Workspace};
use crate::incidents::memory::EventMemory;

impl Workspace {
    /// Take a saved incident memory; a blob that cannot be read leaves the memory as it is
    /// and says why in the learner's panel.
    pub(super) fn restore_event_memory(&mut self, raw: &str, up: &mut Update) {
        match EventMemory::from_blob(raw) {
            Ok(memory) => {
                self.learning.events = memory;
                up.change.learner = true;
            }
            Err(e) => up.effect(Effect::LearnerSays(Some(Notice {
                text: format!(
                    "The saved incident memory could not be read ({e}); events start afresh."
                ),
                error: true,
            }))),
        }
    }
}
