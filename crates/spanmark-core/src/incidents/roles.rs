//! Filling an event's roles from the sentences that mention it and their neighbours: places
//! after in/at/near, DATE spans, casualty numbers by their cue words, perpetrators from
//! "claimed responsibility" and agent phrases, targets next to the trigger or the casualties.

use std::borrow::Cow;
use std::ops::Range;

use super::lowercase::lowered;
use crate::document::Document;
use crate::links::Event;
use crate::span::Span;

const KILLED: [&str; 10] = [
    "killed",
    "killing",
    "martyred",
    "martyring",
    "dead",
    "died",
    "kill",
    "kills",
    "killings",
    "lives",
];
const INJURED: [&str; 7] = [
    "injured", "injuring", "wounded", "wounding", "hurt", "injuries", "injures",
];
const HELD: [&str; 16] = [
    "kidnapped",
    "abducted",
    "seized",
    "captured",
    "arrested",
    "hostage",
    "hostages",
    "held",
    "holding",
    "freed",
    "released",
    "taken",
    "abduct",
    "kidnap",
    "detained",
    "crew",
];
const PLACE_CUES: [&str; 5] = ["in", "at", "near", "of", "from"];
const CLAIMS: [&str; 4] = ["claimed", "blamed", "responsibility", "carried"];
/// Words between an agent and the trigger that show it is not the subject ("X in an operation").
const STOP: [&str; 8] = [".", ";", "said", "and", "in", "of", "at", "on"];
/// Verbs whose subject runs an operation ("the DRG and the STF had launched the operation").
const RUN: [&str; 3] = ["launched", "conducted", "carried"];
/// Nouns whose NORP modifier is the target ("a Shi'ite mosque", "Hindu pilgrims").
const TARGET_NOUNS: [&str; 9] = [
    "mosque",
    "church",
    "temple",
    "shrine",
    "procession",
    "pilgrims",
    "worshippers",
    "community",
    "convoy",
];
/// Security-force nouns after an agent ("Philippine troops killed").
const FORCES: [&str; 5] = ["troops", "forces", "soldiers", "police", "personnel"];

/// Token `i`'s lowercase (borrowed when the token is lowercase already: most are).
fn lower(doc: &Document, i: usize) -> Cow<'_, str> {
    lowered(doc.tokens()[i].text(doc.text()))
}

/// The entity spans inside the tokens `range`.
fn spans_in<'a>(doc: &'a Document, range: &Range<usize>) -> &'a [Span] {
    let toks = doc.tokens();
    if range.is_empty() {
        return &[];
    }
    let r = doc.spans_overlapping(toks[range.start].start, toks[range.end - 1].end);
    &doc.spans()[r]
}

fn token_of(doc: &Document, offset: usize) -> usize {
    doc.tokens().partition_point(|t| t.end <= offset)
}

