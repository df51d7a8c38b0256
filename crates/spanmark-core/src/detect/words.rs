//! What the rule detectors see of each token: its text, shape and spacing, computed once
//! per text, plus the shared walks over capitalised name-like runs of tokens.

use crate::token::Token;

/// One token as the rules see it.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub text: &'a str,
    /// code point offsets, end exclusive
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// whitespace (or nothing at all, for the first token) before this token
    pub gap: bool,
    /// a line break before this token (or it is the first token)
    pub line_start: bool,
    /// starts a sentence: first token, after . ! ? or at a line start
    pub sentence_start: bool,
    pub shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// first character is an uppercase letter
    pub cap: bool,
    /// has letters and all of them are uppercase
    pub upper: bool,
    /// only letters
    pub alpha: bool,
    /// only ASCII digits
    pub digits: bool,
    /// no letter or digit at all
    pub punct: bool,
}

impl Shape {
    pub fn of(s: &str) -> Shape {
        let mut chars = s.chars();
        let first = chars.next();
        let cap = first.is_some_and(char::is_uppercase);
        let mut letters = 0usize;
        let mut lower = 0usize;
        let mut alnum = 0usize;
        let mut digits = 0usize;
        let mut n = 0usize;
        for c in s.chars() {
            n += 1;
            if c.is_alphabetic() {
                letters += 1;
                alnum += 1;
                if c.is_lowercase() {
                    lower += 1;
                }
            } else if c.is_ascii_digit() {
                digits += 1;
                alnum += 1;
            } else if c.is_alphanumeric() {
                alnum += 1;
            }
        }
        Shape {
            cap,
            upper: letters > 0 && lower == 0,
            alpha: n > 0 && letters == n,
            digits: n > 0 && digits == n,
            punct: alnum == 0,
        }
    }
}

/// Token ranges (start, end) of the text's lines.
pub fn lines(v: &[View<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=v.len() {
        if i == v.len() || v[i].line_start {
            out.push((start, i));
            start = i;
        }
    }
    out
}

/// Token views of a whole text.
pub fn views<'a>(text: &'a str, tokens: &[Token]) -> Vec<View<'a>> {
    let mut out: Vec<View<'a>> = Vec::with_capacity(tokens.len());
    let mut prev_byte_end = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        let (bs, be) = (t.byte_start.min(text.len()), t.byte_end.min(text.len()));
        let s = text.get(bs..be).unwrap_or("");
        let between = text.get(prev_byte_end.min(bs)..bs).unwrap_or("");
        let line_start = i == 0 || between.contains('\n');
        let sentence_start = line_start
            || out.last().is_some_and(|p: &View<'_>| {
                matches!(p.text, "." | "!" | "?" | "—" | "--") && !between.is_empty()
            });
        out.push(View {
            text: s,
            start: t.start,
            end: t.end,
            byte_start: bs,
            byte_end: be,
            gap: i == 0 || !between.is_empty(),
            line_start,
            sentence_start,
            shape: Shape::of(s),
        });
        prev_byte_end = be;
    }
    out
}

/// True when token `i` is `-` glued to both neighbours (a hyphen inside a compound).
pub fn inner_hyphen(v: &[View<'_>], i: usize) -> bool {
    i > 0
        && i + 1 < v.len()
        && matches!(v[i].text, "-" | "‐" | "‑")
        && !v[i].gap
        && !v[i + 1].gap
        && !v[i - 1].shape.punct
        && !v[i + 1].shape.punct
}

/// True when tokens from `i` on spell a possessive: `'s`, `’s`, or `'` `s` / `’` `s`.
pub fn possessive_at(v: &[View<'_>], i: usize) -> bool {
    let Some(t) = v.get(i) else { return false };
    if t.gap {
        return false;
    }
    match t.text {
        "'s" | "’s" | "'" | "’" => {
            if t.text.len() > 1 && t.text.ends_with('s') {
                return true;
            }
            v.get(i + 1)
                .is_some_and(|n| !n.gap && (n.text == "s" || n.text == "S"))
                || t.text.ends_with('s')
        }
        _ => false,
    }
}

/// A single capital letter followed by a glued full stop ("R." in "R.R. Swain", "U." in "U.N."),
/// or a token that already is such an abbreviation ("U.S.", "R.R."). Returns the end of it.
pub fn initial_at(v: &[View<'_>], i: usize) -> Option<usize> {
    let t = v.get(i)?;
    if t.text.len() > 1
        && t.text.ends_with('.')
        && t.text.chars().all(|c| c == '.' || c.is_uppercase())
    {
        return Some(i + 1);
    }
    if t.text.chars().count() == 1 && t.shape.cap && t.shape.alpha {
        let dot = v.get(i + 1)?;
        if dot.text == "." && !dot.gap {
            return Some(i + 2);
        }
    }
    None
}

/// Lowercased first-letter-uppercase form ("PESHAWAR" → "Peshawar", "NEW DELHI" → "New Delhi").
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_word_start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if at_word_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_word_start = false;
        } else {
            out.push(c);
            at_word_start = c.is_whitespace() || c == '-';
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn shapes() {
        assert!(Shape::of("Lahore").cap && !Shape::of("Lahore").upper);
        assert!(Shape::of("ISPR").upper && Shape::of("ISPR").alpha);
        assert!(Shape::of("2019").digits && !Shape::of("2019").alpha);
        assert!(Shape::of("—").punct);
        assert!(!Shape::of("based").cap);
    }

    #[test]
    fn spacing_and_sentences() {
        let text = "He left. Then\nKabul";
        let toks = tokenize(text);
        let v = views(text, &toks);
        assert!(v[0].sentence_start && v[0].line_start);
        let then = v.iter().position(|x| x.text == "Then").unwrap();
        assert!(v[then].sentence_start && !v[then].line_start);
        let kabul = v.iter().position(|x| x.text == "Kabul").unwrap();
        assert!(v[kabul].line_start);
        let dot = v.iter().position(|x| x.text == ".").unwrap();
        assert!(!v[dot].gap);
    }

    #[test]
    fn hyphens_initials_possessives() {
        let text = "Lahore-based R.R. Swain's";
        let toks = tokenize(text);
        let v = views(text, &toks);
        let h = v.iter().position(|x| x.text == "-").unwrap();
        assert!(inner_hyphen(&v, h));
        let r = v.iter().position(|x| x.text.starts_with('R')).unwrap();
        assert!(initial_at(&v, r).is_some());
        let swain = v.iter().position(|x| x.text == "Swain").unwrap();
        assert!(possessive_at(&v, swain + 1));
        assert_eq!(title_case("NEW DELHI"), "New Delhi");
    }
}
