//! A paragraph's runs written as HTML, set on the paragraph in one `innerHTML`: the same
//! elements and text nodes as one DOM call per node, at a fraction of the calls from wasm.

use spanmark_core::SpanState;

use super::paragraphs::{EntityRun, Run, TriggerRun};

/// The paragraph's runs as markup, or `None` where the HTML parser would not give back the
/// text exactly (a NUL or a carriage return), so the caller builds the nodes one by one.
pub fn paragraph_markup(runs: &[Run]) -> Option<String> {
    let len: usize = runs
        .iter()
        .map(|r| match r {
            Run::Text(t) => t.len(),
            Run::Trigger(t) => t.text.len() + 160,
            Run::Entity(e) => e.text.len() + 200,
        })
        .sum();
    let mut out = String::with_capacity(len + len / 8);
    for run in runs {
        match run {
            Run::Text(t) => text(&mut out, t)?,
            Run::Trigger(t) => trigger(&mut out, t)?,
            Run::Entity(e) => entity(&mut out, e)?,
        }
    }
    Some(out)
}

/// The state word shared by the class and `data-state`.
pub fn state_of(accepted: bool) -> &'static str {
    if accepted {
        "accepted"
    } else {
        "suggested"
    }
}

/// The class of a trigger's element (the node-by-node view uses it too).
pub fn trigger_class(t: &TriggerRun) -> String {
    let mut class = format!("trigger {}", state_of(t.accepted));
    if t.selected {
        class.push_str(" event-selected");
    }
    class
}

/// The class of a span's element, and its `data-origin` (the node-by-node view uses them).
pub fn entity_class(e: &EntityRun) -> String {
    let mut class = format!("entity {}", state_of(e.span.state == SpanState::Accepted));
    if e.selected {
        class.push_str(" selected");
    }
    if e.continued {
        class.push_str(" cont");
    }
    if e.in_trigger {
        class.push_str(" in-trigger");
    }
    class
}

pub fn origin_of(span: &spanmark_core::Span) -> &'static str {
    if span.origin.is_manual() {
        "manual"
    } else {
        "auto"
    }
}

fn trigger(out: &mut String, t: &TriggerRun) -> Option<()> {
    let state = state_of(t.accepted);
    out.push_str("<span class=\"");
    out.push_str(&trigger_class(t));
    out.push_str("\" data-testid=\"trigger\" data-event=\"");
    attr(out, &t.kind);
    out.push_str(&format!(
        "\" data-trigger-start=\"{}\" data-trigger-end=\"{}\" data-state=\"{state}\">",
        t.trigger.0, t.trigger.1
    ));
    text(out, &t.text)?;
    out.push_str("</span>");
    Some(())
}

fn entity(out: &mut String, e: &EntityRun) -> Option<()> {
    let s = &e.span;
    let state = state_of(s.state == SpanState::Accepted);
    out.push_str("<mark class=\"");
    out.push_str(&entity_class(e));
    out.push_str("\" data-testid=\"");
    out.push_str(if e.continued { "entity-part" } else { "entity" });
    out.push_str("\" data-label=\"");
    attr(out, &s.label);
    out.push_str(&format!(
        "\" data-start=\"{}\" data-end=\"{}\" data-origin=\"{}\" data-state=\"{state}\">",
        s.start,
        s.end,
        origin_of(s)
    ));
    text(out, &e.text)?;
    out.push_str("</mark>");
    Some(())
}

/// Text content, escaped; `None` for characters the parser would change.
fn text(out: &mut String, t: &str) -> Option<()> {
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' | '\r' => return None,
            c => out.push(c),
        }
    }
    Some(())
}

/// An attribute value inside double quotes, escaped.
fn attr(out: &mut String, v: &str) {
    for c in v.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::{Origin, Span};

    fn entity_run(label: &str, text: &str) -> Run {
        let mut span = Span::suggested(4, 4 + text.chars().count(), label, Origin::Gazetteer);
        span.state = SpanState::Accepted;
        Run::Entity(EntityRun {
            span,
            text: text.into(),
            selected: true,
            continued: false,
            in_trigger: false,
        })
    }

    #[test]
    fn markup_names_the_same_attributes_as_the_node_by_node_view() {
        let runs = vec![
            Run::Text("At <b> & ".into()),
            entity_run("ORG", "Tom & Jerry"),
            Run::Trigger(TriggerRun {
                text: "attack".into(),
                kind: "ATTACK".into(),
                trigger: (20, 26),
                accepted: false,
                selected: false,
            }),
        ];
        let html = paragraph_markup(&runs).unwrap();
        assert_eq!(
            html,
            "At &lt;b&gt; &amp; <mark class=\"entity accepted selected\" data-testid=\"entity\" \
             data-label=\"ORG\" data-start=\"4\" data-end=\"15\" data-origin=\"auto\" \
             data-state=\"accepted\">Tom &amp; Jerry</mark><span class=\"trigger suggested\" \
             data-testid=\"trigger\" data-event=\"ATTACK\" data-trigger-start=\"20\" \
             data-trigger-end=\"26\" data-state=\"suggested\">attack</span>"
        );
    }

    #[test]
    fn a_user_label_with_quotes_stays_inside_its_attribute() {
        let html = paragraph_markup(&[entity_run("A\"B<&", "x")]).unwrap();
        assert!(html.contains("data-label=\"A&quot;B&lt;&amp;\""), "{html}");
    }

    #[test]
    fn text_the_parser_would_change_is_left_to_the_node_by_node_view() {
        assert_eq!(paragraph_markup(&[Run::Text("a\rb".into())]), None);
        assert_eq!(paragraph_markup(&[Run::Text("a\0b".into())]), None);
        assert_eq!(paragraph_markup(&[]), Some(String::new()));
    }
}
