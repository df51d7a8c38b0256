//! The browser's text selection inside the article as code point offsets, and back:
//! DOM position → UTF-16 units within the article → the core's `TextIndex` → code points.
//!
//! The article (`root`) holds one element per paragraph carrying `data-u16`, the UTF-16
//! offset where the paragraph starts (paragraphs may be grouped in chunk elements, in
//! order); inside a paragraph only text nodes count, so label names drawn by CSS
//! (`::after`) never shift an offset.

use spanmark_core::TextIndex;
use wasm_bindgen::JsCast;
use web_sys::{CharacterData, Element, Node};

/// The attribute of a paragraph element holding its UTF-16 start offset.
pub const PARAGRAPH_ATTR: &str = "data-u16";

/// UTF-16 offset within the article of the DOM point (`node`, `offset`); points outside the
/// article clamp to its start or end.
pub fn utf16_of_point(root: &Element, node: &Node, offset: u32) -> usize {
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(node)) {
        let rel = root_node.compare_document_position(node);
        return if rel & Node::DOCUMENT_POSITION_PRECEDING != 0 {
            0
        } else {
            article_len(root)
        };
    }
    let element = match node.dyn_ref::<Element>() {
        Some(e) => Some(e.clone()),
        None => node.parent_element(),
    };
    let paragraph = element
        .as_ref()
        .and_then(|e| e.closest(&format!("[{PARAGRAPH_ATTR}]")).ok().flatten());
    match (paragraph, element) {
        (Some(p), _) => paragraph_start(&p) + units_before(&p, node, offset),
        // Between paragraphs: the article or a chunk, `offset` counting its children.
        (None, Some(container)) => {
            // The first paragraph at or after child node `offset` (markers and comments
            // between elements hold no text); past the last one, the container's end.
            let mut next = container.child_nodes().item(offset);
            while let Some(n) = next {
                if let Some(p) = n.dyn_ref::<Element>().and_then(first_paragraph) {
                    return paragraph_start(&p);
                }
                next = n.next_sibling();
            }
            last_paragraph(&container).map_or(0, |p| paragraph_end(&p))
        }
        (None, None) => 0,
    }
}

/// The first paragraph element at or under `el`.
fn first_paragraph(el: &Element) -> Option<Element> {
    if el.has_attribute(PARAGRAPH_ATTR) {
        return Some(el.clone());
    }
    el.query_selector(&format!("[{PARAGRAPH_ATTR}]"))
        .ok()
        .flatten()
}

/// The last paragraph element at or under `el`.
fn last_paragraph(el: &Element) -> Option<Element> {
    let mut cur = el.clone();
    loop {
        if cur.has_attribute(PARAGRAPH_ATTR) {
            return Some(cur);
        }
        cur = cur.last_element_child()?;
    }
}

fn paragraph_end(p: &Element) -> usize {
    paragraph_start(p) + text_nodes(p.as_ref()).iter().map(text_len).sum::<usize>()
}

/// UTF-16 units of text in `paragraph` before the point (`node`, `offset`).
fn units_before(paragraph: &Element, node: &Node, offset: u32) -> usize {
    let texts = text_nodes(paragraph.as_ref());
    if node.node_type() == Node::TEXT_NODE {
        let before: usize = texts
            .iter()
            .filter(|t| node.compare_document_position(t) & Node::DOCUMENT_POSITION_PRECEDING != 0)
            .map(text_len)
            .sum();
        return before + (offset as usize).min(text_len(node));
    }
    // An element position: before its child number `offset`, or at its end.
    match node.child_nodes().item(offset) {
        Some(child) => texts
            .iter()
            .filter(|t| child.compare_document_position(t) & Node::DOCUMENT_POSITION_PRECEDING != 0)
            .map(text_len)
            .sum(),
        None => texts
            .iter()
            .filter(|t| {
                let rel = node.compare_document_position(t);
                rel & (Node::DOCUMENT_POSITION_PRECEDING | Node::DOCUMENT_POSITION_CONTAINED_BY)
                    != 0
            })
            .map(text_len)
            .sum(),
    }
}

fn text_nodes(node: &Node) -> Vec<Node> {
    let mut out = Vec::new();
    collect_text(node, &mut out);
    out
}