/// Fill the roles of `event` from the sentences it is mentioned in (`mentions`, indices of
/// `sents`); casualty counts and claims also come from the sentences after the first mention,
/// up to the sentence of the next event (`next`).
pub(super) fn fill(
    doc: &Document,
    sents: &[Range<usize>],
    event: &mut Event,
    mentions: &[usize],
    next: usize,
) {
    let first = mentions[0];
    for &si in mentions {
        let s = &sents[si];
        for span in spans_in(doc, s) {
            match span.label.as_str() {
                "GPE" | "LOC" | "FAC"
                    if after_cue(doc, span, s.start) && !is_dateline(doc, span) =>
                {
                    event.add_argument("place", span.start, span.end);
                }
                "DATE" if !is_dateline(doc, span) && !followed_by_paren(doc, span) => {
                    event.add_argument("time", span.start, span.end);
                }
                _ => {}
            }
        }
        if let Some(t) = target_after_trigger(doc, event, s) {
            event.add_argument("target", t.0, t.1);
        }
        if let Some(p) = agent_before_trigger(doc, event, s) {
            event.add_argument("perpetrator", p.0, p.1);
        }
        for sp in spans_in(doc, s) {
            let next = |k: usize| {
                if k < s.end {
                    lower(doc, k)
                } else {
                    Cow::Borrowed("")
                }
            };
            let after = token_of(doc, sp.end);
            if sp.label == "NORP" && TARGET_NOUNS.contains(&&*next(after)) {
                event.add_argument("target", sp.start, sp.end);
            }
            let runs = (after..(after + 8).min(s.end)).any(|k| RUN.contains(&&*lower(doc, k)));
            let forces_act = FORCES.contains(&&*next(after))
                && matches!(
                    &*next(after + 1),
                    "killed" | "arrested" | "detained" | "captured"
                );
            let agentive = matches!(sp.label.as_str(), "ORG" | "NORP");
            if event.kind == "OPERATION" && agentive && (runs || forces_act) {
                event.add_argument("perpetrator", sp.start, sp.end);
            }
        }
    }
    for s in &sents[first..next.max(first + 1).min(sents.len())] {
        for span in spans_in(doc, s) {
            match span.label.as_str() {
                "CARDINAL" => {
                    if let Some(role) = casualty_role(doc, span, s) {
                        event.add_argument(role, span.start, span.end);
                        if let Some(t) = target_after_number(doc, span) {
                            event.add_argument("target", t.0, t.1);
                        }
                    }
                }
                "ORG" | "NORP" | "PERSON" if claims(doc, span, s) => {
                    event.add_argument("perpetrator", span.start, span.end);
                }
                _ => {}
            }
        }
    }
}

/// "in Bannu", "at the Khyber Pass", "in Manipur's Tengnoupal district": a place cue among the
/// few tokens before the span, with no clause break between.
fn after_cue(doc: &Document, span: &Span, sentence_start: usize) -> bool {
    let i = token_of(doc, span.start);
    for k in (sentence_start..i).rev().take(5) {
        let w = lower(doc, k);
        if PLACE_CUES.contains(&&*w) {
            return true;
        }
        if matches!(&*w, "," | "said" | "told" | "and" | "to" | "by") {
            return false;
        }
    }
    false
}

/// "KABUL, Oct 14 (Reuters) -", "PESHAWAR:" — the place and date at the head of a paragraph.
fn is_dateline(doc: &Document, span: &Span) -> bool {
    let i = token_of(doc, span.start);
    // the character before, by the text index (a scan from the start is quadratic on long texts)
    let starts_line = span.start == 0 || doc.slice(span.start - 1, span.start) == "\n";
    let upper = doc
        .slice(span.start, span.end)
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let after = doc
        .tokens()
        .get(token_of(doc, span.end))
        .map(|t| t.text(doc.text()));
    (starts_line && (upper || matches!(after, Some(":") | Some(","))))
        || (i > 0 && lower(doc, i - 1) == "," && followed_by_paren(doc, span))
}

fn followed_by_paren(doc: &Document, span: &Span) -> bool {
    let i = token_of(doc, span.end);
    doc.tokens()
        .get(i)
        .is_some_and(|t| t.text(doc.text()) == "(")
}

/// Killed, injured or held, from the words right before the number ("killing at least 9",
/// "injuring 12") or after it in its clause ("12 policemen were killed", "25 hostages").
fn casualty_role(doc: &Document, span: &Span, s: &Range<usize>) -> Option<&'static str> {
    let i = token_of(doc, span.start);
    let role_of = |w: &str| {
        if KILLED.contains(&w) {
            Some("killed")
        } else if INJURED.contains(&w) {
            Some("injured")
        } else if HELD.contains(&w) {
            Some("held")
        } else {
            None
        }
    };
    if i > s.start {
        let before = lower(doc, i - 1);
        if let Some(r) = role_of(&before) {
            return Some(r);
        }
        // "killed five Abu Sayyaf militants", "took its 25 crew members hostage"
        if i > s.start + 1 && matches!(&*before, "its" | "the" | "another") {
            if let Some(r) = role_of(&lower(doc, i - 2)) {
                return Some(r);
            }
        }
    }
    let end = token_of(doc, span.end);
    for k in end..(end + 7).min(s.end) {
        let w = lower(doc, k);
        if let Some(r) = role_of(&w) {
            return Some(r);
        }
        if matches!(&*w, "," | "." | ";" | "said" | "who" | "which" | "from") {
            return None;
        }
    }
    None
}

