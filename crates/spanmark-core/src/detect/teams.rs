//! Sports teams: on a sports page a place that plays (beat, drew, a score after it, "coach"
//! after it), a name in a results line or a standings row, or a club name is an organisation.

use std::collections::HashSet;

use super::candidate::{rank, Candidate};
use super::date::{MONTHS, WEEKDAYS};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::take_over::{take_over, tidy};
use super::words::{lines, View};
use crate::span::Origin;

/// Nouns after a team's name ("England captain", "Dortmund coach").
const ROLES: &[&str] = &[
    "coach",
    "captain",
    "manager",
    "striker",
    "goalkeeper",
    "forward",
    "defender",
    "midfielder",
    "boss",
    "players",
    "squad",
    "side",
    "fans",
    "winger",
    "skipper",
];
/// Words before a team's name ("beat Chelsea", "against Peru", "lost to Wales").
const AGAINST: &[&str] = &[
    "beat", "against", "over", "host", "hosts", "face", "faces", "play", "plays", "rivals", "visit",
];

/// A score glued together: "2-1", "106-88".
fn score_at(v: &[View<'_>], i: usize) -> bool {
    i + 2 < v.len()
        && v[i].shape.digits
        && v[i].text.len() <= 3
        && v[i + 1].text == "-"
        && !v[i + 1].gap
        && !v[i + 2].gap
        && v[i + 2].shape.digits
        && v[i + 2].text.len() <= 3
}

/// Is this a sports page: a results table (two results lines or standings rows, or one with
/// sports words), scores with sports words, or many sports words?
fn sports_page(v: &[View<'_>], lex: &Lexicon, lines: &[(usize, usize)]) -> bool {
    let words = v
        .iter()
        .filter(|t| lex.has(t.text, class::SPORT_WORD))
        .count();
    let scores = (0..v.len()).filter(|&i| score_at(v, i)).count();
    let rows = lines
        .iter()
        .filter(|&&(s, e)| !table_names(v, s, e).is_empty())
        .count();
    rows >= 2 || (rows == 1 && words >= 2) || (scores >= 1 && words >= 3) || words >= 8
}

/// End of a run of capitalised words from `i` (within `end`).
fn cap_run(v: &[View<'_>], i: usize, end: usize) -> usize {
    let mut k = i;
    while k < end && v[k].shape.cap && !v[k].shape.punct {
        k += 1;
    }
    k
}

/// Team names of a results line ("Arsenal 2 Chelsea 1") or a standings row
/// ("1. Inter Milan 33 27 5 1 59 86"); empty for any other line.
fn table_names(v: &[View<'_>], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut i = s;
    // "1." rank
    if i + 1 < e && v[i].shape.digits && v[i + 1].text == "." {
        i += 2;
    }
    let first = cap_run(v, i, e);
    if first == i {
        return Vec::new();
    }
    let numbers = |from: usize| (from..e).take_while(|&k| v[k].shape.digits).count();
    let n1 = numbers(first);
    // standings: a name and at least four numbers to the end of the line
    if n1 >= 4 && first + n1 == e {
        return vec![(i, first)];
    }
    // results: name, score, name, score
    if n1 == 1 {
        let second = cap_run(v, first + 1, e);
        if second > first + 1 && numbers(second) == 1 && second + 1 == e {
            return vec![(i, first), (first + 1, second)];
        }
    }
    Vec::new()
}

/// The candidate covering token `i`; a binary search when `kept` is tidy (a linear scan on a
/// long page made this rule quadratic: minutes for a 50 MB text).
fn owner_of(kept: &[Candidate], i: usize, tidy: bool) -> Option<usize> {
    if !tidy {
        return kept.iter().position(|c| c.first <= i && i < c.last);
    }
    let k = kept.partition_point(|c| c.first <= i);
    (k > 0 && i < kept[k - 1].last).then(|| k - 1)
}

/// `take_over` for a tidy `kept`: the overlapped run replaced in place, no re-sort.
fn take_over_tidy(kept: &mut Vec<Candidate>, c: Candidate, tidy: bool) {
    if !tidy {
        return take_over(kept, c);
    }
    let lo = kept.partition_point(|o| o.last <= c.first);
    let hi = kept.partition_point(|o| o.first < c.last);
    kept.splice(lo..hi.max(lo), [c]);
}

/// Does the name at `s..e` play: a verb, a score or a role after it, or a rival's word before?
fn plays(v: &[View<'_>], lex: &Lexicon, s: usize, e: usize) -> bool {
    let next = v.get(e).map(|t| t.text).unwrap_or("");
    let after_possessive = if matches!(next, "'s" | "’s") {
        v.get(e + 1).map(|t| t.text).unwrap_or("")
    } else {
        ""
    };
    let prev = s.checked_sub(1).map(|p| v[p].text).unwrap_or("");
    let prev2 = s.checked_sub(2).map(|p| v[p].text).unwrap_or("");
    let score_before =
        s >= 4 && score_at(v, s - 4) && matches!(prev, "at" | "with" | "against" | "over" | "to");
    lex.has(next, class::PLAYS)
        || ROLES.contains(&next)
        || ROLES.contains(&after_possessive)
        || score_at(v, e)
        || AGAINST.contains(&prev)
        || score_before
        || (prev == "to" && matches!(prev2, "lost" | "losing" | "lose" | "loss"))
        || (prev == "for"
            && matches!(
                prev2,
                "scored" | "played" | "play" | "plays" | "playing" | "goals"
            ))
        || (prev == "with" && matches!(prev2, "drew" | "draw" | "tie" | "tied"))
}

/// A club name: a capitalised run with a club word, or a place and a plural ("Boston Celtics").
fn club_name(v: &[View<'_>], lex: &Lexicon, s: usize, e: usize) -> bool {
    if e - s < 2 || e - s > 4 {
        return false;
    }
    let words = &v[s..e];
    if words.iter().any(|t| lex.has(t.text, class::CLUB_WORD)) {
        // "Mexico City", "Vatican City": a place the lists know as a whole stays a place
        let whole: String = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        return lex.name(&whole).is_none() && !lex.has(words[0].text, class::STOP | class::TITLE);
    }
    let last = words[words.len() - 1].text;
    let head: String = words[..words.len() - 1]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    last.ends_with('s')
        && last.chars().count() > 3
        && !lex.has(
            last,
            class::ORG_HEAD | class::FAC_HEAD | class::LOC_HEAD | class::STOP,
        )
        && lex.name(last).is_none()
        && lex.name(&head).is_some_and(|k| k == Kind::Gpe)
}

/// Words before a place that keep it a place even on a sports page.
const LOCATIVE: &[&str] = &[
    "in", "at", "from", "near", "of", "to", "across", "outside", "around", "into", "between",
];

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let lines = lines(v);
    if !sports_page(v, lex, &lines) {
        return;
    }
    let org = |s, e| Candidate::new(s, e, Kind::Org, Origin::Pattern, rank::CONTEXT);
    let mut teams: HashSet<String> = HashSet::new();
    let text_of = |s: usize, e: usize| v[s..e].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    let tidy = tidy(kept);
    for &(s, e) in &lines {
        for (a, b) in table_names(v, s, e) {
            teams.insert(text_of(a, b));
            take_over_tidy(kept, org(a, b), tidy);
        }
    }
    // capitalised runs: club names, and places or unknown names that play
    let mut line = 0;
    let mut i = 0;
    while i < v.len() {
        if !v[i].shape.cap || v[i].shape.punct {
            i += 1;
            continue;
        }
        // the end of i's line: the next line start after i, or the end
        while line < lines.len() && lines[line].1 <= i {
            line += 1;
        }
        let line_end = lines.get(line).map_or(v.len(), |l| l.1);
        let e = cap_run(v, i, v.len()).min(line_end);
        let owners: Vec<Option<usize>> = (i..e).map(|k| owner_of(kept, k, tidy)).collect();
        let place_or_free = owners
            .iter()
            .all(|o| o.is_none_or(|n| matches!(kept[n].kind, Kind::Gpe | Kind::Org)));
        let run_has_person = owners
            .iter()
            .any(|o| o.is_some_and(|n| kept[n].kind == Kind::Person));
        // "Aston Villa", "Phoenix Suns": a club's name wins over a person read from its first word
        let person_is_run = owners.iter().all(|o| {
            o.is_some_and(|n| {
                kept[n].kind == Kind::Person && kept[n].first == i && kept[n].last == e
            })
        });
        if club_name(v, lex, i, e) && (!run_has_person || person_is_run) {
            teams.insert(text_of(i, e));
            take_over_tidy(kept, org(i, e), tidy);
        } else if place_or_free && !run_has_person && plays(v, lex, i, e) {
            // a free one-word name that plays must not be a sentence's first word of another kind
            let single_candidate = owners.iter().all(|o| *o == owners[0]);
            let is_place = owners[0].is_some_and(|n| {
                kept[n].kind == Kind::Gpe && kept[n].first == i && kept[n].last == e
            });
            let free = owners.iter().all(Option::is_none);
            // a free name at a sentence start must be followed by a score ("Everton 2-0")
            let free_ok = free
                && !lex.has(v[i].text, class::STOP | class::TITLE | class::SOFT)
                && e - i <= 3
                && !v[i].shape.upper
                && (!v[i].sentence_start || score_at(v, e))
                && !MONTHS.contains(&v[i].text)
                && !WEEKDAYS.contains(&v[i].text);
            if (is_place && single_candidate) || free_ok {
                teams.insert(text_of(i, e));
                take_over_tidy(kept, org(i, e), tidy);
            }
        }
        i = e.max(i + 1);
    }
    // the same team named again elsewhere on the page, unless a place word comes before it
    for c in kept.iter_mut() {
        if c.kind != Kind::Gpe || !teams.contains(&text_of(c.first, c.last)) {
            continue;
        }
        let prev = c.first.checked_sub(1).map(|p| v[p].text).unwrap_or("");
        let dateline =
            v[c.first].line_start && v.get(c.last).is_some_and(|t| matches!(t.text, "," | "("));
        if !LOCATIVE.contains(&prev) && !dateline && !v[c.first].shape.upper {
            c.kind = Kind::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::texts_after_people;

    fn orgs(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let toks = crate::token::tokenize(text);
        let v = crate::detect::words::views(text, &toks);
        let mut found = Vec::new();
        crate::detect::gazetteer::find(&v, text, &lex, &mut found);
        let mut kept = crate::detect::candidate::merge(&v, found);
        apply(&v, &lex, &mut kept);
        kept.iter()
            .filter(|c| c.kind == Kind::Org)
            .map(|c| text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string())
            .collect()
    }

    #[test]
    fn places_that_play_on_a_sports_page_are_teams() {
        let text = "Tashkent beat Almaty 2-1 on Sunday. The striker scored twice and the coach praised the goalkeeper. Fans in Tashkent celebrated.\n\nTashkent 2 Almaty 1\n";
        let got = orgs(text);
        assert_eq!(
            got.iter().filter(|g| *g == "Tashkent").count(),
            2,
            "{got:?}"
        );
        assert_eq!(got.iter().filter(|g| *g == "Almaty").count(), 2, "{got:?}");
    }

    #[test]
    fn national_teams_in_a_short_report_with_scores() {
        // three scores and three sports words ("finals", "scoring", "goal") make it a sports page
        let text = "Nigeria qualified for the finals after a 1-0 win over Benin, with Lookman scoring the only goal.\n\nElsewhere, South Africa beat Congo 5-0 and Egypt drew 1-1 with Cape Verde.";
        let got = orgs(text);
        for team in ["Nigeria", "Benin", "South Africa", "Congo", "Cape Verde"] {
            assert!(got.iter().any(|g| g == team), "{team} missing from {got:?}");
        }
    }

    #[test]
    fn a_club_name_wins_over_a_person_read_from_a_given_name() {
        // "Aston" and "Phoenix" are given names in the larger lists
        let text = "Aston Villa beat the Phoenix Suns 2-1 at home. The striker scored twice, the coach praised the goalkeeper and the league leaders lost.";
        let pipeline = crate::detect::Pipeline::full();
        let spans = pipeline.detect(text, &crate::token::tokenize(text));
        let words = |s: &crate::span::Span| -> String {
            text.chars().skip(s.start).take(s.end - s.start).collect()
        };
        let label = |name: &str| {
            spans
                .iter()
                .find(|s| words(s) == name)
                .map(|s| s.label.clone())
        };
        assert_eq!(label("Aston Villa").as_deref(), Some("ORG"), "{spans:?}");
        assert_eq!(label("Phoenix Suns").as_deref(), Some("ORG"), "{spans:?}");
    }

    #[test]
    fn standings_rows_and_club_names_are_teams() {
        let text =
            "Team P W D L Pts\n1. Ruritania Rovers 20 15 3 2 48\n2. Sporting Lisbon 20 14 3 3 45\n";
        let got = orgs(text);
        assert!(got.contains(&"Ruritania Rovers".to_string()), "{got:?}");
        assert!(got.contains(&"Sporting Lisbon".to_string()), "{got:?}");
    }

    #[test]
    fn outside_a_sports_page_places_stay_places() {
        let text = "Tashkent beat Almaty in a bid to host the summit, officials said.";
        assert!(orgs(text).is_empty());
        let texts = texts_after_people(text, apply);
        assert!(texts.iter().any(|t| t == "Tashkent"));
    }
}
