//! Relative dates and durations for the date detector: "last month", "the past decade",
//! "this year", "three days", "nearly two years", "a decade later", "six-week".

use super::date::{MONTHS, WEEKDAYS};
use super::numbers::{approximator_before, lower_eq, number_at, range_end};
use super::words::{inner_hyphen, View};

pub(super) const UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "fortnight",
];
const SEASONS: &[&str] = &["summer", "winter", "spring", "autumn", "fall"];
/// Periods named only after a relative word: "this season", "last season" (a sports season);
/// "the season" and "two seasons" are left alone.
const RELATIVE_ONLY: &[&str] = &["season"];
const RELATIVE: &[&str] = &[
    "last",
    "next",
    "this",
    "past",
    "coming",
    "previous",
    "following",
    "same",
    "current",
    "recent",
];
const AFTERWARDS: &[&str] = &[
    "ago",
    "later",
    "earlier",
    "before",
    "after",
    "afterwards",
    "old",
];
/// "last month", "this year", "the past decade", "the past two years", "last Monday", "next summer".
pub(super) fn relative(v: &[View<'_>], i: usize) -> Option<(usize, usize)> {
    let t = v.get(i)?;
    if !RELATIVE.iter().any(|r| lower_eq(t.text, r)) {
        return None;
    }
    let mut j = i + 1;
    if let Some(n) = number_at(v, j) {
        j = n;
    } else if v
        .get(j)
        .is_some_and(|w| matches!(w.text, "few" | "several"))
    {
        j += 1;
    }
    let u = v.get(j)?;
    let unit = UNITS.contains(&u.text)
        || SEASONS.contains(&u.text)
        || (j == i + 1 && RELATIVE_ONLY.contains(&u.text))
        || WEEKDAYS.contains(&u.text)
        || MONTHS.contains(&u.text);
    if !unit {
        return None;
    }
    let mut start = i;
    // "the past decade" keeps its "the"; "the same day" too
    let after_the = i > 0 && lower_eq(v[i - 1].text, "the");
    let plain = !lower_eq(t.text, "this") && !lower_eq(t.text, "last");
    // "the last two years" keeps it too, "the last month" reads as "last month"
    if after_the && (plain || (lower_eq(t.text, "last") && j > i + 1)) {
        start = i - 1;
    }
    Some((start, after_word(v, j + 1)))
}

/// "three days", "nearly two years", "a decade", "several years", "25-year", "six-week", "the 1990s".
pub(super) fn duration(v: &[View<'_>], i: usize) -> Option<(usize, usize)> {
    let t = v.get(i)?;
    let num_end = if lower_eq(t.text, "a")
        || lower_eq(t.text, "an")
        || t.text == "several"
        || t.text == "few"
    {
        Some(i + 1)
    } else {
        number_at(v, i)
    }?;
    // "10 to 14 days", "two or three weeks": a range of counts is one duration
    let num_end = match range_end(v, i, num_end) {
        Some(e) if v.get(e).is_some_and(|u| UNITS.contains(&u.text)) => e,
        _ => num_end,
    };
    let u = v.get(num_end)?;
    // "25-year", "six-week" (but not "5-year-old")
    if inner_hyphen(v, num_end) {
        let unit = v[num_end + 1].text;
        let singular = matches!(unit, "day" | "week" | "month" | "year" | "decade");
        let age =
            inner_hyphen(v, num_end + 2) && v.get(num_end + 3).is_some_and(|o| o.text == "old");
        if singular && !age && number_at(v, i).is_some() {
            return Some((approximator_before(v, i), num_end + 2));
        }
        return None;
    }
    if !UNITS.contains(&u.text) {
        return None;
    }
    let article = lower_eq(t.text, "a") || lower_eq(t.text, "an");
    if article && u.text.ends_with('s') {
        return None;
    }
    // "years old" is an age
    if v.get(num_end + 1).is_some_and(|o| o.text == "old") {
        return None;
    }
    Some((approximator_before(v, i), after_word(v, num_end + 1)))
}

/// "two years ago", "a decade later": the following word belongs to the date.
fn after_word(v: &[View<'_>], end: usize) -> usize {
    match v.get(end) {
        Some(w)
            if AFTERWARDS.contains(&w.text)
                && w.text != "old"
                && w.text != "before"
                && w.text != "after" =>
        {
            end + 1
        }
        _ => end,
    }
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "last",
];
const IN_A_ROW: &[&str] = &["consecutive", "straight", "successive", "running"];

/// "the third quarter", "a fifth consecutive year", "the second straight month": an ordinal
/// period ("the third quarter of 2025" is left to the lead-in of its year).
pub(super) fn ordinal_period(v: &[View<'_>], i: usize) -> Option<(usize, usize)> {
    let t = v.get(i)?;
    let the = lower_eq(t.text, "the");
    if !the && !lower_eq(t.text, "a") {
        return None;
    }
    if !v.get(i + 1).is_some_and(|o| ORDINALS.contains(&o.text)) {
        return None;
    }
    let in_a_row = v.get(i + 2).is_some_and(|w| IN_A_ROW.contains(&w.text));
    let j = if in_a_row { i + 3 } else { i + 2 };
    let u = v.get(j)?;
    let ok = if in_a_row {
        matches!(u.text, "day" | "week" | "month" | "year" | "decade")
    } else {
        the && u.text == "quarter"
    };
    if !ok || (!in_a_row && v.get(j + 1).is_some_and(|w| w.text == "of")) {
        return None;
    }
    Some((i, j + 1))
}

/// "the first nine months" + "of" + a date: the part and the date are one DATE
/// ("the first ten months of 2026", "the last six weeks of this year").
pub(super) fn part_of(
    v: &[View<'_>],
    start: usize,
    end: usize,
    date_at: impl Fn(usize) -> Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let part = |k: usize| matches!(v[k].text, "first" | "last" | "past");
    let from = if start >= 2 && part(start - 1) && lower_eq(v[start - 2].text, "the") {
        start - 2
    } else if start + 1 < end && lower_eq(v[start].text, "the") && part(start + 1) {
        start
    } else {
        return None;
    };
    if v.get(end).is_none_or(|w| w.text != "of") {
        return None;
    }
    match date_at(end + 1) {
        Some((s, e)) if s == end + 1 => Some((from, e)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    fn dates(text: &str) -> Vec<String> {
        let lex = crate::detect::lexicon::Lexicon::builtin();
        crate::detect::candidate::found_texts(text, |v, out| super::super::date::find(v, &lex, out))
    }

    #[test]
    fn ranges_and_ordinal_periods() {
        assert_eq!(
            dates("talks could take two or three weeks, or 10 to 12 days at best"),
            ["two or three weeks", "10 to 12 days"]
        );
        assert_eq!(
            dates("profits fell in the fourth quarter, a third straight year of losses"),
            ["the fourth quarter", "a third straight year"]
        );
        assert_eq!(
            dates(
                "arrests rose in the first six months of 2024 and the last two weeks of this year"
            ),
            [
                "the first six months of 2024",
                "the last two weeks of this year"
            ]
        );
        assert!(dates("the third man and a second look").is_empty());
    }
}
