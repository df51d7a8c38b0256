//! How the article is cut for rendering: paragraphs end after a run of newlines, and each
//! paragraph is a list of runs — plain text, an event's trigger words, or one span — that
//! together are its exact text.
//! Paragraphs are grouped into chunks of a few thousand characters: the browser skips the
//! layout and paint of chunks out of view (a few hundred, not thousands of observed boxes).

use std::hash::{Hash, Hasher};

use spanmark_core::links::Event;
use spanmark_core::{Document, Span, SpanState, TextIndex};

/// One rendered paragraph: code point range, and where it starts in UTF-16 units
/// (the unit of DOM selections).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub utf16_start: usize,
}

/// Paragraphs of a text: each ends after its run of newlines, so they cover the text exactly.
pub fn paragraphs(text: &str, index: &TextIndex) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut prev_newline = false;
    for (i, c) in text.chars().enumerate() {
        let newline = c == '\n';
        if prev_newline && !newline {
            out.push(make(index, start, i));
            start = i;
        }
        prev_newline = newline;
    }
    let n = index.len_chars();
    if start < n {
        out.push(make(index, start, n));
    }
    out
}

/// Consecutive paragraphs grouped until each group holds at least `target` characters.
pub fn chunks(paras: &[Paragraph], target: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut chars = 0;
    for (i, p) in paras.iter().enumerate() {
        chars += p.end - p.start;
        if chars >= target {
            out.push(from..i + 1);
            from = i + 1;
            chars = 0;
        }
    }
    if from < paras.len() {
        out.push(from..paras.len());
    }
    out
}

/// The indices of the paragraphs a code point range touches (for an empty range, the
/// paragraph it is in).
pub fn touching(paras: &[Paragraph], range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let from = paras.partition_point(|p| p.end <= range.start);
    let to = paras.partition_point(|p| p.start < range.end.max(range.start + 1));
    from..to.max(from)
}

fn make(index: &TextIndex, start: usize, end: usize) -> Paragraph {
    Paragraph {
        start,
        end,
        utf16_start: index.utf16_of_char(start).unwrap_or(0),
    }
}

/// A piece of a paragraph: text, (part of) an event's trigger outside spans, or (part of)
/// a span.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    Text(String),
    Trigger(TriggerRun),
    Entity(EntityRun),
}

/// Trigger words of an event (the part outside entity spans, inside this paragraph).
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerRun {
    pub text: String,
    /// the event's type, its trigger (start, end), whether it is accepted, selected
    pub kind: String,
    pub trigger: (usize, usize),
    pub accepted: bool,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityRun {
    pub span: Span,
    /// The part of the span's text inside this paragraph.
    pub text: String,
    pub selected: bool,
    /// A span that began in an earlier paragraph (shown, but not the span's own element).
    pub continued: bool,
    /// The span lies (partly) inside an event's trigger words.
    pub in_trigger: bool,
}

/// The spans touching a paragraph (spans are sorted and do not overlap).
pub fn spans_in<'a>(spans: &'a [Span], para: &Paragraph) -> &'a [Span] {
    let from = spans.partition_point(|s| s.end <= para.start);
    let to = spans.partition_point(|s| s.start < para.end);
    &spans[from..to.max(from)]
}

/// The events whose triggers touch a paragraph, in order (events are sorted by trigger;
/// a trigger over a paragraph break starts a few events back at most).
pub fn events_in<'a>(events: &'a [Event], para: &Paragraph) -> Vec<&'a Event> {
    let from = events.partition_point(|e| e.start < para.start);
    events[from.saturating_sub(4)..]
        .iter()
        .take_while(|e| e.start < para.end)
        .filter(|e| e.end > para.start)
        .collect()
}

/// The runs of one paragraph; their texts joined are exactly the paragraph's text.
/// `selected`: the selected span; `event`: the selected event's trigger.
pub fn runs(
    doc: &Document,
    para: &Paragraph,
    selected: Option<(usize, usize)>,
    event: Option<(usize, usize)>,
) -> Vec<Run> {
    let triggers = events_in(&doc.links().events, para);
    let in_trigger = |s: usize, e: usize| triggers.iter().any(|t| t.start < e && s < t.end);
    let mut out = Vec::new();
    let mut pos = para.start;
    for span in spans_in(doc.spans(), para) {
        let (s, e) = (span.start.max(para.start), span.end.min(para.end));
        if s > pos {
            text_runs(doc, &triggers, pos, s, event, &mut out);
        }
        out.push(Run::Entity(EntityRun {
            span: span.clone(),
            text: doc.slice(s, e).to_string(),
            selected: selected == Some((span.start, span.end)),
            continued: span.start < para.start,
            in_trigger: in_trigger(s, e),
        }));
        pos = e;
    }
    if pos < para.end {
        text_runs(doc, &triggers, pos, para.end, event, &mut out);
    }
    out
}

