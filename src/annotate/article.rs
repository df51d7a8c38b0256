//! The rendered article: one keyed element per paragraph (key = index + fingerprint, so an
//! edit re-renders only the paragraphs it touches), one element per span, delegated mouse.
//! Fingerprints are kept between edits: an edit refingerprints only the paragraphs the core
//! says it touched (`Document::touched_since`), not all of a long article. Selecting a span
//! sets a class on its elements and re-renders nothing.

use std::sync::Arc;

use leptos::prelude::*;
use spanmark_core::{Document, SpanState};
use wasm_bindgen::JsCast;

use crate::annotate::markup::{entity_class, origin_of, paragraph_markup, state_of, trigger_class};
use crate::annotate::paragraphs::{
    chunks, fingerprint, paragraphs, runs, touching, EntityRun, Paragraph, Run, TriggerRun,
};
use crate::Command;

/// About this many characters per chunk (the unit the browser skips when out of view);
/// the reserved height assumes some 70 characters a line.
const CHUNK_CHARS: usize = 3000;
use crate::dom::selection;
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
    let rows = Memo::new(move |prev: Option<&Rows>| {
        let id = app.current.get();
        let paras = layout.get();
        app.documents.with(|docs| {
            let Some(doc) = docs.iter().find(|d| Some(&d.id) == id.as_ref()) else {
                return Rows::default();
            };
            Rows::of(doc, paras, prev)
        })
    });
    let chunk_ranges = Memo::new(move |_| layout.with(|l| chunks(l, CHUNK_CHARS)));
    let render_row = move |(i, _): (usize, u64)| {
        let para = layout.with_untracked(|l| l.get(i).copied());
        let selected = app.selected.get_untracked();
        let event = app.link_focus.with_untracked(|f| f.event);
        let built =
            para.and_then(|p| app.with_current(|doc| paragraph_view(doc, &p, selected, event)));
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

    // The selected span: its elements get the `selected` class (a paragraph built later
    // reads the selection itself), and it is kept in view (Tab through a long article).
    Effect::new(move |prev: Option<Option<(usize, usize)>>| {
        let now = app.selected.get();
        let Some(el) = root.get_untracked() else {
            return now;
        };
        if let Some(Some(old)) = prev.filter(|p| *p != now) {
            mark_selected(&el, layout, old, false);
        }
        let Some(span) = now else {
            return now;
        };
        let first = mark_selected(&el, layout, span, true);
        request_animation_frame(move || {
            // The selection moved on before this frame (Enter right after a click): the
            // newer run of this effect marks it; marking this span again would leave two.
            if app.selected.get_untracked() != Some(span) {
                return;
            }
            // A span whose paragraph was rebuilt after this ran is looked for again.
            let target = first
                .filter(|t| t.is_connected())
                .or_else(|| mark_selected(&el, layout, span, true));
            if let Some(target) = target {
                crate::ui::scroll::into_view(&target, web_sys::ScrollLogicalPosition::Nearest);
            }
        });
        now
    });

    // The selected event: its trigger words get the `event-selected` class (a paragraph
    // built later reads it itself).
    Effect::new(move |prev: Option<Option<(usize, usize)>>| {
        let now = app.link_focus.with(|f| f.event);
        if let Some(el) = root.get_untracked() {
            if let Some(Some(old)) = prev.filter(|p| *p != now) {
                mark_trigger(&el, old, false);
            }
            if let Some(event) = now {
                mark_trigger(&el, event, true);
            }
        }
        now
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
                            let part = Memo::new(move |_| rows.with(|r| r.part(range.clone())));
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

/// A fingerprint of each paragraph of the open document, and what they were computed from.
#[derive(Clone, Default)]
struct Rows {
    doc: Option<String>,
    version: u64,
    layout: Arc<Vec<Paragraph>>,
    prints: Vec<u64>,
}

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.layout, &other.layout)
            && self.doc == other.doc
            && self.version == other.version
            && self.prints == other.prints
    }
}

