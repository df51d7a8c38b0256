//! The all-documents Incidents view (the header's Incidents tab): every event of every
//! document in one table, sorted by a header, filtered by type and text; a row opens its event.
//!
//! Rows, sorting and filtering are `spanmark_core::incidents::view` (tested natively); this
//! draws them, windowed past `WINDOW_AFTER` rows, and opens a row by `Command`s.

use leptos::prelude::*;
use spanmark_core::incidents::view::{shown, view_rows, Column, ViewRow};

use crate::state::{use_app, AppState};
use crate::Command;

/// More rows than this are drawn as a window around the scroll position.
pub const WINDOW_AFTER: usize = 200;
/// The height of a row in pixels when windowed (style/incidents.css keeps rows to it).
pub const ROW_PX: f64 = 32.0;
/// Rows drawn above and below the visible ones.
const SPARE: usize = 10;

/// Whether the view is open and how it is sorted and filtered (page state, not saved).
#[derive(Clone, Copy)]
pub struct IncidentsView {
    pub open: RwSignal<bool>,
    pub sort: RwSignal<Option<(Column, bool)>>,
    pub kind: RwSignal<Option<String>>,
    pub filter: RwSignal<String>,
    scroll: RwSignal<f64>,
    height: RwSignal<f64>,
}

impl IncidentsView {
    /// Provide the view's state; call once in `App`.
    pub fn provide() -> Self {
        let v = IncidentsView {
            open: RwSignal::new(false),
            sort: RwSignal::new(None),
            kind: RwSignal::new(None),
            filter: RwSignal::new(String::new()),
            scroll: RwSignal::new(0.0),
            height: RwSignal::new(600.0),
        };
        provide_context(v);
        v
    }
}

pub fn use_incidents_view() -> IncidentsView {
    expect_context::<IncidentsView>()
}

/// The rows drawn out of `n` shown: all of them up to `WINDOW_AFTER`, else those in view.
pub fn drawn(n: usize, scroll_px: f64, height_px: f64) -> std::ops::Range<usize> {
    if n <= WINDOW_AFTER {
        return 0..n;
    }
    let first = ((scroll_px / ROW_PX).floor().max(0.0) as usize).saturating_sub(SPARE);
    let visible = (height_px / ROW_PX).ceil().max(1.0) as usize;
    let first = first.min(n);
    first..(first + visible + 2 * SPARE).min(n)
}

/// The header's tab: Incidents opens the table of every event, Annotate goes back.
#[component]
pub fn IncidentsTab() -> impl IntoView {
    let app = use_app();
    let view = use_incidents_view();
    let open = move || view.open.get() && !app.review_open.get();
    view! {
        <button data-testid="incidents-tab" aria-pressed=move || open().to_string()
            title="Every event of every document in one table"
            on:click=move |_| {
                if app.review_open.get_untracked() {
                    app.dispatch(Command::Review(spanmark_core::workspace::ReviewCommand::Show(false)));
                    view.open.set(true);
                } else {
                    view.open.update(|o| *o = !*o);
                }
            }>
            {move || if open() { "✎ Annotate" } else { "☰ Incidents" }}
        </button>
    }
}

/// Open a row's document with its event selected, then scroll its trigger into view.
fn open_row(app: AppState, view: IncidentsView, row: &ViewRow) {
    let (id, start, end) = (row.row.document.clone(), row.start, row.end);
    view.open.set(false);
    if app.current.get_untracked().as_deref() != Some(id.as_str()) {
        app.dispatch(Command::Open(id));
    }
    app.dispatch(Command::SelectEvent(Some((start, end))));
    scroll_to_trigger(start, end, 20);
}

/// The article is drawn a frame or two after it opens: look for the trigger a few times.
fn scroll_to_trigger(start: usize, end: usize, tries: u32) {
    request_animation_frame(move || {
        let query = format!(
            "[data-testid=doc-text] [data-trigger-start=\"{start}\"][data-trigger-end=\"{end}\"]"
        );
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&query).ok().flatten());
        match found {
            Some(el) => {
                crate::ui::scroll::into_view(&el, web_sys::ScrollLogicalPosition::Center);
            }
            None if tries > 0 => scroll_to_trigger(start, end, tries - 1),
            None => {}
        }
    });
}

