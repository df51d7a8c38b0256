//! The agreement table: per pair strict and overlap F1, kappa and the outcome counts, alpha
//! for everyone; for the selected pair per-label F1 bars and the label × label confusion matrix.

use leptos::prelude::*;
use spanmark_core::review::{Agreement, Team};
use spanmark_core::workspace::ReviewCommand as R;

use crate::state::use_app;
use crate::Command;

/// One row of the pair table, as shown.
#[derive(Clone, PartialEq)]
struct PairRow {
    name: String,
    cells: Vec<String>,
}

/// One label of the selected pair: name, strict F1, A's and B's span counts, token kappa.
#[derive(Clone, PartialEq)]
struct LabelRow {
    label: String,
    f1: f64,
    a: usize,
    b: usize,
    kappa: f64,
}

fn pair_rows(team: &Team, agreement: &Agreement) -> Vec<PairRow> {
    agreement
        .pairs
        .iter()
        .map(|p| {
            let (s, o) = (&p.spans.overall, &p.spans.outcomes);
            PairRow {
                name: format!("{} – {}", team.name(p.a), team.name(p.b)),
                cells: vec![
                    p.documents.to_string(),
                    format!("{:.1}", s.f1_strict()),
                    format!("{:.1}", s.f1_overlap()),
                    format!("{:.3}", p.kappa),
                    o.agreed.to_string(),
                    o.label_differs.to_string(),
                    o.boundary_differs.to_string(),
                    o.both_differ.to_string(),
                    o.only_a.to_string(),
                    o.only_b.to_string(),
                ],
            }
        })
        .collect()
}

const HEADS: [&str; 10] = [
    "docs",
    "F1 strict",
    "F1 overlap",
    "kappa",
    "agreed",
    "label differs",
    "boundary differs",
    "both differ",
    "only A",
    "only B",
];

#[component]
pub fn AgreementTable() -> impl IntoView {
    let app = use_app();
    // A memo: moving through disagreements changes the review, not these rows, and the
    // table is not drawn again for it.
    let data = Memo::new(move |_| {
        app.with_review(|r| {
            let (team, agreement) = (r.team.as_ref()?, r.agreement.as_ref()?);
            let pair = agreement.pairs.get(r.pair)?;
            let labels: Vec<LabelRow> = agreement
                .labels_in(&pair.spans)
                .map(|(l, t, _)| {
                    let i = agreement.labels.iter().position(|x| x == l).unwrap_or(0);
                    LabelRow {
                        label: l.to_string(),
                        f1: t.f1_strict(),
                        a: t.a,
                        b: t.b,
                        kappa: pair.label_kappa.get(i).copied().unwrap_or(f64::NAN),
                    }
                })
                .collect();
            let c = &pair.spans.confusion;
            let mut heads: Vec<String> = c.labels.clone();
            heads.push("(none)".into());
            Some((
                pair_rows(team, agreement),
                r.pair,
                agreement.all.alpha,
                (team.name(pair.a).to_string(), team.name(pair.b).to_string()),
                labels,
                (heads, c.counts.clone()),
            ))
        })
        .flatten()
    });
    view! {
        {move || data.get().map(|(rows, selected, alpha, (a, b), labels, (heads, counts))| view! {
            <section class="agreement" data-testid="agreement">
                <h2>"Agreement"</h2>
                <table class="agreement-table" data-testid="agreement-table">
                    <thead><tr><th scope="col">"pair"</th>{HEADS.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().enumerate().map(|(p, row)| view! {
                            <tr data-testid="agreement-pair" class:selected=p == selected
                                title="Show this pair's labels and confusion matrix"
                                on:click=move |_| app.dispatch(Command::Review(R::SelectPair(p)))>
                                <th scope="row">{row.name}</th>
                                {row.cells.into_iter().enumerate().map(|(i, c)| view! { <td data-col=HEADS[i]>{c}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p data-testid="alpha">"Krippendorff's alpha (all annotators, tokens): "<strong>{format!("{alpha:.3}")}</strong></p>
                <h3>{format!("Per label: {a} – {b}")}</h3>
                <table class="label-table" data-testid="label-table">
                    <thead><tr><th scope="col">"label"</th><th scope="col">"F1 strict"</th><th scope="col">{a.clone()}</th><th scope="col">{b.clone()}</th><th scope="col">"kappa"</th></tr></thead>
                    <tbody>
                        {labels.into_iter().map(|l| view! {
                            <tr data-testid="label-row" data-label=l.label.clone()>
                                <th scope="row">{l.label.clone()}</th>
                                <td class="bar-cell">
                                    <span class="bar" style=format!("width: {:.0}%", l.f1.clamp(0.0, 100.0))></span>
                                    <span class="bar-value" data-testid="label-f1">{format!("{:.1}", l.f1)}</span>
                                </td>
                                <td>{l.a}</td><td>{l.b}</td><td>{format!("{:.3}", l.kappa)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <h3>{format!("Confusion: rows {a}, columns {b}")}</h3>
                <table class="confusion" data-testid="confusion">
                    <thead><tr><th></th>{heads.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {counts.into_iter().enumerate().map(|(i, row)| {
                            let head = heads[i].clone();
                            view! {
                                <tr><th scope="row">{head}</th>
                                    {row.into_iter().enumerate().map(|(j, n)| view! {
                                        <td class:diagonal=i == j class:empty=n == 0>{n}</td>
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        })}
    }
}
