//! The learning panel in the sidebar: what the learner has learnt and how well it does on
//! the user's own done documents (number and curve), training progress, the slider, export/import/reset.

use leptos::prelude::*;
use spanmark_core::formats::ExportFile;
use spanmark_core::learn::{LearnStats, Learner};

use crate::learning::runner::{use_learning_state, Learning};

/// The model file offered for download (the CLI reads it: `spanmark detect --model`).
pub const MODEL_FILE: &str = "spanmark-model.json";

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// What the learner holds, in one sentence.
pub fn learnt_sentence(s: &LearnStats) -> String {
    if s.documents == 0 {
        return "Nothing learnt yet: mark a document done and its accepted spans are learnt."
            .into();
    }
    format!(
        "Learnt from {} ({}, {}).",
        plural(s.documents, "done document"),
        plural(s.spans, "accepted span"),
        plural(s.remembered_forms, "remembered name"),
    )
}

/// What the tagger was trained on, or what training is doing.
pub fn tagger_sentence(s: &LearnStats) -> String {
    if let Some(p) = s.training.filter(|p| !p.finished) {
        return format!("Training… {} of {} steps.", p.done, p.total);
    }
    if s.missing_documents > 0 {
        return format!(
            "{} remembered by the model {} not in this workspace; “Retrain now” trains on yours and forgets {}.",
            plural(s.missing_documents, "document"),
            if s.missing_documents == 1 { "is" } else { "are" },
            if s.missing_documents == 1 { "it" } else { "them" },
        );
    }
    if s.trained_documents == 0 {
        return "The tagger is not trained yet.".into();
    }
    format!(
        "The tagger was trained on {} ({}).",
        plural(s.trained_documents, "document"),
        plural(s.trained_spans, "span"),
    )
}

/// The held-back score: suggestions on the last done documents, each scored before learning it.
pub fn accuracy_sentence(s: &LearnStats) -> String {
    match s.recent_f1 {
        None => "Accuracy on your documents: shown after your first done document.".into(),
        Some(f1) => format!(
            "Suggestions on your last {} were {:.0}% right (F1, scored before learning each).",
            plural(s.scored_documents.min(5), "done document"),
            f1
        ),
    }
}

/// Width and height of the accuracy curve, in SVG units (F1 0–100 from bottom to top).
const CURVE_W: f32 = 160.0;
const CURVE_H: f32 = 36.0;

