//! The recovery screen: stored data that cannot be read, or that a newer
//! version wrote. Nothing is written over; the raw data can be downloaded.

use super::data::ImportBackup;
use super::state::use_app;
use crate::storage::{Level, Notice};
use leptos::prelude::*;

#[component]
pub fn Recovery() -> impl IntoView {
    let app = use_app();
    let notice = move || {
        app.notices
            .get()
            .into_iter()
            .find(|n| n.level() == Level::Blocking)
    };
    let newer = move || matches!(notice(), Some(Notice::NewerVersion { .. }));
    let confirm = RwSignal::new(false);
    let rescue = move |_| {
        let today = app.today.get_untracked();
        if let Some(Ok((name, text))) = app.with_repo(|r| r.rescue_file(today)) {
            #[cfg(target_arch = "wasm32")]
            let _ = crate::storage::browser::download(&name, "application/json", &text);
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (name, text);
        }
    };
    let discard = move |_| {
        if app
            .with_repo(|r| r.discard_unreadable())
            .is_some_and(|r| r.is_ok())
        {
            let reloaded = app.with_repo(|r| r.load().ok().flatten()).flatten();
            app.log.set(reloaded);
        }
    };
    view! {
        <section class="card" role="alert" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">"Your log needs attention"</h2>
            <p>{move || notice().map(|n| n.message())}</p>
        </section>
        <Show when=move || !newer() fallback=|| view! {
            <button type="button" class="primary" on:click=|_| { let _ = web_sys::window().map(|w| w.location().reload()); }>"Reload"</button>
        }>
            <section class="card" aria-labelledby="rescue-heading">
                <h2 id="rescue-heading">"Keep it safe first"</h2>
                <button type="button" class="primary" on:click=rescue>"Download the saved data"</button>
                <ImportBackup />
            </section>
            <section class="card" aria-labelledby="discard-heading">
                <h2 id="discard-heading">"Start again"</h2>
                <p>"Only once you have downloaded it: remove the unreadable data and carry on without it."</p>
                <label class="check">
                    <input type="checkbox" prop:checked=move || confirm.get() on:change=move |ev| confirm.set(event_target_checked(&ev)) />
                    " I have downloaded the saved data"
                </label>
                <button type="button" class="danger" prop:disabled=move || !confirm.get() on:click=discard>"Remove the unreadable data"</button>
            </section>
        </Show>
    }
}
