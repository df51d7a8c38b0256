//! Suggestions for new documents: the core's detector with word lists fetched after first
//! paint — the core lists (`builtin.tsv`, `rules.tsv`) first, then the larger gazetteer.
//!
//! Documents annotated before a list arrives, and not touched since, get their suggestions
//! again with it (from the larger list only up to `REDETECT_MAX_CHARS`); documents the user
//! has worked on are left alone, except that one made before any list gets the core lists'
//! suggestions as an undo step.

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;
use spanmark_core::detect::Pipeline;
use spanmark_core::{Document, Edit, Schema, Span};
use wasm_bindgen::JsCast;

use crate::state::{AppState, Change};

/// Where the word lists are, relative to the page (copied into dist/ by index.html).
pub const CORE_GAZETTEER: &str = "builtin.tsv";
pub const RULE_WORDS: &str = "rules.tsv";
pub const EXTRA_GAZETTEER: &str = "extra.tsv";

/// Longer documents keep the suggestions they have when the larger list arrives: detecting
/// and redrawing them again in one go would freeze the page for longer than the budget allows.
pub const REDETECT_MAX_CHARS: usize = 300_000;

thread_local! {
    /// Documents made before any word list had arrived: they get suggestions with the core
    /// lists even if the user has already edited them (their suggestion layer is empty).
    static BARE: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// How far the word lists have come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gazetteer {
    /// Nothing yet: documents made now get their suggestions when the core lists arrive.
    Loading,
    /// The core lists are in, with this many names; the larger list is on its way.
    Core(usize),
    /// The larger list is in use too, with this many names known in total.
    Extra(usize),
    /// The core lists could not be loaded: only what the page has learnt is suggested.
    CoreFailed(String),
    /// The larger list could not be loaded; the core lists stay in use.
    ExtraFailed(String),
}

impl Gazetteer {
    /// No list is on its way any more.
    pub fn complete(&self) -> bool {
        !matches!(self, Gazetteer::Loading | Gazetteer::Core(_))
    }

    /// One sentence for the status line.
    pub fn describe(&self) -> String {
        match self {
            Gazetteer::Loading => "Loading the word lists…".into(),
            Gazetteer::Core(_) => "Loading the larger place-name list…".into(),
            Gazetteer::Extra(n) => format!("{n} names known"),
            Gazetteer::CoreFailed(e) => {
                format!("No word lists: {e}. Only names you taught the page are suggested.")
            }
            Gazetteer::ExtraFailed(e) => format!("Using the built-in names only: {e}"),
        }
    }

    /// The value of `<html data-lists>`, for scripts that wait for the detector.
    fn attribute(&self) -> &'static str {
        match self {
            Gazetteer::Loading => "loading",
            Gazetteer::Core(_) => "core",
            Gazetteer::Extra(_) => "all",
            Gazetteer::CoreFailed(_) | Gazetteer::ExtraFailed(_) => "failed",
        }
    }
}

impl AppState {
    /// Suggestions for a text with the best detector available now, merged with what the
    /// page has learnt (memory, model: src/learning.rs).
    pub fn suggest(&self, doc: &Document) -> Vec<Span> {
        crate::learning::suggest_with(doc, self.rules(doc))
    }

    /// A document was just made: watch it if a word list is still on its way.
    pub fn made_before_lists(&self, id: &str) {
        let lists = self.gazetteer.get_untracked();
        if lists == Gazetteer::Loading {
            BARE.with(|b| b.borrow_mut().insert(id.to_string()));
        }
        if !lists.complete() {
            self.untouched.update_value(|u| {
                u.insert(id.to_string());
            });
        }
    }

    /// Fetch the word lists once the first frame is painted.
    pub fn load_gazetteer_after_paint(&self) {
        let app = *self;
        request_animation_frame(move || {
            leptos::task::spawn_local(async move { app.load_gazetteer().await });
        });
    }

