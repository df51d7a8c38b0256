//! brat standoff: a zip of `NAME.txt` + `NAME.ann` (`T1<TAB>LABEL start end<TAB>text`, code points)
//! with `annotation.conf` and `visual.conf` from the schema; spans over line breaks become fragments.
//! Events and relations (E, R and trigger T lines) are in [`super::brat_links`].

use crate::document::Document;
use crate::label::{Label, Schema};
use crate::span::Span;
use crate::text::TextIndex;

use std::collections::HashMap;

use super::brat_links;
use super::intake::{self, Draft, RawSpan};
use super::report::{Problem, Reason};
use super::{
    archive, file_name, selfcheck, Chosen, ExportError, ExportFile, ExportOptions, ImportError,
    Imported, InputFile, OffsetUnit,
};

/// A label brat can use as an entity type: no whitespace and none of its configuration syntax.
fn brat_type(label: &str) -> Result<(), String> {
    if label.is_empty()
        || label
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "[]:|=,;!<>#".contains(c))
    {
        Err("a brat type cannot contain spaces or any of [ ] : | = , ; ! < > #".into())
    } else {
        Ok(())
    }
}

/// `start end` fragments of a span, split where the text has a line break.
fn fragments(doc: &Document, s: &Span) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in doc.slice(s.start, s.end).chars().enumerate() {
        let at = s.start + i;
        match (ch == '\n', start) {
            (true, Some(a)) => {
                out.push((a, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.end));
    }
    out
}

pub(crate) fn write(
    chosen: &[Chosen],
    schema: &Schema,
    options: &ExportOptions,
    report: &mut Vec<Problem>,
) -> Result<Vec<ExportFile>, ExportError> {
    let mut labels: Vec<Label> = schema
        .labels
        .iter()
        .filter(|l| brat_type(&l.name).is_ok())
        .cloned()
        .collect();
    let mut files = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for c in chosen {
        let stem = intake::unique_stem(&c.doc.id, &mut used);
        let mut ann = String::new();
        let mut n = 0;
        let mut span_ids: HashMap<(usize, usize), String> = HashMap::new();
        for s in selfcheck::apart(c, report) {
            if let Err(why) = brat_type(&s.label) {
                report.push(selfcheck::problem(c, s, Reason::Label(why)));
                continue;
            }
            if !labels.iter().any(|l| l.name == s.label) {
                labels.push(Label {
                    name: s.label.clone(),
                    color: "#999999".into(),
                    key: None,
                });
            }
            n += 1;
            span_ids.insert((s.start, s.end), format!("T{n}"));
            ann.push_str(&t_line(n, &s.label, c.doc, s));
        }
        let (links, _) = brat_links::write_lines(&c.links, &span_ids, |e| {
            n += 1;
            let trigger = Span::manual(e.start, e.end, e.kind.clone());
            ann.push_str(&t_line(n, &e.kind, c.doc, &trigger));
            format!("T{n}")
        });
        ann.push_str(&links);
        files.push(ExportFile {
            name: format!("{stem}.txt"),
            bytes: c.doc.text().as_bytes().to_vec(),
        });
        files.push(ExportFile {
            name: format!("{stem}.ann"),
            bytes: ann.into_bytes(),
        });
    }
    let mut conf = String::from(
        "# Spanmark export: offsets count code points; line endings are LF\n[entities]\n",
    );
    let mut visual = String::from("[labels]\n\n[drawing]\n");
    for l in &labels {
        conf.push_str(&format!("{}\n", l.name));
        visual.push_str(&format!("{}\tbgColor:{}\n", l.name, l.color));
    }
    conf.push_str(&brat_links::conf_sections(schema));
    conf.push_str("\n[attributes]\n");
    files.insert(
        0,
        ExportFile {
            name: "visual.conf".into(),
            bytes: visual.into_bytes(),
        },
    );
    files.insert(
        0,
        ExportFile {
            name: "annotation.conf".into(),
            bytes: conf.into_bytes(),
        },
    );
    Ok(vec![ExportFile {
        name: file_name(options, "brat", "zip"),
        bytes: archive::write(&files)?,
    }])
}

/// One T line: `T7<TAB>TYPE start end[;start end]<TAB>text`.
fn t_line(n: usize, kind: &str, doc: &Document, s: &Span) -> String {
    let parts = fragments(doc, s);
    let offsets: Vec<String> = parts.iter().map(|(a, b)| format!("{a} {b}")).collect();
    let text: Vec<&str> = parts.iter().map(|&(a, b)| doc.slice(a, b)).collect();
    format!("T{n}\t{kind} {}\t{}\n", offsets.join(";"), text.join(" "))
}

pub(crate) fn read(files: &[InputFile]) -> Result<Imported, ImportError> {
    let mut notes = Vec::new();
    let mut known: Vec<Label> = Vec::new();
    let mut schema = Schema::news();
    let base = |name: &str| name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    if let Some(conf) = files.iter().find(|f| base(&f.name) == "annotation.conf") {
        let (relations, events) = brat_links::conf_types(intake::utf8(conf)?);
        schema.relations = relations.unwrap_or(schema.relations);
        schema.events = events.unwrap_or(schema.events);
        for name in conf_entities(intake::utf8(conf)?) {
            known.push(Label {
                name,
                color: "#999999".into(),
                key: None,
            });
        }
    }
    if let Some(visual) = files.iter().find(|f| base(&f.name) == "visual.conf") {
        for (name, color) in conf_colours(intake::utf8(visual)?) {
            if let Some(l) = known.iter_mut().find(|l| l.name == name) {
                l.color = color;
            }
        }
    }
    let mut documents = Vec::new();
    for file in files.iter().filter(|f| f.name.ends_with(".txt")) {
        let stem = file.name.trim_end_matches(".txt");
        let text = intake::utf8(file)?;
        let mut draft = Draft::new(intake::stem(&file.name).to_string(), None, text.to_string());
        if let Some(ann) = files.iter().find(|f| f.name == format!("{stem}.ann")) {
            read_ann(ann, text, &mut draft, &mut notes, &schema)?;
        }
        documents.push(intake::finish(draft, &mut notes));
    }
    for f in files {
        let lonely = f.name.ends_with(".ann")
            && !files
                .iter()
                .any(|t| t.name == format!("{}.txt", f.name.trim_end_matches(".ann")));
        if lonely {
            return Err(ImportError::file(
                &f.name,
                "there is no .txt file with the same name beside it",
            ));
        }
        if !(f.name.ends_with(".ann") || f.name.ends_with(".txt") || f.name.ends_with(".conf")) {
            notes.push(format!(
                "{} was left out: brat imports read .txt, .ann and .conf files",
                f.name
            ));
        }
    }
    let labels = intake::labels_of(&documents, &known);
    Ok(Imported {
        documents,
        labels,
        notes,
        schema: None,
    })
}

fn read_ann(
    ann: &InputFile,
    text: &str,
    draft: &mut Draft,
    notes: &mut Vec<String>,
    schema: &Schema,
) -> Result<(), ImportError> {
    let index = TextIndex::new(text);
    let mut skipped = 0;
    let mut bounds: HashMap<String, brat_links::TextBound> = HashMap::new();
    let mut link_lines: Vec<(usize, &str)> = Vec::new();
    let content = intake::utf8(ann)?;
    for (i, line) in content.lines().enumerate() {
        let at = |m: String| ImportError::line(&ann.name, i + 1, m);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with('E') || line.starts_with('R') {
            link_lines.push((i + 1, line));
            continue;
        }
        if !line.starts_with('T') {
            skipped += 1;
            continue;
        }
        let mut columns = line.splitn(3, '\t');
        let id = columns.next().unwrap_or("");
        let (Some(middle), copy) = (columns.next(), columns.next()) else {
            return Err(at(format!(
                "{id} needs a tab, then “LABEL start end”, then a tab and the text"
            )));
        };
        let (label, ranges) = middle
            .split_once(' ')
            .ok_or_else(|| at(format!("{id} has no offsets after its label")))?;
        let mut parts = Vec::new();
        for range in ranges.split(';') {
            let nums: Vec<i64> = range
                .split_whitespace()
                .map(|x| x.parse::<i64>().unwrap_or(-1))
                .collect();
            let [a, b] = nums[..] else {
                return Err(at(format!("{id}: “{range}” is not “start end”")));
            };
            parts.push(
                intake::locate(&index, OffsetUnit::CodePoint, i + 1, a, b)
                    .map_err(|m| at(format!("{id}: {m}")))?,
            );
        }
        let (start, end) = (parts[0].0, parts[parts.len() - 1].1);
        let gaps_are_space = parts.windows(2).all(|w| {
            w[0].1 <= w[1].0
                && index
                    .slice(text, w[0].1, w[1].0)
                    .is_some_and(|g| g.trim().is_empty())
        });
        if !gaps_are_space {
            return Err(at(format!(
                "{id} has fragments with text between them; Spanmark spans are continuous"
            )));
        }
        if let Some(copy) = copy {
            let pieces: Vec<&str> = parts
                .iter()
                .map(|&(a, b)| index.slice(text, a, b).unwrap_or(""))
                .collect();
            if pieces.join(" ") != copy {
                return Err(at(format!(
                    "{id} says its text is “{copy}” but the text at its offsets is “{}”",
                    pieces.join(" ")
                )));
            }
        }
        intake::check_label(i + 1, label).map_err(at)?;
        bounds.insert(id.to_string(), (label.to_string(), start, end, i + 1));
    }
    let (links, triggers) = brat_links::read_lines(&link_lines, &bounds, schema)
        .map_err(|(line, m)| ImportError::line(&ann.name, line, m))?;
    let mut spans: Vec<_> = bounds
        .into_iter()
        .filter(|(id, _)| !triggers.contains(id))
        .map(|(_, (label, start, end, line))| (line, RawSpan::imported(start, end, &label)))
        .collect();
    spans.sort_by_key(|(line, _)| *line);
    draft.spans.extend(spans.into_iter().map(|(_, s)| s));
    draft.links = links;
    if skipped > 0 {
        notes.push(format!("{}: {skipped} attribute or note lines were left out; Spanmark reads entities, events and relations (T, E and R lines)", ann.name));
    }
    Ok(())
}

/// Entity types listed under `[entities]` (hierarchy tabs and `!` groups ignored).
fn conf_entities(conf: &str) -> Vec<String> {
    let mut section = "";
    let mut out = Vec::new();
    for line in conf.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t;
        } else if section == "[entities]"
            && !t.is_empty()
            && !t.starts_with('#')
            && !t.starts_with('!')
        {
            out.push(t.split_whitespace().next().unwrap_or(t).to_string());
        }
    }
    out
}

/// `LABEL<TAB>bgColor:#xxxxxx` lines under `[drawing]`.
fn conf_colours(conf: &str) -> Vec<(String, String)> {
    conf.lines()
        .filter_map(|line| {
            let (name, rest) = line.split_once('\t')?;
            let color = rest
                .split(',')
                .find_map(|kv| kv.trim().strip_prefix("bgColor:"))?;
            Some((name.trim().to_string(), color.trim().to_string()))
        })
        .collect()
}
