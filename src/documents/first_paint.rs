//! The static frame in index.html paints before the WebAssembly arrives; when the app
//! starts it removes the frame and carries over what the user typed into it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the user typed into the frame's form before the app started.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub text: String,
    /// The frame's article box had the focus (the app's box gets it).
    pub focused: bool,
    /// The user pressed Annotate (or Ctrl+Enter) in the frame: annotate at once.
    pub submit: bool,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.text.is_empty()
    }
}

/// The draft carried over from the frame, in context until the first new-document form
/// takes it.
#[derive(Clone, Copy)]
pub struct Carried(StoredValue<Option<Draft>>);

impl Carried {
    pub fn new(draft: Option<Draft>) -> Self {
        Carried(StoredValue::new(draft))
    }

    /// The draft, once (the first new-document form takes it).
    pub fn take(&self) -> Option<Draft> {
        self.0.try_update_value(Option::take).flatten()
    }
}

/// What the app does with the frame's draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TakeOver {
    /// Nothing was typed: the app opens as usual.
    Nothing,
    /// Show the new-document form with the draft in it (`carried`).
    ShowForm,
    /// The user already pressed Annotate: make the document.
    Annotate { title: String, text: String },
}

/// Remove the frame (id `shell`) and say what to do with what was typed into it, and the
/// draft for the new-document form (when something was typed or the frame had the focus).
pub fn take_over() -> (TakeOver, Option<Draft>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return (TakeOver::Nothing, None);
    };
    let Some(frame) = document.get_element_by_id("shell") else {
        return (TakeOver::Nothing, None);
    };
    let value = |id: &str| -> String {
        let Some(el) = document.get_element_by_id(id) else {
            return String::new();
        };
        if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.value()
        } else if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value()
        } else {
            String::new()
        }
    };
    let focused = document
        .active_element()
        .is_some_and(|el| el.id() == "shell-text" || el.id() == "shell-title");
    let draft = Draft {
        title: value("shell-title"),
        text: value("shell-text"),
        focused,
        submit: frame.get_attribute("data-submit").as_deref() == Some("yes"),
    };
    frame.remove();
    if draft.submit && !draft.text.trim().is_empty() {
        let annotate = TakeOver::Annotate {
            title: draft.title,
            text: draft.text,
        };
        return (annotate, None);
    }
    let typed = !draft.is_empty();
    let carried = (typed || focused).then_some(draft);
    let action = if typed {
        TakeOver::ShowForm
    } else {
        TakeOver::Nothing
    };
    (action, carried)
}

/// A `performance.mark` for the performance script (e2e/perf/first-paint.mjs).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