/// "The TTP claimed responsibility", "X blamed Y for the attack", "Y said it carried out".
fn claims(doc: &Document, span: &Span, s: &Range<usize>) -> bool {
    let i = token_of(doc, span.start);
    // the blamed one follows "blamed"; the blamer is not the perpetrator
    if (s.start..i)
        .rev()
        .take(6)
        .any(|k| lower(doc, k) == "blamed")
    {
        return true;
    }
    let end = token_of(doc, span.end);
    // "the al-Qaeda-linked group claimed": the claimant is the group, not its patron
    if end + 1 < s.end && lower(doc, end) == "-" {
        return false;
    }
    for k in end..(end + 6).min(s.end) {
        let w = lower(doc, k);
        if CLAIMS.contains(&&*w) {
            return w != "blamed";
        }
        if w == "said" && (k + 1..(k + 6).min(s.end)).any(|j| lower(doc, j) == "it") {
            return true;
        }
        if matches!(&*w, "," | "." | ";") {
            return false;
        }
    }
    false
}

/// "Al-Shabaab gunmen stormed", "Houthi militia hijacked", "Philippine troops killed": an
/// ORG, NORP or PERSON span at most two words before the trigger; "by the X" right after it.
fn agent_before_trigger(doc: &Document, event: &Event, s: &Range<usize>) -> Option<(usize, usize)> {
    let t = token_of(doc, event.start);
    let agentive = |sp: &Span| matches!(sp.label.as_str(), "ORG" | "NORP" | "PERSON");
    let nearest = spans_in(doc, s)
        .iter()
        .rev()
        .find(|sp| sp.end <= event.start);
    if let Some(sp) = nearest {
        let gap = t.saturating_sub(token_of(doc, sp.end));
        let between: Vec<Cow<str>> = (token_of(doc, sp.end)..t).map(|k| lower(doc, k)).collect();
        let plain = between.iter().all(|w| !STOP.contains(&&**w) && w != ",");
        if gap <= 2 && agentive(sp) && plain {
            return Some((sp.start, sp.end));
        }
    }
    let after = token_of(doc, event.end);
    if (after..(after + 2).min(s.end)).any(|k| lower(doc, k) == "by") {
        let sp = spans_in(doc, s)
            .iter()
            .find(|sp| sp.start >= event.end && token_of(doc, sp.start) <= after + 4)?;
        return agentive(sp).then_some((sp.start, sp.end));
    }
    None
}

/// "attacked the Frontier Corps", "ambushed a Malian army convoy", "near the Peshawar Press Club".
fn target_after_trigger(doc: &Document, event: &Event, s: &Range<usize>) -> Option<(usize, usize)> {
    let after = token_of(doc, event.end);
    let sp = spans_in(doc, s).iter().find(|sp| sp.start >= event.end)?;
    let gap = token_of(doc, sp.start).saturating_sub(after);
    let between: Vec<Cow<str>> = (after..token_of(doc, sp.start))
        .map(|k| lower(doc, k))
        .collect();
    let plain = between
        .iter()
        .all(|w| matches!(&**w, "the" | "a" | "an" | "near" | "on"));
    (gap <= 2 && plain && matches!(sp.label.as_str(), "ORG" | "NORP" | "FAC"))
        .then_some((sp.start, sp.end))
}

/// "Two Assam Rifles personnel were killed", "five employees of the NADRA": the group the
/// casualties belong to, right after the number.
fn target_after_number(doc: &Document, number: &Span) -> Option<(usize, usize)> {
    let after = token_of(doc, number.end);
    let sp = doc
        .spans()
        .get(doc.spans().partition_point(|s| s.start < number.end))?;
    let between: Vec<Cow<str>> = (after..token_of(doc, sp.start))
        .map(|k| lower(doc, k))
        .collect();
    let near = between.is_empty()
        || (between.len() <= 5 && between.iter().rev().take(3).any(|w| w == "of"));
    (near && matches!(sp.label.as_str(), "ORG" | "NORP")).then_some((sp.start, sp.end))
}
