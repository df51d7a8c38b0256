//! `spanmark eval --curve --data DIR [--test DIR2]`: the learning curve. Train on the first k
//! documents, score rules + memory + tagger on a fixed test set, with the corrections a user makes.

use std::path::{Path, PathBuf};

use spanmark_core::detect::Pipeline;
use spanmark_core::learn::corrections::{corrections, Corrections};
use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::score::{Mention, Tally};
use spanmark_core::span::Span;
use spanmark_core::token::{tokenize, Token};

use crate::output::{out, outln};
use spanmark_core::learn::{load_documents, TrainingDocument as Annotated};

/// The options of `spanmark eval --curve` (they need --curve).
#[derive(clap::Args, Debug)]
pub struct CurveOptions {
    /// Annotated documents of the curve, sorted by file name (as `train --data`);
    /// DIR,DIR2,… reads several directories in that order
    #[arg(long, value_name = "DIR[,DIR…]", requires = "curve")]
    data: Option<String>,
    /// Score on these documents (a foreign set) instead of the documents of --data after the largest k
    #[arg(long, value_name = "DIR2", requires = "curve")]
    test: Option<PathBuf>,
    /// Train sizes k, comma-separated
    #[arg(
        long,
        value_name = "K,...",
        value_delimiter = ',',
        default_value = "0,5,10,20,30,50",
        requires = "curve"
    )]
    ks: Vec<usize>,
    /// Also print F1 per label for each k
    #[arg(long, requires = "curve")]
    labels: bool,
    /// Simulate rules that know fewer names (as on unseen articles): hide the rule spans of P%
    /// of the surface forms (chosen by a hash of the form, so a hidden name is hidden in every document)
    #[arg(long, value_name = "P", default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=100), requires = "curve")]
    rules_drop: u64,
    /// Hide model suggestions below C (default 0.5; the page's slider)
    #[arg(long, value_name = "C", value_parser = confidence, requires = "curve")]
    min_confidence: Option<f32>,
    /// Let the model add spans the rules missed only for labels it was trained on at least N times (default 30)
    #[arg(long, value_name = "N", requires = "curve")]
    fill_after: Option<u32>,
    /// Set merge thresholds by name (show, overrule, overrule_with_evidence, evidence, veto,
    /// veto_after, veto_with_evidence, resize, resize_within, fill_after, line_veto,
    /// discourse, play_relabel) to measure them
    #[arg(long, value_name = "NAME=V,…", requires = "curve")]
    policy: Option<String>,
    /// Cross-validate inside --data instead: deal the documents round-robin into N folds,
    /// score each fold with a learner trained on the others (k = 0 row: the rules alone)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(2..=100), requires = "curve", conflicts_with = "test")]
    folds: Option<u64>,
    /// With --folds: count the learner's corrections by the origin and label of the
    /// suggestion (missed spans: by what the model alone said)
    #[arg(long, requires = "folds")]
    origins: bool,
}

fn confidence(c: &str) -> Result<f32, String> {
    c.parse()
        .ok()
        .filter(|c: &f32| (0.0..=1.0).contains(c))
        .ok_or_else(|| format!("“{c}” is not between 0 and 1"))
}

/// Spans as the scorer's mentions (offsets and label).
pub fn mentions(spans: &[Span]) -> Vec<Mention> {
    spans
        .iter()
        .map(|s| Mention::new(s.start, s.end, s.label.clone()))
        .collect()
}

/// How the curve is run: which rules (weakened or not), and the merge thresholds.
pub struct Setup {
    pub rules: Pipeline,
    pub drop_percent: u64,
    pub policy: MergePolicy,
}

/// The rule detector's spans, less the hidden share of surface forms.
pub fn rules_for(rules: &Pipeline, text: &str, tokens: &[Token], drop_percent: u64) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut rules = rules.detect(text, tokens);
    rules.retain(|s| {
        let form: String = chars[s.start..s.end]
            .iter()
            .collect::<String>()
            .to_lowercase();
        let h = form.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        });
        h % 100 >= drop_percent
    });
    rules
}

/// A learner trained on these documents, with the (possibly weakened) rules as features.
pub fn learner_on(docs: &[Annotated], setup: &Setup) -> Learner {
    let mut learner = Learner::new();
    learner.use_lists(&setup.rules);
    for d in docs {
        let tokens = tokenize(&d.text);
        let rules = rules_for(&setup.rules, &d.text, &tokens, setup.drop_percent);
        learner.learn_document_with(&d.name, &d.text, &tokens, &rules, &d.spans);
    }
    learner.train();
    learner
}

pub fn suggestions(learner: &Learner, d: &Annotated, setup: &Setup) -> Vec<Span> {
    let tokens = tokenize(&d.text);
    let rules = rules_for(&setup.rules, &d.text, &tokens, setup.drop_percent);
    learner.suggest(&d.text, &tokens, &rules, &setup.policy)
}

/// How the suggestions of a learner score on test documents: the strict tally and the
/// corrections a user would make.
pub struct Outcome {
    pub tally: Tally,
    pub corrections: Corrections,
    pub documents: usize,
}

