//! `spanmark adjudicate A B [C…] --out GOLD.json`: agreed spans go into a gold Spanmark export,
//! every disagreement into a review file (`spanmark-review`) that the page opens to settle them.

use std::time::{SystemTime, UNIX_EPOCH};

use spanmark_core::formats::{self, ExportOptions, Format};
use spanmark_core::review::{Adjudication, Choice, Settings};

use crate::output::outln;
use crate::team_files::load_team;

/// Builds one gold set from two or more annotators' files (Spanmark exports or backups, or any
/// file `spanmark convert` reads). Documents are paired by text; those not every annotator has
/// are left out and listed.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// The annotators' files or folders (two or more)
    #[arg(value_name = "A B [C…]")]
    paths: Vec<String>,
    /// The gold set as a Spanmark export: spans every annotator agrees on (and, with
    /// --prefer, that annotator's version of each disagreement)
    #[arg(long, value_name = "GOLD.json")]
    out: String,
    /// Where to write the disagreements for the page (default: GOLD.review.json)
    #[arg(long, value_name = "FILE")]
    review: Option<String>,
    /// Decide every disagreement by taking NAME's version (an annotator name, i.e. a file name
    /// without its extension); the review file records each decision, so the page can still
    /// change any of them
    #[arg(long, value_name = "NAME")]
    prefer: Option<String>,
    /// Do not accept agreed spans without asking: list them in the review file too
    #[arg(long)]
    ask_agreed: bool,
}

pub fn run(o: Options) -> Result<(), String> {
    let (paths, out, review, prefer) = (o.paths, o.out, o.review, o.prefer);
    let mut settings = Settings::default();
    if o.ask_agreed {
        settings.accept_agreed = false;
    }
    let review = review.unwrap_or_else(|| {
        let stem = out.strip_suffix(".json").unwrap_or(&out);
        format!("{stem}.review.json")
    });
    let team = load_team(&paths)?;
    let mut adjudication = Adjudication::new(&team, settings);
    let preferred = match &prefer {
        None => None,
        Some(name) => Some(
            team.annotators
                .iter()
                .position(|a| &a.name == name || a.file == *name)
                .ok_or_else(|| {
                    let names: Vec<&str> =
                        team.annotators.iter().map(|a| a.name.as_str()).collect();
                    format!(
                        "--prefer: there is no annotator “{name}” (annotators: {})",
                        names.join(", ")
                    )
                })?,
        ),
    };
    if let Some(k) = preferred {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_millis() as f64);
        for pos in 0..adjudication.len() {
            let (case, item, _) = adjudication.item(pos).ok_or("internal: lost an item")?;
            // the preferred annotator may not have this document; leave those open
            if case.annotators.contains(&k) && !item.agreed {
                adjudication
                    .decide(pos, Choice::Take { annotator: k }, now)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    let gold = adjudication.gold_documents();
    let documents: Vec<_> = gold.iter().map(|g| g.document.clone()).collect();
    let export = formats::export(
        Format::Spanmark,
        &documents,
        &team.schema(),
        &ExportOptions::default(),
    )
    .map_err(|e| e.to_string())?;
    let file = export.files.first().ok_or("the export produced no file")?;
    std::fs::write(&out, &file.bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    std::fs::write(&review, adjudication.to_json() + "\n")
        .map_err(|e| format!("cannot write {review}: {e}"))?;
    let spans: usize = gold.iter().map(|g| g.document.spans().len()).sum();
    let events: usize = gold.iter().map(|g| g.document.links().events.len()).sum();
    let relations: usize = gold
        .iter()
        .map(|g| g.document.links().relations.len())
        .sum();
    let differ: usize = gold.iter().map(|g| g.links_differ).sum();
    let open = adjudication.remaining();
    outln!(
        "{} documents: {spans} gold spans written to {out}; {} disagreements in {review} ({} decided{}, {open} open)",
        documents.len(),
        adjudication.len(),
        adjudication.len() - open,
        prefer.map(|p| format!(" by taking {p}'s version")).unwrap_or_default(),
    )?;
    if events + relations + differ > 0 {
        outln!(
            "{events} events and {relations} relations every annotator made are in the gold; {differ} events, arguments or relations only some made are not (add them in the page)"
        )?;
    }
    Ok(())
}
