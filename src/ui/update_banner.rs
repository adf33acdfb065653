//! The "New version ready" prompt: shown while a new version waits, so the
//! person chooses when the app changes under them.
use super::widgets::show;
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
    view! {
        <div class="update" role="status" aria-label="App update">
            {show(move || ready.get(), ViewFn::from(move || view! {
                <div class="update-card">
                    <p>"New version ready"</p>
                    <button type="button" on:click=move |_| on_reload.run(())>
                        "Reload"
                    </button>
                </div>
            }))}
        </div>
    }
}
