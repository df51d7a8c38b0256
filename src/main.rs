//! Browser entry point: mounts the app and nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(spanmark::App);
    spanmark::documents::first_paint::mark("spanmark-usable");
}