/// The project's strict exact-span tally of a learner's suggestions on documents, and the
/// corrections they would need.
pub fn score_on(learner: &Learner, docs: &[Annotated], setup: &Setup) -> Outcome {
    let mut out = Outcome {
        tally: Tally::default(),
        corrections: Corrections::default(),
        documents: docs.len(),
    };
    for d in docs {
        let predicted = mentions(&suggestions(learner, d, setup));
        let gold = mentions(&d.spans);
        out.tally.add(&d.text, &gold, &predicted);
        out.corrections.add(corrections(&gold, &predicted));
    }
    out
}

/// The train set for each k (the first k documents of `train`) and the test set: `test` when
/// given, else the documents of `train` after the largest k, so every row scores the same
/// documents.
pub fn split<'a>(
    train: &'a [Annotated],
    test: Option<&'a [Annotated]>,
    ks: &[usize],
) -> (Vec<usize>, &'a [Annotated]) {
    match test {
        Some(test) => (
            ks.iter().copied().filter(|&k| k <= train.len()).collect(),
            test,
        ),
        None => {
            let ks: Vec<usize> = ks.iter().copied().filter(|&k| k < train.len()).collect();
            let last = ks.iter().copied().max().unwrap_or(0);
            (ks, &train[last..])
        }
    }
}

fn per_doc(n: usize, docs: usize) -> f64 {
    n as f64 / docs.max(1) as f64
}

/// The curve as a Markdown table: core3, all labels and corrections per test document.
pub fn curve_table(rows: &[(usize, Outcome)]) -> String {
    let mut out = String::from(
        "| k (train) | test docs | core3 P | core3 R | core3 F1 | all F1 | corrections / doc | added | removed | relabelled | resized |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for (k, o) in rows {
        let (core, all) = (o.tally.core3(), o.tally.all());
        let c = o.corrections;
        out.push_str(&format!(
            "| {k} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |\n",
            o.documents,
            100.0 * core.precision(),
            100.0 * core.recall(),
            100.0 * core.f1(),
            100.0 * all.f1(),
            per_doc(c.total(), o.documents),
            per_doc(c.added, o.documents),
            per_doc(c.removed, o.documents),
            per_doc(c.relabelled, o.documents),
            per_doc(c.resized, o.documents),
        ));
    }
    out
}

/// F1 per label for each k, as a Markdown table.
pub fn label_table(rows: &[(usize, Outcome)], test: &[Annotated]) -> String {
    let mut labels: Vec<&str> = test
        .iter()
        .flat_map(|d| d.spans.iter().map(|s| s.label.as_str()))
        .collect();
    labels.sort();
    labels.dedup();
    let mut out = format!(
        "| k | {} |\n|---:|{}\n",
        labels.join(" | "),
        "---:|".repeat(labels.len())
    );
    for (k, o) in rows {
        let cells: Vec<String> = labels
            .iter()
            .map(|l| {
                let f1 = o.tally.per_label().get(*l).map(|c| c.f1()).unwrap_or(0.0);
                format!("{:.1}", 100.0 * f1)
            })
            .collect();
        out.push_str(&format!("| {k} | {} |\n", cells.join(" | ")));
    }
    out
}

/// Train on the first k documents for each k and score on the test set.
pub fn curve(
    train: &[Annotated],
    test: Option<&[Annotated]>,
    ks: &[usize],
    setup: &Setup,
) -> (Vec<(usize, Outcome)>, Vec<Annotated>) {
    let (ks, test) = split(train, test, ks);
    let rows = ks
        .iter()
        .map(|&k| (k, score_on(&learner_on(&train[..k], setup), test, setup)))
        .collect();
    (rows, test.to_vec())
}

/// One `name=value` of `--policy`: a merge threshold by its field name.
fn set_policy(policy: &mut MergePolicy, pair: &str) -> Result<(), String> {
    let (name, value) = pair
        .split_once('=')
        .ok_or_else(|| format!("--policy: “{pair}” is not name=value"))?;
    let f = || -> Result<f32, String> {
        value
            .parse()
            .map_err(|_| format!("--policy: “{value}” is not a number"))
    };
    let n = || -> Result<u32, String> {
        value
            .parse()
            .map_err(|_| format!("--policy: “{value}” is not a count"))
    };
    match name {
        "show" => policy.show = f()?,
        "overrule" => policy.overrule = f()?,
        "overrule_with_evidence" => policy.overrule_with_evidence = f()?,
        "evidence" => policy.evidence = n()?,
        "veto" => policy.veto = f()?,
        "veto_after" => policy.veto_after = n()?,
        "veto_with_evidence" => policy.veto_with_evidence = f()?,
        "resize" => policy.resize = f()?,
        "resize_within" => policy.resize_within = f()?,
        "fill_after" => policy.fill_after = n()?,
        "line_veto" => policy.line_veto = f()?,
        "discourse" => policy.discourse = n()?,
        "play_relabel" => policy.play_relabel = f()?,
        other => return Err(format!("--policy: no threshold called “{other}”")),
    }
    Ok(())
}

