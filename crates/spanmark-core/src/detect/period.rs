//! Relative dates and durations for the date detector: "last month", "the past decade",
//! "this year", "three days", "nearly two years", "a decade later", "six-week".

use super::date::{MONTHS, WEEKDAYS};
use super::numbers::{approximator_before, lower_eq, number_at};
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
