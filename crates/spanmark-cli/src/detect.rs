//! `spanmark detect`: pre-annotate plain-text files (one JSON per file) or JSON Lines
//! (streamed, every core busy, output in input order) with the rule detector stack.

use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;

use serde_json::Value;
use spanmark_core::detect::{Pipeline, Suggester};
use spanmark_core::learn::load_model;
use spanmark_core::text::normalize_newlines;

use crate::annotated::to_json;
use crate::output::outln;

/// Suggests PERSON, ORG, GPE, LOC, FAC, NORP, DATE and CARDINAL spans with the rule detectors.
/// Plain text: writes DIR/NAME.json ({"text", "spans": [{"start","end","label","text","origin"}]},
/// code point offsets, line endings normalised to LF), or prints JSON when --out is not given.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// Text files (FILE.txt), or with --jsonl JSON Lines files ("-" or none: standard input)
    #[arg(value_name = "FILE")]
    inputs: Vec<PathBuf>,
    /// Folder for the NAME.json files (with --jsonl: the output file)
    #[arg(short, long, value_name = "DIR|FILE.jsonl")]
    out: Option<PathBuf>,
    /// Read lines {"id"?, "text"}, write one JSON line per input line in the same order, using every core
    #[arg(long)]
    jsonl: bool,
    /// Only the compiled-in word lists (what the web page has before its extra data loads)
    #[arg(long)]
    builtin: bool,
    /// Merge in the memory and tagger suggestions of a model saved by `spanmark train`
    #[arg(long, value_name = "MODEL")]
    model: Option<String>,
    /// Your own names: a file of LABEL<TAB>name lines, any label ("WEAPON<TAB>AK-47"); repeatable
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
}

/// The rule detectors: with the extra gazetteer, or the compiled-in word lists only (--builtin).
pub fn rules(builtin: bool) -> Pipeline {
    if builtin {
        Pipeline::builtin()
    } else {
        Pipeline::full()
    }
}

/// The rule detectors with the user's gazetteer files added; a bad line is a sentence naming
/// the file and the line.
pub fn rules_with(builtin: bool, gazetteers: &[PathBuf]) -> Result<Pipeline, String> {
    let mut pipeline = rules(builtin);
    for path in gazetteers {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        pipeline
            .add_gazetteer(&bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(pipeline)
}

pub fn run(o: Options) -> Result<(), String> {
    let rules = rules_with(o.builtin, &o.gazetteer)?;
    let model = o
        .model
        .as_deref()
        .map(|m| load_model(Path::new(m)))
        .transpose()
        .map_err(|e| e.to_string())?;
    let pipeline = Suggester::new(rules, model);
    if o.jsonl {
        return run_jsonl(&o, pipeline);
    }
    if o.inputs.is_empty() {
        return Err(
            "give one or more text files, or --jsonl (see `spanmark detect --help`)".into(),
        );
    }
    if let Some(dir) = &o.out {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    for path in &o.inputs {
        let raw = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = normalize_newlines(&raw);
        let spans = pipeline.suggest(&text);
        let value = to_json(None, &text, &spans);
        match &o.out {
            Some(dir) => {
                let target = dir.join(format!("{}.json", stem(path)));
                let body = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
                std::fs::write(&target, body + "\n")
                    .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            }
            None => outln!(
                "{}",
                serde_json::to_string(&value).map_err(|e| e.to_string())?
            )?,
        }
    }
    Ok(())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into())
}

/// One input line: where it came from (for error sentences) and its text.
struct Line {
    seq: usize,
    place: String,
    raw: String,
}

fn run_jsonl(o: &Options, pipeline: Suggester) -> Result<(), String> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .max(1);
    let pipeline = Arc::new(pipeline);
    let (line_tx, line_rx) = mpsc::sync_channel::<Line>(workers * 64);
    let line_rx = Arc::new(std::sync::Mutex::new(line_rx));
    let (out_tx, out_rx) = mpsc::sync_channel::<(usize, Result<String, String>)>(workers * 64);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let (rx, tx, p) = (line_rx.clone(), out_tx.clone(), pipeline.clone());
        handles.push(std::thread::spawn(move || loop {
            let next = match rx.lock() {
                Ok(guard) => guard.recv(),
                Err(_) => return,
            };
            let Ok(line) = next else { return };
            if tx.send((line.seq, annotate_line(&p, &line))).is_err() {
                return;
            }
        }));
    }
    drop(out_tx);
    let inputs = o.inputs.clone();
    let reader = std::thread::spawn(move || -> Result<(), String> {
        let mut seq = 0;
        let mut feed = |name: &str, input: &mut dyn BufRead| -> Result<(), String> {
            for (n, line) in input.lines().enumerate() {
                let raw = line.map_err(|e| format!("cannot read {name}: {e}"))?;
                if raw.trim().is_empty() {
                    continue;
                }
                let place = format!("line {} of {name}", n + 1);
                if line_tx.send(Line { seq, place, raw }).is_err() {
                    return Ok(());
                }
                seq += 1;
            }
            Ok(())
        };
        if inputs.is_empty() || inputs.iter().any(|p| p.as_os_str() == "-") && inputs.len() == 1 {
            feed("standard input", &mut std::io::stdin().lock())?;
        } else {
            for path in &inputs {
                let file = std::fs::File::open(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                feed(
                    &path.display().to_string(),
                    &mut std::io::BufReader::new(file),
                )?;
            }
        }
        Ok(())
    });
    let sink: Box<dyn Write> = match &o.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut sink = BufWriter::new(sink);
    // results arrive in any order; write them in input order
    let mut pending = std::collections::BTreeMap::new();
    let mut next = 0usize;
    let mut failure = None;
    for (seq, result) in out_rx {
        pending.insert(seq, result);
        while let Some(result) = pending.remove(&next) {
            match result {
                Ok(line) if failure.is_none() => {
                    writeln!(sink, "{line}").map_err(crate::output::write_failed)?;
                }
                Ok(_) => {}
                Err(e) => failure = failure.or(Some(e)),
            }
            next += 1;
        }
        if failure.is_some() {
            break;
        }
    }
    sink.flush().map_err(crate::output::write_failed)?;
    if let Some(e) = failure {
        return Err(e);
    }
    reader
        .join()
        .map_err(|_| "the reader stopped unexpectedly".to_string())??;
    for h in handles {
        let _ = h.join();
    }
    Ok(())
}

fn annotate_line(pipeline: &Suggester, line: &Line) -> Result<String, String> {
    let value: Value =
        serde_json::from_str(&line.raw).map_err(|e| format!("{} is not JSON: {e}", line.place))?;
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{} has no \"text\" string", line.place))?;
    let text = normalize_newlines(text);
    let spans = pipeline.suggest(&text);
    serde_json::to_string(&to_json(value.get("id"), &text, &spans))
        .map_err(|e| format!("{}: {e}", line.place))
}
