//! `spanmark agree A B [C…]`: the agreement table of two or more annotators' files — span F1
//! (strict, overlap), outcome counts, token kappa per pair, Krippendorff's alpha for all.

use std::collections::BTreeMap;

use serde::Serialize;
use spanmark_core::review::{Agreement, SpanAgreement, Team};

use crate::output::out;
use crate::team_files::load_team;

/// Compares annotators' work on the same documents. A, B, … are Spanmark exports or backups,
/// or any file `spanmark convert` reads (a folder of brat files too); each is one annotator,
/// named after its file. Documents are paired by their text (line endings aside).
///
/// Prints per pair of annotators: strict and overlap span F1 (percent), Cohen's kappa on BIO
/// token tags, and the counts agreed / label differs / boundary differs / both differ / only in
/// A / only in B; per label: strict F1 per pair and alpha; for everyone: Krippendorff's alpha
/// (nominal, over tokens). When the files carry events and relations: strict F1 of triggers,
/// whole events, arguments and relations per pair.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// The annotators' files or folders (two or more)
    #[arg(value_name = "A B [C…]")]
    paths: Vec<String>,
    /// Also write {"pairs": [{"a", "b", "f1_strict", "f1_overlap", "kappa", "per_label":
    /// {LABEL: {"f1_strict"}}}], "alpha"} (F1 in percent)
    #[arg(long, value_name = "OUT")]
    json: Option<String>,
    /// Add the label × label matrix of each pair
    #[arg(long)]
    confusion: bool,
}

#[derive(Serialize)]
struct JsonOut {
    pairs: Vec<JsonPair>,
    alpha: f64,
}

#[derive(Serialize)]
struct JsonPair {
    a: String,
    b: String,
    f1_strict: f64,
    f1_overlap: f64,
    kappa: f64,
    per_label: BTreeMap<String, JsonLabel>,
}

#[derive(Serialize)]
struct JsonLabel {
    f1_strict: f64,
}

pub fn run(o: Options) -> Result<(), String> {
    let (paths, json, confusion) = (o.paths, o.json, o.confusion);
    let team = load_team(&paths)?;
    let agreement = Agreement::of(&team);
    out!("{}", table(&team, &agreement, confusion))?;
    if let Some(out) = json {
        let value = json_out(&team, &agreement);
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        std::fs::write(&out, text + "\n").map_err(|e| format!("cannot write {out}: {e}"))?;
    }
    Ok(())
}

fn json_out(team: &Team, agreement: &Agreement) -> JsonOut {
    JsonOut {
        pairs: agreement
            .pairs
            .iter()
            .map(|p| JsonPair {
                a: team.name(p.a).to_string(),
                b: team.name(p.b).to_string(),
                f1_strict: p.spans.overall.f1_strict(),
                f1_overlap: p.spans.overall.f1_overlap(),
                kappa: p.kappa,
                per_label: agreement
                    .labels_in(&p.spans)
                    .map(|(l, t, _)| {
                        (
                            l.to_string(),
                            JsonLabel {
                                f1_strict: t.f1_strict(),
                            },
                        )
                    })
                    .collect(),
            })
            .collect(),
        alpha: agreement.all.alpha,
    }
}

