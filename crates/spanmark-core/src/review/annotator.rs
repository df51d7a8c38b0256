//! One annotator's work as loaded from the file they sent: a Spanmark export or backup, or any
//! format Spanmark imports. Only accepted spans count; the file name gives the first name.

use crate::document::Document;
use crate::formats::{self, Format, InputFile};
use crate::label::Schema;
use crate::persist::decode_backup;

use super::error::ReviewError;
use super::pairing::text_hash;

/// An annotator: a name (renamable), the file it came from, its documents and its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotator {
    pub name: String,
    pub file: String,
    /// documents with only their accepted spans, one per distinct text
    pub documents: Vec<Document>,
    /// label names: the file's schema when it carries one, otherwise the labels its spans use
    pub labels: Vec<String>,
    /// sentences about what was left out while loading (suggestions, duplicate copies, notes)
    pub warnings: Vec<String>,
}

/// The annotator name a file gives: its name without folders and extension.
pub fn name_from_file(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    stem.strip_suffix(".spanmark").unwrap_or(stem).to_string()
}

/// Load one annotator from one file (a brat zip counts as one file).
pub fn load_annotator(file: &InputFile) -> Result<Annotator, ReviewError> {
    load_annotator_files(&name_from_file(&file.name), std::slice::from_ref(file))
}

/// Load one annotator from several files read together (brat `.txt` + `.ann` pairs).
pub fn load_annotator_files(name: &str, files: &[InputFile]) -> Result<Annotator, ReviewError> {
    let label = files
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let (documents, schema, mut warnings) = read(files, &label)?;
    if documents.is_empty() {
        return Err(ReviewError::Empty { file: label });
    }
    let mut labels: Vec<String> = match schema {
        Some(schema) => schema.labels.into_iter().map(|l| l.name).collect(),
        None => Vec::new(),
    };
    let mut kept: Vec<Document> = Vec::with_capacity(documents.len());
    let mut seen: std::collections::HashMap<u64, usize> = Default::default();
    let mut suggestions = 0;
    for mut doc in documents {
        let total = doc.spans().len();
        let accepted: Vec<_> = doc
            .spans()
            .iter()
            .filter(|s| s.is_accepted())
            .cloned()
            .collect();
        suggestions += total - accepted.len();
        let links = doc.links().accepted_for(&accepted, false);
        doc.set_spans(accepted);
        doc.set_links(links);
        for s in doc.spans() {
            if !labels.contains(&s.label) {
                labels.push(s.label.clone());
            }
        }
        let hash = text_hash(doc.text());
        match seen.get(&hash) {
            Some(&i) if kept[i].spans() == doc.spans() => warnings.push(format!(
                "{label}: “{}” is a second copy of “{}” (same text, same spans); one copy is used",
                doc.title, kept[i].title
            )),
            Some(&i) => {
                return Err(ReviewError::DuplicateDocument {
                    file: label,
                    first: kept[i].title.clone(),
                    second: doc.title.clone(),
                })
            }
            None => {
                seen.insert(hash, kept.len());
                kept.push(doc);
            }
        }
    }
    if suggestions > 0 {
        warnings.push(format!(
            "{label}: {suggestions} suggestion{} not accepted by the annotator {} left out",
            if suggestions == 1 { "" } else { "s" },
            if suggestions == 1 { "is" } else { "are" },
        ));
    }
    Ok(Annotator {
        name: name.to_string(),
        file: label,
        documents: kept,
        labels,
        warnings,
    })
}

type Read = (Vec<Document>, Option<Schema>, Vec<String>);

/// The documents of a backup or an importable file, all or nothing.
fn read(files: &[InputFile], label: &str) -> Result<Read, ReviewError> {
    if let [one] = files {
        let head = String::from_utf8_lossy(&one.bytes[..one.bytes.len().min(4096)]);
        let backup = |b: &[u8]| {
            formats::first_value_format(b).as_deref() == Some(crate::persist::BACKUP_FORMAT)
        };
        if head.contains("\"spanmark-backup\"")
            || (head.trim_start().starts_with('{') && backup(&one.bytes))
        {
            let text = String::from_utf8_lossy(&one.bytes);
            let backup = decode_backup(&text).map_err(|e| ReviewError::NotAnExport {
                file: one.name.clone(),
                why: format!("it looks like a backup, but {e}"),
            })?;
            return Ok((backup.documents, backup.labels, Vec::new()));
        }
    }
    let format = files
        .iter()
        .find_map(|f| Format::guess(&f.name, &f.bytes))
        .ok_or_else(|| ReviewError::NotAnExport {
            file: label.to_string(),
            why: "its name and first bytes match no known format".into(),
        })?;
    if format == Format::Txt {
        return Err(ReviewError::NotAnExport {
            file: label.to_string(),
            why: "plain text has no annotations to compare".into(),
        });
    }
    let imported = formats::import_files(format, files)
        .map_err(|e| ReviewError::Import(format!("{e} (read as {})", format.title())))?;
    let schema = imported.schema.clone().or_else(|| {
        (!imported.labels.is_empty()).then(|| Schema {
            name: String::new(),
            labels: imported.labels.clone(),
            ..Schema::news()
        })
    });
    let notes = imported
        .notes
        .iter()
        .map(|n| format!("{label}: {n}"))
        .collect();
    Ok((imported.documents, schema, notes))
}
