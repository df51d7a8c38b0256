//! The packed form of a document's spans: one string of base64 variable-length numbers,
//! `gap, length, code[, confidence bits]` per span — about 5 characters a span.
//!
//! Each character carries 5 bits of a number (least significant group first) plus a
//! continuation bit, in the URL-safe base64 alphabet (as in source-map VLQs), so the
//! string needs no JSON escaping. `gap` counts from the end of the previous span, so
//! spans are sorted and non-overlapping by construction.
//! `code = label_index << 5 | origin << 2 | has_confidence << 1 | accepted`; origin 7 is
//! a named rule of the detector, and its number in [`RULE_CODES`] follows the code;
//! the confidence, when present, is the exact bit pattern of the `f32`.

use super::error::PersistError;
use crate::span::{Origin, Span, SpanState};

/// Origin codes; the position in this list is what is stored. Append only.
pub const ORIGINS: [Origin; 7] = [
    Origin::Manual,
    Origin::Gazetteer,
    Origin::Pattern,
    Origin::Acronym,
    Origin::Memory,
    Origin::Model,
    Origin::Import,
];

/// The origin code of a span a named rule made; the rule's number follows.
const RULE: usize = 7;

/// The detector's rules by stored number: the position in this list is what is stored.
/// Append only (a renamed rule keeps its place); every rule of `detect::rules::RULES` is here.
pub const RULE_CODES: [&str; 22] = [
    "gazetteer",
    "shapes",
    "person",
    "family_first",
    "date",
    "cardinal",
    "faction",
    "acronym",
    "surname",
    "pairs",
    "identified",
    "repeats",
    "places",
    "org_context",
    "companies",
    "teams",
    "shouted",
    "age",
    "apposition",
    "alias",
    "unlabelled",
    "glued",
];

/// The stored number of a rule's name.
fn rule_code(name: &str) -> Option<usize> {
    RULE_CODES.iter().position(|n| *n == name)
}

/// The stored code of an origin. Exhaustive on purpose: a new origin must get a code
/// here (and in [`ORIGINS`]) before it can be saved; 3 bits are all used. A rule's span
/// is code 7 (and the rule's number follows); the caller writes that number.
pub(super) fn origin_code(o: Origin) -> usize {
    match o {
        Origin::Rule(name) => match rule_code(name) {
            Some(_) => RULE,
            None => origin_code(o.family()),
        },
        Origin::Manual => 0,
        Origin::Gazetteer => 1,
        Origin::Pattern => 2,
        Origin::Acronym => 3,
        Origin::Memory => 4,
        Origin::Model => 5,
        Origin::Import => 6,
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn push_number(out: &mut String, mut n: u64) {
    loop {
        let digit = (n & 31) as usize;
        n >>= 5;
        if n == 0 {
            out.push(ALPHABET[digit] as char);
            return;
        }
        out.push(ALPHABET[digit | 32] as char);
    }
}

fn sextet(b: u8) -> Option<u64> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u64)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        let mut shift = 0;
        loop {
            let s = sextet(*self.bytes.get(self.pos)?)?;
            self.pos += 1;
            if shift > 55 {
                return None;
            }
            n |= (s & 31) << shift;
            shift += 5;
            if s & 32 == 0 {
                return Some(n);
            }
        }
    }
}

/// Pack sorted, non-overlapping spans; returns the label table and the packed string.
pub fn pack(spans: &[Span]) -> (Vec<&str>, String) {
    let mut labels: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(spans.len() * 5);
    let mut prev_end = 0;
    for s in spans {
        let label = labels
            .iter()
            .position(|l| *l == s.label)
            .unwrap_or_else(|| {
                labels.push(&s.label);
                labels.len() - 1
            });
        let origin = origin_code(s.origin);
        // NaN cannot be compared or exported sensibly; out-of-range values are clamped.
        let confidence = s
            .confidence
            .filter(|c| c.is_finite())
            .map(|c| c.clamp(0.0, 1.0));
        let code = (label << 5)
            | (origin << 2)
            | (usize::from(confidence.is_some()) << 1)
            | usize::from(s.is_accepted());
        push_number(&mut out, s.start.saturating_sub(prev_end) as u64);
        push_number(&mut out, s.end.saturating_sub(s.start) as u64);
        push_number(&mut out, code as u64);
        if origin == RULE {
            let name = s.origin.rule().and_then(rule_code).unwrap_or_default();
            push_number(&mut out, name as u64);
        }
        if let Some(c) = confidence {
            push_number(&mut out, u64::from(c.to_bits()));
        }
        prev_end = s.end;
    }
    (labels, out)
}

