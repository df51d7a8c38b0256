//! Export and import formats, one module per format, behind two calls: `export` and `import`.
//! Every export is re-read by its own reader before it is handed out; what would not survive is reported.

mod archive;
pub mod brat;
mod brat_links;
pub mod conll;
mod disk;
mod guess;
pub(crate) use guess::first_value_format;
pub mod doccano;
mod doccano_links;
mod intake;
pub mod labelstudio;
mod labelstudio_links;
pub mod links_json;
mod merge;
mod report;
mod review_json;
mod selfcheck;
pub mod spacy;
mod spacy_links;
pub mod spanmark;
pub mod txt;

use crate::document::{DocStatus, Document};
use crate::label::{Label, Schema};
use crate::span::Span;

pub use disk::{
    annotator_files, convert_paths, read_inputs, read_paths, write_export, Conversion, DiskError,
    Read,
};
pub use merge::{plan_merge, MergePlan};
pub use report::{ExportError, ImportError, Problem, Reason};

/// The formats Spanmark reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Spanmark,
    Spacy,
    Doccano,
    LabelStudio,
    Conll,
    Brat,
    Txt,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Spanmark,
        Format::Spacy,
        Format::Doccano,
        Format::LabelStudio,
        Format::Conll,
        Format::Brat,
        Format::Txt,
    ];

    /// The short name used by the CLI (`--from spacy`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Spanmark => "spanmark",
            Format::Spacy => "spacy",
            Format::Doccano => "doccano",
            Format::LabelStudio => "labelstudio",
            Format::Conll => "conll",
            Format::Brat => "brat",
            Format::Txt => "txt",
        }
    }

    /// What the export dialog shows.
    pub fn title(self) -> &'static str {
        match self {
            Format::Spanmark => "Spanmark JSON",
            Format::Spacy => "spaCy / Prodigy JSONL",
            Format::Doccano => "doccano JSONL",
            Format::LabelStudio => "Label Studio JSON",
            Format::Conll => "CoNLL-2003 (IOB2 / BILOU)",
            Format::Brat => "brat standoff (zip)",
            Format::Txt => "plain text",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name.trim().to_ascii_lowercase())
    }
}

/// Which documents go into an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentChoice {
    #[default]
    All,
    Done,
}

/// Which spans go into an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpanChoice {
    #[default]
    AcceptedOnly,
    WithSuggestions,
}

/// Token tags for CoNLL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagScheme {
    #[default]
    Iob2,
    Bilou,
}

/// Offset unit for doccano (Label Studio is always UTF-16, the others code points).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    #[default]
    CodePoint,
    Utf16,
}

impl OffsetUnit {
    pub fn name(self) -> &'static str {
        match self {
            OffsetUnit::CodePoint => "codepoint",
            OffsetUnit::Utf16 => "utf16",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportOptions {
    pub documents: DocumentChoice,
    pub spans: SpanChoice,
    pub scheme: TagScheme,
    pub offsets: OffsetUnit,
    /// The day of the export, e.g. "2026-11-22", for file names (the core has no clock).
    pub date: String,
}

/// One file of an export, ready to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The result of an export: the files and what would not survive in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub files: Vec<ExportFile>,
    /// Spans (or documents) the target cannot hold exactly; shown before saving.
    pub report: Vec<Problem>,
    pub documents: usize,
    /// spans written that re-read identically
    pub spans: usize,
}

impl Export {
    /// One file to download: the file itself, or a zip of all files when there are several.
    pub fn single_file(&self, zip_name: &str) -> Result<ExportFile, ExportError> {
        match self.files.as_slice() {
            [one] => Ok(one.clone()),
            files => Ok(ExportFile {
                name: zip_name.to_string(),
                bytes: archive::write(files)?,
            }),
        }
    }
}

/// Files as read from disk or a drop, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What an import produced; nothing is applied until the caller decides to.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub documents: Vec<Document>,
    /// Labels in the file: with colours for Spanmark JSON, otherwise in order of appearance with palette colours.
    pub labels: Vec<Label>,
    /// The schema the file carried (Spanmark JSON only).
    pub schema: Option<Schema>,
    /// Things the reader left out or changed, in sentences (overlapping spans, relation lines, CRLF).
    pub notes: Vec<String>,
}

impl Imported {
    /// The file's own schema (Spanmark JSON), or `base` with any label it lacks appended.
    pub fn schema_or(&self, base: &Schema) -> Schema {
        if let Some(schema) = &self.schema {
            return schema.clone();
        }
        let mut schema = base.clone();
        for label in &self.labels {
            if !schema.contains(&label.name) {
                schema.labels.push(Label {
                    key: None,
                    ..label.clone()
                });
            }
        }
        schema
    }
}

