//! Cardinal detector: numerals and number words that count something, with their approximators
//! ("at least 12", "more than 4,000"), leaving out times, ages, money, percentages and measures.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::numbers::{approximator_before, between_end, lower_eq, number_at, range_end};
use super::words::View;
use crate::span::Origin;

const UNITS_OF_TIME: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
];

pub fn find(v: &[View<'_>], lex: &Lexicon, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < v.len() {
        let Some(mut end) = number_at(v, i) else {
            i += 1;
            continue;
        };
        if is_count(v, lex, i, end) {
            let mut start = approximator_before(v, i);
            // a range is one count: "6,000 to 6,500", "five or six", "between 2,000 and 3,500"
            // ("4 to 5 percent": the second number says what the first one is)
            if let Some(e) = between_end(v, i, end).or_else(|| range_end(v, i, end)) {
                if !is_count(v, lex, end + 1, e) {
                    i = e;
                    continue;
                }
                if v[end].text == "and" {
                    start = i - 1;
                }
                end = e;
            }
            out.push(Candidate::new(
                start,
                end,
                Kind::Cardinal,
                Origin::Pattern,
                rank::CARDINAL,
            ));
        }
        i = end;
    }
}

fn is_count(v: &[View<'_>], lex: &Lexicon, i: usize, end: usize) -> bool {
    let t = &v[i];
    // "one" is a count only before a noun or "of"; "no one", "one another" are not
    if lower_eq(t.text, "one") && end == i + 1 {
        let next = v.get(end).map(|n| n.text).unwrap_or("");
        let prev = i.checked_sub(1).map(|p| v[p].text).unwrap_or("");
        if matches!(
            next,
            "another" | "," | "." | "who" | "that" | "day" | "time"
        ) || matches!(
            prev,
            "no" | "No" | "any" | "every" | "the" | "The" | "this" | "that"
        ) {
            return false;
        }
    }
    // a plain year-like number counts only after a clear approximator ("more than 2000")
    if t.shape.digits
        && t.text.len() == 4
        && matches!(t.text.as_bytes()[0], b'1' | b'2')
        && end == i + 1
    {
        let prev = i.checked_sub(1).map(|p| v[p].text).unwrap_or("");
        if !matches!(
            prev,
            "than"
                | "about"
                | "nearly"
                | "almost"
                | "least"
                | "around"
                | "approximately"
                | "roughly"
                | "estimated"
                | "some"
        ) {
            return false;
        }
    }
    // glued to letters or a hyphen: "F-16", "Rs100", "COVID-19", "5-year-old"
    if !t.gap && i > 0 && !v[i - 1].shape.punct {
        return false;
    }
    if i > 0 && !t.gap && matches!(v[i - 1].text, "-" | "$" | "£" | "€" | "#" | "/" | ":" | "+")
    {
        return false;
    }
    if i > 0 && lex.has(v[i - 1].text, class::NOT_COUNT_BEFORE) {
        return false;
    }
    if let Some(n) = v.get(end) {
        let glued = !n.gap;
        if lex.has(n.text, class::NOT_COUNT_AFTER) || UNITS_OF_TIME.contains(&n.text) {
            return false;
        }
        if glued && matches!(n.text, "%" | ":" | "/" | "th" | "st" | "nd" | "rd") {
            return false;
        }
        // "5-year-old", "10-minute", "500-km": a hyphenated measure
        if glued && n.text == "-" {
            return false;
        }
        if glued && n.shape.alpha {
            return false;
        }
        // "1979 ...": a plain year is the date detector's
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    fn cardinals(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        crate::detect::candidate::found_texts(text, |v, out| find(v, &lex, out))
    }

    #[test]
    fn counts_with_approximators() {
        assert_eq!(
            cardinals("killing at least 27 and wounding more than 150"),
            ["at least 27", "more than 150"]
        );
        assert_eq!(
            cardinals("Seven soldiers and nearly 4,000 civilians"),
            ["Seven", "nearly 4,000"]
        );
        assert_eq!(
            cardinals("1.1 million girls, one of them"),
            ["1.1 million", "one"]
        );
    }

    #[test]
    fn not_counts() {
        assert!(
            cardinals("for 10 minutes, a 5-year-old, 40 percent, 250 km, Rs 500 and $5 million")
                .is_empty(),
            "{:?}",
            cardinals("for 10 minutes, a 5-year-old, 40 percent, 250 km, Rs 500 and $5 million")
        );
        assert!(cardinals("dozens of people, no one knew, an F-16 and Section 144").is_empty());
        assert!(cardinals("judge of Branch 28 of the court").is_empty());
        assert!(cardinals("three days").is_empty());
    }

    #[test]
    fn ranges_are_one_count() {
        assert_eq!(
            cardinals(
                "between 300 and 400 fighters, two or three boats and some 1,200 to 1,500 families"
            ),
            ["between 300 and 400", "two or three", "some 1,200 to 1,500"]
        );
        assert_eq!(
            cardinals("the toll rose from 12 to 20 and 4 to 5 percent"),
            ["12", "20"]
        );
    }
}
