//! Keys while an export or import dialog is open: the page's shortcuts stay out (a capture
//! listener on the window stops them first), and Escape presses the open dialog's Cancel.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The open dialogs, each found by the id of its title (an id lookup: an attribute selector
/// would walk the whole page, a 1 MB article's thousands of elements, on every key press),
/// and their cancel buttons.
const DIALOGS: [(&str, &str); 2] = [
    ("export-title", "[data-testid=export-cancel]"),
    ("import-title", "[data-testid=import-cancel]"),
];

/// Install the listener for the page's lifetime. Call once, in `App`.
pub fn install_dialog_keys() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(on_key);
    let _ = window.add_event_listener_with_callback_and_bool(
        "keydown",
        listener.as_ref().unchecked_ref(),
        true,
    );
    listener.forget();
}

fn on_key(ev: web_sys::KeyboardEvent) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for (title, cancel) in DIALOGS {
        let Some(dialog) = document
            .get_element_by_id(title)
            .and_then(|t| t.closest("[role=dialog]").ok().flatten())
        else {
            continue;
        };
        // Native keys (Tab, arrows in a select, Enter on a button) still work: no preventDefault.
        ev.stop_propagation();
        if ev.key() == "Escape" {
            ev.prevent_default();
            if let Some(button) = dialog
                .query_selector(cancel)
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                button.click();
            }
        }
        return;
    }
}
