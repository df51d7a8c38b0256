//! Zip bundles: brat exports and multi-file downloads are written as one zip, and dropped zips
//! are opened into their files before a reader sees them.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{ExportError, ExportFile, ImportError, InputFile};

/// A zip of the files (deflated; fixed 1980 timestamps so equal exports are equal bytes).
pub(crate) fn write(files: &[ExportFile]) -> Result<Vec<u8>, ExportError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for file in files {
        zip.start_file(file.name.as_str(), options)
            .map_err(|e| ExportError::Write(e.to_string()))?;
        zip.write_all(&file.bytes)
            .map_err(|e| ExportError::Write(e.to_string()))?;
    }
    let cursor = zip
        .finish()
        .map_err(|e| ExportError::Write(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// Whether bytes look like a zip (local file header magic).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Every zip among the files replaced by the files inside it (folders and hidden files skipped).
pub(crate) fn expand(files: &[InputFile]) -> Result<Vec<InputFile>, ImportError> {
    let mut out = Vec::new();
    for file in files {
        if !is_zip(&file.bytes) {
            out.push(file.clone());
            continue;
        }
        let broken = |e: zip::result::ZipError| {
            ImportError::file(&file.name, format!("this zip cannot be opened: {e}"))
        };
        let mut archive = ZipArchive::new(Cursor::new(file.bytes.as_slice())).map_err(broken)?;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(broken)?;
            let name = entry.name().to_string();
            let base = name.rsplit('/').next().unwrap_or("");
            if entry.is_dir()
                || base.is_empty()
                || base.starts_with('.')
                || name.starts_with("__MACOSX/")
            {
                continue;
            }
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).map_err(|e| {
                ImportError::file(
                    &file.name,
                    format!("{name} inside the zip cannot be read: {e}"),
                )
            })?;
            out.push(InputFile { name, bytes });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zip_opens_into_its_files_in_order() {
        let files = vec![
            ExportFile {
                name: "a.txt".into(),
                bytes: "Lahore ☕".as_bytes().to_vec(),
            },
            ExportFile {
                name: "a.ann".into(),
                bytes: b"T1\tGPE 0 6\tLahore\n".to_vec(),
            },
        ];
        let zip = write(&files).unwrap();
        assert!(is_zip(&zip));
        let back = expand(&[InputFile {
            name: "x.zip".into(),
            bytes: zip,
        }])
        .unwrap();
        let names: Vec<&str> = back.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "a.ann"]);
        assert_eq!(back[0].bytes, "Lahore ☕".as_bytes());
    }

    #[test]
    fn a_broken_zip_is_an_error_not_a_panic() {
        let err = expand(&[InputFile {
            name: "x.zip".into(),
            bytes: b"PK\x03\x04garbage".to_vec(),
        }])
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.zip: this zip cannot be opened"),
            "{err}"
        );
    }
}
