//! Browser tests of the article's selection → code point conversion, on the real rendered
//! article (entities split the text into elements) with emoji, curly quotes and Urdu.

use leptos::prelude::*;
use spanmark::annotate::article::Article;
use spanmark::dom::selection::{self, char_ceil, char_floor};
use spanmark::{AppState, Command};
use spanmark_core::{Edit, TextIndex};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str =
    "“Imran Khan’s” party 😀 met in لاہور and Karachi.\n\nSecond 👩‍👩‍👧 paragraph: ISPR said so.\n";

/// Render the article of a new document holding TEXT with two spans; returns the state and the article.
fn rendered() -> (AppState, Element) {
    let app = AppState::new();
    app.dispatch(Command::Create {
        title: "t".into(),
        text: TEXT.into(),
    });
    let (imran, lahore) = (cp("Imran Khan"), cp("لاہور"));
    for (start, end, label) in [(imran.0, imran.1, "PERSON"), (lahore.0, lahore.1, "GPE")] {
        app.dispatch(Command::Edit(Edit::Add {
            start,
            end,
            label: label.into(),
        }));
    }
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(app);
        view! { <Article /> }
    });
    std::mem::forget(handle);
    let root = host
        .query_selector("[data-testid=doc-text]")
        .unwrap()
        .expect("article rendered");
    (app, root)
}

