//! `spanmark train --data EXPORT.json|DIR --out MODEL`: teach a learner (memory + tagger)
//! from annotated documents and save it as the same JSON the page keeps in local storage.

use std::path::Path;
use std::time::Instant;

use spanmark_core::detect::Pipeline;
use spanmark_core::learn::{load_documents, train_on};

const HELP: &str = "usage: spanmark train --data EXPORT.json|DIR --out MODEL.json [--builtin] [--all]

  --data   a Spanmark JSON export {\"documents\":[{\"text\",\"spans\":[{\"start\",\"end\",\"label\"}]}]}
           or a directory of JSON files {\"text\",\"spans\"} (detect-output shape)
  --out    where to write the learnt model (memory + tagger), JSON
  --builtin  use the compiled-in word lists only as rule features (as `detect --builtin`)
  --all    also train on documents the export marks open (default: done ones only,
           since an open document may have entities nobody has labelled yet)

Spans count as accepted unless they say \"state\": \"suggested\" (those are skipped);
offsets are code points, end exclusive.";

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

pub fn run(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{HELP}");
        return Ok(());
    }
    let data = option(args, "--data").ok_or_else(|| format!("--data is required\n{HELP}"))?;
    let out = option(args, "--out").ok_or_else(|| format!("--out is required\n{HELP}"))?;
    let mut docs = load_documents(Path::new(data)).map_err(|e| e.to_string())?;
    if docs.is_empty() {
        return Err(format!("{data} holds no documents"));
    }
    let open = docs.iter().filter(|d| !d.done).count();
    if open > 0 && !args.iter().any(|a| a == "--all") {
        docs.retain(|d| d.done);
        eprintln!("left out {open} documents not marked done (--all trains on them too)");
        if docs.is_empty() {
            return Err("no document is marked done; pass --all to train on open ones".into());
        }
    }
    let started = Instant::now();
    let rules = if args.iter().any(|a| a == "--builtin") {
        Pipeline::builtin()
    } else {
        Pipeline::full()
    };
    let learner = train_on(&docs, &rules);
    let elapsed = started.elapsed();
    let json = learner.to_json();
    std::fs::write(out, &json).map_err(|e| format!("cannot write {out}: {e}"))?;
    let stats = learner.stats();
    eprintln!(
        "trained on {} documents, {} spans in {:.2} s: {} remembered forms, {} weights; model {} KB → {out}",
        stats.trained_documents,
        stats.trained_spans,
        elapsed.as_secs_f64(),
        stats.remembered_forms,
        stats.model_weights,
        json.len() / 1024
    );
    Ok(())
}
