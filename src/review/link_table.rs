//! Events and relations in the agreement view, when the annotators' files carry them: per pair
//! strict F1 of triggers, whole events, arguments and relations, and the ACE scores of `spanmark eval`.

use leptos::prelude::*;
use spanmark_core::review::{Agreement, Team};

use crate::state::use_app;

const HEADS: [&str; 6] = [
    "triggers",
    "events",
    "arguments",
    "relations",
    "ACE detection",
    "ACE arguments",
];

/// Each pair's name and its six F1 values, one decimal, as `spanmark agree` prints them.
fn rows(team: &Team, agreement: &Agreement) -> Vec<(String, Vec<String>)> {
    agreement
        .pairs
        .iter()
        .map(|p| {
            let l = &p.links;
            let cells = [
                l.triggers.f1_strict(),
                l.events.f1_strict(),
                l.arguments.f1_strict(),
                l.relations.f1_strict(),
                100.0 * l.ace.detection.f1(),
                100.0 * l.ace.arguments.f1(),
            ];
            (
                format!("{} – {}", team.name(p.a), team.name(p.b)),
                cells.iter().map(|f| format!("{f:.1}")).collect(),
            )
        })
        .collect()
}

#[component]
pub fn LinkTable() -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        app.with_review(|r| {
            let (team, agreement) = (r.team.as_ref()?, r.agreement.as_ref()?);
            (!agreement.all.links.is_empty()).then(|| rows(team, agreement))
        })
        .flatten()
    });
    view! {
        {move || data.get().map(|rows| view! {
            <section class="link-agreement">
            <h3>"Events and relations (F1; strict: same type and offsets; ACE as "<code>"spanmark eval"</code>", first of the pair as gold)"</h3>
            <table class="agreement-table" data-testid="link-agreement">
                <thead><tr><th scope="col">"pair"</th>{HEADS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, cells)| view! {
                        <tr data-testid="link-pair"><th scope="row">{name}</th>
                            {cells.into_iter().enumerate().map(|(i, c)| view! { <td data-col=HEADS[i]>{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </section>
        })}
    }
}
