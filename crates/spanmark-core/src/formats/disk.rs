//! Formats on disk, for the CLI's `convert` and Python's `spanmark.convert` / `spanmark.read`:
//! files and folders read into `InputFile`s, imported, exported and written back.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::{export, import_with, unzip, Export, ExportError, ExportOptions, Format};
use super::{ImportError, ImportOptions, Imported, InputFile};
use crate::label::Schema;

/// Why a conversion on disk failed, as a sentence naming the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DiskError {
    /// A file or folder that cannot be read, created or written.
    #[error("{0}")]
    Io(String),
    #[error("no input files found")]
    NoInput,
    #[error("cannot tell the format of {0}; say it with --from")]
    UnknownFormat(String),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// Documents read from files, with the format they were read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub from: Format,
    pub imported: Imported,
}

/// What a conversion did: what it read, the export (with its self-check report) and the files written.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub from: Format,
    pub notes: Vec<String>,
    pub export: Export,
    pub written: Vec<PathBuf>,
}

/// Files to import: each path, or every file of a folder in name order (hidden files skipped).
pub fn read_inputs(paths: &[PathBuf]) -> Result<Vec<InputFile>, DiskError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| {
                    DiskError::Io(format!("cannot read the folder {}: {e}", path.display()))
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            entries.sort();
            for entry in entries {
                files.push(read_one(&entry, path)?);
            }
        } else {
            files.push(read_one(path, path.parent().unwrap_or(Path::new("")))?);
        }
    }
    Ok(files)
}

/// One annotator's files, as `spanmark agree` and Python's `spanmark.agree` read them: the
/// file, or every file of a folder (brat `.txt` + `.ann` pairs) in name order, each named by
/// its full path.
pub fn annotator_files(path: &Path) -> Result<Vec<InputFile>, String> {
    let one = |p: &Path| -> Result<InputFile, String> {
        Ok(InputFile {
            name: p.display().to_string(),
            bytes: std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        })
    };
    if !path.is_dir() {
        return Ok(vec![one(path)?]);
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("cannot read the folder {}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    names.sort();
    names.iter().map(|p| one(p)).collect()
}

fn read_one(path: &Path, base: &Path) -> Result<InputFile, DiskError> {
    let bytes = std::fs::read(path)
        .map_err(|e| DiskError::Io(format!("cannot read {}: {e}", path.display())))?;
    let name = path
        .strip_prefix(base)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    Ok(InputFile { name, bytes })
}

/// Import files or folders; the format is guessed from the first file when `from` is None.
pub fn read_paths(
    paths: &[PathBuf],
    from: Option<Format>,
    options: &ImportOptions,
) -> Result<Read, DiskError> {
    let inputs = read_inputs(paths)?;
    let first = inputs.first().ok_or(DiskError::NoInput)?;
    let from = match from {
        Some(f) => f,
        None => Format::guess(&first.name, &first.bytes)
            .ok_or_else(|| DiskError::UnknownFormat(first.name.clone()))?,
    };
    let imported = import_with(from, &inputs, options)?;
    Ok(Read { from, imported })
}

/// Read `inputs`, export them as `to` and write the result to `output`: a file, or a folder
/// (existing, or ending in `/`) that gets every exported file.
pub fn convert_paths(
    inputs: &[PathBuf],
    from: Option<Format>,
    to: Format,
    options: &ExportOptions,
    output: &Path,
) -> Result<Conversion, DiskError> {
    let reading = ImportOptions {
        offsets: options.offsets,
    };
    let Read { from, imported } = read_paths(inputs, from, &reading)?;
    let schema = imported.schema_or(&Schema::news());
    let export = export(to, &imported.documents, &schema, options)?;
    let written = write_export(&export, output)?;
    Ok(Conversion {
        from,
        notes: imported.notes,
        export,
        written,
    })
}

/// Write an export to a file (several files become one zip) or into a folder (zips unpacked).
pub fn write_export(export: &Export, out: &Path) -> Result<Vec<PathBuf>, DiskError> {
    let as_folder = out.is_dir() || out.to_string_lossy().ends_with('/');
    let cannot_write =
        |p: &Path, e: std::io::Error| DiskError::Io(format!("cannot write {}: {e}", p.display()));
    let mut written = Vec::new();
    if as_folder {
        std::fs::create_dir_all(out)
            .map_err(|e| DiskError::Io(format!("cannot create {}: {e}", out.display())))?;
        for file in &export.files {
            let inner = if file.name.ends_with(".zip") {
                unzip(&file.name, &file.bytes)?
            } else {
                vec![InputFile {
                    name: file.name.clone(),
                    bytes: file.bytes.clone(),
                }]
            };
            for f in inner {
                let path = out.join(&f.name);
                std::fs::write(&path, &f.bytes).map_err(|e| cannot_write(&path, e))?;
                written.push(path);
            }
        }
    } else {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let one = export.single_file(&name)?;
        std::fs::write(out, &one.bytes).map_err(|e| cannot_write(out, e))?;
        written.push(out.to_path_buf());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doccano_file_is_read_guessed_and_written_as_conll() {
        let dir = std::env::temp_dir().join(format!("spanmark-disk-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let input = dir.join("in.jsonl");
        std::fs::write(
            &input,
            "{\"text\":\"to Herat\",\"label\":[[3,8,\"GPE\"]]}\n",
        )
        .unwrap();
        let read = read_paths(
            std::slice::from_ref(&input),
            None,
            &ImportOptions::default(),
        )
        .unwrap();
        assert_eq!(read.from, Format::Doccano);
        assert_eq!(read.imported.documents[0].spans().len(), 1);
        let out = dir.join("out.conll");
        let done = convert_paths(
            &[input],
            None,
            Format::Conll,
            &ExportOptions::default(),
            &out,
        )
        .unwrap();
        assert_eq!((done.export.documents, done.export.spans), (1, 1));
        assert!(std::fs::read_to_string(&out)
            .unwrap()
            .contains("Herat -X- _ B-GPE"));
        let missing = read_paths(&[dir.join("nope.jsonl")], None, &ImportOptions::default());
        assert!(matches!(missing, Err(DiskError::Io(m)) if m.starts_with("cannot read")));
        std::fs::remove_dir_all(&dir).ok();
    }
}
