//! brat standoff: a zip of `NAME.txt` + `NAME.ann` (`T1<TAB>LABEL start end<TAB>text`, code points)
//! with `annotation.conf` and `visual.conf` from the schema; spans over line breaks become fragments.

use crate::document::Document;
use crate::label::{Label, Schema};
use crate::span::Span;
use crate::text::TextIndex;

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
            let parts = fragments(c.doc, s);
            let offsets: Vec<String> = parts.iter().map(|(a, b)| format!("{a} {b}")).collect();
            let text: Vec<&str> = parts.iter().map(|&(a, b)| c.doc.slice(a, b)).collect();
            n += 1;
            ann.push_str(&format!(
                "T{n}\t{} {}\t{}\n",
                s.label,
                offsets.join(";"),
                text.join(" ")
            ));
        }
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
    conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
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

pub(crate) fn read(files: &[InputFile]) -> Result<Imported, ImportError> {
    let mut notes = Vec::new();
    let mut known: Vec<Label> = Vec::new();
    let base = |name: &str| name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
    if let Some(conf) = files.iter().find(|f| base(&f.name) == "annotation.conf") {
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
            read_ann(ann, text, &mut draft, &mut notes)?;
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
) -> Result<(), ImportError> {
    let index = TextIndex::new(text);
    let mut skipped = 0;
    for (i, line) in intake::utf8(ann)?.lines().enumerate() {
        let at = |m: String| ImportError::line(&ann.name, i + 1, m);
        if line.trim().is_empty() {
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
        draft.spans.push(RawSpan::imported(start, end, label));
    }
    if skipped > 0 {
        notes.push(format!("{}: {skipped} relation, event, attribute or note lines were left out; Spanmark reads entities (T lines)", ann.name));
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
