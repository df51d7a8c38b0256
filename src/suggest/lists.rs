//! The word lists the detector needs, fetched after first paint: the core lists
//! (`builtin.tsv`, `rules.tsv`) first, then the larger gazetteer, each handed to the
//! workspace (`Command::UseDetector`), which decides which documents to detect again.

use leptos::prelude::*;
use spanmark_core::detect::Pipeline;
use wasm_bindgen::JsCast;

use crate::state::AppState;
use crate::Command;

/// Where the word lists are, relative to the page (copied into dist/ by index.html).
pub const CORE_GAZETTEER: &str = "builtin.tsv";
pub const RULE_WORDS: &str = "rules.tsv";
pub const EXTRA_GAZETTEER: &str = "extra.tsv";

pub use spanmark_core::workspace::REDETECT_MAX_CHARS;

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

/// Fetch the word lists once the first frame is painted.
pub fn load_after_paint(app: AppState) {
    request_animation_frame(move || {
        leptos::task::spawn_local(async move { load(app).await });
    });
}

async fn load(app: AppState) {
    let core = match fetch_bytes(CORE_GAZETTEER).await {
        Ok(names) => match fetch_bytes(RULE_WORDS).await {
            Ok(rules) => Pipeline::from_lists(&names, &rules).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    let core = match core {
        Ok(core) => core,
        Err(e) => {
            app.dispatch(Command::ListsSettled);
            return lists_are(app, Gazetteer::CoreFailed(e));
        }
    };
    use_detector(app, core.clone(), false);
    lists_are(app, Gazetteer::Core(core.entries()));

    let mut all = core;
    let added = match fetch_bytes(EXTRA_GAZETTEER).await {
        Ok(bytes) => add_in_parts(&mut all, &bytes).await,
        Err(e) => Err(e),
    };
    match added {
        Ok(_) => {
            let n = all.entries();
            use_detector(app, all, true);
            lists_are(app, Gazetteer::Extra(n));
            crate::documents::first_paint::mark("spanmark-lists");
        }
        Err(e) => {
            app.dispatch(Command::ListsSettled);
            lists_are(app, Gazetteer::ExtraFailed(e));
        }
    }
}

/// Suggest with this detector from now on; the workspace detects waiting documents again.
fn use_detector(app: AppState, detector: Pipeline, last: bool) {
    #[cfg(feature = "probe")]
    crate::probe::expose(detector.clone());
    app.dispatch(Command::UseDetector { detector, last });
}

fn lists_are(app: AppState, state: Gazetteer) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-lists", state.attribute());
    }
    app.gazetteer.set(state);
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
