//! The review view as a whole (shown instead of the article when the header's Review tab
//! is on) and the tab that opens and closes it.

use leptos::prelude::*;
use spanmark_core::workspace::ReviewCommand as R;

use super::adjudicate::AdjudicatePanel;
use super::agreement::AgreementTable;
use super::consistency::ConsistencyPanel;
use super::link_table::LinkTable;
use super::load::LoadPanel;
use crate::state::use_app;
use crate::Command;

#[component]
pub fn ReviewView() -> impl IntoView {
    view! {
        <div class="review" data-testid="review">
            <LoadPanel />
            <AgreementTable />
            <LinkTable />
            <AdjudicatePanel />
            <ConsistencyPanel />
        </div>
    }
}

/// The header's tab: Review opens the view, Annotate goes back to the article.
#[component]
pub fn ReviewTab() -> impl IntoView {
    let app = use_app();
    let open = move || app.review_open.get();
    view! {
        <button data-testid="review-tab" aria-pressed=move || open().to_string()
            title="Team review: compare annotators, measure agreement, adjudicate"
            on:click=move |_| app.dispatch(Command::Review(R::Show(!open())))>
            {move || if open() { "✎ Annotate" } else { "⚖ Review" }}
        </button>
    }
}
