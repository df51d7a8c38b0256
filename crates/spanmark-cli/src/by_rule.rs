//! `spanmark eval --rules / --by-rule`: the rule detector's predictions for the gold texts, and
//! per rule how many spans it suggested and how many match gold exactly (start, end, label).

use std::collections::{BTreeMap, HashMap, HashSet};

use spanmark_core::detect::{rules::RULES, Pipeline};
use spanmark_core::token::tokenize;

use crate::annotated::{document, to_json, Annotated};

/// The detector's output for each gold text, read back as `spanmark detect` output would be.
pub fn detected(pipeline: &Pipeline, gold: &[Annotated]) -> Result<Vec<Annotated>, String> {
    gold.iter()
        .map(|g| {
            let spans = pipeline.detect(&g.text, &tokenize(&g.text));
            let value =
                serde_json::to_value(to_json(None, &g.text, &spans)).map_err(|e| e.to_string())?;
            document(
                &value,
                g.key.clone(),
                &format!("the detector's output for {}", g.key),
            )
        })
        .collect()
}

/// Spans suggested and spans correct, per origin.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RuleCount {
    pub spans: usize,
    pub correct: usize,
}

/// Counts per origin as written ("rule:surname"; "pattern" in files from before rule names;
/// "(none)" for spans without an origin).
pub fn counts(
    gold: &[Annotated],
    pred: &HashMap<String, Annotated>,
) -> BTreeMap<String, RuleCount> {
    let mut out: BTreeMap<String, RuleCount> = BTreeMap::new();
    for g in gold {
        let Some(p) = pred.get(&g.key) else { continue };
        let truth: HashSet<_> = g.mentions.iter().collect();
        for (i, m) in p.mentions.iter().enumerate() {
            let origin = p.origins.get(i).cloned().flatten();
            let c = out
                .entry(origin.unwrap_or_else(|| "(none)".into()))
                .or_default();
            c.spans += 1;
            c.correct += usize::from(truth.contains(m));
        }
    }
    out
}

/// The table: every rule in its order (even with no span), then any other origin found.
pub fn report(gold: &[Annotated], pred: &HashMap<String, Annotated>) -> String {
    let mut counts = counts(gold, pred);
    let mut out = String::from(
        "\nby rule (a span is correct when start, end and label match gold)\nrule                spans  correct       P\n",
    );
    let mut row = |name: &str, c: RuleCount| {
        let p = if c.spans == 0 {
            "-".to_string()
        } else {
            format!("{:.1}", 100.0 * c.correct as f64 / c.spans as f64)
        };
        out.push_str(&format!(
            "{name:<18} {:>6} {:>8} {p:>7}\n",
            c.spans, c.correct
        ));
    };
    for r in RULES {
        row(r.name, counts.remove(r.tag).unwrap_or_default());
    }
    for (origin, c) in counts {
        row(&origin, c);
    }
    out
}
