//! The adjudication view: one disagreement at a time, inline in its paragraph, each
//! annotator's version under it with its key; the choice buttons mirror the keys.

use leptos::prelude::*;
use spanmark_core::review::{Adjudication, Choice, ReviewSpan};
use spanmark_core::workspace::{Review, ReviewCommand as R};

use crate::state::{use_app, AppState};
use crate::Command;

/// Read the picked review file and carry on its adjudication.
fn open_review_file(app: AppState, ev: web_sys::Event) {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|l| l.get(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        match crate::ui::file::read_bytes(&file).await {
            Ok(bytes) => app.dispatch(Command::Review(R::Open(
                spanmark_core::formats::InputFile {
                    name: file.name(),
                    bytes,
                },
            ))),
            Err(why) => app.say(why, true),
        }
    });
}

/// Download the adjudication as a review file (`gold.review.json`), as `spanmark adjudicate` writes it.
fn download_review_file(app: AppState) {
    let Some(Some(json)) = app.read(|w| w.review().adjudication.as_ref().map(|a| a.to_json()))
    else {
        return;
    };
    let file = spanmark_core::formats::ExportFile {
        name: "gold.review.json".into(),
        bytes: json.into_bytes(),
    };
    match crate::transfer::export::download(&file, "application/json") {
        Ok(()) => app.say("Downloaded gold.review.json.", false),
        Err(e) => app.say(format!("The download did not start: {e}"), true),
    }
}

/// One annotator's version: their key, name and spans as (text, label).
type Version = (usize, String, Vec<(String, String)>);

