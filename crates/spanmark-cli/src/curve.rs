//! `spanmark eval --curve --data DIR`: the learning curve. Train on the first k documents,
//! score rules + memory + tagger on the rest, for k = 0, 1, 2, 4, 8; print a table.

use std::path::Path;

use spanmark_core::detect::Pipeline;
use spanmark_core::learn::{Learner, MergePolicy};
use spanmark_core::score::{Mention, Tally};
use spanmark_core::span::Span;
use spanmark_core::token::{tokenize, Token};

use spanmark_core::learn::{load_documents, TrainingDocument as Annotated};

const HELP: &str =
    "usage: spanmark eval --curve --data DIR [--ks 0,1,2,4,8] [--labels] [--builtin] [--rules-drop P] [--min-confidence C]

Trains on the first k documents of DIR (sorted by file name) and scores the
suggestions (rules + memory + tagger) on the remaining ones, strict exact spans.
Prints precision/recall/F1 on core3 (PERSON, ORG, places = GPE+LOC+FAC; the
scoring of `spanmark eval`) and F1 on every label.

  --labels         also print F1 per label for each k
  --builtin        rules with the compiled-in word lists only (as `detect --builtin`)
  --rules-drop P   simulate rules that know fewer names (as on unseen articles): hide
                   the rule spans of P% of the surface forms (chosen by a hash of the
                   form, so a hidden name is hidden in every document)
  --min-confidence C   hide model suggestions below C (default 0.5; the page's slider)
  --fill-after N   let the model add spans the rules missed only for labels it was
                   trained on at least N times (default 30)";

fn mentions(spans: &[Span]) -> Vec<Mention> {
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
    for d in docs {
        let tokens = tokenize(&d.text);
        let rules = rules_for(&setup.rules, &d.text, &tokens, setup.drop_percent);
        learner.learn_document_with(&d.name, &d.text, &tokens, &rules, &d.spans);
    }
    learner.train();
    learner
}

fn suggestions(learner: &Learner, d: &Annotated, setup: &Setup) -> Vec<Span> {
    let tokens = tokenize(&d.text);
    let rules = rules_for(&setup.rules, &d.text, &tokens, setup.drop_percent);
    learner.suggest(&d.text, &tokens, &rules, &setup.policy)
}

/// The project's strict exact-span tally of a learner's suggestions on documents.
pub fn score_on(learner: &Learner, docs: &[Annotated], setup: &Setup) -> Tally {
    let mut tally = Tally::default();
    for d in docs {
        let predicted = suggestions(learner, d, setup);
        tally.add(&d.text, &mentions(&d.spans), &mentions(&predicted));
    }
    tally
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// The curve as a Markdown table.
pub fn curve_table(docs: &[Annotated], ks: &[usize], setup: &Setup) -> String {
    let mut out = String::from(
        "| k (train) | test docs | core3 P | core3 R | core3 F1 | all-8 F1 | core3 F1 on fixed test |\n|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let last = ks
        .iter()
        .copied()
        .filter(|&k| k < docs.len())
        .max()
        .unwrap_or(0);
    for &k in ks.iter().filter(|&&k| k < docs.len()) {
        let learner = learner_on(&docs[..k], setup);
        let rest = score_on(&learner, &docs[k..], setup);
        let (core, all) = (rest.core3(), rest.all());
        let fixed = score_on(&learner, &docs[last..], setup).core3();
        out.push_str(&format!(
            "| {k} | {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.1} |\n",
            docs.len() - k,
            100.0 * core.precision(),
            100.0 * core.recall(),
            100.0 * core.f1(),
            100.0 * all.f1(),
            100.0 * fixed.f1()
        ));
    }
    out.push_str(&format!(
        "\nfixed test = documents {}–{} (after the largest k)\n",
        last + 1,
        docs.len()
    ));
    out
}

/// F1 per label for each k, as a Markdown table.
pub fn label_table(docs: &[Annotated], ks: &[usize], setup: &Setup) -> String {
    let mut labels: Vec<&str> = docs
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
    for &k in ks.iter().filter(|&&k| k < docs.len()) {
        let learner = learner_on(&docs[..k], setup);
        let tally = score_on(&learner, &docs[k..], setup);
        let cells: Vec<String> = labels
            .iter()
            .map(|l| {
                let f1 = tally.per_label().get(*l).map(|c| c.f1()).unwrap_or(0.0);
                format!("{:.1}", 100.0 * f1)
            })
            .collect();
        out.push_str(&format!("| {k} | {} |\n", cells.join(" | ")));
    }
    out
}

pub fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{HELP}");
        return Ok(());
    }
    let data = option(args, "--data").ok_or_else(|| format!("--data DIR is required\n{HELP}"))?;
    let ks: Vec<usize> = match option(args, "--ks") {
        Some(list) => list
            .split(',')
            .map(|k| {
                k.trim()
                    .parse()
                    .map_err(|_| format!("--ks: “{k}” is not a number"))
            })
            .collect::<Result<_, _>>()?,
        None => vec![0, 1, 2, 4, 8],
    };
    let drop: u64 = match option(args, "--rules-drop") {
        Some(p) => p
            .parse()
            .ok()
            .filter(|&p| p <= 100)
            .ok_or_else(|| format!("--rules-drop: “{p}” is not a percentage"))?,
        None => 0,
    };
    let mut policy = MergePolicy::default();
    if let Some(c) = option(args, "--min-confidence") {
        policy.show = c
            .parse()
            .ok()
            .filter(|c: &f32| (0.0..=1.0).contains(c))
            .ok_or_else(|| format!("--min-confidence: “{c}” is not between 0 and 1"))?;
    }
    if let Some(n) = option(args, "--fill-after") {
        policy.fill_after = n
            .parse()
            .map_err(|_| format!("--fill-after: “{n}” is not a count"))?;
    }
    let rules = if args.iter().any(|a| a == "--builtin") {
        Pipeline::builtin()
    } else {
        Pipeline::full()
    };
    let setup = Setup {
        rules,
        drop_percent: drop,
        policy,
    };
    let docs = load_documents(Path::new(data)).map_err(|e| e.to_string())?;
    if docs.len() < 2 {
        return Err(format!("{data}: a curve needs at least two documents"));
    }
    print!("{}", curve_table(&docs, &ks, &setup));
    if args.iter().any(|a| a == "--labels") {
        print!("\nF1 per label:\n\n{}", label_table(&docs, &ks, &setup));
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
