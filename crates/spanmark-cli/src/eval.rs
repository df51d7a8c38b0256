//! `spanmark eval`: strict exact-span scores of predictions against gold annotations
//! (per label, all labels, core3) and the most frequent errors; scoring lives in the core.

use std::collections::HashMap;
use std::path::PathBuf;

use spanmark_core::incidents::score::EventTally;
use spanmark_core::score::Tally;

use crate::annotated::load;
use crate::output::out;

/// Scores predicted spans against gold spans with strict exact-span matching (start, end and
/// label must all agree): micro precision, recall and F1 per label, over all labels, and over
/// core3 (PERSON, ORG, and GPE+LOC+FAC merged as LOC), then the N most frequent errors.
/// When gold or predictions carry "events", they are scored the ACE way below: event detection
/// (types equal and triggers overlap), argument F1 (type, role and offsets exact) and per role.
/// DIR holds NAME.json files ({"text", "spans"} as `spanmark detect` writes them); FILE may be
/// one such file, a Spanmark export ({"documents": [...]}) or JSON Lines. Documents are paired
/// by file name or id; their texts must be identical.
///
/// With --rules (or --without): the rule detector runs on the gold texts, as `spanmark detect`
/// would, instead of reading --pred. --by-rule adds each rule's count and precision, by the
/// "origin" of each predicted span (rule:NAME).
///
/// With --curve: the learning curve (train on the first k documents of --data, score the rest).
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// Gold annotations
    #[arg(long, value_name = "DIR|FILE", required_unless_present = "curve")]
    gold: Option<PathBuf>,
    /// Predicted annotations
    #[arg(
        long,
        value_name = "DIR|FILE",
        required_unless_present_any = ["curve", "rules", "without"],
        conflicts_with_all = ["rules", "without"]
    )]
    pred: Option<PathBuf>,
    /// Predictions from the rule detector run on the gold texts (instead of --pred)
    #[arg(long)]
    rules: bool,
    /// Switch this rule off (implies --rules; repeatable); the rules are listed in the README
    #[arg(long, value_name = "RULE", value_parser = clap::builder::PossibleValuesParser::new(spanmark_core::detect::rules::names()))]
    without: Vec<String>,
    /// Also print, per rule, how many spans it suggested and how many of them are correct
    #[arg(long)]
    by_rule: bool,
    /// With --rules: your own names, LABEL<TAB>name lines (as `detect --gazetteer`); repeatable
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// How many of the most frequent errors to list (default 25; with --curve: none unless
    /// given, 40 when given without N, at the largest k)
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "40")]
    errors: Option<usize>,
    /// Rules with the compiled-in word lists only (as `detect --builtin`)
    #[arg(long)]
    builtin: bool,
    /// Print the learning curve instead (see the curve options)
    #[arg(long, requires = "data", conflicts_with_all = ["gold", "pred"])]
    curve: bool,
    #[command(flatten)]
    curve_options: crate::curve::CurveOptions,
}

pub fn run(o: Options) -> Result<(), String> {
    if o.curve {
        return crate::curve::run(o.curve_options, crate::detect::rules(o.builtin), o.errors);
    }
    let Some(gold) = o.gold else {
        return Err("give --gold (see `spanmark eval --help`)".into());
    };
    let errors = o.errors.unwrap_or(25);
    let gold_docs = load(&gold)?;
    if gold_docs.is_empty() {
        return Err(format!("no annotated documents in {}", gold.display()));
    }
    let predicted = match &o.pred {
        Some(pred) => load(pred)?,
        None if o.rules || !o.without.is_empty() => {
            let mut pipeline = crate::detect::rules_with(o.builtin, &o.gazetteer)?;
            for name in &o.without {
                pipeline = pipeline.without(name).map_err(|e| e.to_string())?;
            }
            crate::by_rule::detected(&pipeline, &gold_docs)?
        }
        None => return Err("give --pred, or --rules to run the rule detector".into()),
    };
    let pred_docs: HashMap<String, _> = predicted.into_iter().map(|d| (d.key.clone(), d)).collect();
    let mut tally = Tally::default();
    let mut events = EventTally::default();
    let mut missing = Vec::new();
    for g in &gold_docs {
        match pred_docs.get(&g.key) {
            Some(p) if p.text != g.text => {
                return Err(format!(
                    "the texts of “{}” differ between gold and predictions",
                    g.key
                ));
            }
            Some(p) => {
                tally.add(&g.text, &g.mentions, &p.mentions);
                events.add(&g.events, &p.events);
            }
            None => {
                missing.push(g.key.clone());
                tally.add(&g.text, &g.mentions, &[]);
                events.add(&g.events, &[]);
            }
        }
    }
    if !missing.is_empty() {
        eprintln!(
            "spanmark: no predictions for {} document(s), scored as empty: {}",
            missing.len(),
            missing.join(", ")
        );
    }
    out!("{}", tally.report(errors))?;
    if events.detection.gold + events.detection.pred > 0 {
        out!("{}", events.report())?;
    }
    if o.by_rule {
        out!("{}", crate::by_rule::report(&gold_docs, &pred_docs))?;
    }
    Ok(())
}