/// Trains on the first k documents of --data and scores the suggestions (rules + memory +
/// tagger) on a fixed test set, strict exact spans: precision/recall/F1 on core3, F1 on all
/// labels, and the corrections per test document a user would make (spans added + removed +
/// relabelled + resized). `rules` are the detector's (full or --builtin); `errors`: list
/// that many of the most frequent errors at the largest k.
pub fn run(o: CurveOptions, rules: Pipeline, errors: Option<usize>) -> Result<(), String> {
    let data = o.data.ok_or("--curve needs --data DIR")?;
    let ks = o.ks;
    let mut policy = MergePolicy::default();
    if let Some(c) = o.min_confidence {
        policy.show = c;
    }
    if let Some(n) = o.fill_after {
        policy.fill_after = n;
    }
    if let Some(list) = &o.policy {
        for pair in list.split(',') {
            set_policy(&mut policy, pair)?;
        }
    }
    let setup = Setup {
        rules,
        drop_percent: o.rules_drop,
        policy,
    };
    // several directories are read in the order given (dev set first, then the blind set)
    let mut docs = Vec::new();
    for dir in data.split(',') {
        docs.extend(load_documents(Path::new(dir)).map_err(|e| e.to_string())?);
    }
    if docs.len() < 2 {
        return Err(format!("{data}: a curve needs at least two documents"));
    }
    let test = match &o.test {
        Some(dir) => Some(load_documents(dir).map_err(|e| e.to_string())?),
        None => None,
    };
    if test.as_ref().is_some_and(Vec::is_empty) {
        return Err("--test: the directory has no annotated documents".into());
    }
    if let Some(n) = o.folds {
        let mut origins = o.origins.then(crate::origins::Origins::default);
        let rows = crate::folds::cross_validate(&docs, n as usize, &setup, origins.as_mut());
        out!("{}", curve_table(&rows))?;
        outln!(
            "\n{n}-fold cross-validation over the {} documents of --data",
            docs.len()
        )?;
        if o.labels {
            out!("\nF1 per label:\n\n{}", label_table(&rows, &docs))?;
        }
        if let Some(origins) = &origins {
            out!(
                "\ncorrections of the learner by kind, origin and label:\n{}",
                origins.report()
            )?;
        }
        if let (Some((_, last)), Some(e)) = (rows.last(), errors) {
            outln!("\nmost frequent errors of the learner:")?;
            for (kind, text, gold, pred, n) in last.tally.top_errors(e) {
                outln!("  {n:>3}  {kind:?} “{text}” gold {gold} suggested {pred}")?;
            }
        }
        return Ok(());
    }
    let (rows, test_docs) = curve(&docs, test.as_deref(), &ks, &setup);
    out!("{}", curve_table(&rows))?;
    // gold events in --data (the incidents set): the event curve on the same test documents
    let dirs: Vec<&str> = data.split(',').collect();
    match crate::event_curve::gold_events(&dirs, &docs) {
        Ok(gold) if test.is_none() && gold.iter().any(|g| !g.is_empty()) => {
            let rows = crate::event_curve::event_curve(&docs, &gold, &ks, &setup);
            out!(
                "\nEvents (ACE way; + memory: trigger words of the first k documents' events):\n\n{}",
                crate::event_curve::event_table(&rows)
            )?;
        }
        Ok(_) => {}
        Err(e) => eprintln!("events not scored: {e}"),
    }
    match test {
        Some(_) => outln!(
            "\ntest = {} documents of the --test directory",
            test_docs.len()
        )?,
        None => outln!(
            "\ntest = the last {} documents of --data (after the largest k)",
            test_docs.len()
        )?,
    }
    if o.labels {
        out!("\nF1 per label:\n\n{}", label_table(&rows, &test_docs))?;
    }
    if let (Some((k, last)), Some(n)) = (rows.last(), errors) {
        outln!("\nmost frequent errors at k = {k}:")?;
        for (kind, text, gold, pred, n) in last.tally.top_errors(n) {
            outln!("  {n:>3}  {kind:?} “{text}” gold {gold} suggested {pred}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weakened_rules_hide_whole_surface_forms() {
        let text = "Pakistan and Iran met in Pakistan. India watched Iran.";
        let tokens = tokenize(text);
        let pipeline = Pipeline::builtin();
        let all = rules_for(&pipeline, text, &tokens, 0);
        assert_eq!(all, pipeline.detect(text, &tokens));
        assert!(all.len() >= 4);
        assert!(rules_for(&pipeline, text, &tokens, 100).is_empty());
        let chars: Vec<char> = text.chars().collect();
        let form = |s: &Span| chars[s.start..s.end].iter().collect::<String>();
        for p in [30, 60] {
            let kept: Vec<String> = rules_for(&pipeline, text, &tokens, p)
                .iter()
                .map(form)
                .collect();
            for s in &all {
                let hidden = !kept.contains(&form(s));
                assert!(all
                    .iter()
                    .filter(|o| form(o) == form(s))
                    .all(|o| hidden != kept.contains(&form(o))));
            }
        }
    }
}
