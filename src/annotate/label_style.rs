//! Label colours as one generated stylesheet (`[data-label="NAME"] { --c; --on }`), so a
//! span element carries no style of its own and a recolour touches no paragraph.

use leptos::prelude::*;
use spanmark_core::label::check_color;
use spanmark_core::Schema;

use crate::state::use_app;

/// The colour used for a label whose colour is not a valid `#hex`.
const FALLBACK: &str = "#888888";

/// The stylesheet for a schema: every label name quoted as a CSS string, every colour checked.
pub fn label_css(schema: &Schema) -> String {
    let mut css = String::new();
    for label in &schema.labels {
        let color = check_color(&label.color).unwrap_or_else(|_| FALLBACK.to_string());
        let name = css_string(&label.name);
        css.push_str(&format!(
            "[data-label={name}]{{--c:{color};--on:{}}}\n",
            ink_on(&color)
        ));
    }
    // event types colour their triggers' underline
    for event in &schema.events {
        let color = check_color(&event.color).unwrap_or_else(|_| FALLBACK.to_string());
        css.push_str(&format!(
            "[data-event={}]{{--ec:{color}}}\n",
            css_string(&event.name)
        ));
    }
    css
}

/// A CSS string literal: quotes and backslashes escaped, control characters as hex escapes.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Black or white, whichever reads better on a label colour (for the label tag).
pub fn ink_on(color: &str) -> &'static str {
    let hex = color.trim_start_matches('#');
    let hex: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_string()
    };
    let channel = |i: usize| {
        u8::from_str_radix(hex.get(i..i + 2).unwrap_or("88"), 16).unwrap_or(0x88) as f64 / 255.0
    };
    let lin = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(channel(0)) + 0.7152 * lin(channel(2)) + 0.0722 * lin(channel(4));
    if l > 0.18 {
        "#000"
    } else {
        "#fff"
    }
}

/// The `<style>` element holding the label colours; follows the schema.
#[component]
pub fn LabelStyles() -> impl IntoView {
    let app = use_app();
    view! { <style data-testid="label-styles">{move || app.schema.with(label_css)}</style> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::Label;

    #[test]
    fn names_are_quoted_and_colours_checked() {
        let mut schema = Schema::news();
        schema.labels.push(Label {
            name: "A\"]{}x\\".into(),
            color: "red;}body{".into(),
            key: None,
        });
        let css = label_css(&schema);
        assert!(
            css.contains("[data-label=\"PERSON\"]{--c:#E69F00;--on:#000}"),
            "{css}"
        );
        assert!(
            css.contains("[data-label=\"FAC\"]{--c:#0072B2;--on:#fff}"),
            "{css}"
        );
        assert!(
            css.contains("[data-label=\"A\\\"]{}x\\\\\"]{--c:#888888;"),
            "{css}"
        );
        assert!(!css.contains("body{"));
        assert_eq!(
            css.lines()
                .filter(|l| l.starts_with("[data-label="))
                .count(),
            9
        );
        let attack = check_color(&schema.event_type("ATTACK").unwrap().color).unwrap();
        assert!(
            css.contains(&format!("[data-event=\"ATTACK\"]{{--ec:{attack}}}")),
            "{css}"
        );
        assert_eq!(css.lines().count(), 9 + schema.events.len());
    }

    #[test]
    fn ink_reads_on_the_palette() {
        assert_eq!(ink_on("#F0E442"), "#000");
        assert_eq!(ink_on("#0072B2"), "#fff");
        assert_eq!(ink_on("#fff"), "#000");
        assert_eq!(ink_on("#000"), "#fff");
    }
}
