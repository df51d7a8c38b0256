//! Reading numbers off tokens: digit groups ("4,000", "1.1"), scale words ("million"),
//! number words ("seven", "twenty-five", "a dozen") and approximators ("at least", "nearly").

use super::words::{inner_hyphen, View};

const UNITS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
];
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "lakh", "crore",
];

/// Approximators that belong to the number they precede, longest first.
const APPROX: &[&[&str]] = &[
    &["as", "many", "as"],
    &["as", "few", "as"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["at", "least"],
    &["at", "most"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["close", "to"],
    &["an", "estimated"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["over"],
    &["estimated"],
];

pub fn lower_eq(t: &str, w: &str) -> bool {
    t.eq_ignore_ascii_case(w)
}

pub fn is_number_word(t: &str) -> bool {
    UNITS.iter().any(|u| lower_eq(t, u))
}

/// A number starting at token `i`: returns the end token (exclusive). Digit groups with
/// glued separators, number words (hyphenated "twenty-five"), "a dozen"/"a million", and a
/// following scale word ("1.1 million", "two hundred").
pub fn number_at(v: &[View<'_>], i: usize) -> Option<usize> {
    let t = v.get(i)?;
    let mut end;
    if t.shape.digits || digits_with_separators(t.text) {
        end = i + 1;
        // placeholder tokens: "4" "," "000" / "1" "." "1"
        while end + 1 < v.len()
            && matches!(v[end].text, "," | ".")
            && !v[end].gap
            && !v[end + 1].gap
            && v[end + 1].shape.digits
            && (v[end].text == "." || v[end + 1].text.len() == 3)
        {
            end += 2;
        }
    } else if is_number_word(t.text) {
        end = i + 1;
        if inner_hyphen(v, end) && is_number_word(v[end + 1].text) {
            end += 2;
        }
    } else if lower_eq(t.text, "a")
        && v.get(i + 1).is_some_and(|n| {
            matches!(
                n.text,
                "dozen" | "million" | "billion" | "thousand" | "hundred"
            )
        })
    {
        return Some(i + 2);
    } else {
        return None;
    }
    while v.get(end).is_some_and(|n| SCALES.contains(&n.text)) {
        end += 1;
    }
    Some(end)
}

fn digits_with_separators(s: &str) -> bool {
    let mut digits = 0;
    for c in s.chars() {
        match c {
            '0'..='9' => digits += 1,
            ',' | '.' => {}
            _ => return false,
        }
    }
    digits > 0
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.ends_with(|c: char| c.is_ascii_digit())
}

/// Start of an approximator phrase ending just before token `i` ("at least" in "at least 12").
pub fn approximator_before(v: &[View<'_>], i: usize) -> usize {
    for phrase in APPROX {
        let n = phrase.len();
        if i < n {
            continue;
        }
        if phrase
            .iter()
            .enumerate()
            .all(|(k, w)| lower_eq(v[i - n + k].text, w))
        {
            return i - n;
        }
    }
    i
}

/// End of a range whose first number ends at `end`: "6,000 to 6,500", "five or six", "10–14"
/// (not "from 12 to 20", a change rather than a range). `i` is the first number's first token.
pub fn range_end(v: &[View<'_>], i: usize, end: usize) -> Option<usize> {
    let joiner = v.get(end)?;
    let dash = matches!(joiner.text, "–" | "-") && !joiner.gap && !v.get(end + 1)?.gap;
    if !(matches!(joiner.text, "to" | "or") || dash) {
        return None;
    }
    if joiner.text == "to" && i > 0 && lower_eq(v[i - 1].text, "from") {
        return None;
    }
    number_at(v, end + 1)
}

/// "between 2,000 and 3,500": the end of the second number when token `i` starts the first
/// and "between" stands before it.
pub fn between_end(v: &[View<'_>], i: usize, end: usize) -> Option<usize> {
    if i == 0 || !lower_eq(v[i - 1].text, "between") || v.get(end)?.text != "and" {
        return None;
    }
    number_at(v, end + 1)
}

/// The value of a number word from "zero" to "twenty" (lower case), as a count is written.
pub fn word_value(w: &str) -> Option<u32> {
    if w == "zero" {
        return Some(0);
    }
    // UNITS runs "one" … "twenty" first, in order
    UNITS[..20]
        .iter()
        .position(|u| *u == w)
        .map(|i| i as u32 + 1)
}

/// The numeric value of a plain digit token (no separators), if small enough to matter.
pub fn digit_value(t: &str) -> Option<u32> {
    if t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// A day of the month as news writes it: "7", "24", and with an ordinal suffix "24th", "1st".
pub fn day_number(t: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digit_value(digits).filter(|d| (1..=31).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    fn number(text: &str) -> Option<String> {
        let toks = tokenize(text);
        let v = views(text, &toks);
        let end = number_at(&v, 0)?;
        let start = 0;
        Some(text[v[start].byte_start..v[end - 1].byte_end].to_string())
    }

    #[test]
    fn number_words_up_to_twenty_have_their_values() {
        assert_eq!(word_value("zero"), Some(0));
        assert_eq!(word_value("three"), Some(3));
        assert_eq!(word_value("twenty"), Some(20));
        assert_eq!(word_value("thirty"), None);
        assert_eq!(word_value("Three"), None, "lower case only");
    }

    #[test]
    fn reads_digits_words_and_scales() {
        assert_eq!(number("4,000 people").as_deref(), Some("4,000"));
        assert_eq!(number("1.1 million girls").as_deref(), Some("1.1 million"));
        assert_eq!(
            number("twenty-five soldiers").as_deref(),
            Some("twenty-five")
        );
        assert_eq!(number("a dozen men").as_deref(), Some("a dozen"));
        assert_eq!(number("Seven were killed").as_deref(), Some("Seven"));
        assert_eq!(number("dozens of people"), None);
        assert_eq!(number("a man"), None);
    }

    #[test]
    fn finds_approximators() {
        let text = "killing at least 27 and more than 150";
        let toks = tokenize(text);
        let v = views(text, &toks);
        let n27 = v.iter().position(|t| t.text == "27").unwrap();
        assert_eq!(v[approximator_before(&v, n27)].text, "at");
        let n150 = v.iter().position(|t| t.text == "150").unwrap();
        assert_eq!(v[approximator_before(&v, n150)].text, "more");
        assert_eq!(approximator_before(&v, 1), 1);
    }
}
