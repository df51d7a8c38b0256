//! `spanmark consistency EXPORT`: the surface forms labelled two ways in one set (an
//! annotator's export or a gold set), forms left unlabelled elsewhere, and boundary flags.

use crate::output::outln;
use spanmark_core::detect::Pipeline;
use spanmark_core::formats::InputFile;
use spanmark_core::review::{flags, load_annotator, Consistency};

/// Reads one set of annotations (a Spanmark export or backup, or any file `spanmark convert`
/// reads) and lists every surface form that got more than one label, with the counts and where
/// (document title, character offsets).
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// The set to check
    #[arg(value_name = "EXPORT")]
    path: String,
    /// Also list forms labelled in one place and left unlabelled in another (whole-word,
    /// same-case occurrences)
    #[arg(long)]
    unlabelled: bool,
    /// Also list spans the guidelines' boundary rules flag (a leading “the”, a trailing
    /// possessive, a title inside a PERSON, lowercase “province”) and rare labels
    #[arg(long)]
    flags: bool,
    /// Places shown per form
    #[arg(long, value_name = "N", default_value_t = 5)]
    limit: usize,
}

pub fn run(o: Options) -> Result<(), String> {
    let (path, unlabelled, show_flags, limit) = (o.path, o.unlabelled, o.flags, o.limit);
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let set = load_annotator(&InputFile {
        name: path.clone(),
        bytes,
    })
    .map_err(|e| e.to_string())?;
    for w in &set.warnings {
        eprintln!("warning: {w}");
    }
    let docs = &set.documents;
    let report = Consistency::of(docs);
    let title = |d: usize| docs.get(d).map(|x| x.title.as_str()).unwrap_or("");
    let two: Vec<_> = report.labelled_two_ways().collect();
    outln!(
        "{} documents, {} spans, {} surface forms; {} labelled two ways",
        docs.len(),
        report.spans,
        report.forms.len(),
        two.len()
    )?;
    for form in &two {
        let counts: Vec<String> = form
            .labels
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        outln!("\n“{}”: {}", form.text, counts.join(", "))?;
        for o in form
            .labelled
            .iter()
            .filter(|o| o.label.as_deref() != Some(form.main_label()))
            .take(limit)
        {
            outln!(
                "  {} in “{}” at {}–{}",
                o.label.as_deref().unwrap_or(""),
                title(o.document),
                o.start,
                o.end
            )?;
        }
    }
    if unlabelled {
        let forms: Vec<_> = report.unlabelled_elsewhere().collect();
        outln!(
            "\n{} forms labelled in one place and unlabelled in another",
            forms.len()
        )?;
        for form in forms {
            outln!(
                "\n“{}” ({}): {} unlabelled",
                form.text,
                form.main_label(),
                form.unlabelled.len()
            )?;
            for o in form.unlabelled.iter().take(limit) {
                outln!("  in “{}” at {}–{}", title(o.document), o.start, o.end)?;
            }
        }
    }
    if show_flags {
        let pipeline = Pipeline::builtin();
        let found = flags(docs, &|w| pipeline.is_title(w));
        outln!("\n{} flagged spans", found.len())?;
        for f in found {
            outln!(
                "  {} — in “{}” at {}–{}",
                f.sentence(),
                title(f.document),
                f.start,
                f.end
            )?;
        }
    }
    Ok(())
}