/// The disagreement shown, as the view needs it.
#[derive(Clone, PartialEq)]
struct Shown {
    title: String,
    gold: String,
    /// the paragraph: text before, the disagreement's stretch, text after
    before: String,
    stretch: String,
    after: String,
    /// (key, annotator, their spans as (text, label))
    versions: Vec<Version>,
    decision: Option<String>,
    /// positions of this document's disagreements: (position, decided)
    chips: Vec<(usize, bool)>,
    position: usize,
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn describe(adj: &Adjudication, choice: &Choice) -> String {
    match choice {
        Choice::Take { annotator } => format!("took {}'s version", adj.name(*annotator)),
        Choice::Both => "kept both".into(),
        Choice::Neither => "kept neither".into(),
        Choice::Edit { spans } => format!(
            "edited ({} span{})",
            spans.len(),
            if spans.len() == 1 { "" } else { "s" }
        ),
    }
}

fn shown(r: &Review) -> Option<Shown> {
    let adj = r.adjudication.as_ref()?;
    let position = r.position?;
    let (case, item, decision) = adj.item(position)?;
    let (c, _) = adj.at(position)?;
    let chars: Vec<char> = case.text.chars().collect();
    let para_start = chars[..item.start]
        .iter()
        .rposition(|&ch| ch == '\n')
        .map_or(0, |i| i + 1);
    let para_end = chars[item.end..]
        .iter()
        .position(|&ch| ch == '\n')
        .map_or(chars.len(), |i| item.end + i);
    let span_text = |s: &ReviewSpan| (slice(&case.text, s.start, s.end), s.label.clone());
    Some(Shown {
        title: case.title.clone(),
        gold: r.gold_of(c).unwrap_or_default().to_string(),
        before: slice(&case.text, para_start, item.start),
        stretch: slice(&case.text, item.start, item.end),
        after: slice(&case.text, item.end, para_end),
        versions: case
            .annotators
            .iter()
            .zip(&item.versions)
            .map(|(&k, spans)| (k + 1, adj.name(k), spans.iter().map(span_text).collect()))
            .collect(),
        decision: decision.map(|d| describe(adj, &d.choice)),
        chips: adj
            .positions_in(c)
            .map(|p| (p, adj.item(p).is_some_and(|(_, _, d)| d.is_some())))
            .collect(),
        position,
    })
}

#[component]
pub fn AdjudicatePanel() -> impl IntoView {
    let app = use_app();
    let running = move || {
        app.with_review(|r| r.adjudication.is_some())
            .unwrap_or(false)
    };
    let has_team = move || app.with_review(|r| r.team.is_some()).unwrap_or(false);
    let accept = move || {
        app.with_review(|r| r.settings.accept_agreed)
            .unwrap_or(true)
    };
    let progress = move || {
        app.with_review(|r| {
            r.adjudication
                .as_ref()
                .map(|a| (a.len() - a.remaining(), a.len(), a.cases.len()))
        })
        .flatten()
    };
    // `n` moves only the shown disagreement: these memos recompute, and each part of the
    // view below changes in place (the chips only when the document or a decision changes).
    let current = Memo::new(move |_| app.with_review_at(shown).flatten());
    let part = move |f: fn(&Shown) -> String| move || current.with(|s| s.as_ref().map(f));
    let versions = Memo::new(move |_| current.with(|s| s.as_ref().map(|s| s.versions.clone())));
    let chips = Memo::new(move |_| current.with(|s| s.as_ref().map(|s| s.chips.clone())));
    let here = Memo::new(move |_| current.with(|s| s.as_ref().map(|s| s.position)));
    // the panel comes into view when the adjudication starts or the view opens on it
    let panel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |scrolled: Option<bool>| {
        if !current.with(Option::is_some) {
            return false;
        }
        if scrolled == Some(true) {
            return true;
        }
        let Some(panel) = panel.get() else {
            return false;
        };
        crate::ui::scroll::into_view(&panel, web_sys::ScrollLogicalPosition::Start);
        true
    });
    let open_gold = move |_| {
        let Some(gold) = current.with_untracked(|s| s.as_ref().map(|s| s.gold.clone())) else {
            return;
        };
        app.dispatch(Command::Review(R::Show(false)));
        app.dispatch(Command::Open(gold));
    };
    let send = move |c: R| move |_| app.dispatch(Command::Review(c.clone()));
    view! {
        <section class="adjudicate" data-testid="adjudicate">
            <h2>"Adjudication"</h2>
            <Show when=move || !running()>
                <label class="setting">
                    <input type="checkbox" data-testid="accept-agreed" prop:checked=accept
                        on:change=move |ev| app.dispatch(Command::Review(R::AcceptAgreed(event_target_checked(&ev)))) />
                    " Accept spans every annotator agrees on without asking"
                </label>
                <button data-testid="start-adjudication" prop:disabled=move || !has_team() on:click=send(R::Start)>
                    "Start: make gold documents"
                </button>
                " "
                <label class="file-button" title="A review file from “spanmark adjudicate” or from “Download review file”: carry on where it stands">
                    "Open a review file…"
                    <input type="file" accept=".json,application/json" data-testid="review-file-open" class="visually-hidden" on:change=move |ev| open_review_file(app, ev) />
                </label>
            </Show>
            {move || progress().map(|(done, all, docs)| view! {
                <p class="progress" data-testid="adjudication-progress">
                    {format!("{done} of {all} disagreements decided in {docs} document{}", if docs == 1 { "" } else { "s" })}
                    " "<button data-testid="download-review" title="The review file: every disagreement, the choices so far and their undo steps (spanmark-review, docs/review.md)" on:click=move |_| download_review_file(app)>"Download review file"</button>
                    " "<button data-testid="finish-review" title="Stop adjudicating; the gold documents stay in the list" on:click=send(R::Finish)>"Finish"</button>
                </p>
            })}
            <Show when=move || current.with(Option::is_some)>
                <div class="disagreement" data-testid="disagreement" node_ref=panel>
                    <h3>{part(|s| s.title.clone())}" "<button class="link" data-testid="open-gold" on:click=open_gold>"open gold document"</button></h3>
                    <p class="context">{part(|s| s.before.clone())}<mark data-testid="stretch">{part(|s| s.stretch.clone())}</mark>{part(|s| s.after.clone())}</p>
                    <ul class="versions">
                        {move || versions.get().unwrap_or_default().into_iter().map(|(key, name, spans)| view! {
                            <li data-testid="version">
                                <button on:click=send(R::Take(key - 1))><kbd>{key}</kbd>" "{name}</button>
                                {if spans.is_empty() {
                                    view! { <span class="hint">" no span"</span> }.into_any()
                                } else {
                                    spans.into_iter().map(|(t, l)| {
                                        let shown = l.clone();
                                        view! { <span class="version-span" data-label=l>" “"{t}"” "<small>{shown}</small></span> }
                                    }).collect_view().into_any()
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p class="decision" data-testid="decision">{part(|s| s.decision.clone().unwrap_or_else(|| "undecided".into()))}</p>
                    <div class="tools" role="toolbar" aria-label="Adjudicate">
                        <button on:click=send(R::Both)><kbd>"b"</kbd>" both"</button>
                        <button on:click=send(R::Neither)><kbd>"x"</kbd>" neither"</button>
                        <button on:click=send(R::Edit)><kbd>"e"</kbd>" edit"</button>
                        <button on:click=send(R::Prev)><kbd>"p"</kbd>" previous"</button>
                        <button on:click=send(R::Next)><kbd>"n"</kbd>" next"</button>
                        <button data-testid="review-undo" on:click=send(R::Undo)>"↶ undo choice"</button>
                    </div>
                    <ol class="chips" aria-label="Disagreements in this document">
                        {move || chips.get().unwrap_or_default().into_iter().map(|(p, decided)| view! {
                            <li><button class="chip" class:decided=decided class:here=move || here.get() == Some(p) data-testid="chip"
                                on:click=send(R::Go(p))>{p + 1}</button></li>
                        }).collect_view()}
                    </ol>
                </div>
            </Show>
        </section>
    }
}
