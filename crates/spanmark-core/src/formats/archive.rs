//! Zip bundles: brat exports and multi-file downloads are written as one zip (stored), and dropped
//! zips (stored or deflated) are opened into their files before a reader sees them.
//!
//! Hand-written over `miniz_oxide` (inflate) and `crc32fast`: the `zip` crate with deflate added
//! about 140 KB to the wasm, this about 25 KB. Zip64, encryption and split archives are refused.

use super::{ExportError, ImportError, InputFile};
use crate::formats::ExportFile;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// 1980-01-01, the earliest DOS date: fixed so equal exports are equal bytes.
const DOS_DATE: u16 = (1 << 5) | 1;
/// Bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// Nothing inside one dropped zip may unpack to more than this.
const MAX_UNPACKED: usize = 256 << 20;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A zip of the files, stored without compression (news texts are small; the reader is what matters).
pub(crate) fn write(files: &[ExportFile]) -> Result<Vec<u8>, ExportError> {
    let too_big = || ExportError::Write("a zip over 4 GB cannot be written".into());
    let mut out = Vec::new();
    let mut central = Vec::new();
    for file in files {
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(file.bytes.len()).map_err(|_| too_big())?;
        let name = file.name.as_bytes();
        let name_len = u16::try_from(name.len())
            .map_err(|_| ExportError::Write(format!("the file name {} is too long", file.name)))?;
        let crc = crc32fast::hash(&file.bytes);
        // version 2.0, UTF-8 names, stored, 00:00 on 1980-01-01, crc, sizes, name length, no extra
        let fields = |out: &mut Vec<u8>| {
            u16le(out, 20);
            u16le(out, UTF8_NAMES);
            u16le(out, 0);
            u16le(out, 0);
            u16le(out, DOS_DATE);
            u32le(out, crc);
            u32le(out, size);
            u32le(out, size);
            u16le(out, name_len);
            u16le(out, 0);
        };
        u32le(&mut out, LOCAL);
        fields(&mut out);
        out.extend_from_slice(name);
        out.extend_from_slice(&file.bytes);
        u32le(&mut central, CENTRAL);
        u16le(&mut central, 20); // made by: version 2.0
        fields(&mut central);
        u16le(&mut central, 0); // comment length
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attributes
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let count = u16::try_from(files.len())
        .map_err(|_| ExportError::Write("a zip holds at most 65535 files".into()))?;
    let central_at = u32::try_from(out.len()).map_err(|_| too_big())?;
    let central_len = u32::try_from(central.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    u32le(&mut out, END);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, count);
    u16le(&mut out, count);
    u32le(&mut out, central_len);
    u32le(&mut out, central_at);
    u16le(&mut out, 0);
    Ok(out)
}

/// Whether bytes look like a zip (local file header or an empty archive).
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Little-endian reads that fail instead of panicking past the end.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u16(&self, at: usize) -> Result<u16, String> {
        let b = self.0.get(at..at + 2).ok_or("it ends too early")?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&self, at: usize) -> Result<u32, String> {
        let b = self.0.get(at..at + 4).ok_or("it ends too early")?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn slice(&self, at: usize, len: usize) -> Result<&[u8], String> {
        self.0
            .get(at..at.checked_add(len).ok_or("it is damaged")?)
            .ok_or_else(|| "it ends too early".into())
    }
}

/// The files of a zip, in the order of its central directory (folders included, as names ending in /).
fn entries(bytes: &[u8]) -> Result<Vec<InputFile>, String> {
    let zip = Bytes(bytes);
    let floor = bytes.len().saturating_sub(22 + 65_535);
    let end = (floor..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| zip.u32(i) == Ok(END))
        .ok_or("it has no end-of-archive record (is it a whole zip file?)")?;
    let count = usize::from(zip.u16(end + 10)?);
    let mut at = zip.u32(end + 16)? as usize;
    if zip.u32(end + 16)? == u32::MAX || zip.u16(end + 10)? == u16::MAX {
        return Err("it is a zip64 archive, which Spanmark does not open; zip the files again without zip64".into());
    }
    let mut out = Vec::with_capacity(count);
    let mut unpacked = 0usize;
    for _ in 0..count {
        if zip.u32(at)? != CENTRAL {
            return Err("its file list is damaged".into());
        }
        let flags = zip.u16(at + 8)?;
        let method = zip.u16(at + 10)?;
        let crc = zip.u32(at + 16)?;
        let packed = zip.u32(at + 20)? as usize;
        let size = zip.u32(at + 24)? as usize;
        let name_len = usize::from(zip.u16(at + 28)?);
        let extra_len = usize::from(zip.u16(at + 30)?);
        let comment_len = usize::from(zip.u16(at + 32)?);
        let local = zip.u32(at + 42)? as usize;
        let name = String::from_utf8_lossy(zip.slice(at + 46, name_len)?).into_owned();
        at += 46 + name_len + extra_len + comment_len;
        if flags & 1 != 0 {
            return Err(format!("{name} is encrypted"));
        }
        if zip.u32(local)? != LOCAL {
            return Err(format!("{name} is damaged (no local header)"));
        }
        let data_at =
            local + 30 + usize::from(zip.u16(local + 26)?) + usize::from(zip.u16(local + 28)?);
        let data = zip.slice(data_at, packed)?;
        unpacked = unpacked.saturating_add(size);
        if unpacked > MAX_UNPACKED {
            return Err("it unpacks to more than 256 MB".into());
        }
        let bytes = match method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size)
                .map_err(|e| format!("{name} cannot be decompressed ({:?})", e.status))?,
            m => {
                return Err(format!(
                    "{name} uses compression method {m}; Spanmark opens stored or deflated zips"
                ))
            }
        };
        if bytes.len() != size || crc32fast::hash(&bytes) != crc {
            return Err(format!("{name} is damaged (its checksum does not match)"));
        }
        out.push(InputFile { name, bytes });
    }
    Ok(out)
}

