//! The export self-check: the written files are read back by the format's own reader and every
//! span is looked up again; whatever did not come back exactly goes into the report.

use crate::document::Document;
use crate::span::Span;

use super::report::{Problem, Reason};
use super::{Chosen, Format};

/// A problem about one span of a chosen document.
pub(crate) fn problem(c: &Chosen, s: &Span, reason: Reason) -> Problem {
    Problem {
        document: c.doc.id.clone(),
        title: c.doc.title.clone(),
        span: Some((
            s.start,
            s.end,
            s.label.clone(),
            c.doc.slice(s.start, s.end).to_string(),
        )),
        reason,
    }
}

fn document_problem(c: &Chosen, why: String) -> Problem {
    Problem {
        document: c.doc.id.clone(),
        title: c.doc.title.clone(),
        span: None,
        reason: Reason::Document(why),
    }
}

/// The chosen spans that do not overlap an earlier one; the others are reported (for targets without overlap).
pub(crate) fn apart<'a>(c: &'a Chosen, report: &mut Vec<Problem>) -> Vec<&'a Span> {
    let mut kept: Vec<&Span> = Vec::with_capacity(c.spans.len());
    for s in &c.spans {
        match kept.iter().find(|k| k.overlaps(s.start, s.end)) {
            Some(k) => report.push(problem(
                c,
                s,
                Reason::Overlap {
                    other_start: k.start,
                    other_end: k.end,
                    other_label: k.label.clone(),
                },
            )),
            None => kept.push(s),
        }
    }
    kept
}

fn reported(report: &[Problem], c: &Chosen, s: &Span) -> bool {
    report.iter().any(|p| {
        p.document == c.doc.id
            && p.span
                .as_ref()
                .is_some_and(|(a, b, l, _)| *a == s.start && *b == s.end && *l == s.label)
    })
}

/// Compares what was meant to be written with what the reader got back; returns the spans that survived.
pub(crate) fn compare(
    format: Format,
    chosen: &[Chosen],
    reread: &[Document],
    report: &mut Vec<Problem>,
) -> usize {
    let mut survived = 0;
    let mut found = Vec::new();
    for (i, c) in chosen.iter().enumerate() {
        let Some(back) = reread.get(i) else {
            found.push(document_problem(
                c,
                "the document is missing when the export is read back".into(),
            ));
            continue;
        };
        if format == Format::Txt && !c.spans.is_empty() {
            let why = format!(
                "plain text holds no spans: its {} spans are not in this file",
                c.spans.len()
            );
            found.push(document_problem(c, why));
        }
        let keeps_text = format != Format::Conll;
        if keeps_text && back.text() != c.doc.text() {
            found.push(document_problem(
                c,
                "the text came back different when the export was read back".into(),
            ));
            continue;
        }
        links_survived(format, c, back, &mut found);
        if format == Format::Txt {
            continue;
        }
        let expected: Vec<&Span> = c.spans.iter().filter(|s| !reported(report, c, s)).collect();
        let mut next = 0;
        for s in expected {
            let text = if keeps_text {
                String::new()
            } else {
                joined_tokens(c.doc, s)
            };
            let hit = back.spans()[next..].iter().position(|b| {
                b.label == s.label
                    && if keeps_text {
                        b.start == s.start && b.end == s.end
                    } else {
                        back.slice(b.start, b.end) == text
                    }
            });
            match hit {
                Some(k) => {
                    next += k + 1;
                    survived += 1;
                }
                None => found.push(problem(
                    c,
                    s,
                    Reason::Reread(describe_miss(back, s, keeps_text)),
                )),
            }
        }
    }
    for (i, back) in reread.iter().enumerate().skip(chosen.len()) {
        found.push(Problem {
            document: back.id.clone(),
            title: back.title.clone(),
            span: None,
            reason: Reason::Document(format!(
                "document {} appeared when the export was read back",
                i + 1
            )),
        });
    }
    report.extend(found);
    survived
}

/// The span's tokens joined as the CoNLL reader joins them: its text as that format gives it back.
fn joined_tokens(doc: &Document, s: &Span) -> String {
    let text = doc.text();
    let words: Vec<&str> = doc.tokens()[doc.tokens_overlapping(s.start, s.end)]
        .iter()
        .filter(|t| t.start >= s.start && t.end <= s.end)
        .map(|t| t.text(text))
        .collect();
    super::conll::rejoin(&words)
}

fn describe_miss(back: &Document, s: &Span, keeps_text: bool) -> String {
    let near = back
        .spans()
        .iter()
        .find(|b| b.overlaps(s.start, s.end) && keeps_text);
    match near {
        Some(b) => format!(
            "it came back as “{}” ({}, {}–{})",
            back.slice(b.start, b.end),
            b.label,
            b.start,
            b.end
        ),
        None => "it is missing".into(),
    }
}

/// Events and relations: formats that hold them must give them back exactly (state and
/// origin aside, which only Spanmark JSON keeps); CoNLL and plain text say they cannot.
fn links_survived(format: Format, c: &Chosen, back: &Document, found: &mut Vec<Problem>) {
    let (events, relations) = (c.links.events.len(), c.links.relations.len());
    if events + relations == 0 {
        return;
    }
    if matches!(format, Format::Conll | Format::Txt) {
        let name = if format == Format::Conll {
            "CoNLL"
        } else {
            "plain text"
        };
        found.push(document_problem(
            c,
            format!("{name} cannot express events or relations: its {events} events and {relations} relations are not in this file"),
        ));
        return;
    }
    let key = |l: &crate::links::Links| {
        let mut ev: Vec<_> = l
            .events
            .iter()
            .map(|e| (e.kind.clone(), e.start, e.end, e.args.clone()))
            .collect();
        let mut re: Vec<_> = l
            .relations
            .iter()
            .map(|r| (r.kind.clone(), r.from, r.to))
            .collect();
        ev.sort();
        re.sort();
        (ev, re)
    };
    let (want, got) = (key(&c.links), key(back.links()));
    if want != got {
        let lost_e = want.0.iter().filter(|e| !got.0.contains(e)).count();
        let lost_r = want.1.iter().filter(|r| !got.1.contains(r)).count();
        found.push(document_problem(
            c,
            format!("{lost_e} events and {lost_r} relations did not come back exactly when the export was read back"),
        ));
    }
}
