//! Learning from the user's corrections: surface-form memory and a trained tagger.
