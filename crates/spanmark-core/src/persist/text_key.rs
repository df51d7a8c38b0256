//! Where a stored document keeps its text (record version 3): a key of its own named by the
//! document id and a hash of the text, `spanmark/1/text/<hash>/<id>`, written once per text.
//!
//! The text never changes after a document is made, so a save rewrites only the document's
//! record (spans, events, relations), which names the text key by its hash (`"xk"`). Writers
//! write a new text key before the record that names it and remove the old one only after,
//! so every prefix of a save leaves a record whose text is there.

/// Every text key starts with this.
pub const TEXT_PREFIX: &str = "spanmark/1/text/";

/// FNV-1a (64 bits) of the text's UTF-8 bytes as 16 lowercase hex digits: stable across
/// builds and platforms (unlike `std`'s hasher), and it changes when the text does.
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The key of a document's text with this hash.
pub fn text_key(id: &str, hash: &str) -> String {
    format!("{TEXT_PREFIX}{hash}/{id}")
}

/// The document id a text key belongs to, if it is one.
pub fn doc_id_of_text_key(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(TEXT_PREFIX)?;
    let (hash, id) = rest.split_once('/')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !id.is_empty())
        .then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a_and_the_key_reads_back() {
        // the published FNV-1a 64 test vectors
        assert_eq!(text_hash(""), "cbf29ce484222325");
        assert_eq!(text_hash("a"), "af63dc4c8601ec8c");
        assert_ne!(text_hash("Kabul."), text_hash("Kabul!"));
        let key = text_key("a/b", &text_hash("x"));
        assert_eq!(doc_id_of_text_key(&key), Some("a/b"));
        assert_eq!(doc_id_of_text_key("spanmark/1/text/xyz/a"), None);
        assert_eq!(doc_id_of_text_key("spanmark/1/doc/a"), None);
    }
}
