//! Leptos components: the app shell and its screens, one screen a file, thin
//! over the engine. `App` is mounted by `main.rs` into the page's `#app`.
mod alert;
mod app;
pub mod charts;
mod checkin;
mod data;
pub(crate) mod demo;
mod history;
mod install;
pub mod learn;
mod loading;
mod markup;
mod onboarding;
mod opening;
mod planmap;
mod recovery;
mod reminder;
mod session;
mod settings;
pub mod state;
mod stop;
mod summary;
mod sw;
pub mod timer;
mod today;
mod update_banner;
pub mod widgets;

use leptos::prelude::*;

pub use app::App;
pub use update_banner::UpdateBanner;

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
