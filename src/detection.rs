//! Suggestions for new documents: the core's detector with its compiled-in word lists at
//! once, and the larger gazetteer (`extra.tsv`, copied into dist/) fetched after first paint.
//!
//! Documents annotated before the gazetteer arrives, and not touched since, get their
//! suggestions again with it (up to `REDETECT_MAX_CHARS`); documents the user has worked on
//! are left alone.

use leptos::prelude::*;
use spanmark_core::detect::Pipeline;
use spanmark_core::{Document, Edit, Schema, Span};
use wasm_bindgen::JsCast;

use crate::state::{AppState, Change};

/// Where the larger gazetteer is, relative to the page.
pub const EXTRA_GAZETTEER: &str = "extra.tsv";

/// Longer documents keep their first suggestions: detecting and redrawing them again in
/// one go would freeze the page for longer than the performance budget allows.
pub const REDETECT_MAX_CHARS: usize = 300_000;

/// How far the larger gazetteer has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gazetteer {
    /// Only the compiled-in lists so far.
    Builtin,
    /// The larger list is in use, with this many names known in total.
    Extra(usize),
    /// It could not be loaded; the compiled-in lists stay in use.
    Failed(String),
}

impl AppState {
    /// Suggestions for a text with the best detector available now, merged with what the
    /// page has learnt (memory, model: src/learning.rs).
    pub fn suggest(&self, doc: &Document) -> Vec<Span> {
        crate::learning::suggest_with(doc, self.rules(doc))
    }

    /// Fetch the larger gazetteer once the first frame is painted.
    pub fn load_gazetteer_after_paint(&self) {
        let app = *self;
        request_animation_frame(move || {
            set_timeout(
                move || leptos::task::spawn_local(async move { app.load_gazetteer().await }),
                std::time::Duration::from_millis(50),
            );
        });
    }

    async fn load_gazetteer(&self) {
        let outcome = match fetch_bytes(EXTRA_GAZETTEER).await {
            Ok(bytes) => Pipeline::with_extra(&bytes).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match outcome {
            Ok(pipeline) => {
                let n = pipeline.entries();
                self.detector.set_value(Some(pipeline));
                self.gazetteer.set(Gazetteer::Extra(n));
                self.redetect_untouched();
            }
            Err(e) => self.gazetteer.set(Gazetteer::Failed(e)),
        }
    }

    /// Re-run detection on documents made before the gazetteer arrived and not edited since.
    fn redetect_untouched(&self) {
        let ids: Vec<String> = self.untouched.with_value(|u| u.iter().cloned().collect());
        self.untouched.update_value(|u| u.clear());
        if ids.is_empty() {
            return;
        }
        let schema: Schema = self.schema.get_untracked();
        let mut saved = Vec::new();
        self.documents.update(|docs| {
            let again = |d: &Document| ids.contains(&d.id) && d.len_chars() <= REDETECT_MAX_CHARS;
            for doc in docs.iter_mut().filter(|d| again(d)) {
                let spans = self.suggest(doc);
                if let Ok(step) = (Edit::Suggest { spans }).apply(doc, &schema) {
                    if !step.is_noop() {
                        doc.revision += 1;
                        saved.push(doc.id.clone());
                    }
                }
            }
        });
        if !saved.is_empty() {
            self.announce(Change {
                saved,
                ..Change::default()
            });
        }
    }
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = |what: &str| format!("the word list {url} could not be {what}");
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed("fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("fetched"))?;
    if !response.ok() {
        return Err(format!(
            "{} (HTTP {})",
            failed("fetched"),
            response.status()
        ));
    }
    let buffer = response.array_buffer().map_err(|_| failed("read"))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|_| failed("read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
