//! wasm-bindgen tests of the events panel glue in headless Chromium: a suggested event accepted
//! by its button in the DOM updates the panel, the saved record and the incident memory's blob.

mod storage_support;

use std::time::Duration;

use leptos::prelude::*;
use spanmark::incidents::panel::EventsPanel;
use spanmark::state::AppState;
use spanmark::storage::{use_autosave, use_event_memory_storage};
use spanmark::Command;
use spanmark_core::incidents::memory::EventMemory;
use spanmark_core::persist::{blob_key, decode_stored, doc_key};
use spanmark_core::workspace::EVENTS_BLOB;
use spanmark_core::SpanState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use storage_support::{clear, local};

wasm_bindgen_test_configure!(run_in_browser);

const ATTACK: &str = "Gunmen attacked a police post in Bannu on Tuesday, killing three officers.";

async fn sleep(ms: u64) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    let r = resolve.expect("promise executor runs at once");
    set_timeout(
        move || {
            let _ = r.call0(&wasm_bindgen::JsValue::NULL);
        },
        Duration::from_millis(ms),
    );
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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

/// The page's state with storage, the incident memory's blob and the events panel, in a
/// host element of its own.
fn mount() -> (Box<dyn std::any::Any>, AppState, web_sys::HtmlElement) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let got = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = got.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let app = AppState::new();
        provide_context(app);
        use_autosave(app);
        use_event_memory_storage(app);
        out.set(Some(app));
        view! { <EventsPanel /> }
    });
    (Box::new(handle), got.get().expect("mounted"), host)
}

fn query(host: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(selector)
        .ok()
        .flatten()
        .map(|e| e.unchecked_into())
}

fn saved_event_state(id: &str) -> Option<SpanState> {
    let raw = local().get_item(&doc_key(id)).ok()??;
    let doc = decode_stored(&raw, Some(id), |key| local().get_item(key).ok().flatten()).ok()?;
    doc.links().events.first().map(|e| e.state)
}

#[wasm_bindgen_test]
async fn accepting_a_suggested_event_by_its_button_updates_the_panel_record_and_memory() {
    clear();
    let (handle, app, host) = mount();
    app.dispatch(Command::Create {
        title: "Bannu".into(),
        text: ATTACK.into(),
    });
    let id = app
        .current
        .get_untracked()
        .expect("the new document is open");
    until(2000, "the suggested event row", || {
        query(&host, "[data-testid=event-row][data-state=suggested]").is_some()
    })
    .await;
    let row = query(&host, "[data-testid=event-row]").unwrap();
    assert_eq!(row.dataset().get("type").as_deref(), Some("ATTACK"));
    assert_eq!(row.dataset().get("trigger").as_deref(), Some("attacked"));

    query(&host, "[data-testid=event-accept]")
        .expect("the row's accept button")
        .click();
    until(2000, "the row shown accepted", || {
        query(&host, "[data-testid=event-row][data-state=accepted]").is_some()
    })
    .await;
    until(3000, "the record saved with the accepted event", || {
        saved_event_state(&id) == Some(SpanState::Accepted)
    })
    .await;
    let blob = local()
        .get_item(&blob_key(EVENTS_BLOB))
        .unwrap()
        .expect("the incident memory saved");
    let memory = EventMemory::from_blob(&blob).unwrap();
    assert_eq!(memory.kind_of("attacked"), Some("ATTACK"));

    // Ctrl+Z through the workspace: the panel shows it suggested again
    app.dispatch(Command::Undo);
    until(2000, "suggested again after undo", || {
        query(&host, "[data-testid=event-row][data-state=suggested]").is_some()
    })
    .await;
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_saved_incident_memory_is_read_back_when_the_page_starts() {
    clear();
    let mut memory = EventMemory::default();
    memory
        .triggers
        .entry("ransacked".into())
        .or_default()
        .insert("ATTACK".into(), 1);
    local()
        .set_item(&blob_key(EVENTS_BLOB), &memory.to_blob())
        .unwrap();
    let (handle, app, host) = mount();
    app.dispatch(Command::Create {
        title: "Riot".into(),
        text: "A mob ransacked the market in Quetta.".into(),
    });
    until(2000, "the remembered trigger suggested", || {
        query(&host, "[data-testid=event-row][data-trigger=ransacked]").is_some()
    })
    .await;
    drop(handle);
    host.remove();
}