/// A document and the spans chosen for export, after the options were applied.
pub(crate) struct Chosen<'a> {
    pub doc: &'a Document,
    pub spans: Vec<Span>,
    /// the events and relations over the chosen spans
    pub links: crate::links::Links,
}

/// Export documents in a format; the result carries the self-check report.
pub fn export(
    format: Format,
    documents: &[Document],
    schema: &Schema,
    options: &ExportOptions,
) -> Result<Export, ExportError> {
    let chosen: Vec<Chosen> = documents
        .iter()
        .filter(|d| options.documents == DocumentChoice::All || d.status == DocStatus::Done)
        .map(|doc| {
            let spans: Vec<Span> = doc
                .spans()
                .iter()
                .filter(|s| options.spans == SpanChoice::WithSuggestions || s.is_accepted())
                .cloned()
                .collect();
            let with = options.spans == SpanChoice::WithSuggestions;
            let links = doc.links().accepted_for(&spans, with);
            Chosen { doc, spans, links }
        })
        .collect();
    let mut report = Vec::new();
    let files = match format {
        Format::Spanmark => spanmark::write(&chosen, schema, options)?,
        Format::Spacy => spacy::write(&chosen, options, &mut report)?,
        Format::Doccano => doccano::write(&chosen, options)?,
        Format::LabelStudio => labelstudio::write(&chosen, options)?,
        Format::Conll => conll::write(&chosen, options, &mut report),
        Format::Brat => brat::write(&chosen, schema, options, &mut report)?,
        Format::Txt => txt::write(&chosen, options),
    };
    let inputs: Vec<InputFile> = files
        .iter()
        .map(|f| InputFile {
            name: f.name.clone(),
            bytes: f.bytes.clone(),
        })
        .collect();
    let reread =
        import_files(format, &inputs).map_err(|e| ExportError::SelfCheck(e.to_string()))?;
    let spans = selfcheck::compare(format, &chosen, &reread.documents, &mut report);
    Ok(Export {
        files,
        report,
        documents: chosen.len(),
        spans,
    })
}

/// The files inside a zip (folders and hidden files skipped), in order; other bytes are returned as one file.
pub fn unzip(name: &str, bytes: &[u8]) -> Result<Vec<InputFile>, ImportError> {
    archive::expand(&[InputFile {
        name: name.to_string(),
        bytes: bytes.to_vec(),
    }])
}

/// Import one file (a zip for brat).
pub fn import(format: Format, name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_files(
        format,
        &[InputFile {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        }],
    )
}

/// Import several files at once (brat .txt + .ann pairs, many .txt files, or JSONL parts).
pub fn import_files(format: Format, files: &[InputFile]) -> Result<Imported, ImportError> {
    import_with(format, files, &ImportOptions::default())
}

/// Choices for an import that the file itself may not state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// doccano: the offset unit of lines whose `meta.offsets` is missing (doccano's own exports
    /// count UTF-16 units; files for Python count code points, the default).
    pub offsets: OffsetUnit,
}

/// Import several files with options.
pub fn import_with(
    format: Format,
    files: &[InputFile],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let files = archive::expand(files)?;
    match format {
        Format::Brat => return brat::read(&files),
        Format::Txt => return txt::read(&files),
        _ => {}
    }
    let mut all = Imported {
        documents: Vec::new(),
        labels: Vec::new(),
        notes: Vec::new(),
        schema: None,
    };
    for file in &files {
        let text = intake::utf8(file)?;
        let one = match format {
            Format::Spanmark => spanmark::read(&file.name, text)?,
            Format::Spacy => spacy::read(&file.name, text)?,
            Format::Doccano => doccano::read(&file.name, text, options.offsets)?,
            Format::LabelStudio => labelstudio::read(&file.name, text)?,
            _ => conll::read(&file.name, text)?,
        };
        all.documents.extend(one.documents);
        all.notes.extend(one.notes);
        all.schema = all.schema.or(one.schema);
        for label in one.labels {
            if !all.labels.iter().any(|l| l.name == label.name) {
                all.labels.push(label);
            }
        }
    }
    Ok(all)
}

/// "spanmark-2026-11-22-suffix.ext" (or "spanmark-suffix.ext" without a date).
pub(crate) fn file_name(options: &ExportOptions, suffix: &str, ext: &str) -> String {
    let mut name = String::from("spanmark");
    for part in [options.date.trim(), suffix] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(part);
        }
    }
    format!("{name}.{ext}")
}
