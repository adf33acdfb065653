//! The "New version ready" prompt: shown while a new version waits, so the
//! person chooses when the app changes under them.
use super::markup::markup;
use leptos::prelude::*;

/// A polite live region, always in the page so screen readers announce the
/// prompt when it appears; it holds the message, a Reload button and a
/// "Not now" while `ready` is true. "Not now" only hides it from this page:
/// the new version keeps waiting, and is offered again on the next start.
#[component]
pub fn UpdateBanner(
    /// True while a newer version is installed and waiting.
    #[prop(into)]
    ready: Signal<bool>,
    /// Runs when the person taps Reload.
    on_reload: Callback<()>,
) -> impl IntoView {
    let later = RwSignal::new(false);
    let card = move || {
        let html = if ready.get() && !later.get() {
            r#"<div class="update-card"><p>New version ready</p><button type="button" data-act="reload">Reload</button><button type="button" class="link" data-act="later">Not now</button></div>"#
        } else {
            ""
        };
        markup(html.to_string(), move |act, _| {
            if act == "later" {
                later.set(true);
            } else {
                on_reload.run(());
            }
        })
    };
    view! {
        <div class="update" role="status" aria-label="App update">
            {card}
        </div>
    }
}