/// Code point range of the first occurrence of `needle` in TEXT.
fn cp(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// The text node holding `needle` and the UTF-16 offset of `needle` in it.
fn text_point(root: &Element, needle: &str) -> (Node, u32) {
    fn walk(n: &Node, needle: &str) -> Option<(Node, u32)> {
        if n.node_type() == Node::TEXT_NODE {
            let data = n.text_content().unwrap_or_default();
            let byte = data.find(needle)?;
            return Some((n.clone(), data[..byte].encode_utf16().count() as u32));
        }
        let kids = n.child_nodes();
        (0..kids.length()).find_map(|i| walk(&kids.item(i)?, needle))
    }
    walk(root.as_ref(), needle).unwrap_or_else(|| panic!("no text node with {needle:?}"))
}

fn select(a: (&Node, u32), b: (&Node, u32)) {
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.set_base_and_extent(a.0, a.1, b.0, b.1).unwrap();
}

fn read(app: &AppState, root: &Element) -> Option<Result<(usize, usize), usize>> {
    app.with_current(|d| selection::read(root, d.index()))
        .flatten()
}

#[wasm_bindgen_test]
fn article_text_is_the_document_text() {
    let (_, root) = rendered();
    assert_eq!(root.text_content().unwrap(), TEXT);
    // The two spans added above (an added span over a same-label suggestion keeps its origin).
    let accepted = root
        .query_selector_all("[data-testid=entity][data-state=accepted]")
        .unwrap();
    assert_eq!(accepted.length(), 2);
}

#[wasm_bindgen_test]
fn a_selection_after_emoji_and_entities_gives_code_points() {
    let (app, root) = rendered();
    let (node, at) = text_point(&root, "Karachi");
    select((&node, at), (&node, at + 7));
    assert_eq!(read(&app, &root), Some(Ok(cp("Karachi"))));

    // Second paragraph, after a ZWJ family emoji (8 UTF-16 units, 5 code points).
    let (node, at) = text_point(&root, "ISPR");
    select((&node, at), (&node, at + 4));
    assert_eq!(read(&app, &root), Some(Ok(cp("ISPR"))));
}

#[wasm_bindgen_test]
fn a_selection_across_an_entity_and_a_paragraph_break() {
    let (app, root) = rendered();
    // From inside the Urdu entity's own text node to the middle of the second paragraph.
    let (a, at) = text_point(&root, "لاہور");
    let (b, bt) = text_point(&root, "Second");
    select((&a, at + 1), (&b, bt + 6));
    let (start, end) = (cp("لاہور").0 + 1, cp("Second").1);
    assert_eq!(read(&app, &root), Some(Ok((start, end))));
    // Backwards (focus before anchor) gives the same range.
    select((&b, bt + 6), (&a, at + 1));
    assert_eq!(read(&app, &root), Some(Ok((start, end))));
}

#[wasm_bindgen_test]
fn element_positions_count_the_text_before_them() {
    let (app, root) = rendered();
    let paragraphs = root.query_selector_all(".para").unwrap();
    assert_eq!(paragraphs.length(), 2);
    let second: Element = paragraphs.item(1).unwrap().unchecked_into();
    let container = second.parent_element().unwrap();
    let index = (0..container.child_nodes().length())
        .find(|&i| container.child_nodes().item(i).as_ref() == Some(second.as_ref()))
        .unwrap();
    // (container, index of the second paragraph) is where it starts; (second, childCount) its end.
    let kids = second.child_nodes().length();
    select((container.as_ref(), index), (second.as_ref(), kids));
    let n = TEXT.chars().count();
    assert_eq!(read(&app, &root), Some(Ok((cp("Second").0, n))));
    // (article, 0) is the start, (article, childCount) the end.
    let all = root.child_nodes().length();
    select((root.as_ref(), 0), (root.as_ref(), all));
    assert_eq!(read(&app, &root), Some(Ok((0, n))));
    // (entity element, 0) is the entity's start.
    let entity = root
        .query_selector("[data-testid=entity]")
        .unwrap()
        .unwrap();
    select((entity.as_ref(), 0), (entity.as_ref(), 1));
    assert_eq!(read(&app, &root), Some(Ok(cp("Imran Khan"))));
}

#[wasm_bindgen_test]
fn half_an_emoji_widens_to_the_whole_emoji() {
    let (app, root) = rendered();
    let (node, at) = text_point(&root, "😀");
    // Inside the surrogate pair on both ends.
    select((&node, at + 1), (&node, at + 1));
    let got = read(&app, &root);
    assert_eq!(
        got,
        Some(Err(cp("😀").0)),
        "a collapsed caret inside the pair floors"
    );
    select((&node, at + 1), (&node, at + 3));
    let (s, e) = cp("😀");
    assert_eq!(read(&app, &root), Some(Ok((s, e + 1))));
    let index = TextIndex::new(TEXT);
    let u = index.utf16_of_char(s).unwrap();
    assert_eq!(char_floor(&index, u + 1), s);
    assert_eq!(char_ceil(&index, u + 1), e);
}

#[wasm_bindgen_test]
fn showing_a_range_then_reading_it_round_trips() {
    let (app, root) = rendered();
    let index = TextIndex::new(TEXT);
    let n = TEXT.chars().count();
    for (s, e) in [
        (0, 1),
        (1, 11),
        (cp("😀").0, cp("😀").1),
        (cp("لاہور").0, n - 1),
        (cp("ISPR").0, n),
    ] {
        selection::show(&root, &index, Some((s, e)));
        assert_eq!(read(&app, &root), Some(Ok((s, e))), "range {s}..{e}");
    }
}

#[wasm_bindgen_test]
fn a_selection_outside_the_article_is_clamped_or_ignored() {
    let (app, root) = rendered();
    let document = web_sys::window().unwrap().document().unwrap();
    let outside = document.create_element("p").unwrap();
    outside.set_text_content(Some("elsewhere"));
    document.body().unwrap().append_child(&outside).unwrap();
    let text = outside.first_child().unwrap();
    select((&text, 0), (&text, 4));
    assert_eq!(
        read(&app, &root),
        None,
        "a selection wholly after the article is not a label"
    );
    let (node, at) = text_point(&root, "Karachi");
    select((&node, at), (&text, 4));
    assert_eq!(
        read(&app, &root),
        Some(Ok((cp("Karachi").0, TEXT.chars().count())))
    );
}