impl Rows {
    /// The rows of `doc`: from `prev`, only the paragraphs the spans' changes since then
    /// touched are fingerprinted again; every paragraph when the change is not known.
    fn of(doc: &Document, layout: Arc<Vec<Paragraph>>, prev: Option<&Rows>) -> Rows {
        let print = |i: usize| fingerprint(doc, &layout[i]);
        let known = prev
            .filter(|p| p.doc.as_deref() == Some(doc.id.as_str()))
            .filter(|p| Arc::ptr_eq(&p.layout, &layout) && p.prints.len() == layout.len())
            .and_then(|p| Some((p, doc.touched_since(p.version)?)));
        let prints = match known {
            Some((p, touched)) => {
                let mut prints = p.prints.clone();
                for range in touched {
                    for i in touching(&layout, range) {
                        prints[i] = print(i);
                    }
                }
                prints
            }
            None => (0..layout.len()).map(print).collect(),
        };
        Rows {
            doc: Some(doc.id.clone()),
            version: doc.spans_version(),
            layout,
            prints,
        }
    }

    /// The (paragraph index, fingerprint) keys of a chunk's paragraphs.
    fn part(&self, range: std::ops::Range<usize>) -> Vec<(usize, u64)> {
        let end = range.end.min(self.prints.len());
        let start = range.start.min(end);
        (start..end).map(|i| (i, self.prints[i])).collect()
    }
}

/// Set or clear the `selected` class on the elements of span start..end (looked for in
/// its paragraphs only: a search of the whole article walks thousands of elements).
/// Returns the span's first element.
fn mark_selected(
    root: &web_sys::Element,
    layout: Memo<Arc<Vec<Paragraph>>>,
    (start, end): (usize, usize),
    on: bool,
) -> Option<web_sys::Element> {
    let query = format!("[data-start=\"{start}\"][data-end=\"{end}\"]");
    let starts: Vec<usize> = layout.with_untracked(|l| {
        l[touching(l, start..end)]
            .iter()
            .map(|p| p.utf16_start)
            .collect()
    });
    let mut first = None;
    for u in starts {
        let paragraph = selection::point_of_utf16(root, u)
            .and_then(|(node, _)| match node.dyn_ref::<web_sys::Element>() {
                Some(e) => Some(e.clone()),
                None => node.parent_element(),
            })
            .and_then(|n| {
                n.closest(&format!("[{}]", selection::PARAGRAPH_ATTR))
                    .ok()
                    .flatten()
            });
        let Some(found) = paragraph.and_then(|p| p.query_selector_all(&query).ok()) else {
            continue;
        };
        for i in 0..found.length() {
            let Some(el) = found
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let class = el.class_name();
            let has = class.split(' ').any(|c| c == "selected");
            if on && !has {
                el.set_class_name(&format!("{class} selected"));
            } else if !on && has {
                let kept: Vec<&str> = class.split(' ').filter(|c| *c != "selected").collect();
                el.set_class_name(&kept.join(" "));
            }
            first.get_or_insert(el);
        }
    }
    first
}

