//! `spanmark train --data EXPORT.json|DIR --out MODEL`: teach a learner (memory + tagger)
//! from annotated documents and save it as the same JSON the page keeps in local storage.

use std::path::PathBuf;
use std::time::Instant;

use spanmark_core::learn::{load_documents, train_on};

/// Teaches a learner (memory + tagger) from annotated documents and saves it as the JSON the
/// page keeps in local storage. Spans count as accepted unless they say "state": "suggested"
/// (those are skipped); offsets are code points, end exclusive.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// A Spanmark JSON export {"documents":[{"text","spans":[{"start","end","label"}]}]}
    /// or a directory of JSON files {"text","spans"} (detect-output shape)
    #[arg(long, value_name = "EXPORT.json|DIR")]
    data: PathBuf,
    /// Where to write the learnt model (memory + tagger), JSON
    #[arg(long, value_name = "MODEL.json")]
    out: PathBuf,
    /// Use the compiled-in word lists only as rule features (as `detect --builtin`)
    #[arg(long)]
    builtin: bool,
    /// Also train on documents the export marks open (default: done ones only, since an
    /// open document may have entities nobody has labelled yet)
    #[arg(long)]
    all: bool,
}

pub fn run(o: Options) -> Result<(), String> {
    let (data, out) = (o.data.display().to_string(), o.out.display().to_string());
    let mut docs = load_documents(&o.data).map_err(|e| e.to_string())?;
    if docs.is_empty() {
        return Err(format!("{data} holds no documents"));
    }
    let open = docs.iter().filter(|d| !d.done).count();
    if open > 0 && !o.all {
        docs.retain(|d| d.done);
        eprintln!("left out {open} documents not marked done (--all trains on them too)");
        if docs.is_empty() {
            return Err("no document is marked done; pass --all to train on open ones".into());
        }
    }
    let started = Instant::now();
    let rules = crate::detect::rules(o.builtin);
    let learner = train_on(&docs, &rules);
    let elapsed = started.elapsed();
    let json = learner.to_json();
    std::fs::write(&o.out, &json).map_err(|e| format!("cannot write {out}: {e}"))?;
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
