//! wasm-bindgen tests of the page's learning glue in headless Chromium: a done document is
//! learnt, trained in slices and saved to the blob; a damaged blob is set aside; un-done forgets.

mod storage_support;

use std::time::Duration;

use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use spanmark::learning::{use_learning, Learning, BLOB};
use spanmark::state::AppState;
use spanmark::storage::use_autosave;
use spanmark::suggest::Gazetteer;
use spanmark::Command;
use spanmark_core::detect::Pipeline;
use spanmark_core::learn::Learner;
use spanmark_core::persist::{blob_key, quarantine_key};
use spanmark_core::{Document, Origin, Schema, Span};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use storage_support::{clear, doc, local};

wasm_bindgen_test_configure!(run_in_browser);

const FIRST: &str =
    "PESHAWAR — The Khyber Mail was stopped near Attock on Monday after a bomb threat.";
const SECOND: &str = "LAHORE — Railway police said the Khyber Mail would run again from next week.";

fn cp(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let start = text[..at].chars().count();
    (start, start + needle.chars().count())
}

async fn sleep(ms: u64) {
    let (tx, rx) = futures_channel();
    set_timeout(tx, Duration::from_millis(ms));
    let _ = rx.await;
}

/// A one-shot callback and the future it completes (no extra crates).
fn futures_channel() -> (impl FnOnce(), wasm_bindgen_futures::JsFuture) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    let r = resolve.expect("promise executor runs at once");
    (
        move || {
            let _ = r.call0(&wasm_bindgen::JsValue::NULL);
        },
        wasm_bindgen_futures::JsFuture::from(promise),
    )
}

