//! Name-shape detector for organisations, facilities and places: capitalised runs ending in a
//! head word ("… Liberation Front", "… Airport", "… Valley"), "Ministry of …", "Gulf of …",
//! and South Asian group compounds ("Jaish-e-…", "Lashkar-e-…", "Tehreek-e-…", "Jaish al-…").

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::runs::{org_run_back, org_run_forward, org_word, past_descriptions};
use super::words::{inner_hyphen, possessive_at, View};
use crate::span::Origin;

const HEADS: [(u32, Kind); 3] = [
    (class::ORG_HEAD, Kind::Org),
    (class::FAC_HEAD, Kind::Fac),
    (class::LOC_HEAD, Kind::Loc),
];

pub fn find(v: &[View<'_>], lex: &Lexicon, out: &mut Vec<Candidate>) {
    for h in 0..v.len() {
        let t = &v[h];
        if !t.shape.cap || t.shape.punct || (t.shape.upper && t.text.len() > 1) {
            continue;
        }
        // "Station House Officer", "District Police Officer": a title, not a name ending in its head
        let office = v
            .get(h + 1)
            .is_some_and(|n| matches!(n.text, "Officer" | "Officers") && n.gap);
        for (flag, kind) in HEADS {
            if lex.has(t.text, flag) && !office {
                // a head that starts a line takes nothing from the line before
                let start = if t.line_start {
                    h
                } else {
                    org_run_back(v, lex, h, 10, true)
                };
                let start = past_descriptions(v, start, h);
                let end = of_extension(v, lex, h + 1);
                if h - start >= 1 || end > h + 1 {
                    push(v, out, start, end, kind);
                }
            }
        }
        if lex.has(t.text, class::LOC_OF) && v.get(h + 1).is_some_and(|n| n.text == "of") {
            let end = org_run_forward(v, lex, h + 2, 5);
            if end > h + 2 {
                push(v, out, h, end, Kind::Loc);
            }
        }
        for (flag, kind) in [
            (class::LOC_PREFIX, Kind::Loc),
            (class::FAC_PREFIX, Kind::Fac),
        ] {
            if lex.has(t.text, flag) {
                let end = org_run_forward(v, lex, h + 1, 4);
                if end > h + 1 {
                    push(v, out, h, end, kind);
                }
            }
        }
        if lex.has(t.text, class::ORG_PREFIX) {
            if let Some(end) = group_compound(v, lex, h) {
                let start = org_run_back(v, lex, h, 3, false);
                push(v, out, start, end, Kind::Org);
            }
        }
    }
}

fn push(v: &[View<'_>], out: &mut Vec<Candidate>, start: usize, end: usize, kind: Kind) {
    if start < end && end <= v.len() {
        out.push(Candidate::new(
            start,
            end,
            kind,
            Origin::Pattern,
            rank::SHAPE,
        ));
    }
}

/// After a head word: "of|for|on" and a capitalised run ("Ministry of Interior",
/// "Organization for Migration"), possibly joined by "and" ("… of Science and Technology").
fn of_extension(v: &[View<'_>], lex: &Lexicon, after_head: usize) -> usize {
    let mut end = after_head;
    // "... Committee of the Red Cross", "Office for the Coordination of Humanitarian Affairs"
    for round in 0..2 {
        let Some(c) = v.get(end) else { return end };
        // "UN Assistance Mission in Afghanistan": a mission's country ("Force in Dantewada" is
        // where a force was, so only missions)
        let mission_in = round == 0
            && c.text == "in"
            && v[end - 1].text == "Mission"
            && v.get(end + 1).is_some_and(|t| t.shape.cap);
        if !(matches!(c.text, "of" | "for" | "on") || mission_in) || c.line_start {
            return end;
        }
        let from = if v.get(end + 1).is_some_and(|t| t.text == "the") {
            end + 2
        } else {
            end + 1
        };
        let run = org_run_forward(v, lex, from, 6);
        // "Command of the People's Liberation Army": an owner's name is not the end of this one
        if run == from || possessive_at(v, run) {
            return end;
        }
        // "Majeed Brigade of the BLA", "the media wing of the TTP": an acronym after "of the"
        // is the owner, its own organisation
        let acronym = run == from + 1 && v[from].shape.upper && v[from].shape.alpha;
        if from == end + 2 && acronym {
            return end;
        }
        // "Ministry of Interior of the Islamic Emirate": a second "of the" naming a whole
        // organisation is the owner, not more of this name
        if round == 1 && from == end + 2 && lex.has(v[run - 1].text, class::ORG_HEAD) {
            return end;
        }
        end = run;
        if v.get(end).is_some_and(|a| a.text == "and") {
            let more = org_run_forward(v, lex, end + 1, 4);
            if more > end + 1 {
                end = more;
            }
        }
    }
    end
}

/// "Jaish-e-Mohammed", "Tehreek-e-Taliban Pakistan", "Jaish al-Adl": end of the compound plus
/// the capitalised words that follow it.
fn group_compound(v: &[View<'_>], lex: &Lexicon, h: usize) -> Option<usize> {
    let mut end = h + 1;
    let mut joined = false;
    while end < v.len() && inner_hyphen(v, end) {
        end += 2;
        joined = true;
    }
    if !joined {
        // "Jaish al-Adl", "Ansar al-Islam"
        let al = v.get(end)?;
        if !matches!(al.text, "al" | "ul" | "ud") || !inner_hyphen(v, end + 1) {
            return None;
        }
        end += 3;
    }
    let last = &v[end - 1];
    if !last.shape.cap {
        return None;
    }
    let more = org_run_forward(v, lex, end, 3);
    Some(if more > end && v[end].gap && org_word(&v[end], lex) {
        more
    } else {
        end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    fn shapes(text: &str) -> Vec<(String, Kind)> {
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        find(&v, &lex, &mut out);
        let kept = crate::detect::candidate::merge(&v, out);
        kept.iter()
            .map(|c| {
                (
                    text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string(),
                    c.kind,
                )
            })
            .collect()
    }

    #[test]
    fn a_name_takes_nothing_from_the_line_before_or_a_leading_description() {
        // "Sea" (a place's head word) opens the paragraph after a byline
        let got = shapes("By Seth Borenstein\n\nSea ice shrank around Antarctica.");
        assert!(got.is_empty(), "{got:?}");
        let got = shapes("Shares of Mitsubishi UFJ Financial Group fell.");
        assert_eq!(
            got,
            [("Mitsubishi UFJ Financial Group".to_string(), Kind::Org)]
        );
    }

    #[test]
    fn an_owner_organisation_after_a_complete_name_is_its_own() {
        let got = shapes("the Department of Health of the Karachi Municipal Corporation said");
        assert_eq!(
            got,
            [
                ("Department of Health".to_string(), Kind::Org),
                ("Karachi Municipal Corporation".to_string(), Kind::Org)
            ]
        );
        let got = shapes("fighters of the Fidayeen Brigade of the TTP attacked");
        assert!(
            got.contains(&("Fidayeen Brigade".to_string(), Kind::Org)),
            "{got:?}"
        );
        let got = shapes("the International Committee of the Red Cross");
        assert_eq!(
            got,
            [(
                "International Committee of the Red Cross".to_string(),
                Kind::Org
            )]
        );
    }

    #[test]
    fn a_mission_names_its_country() {
        let got = shapes(
            "the UN Mission in South Sudan and the Border Force in Kurram; the Army in Kabul",
        );
        assert_eq!(
            got,
            [
                ("UN Mission in South Sudan".to_string(), Kind::Org),
                ("Border Force".to_string(), Kind::Org)
            ]
        );
    }

    #[test]
    fn peoples_keeps_its_possessive() {
        let got = shapes(
            "the Sindh People's Party and the Korean People's Army met the army's Southern Command",
        );
        assert_eq!(
            got,
            [
                ("Sindh People's Party".to_string(), Kind::Org),
                ("Korean People's Army".to_string(), Kind::Org),
                ("Southern Command".to_string(), Kind::Org)
            ]
        );
    }

    #[test]
    fn administrations_are_organisations() {
        let got = shapes(
            "the Odesa City Military Administration and the Drug Enforcement Administration said",
        );
        assert_eq!(
            got,
            [
                ("Odesa City Military Administration".to_string(), Kind::Org),
                ("Drug Enforcement Administration".to_string(), Kind::Org)
            ]
        );
    }

    #[test]
    fn officer_titles_and_new_heads() {
        let got = shapes("the Station House Officer told the Assam Rifles and Manara Minerals");
        assert_eq!(
            got,
            [
                ("Assam Rifles".to_string(), Kind::Org),
                ("Manara Minerals".to_string(), Kind::Org)
            ]
        );
    }

    #[test]
    fn organisations_by_head_word_and_of_phrase() {
        let got = shapes(
            "The Baloch Liberation Front and the Ministry of Interior met the Pakistan Air Force.",
        );
        assert_eq!(
            got,
            [
                ("Baloch Liberation Front".into(), Kind::Org),
                ("Ministry of Interior".into(), Kind::Org),
                ("Pakistan Air Force".into(), Kind::Org)
            ]
        );
    }

    #[test]
    fn group_compounds_facilities_and_places() {
        let got = shapes("Jaish-e-Mohammed and Tehreek-e-Taliban Pakistan fighters near Allama Iqbal International Airport and the Swat Valley, by the Gulf of Oman.");
        assert!(
            got.contains(&("Jaish-e-Mohammed".into(), Kind::Org)),
            "{got:?}"
        );
        assert!(got.contains(&("Tehreek-e-Taliban Pakistan".into(), Kind::Org)));
        assert!(got.contains(&("Allama Iqbal International Airport".into(), Kind::Fac)));
        assert!(got.contains(&("Swat Valley".into(), Kind::Loc)));
        assert!(got.contains(&("Gulf of Oman".into(), Kind::Loc)));
    }

    #[test]
    fn lowercase_heads_and_lone_heads_are_not_names() {
        assert!(shapes("the Afghan army and the party said the Army").is_empty());
    }
}