/// The text from..to (outside spans) as plain text and trigger runs.
fn text_runs(
    doc: &Document,
    triggers: &[&Event],
    from: usize,
    to: usize,
    event: Option<(usize, usize)>,
    out: &mut Vec<Run>,
) {
    let mut pos = from;
    for t in triggers {
        let (s, e) = (t.start.max(pos), t.end.min(to));
        if s >= e {
            continue;
        }
        if s > pos {
            out.push(Run::Text(doc.slice(pos, s).to_string()));
        }
        out.push(Run::Trigger(TriggerRun {
            text: doc.slice(s, e).to_string(),
            kind: t.kind.clone(),
            trigger: (t.start, t.end),
            accepted: t.is_accepted(),
            selected: event == Some((t.start, t.end)),
        }));
        pos = e;
    }
    if pos < to {
        out.push(Run::Text(doc.slice(pos, to).to_string()));
    }
}

/// A fingerprint of a paragraph's spans: when it is unchanged the paragraph is not
/// re-rendered (the selection is a class set on its elements, not part of it). Computed for
/// every paragraph of a document when it opens (after that only for the paragraphs an edit
/// touched), so it uses a cheap multiply-rotate hash (FxHash's) rather than SipHash;
/// collisions only cost a missed redraw of one paragraph in 2^64.
pub fn fingerprint(doc: &Document, para: &Paragraph) -> u64 {
    let mut h = Fx::default();
    doc.id.hash(&mut h);
    para.start.hash(&mut h);
    for s in spans_in(doc.spans(), para) {
        (s.start, s.end, s.origin, s.state == SpanState::Accepted).hash(&mut h);
        s.label.hash(&mut h);
    }
    for e in events_in(&doc.links().events, para) {
        (e.start, e.end, e.is_accepted()).hash(&mut h);
        e.kind.hash(&mut h);
    }
    h.finish()
}