/// Unpack and validate against the text length (code points) and the label table.
pub fn unpack(packed: &str, labels: &[String], len: usize) -> Result<Vec<Span>, PersistError> {
    let mut r = Reader {
        bytes: packed.as_bytes(),
        pos: 0,
    };
    let mut spans = Vec::new();
    let mut prev_end = 0usize;
    while r.pos < r.bytes.len() {
        let n = spans.len();
        let bad = PersistError::BadSpan { n };
        let (gap, width, code) = match (r.number(), r.number(), r.number()) {
            (Some(g), Some(w), Some(c)) => (g as usize, w as usize, c as usize),
            _ => return Err(bad),
        };
        let start = prev_end.saturating_add(gap);
        let end = start.saturating_add(width);
        if width == 0 {
            return Err(PersistError::EmptySpan { n });
        }
        if end > len {
            return Err(PersistError::BadOffsets { n, start, end, len });
        }
        let label_index = code >> 5;
        let label = labels.get(label_index).ok_or(PersistError::BadLabelIndex {
            n,
            label: label_index,
            count: labels.len(),
        })?;
        if label.trim().is_empty() {
            return Err(PersistError::EmptyLabel);
        }
        let origin = if (code >> 2) & 7 == RULE {
            let number = r.number().ok_or(PersistError::BadSpan { n })? as usize;
            let name = RULE_CODES.get(number).ok_or(PersistError::BadCode {
                n,
                code: number as u64,
            })?;
            // a stored rule this version no longer has reads as the pattern it was before
            crate::detect::rules::rule(name).map_or(Origin::Pattern, |r| r.origin())
        } else {
            *ORIGINS.get((code >> 2) & 7).ok_or(PersistError::BadCode {
                n,
                code: code as u64,
            })?
        };
        let state = if code & 1 == 1 {
            SpanState::Accepted
        } else {
            SpanState::Suggested
        };
        let confidence = if code & 2 == 2 {
            let bits = r.number().and_then(|b| u32::try_from(b).ok()).ok_or(bad)?;
            let c = f32::from_bits(bits);
            if !(0.0..=1.0).contains(&c) {
                return Err(PersistError::BadConfidence {
                    n,
                    value: c.to_string(),
                });
            }
            Some(c)
        } else {
            None
        };
        spans.push(Span {
            start,
            end,
            label: label.clone(),
            origin,
            state,
            confidence,
        });
        prev_end = end;
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_codes_match_the_decoding_table() {
        for (i, o) in ORIGINS.iter().enumerate() {
            assert_eq!(origin_code(*o), i);
        }
    }

    #[test]
    fn every_rule_has_a_stored_number_and_comes_back() {
        for r in crate::detect::rules::RULES {
            assert!(
                rule_code(r.name).is_some(),
                "{} has no stored number",
                r.name
            );
            let span = Span::suggested(2, 5, "ORG", r.origin());
            let (labels, packed) = pack(std::slice::from_ref(&span));
            let labels: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
            assert_eq!(unpack(&packed, &labels, 9).unwrap(), vec![span]);
        }
        // a rule number beyond the list is a bad code, not a panic
        let mut bad = String::new();
        push_number(&mut bad, 0);
        push_number(&mut bad, 1);
        push_number(&mut bad, (RULE << 2) as u64);
        push_number(&mut bad, 999);
        assert!(unpack(&bad, &["ORG".to_string()], 9).is_err());
    }
}
