//! brat events and relations: trigger `T` lines typed by the event type, `E` lines
//! (`E1<TAB>ATTACK:T7 place:T3 place2:T4`), `R` lines (`R1<TAB>located_in Arg1:T3 Arg2:T4`)
//! and their `[events]` / `[relations]` sections in annotation.conf; written and read back.

use std::collections::HashMap;

use crate::event_schema::{EventType, RelationType, Role};
use crate::label::Schema;
use crate::links::{Argument, Event, Links, Relation};
use crate::span::{Origin, SpanState};

/// The `[relations]` and `[events]` sections for a schema.
pub(crate) fn conf_sections(schema: &Schema) -> String {
    let any = |l: &[String]| {
        if l.is_empty() {
            "<ENTITY>".to_string()
        } else {
            l.join("|")
        }
    };
    let mut out = String::from("\n[relations]\n");
    for r in &schema.relations {
        out.push_str(&format!(
            "{}\tArg1:{}, Arg2:{}\n",
            r.name,
            any(&r.from),
            any(&r.to)
        ));
    }
    out.push_str("\n[events]\n");
    for e in &schema.events {
        let roles: Vec<String> = e
            .roles
            .iter()
            .map(|r| format!("{}*:{}", r.name, any(&r.labels)))
            .collect();
        out.push_str(&format!("{}\t{}\n", e.name, roles.join(", ")));
    }
    out
}

/// The relation and event types an annotation.conf declares (None: it declares none).
pub(crate) fn conf_types(conf: &str) -> (Option<Vec<RelationType>>, Option<Vec<EventType>>) {
    let (mut section, mut rels, mut events) = ("", Vec::new(), Vec::new());
    let labels = |s: &str| -> Vec<String> {
        s.split('|')
            .map(str::trim)
            .filter(|l| !l.is_empty() && *l != "<ENTITY>")
            .map(String::from)
            .collect()
    };
    for line in conf.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t;
            continue;
        }
        if t.is_empty() || t.starts_with('#') || t.starts_with('!') {
            continue;
        }
        let (name, rest) = t.split_once(['\t', ' ']).unwrap_or((t, ""));
        let args: Vec<(String, Vec<String>)> = rest
            .split(',')
            .filter_map(|a| a.split_once(':'))
            .map(|(k, v)| {
                (
                    k.trim().trim_end_matches(['*', '+', '?']).to_string(),
                    labels(v),
                )
            })
            .collect();
        match section {
            "[relations]" if !name.starts_with('<') => {
                let end = |k: &str| {
                    args.iter()
                        .find(|(n, _)| n == k)
                        .map(|(_, l)| l.clone())
                        .unwrap_or_default()
                };
                rels.push(RelationType {
                    name: name.into(),
                    color: "#999999".into(),
                    from: end("Arg1"),
                    to: end("Arg2"),
                });
            }
            "[events]" => events.push(EventType {
                name: name.into(),
                color: "#999999".into(),
                roles: args
                    .into_iter()
                    .map(|(name, labels)| Role { name, labels })
                    .collect(),
            }),
            _ => {}
        }
    }
    (
        (!rels.is_empty()).then_some(rels),
        (!events.is_empty()).then_some(events),
    )
}

/// The E and R lines of one document; `span_ids` maps a span's offsets to its T id and
/// `trigger` writes a trigger T line (returning its id).
pub(crate) fn write_lines(
    links: &Links,
    span_ids: &HashMap<(usize, usize), String>,
    mut trigger: impl FnMut(&Event) -> String,
) -> (String, usize) {
    let mut out = String::new();
    let mut left_out = 0;
    for (k, e) in links.events.iter().enumerate() {
        let t = trigger(e);
        let mut line = format!("E{}\t{}:{t}", k + 1, e.kind);
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for a in &e.args {
            let Some(id) = span_ids.get(&(a.start, a.end)) else {
                left_out += 1;
                continue;
            };
            let n = seen.entry(&a.role).or_insert(0);
            *n += 1;
            let suffix = if *n == 1 {
                String::new()
            } else {
                n.to_string()
            };
            line.push_str(&format!(" {}{suffix}:{id}", a.role));
        }
        out.push_str(&line);
        out.push('\n');
    }
    for (k, r) in links.relations.iter().enumerate() {
        match (span_ids.get(&r.from), span_ids.get(&r.to)) {
            (Some(a), Some(b)) => {
                out.push_str(&format!("R{}\t{} Arg1:{a} Arg2:{b}\n", k + 1, r.kind))
            }
            _ => left_out += 1,
        }
    }
    (out, left_out)
}

