//! Entry points for the performance script (e2e/perf/perf.mjs): the page's detector run on
//! a text without the page around it, so its throughput can be timed beside other detectors.

use wasm_bindgen::prelude::*;

/// Tokenize and detect `text` with the compiled-in word lists; returns the number of spans.
#[wasm_bindgen]
pub fn detect_count(text: &str) -> u32 {
    let tokens = spanmark_core::token::tokenize(text);
    spanmark_core::detect::detect(text, &tokens).len() as u32
}