/// Wait up to `ms` for `ok`, checking every 20 ms.
async fn until(ms: u64, what: &str, ok: impl Fn() -> bool) {
    for _ in 0..ms / 20 {
        if ok() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// Mount a bare page (storage + learning, no view) and hand back its state; the mount
/// handle is returned so each test can unmount it (stopping its timers) at the end.
fn mount() -> (UnmountHandle<web_sys::Comment>, AppState, Learning) {
    mount_with(true)
}

fn shipped_lists() -> Pipeline {
    Pipeline::from_lists(
        include_bytes!("../crates/spanmark-core/data/builtin.tsv"),
        include_bytes!("../crates/spanmark-core/data/rules.tsv"),
    )
    .expect("the shipped lists read")
}

/// The page's state with learning; `lists`: the word lists have arrived.
fn mount_with(lists: bool) -> (UnmountHandle<web_sys::Comment>, AppState, Learning) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let got = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = got.clone();
    let handle = leptos::mount::mount_to(host, move || {
        let app = AppState::new();
        provide_context(app);
        if lists {
            // the word lists the page fetches after first paint, as if they had arrived
            let lists = shipped_lists();
            app.gazetteer.set(Gazetteer::Extra(lists.entries()));
            app.dispatch(Command::UseDetector {
                detector: lists,
                last: true,
            });
        }
        use_autosave(app);
        out.set(Some((app, use_learning(app))));
    });
    let (app, learning) = got.get().expect("mounted");
    (handle, app, learning)
}

fn set_done(app: &AppState, id: &str, done: bool) {
    app.dispatch(Command::SetDone {
        id: id.to_string(),
        done,
    });
}

/// The document joins the page as an import does (one saved change).
fn add(app: &AppState, doc: Document) {
    app.dispatch(Command::Import {
        documents: vec![doc],
        schema: Schema::news(),
        replace: false,
    });
}

#[wasm_bindgen_test]
async fn a_done_document_is_learnt_trained_saved_and_forgotten_when_reopened() {
    clear();
    let (owner, app, learning) = mount();
    let (s, e) = cp(FIRST, "Khyber Mail");
    let first: Document = doc("k", FIRST, vec![Span::manual(s, e, "FAC")]);
    // Not done yet: nothing is learnt.
    add(&app, first);
    sleep(100).await;
    assert_eq!(learning.stats.get_untracked().documents, 0);

    set_done(&app, "k", true);
    until(5000, "trained on the done document", || {
        learning.stats.get_untracked().trained_documents == 1
    })
    .await;
    let stats = learning.stats.get_untracked();
    assert_eq!((stats.documents, stats.spans), (1, 1));
    assert!(stats.training.is_none());

    // New documents get the learnt name, from memory.
    let second = Document::new("n", "n", SECOND);
    let (s2, e2) = cp(SECOND, "Khyber Mail");
    let found = app
        .read(|w| w.suggest(&second))
        .unwrap()
        .into_iter()
        .find(|x| (x.start, x.end) == (s2, e2))
        .expect("Khyber Mail suggested");
    assert_eq!(found.label, "FAC");
    assert_eq!(found.origin, Origin::Memory);

    // Saved (debounced) as the blob, readable by the core.
    until(3000, "the learner saved", || learning.saved.get_untracked()).await;
    let raw = local()
        .get_item(&blob_key(BLOB))
        .unwrap()
        .expect("blob written");
    assert_eq!(Learner::from_json(&raw).unwrap().stats().documents, 1);

    // Reopened: forgotten, and saved so.
    set_done(&app, "k", false);
    until(3000, "forgotten", || {
        learning.stats.get_untracked().documents == 0
    })
    .await;
    until(3000, "saved again", || learning.saved.get_untracked()).await;
    let raw = local().get_item(&blob_key(BLOB)).unwrap().unwrap();
    assert_eq!(Learner::from_json(&raw).unwrap().stats().documents, 0);
    drop(owner);
}

#[wasm_bindgen_test]
async fn a_saved_learner_is_fed_its_done_documents_again_after_loading() {
    clear();
    let (s, e) = cp(FIRST, "Khyber Mail");
    let mut first = doc("k", FIRST, vec![Span::manual(s, e, "FAC")]);
    first.status = spanmark_core::DocStatus::Done;
    let mut learner = Learner::new();
    let tokens = spanmark_core::token::tokenize(FIRST);
    learner.learn_document_with("k", FIRST, &tokens, &[], first.spans());
    learner.train();
    local()
        .set_item(&blob_key(BLOB), &learner.to_json())
        .unwrap();
    let (owner, app, learning) = mount();
    assert_eq!(learning.stats.get_untracked().missing_documents, 1);
    // as storage hands it over (another tab wrote it)
    app.dispatch(Command::Stored(vec![first]));
    learning.retrain();
    until(5000, "fed again", || {
        learning.stats.get_untracked().missing_documents == 0
    })
    .await;
    assert_eq!(learning.stats.get_untracked().trained_documents, 1);
    drop(owner);
}

#[wasm_bindgen_test]
fn a_damaged_blob_is_set_aside_and_learning_starts_afresh() {
    clear();
    let garbage = r#"{"format": "spanmark-learner", "version": 1, "memory": 7"#;
    local().set_item(&blob_key(BLOB), garbage).unwrap();
    let (owner, _app, learning) = mount();
    let (text, error) = learning.message.get_untracked().expect("a notice");
    assert!(error);
    assert!(text.contains("could not be read"), "{text}");
    assert_eq!(learning.stats.get_untracked().documents, 0);
    assert_eq!(local().get_item(&blob_key(BLOB)).unwrap(), None);
    assert_eq!(
        local()
            .get_item(&quarantine_key(&blob_key(BLOB)))
            .unwrap()
            .as_deref(),
        Some(garbage)
    );
    drop(owner);
}

#[wasm_bindgen_test]
async fn done_documents_are_learnt_only_once_the_word_lists_are_in() {
    clear();
    let (owner, app, learning) = mount_with(false);
    let (s, e) = cp(FIRST, "Khyber Mail");
    add(&app, doc("k", FIRST, vec![Span::manual(s, e, "FAC")]));
    sleep(100).await; // the page's effects start listening
    set_done(&app, "k", true);
    sleep(400).await;
    assert_eq!(
        learning.stats.get_untracked().documents,
        0,
        "learnt without the rule features"
    );
    app.dispatch(Command::UseDetector {
        detector: shipped_lists(),
        last: false,
    });
    sleep(400).await;
    assert_eq!(
        learning.stats.get_untracked().documents,
        0,
        "the larger list is still on its way"
    );
    // the larger list failed: no list is on its way any more
    app.dispatch(Command::ListsSettled);
    until(5000, "learnt once no list is on its way", || {
        learning.stats.get_untracked().documents == 1
    })
    .await;
    drop(owner);
}
