//! Leptos components: the app shell and its screens, one screen a file, thin
//! over the engine. `App` is mounted by `main.rs` into the page's `#app`.
mod home;
mod note;
mod sw;
mod update_banner;

use leptos::prelude::*;

pub use home::{today, Home, StageSummary, STAGES};
pub use note::{NoteField, NOTE_KEY};
pub use update_banner::UpdateBanner;

/// The root component: the update prompt, the first screen and the version.
#[component]
pub fn App() -> impl IntoView {
    let update_ready = RwSignal::new(false);
    sw::register(update_ready);
    view! {
        <UpdateBanner ready=update_ready on_reload=Callback::new(|_| sw::reload_into_update()) />
        <Home />
        <p class="version">"Version " {build_id()}</p>
    }
}

/// The id `scripts/sw-precache.mjs` wrote into the page: the same one names
/// the service worker's cache, so it tells which build is running.
pub fn build_id() -> String {
    document()
        .query_selector(r#"meta[name="build-id"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "dev".to_string())
}