    async fn load_gazetteer(&self) {
        let core = match fetch_bytes(CORE_GAZETTEER).await {
            Ok(names) => match fetch_bytes(RULE_WORDS).await {
                Ok(rules) => Pipeline::from_lists(&names, &rules).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        let core = match core {
            Ok(core) => core,
            Err(e) => return self.lists_are(Gazetteer::CoreFailed(e)),
        };
        self.use_detector(core.clone());
        self.lists_are(Gazetteer::Core(core.entries()));
        self.redetect_untouched(false);

        let mut all = core;
        let added = match fetch_bytes(EXTRA_GAZETTEER).await {
            Ok(bytes) => add_in_parts(&mut all, &bytes).await,
            Err(e) => Err(e),
        };
        match added {
            Ok(_) => {
                let n = all.entries();
                self.use_detector(all);
                self.lists_are(Gazetteer::Extra(n));
                crate::shell::mark("spanmark-lists");
                self.redetect_untouched(true);
            }
            Err(e) => self.lists_are(Gazetteer::ExtraFailed(e)),
        }
    }

    fn use_detector(&self, pipeline: Pipeline) {
        crate::probe::use_pipeline(pipeline.clone());
        self.detector.set_value(Some(pipeline));
    }

    fn lists_are(&self, state: Gazetteer) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-lists", state.attribute());
        }
        self.gazetteer.set(state);
    }

    /// Re-run detection on documents made before a list arrived and not edited since. With
    /// the last list (`last`) they stop being watched, and only documents up to
    /// `REDETECT_MAX_CHARS` are detected again (the others keep the core lists' suggestions).
    ///
    /// Documents made before any list and already edited get the core lists' suggestions as
    /// an undo step (so the user's earlier steps still undo in order).
    fn redetect_untouched(&self, last: bool) {
        let mut ids: Vec<String> = self.untouched.with_value(|u| u.iter().cloned().collect());
        let edited: Vec<String> = BARE.with(|b| {
            b.borrow_mut()
                .drain()
                .filter(|id| !ids.contains(id))
                .collect()
        });
        ids.extend(edited.iter().cloned());
        if last {
            self.untouched.update_value(|u| u.clear());
        }
        if ids.is_empty() {
            return;
        }
        let schema: Schema = self.schema.get_untracked();
        let mut saved = Vec::new();
        let mut steps = Vec::new();
        self.documents.update(|docs| {
            let again = |d: &Document| {
                ids.contains(&d.id) && (!last || d.len_chars() <= REDETECT_MAX_CHARS)
            };
            for doc in docs.iter_mut().filter(|d| again(d)) {
                let spans = self.suggest(doc);
                if let Ok(step) = (Edit::Suggest { spans }).apply(doc, &schema) {
                    if !step.is_noop() {
                        doc.revision += 1;
                        saved.push(doc.id.clone());
                        if edited.contains(&doc.id) {
                            steps.push((doc.id.clone(), step));
                        }
                    }
                }
            }
        });
        if !steps.is_empty() {
            self.histories.update_value(|h| {
                for (id, step) in steps {
                    h.entry(id).or_default().record(step);
                }
            });
            self.history_rev.update(|r| *r += 1);
        }
        if !saved.is_empty() {
            self.announce(Change {
                saved,
                ..Change::default()
            });
        }
    }
}

/// Parts of the larger list of about this many bytes are read one task each, so reading
/// it never blocks the page for long.
const PART_BYTES: usize = 64 * 1024;

async fn add_in_parts(pipeline: &mut Pipeline, bytes: &[u8]) -> Result<(), String> {
    let parts = spanmark_core::detect::gazetteer_parts(bytes, PART_BYTES)
        .map_err(|e| format!("{EXTRA_GAZETTEER}: {e}"))?;
    for (line, part) in parts {
        pipeline
            .add_gazetteer_part(part, line)
            .map_err(|e| format!("{EXTRA_GAZETTEER}: {e}"))?;
        next_task().await;
    }
    Ok(())
}

/// Resolves in a later task, letting the page paint and handle input in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