fn collect_text(node: &Node, out: &mut Vec<Node>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        if let Some(c) = children.item(i) {
            if c.node_type() == Node::TEXT_NODE {
                out.push(c);
            } else {
                collect_text(&c, out);
            }
        }
    }
}

fn text_len(node: &Node) -> usize {
    node.dyn_ref::<CharacterData>()
        .map_or(0, |t| t.length() as usize)
}

fn paragraph_start(p: &Element) -> usize {
    p.get_attribute(PARAGRAPH_ATTR)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn article_len(root: &Element) -> usize {
    last_paragraph(root).map_or(0, |p| paragraph_end(&p))
}

/// The code point at or before a UTF-16 offset (never inside a surrogate pair).
pub fn char_floor(index: &TextIndex, u: usize) -> usize {
    let mut u = u.min(index.len_utf16());
    loop {
        if let Some(c) = index.char_of_utf16(u) {
            return c;
        }
        u -= 1;
    }
}

/// The code point at or after a UTF-16 offset.
pub fn char_ceil(index: &TextIndex, u: usize) -> usize {
    let mut u = u.min(index.len_utf16());
    loop {
        if let Some(c) = index.char_of_utf16(u) {
            return c;
        }
        u += 1;
    }
}

/// What the user has selected in the article, as a code point range; `Err(caret)` when the
/// selection is collapsed (a click) inside the article; `None` when there is no selection.
pub fn read(root: &Element, index: &TextIndex) -> Option<Result<(usize, usize), usize>> {
    let sel = web_sys::window()?.get_selection().ok()??;
    if sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let a = utf16_of_point(
        root,
        &range.start_container().ok()?,
        range.start_offset().ok()?,
    );
    let b = utf16_of_point(root, &range.end_container().ok()?, range.end_offset().ok()?);
    let (start, end) = (char_floor(index, a), char_ceil(index, b));
    if start < end && !range.collapsed() {
        Some(Ok((start, end)))
    } else {
        let root_node: &Node = root.as_ref();
        let inside = range
            .start_container()
            .ok()
            .is_some_and(|n| root_node.contains(Some(&n)));
        inside.then_some(Err(start))
    }
}

/// The DOM point of a UTF-16 offset in the article.
pub fn point_of_utf16(root: &Element, u: usize) -> Option<(Node, u32)> {
    // Down through chunks to the last paragraph starting at or before `u` (all in order).
    let mut container = root.clone();
    let p = loop {
        let kids = container.children();
        let (mut lo, mut hi) = (0u32, kids.length());
        while lo + 1 < hi {
            let mid = (lo + hi) / 2;
            let start = first_paragraph(&kids.item(mid)?).map_or(0, |p| paragraph_start(&p));
            if start <= u {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let child = kids.item(lo)?;
        if child.has_attribute(PARAGRAPH_ATTR) {
            break child;
        }
        container = child;
    };
    let mut rest = u.saturating_sub(paragraph_start(&p));
    let texts = text_nodes(p.as_ref());
    for t in &texts {
        let len = text_len(t);
        if rest <= len {
            return Some((t.clone(), rest as u32));
        }
        rest -= len;
    }
    texts.last().map(|t| (t.clone(), text_len(t) as u32))
}

/// Show a code point range as the browser's selection (for keyboard selection).
pub fn show(root: &Element, index: &TextIndex, range: Option<(usize, usize)>) {
    let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return;
    };
    let Some((start, end)) = range else {
        let _ = sel.remove_all_ranges();
        return;
    };
    let (Some(a), Some(b)) = (index.utf16_of_char(start), index.utf16_of_char(end)) else {
        return;
    };
    if let (Some((an, ao)), Some((bn, bo))) = (point_of_utf16(root, a), point_of_utf16(root, b)) {
        let _ = sel.set_base_and_extent(&an, ao, &bn, bo);
    }
}

/// The article element on the page (`data-testid=doc-text`), if a document is open.
fn article() -> Option<Element> {
    web_sys::window()?
        .document()?
        .query_selector("[data-testid=doc-text]")
        .ok()?
}

/// Draw a keyboard selection as the browser's selection in the article.
pub fn show_in_article(index: &TextIndex, range: Option<(usize, usize)>) {
    if let Some(root) = article() {
        show(&root, index, range);
    }
}

/// Drop the browser's text selection (its text became a span).
pub fn clear_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// Focus the first element matching `selector`.
pub fn focus(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}