/// Set or clear the `event-selected` class on the trigger words of an event.
fn mark_trigger(root: &web_sys::Element, (start, end): (usize, usize), on: bool) {
    let query = format!("[data-trigger-start=\"{start}\"][data-trigger-end=\"{end}\"]");
    let Ok(found) = root.query_selector_all(&query) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = if on {
                el.class_list().add_1("event-selected")
            } else {
                el.class_list().remove_1("event-selected")
            };
        }
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
        Some(Ok(range)) => app.dispatch(Command::SetPending(Some(range))),
        Some(Err(caret)) if in_article => {
            let trigger = target
                .as_ref()
                .and_then(|t| t.closest(".trigger").ok().flatten())
                .and_then(|e| {
                    Some((
                        attr_num(&e, "data-trigger-start")?,
                        attr_num(&e, "data-trigger-end")?,
                    ))
                });
            if let Some(event) = trigger {
                app.dispatch(Command::SelectEvent(Some(event)));
                app.dispatch(Command::SetCaret(caret));
                return;
            }
            let entity = target.and_then(|t| t.closest(".entity").ok().flatten());
            match entity
                .and_then(|e| Some((attr_num(&e, "data-start")?, attr_num(&e, "data-end")?)))
            {
                Some(span) => app.dispatch(Command::Select(Some(span))),
                None => {
                    app.dispatch(Command::Select(None));
                    app.dispatch(Command::SetCaret(caret));
                }
            }
        }
        _ => {
            if app.pending.get_untracked().is_some() {
                app.dispatch(Command::SetPending(None));
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

fn paragraph_view(
    doc: &Document,
    para: &Paragraph,
    selected: Option<(usize, usize)>,
    event: Option<(usize, usize)>,
) -> AnyView {
    let runs = runs(doc, para, selected, event);
    // `data-u16` is selection::PARAGRAPH_ATTR.
    if let Some(html) = paragraph_markup(&runs) {
        return view! { <div class="para" data-u16=para.utf16_start inner_html=html></div> }
            .into_any();
    }
    let children = runs
        .into_iter()
        .map(|run| match run {
            Run::Text(t) => t.into_any(),
            Run::Trigger(t) => trigger_view(t),
            Run::Entity(e) => entity_view(e),
        })
        .collect_view();
    view! { <div class="para" data-u16=para.utf16_start>{children}</div> }.into_any()
}

/// An event's trigger words: underlined, its type after them (a pseudo-element, so the
/// article's text content stays the document's text).
fn trigger_view(t: TriggerRun) -> AnyView {
    let (state, class) = (state_of(t.accepted), trigger_class(&t));
    view! {
        <span
            class=class
            data-testid="trigger"
            data-event=t.kind
            data-trigger-start=t.trigger.0
            data-trigger-end=t.trigger.1
            data-state=state
        >
            {t.text}
        </span>
    }
    .into_any()
}

fn entity_view(e: EntityRun) -> AnyView {
    let s = &e.span;
    let (state, class) = (state_of(s.state == SpanState::Accepted), entity_class(&e));
    // Few attributes on purpose: a long article has thousands of these (colours come from
    // the label stylesheet, details from the span bar).
    view! {
        <mark
            class=class
            data-testid=if e.continued { "entity-part" } else { "entity" }
            data-label=s.label.clone()
            data-start=s.start
            data-end=s.end
            data-origin=origin_of(s)
            data-state=state
        >
            {e.text}
        </mark>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::{Edit, History, Origin, Schema, Span};

    fn full(doc: &Document, layout: &Arc<Vec<Paragraph>>) -> Vec<u64> {
        Rows::of(doc, layout.clone(), None).prints
    }

    #[test]
    fn rows_kept_between_edits_match_rows_made_afresh() {
        let text = "Imran Khan met officials.\n\nLahore and Kabul.\n\nTehran replied.\n";
        let mut doc = Document::new("d", "t", text);
        doc.set_spans(vec![
            Span::suggested(0, 10, "PERSON", Origin::Gazetteer),
            Span::suggested(27, 33, "GPE", Origin::Gazetteer),
            Span::suggested(38, 43, "GPE", Origin::Gazetteer),
            Span::suggested(46, 52, "GPE", Origin::Gazetteer),
        ]);
        let layout = Arc::new(paragraphs(doc.text(), doc.index()));
        let mut rows = Rows::of(&doc, layout.clone(), None);
        let schema = Schema::news();
        let mut history = History::new();
        let edits = [
            Edit::Accept { start: 27, end: 33 },
            Edit::Relabel {
                start: 46,
                end: 52,
                label: "ORG".into(),
            },
            Edit::Add {
                start: 15,
                end: 24,
                label: "ORG".into(),
            },
        ];
        for edit in &edits {
            let before = rows.prints.clone();
            history.record(edit.apply(&mut doc, &schema).unwrap());
            rows = Rows::of(&doc, layout.clone(), Some(&rows));
            assert_eq!(rows.prints, full(&doc, &layout), "{edit:?}");
            let changed = (0..before.len())
                .filter(|&i| before[i] != rows.prints[i])
                .count();
            assert_eq!(changed, 1, "{edit:?} redraws one paragraph");
        }
        history.undo(&mut doc).unwrap();
        rows = Rows::of(&doc, layout.clone(), Some(&rows));
        assert_eq!(rows.prints, full(&doc, &layout), "undo");
        // A change the core cannot place (replacing every span) fingerprints everything.
        doc.set_spans(vec![Span::manual(38, 43, "GPE")]);
        let kept = Rows::of(&doc, layout.clone(), Some(&rows));
        assert_eq!(kept.prints, full(&doc, &layout), "set_spans");
        // Rows of another document are never reused.
        let other = Document::new("e", "t", text);
        assert_eq!(
            Rows::of(&other, layout.clone(), Some(&kept)).prints,
            full(&other, &layout)
        );
    }
}
