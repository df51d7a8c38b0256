//! Runs of capitalised name words over tokens: the person-name walk (given names, initials,
//! particles, hyphen compounds) and the organisation/place-name walk (with "of", "for", "and").

use super::date::{MONTHS, WEEKDAYS};
use super::lexicon::{class, Lexicon};
use super::words::{initial_at, inner_hyphen, View};

/// A word that may be part of a person's name.
pub fn person_word(v: &View<'_>, lex: &Lexicon) -> bool {
    v.shape.cap
        && !v.shape.punct
        && (!v.shape.upper || v.text.chars().count() <= 1)
        && v.shape.alpha
        && !lex.has(
            v.text,
            class::STOP | class::SOFT | class::TITLE | class::NAME_STOP,
        )
        && !lex.has(v.text, class::ORG_HEAD | class::FAC_HEAD | class::LOC_HEAD)
        && !MONTHS.contains(&v.text)
        && !WEEKDAYS.contains(&v.text)
}

/// End (exclusive) of the person-name run starting at `i`, with the number of name words in it;
/// None when token `i` cannot start a name.
pub fn person_run(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<(usize, usize)> {
    let mut end = i;
    let mut words = 0;
    loop {
        if words >= 5 {
            break;
        }
        if end > i && v.get(end).is_some_and(|t| t.line_start) {
            break;
        }
        if let Some(e) = initial_at(v, end) {
            // "R.R. Swain": initials must be followed by more name
            let mut e = e;
            while let Some(next) = initial_at(v, e) {
                if v[e].gap {
                    break;
                }
                e = next;
            }
            if v.get(e).is_some_and(|t| person_word(t, lex)) {
                end = e;
                words += 1;
                continue;
            }
            break;
        }
        let Some(t) = v.get(end) else { break };
        // "SSP Quetta Muhammad Baloch": a city before a given name qualifies the person
        let place_before_name = lex.is_core_place(t.text)
            && !lex.is_given_name(t.text)
            && v.get(end + 1)
                .is_some_and(|n| lex.is_core_given_name(n.text));
        if person_word(t, lex) && !place_before_name {
            end += 1;
            words += 1;
            // hyphen compounds: Amir-Abdollahian, el-Sissi, Ki-moon
            while end + 1 < v.len() && inner_hyphen(v, end) && v[end + 1].shape.alpha {
                end += 2;
            }
            continue;
        }
        // particles inside a name: bin, al, el-, ul
        if words > 0 && lex.has(t.text, class::PARTICLE) && !t.shape.cap {
            let mut next = end + 1;
            if inner_hyphen(v, end + 1) || v.get(end + 1).is_some_and(|h| h.text == "-" && !h.gap) {
                next = end + 2;
            }
            if v.get(next).is_some_and(|n| person_word(n, lex))
                && (next == end + 1 || !v[end + 1].gap)
            {
                end = next;
                continue;
            }
            // "von der Leyen": two particles in a row
            if next == end + 1
                && v.get(next)
                    .is_some_and(|n| lex.has(n.text, class::PARTICLE) && !n.shape.cap)
                && v.get(next + 1).is_some_and(|n| person_word(n, lex))
            {
                end = next + 1;
                continue;
            }
        }
        break;
    }
    (words > 0).then_some((end, words))
}

/// Capitalised descriptions that may stand before an organisation's name without being part of
/// it: "Opposition Congress", "Former Soviet Army", "Rivals Microsoft Corp", "Shares of Mitsubishi …".
const LEADING: &[&str] = &[
    "Opposition",
    "Former",
    "Ruling",
    "Rival",
    "Rivals",
    "Banned",
    "Outlawed",
    "Separatist",
    "Militant",
    "Pro-government",
    "Both",
    "Then",
    "Shares",
    "Peers",
    "Competitors",
    "Shareholders",
    "Investors",
    "Analysts",
    "Unlike",
];

/// The first token of a name starting at `start` (before `head`), past leading descriptions
/// and the "of"/"for" that joined them to it.
pub fn past_descriptions(v: &[View<'_>], start: usize, head: usize) -> usize {
    let mut start = start;
    while start < head && LEADING.contains(&v[start].text) {
        start += 1;
        while start < head && matches!(v[start].text, "of" | "for") {
            start += 1;
        }
    }
    start
}

/// A capitalised word that may sit inside the name of an organisation, facility or place.
pub fn org_word(v: &View<'_>, lex: &Lexicon) -> bool {
    (v.shape.cap || (v.shape.digits && v.text.len() <= 4) || ordinal(v.text))
        && !v.shape.punct
        && !lex.has(v.text, class::STOP)
}

/// "5th", "11th", "2nd": numbered units ("5th Border Guard Police Battalion").
fn ordinal(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&s[digits..], "st" | "nd" | "rd" | "th")
}

/// Start of the capitalised run that ends just before `end` (exclusive), walking left over name
/// words, glued hyphen compounds and the connectors "of", "for", "and", "&" between capitalised words.
pub fn org_run_back(
    v: &[View<'_>],
    lex: &Lexicon,
    end: usize,
    limit: usize,
    connectors: bool,
) -> usize {
    let mut start = end;
    while start > 0 && end - start < limit {
        if v[start.min(v.len() - 1)].line_start && start < end {
            break;
        }
        let p = start - 1;
        let t = &v[p];
        // "RIAZ KHAN Associated Press": a shouted word nobody knows is not part of the name
        if t.shape.upper && t.text.chars().count() >= 4 && lex.name(t.text).is_none() {
            break;
        }
        if org_word(t, lex) {
            start = p;
            continue;
        }
        if p > 0 && inner_hyphen(v, p) && start < end {
            start = p - 1;
            continue;
        }
        // "People's Liberation Army", "Pakistan People's Party": the one possessive names keep
        if p > 0
            && matches!(t.text, "'s" | "’s")
            && !t.gap
            && matches!(v[p - 1].text, "People" | "Peoples")
        {
            start = p - 1;
            continue;
        }
        if connectors
            && p > 0
            && start < end
            && matches!(t.text, "of" | "for" | "and" | "&")
            && org_word(&v[p - 1], lex)
        {
            start = p - 1;
            continue;
        }
        if let Some(e) = (p > 0).then(|| initial_at(v, p - 1)).flatten() {
            if e == start {
                start = p - 1;
                continue;
            }
        }
        break;
    }
    // "and" joins two names unless an "of"/"for" came before it: "Council for Science and Technology"
    let mut seen_of = false;
    let first = start;
    for (k, t) in v.iter().enumerate().take(end).skip(first) {
        match t.text {
            "of" | "for" => seen_of = true,
            "and" | "&" if !seen_of => start = k + 1,
            _ => {}
        }
    }
    // never start on a connector or a hyphen
    while start < end && (v[start].shape.punct || !org_word(&v[start], lex)) {
        if initial_at(v, start).is_some() {
            break;
        }
        start += 1;
    }
    start
}

/// End of a capitalised run starting at `i` (name words and glued hyphen compounds, no connectors).
pub fn org_run_forward(v: &[View<'_>], lex: &Lexicon, i: usize, limit: usize) -> usize {
    let mut end = i;
    while end < v.len() && end - i < limit {
        if end > i && v[end].line_start {
            break;
        }
        if org_word(&v[end], lex) {
            end += 1;
        } else if end > i && inner_hyphen(v, end) {
            end += 2;
        } else if let Some(e) = initial_at(v, end) {
            end = e;
        } else {
            break;
        }
    }
    end.min(v.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    fn slice<'a>(text: &'a str, v: &[View<'_>], a: usize, b: usize) -> &'a str {
        &text[v[a].byte_start..v[b - 1].byte_end]
    }

    #[test]
    fn person_runs_take_initials_particles_and_hyphens() {
        let lex = Lexicon::builtin();
        for (text, want) in [
            ("chief R.R. Swain said", "R.R. Swain"),
            (
                "President Abdel Fattah el-Sissi and",
                "Abdel Fattah el-Sissi",
            ),
            (
                "Sheikh Tamim bin Hamad Al Thani, the",
                "Tamim bin Hamad Al Thani",
            ),
            (
                "minister Hossein Amir-Abdollahian said",
                "Hossein Amir-Abdollahian",
            ),
            ("Minister Narendra Modi's government", "Narendra Modi"),
        ] {
            let toks = tokenize(text);
            let v = views(text, &toks);
            let (end, _) = person_run(&v, &lex, 1).unwrap_or_else(|| panic!("no run in {text}"));
            assert_eq!(slice(text, &v, 1, end), want);
        }
    }

    #[test]
    fn person_runs_stop_at_titles_months_and_acronyms() {
        let lex = Lexicon::builtin();
        let text = "Khan Monday ISPR Minister";
        let toks = tokenize(text);
        let v = views(text, &toks);
        assert_eq!(person_run(&v, &lex, 0), Some((1, 1)));
        assert_eq!(person_run(&v, &lex, 1), None);
        assert_eq!(person_run(&v, &lex, 2), None);
    }

    #[test]
    fn org_runs_walk_connectors_and_stop_at_function_words() {
        let lex = Lexicon::builtin();
        let text = "The Human Rights Commission of Pakistan and the Pakistan Institute for Conflict and Security Studies";
        let toks = tokenize(text);
        let v = views(text, &toks);
        let end = v.len();
        let start = org_run_back(&v, &lex, end, 12, true);
        assert_eq!(
            slice(text, &v, start, end),
            "Pakistan Institute for Conflict and Security Studies"
        );
        let commission = v.iter().position(|t| t.text == "Commission").unwrap();
        let start = org_run_back(&v, &lex, commission + 1, 12, true);
        assert_eq!(
            slice(text, &v, start, commission + 1),
            "Human Rights Commission"
        );
        assert_eq!(
            slice(
                text,
                &v,
                commission + 2,
                org_run_forward(&v, &lex, commission + 2, 6)
            ),
            "Pakistan"
        );
    }
}
