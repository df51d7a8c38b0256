//! Perf instrumentation, only in builds with the `probe` feature (e2e/perf/perf.mjs): the
//! page's detector run on a text without the page around it, so its throughput can be timed.

use spanmark_core::detect::Pipeline;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page now suggests with this detector: `window.spanmarkDetectCount(text)` tokenizes
/// and detects `text` with it and returns the number of spans.
pub fn expose(pipeline: Pipeline) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let count = Closure::<dyn Fn(String) -> i32>::new(move |text: String| {
        let tokens = spanmark_core::token::tokenize(&text);
        pipeline.detect(&text, &tokens).len() as i32
    });
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("spanmarkDetectCount"),
        count.as_ref().unchecked_ref(),
    );
    // The page keeps it for its lifetime (a newer detector replaces it).
    count.forget();
}
