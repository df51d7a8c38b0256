//! `spanmark.agree`: the agreement of two or more annotators' files, the numbers `spanmark
//! agree --json` writes plus outcome counts and event/relation F1, as a Python dict.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use spanmark_core::formats::annotator_files;
use spanmark_core::review::{load_annotator_files, name_from_file, Agreement, SpanTally, Team};

use crate::errors::SpanmarkError;

/// A number for Python: NaN (nothing to compare) is None, as the CLI's JSON writes it.
fn number(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The team of the given paths, each annotator named after its file as the CLI names it.
fn team_of(paths: &[PathBuf]) -> Result<Team, String> {
    let mut annotators = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = path.display().to_string();
        let files = annotator_files(path)?;
        let name = name_from_file(shown.trim_end_matches('/'));
        annotators.push(load_annotator_files(&name, &files).map_err(|e| e.to_string())?);
    }
    Team::new(annotators).map_err(|e| e.to_string())
}

fn tally_f1<'py>(py: Python<'py>, t: &SpanTally) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("f1_strict", number(t.f1_strict()))?;
    Ok(d)
}

/// Agreement of two or more annotators' files (Spanmark exports or backups, or anything
/// `spanmark.read` reads; a folder of brat files is one annotator), documents paired by text.
#[pyfunction]
#[pyo3(signature = (a, b, *others))]
pub fn agree<'py>(
    py: Python<'py>,
    a: PathBuf,
    b: PathBuf,
    others: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut paths = vec![a, b];
    for p in others.iter() {
        paths.push(p.extract::<PathBuf>()?);
    }
    let (team, agreement) = py
        .detach(|| {
            let team = team_of(&paths)?;
            let agreement = Agreement::of(&team);
            Ok::<_, String>((team, agreement))
        })
        .map_err(SpanmarkError::new_err)?;
    let pairs = PyList::empty(py);
    for p in &agreement.pairs {
        let d = PyDict::new(py);
        d.set_item("a", team.name(p.a))?;
        d.set_item("b", team.name(p.b))?;
        d.set_item("f1_strict", number(p.spans.overall.f1_strict()))?;
        d.set_item("f1_overlap", number(p.spans.overall.f1_overlap()))?;
        d.set_item("kappa", number(p.kappa))?;
        let per_label = PyDict::new(py);
        for (label, t, _) in agreement.labels_in(&p.spans) {
            per_label.set_item(label, tally_f1(py, t)?)?;
        }
        d.set_item("per_label", per_label)?;
        d.set_item("documents", p.documents)?;
        let o = p.spans.outcomes;
        let outcomes = PyDict::new(py);
        outcomes.set_item("agreed", o.agreed)?;
        outcomes.set_item("label_differs", o.label_differs)?;
        outcomes.set_item("boundary_differs", o.boundary_differs)?;
        outcomes.set_item("both_differ", o.both_differ)?;
        outcomes.set_item("only_a", o.only_a)?;
        outcomes.set_item("only_b", o.only_b)?;
        d.set_item("outcomes", outcomes)?;
        let l = &p.links;
        let links = PyDict::new(py);
        links.set_item("triggers", number(l.triggers.f1_strict()))?;
        links.set_item("events", number(l.events.f1_strict()))?;
        links.set_item("arguments", number(l.arguments.f1_strict()))?;
        links.set_item("relations", number(l.relations.f1_strict()))?;
        links.set_item("ace_detection", number(100.0 * l.ace.detection.f1()))?;
        links.set_item("ace_arguments", number(100.0 * l.ace.arguments.f1()))?;
        d.set_item("links", links)?;
        pairs.append(d)?;
    }
    let out = PyDict::new(py);
    out.set_item("pairs", pairs)?;
    out.set_item("alpha", number(agreement.all.alpha))?;
    out.set_item("documents_compared", agreement.all.documents_compared)?;
    out.set_item(
        "documents_shared_by_all",
        agreement.all.documents_shared_by_all,
    )?;
    out.set_item("tokens", agreement.all.units)?;
    out.set_item("has_links", !agreement.all.links.is_empty())?;
    out.set_item("warnings", team.warnings())?;
    Ok(out)
}
