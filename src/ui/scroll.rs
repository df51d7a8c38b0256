//! Bringing an element into view, placed in the window as the caller asks (nearest edge,
//! centre, top), without animation.

use web_sys::{Element, ScrollIntoViewOptions, ScrollLogicalPosition};

/// Scroll the page so that `el` stands at `block` in the window.
pub fn into_view(el: &Element, block: ScrollLogicalPosition) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}
