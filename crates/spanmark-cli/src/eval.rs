//! `spanmark eval`: strict exact-span scores of predictions against gold annotations
//! (per label, all labels, core3) and the most frequent errors; scoring lives in the core.

use std::collections::HashMap;
use std::path::PathBuf;

use spanmark_core::score::Tally;

use crate::annotated::load;

const HELP: &str = "usage: spanmark eval --gold DIR|FILE --pred DIR|FILE [--errors N]

Scores predicted spans against gold spans with strict exact-span matching (start, end and label
must all agree): micro precision, recall and F1 per label, over all labels, and over core3
(PERSON, ORG, and GPE+LOC+FAC merged as LOC), then the N most frequent errors (default 25).
DIR holds NAME.json files ({\"text\", \"spans\"} as `spanmark detect` writes them); FILE may be
one such file, a Spanmark export ({\"documents\": [...]}) or JSON Lines. Documents are paired by
file name or id; their texts must be identical.";

pub fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--curve") {
        return crate::curve::run(args);
    }
    let (mut gold, mut pred, mut errors) = (None::<PathBuf>, None::<PathBuf>, 25usize);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                println!("{HELP}");
                return Ok(());
            }
            "--gold" => gold = Some(it.next().ok_or("--gold needs a path")?.into()),
            "--pred" => pred = Some(it.next().ok_or("--pred needs a path")?.into()),
            "--errors" => {
                let n = it.next().ok_or("--errors needs a number")?;
                errors = n
                    .parse()
                    .map_err(|_| format!("--errors needs a number, not “{n}”"))?;
            }
            other => return Err(format!("unknown argument “{other}”\n{HELP}")),
        }
    }
    let (Some(gold), Some(pred)) = (gold, pred) else {
        return Err(format!("give both --gold and --pred\n{HELP}"));
    };
    let gold_docs = load(&gold)?;
    if gold_docs.is_empty() {
        return Err(format!("no annotated documents in {}", gold.display()));
    }
    let pred_docs: HashMap<String, _> = load(&pred)?
        .into_iter()
        .map(|d| (d.key.clone(), d))
        .collect();
    let mut tally = Tally::default();
    let mut missing = Vec::new();
    for g in &gold_docs {
        match pred_docs.get(&g.key) {
            Some(p) if p.text != g.text => {
                return Err(format!(
                    "the texts of “{}” differ between gold and predictions",
                    g.key
                ));
            }
            Some(p) => tally.add(&g.text, &g.mentions, &p.mentions),
            None => {
                missing.push(g.key.clone());
                tally.add(&g.text, &g.mentions, &[]);
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
    print!("{}", tally.report(errors));
    Ok(())
}
