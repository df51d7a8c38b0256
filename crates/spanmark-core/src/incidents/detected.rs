//! A detected document: the detector's spans with the incident rules' events (and the
//! relations they bring) laid over them as suggestions; what `spanmark detect` writes.

use crate::document::Document;
use crate::edit::Edit;
use crate::label::Schema;
use crate::links::LinkEdit;
use crate::span::Span;

/// A document of `text` holding `spans` and, as a suggestion layer, the events `suggest`
/// finds over them; a layer the news schema refuses leaves the document without links.
pub fn detected(text: &str, spans: &[Span]) -> Document {
    let mut doc = Document::new("d", "", text);
    doc.set_spans(spans.to_vec());
    let events = super::suggest(&doc);
    let suggest = Edit::Link(LinkEdit::Suggest {
        events,
        relations: Vec::new(),
    });
    // a refused edit fails before it changes anything: the document keeps no links
    let _ = suggest.apply(&mut doc, &Schema::news());
    doc
}
