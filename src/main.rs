//! Entry point: mounts the app into the page's shell; everything else lives in
//! the library.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    // Release builds stop at a panic without unwinding or a message
    // (scripts/build-release.sh), so the hook only helps while developing.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // index.html paints a header and a loading line before the wasm arrives;
    // the app replaces the loading line inside the same <main>.
    match document().get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root.unchecked_into(), hamstring_rehab::ui::App).forget();
        }
        None => leptos::mount::mount_to_body(hamstring_rehab::ui::App),
    }
}