#[component]
pub fn AllIncidents() -> impl IntoView {
    let app = use_app();
    let view = use_incidents_view();
    let rows = Memo::new(move |_| app.documents.with(view_rows));
    let kinds = Memo::new(move |_| {
        app.schema_rev.track();
        app.schema
            .with(|s| s.events.iter().map(|t| t.name.clone()).collect::<Vec<_>>())
    });
    let order = Memo::new(move |_| {
        let sort = view.sort.get();
        let kind = view.kind.get();
        let filter = view.filter.get();
        rows.with(|r| shown(r, sort, kind.as_deref(), &filter))
    });
    let window =
        Memo::new(move |_| drawn(order.with(Vec::len), view.scroll.get(), view.height.get()));
    let header = move |c: Column| {
        let sorted = move || view.sort.get().filter(|(s, _)| *s == c).map(|(_, d)| d);
        view! {
            <th scope="col" aria-sort=move || match sorted() {
                Some(true) => "descending",
                Some(false) => "ascending",
                None => "none",
            }>
                <button data-testid="incidents-sort" data-column=c.name()
                    title=format!("Sort by {} (again: the other way)", c.name())
                    on:click=move |_| view.sort.set(Some((c, sorted() == Some(false))))>
                    {c.name()}
                    {move || match sorted() { Some(true) => " ▼", Some(false) => " ▲", None => "" }}
                </button>
            </th>
        }
    };
    let body = move || {
        let range = window.get();
        let n = order.with(Vec::len);
        let windowed = n > WINDOW_AFTER;
        let top = (windowed && range.start > 0).then(|| {
            let h = format!("height:{}px", range.start as f64 * ROW_PX);
            view! { <tr class="spacer" aria-hidden="true"><td colspan="11" style=h></td></tr> }
        });
        let bottom = (windowed && range.end < n).then(|| {
            let h = format!("height:{}px", (n - range.end) as f64 * ROW_PX);
            view! { <tr class="spacer" aria-hidden="true"><td colspan="11" style=h></td></tr> }
        });
        let drawn: Vec<ViewRow> =
            order.with(|o| rows.with(|r| o[range.clone()].iter().map(|&i| r[i].clone()).collect()));
        view! {
            {top}
            {drawn.into_iter().map(|r| row_view(app, view, r)).collect_view()}
            {bottom}
        }
    };
    view! {
        <section class="all-incidents" data-testid="all-incidents" aria-label="Incidents of every document">
            <div class="incidents-head">
                <h2>{move || format!("Incidents ({} of {})", order.with(Vec::len), rows.with(Vec::len))}</h2>
                <label>"Type "
                    <select data-testid="incidents-type" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        view.kind.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=move || view.kind.with(Option::is_none)>"every type"</option>
                        {move || kinds.get().into_iter().map(|k| {
                            let chosen = k.clone();
                            view! { <option value=k.clone() selected=move || view.kind.with(|x| x.as_deref() == Some(chosen.as_str()))>{k.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>"Filter "
                    <input type="search" data-testid="incidents-filter" placeholder="words in any column"
                        prop:value=move || view.filter.get()
                        on:input=move |ev| view.filter.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="incidents-scroll" data-testid="incidents-scroll"
                on:scroll=move |ev| {
                    let el = event_target::<web_sys::Element>(&ev);
                    view.scroll.set(el.scroll_top() as f64);
                    view.height.set(el.client_height() as f64);
                }>
                <table class="incidents-table" data-windowed=move || (order.with(Vec::len) > WINDOW_AFTER).to_string()>
                    <thead><tr>{Column::ALL.into_iter().map(header).collect_view()}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <p class="hint">"Click a row (or Tab to its trigger and press Enter) to open the event in its article."</p>
        </section>
    }
}

fn row_view(app: AppState, view: IncidentsView, r: ViewRow) -> impl IntoView {
    let state = if r.accepted { "accepted" } else { "suggested" };
    let cells: Vec<(Column, String)> = Column::ALL
        .iter()
        .map(|c| (*c, c.text(&r.row).to_string()))
        .collect();
    let open = r.clone();
    let open_button = r.clone();
    view! {
        <tr data-testid="incident-row" data-document=r.row.document.clone() data-type=r.row.kind.clone()
            data-trigger-start=r.start.to_string() data-trigger-end=r.end.to_string() data-state=state
            on:click=move |_| open_row(app, view, &open)>
            {cells.into_iter().map(|(c, text)| {
                if c == Column::Trigger {
                    let row = open_button.clone();
                    view! {
                        <td data-column=c.name()>
                            <button class="link" data-testid="incident-open" title="Open this event in its article"
                                on:click=move |ev| { ev.stop_propagation(); open_row(app, view, &row) }>
                                {text}
                            </button>
                        </td>
                    }.into_any()
                } else {
                    view! { <td data-column=c.name() title=text.clone()>{text.clone()}</td> }.into_any()
                }
            }).collect_view()}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_to_two_hundred_rows_are_all_drawn_and_more_are_windowed() {
        assert_eq!(drawn(150, 9_000.0, 600.0), 0..150);
        assert_eq!(drawn(1000, 0.0, 640.0), 0..40);
        // scrolled to row 500: from 10 rows above it to 10 below the 20 visible
        assert_eq!(drawn(1000, 500.0 * ROW_PX, 640.0), 490..530);
        assert_eq!(drawn(1000, 1e9, 640.0), 1000..1000);
        let end = drawn(1000, 995.0 * ROW_PX, 640.0);
        assert_eq!(end, 985..1000);
    }
}
