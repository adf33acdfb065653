//! The "New version ready" prompt: shown while a new version waits, so the
//! person chooses when the app changes under them.
use super::markup::markup;
use leptos::prelude::*;

/// A polite live region, always in the page so screen readers announce the
/// prompt when it appears; it holds the message and a Reload button only
/// while `ready` is true.
#[component]
pub fn UpdateBanner(
    /// True while a newer version is installed and waiting.
    #[prop(into)]
    ready: Signal<bool>,
    /// Runs when the person taps Reload.
    on_reload: Callback<()>,
) -> impl IntoView {
    let card = move || {
        let html = if ready.get() {
            r#"<div class="update-card"><p>New version ready</p><button type="button" data-act="reload">Reload</button></div>"#
        } else {
            ""
        };
        markup(html.to_string(), move |_, _| on_reload.run(()))
    };
    view! {
        <div class="update" role="status" aria-label="App update">
            {card}
        </div>
    }
}