/// A parsed T line: (type, start, end, line number).
pub(crate) type TextBound = (String, usize, usize, usize);

/// Events and relations from E and R lines (`lines`: (line number, line)); T lines used as
/// triggers are returned so they are not read as entities. Errors name the line.
pub(crate) fn read_lines(
    lines: &[(usize, &str)],
    bounds: &HashMap<String, TextBound>,
    schema: &Schema,
) -> Result<(Links, Vec<String>), (usize, String)> {
    let mut links = Links::default();
    let mut triggers = Vec::new();
    let bound = |n: usize, id: &str| {
        bounds
            .get(id)
            .ok_or((n, format!("“{id}” names no T line of this file")))
    };
    for &(n, line) in lines {
        let (id, rest) = line
            .split_once('\t')
            .ok_or((n, "needs a tab after its id".to_string()))?;
        let mut parts = rest.split_whitespace();
        if id.starts_with('E') {
            let (kind, trig) = parts
                .next()
                .and_then(|p| p.split_once(':'))
                .ok_or((n, format!("{id} needs TYPE:Tn first")))?;
            let t = schema
                .event_type(kind)
                .ok_or((n, format!("{id}: the schema has no event type “{kind}”")))?;
            let (_, start, end, _) = bound(n, trig)?;
            triggers.push(trig.to_string());
            let mut event = Event {
                kind: kind.into(),
                start: *start,
                end: *end,
                args: Vec::new(),
                origin: Origin::Import,
                state: SpanState::Accepted,
            };
            for p in parts {
                let (role, arg) = p
                    .split_once(':')
                    .ok_or((n, format!("{id}: “{p}” is not ROLE:Tn")))?;
                let base = if t.role(role).is_some() {
                    role
                } else {
                    role.trim_end_matches(|c: char| c.is_ascii_digit())
                };
                let r = t.role(base).ok_or((
                    n,
                    format!("{id}: the event type {kind} has no role “{role}”"),
                ))?;
                let (label, s, e, _) = bound(n, arg)?;
                if !r.allows(label) {
                    return Err((
                        n,
                        format!("{id}: the role {base} of {kind} does not take {arg}, a {label}"),
                    ));
                }
                event.args.push(Argument {
                    role: base.into(),
                    start: *s,
                    end: *e,
                });
            }
            links.events.push(event);
        } else if id.starts_with('R') {
            let kind = parts
                .next()
                .ok_or((n, format!("{id} needs a relation type")))?;
            let rt = schema
                .relation_type(kind)
                .ok_or((n, format!("{id}: the schema has no relation type “{kind}”")))?;
            let mut ends = HashMap::new();
            for p in parts {
                let (k, v) = p
                    .split_once(':')
                    .ok_or((n, format!("{id}: “{p}” is not Arg1:Tn")))?;
                ends.insert(k, bound(n, v)?);
            }
            let (Some(a), Some(b)) = (ends.get("Arg1"), ends.get("Arg2")) else {
                return Err((n, format!("{id} needs Arg1 and Arg2")));
            };
            if !rt.allows(&a.0, &b.0) {
                return Err((
                    n,
                    format!("{id}: {kind} does not go from {} to {}", a.0, b.0),
                ));
            }
            links.relations.push(Relation {
                kind: kind.into(),
                from: (a.1, a.2),
                to: (b.1, b.2),
                origin: Origin::Import,
                state: SpanState::Accepted,
            });
        }
    }
    links.sort();
    Ok((links, triggers))
}
