//! Plain text: each document is written as `ID.txt`, and each file read becomes a new document
//! (titled by its first line). Spans are not part of this format; the report says so.

use super::intake::{self, Draft};
use super::{Chosen, ExportFile, ExportOptions, ImportError, Imported, InputFile};

pub(crate) fn write(chosen: &[Chosen], _options: &ExportOptions) -> Vec<ExportFile> {
    let mut used = Vec::new();
    chosen
        .iter()
        .map(|c| ExportFile {
            name: format!("{}.txt", intake::unique_stem(&c.doc.id, &mut used)),
            bytes: c.doc.text().as_bytes().to_vec(),
        })
        .collect()
}

pub(crate) fn read(files: &[InputFile]) -> Result<Imported, ImportError> {
    let mut documents = Vec::with_capacity(files.len());
    let mut notes = Vec::new();
    for file in files {
        let text = intake::utf8(file)?;
        let draft = Draft::new(intake::stem(&file.name).to_string(), None, text.to_string());
        documents.push(intake::finish(draft, &mut notes));
    }
    Ok(Imported {
        documents,
        labels: Vec::new(),
        notes,
        schema: None,
    })
}
