//! The rendered article: one keyed element per paragraph (key = index + fingerprint, so an
//! edit re-renders only the paragraphs it touches), one element per span, delegated mouse.

use std::sync::Arc;

use leptos::prelude::*;
use spanmark_core::{Document, SpanState};
use wasm_bindgen::JsCast;

use crate::intent::Intent;
use crate::paragraphs::{chunks, fingerprint, paragraphs, runs, EntityRun, Paragraph, Run};

/// About this many characters per chunk (the unit the browser skips when out of view);
/// the reserved height assumes some 70 characters a line.
const CHUNK_CHARS: usize = 3000;
use crate::selection;
use crate::state::{use_app, AppState};

#[component]
pub fn Article() -> impl IntoView {
    let app = use_app();
    let root = NodeRef::<leptos::html::Div>::new();
    // The text never changes, so the paragraphs are cut once per opened document.
    let layout: Memo<Arc<Vec<Paragraph>>> = Memo::new(move |_| {
        app.current.track();
        Arc::new(
            app.with_current(|d| paragraphs(d.text(), d.index()))
                .unwrap_or_default(),
        )
    });
    let rows = Memo::new(move |_| {
        let selected = app.selected.get();
        let id = app.current.get();
        let paras = layout.get();
        app.documents.with(|docs| {
            let Some(doc) = docs.iter().find(|d| Some(&d.id) == id.as_ref()) else {
                return Vec::new();
            };
            paras
                .iter()
                .enumerate()
                .map(|(i, p)| (i, fingerprint(doc, p, selected)))
                .collect::<Vec<_>>()
        })
    });
    let chunk_ranges = Memo::new(move |_| layout.with(|l| chunks(l, CHUNK_CHARS)));
    let render_row = move |(i, _): (usize, u64)| {
        let para = layout.with_untracked(|l| l.get(i).copied());
        let selected = app.selected.get_untracked();
        let built = para.and_then(|p| app.with_current(|doc| paragraph_view(doc, &p, selected)));
        built.unwrap_or_else(|| view! { <div></div> }.into_any())
    };

    // Keys go to the article as soon as it is shown (not to the button that opened it).
    Effect::new(move |_| {
        app.current.track();
        if let Some(el) = root.get() {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = el.focus_with_options(&opts);
        }
    });

    // Keep the selected span in view (Tab through a long article).
    Effect::new(move |_| {
        let Some((s, e)) = app.selected.get() else {
            return;
        };
        let Some(el) = root.get_untracked() else {
            return;
        };
        request_animation_frame(move || {
            let query = format!("[data-testid=entity][data-start=\"{s}\"][data-end=\"{e}\"]");
            if let Ok(Some(target)) = el.query_selector(&query) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                target.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });

    // One listener for the whole page: a drag that starts in the article may end beside it.
    let handle = window_event_listener(leptos::ev::mouseup, move |ev| {
        if let Some(el) = root.get_untracked() {
            on_pointer_up(app, &el, &ev);
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <div class="article-wrap">
            <div
                class="doc-text"
                data-testid="doc-text"
                lang="und"
                tabindex="-1"
                aria-label="Article"
                node_ref=root
            >
                {move || {
                    chunk_ranges
                        .get()
                        .into_iter()
                        .map(|range| {
                            let chars = layout.with_untracked(|l| {
                                l[range.clone()].iter().map(|p| p.end - p.start).sum::<usize>()
                            });
                            let reserve = format!(
                                "contain-intrinsic-block-size:auto {}lh",
                                chars.div_ceil(70) + range.len(),
                            );
                            let part = Memo::new(move |_| {
                                rows.with(|r| r.get(range.clone()).map(<[_]>::to_vec).unwrap_or_default())
                            });
                            view! {
                                <div class="chunk" style=reserve>
                                    <For each=move || part.get() key=|row| *row children=render_row />
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </div>
    }
}

/// A mouse release: a drag over the article becomes the text to label (pending), a click
/// on a span selects it, a click in the text places the caret. Buttons keep the selection.
fn on_pointer_up(app: AppState, root: &web_sys::HtmlDivElement, ev: &web_sys::MouseEvent) {
    if ev.button() != 0 {
        return;
    }
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let root_node: &web_sys::Node = root.as_ref();
    let in_article = target
        .as_ref()
        .is_some_and(|t| root_node.contains(Some(t.as_ref())));
    if !in_article && target.as_ref().is_some_and(is_control) {
        return;
    }
    let read = app
        .with_current(|d| selection::read(root, d.index()))
        .flatten();
    match read {
        Some(Ok(range)) => app.dispatch(Intent::SetPending(Some(range))),
        Some(Err(caret)) if in_article => {
            let entity = target.and_then(|t| t.closest(".entity").ok().flatten());
            match entity
                .and_then(|e| Some((attr_num(&e, "data-start")?, attr_num(&e, "data-end")?)))
            {
                Some(span) => app.dispatch(Intent::Select(Some(span))),
                None => {
                    app.dispatch(Intent::Select(None));
                    app.dispatch(Intent::SetCaret(caret));
                }
            }
        }
        _ => {
            if app.pending.get_untracked().is_some() {
                app.dispatch(Intent::SetPending(None));
            }
        }
    }
}

/// Buttons, fields and toolbars: clicking them must not drop the text selection.
fn is_control(el: &web_sys::Element) -> bool {
    el.closest("button, input, textarea, select, label, a, [role=toolbar], [role=dialog]")
        .ok()
        .flatten()
        .is_some()
}

fn attr_num(e: &web_sys::Element, name: &str) -> Option<usize> {
    e.get_attribute(name)?.parse().ok()
}

fn paragraph_view(doc: &Document, para: &Paragraph, selected: Option<(usize, usize)>) -> AnyView {
    let children = runs(doc, para, selected)
        .into_iter()
        .map(|run| match run {
            Run::Text(t) => t.into_any(),
            Run::Entity(e) => entity_view(e),
        })
        .collect_view();
    // `data-u16` is selection::PARAGRAPH_ATTR.
    view! { <div class="para" data-u16=para.utf16_start>{children}</div> }.into_any()
}

fn entity_view(e: EntityRun) -> AnyView {
    let s = &e.span;
    let state = if s.state == SpanState::Accepted {
        "accepted"
    } else {
        "suggested"
    };
    let origin = if s.origin.is_manual() {
        "manual"
    } else {
        "auto"
    };
    let mut class = format!("entity {state}");
    if e.selected {
        class.push_str(" selected");
    }
    if e.continued {
        class.push_str(" cont");
    }
    // Few attributes on purpose: a long article has thousands of these (colours come from
    // the label stylesheet, details from the span bar).
    view! {
        <mark
            class=class
            data-testid=if e.continued { "entity-part" } else { "entity" }
            data-label=s.label.clone()
            data-start=s.start
            data-end=s.end
            data-origin=origin
            data-state=state
        >
            {e.text}
        </mark>
    }
    .into_any()
}
