//! Date detector: weekdays, months with days and years ("Oct. 7, 2023", "August 2021"), years,
//! relative dates ("last month", "the past decade", "this year"), and durations ("three days",
//! "nearly two years", "a decade later", "six-week").

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::numbers::{day_number, digit_value, lower_eq};
use super::period::{duration, ordinal_period, part_of, relative};
use super::words::{inner_hyphen, View};
use crate::span::Origin;

pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub(super) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_ABBR: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
const PLAIN: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "Today",
    "Yesterday",
    "Tomorrow",
];
/// Nouns after a bare four-digit number that make it a count ("2019 people").
const COUNTED: &[&str] = &[
    "people",
    "soldiers",
    "civilians",
    "troops",
    "militants",
    "members",
    "families",
    "homes",
    "houses",
    "cases",
    "deaths",
    "refugees",
    "migrants",
    "children",
    "women",
    "men",
    "votes",
    "workers",
    "prisoners",
    "police",
];

pub fn find(v: &[View<'_>], lex: &Lexicon, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < v.len() {
        let found = month_date(v, i)
            .or_else(|| weekday(v, i))
            .or_else(|| relative(v, i))
            .or_else(|| duration(v, i))
            .or_else(|| year(v, lex, i))
            .or_else(|| ordinal_period(v, i));
        match found {
            Some((start, end)) => {
                let (start, end) = part_of(v, start, end, |j| {
                    month_date(v, j)
                        .or_else(|| relative(v, j))
                        .or_else(|| year(v, lex, j))
                })
                .unwrap_or((start, end));
                let start = lead_in(v, start);
                out.push(Candidate::new(
                    start,
                    end,
                    Kind::Date,
                    Origin::Pattern,
                    rank::DATE,
                ));
                i = end;
                // "October 7 and 11": a second day of the same month
                if let Some(day) = second_day(v, start, end) {
                    out.push(Candidate::new(
                        day,
                        day + 1,
                        Kind::Date,
                        Origin::Pattern,
                        rank::DATE,
                    ));
                    i = day + 1;
                }
            }
            None => i += 1,
        }
    }
}

