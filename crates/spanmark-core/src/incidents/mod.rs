//! Suggested incidents: events found from trigger words (data/triggers.tsv) in the body of an
//! article, follow-up mentions joined to the event they refer to, roles filled by `roles`.

pub mod detected;
pub mod folded;
pub mod lexicon;
pub mod lowercase;
pub mod memory;
pub mod memory_blob;
pub mod remembered;
mod roles;
pub mod score;
pub mod table;
pub mod view;

use crate::document::Document;
use crate::links::Event;
use crate::span::Origin;
use crate::token::chars::is_terminal;
use crate::token::sentences;
use lowercase::lowers_to;

/// How many sentences after an event's latest mention a strong trigger of its type still
/// joins it rather than starting a new event.
const JOIN_WITHIN: usize = 12;

/// Words that open a sentence about another happening ("In a separate incident, …").
const SEPARATE: [&str; 3] = ["separate", "separately", "another"];

/// The events the rules suggest for a document, over its current spans (accepted and
/// suggested); the caller makes them a suggestion layer (`LinkEdit::Suggest`).
pub fn suggest(doc: &Document) -> Vec<Event> {
    let lexicon = lexicon::lexicon();
    let text = doc.text();
    let toks = doc.tokens();
    let sents = sentences(text, toks);
    // (event, sentences that mention it)
    let mut events: Vec<(Event, Vec<usize>)> = Vec::new();
    // the latest event of each type, so a long text costs one lookup per trigger
    let mut latest: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut last: Option<usize> = None;
    for (si, s) in sents.iter().enumerate() {
        if !is_body(doc, s.clone()) {
            continue;
        }
        let separate = toks[s.clone()]
            .iter()
            .take(6)
            .any(|t| SEPARATE.iter().any(|w| lowers_to(t.text(text), w)));
        let found = lexicon.find(doc, s.clone());
        // one new event per sentence at most: the strongest trigger of a type not yet seen
        let mut made_here = false;
        for f in found {
            // a strong trigger of a type seen a few sentences back is the same incident;
            // further on (a long text, a digest of several articles) it is a new one
            let same_type = latest
                .get(&f.kind)
                .copied()
                .filter(|&k| events[k].1.last().is_some_and(|&m| si - m <= JOIN_WITHIN));
            // "the hijacking", "this attack": a definite mention refers back to an event
            let definite = f.tokens.start > 0
                && ["the", "this", "that"]
                    .iter()
                    .any(|w| lowers_to(toks[f.tokens.start - 1].text(text), w));
            let join = if !f.strong || (definite && last.is_some() && !separate) {
                last
            } else if separate {
                None
            } else {
                same_type.or(if made_here { last } else { None })
            };
            match join {
                Some(k) => {
                    // mentions are pushed in sentence order: the newest is the last
                    if events[k].1.last() != Some(&si) {
                        events[k].1.push(si);
                    }
                    last = Some(k);
                }
                None if f.strong => {
                    let kind = agent_kind(doc, &f);
                    events.push((
                        Event::suggested(kind, f.start, f.end, Origin::Pattern),
                        vec![si],
                    ));
                    last = Some(events.len() - 1);
                    latest.insert(events[events.len() - 1].0.kind.clone(), events.len() - 1);
                    made_here = true;
                }
                None => {}
            }
        }
    }
    let owners: Vec<Vec<usize>> = events.iter().map(|(_, s)| s.clone()).collect();
    let mut out = Vec::new();
    for (k, (mut event, mentions)) in events.into_iter().enumerate() {
        let next = owners
            .get(k + 1)
            .and_then(|s| s.first().copied())
            .unwrap_or(sents.len());
        roles::fill(doc, &sents, &mut event, &mentions, next);
        out.push(event);
    }
    out
}

/// A sentence of the article's body: it ends with terminal punctuation (headlines, bylines
/// and datelines do not).
fn is_body(doc: &Document, s: std::ops::Range<usize>) -> bool {
    let text = doc.text();
    let toks = &doc.tokens()[s];
    toks.iter()
        .rev()
        .map(|t| t.text(text))
        .find(|w| !matches!(*w, "\"" | "”" | "’" | "'" | ")"))
        .is_some_and(is_terminal)
}

