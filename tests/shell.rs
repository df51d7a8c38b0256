//! The static first-paint frame (index.html) in a real browser: the app takes it over,
//! keeps what was typed into it, and leaves nothing behind.

use spanmark::documents::first_paint::{take_over, Draft, TakeOver};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn frame(title: &str, text: &str) -> web_sys::Document {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    div.set_id("shell");
    div.set_inner_html(
        r#"<input type="text" id="shell-title"><textarea id="shell-text"></textarea>"#,
    );
    document.body().unwrap().append_child(&div).unwrap();
    let input: web_sys::HtmlInputElement = document
        .get_element_by_id("shell-title")
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(title);
    let area: web_sys::HtmlTextAreaElement = document
        .get_element_by_id("shell-text")
        .unwrap()
        .dyn_into()
        .unwrap();
    area.set_value(text);
    area.focus().unwrap();
    document
}

#[wasm_bindgen_test]
fn what_was_typed_is_carried_once_and_the_frame_goes() {
    let document = frame("Early", "Militants attacked Quetta — “again”. 😢");
    let (action, carried) = take_over();
    assert_eq!(action, TakeOver::ShowForm, "something was typed");
    assert!(
        document.get_element_by_id("shell").is_none(),
        "frame removed"
    );
    assert_eq!(
        carried,
        Some(Draft {
            title: "Early".into(),
            text: "Militants attacked Quetta — “again”. 😢".into(),
            focused: true,
            submit: false,
        })
    );
}

#[wasm_bindgen_test]
fn an_empty_frame_is_removed_and_nothing_opens() {
    let document = frame("  ", "");
    // the focus is in the box, so the app's box gets it, but no form is forced open
    let (action, carried) = take_over();
    assert_eq!(action, TakeOver::Nothing);
    assert!(document.get_element_by_id("shell").is_none());
    assert_eq!(carried.map(|d| d.is_empty()), Some(true));
    // without a frame (the app started again, or tests) there is nothing to take
    assert_eq!(take_over(), (TakeOver::Nothing, None));
}

#[wasm_bindgen_test]
fn annotate_pressed_in_the_frame_makes_the_document_at_once() {
    let document = frame("Early", "Militants attacked Quetta.");
    let shell = document.get_element_by_id("shell").unwrap();
    shell.set_attribute("data-submit", "yes").unwrap();
    assert_eq!(
        take_over(),
        (
            TakeOver::Annotate {
                title: "Early".into(),
                text: "Militants attacked Quetta.".into()
            },
            None
        ),
        "nothing left for a form"
    );
    // pressed with an empty box: nothing to annotate
    let document = frame("", "   ");
    document
        .get_element_by_id("shell")
        .unwrap()
        .set_attribute("data-submit", "yes")
        .unwrap();
    assert_eq!(take_over().0, TakeOver::ShowForm);
}
