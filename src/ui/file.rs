//! Reading a file the user picked or dropped: its text or its bytes, or a sentence naming
//! the file when the browser could not read it.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The file picked in the `<input type="file">` that sent `ev`, with the input cleared so
/// picking the same file again fires once more.
pub fn take_picked(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// The file's text (UTF-8, as the browser decodes it).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| could_not_read(&file.name()))
}

/// The file's bytes.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    JsFuture::from(file.array_buffer())
        .await
        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
        .map_err(|_| could_not_read(&file.name()))
}

/// The sentence for a file that could not be read.
pub fn could_not_read(name: &str) -> String {
    format!("Could not read “{name}”.")
}