/// The points of the accuracy curve's polyline: one per done document, oldest at the left.
pub fn curve_points(values: &[f32]) -> String {
    let step = CURVE_W / (values.len().max(2) - 1) as f32;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let y = CURVE_H - v.clamp(0.0, 100.0) / 100.0 * CURVE_H;
            format!("{:.1},{:.1}", i as f32 * step, y)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn LearningPanel() -> impl IntoView {
    let l = use_learning_state();
    let stats = l.stats;
    let training = move || stats.with(|s| s.training.filter(|p| !p.finished));
    view! {
        <section class="learning" data-testid="learning-panel" aria-label="Learning"
            data-documents=move || stats.with(|s| s.documents)
            data-spans=move || stats.with(|s| s.spans)
            data-trained=move || stats.with(|s| s.trained_documents)
            data-saved=move || l.saved.get().to_string()
            data-slowest-slice=move || format!("{:.0}", l.slowest.get())>
            <h2>"Learning"</h2>
            <p data-testid="learning-learnt" title="Only accepted spans are learnt: accept or reject the suggestions before marking a document done.">{move || stats.with(learnt_sentence)}</p>
            <p data-testid="learning-tagger">{move || stats.with(tagger_sentence)}</p>
            <Show when=move || training().is_some()>
                <progress data-testid="training-progress"
                    max=move || training().map(|p| p.total.max(1)).unwrap_or(1)
                    value=move || training().map(|p| p.done).unwrap_or(0)></progress>
            </Show>
            <p data-testid="learning-accuracy"
                data-f1=move || stats.with(|s| s.recent_f1.map(|f| format!("{f:.1}")).unwrap_or_default())>
                {move || stats.with(accuracy_sentence)}
            </p>
            <Show when=move || stats.with(|s| s.recent_curve.len() >= 2)>
                <svg class="accuracy-curve" data-testid="accuracy-curve" role="img"
                    viewBox=format!("-2 -2 {} {}", CURVE_W + 4.0, CURVE_H + 4.0)
                    width=CURVE_W + 4.0 height=CURVE_H + 4.0
                    data-points=move || stats.with(|s| s.recent_curve.len())
                    aria-label="Accuracy on your recent done documents, oldest first">
                    <title>"F1 of the suggestions on the last 5 done documents, after each done document"</title>
                    <line x1="0" y1=CURVE_H / 2.0 x2=CURVE_W y2=CURVE_H / 2.0 class="accuracy-mid" />
                    <polyline fill="none" stroke="currentColor" stroke-width="1.5"
                        points=move || stats.with(|s| curve_points(&s.recent_curve)) />
                </svg>
            </Show>
            <label class="threshold">
                <span>{move || format!("Show model suggestions from {:.0}% confidence", l.threshold.get() * 100.0)}</span>
                <input type="range" min="0.05" max="1" step="0.05" data-testid="confidence-threshold"
                    prop:value=move || l.threshold.get().to_string()
                    on:change=move |ev| set_threshold(l, &event_target_value(&ev)) />
            </label>
            <Show when=move || l.message.with(Option::is_some)>
                <p class="learning-message" data-testid="learning-message" role="status"
                    data-error=move || l.message.with(|m| m.as_ref().is_some_and(|m| m.1).to_string())>
                    {move || l.message.with(|m| m.as_ref().map(|m| m.0.clone()).unwrap_or_default())}
                </p>
            </Show>
            <div class="learning-actions">
                <button data-testid="model-retrain" title="Learn every done document and train the tagger now"
                    on:click=move |_| l.retrain()>"Retrain now"</button>
                <button data-testid="model-export" title="Download the learned memory and model as JSON"
                    on:click=move |_| export_model(l)>"Export model"</button>
                <label class="restore-button">
                    "Import model…"
                    <input type="file" accept=".json,application/json" data-testid="model-import"
                        on:change=move |ev| import_model(l, &ev) />
                </label>
                <button data-testid="model-reset" class="danger" title="Forget everything learnt"
                    on:click=move |_| reset_model(l)>"Reset"</button>
            </div>
        </section>
    }
}

/// The slider moved: model suggestions of the open document are made again at the new threshold.
fn set_threshold(l: Learning, value: &str) {
    let Ok(v) = value.parse::<f32>() else {
        return;
    };
    l.set_threshold(v.clamp(0.0, 1.0));
}

fn export_model(l: Learning) {
    let file = ExportFile {
        name: MODEL_FILE.into(),
        bytes: l
            .app
            .read(|w| w.learning().learner().to_json())
            .unwrap_or_default()
            .into_bytes(),
    };
    if let Err(e) = crate::transfer::export::download(&file, "application/json") {
        l.message
            .set(Some((format!("The download did not start: {e}"), true)));
    }
}

fn import_model(l: Learning, ev: &web_sys::Event) {
    let Some(file) = crate::ui::file::take_picked(ev) else {
        return;
    };
    let name = file.name();
    leptos::task::spawn_local(async move {
        let outcome = match crate::ui::file::read_text(&file).await {
            Err(_) => Err(format!("“{name}” could not be read")),
            Ok(text) => Learner::from_json(&text).map_err(|e| format!("“{name}”: {e}")),
        };
        match outcome {
            Ok(learner) => {
                l.replace(learner);
                l.message
                    .set(Some((format!("Model imported from “{name}”."), false)));
            }
            Err(why) => l.message.set(Some((
                format!("The model was not imported — {why}. Nothing was changed."),
                true,
            ))),
        }
    });
}

fn reset_model(l: Learning) {
    let sure = web_sys::window()
        .and_then(|w| {
            w.confirm_with_message(
                "Forget everything learnt (remembered names, rejections and the trained tagger)? \
                 Your documents are not changed; “Retrain now” learns the done ones again.",
            )
            .ok()
        })
        .unwrap_or(false);
    if sure {
        l.replace(Learner::new());
        l.message
            .set(Some(("Everything learnt was forgotten.".into(), false)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_runs_left_to_right_with_f1_upwards() {
        assert_eq!(
            curve_points(&[0.0, 50.0, 100.0]),
            "0.0,36.0 80.0,18.0 160.0,0.0"
        );
        assert_eq!(
            curve_points(&[120.0]),
            "0.0,0.0",
            "clamped, and one point does not divide by zero"
        );
    }
}
