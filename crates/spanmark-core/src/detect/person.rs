//! Person detector: names after titles and roles ("Interior Minister Rana Sanaullah",
//! "spokeswoman Mumtaz Zahra Baloch"), names starting with a known given name, and names in
//! reporting contexts ("said Zhou Rong", "Ayesha Siddiqa, a military analyst", bylines).

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::runs::person_run;
use super::words::{inner_hyphen, possessive_at, View};
use crate::span::Origin;

pub fn find(v: &[View<'_>], text: &str, lex: &Lexicon, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < v.len() {
        if v[i].line_start && matches!(v[i].text, "By" | "BY") {
            i = shouted_byline(v, lex, i + 1, out);
            continue;
        }
        if let Some(start) = after_title(v, lex, i) {
            if let Some((end, _)) = person_run(v, lex, start) {
                // "Chief Election Commissioner Nasir Uddin": a capitalised title word right after
                // the run means the run was part of the title
                let title_follows = v
                    .get(end)
                    .is_some_and(|n| n.shape.cap && lex.has(n.text, class::TITLE) && n.gap);
                let mut end = end;
                if !title_follows && !known_place_or_group(v, text, lex, start, end) {
                    out.push(Candidate::new(
                        start,
                        end,
                        Kind::Person,
                        Origin::Pattern,
                        rank::TITLE,
                    ));
                    if plural_role(v, lex, i) {
                        end = role_list(v, text, lex, end, out);
                    }
                }
                i = end.max(i + 1);
                continue;
            }
        }
        if let Some((end, words)) = person_run(v, lex, i) {
            let byline = i > 0 && matches!(v[i - 1].text, "By" | "by");
            // "By Ben Spurr Transportation Reporter": the word before a capitalised role is the
            // reporter's beat, not a third name
            let (end, words) = if byline {
                without_beat(v, lex, end, words)
            } else {
                (end, words)
            };
            // "Nasreen Bibi", "Zainab Khatoon": a woman's name ends in Bibi or Khatoon
            let given = lex.is_given_name(v[i].text)
                || (words == 2 && matches!(v[end - 1].text, "Bibi" | "Khatoon"));
            let first_is_place = lex.name(v[i].text).is_some_and(|k| k.is_name());
            if words >= 2
                && !known_place_or_group(v, text, lex, i, end)
                && (byline || given || !first_is_place)
            {
                if given || byline {
                    out.push(Candidate::new(
                        i,
                        end,
                        Kind::Person,
                        Origin::Pattern,
                        rank::GIVEN_NAME,
                    ));
                } else if reporting_context(v, lex, i, end) {
                    out.push(Candidate::new(
                        i,
                        end,
                        Kind::Person,
                        Origin::Pattern,
                        rank::CONTEXT,
                    ));
                }
                // "By Ruma Paul and Sudipto Ganguly", "Reporting by A in Kabul and B in Delhi":
                // the second name of a byline or credit line
                let and = credit_place_end(v, end);
                if byline && v.get(and).is_some_and(|a| a.text == "and") {
                    let end = and;
                    if let Some((end2, w2)) =
                        person_run(v, lex, end + 1).map(|(e, w)| without_beat(v, lex, e, w))
                    {
                        if w2 >= 2 {
                            out.push(Candidate::new(
                                end + 1,
                                end2,
                                Kind::Person,
                                Origin::Pattern,
                                rank::CONTEXT,
                            ));
                            i = end2;
                            continue;
                        }
                    }
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }
}

/// "By Ben Spurr Transportation Reporter": in a byline, the word before a capitalised role
/// ("Reporter", "Correspondent", "Editor") is the reporter's beat, not a third name.
fn without_beat(v: &[View<'_>], lex: &Lexicon, end: usize, words: usize) -> (usize, usize) {
    let role = v.get(end).is_some_and(|t| {
        t.shape.cap && !t.line_start && lex.has(&t.text.to_lowercase(), class::ROLE)
    });
    if role && words >= 3 && v[end - 1].shape.cap {
        (end - 1, words - 1)
    } else {
        (end, words)
    }
}

/// "in Port Sudan" after a credit-line name: where the name's "and" would be.
fn credit_place_end(v: &[View<'_>], end: usize) -> usize {
    if v.get(end).is_none_or(|t| t.text != "in") {
        return end;
    }
    let mut k = end + 1;
    while k < v.len() && k - end <= 3 && v[k].shape.cap && v[k].shape.alpha {
        k += 1;
    }
    if k > end + 1 {
        k
    } else {
        end
    }
}

/// "constables", "journalists": a lowercase plural role noun introduces a list of names.
fn plural_role(v: &[View<'_>], lex: &Lexicon, i: usize) -> bool {
    let t = &v[i];
    !t.shape.cap
        && t.text.len() > 3
        && t.text
            .strip_suffix('s')
            .is_some_and(|s| lex.has(s, class::ROLE))
}

/// After the first name of a plural role: ", Naseebullah and Muhammad Riaz" are names too.
/// Returns where the list ends.
fn role_list(
    v: &[View<'_>],
    text: &str,
    lex: &Lexicon,
    mut end: usize,
    out: &mut Vec<Candidate>,
) -> usize {
    while v.get(end).is_some_and(|t| matches!(t.text, "," | "and")) {
        let Some((next, _)) = person_run(v, lex, end + 1) else {
            break;
        };
        if known_place_or_group(v, text, lex, end + 1, next) {
            break;
        }
        out.push(Candidate::new(
            end + 1,
            next,
            Kind::Person,
            Origin::Pattern,
            rank::TITLE,
        ));
        end = next;
    }
    end
}

/// "By MUNIR AHMED and RIAZ KHAN Associated Press": all-caps bylines, name by name.
/// Returns where to continue.
fn shouted_byline(v: &[View<'_>], lex: &Lexicon, mut i: usize, out: &mut Vec<Candidate>) -> usize {
    let shouted = |t: &View<'_>| {
        t.shape.upper && t.shape.alpha && !t.line_start && lex.name(t.text).is_none()
    };
    loop {
        let start = i;
        while v.get(i).is_some_and(|t| shouted(t) && t.text != "AND") {
            i += 1;
        }
        if i - start >= 2 {
            out.push(Candidate::new(
                start,
                i,
                Kind::Person,
                Origin::Pattern,
                rank::CONTEXT,
            ));
        }
        if i > start
            && v.get(i)
                .is_some_and(|t| matches!(t.text, "and" | "AND" | ",") && !t.line_start)
        {
            i += 1;
            continue;
        }
        return i.max(start);
    }
}

/// Token index where a name may start after a title or role ending at or after `i`.
fn after_title(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<usize> {
    let t = &v[i];
    let is_title = t.shape.cap && lex.has(t.text, class::TITLE) && !lex.has(t.text, class::STOP);
    // a role noun is lowercase, or capitalised only because a sentence starts with it
    // ("Analyst Rahimullah Yusufzai, who ...", "Witness Gul Khan said")
    let mut lowered = [0u8; 24];
    let word = if t.shape.cap
        && t.sentence_start
        && !t.shape.upper
        && !is_title
        && t.text.is_ascii()
        && t.text.len() <= lowered.len()
    {
        let n = t.text.len();
        lowered[..n].copy_from_slice(t.text.as_bytes());
        lowered[0] = lowered[0].to_ascii_lowercase();
        std::str::from_utf8(&lowered[..n]).unwrap_or(t.text)
    } else {
        t.text
    };
    let role = (!t.shape.cap || word != t.text)
        && (lex.has(word, class::ROLE)
            || word
                .strip_suffix('s')
                .is_some_and(|s| lex.has(s, class::ROLE)));
    if !is_title && !role {
        return None;
    }
    let mut head = !lex.has(t.text, class::TITLE_MODIFIER);
    let mut j = i + 1;
    // chains: "Lt. Gen.", "Secretary-General", "President-elect", "Inspector General of Police"
    loop {
        let n = v.get(j)?;
        if n.text == "." && !n.gap {
            j += 1;
        } else if inner_hyphen(v, j) {
            j += 2;
        } else if n.shape.cap
            && lex.has(n.text, class::TITLE)
            && !v
                .get(j + 1)
                .is_some_and(|x| x.text == "." && !x.gap && n.text.len() == 1)
        {
            // "Defense Minister": but "President Xi" has no title after it
            if lex.is_given_name(n.text) && !lex.has(n.text, class::ROLE) {
                break;
            }
            head |= !lex.has(n.text, class::TITLE_MODIFIER);
            j += 1;
        } else if n.text == "of"
            && v.get(j + 1)
                .is_some_and(|x| x.shape.cap && lex.has(x.text, class::TITLE))
        {
            head |= !lex.has(v[j + 1].text, class::TITLE_MODIFIER);
            j += 2;
        } else {
            break;
        }
    }
    if is_title && !head {
        return None;
    }
    // "the education minister, Habibullah Agha," / "Their lawyer, Burhanul Hassan, said"
    if role && v.get(j).is_some_and(|n| n.text == ",") {
        j += 1;
    }
    // a capitalised role word may start a title-case headline ("Traders Stranded, ..."): only
    // a name of two or more words follows it
    if word != t.text && person_run(v, lex, j).is_none_or(|(_, words)| words < 2) {
        return None;
    }
    (j < v.len()).then_some(j)
}

/// Runs that are a known country, region, nationality or organisation are not people.
fn known_place_or_group(
    v: &[View<'_>],
    text: &str,
    lex: &Lexicon,
    start: usize,
    end: usize,
) -> bool {
    lex.name(&text[v[start].byte_start..v[end - 1].byte_end])
        .is_some_and(|k| k != Kind::Person)
}

/// "said X Y", "X Y said|told|says", "X Y, a|an|the|who ...", "By X Y" (bylines, credits).
fn reporting_context(v: &[View<'_>], lex: &Lexicon, start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|p| v[p].text);
    let after = v.get(end).map(|t| t.text);
    let after2 = v.get(end + 1).map(|t| t.text);
    // photo credits: "(AP Photo/Anjum Naveed)"
    if before == Some("/") && start >= 2 && v[start - 2].text == "Photo" {
        return true;
    }
    if matches!(
        before,
        Some("said" | "says" | "told" | "by" | "By" | "according")
    ) {
        return true;
    }
    if before == Some("to") && start >= 2 && matches!(v[start - 2].text, "according" | "According")
    {
        return true;
    }
    if possessive_at(v, end) {
        return false;
    }
    match after {
        Some(
            "said" | "says" | "told" | "added" | "asked" | "wrote" | "tweeted" | "stated"
            | "recalled",
        ) => true,
        Some(",") => {
            let appositive = matches!(after2, Some("a" | "an" | "who" | "whose" | "the"));
            // ", Roza Otunbayeva, told": a name set off by commas before a reporting verb
            let aside = before == Some(",")
                && matches!(
                    after2,
                    Some("said" | "told" | "says" | "added" | "would" | "was" | "is" | "has")
                );
            (appositive || aside) && !lex.has(v[start].text, class::SOFT)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    fn people(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        find(&v, text, &lex, &mut out);
        out.iter()
            .map(|c| text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string())
            .collect()
    }

    #[test]
    fn titles_and_roles_are_excluded_from_the_name() {
        assert_eq!(
            people("Interior Minister Rana Sanaullah told reporters."),
            ["Rana Sanaullah"]
        );
        assert_eq!(
            people("said spokeswoman Mumtaz Zahra Baloch at a briefing"),
            ["Mumtaz Zahra Baloch"]
        );
        assert_eq!(
            people("Lt. Gen. Ahmed Sharif Chaudhry said"),
            ["Ahmed Sharif Chaudhry"]
        );
        assert_eq!(
            people("U.N. Secretary-General Antonio Guterres said"),
            ["Antonio Guterres"]
        );
        assert_eq!(
            people("the education minister, Habibullah Agha, was"),
            ["Habibullah Agha"]
        );
        assert_eq!(people("President Xi Jinping met"), ["Xi Jinping"]);
        assert_eq!(
            people("He left. Researcher Gulalai Wazir, who studies trade, agreed."),
            ["Gulalai Wazir"]
        );
        assert!(people("Farmers Stranded, Roads Cut").is_empty());
        assert_eq!(
            people("Haji Nematullah Shinwari, an elder, spoke."),
            ["Nematullah Shinwari"]
        );
    }

    #[test]
    fn police_ranks_and_city_qualifiers_stay_out_of_names() {
        assert_eq!(
            people("SSP Operations Quetta Muhammad Baloch said"),
            ["Muhammad Baloch"]
        );
        assert_eq!(
            people("Defense Minister Wellington Koo told reporters"),
            ["Wellington Koo"]
        );
    }

    #[test]
    fn lists_after_plural_roles_and_credit_lines() {
        assert_eq!(
            people("The dead included soldiers Hidayatullah, Sanaullah Khan and Zarif Gul, the army said."),
            ["Hidayatullah", "Sanaullah Khan", "Zarif Gul"]
        );
        assert_eq!(
            people("(Reporting by Jibran Ahmad in Peshawar and Mubasher Bukhari in Lahore)"),
            ["Jibran Ahmad", "Mubasher Bukhari"]
        );
    }

    #[test]
    fn bylines_and_photo_credits() {
        assert_eq!(
            people("By MUNIR AHMED and RIAZ KHAN Associated Press\nISLAMABAD"),
            ["MUNIR AHMED", "RIAZ KHAN"]
        );
        assert_eq!(people("(AP Photo/Anjum Naveed)"), ["Anjum Naveed"]);
        // the beat before a capitalised role is not a third name, for either name of a byline
        assert_eq!(
            people("By Ben Spurr Transportation Reporter\n\nMetrolinx said."),
            ["Ben Spurr"]
        );
        assert_eq!(
            people("By Seth Borenstein and Ben Spurr Transportation Reporter\n"),
            ["Seth Borenstein", "Ben Spurr"]
        );
        assert_eq!(people("By Ben Van Dyke Jones\n"), ["Ben Van Dyke Jones"]);
    }

    #[test]
    fn given_names_and_reporting_contexts() {
        assert_eq!(
            people("The rally was led by Imran Khan in Lahore."),
            ["Imran Khan"]
        );
        assert_eq!(
            people("\"It is over,\" said Zhou Rong, a researcher."),
            ["Zhou Rong"]
        );
        assert_eq!(
            people("Ayesha Siddiqa, a military analyst, disagreed."),
            ["Ayesha Siddiqa"]
        );
        assert_eq!(
            people("A spokesman for the provincial governor, Qari Yousaf Ahmadi, said on Friday."),
            ["Yousaf Ahmadi"]
        );
        assert_eq!(
            people("According to Zarmina Tareen, director of a clinic, fees rose."),
            ["Zarmina Tareen"]
        );
        assert_eq!(
            people("Her mother, Gulnaz Bibi, and Parveen Khatoon waited."),
            ["Gulnaz Bibi", "Parveen Khatoon"]
        );
        assert!(people("Security Council members said").is_empty());
        assert!(people("The Foreign Office said").is_empty());
    }
}