/// The token of a day after "Month D and|or" ("October 7 and 11, ..."), when no noun follows it.
fn second_day(v: &[View<'_>], start: usize, end: usize) -> Option<usize> {
    let day_of = |t: &View<'_>| digit_value(t.text).filter(|d| (1..=31).contains(d));
    let first = day_of(v.get(end - 1)?)?;
    let joined = is_month(v, start).is_some() && matches!(v.get(end)?.text, "and" | "or");
    let second = v.get(end + 1)?;
    let bare = v.get(end + 2).is_none_or(|n| n.shape.punct || n.shape.cap);
    (joined && second.text.len() <= 2 && day_of(second).is_some_and(|d| d > first) && bare)
        .then_some(end + 1)
}

fn is_month(v: &[View<'_>], i: usize) -> Option<usize> {
    let t = v.get(i)?;
    if MONTHS.contains(&t.text) {
        return Some(i + 1);
    }
    if MONTH_ABBR.contains(&t.text) {
        return Some(if v.get(i + 1).is_some_and(|d| d.text == "." && !d.gap) {
            i + 2
        } else {
            i + 1
        });
    }
    if t.text.len() > 3
        && t.text.ends_with('.')
        && MONTH_ABBR.contains(&&t.text[..t.text.len() - 1])
    {
        return Some(i + 1);
    }
    None
}

fn is_year(t: &View<'_>) -> bool {
    t.shape.digits && is_year_text(t.text)
}

fn is_year_text(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && digit_value(s).is_some_and(|y| (1800..=2099).contains(&y))
}

/// "March 23", "Oct. 7, 2023", "August 2021", "23 March 2023", and a month alone.
fn month_date(v: &[View<'_>], i: usize) -> Option<(usize, usize)> {
    // "23 March (2023)", "24th November", "5th of May", "24 Nov, 2026" (Dawn's "Updated" line)
    let t = v.get(i)?;
    let digit_first = t.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if t.shape.digits || (digit_first && day_number(t.text).is_some()) {
        day_number(t.text)?;
        let of = !t.shape.digits && v.get(i + 1).is_some_and(|o| o.text == "of");
        let m = is_month(v, if of { i + 2 } else { i + 1 })?;
        let end = if v.get(m).is_some_and(is_year) {
            m + 1
        } else if v.get(m).is_some_and(|c| c.text == ",") && v.get(m + 1).is_some_and(is_year) {
            m + 2
        } else {
            m
        };
        return Some((i, end));
    }
    let m = is_month(v, i)?;
    let abbreviated = m - i > 1 || !MONTHS.contains(&v[i].text);
    // "March 23", "November 24th"
    if let Some(day) = v.get(m).and_then(|t| day_number(t.text)) {
        let mut end = m + 1;
        // "Nov. 22 to 23", "March 3-5": a range of days in one month
        let later_day = |t: &View<'_>| digit_value(t.text).is_some_and(|d| d > day && d <= 31);
        if v.get(end)
            .is_some_and(|j| matches!(j.text, "to" | "-" | "–"))
            && v.get(end + 1)
                .is_some_and(|t| t.text.len() <= 2 && later_day(t))
        {
            end += 2;
        }
        if v.get(end).is_some_and(|c| c.text == ",") && v.get(end + 1).is_some_and(is_year) {
            end += 2;
        }
        return Some((i, end));
    }
    if v.get(m).is_some_and(is_year) {
        return Some((i, m + 1));
    }
    if abbreviated {
        return None;
    }
    // "May" and "March" alone are also words: only after a date cue or sentence-internally capitalised
    if matches!(v[i].text, "May" | "March") {
        let cue = i > 0
            && matches!(
                v[i - 1].text,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "In"
                    | "Since"
            );
        if !cue {
            return None;
        }
    }
    Some((i, year_word_after(v, m)))
}

/// "June last year", "October this year", "March next year": the month and its year, one date.
fn year_word_after(v: &[View<'_>], m: usize) -> usize {
    let which = v
        .get(m)
        .is_some_and(|t| matches!(t.text, "last" | "this" | "next"));
    if which && v.get(m + 1).is_some_and(|t| t.text == "year") {
        m + 2
    } else {
        m
    }
}

fn weekday(v: &[View<'_>], i: usize) -> Option<(usize, usize)> {
    let t = v.get(i)?;
    if WEEKDAYS.contains(&t.text) || PLAIN.contains(&t.text) {
        return Some((i, i + 1));
    }
    None
}

/// A bare year: "2019", "in 1979", "mid-2023", "the 1990s" (when it reads as a year, not a count).
fn year(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<(usize, usize)> {
    let t = v.get(i)?;
    // "the 1990s" (one token or "1990" + "s")
    let decade_token = t.text.len() == 5 && t.text.ends_with('s') && is_year_text(&t.text[..4]);
    let split_decade = is_year(t) && v.get(i + 1).is_some_and(|s| s.text == "s" && !s.gap);
    if decade_token || split_decade {
        let end = if split_decade { i + 2 } else { i + 1 };
        let start = if i > 0 && lower_eq(v[i - 1].text, "the") {
            i - 1
        } else {
            i
        };
        return Some((start, end));
    }
    if !is_year(t) {
        return None;
    }
    // "2024-25": a span of years
    if inner_hyphen(v, i + 1) && v[i + 2].shape.digits && v[i + 2].text.len() == 2 {
        return Some((i, i + 3));
    }
    // news writes counts with separators ("2,019 people"); a bare 1800-2099 is a year unless
    // an approximator or a counted noun says otherwise
    let next = v.get(i + 1).map(|n| n.text).unwrap_or("");
    let prev = i.checked_sub(1).map(|p| v[p].text).unwrap_or("");
    let counted = COUNTED.contains(&next);
    let approximated = matches!(
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
    );
    let cue = lex.has(prev, class::YEAR_CUE);
    if cue || (!counted && !approximated) {
        // "mid-2023"
        if i >= 2 && inner_hyphen(v, i - 1) && lower_eq(v[i - 2].text, "mid") {
            return Some((i - 2, i + 1));
        }
        return Some((i, i + 1));
    }
    None
}

/// "early|late|mid" or "earlier|later this" before a date belong to it: "late 2023", "earlier this year".
fn lead_in(v: &[View<'_>], start: usize) -> usize {
    // "the first half of 2026", "the end of March", "the second quarter of 2025"
    if start >= 3 && v[start - 1].text == "of" {
        let part = &v[start - 2];
        let half = matches!(part.text, "half" | "quarter")
            && start >= 4
            && matches!(
                v[start - 3].text,
                "first" | "second" | "third" | "fourth" | "last"
            )
            && lower_eq(v[start - 4].text, "the");
        if half {
            return start - 4;
        }
        if matches!(part.text, "end" | "start" | "beginning" | "middle")
            && lower_eq(v[start - 3].text, "the")
        {
            return start - 3;
        }
    }
    // "late Friday": the time of day before a weekday is not part of the date
    let weekday = WEEKDAYS.contains(&v[start].text);
    if start > 0
        && !weekday
        && matches!(
            v[start - 1].text,
            "early" | "late" | "Early" | "Late" | "mid" | "earlier" | "Earlier"
        )
    {
        return start - 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    fn dates(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        crate::detect::candidate::found_texts(text, |v, out| find(v, &lex, out))
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            dates("on Thursday, Oct. 7, 2023, and in August 2021"),
            ["Thursday", "Oct. 7, 2023", "August 2021"]
        );
        assert_eq!(
            dates("on March 23 and 9 May 2023"),
            ["March 23", "9 May 2023"]
        );
        assert_eq!(dates("since 1979 and in late 2023"), ["1979", "late 2023"]);
        assert_eq!(
            dates("late Tuesday and early Sunday"),
            ["Tuesday", "Sunday"]
        );
        assert_eq!(
            dates("on May 2 and 9, and on June 4 and 40 people"),
            ["May 2", "9", "June 4"]
        );
        assert_eq!(
            dates("from Sept. 8 to 10 and June 3-5"),
            ["Sept. 8 to 10", "June 3-5"]
        );
        assert_eq!(dates("You may go. May said"), Vec::<String>::new());
        assert_eq!(
            dates("Published in Dawn, June 3rd, 2025; updated 4 Jun, 2025 and the 5th of July"),
            ["June 3rd, 2025", "4 Jun, 2025", "5th of July"]
        );
        // a text ending in "the first nine months of" looks for a date past its end
        assert_eq!(dates("in the first nine months of"), ["nine months"]);
    }

    #[test]
    fn parts_of_a_year() {
        assert_eq!(
            dates("in the second half of 2025 and by the end of March"),
            ["the second half of 2025", "the end of March"]
        );
    }

    #[test]
    fn month_with_its_relative_year() {
        assert_eq!(
            dates("the talks stalled in October last year and resume in March next year"),
            ["October last year", "March next year"]
        );
        assert_eq!(dates("in June, last year"), ["June", "last year"]);
    }

    #[test]
    fn relative_dates_and_durations() {
        assert_eq!(
            dates("last month, over the past decade and this year"),
            ["last month", "the past decade", "this year"]
        );
        assert_eq!(
            dates("for nearly two years, then three days later"),
            ["nearly two years", "three days later"]
        );
        assert_eq!(dates("a 25-year deal with a 5-year-old"), ["25-year"]);
        assert_eq!(dates("in the past two years"), ["the past two years"]);
    }

    #[test]
    fn a_season_is_a_date_only_after_a_relative_word() {
        assert_eq!(
            dates("He scored 20 this season after a poor last season and leaves next season."),
            ["this season", "last season", "next season"]
        );
        assert!(dates("the season opener, after two seasons away").is_empty());
    }

    #[test]
    fn decades_and_year_ranges() {
        assert_eq!(
            dates("in the 1980s and in 2024-25"),
            ["the 1980s", "2024-25"]
        );
    }

    #[test]
    fn counts_are_not_years() {
        assert!(
            dates("killed 2019 people").is_empty(),
            "{:?}",
            dates("killed 2019 people")
        );
        assert!(dates("more than 4,000 troops").is_empty());
    }
}
