//! `spanmark train --data EXPORT.json|DIR --out MODEL`: teach a learner (memory + tagger)
//! from annotated documents and save it as the same JSON the page keeps in local storage.

use std::path::Path;
use std::time::Instant;

use serde_json::Value;
use spanmark_core::detect::Pipeline;
use spanmark_core::learn::Learner;
use spanmark_core::span::Span;
use spanmark_core::token::tokenize;

const HELP: &str = "usage: spanmark train --data EXPORT.json|DIR --out MODEL.json [--builtin] [--all]

  --data   a Spanmark JSON export {\"documents\":[{\"text\",\"spans\":[{\"start\",\"end\",\"label\"}]}]}
           or a directory of JSON files {\"text\",\"spans\"} (detect-output shape)
  --out    where to write the learnt model (memory + tagger), JSON
  --builtin  use the compiled-in word lists only as rule features (as `detect --builtin`)
  --all    also train on documents the export marks open (default: done ones only,
           since an open document may have entities nobody has labelled yet)

Spans count as accepted unless they say \"state\": \"suggested\" (those are skipped);
offsets are code points, end exclusive.";

/// One annotated document read from disk.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub name: String,
    /// false for a document an export marks `"status": "open"` (maybe half annotated)
    pub done: bool,
    pub text: String,
    pub spans: Vec<Span>,
}

fn read_document(name: String, v: &Value) -> Result<Annotated, String> {
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{name}: no \"text\""))?
        .to_string();
    let len = text.chars().count();
    let mut spans = Vec::new();
    for s in v
        .get("spans")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let num = |k: &str| s.get(k).and_then(Value::as_u64).map(|n| n as usize);
        let (Some(start), Some(end), Some(label)) = (
            num("start"),
            num("end"),
            s.get("label").and_then(Value::as_str),
        ) else {
            return Err(format!(
                "{name}: a span needs \"start\", \"end\" and \"label\""
            ));
        };
        if start >= end || end > len {
            return Err(format!(
                "{name}: span {start}–{end} does not fit a text of {len} characters"
            ));
        }
        // suggestions the user never accepted are not annotations
        if s.get("state").and_then(Value::as_str) == Some("suggested") {
            continue;
        }
        spans.push(Span::manual(start, end, label));
    }
    let done = v.get("status").and_then(Value::as_str) != Some("open");
    Ok(Annotated {
        name,
        done,
        text,
        spans,
    })
}

/// Documents from an export file or a directory of per-document JSON files (sorted by name).
pub fn load_documents(path: &Path) -> Result<Vec<Annotated>, String> {
    let read = |p: &Path| -> Result<Value, String> {
        let raw =
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        serde_json::from_str(&raw).map_err(|e| format!("{} is not JSON: {e}", p.display()))
    };
    if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot list {}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        return files
            .iter()
            .map(|f| {
                read_document(
                    f.file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    &read(f)?,
                )
            })
            .collect();
    }
    let v = read(path)?;
    match v.get("documents").and_then(Value::as_array) {
        Some(docs) => docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let name = d
                    .get("id")
                    .or(d.get("title"))
                    .and_then(Value::as_str)
                    .map(String::from);
                read_document(name.unwrap_or_else(|| format!("document {}", i + 1)), d)
            })
            .collect(),
        None if v.get("text").is_some() => Ok(vec![read_document(path.display().to_string(), &v)?]),
        None => Err(format!(
            "{} has neither \"documents\" nor \"text\"",
            path.display()
        )),
    }
}

/// A learner trained on these documents, with the rules `spanmark detect` uses by
/// default (full gazetteer) as features, so `detect --model` sees the same inputs.
pub fn train_on(docs: &[Annotated], rules: &Pipeline) -> Learner {
    let mut learner = Learner::new();
    for d in docs {
        let tokens = tokenize(&d.text);
        let found = rules.detect(&d.text, &tokens);
        learner.learn_document_with(&d.name, &d.text, &tokens, &found, &d.spans);
    }
    learner.train();
    learner
}

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
    let mut docs = load_documents(Path::new(data))?;
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
