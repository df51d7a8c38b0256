//! Downloads: every document as Spanmark JSON (the core writes and self-checks the file;
//! this only hands the bytes to the browser as a download).

use leptos::prelude::*;
use spanmark_core::formats::{self, ExportFile, ExportOptions, Format, SpanChoice};
use wasm_bindgen::JsCast;

use crate::state::AppState;

impl AppState {
    /// Export all documents, suggestions included (Spanmark JSON keeps their state).
    pub fn export_json(&self) {
        let date = crate::ui::today();
        let options = ExportOptions {
            spans: SpanChoice::WithSuggestions,
            date,
            ..ExportOptions::default()
        };
        let result = self.schema.with_untracked(|schema| {
            self.documents
                .with_untracked(|docs| formats::export(Format::Spanmark, docs, schema, &options))
        });
        match result
            .map_err(|e| e.to_string())
            .and_then(|x| x.single_file("spanmark.zip").map_err(|e| e.to_string()))
        {
            Ok(file) => {
                if let Err(e) = download(&file, "application/json") {
                    self.say(format!("The download did not start: {e}"), true);
                }
            }
            Err(e) => self.say(format!("Export failed: {e}"), true),
        }
    }
}

/// Hand a file to the browser as a download.
pub fn download(file: &ExportFile, mime: &str) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let bytes = js_sys::Uint8Array::from(file.bytes.as_slice());
    let parts = js_sys::Array::of1(&bytes);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(&file.name);
    a.set_hidden(true);
    document
        .body()
        .ok_or("no body")?
        .append_child(&a)
        .map_err(err)?;
    a.click();
    a.remove();
    // Revoke later: the download reads the URL after this tick.
    let revoke = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
