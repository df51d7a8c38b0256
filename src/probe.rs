//! Entry points for the performance script (e2e/perf/perf.mjs): the page's detector run on
//! a text without the page around it, so its throughput can be timed beside other detectors.

use std::cell::RefCell;

use spanmark_core::detect::Pipeline;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The detector the page suggests with (set by src/detection.rs as lists arrive).
    static PIPELINE: RefCell<Option<Pipeline>> = const { RefCell::new(None) };
}

/// The page now suggests with this detector.
pub fn use_pipeline(pipeline: Pipeline) {
    PIPELINE.with(|p| *p.borrow_mut() = Some(pipeline));
}

/// Tokenize and detect `text` with the page's detector; returns the number of spans, or
/// -1 while the word lists have not arrived.
#[wasm_bindgen]
pub fn detect_count(text: &str) -> i32 {
    PIPELINE.with(|p| match p.borrow().as_ref() {
        Some(pipeline) => {
            let tokens = spanmark_core::token::tokenize(text);
            pipeline.detect(text, &tokens).len() as i32
        }
        None => -1,
    })
}