fn table(team: &Team, agreement: &Agreement, confusion: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let names: Vec<String> = agreement
        .pairs
        .iter()
        .map(|p| format!("{} – {}", team.name(p.a), team.name(p.b)))
        .collect();
    let width = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "{} annotators, {} documents compared ({} shared by all)\n",
        team.annotators.len(),
        agreement.all.documents_compared,
        agreement.all.documents_shared_by_all
    );
    let _ = writeln!(
        out,
        "{:width$}  {:>4}  {:>9}  {:>10}  {:>6}  {:>6}  {:>5}  {:>8}  {:>4}  {:>6}  {:>6}",
        "pair",
        "docs",
        "F1 strict",
        "F1 overlap",
        "kappa",
        "agreed",
        "label",
        "boundary",
        "both",
        "only A",
        "only B"
    );
    let row = |out: &mut String, name: &str, docs: String, s: &SpanAgreement, kappa: String| {
        let o = s.outcomes;
        let _ = writeln!(
            out,
            "{name:width$}  {docs:>4}  {:>9.1}  {:>10.1}  {kappa:>6}  {:>6}  {:>5}  {:>8}  {:>4}  {:>6}  {:>6}",
            s.overall.f1_strict(),
            s.overall.f1_overlap(),
            o.agreed,
            o.label_differs,
            o.boundary_differs,
            o.both_differ,
            o.only_a,
            o.only_b
        );
    };
    for (p, name) in agreement.pairs.iter().zip(&names) {
        row(
            &mut out,
            name,
            p.documents.to_string(),
            &p.spans,
            format!("{:.3}", p.kappa),
        );
    }
    if agreement.pairs.len() > 1 {
        row(
            &mut out,
            "all pairs",
            String::new(),
            &agreement.all.spans,
            String::new(),
        );
    }
    let _ = writeln!(
        out,
        "\nKrippendorff's alpha (nominal, BIO tags over {} tokens): {:.3}\n",
        agreement.all.units, agreement.all.alpha
    );
    // per label: strict F1 of each pair, then alpha
    let _ = write!(out, "{:10}", "label");
    for name in &names {
        let _ = write!(out, "  {name:>width$}");
    }
    let _ = writeln!(out, "  {:>6}", "alpha");
    for (l, label) in agreement.labels.iter().enumerate() {
        let used = agreement.all.spans.per_label[l];
        if used.a + used.b == 0 {
            continue;
        }
        let _ = write!(out, "{label:10}");
        for p in &agreement.pairs {
            let t = p.spans.per_label[l];
            let cell = if t.a + t.b == 0 {
                "–".to_string()
            } else {
                format!("{:.1}", t.f1_strict())
            };
            let _ = write!(out, "  {cell:>width$}");
        }
        let _ = writeln!(out, "  {:>6.3}", agreement.all.label_alpha[l]);
    }
    if !agreement.all.links.is_empty() {
        let _ = writeln!(
            out,
            "\nevents and relations (F1; strict: same type and offsets; ACE as `spanmark eval`: A as gold)"
        );
        let _ = writeln!(
            out,
            "{:width$}  {:>8}  {:>6}  {:>9}  {:>9}  {:>13}  {:>13}",
            "pair",
            "triggers",
            "events",
            "arguments",
            "relations",
            "ACE detection",
            "ACE arguments"
        );
        for (p, name) in agreement.pairs.iter().zip(&names) {
            let l = &p.links;
            let _ = writeln!(
                out,
                "{name:width$}  {:>8.1}  {:>6.1}  {:>9.1}  {:>9.1}  {:>13.1}  {:>13.1}",
                l.triggers.f1_strict(),
                l.events.f1_strict(),
                l.arguments.f1_strict(),
                l.relations.f1_strict(),
                100.0 * l.ace.detection.f1(),
                100.0 * l.ace.arguments.f1()
            );
        }
    }
    if confusion {
        for (p, name) in agreement.pairs.iter().zip(&names) {
            let c = &p.spans.confusion;
            let _ = writeln!(
                out,
                "\nconfusion {name} (rows {}, columns {}; – = no span)",
                team.name(p.a),
                team.name(p.b)
            );
            let heads: Vec<&str> = c.labels.iter().map(String::as_str).chain(["–"]).collect();
            let _ = write!(out, "{:10}", "");
            for h in &heads {
                let _ = write!(out, " {h:>8}");
            }
            let _ = writeln!(out);
            for (r, h) in heads.iter().enumerate() {
                if c.counts[r].iter().sum::<usize>() == 0 && c.counts.iter().all(|row| row[r] == 0)
                {
                    continue;
                }
                let _ = write!(out, "{h:10}");
                for v in &c.counts[r] {
                    let _ = write!(out, " {v:>8}");
                }
                let _ = writeln!(out);
            }
        }
    }
    out
}