/// "Security forces killed …", "troops …" and "police arrested …" make an OPERATION of a
/// trigger that would otherwise be an ATTACK.
fn agent_kind(doc: &Document, f: &lexicon::Found) -> String {
    if f.kind != "ATTACK" {
        return f.kind.clone();
    }
    let text = doc.text();
    let toks = doc.tokens();
    let before = &toks[f.tokens.start.saturating_sub(4)..f.tokens.start];
    let forces = [
        "forces",
        "troops",
        "police",
        "army",
        "soldiers",
        "personnel",
    ];
    if before
        .iter()
        .any(|t| forces.iter().any(|w| lowers_to(t.text(text), w)))
    {
        "OPERATION".into()
    } else {
        f.kind.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn doc(text: &str, spans: &[(&str, &str)]) -> Document {
        let mut d = Document::new("d", "t", text);
        let mut out = Vec::new();
        for (surface, label) in spans {
            let b = text.find(surface).unwrap();
            let s = text[..b].chars().count();
            out.push(Span::manual(s, s + surface.chars().count(), *label));
        }
        d.set_spans(out);
        d
    }

    #[test]
    fn a_follow_up_mention_joins_the_event_instead_of_making_a_new_one() {
        let d = doc(
            "Gunmen ambushed a bus near Zhob on Monday. The attack was the third this year. Police said the ambush was planned.",
            &[("Zhob", "GPE"), ("Monday", "DATE")],
        );
        let events = suggest(&d);
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].kind, "ATTACK");
        assert_eq!(d.slice(events[0].start, events[0].end), "ambushed");
    }

    #[test]
    fn a_trigger_far_from_its_type_s_last_mention_starts_a_new_event() {
        // a digest of the same report: each copy is its own incident, and a long text does
        // not pile every mention onto one event (that made suggesting quadratic)
        let filler = "Officials met on the budget. ".repeat(JOIN_WITHIN + 1);
        let one = format!("Gunmen ambushed a bus near Zhob. {filler}");
        let d = doc(&one.repeat(3), &[]);
        let events = suggest(&d);
        assert_eq!(events.len(), 3, "{events:?}");
        let near = doc("Gunmen ambushed a bus. Later gunmen ambushed a van.", &[]);
        assert_eq!(suggest(&near).len(), 1);
    }

    #[test]
    fn a_separate_incident_is_a_new_event_and_headlines_are_skipped() {
        let d = doc(
            "Blast kills two in market\n\nA bomb exploded in a bazaar. In a separate incident, police arrested three suspects.",
            &[],
        );
        let events = suggest(&d);
        let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["OPERATION"],
            "“exploded” is not a trigger word; the headline blast is skipped"
        );
    }

    #[test]
    fn security_forces_as_agent_make_an_operation() {
        let d = doc("Security forces stormed a hideout in the hills.", &[]);
        assert_eq!(suggest(&d)[0].kind, "OPERATION");
    }

    #[test]
    fn roles_come_from_cues_in_the_sentence_and_its_neighbours() {
        let d = doc(
            "Gunmen attacked a wedding party in Khuzdar on Sunday, killing at least seven guests. Nine others were wounded. The Lashkar Front claimed responsibility.",
            &[("Khuzdar", "GPE"), ("Sunday", "DATE"), ("at least seven", "CARDINAL"), ("Nine", "CARDINAL"), ("Lashkar Front", "ORG")],
        );
        let e = &suggest(&d)[0];
        let role = |r: &str| {
            e.role(r)
                .map(|a| d.slice(a.start, a.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(role("place"), ["Khuzdar"]);
        assert_eq!(role("time"), ["Sunday"]);
        assert_eq!(role("killed"), ["at least seven"]);
        assert_eq!(role("injured"), ["Nine"]);
        assert_eq!(role("perpetrator"), ["Lashkar Front"]);
    }

    #[test]
    fn hostages_and_agents_before_the_trigger() {
        let d = doc(
            "Pirate gangs hijacked a trawler off Eyl, holding 14 fishermen.",
            &[("Eyl", "GPE"), ("14", "CARDINAL")],
        );
        let e = &suggest(&d)[0];
        assert_eq!(e.kind, "ABDUCTION");
        assert_eq!(e.role("held").count(), 1);
        assert_eq!(e.role("place").count(), 0, "“off” is not a place cue");
    }

    fn role_texts(d: &Document, e: &Event, role: &str) -> Vec<String> {
        e.role(role)
            .map(|a| d.slice(a.start, a.end).to_string())
            .collect()
    }

    #[test]
    fn operation_runners_and_forces_are_perpetrators_an_agent_before_in_is_not() {
        let d = doc(
            "Personnel of the Frontier Corps and the Levies had launched a search in the valley. Turkish troops killed six fighters of the banned PKK in an operation near Duhok.",
            &[("Frontier Corps", "ORG"), ("Levies", "ORG"), ("Turkish", "NORP"), ("six", "CARDINAL"), ("PKK", "ORG"), ("Duhok", "GPE")],
        );
        let e = &suggest(&d)[0];
        assert_eq!(e.kind, "OPERATION");
        assert_eq!(
            role_texts(&d, e, "perpetrator"),
            ["Turkish"],
            "the PKK sits before “in an operation”: not the agent"
        );
        assert_eq!(
            role_texts(&d, e, "target"),
            ["PKK"],
            "six fighters of the banned PKK"
        );
        assert_eq!(role_texts(&d, e, "killed"), ["six"]);
    }

    #[test]
    fn the_runner_of_an_operation_named_in_its_sentence_is_its_perpetrator() {
        let d = doc(
            "The Rangers and the Sindh Police conducted the operation in Lyari.",
            &[
                ("Rangers", "ORG"),
                ("Sindh Police", "ORG"),
                ("Lyari", "GPE"),
            ],
        );
        let e = &suggest(&d)[0];
        assert_eq!(
            role_texts(&d, e, "perpetrator"),
            ["Rangers", "Sindh Police"]
        );
    }

    #[test]
    fn a_patron_named_in_x_linked_is_not_the_claimant_and_said_it_reaches_further() {
        let d = doc(
            "Fighters stormed a base near Gao. The ISIS-linked Sahel Province said on Monday that it had carried out the raid.",
            &[("Gao", "GPE"), ("ISIS", "ORG"), ("Sahel Province", "ORG"), ("Monday", "DATE")],
        );
        let e = &suggest(&d)[0];
        assert_eq!(role_texts(&d, e, "perpetrator"), ["Sahel Province"]);
    }

    #[test]
    fn a_religious_group_before_its_place_of_worship_is_the_target_and_targeted_is_a_follow_up() {
        let d = doc(
            "A bomb blast hit a Sikh temple in Jalalabad. Police said the bombers targeted worshippers.",
            &[("Sikh", "NORP"), ("Jalalabad", "GPE")],
        );
        let events = suggest(&d);
        assert_eq!(events.len(), 1, "“targeted” joins the blast: {events:?}");
        assert_eq!(role_texts(&d, &events[0], "target"), ["Sikh"]);
    }
}