/// Every zip among the files replaced by the files inside it (folders and hidden files skipped).
pub(crate) fn expand(files: &[InputFile]) -> Result<Vec<InputFile>, ImportError> {
    let mut out = Vec::new();
    for file in files {
        if !is_zip(&file.bytes) {
            out.push(file.clone());
            continue;
        }
        let inner = entries(&file.bytes).map_err(|why| {
            ImportError::file(&file.name, format!("this zip cannot be opened: {why}"))
        })?;
        out.extend(inner.into_iter().filter(|f| {
            let base = f.name.rsplit('/').next().unwrap_or("");
            !(base.is_empty() || base.starts_with('.') || f.name.starts_with("__MACOSX/"))
        }));
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
                name: "dir/".into(),
                bytes: vec![],
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
    fn a_deflated_zip_from_another_tool_opens() {
        // `python3 -c "import zipfile; z = zipfile.ZipFile('d.zip', 'w', zipfile.ZIP_DEFLATED);
        //  z.writestr('a.txt', 'Kabul Kabul Kabul Kabul'); z.close()"`
        let zip: &[u8] = &[
            80, 75, 3, 4, 20, 0, 0, 0, 8, 0, 81, 103, 119, 93, 104, 28, 245, 113, 10, 0, 0, 0, 23,
            0, 0, 0, 5, 0, 0, 0, 97, 46, 116, 120, 116, 243, 78, 76, 42, 205, 81, 240, 70, 39, 1,
            80, 75, 1, 2, 20, 3, 20, 0, 0, 0, 8, 0, 81, 103, 119, 93, 104, 28, 245, 113, 10, 0, 0,
            0, 23, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 1, 0, 0, 0, 0, 97, 46, 116,
            120, 116, 80, 75, 5, 6, 0, 0, 0, 0, 1, 0, 1, 0, 51, 0, 0, 0, 45, 0, 0, 0, 0, 0,
        ];
        let back = expand(&[InputFile {
            name: "d.zip".into(),
            bytes: zip.to_vec(),
        }])
        .unwrap();
        assert_eq!(back[0].name, "a.txt");
        assert_eq!(back[0].bytes, b"Kabul Kabul Kabul Kabul");
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
                .starts_with("x.zip: this zip cannot be opened: it has no end-of-archive"),
            "{err}"
        );
        let mut zip = write(&[ExportFile {
            name: "a.txt".into(),
            bytes: b"Herat".to_vec(),
        }])
        .unwrap();
        zip[36] ^= 1; // flip a bit of the stored data (header 30 bytes + name 5)
        let err = expand(&[InputFile {
            name: "y.zip".into(),
            bytes: zip,
        }])
        .unwrap_err();
        assert!(err.to_string().contains("checksum does not match"), "{err}");
    }
}