/// FxHash (rustc's hasher): one multiply and rotate per word.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use spanmark_core::Origin;

    fn joined(runs: &[Run]) -> String {
        runs.iter()
            .map(|r| match r {
                Run::Text(t) => t.as_str(),
                Run::Trigger(t) => t.text.as_str(),
                Run::Entity(e) => e.text.as_str(),
            })
            .collect()
    }

    #[test]
    fn paragraphs_cover_the_text() {
        let text = "\nFirst “line” 😀\n\nSecond اردو\nThird\n\n";
        let index = TextIndex::new(text);
        let paras = paragraphs(text, &index);
        let chars: Vec<char> = text.chars().collect();
        let pieces: Vec<String> = paras
            .iter()
            .map(|p| chars[p.start..p.end].iter().collect())
            .collect();
        assert_eq!(
            pieces,
            vec!["\n", "First “line” 😀\n\n", "Second اردو\n", "Third\n\n"]
        );
        assert_eq!(
            paras[2].utf16_start,
            1 + "First “line” 😀\n\n".encode_utf16().count()
        );
        assert!(paragraphs("", &TextIndex::new("")).is_empty());
    }

    #[test]
    fn chunks_group_paragraphs_in_order() {
        let text = "aaaa\nbb\ncccccc\nd\n";
        let paras = paragraphs(text, &TextIndex::new(text));
        assert_eq!(paras.len(), 4);
        assert_eq!(chunks(&paras, 7), vec![0..2, 2..3, 3..4]);
        assert_eq!(chunks(&paras, 1000), vec![0..4]);
        assert_eq!(chunks(&paras, 1), vec![0..1, 1..2, 2..3, 3..4]);
        assert!(chunks(&[], 10).is_empty());
    }

    #[test]
    fn touching_finds_the_paragraphs_of_a_range() {
        let text = "aaaa\nbb\ncccccc\nd\n";
        let paras = paragraphs(text, &TextIndex::new(text));
        // paragraphs: 0..5, 5..8, 8..15, 15..17
        assert_eq!(touching(&paras, 0..4), 0..1);
        assert_eq!(
            touching(&paras, 3..6),
            0..2,
            "a range over a paragraph break"
        );
        assert_eq!(
            touching(&paras, 5..5),
            1..2,
            "an empty range: its paragraph"
        );
        assert_eq!(touching(&paras, 5..16), 1..4);
        assert_eq!(touching(&paras, 17..17), 4..4, "past the end: none");
        assert_eq!(touching(&[], 0..3), 0..0);
    }

    #[test]
    fn runs_rebuild_the_paragraph_text() {
        let text = "Imran Khan 😀 met\nofficials in Lahore.";
        let mut doc = Document::new("d", "t", text);
        doc.set_spans(vec![
            Span::manual(0, 10, "PERSON"),
            Span::suggested(15, 26, "ORG", Origin::Gazetteer),
            Span::manual(30, 36, "GPE"),
        ]);
        let paras = paragraphs(doc.text(), doc.index());
        assert_eq!(paras.len(), 2);
        let all: String = paras
            .iter()
            .map(|p| joined(&runs(&doc, p, None, None)))
            .collect();
        assert_eq!(all, text);
        let second = runs(&doc, &paras[1], Some((30, 36)), None);
        let entities: Vec<&EntityRun> = second
            .iter()
            .filter_map(|r| match r {
                Run::Entity(e) => Some(e),
                _ => None,
            })
            .collect();
        assert_eq!(entities.len(), 2);
        assert!(
            entities[0].continued,
            "the span crossing the line break continues here"
        );
        assert_eq!(entities[0].text, "officials");
        assert!(entities[1].selected);
        assert_eq!(entities[1].text, "Lahore");
    }

    #[test]
    fn triggers_are_runs_of_their_own_and_the_text_stays_whole() {
        use spanmark_core::links::Links;
        let text = "Gunmen opened fire on a bus.\n\nPolice raided Zhob hideouts.";
        let mut doc = Document::new("d", "t", text);
        doc.set_spans(vec![Span::manual(44, 48, "GPE")]);
        doc.set_links(Links {
            events: vec![
                Event::suggested("ATTACK", 7, 18, Origin::Pattern),
                Event::manual("OPERATION", 37, 48),
            ],
            relations: vec![],
        });
        let paras = paragraphs(doc.text(), doc.index());
        let before: Vec<u64> = paras.iter().map(|p| fingerprint(&doc, p)).collect();
        let all: String = paras
            .iter()
            .map(|p| joined(&runs(&doc, p, None, Some((7, 18)))))
            .collect();
        assert_eq!(all, text);
        let first = runs(&doc, &paras[0], None, Some((7, 18)));
        assert!(
            matches!(&first[1], Run::Trigger(t) if t.text == "opened fire" && t.selected && !t.accepted)
        );
        let second = runs(&doc, &paras[1], None, None);
        let kinds: Vec<String> = second
            .iter()
            .map(|r| match r {
                Run::Text(t) => format!("text {t}"),
                Run::Trigger(t) => format!("trigger {}", t.text),
                Run::Entity(e) => format!("entity {} {}", e.text, e.in_trigger),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "text Police ",
                "trigger raided ",
                "entity Zhob true",
                "text  hideouts."
            ]
        );
        let mut accepted = doc.links().clone();
        accepted.events[0].state = SpanState::Accepted;
        doc.set_links(accepted);
        let after: Vec<u64> = paras.iter().map(|p| fingerprint(&doc, p)).collect();
        assert_ne!(
            before[0], after[0],
            "accepting the event redraws its paragraph"
        );
        assert_eq!(before[1], after[1]);
    }

    #[test]
    fn fingerprint_changes_only_where_spans_change() {
        let mut doc = Document::new("d", "t", "Lahore\n\nKarachi\n");
        let paras = paragraphs(doc.text(), doc.index());
        let before: Vec<u64> = paras.iter().map(|p| fingerprint(&doc, p)).collect();
        doc.set_spans(vec![Span::manual(8, 15, "GPE")]);
        let after: Vec<u64> = paras.iter().map(|p| fingerprint(&doc, p)).collect();
        assert_eq!(before[0], after[0]);
        assert_ne!(before[1], after[1]);
        doc.set_spans(vec![Span::manual(8, 15, "ORG")]);
        assert_ne!(after[1], fingerprint(&doc, &paras[1]), "a relabel shows");
    }
}
