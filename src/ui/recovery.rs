//! The recovery screen: stored data that cannot be read, or that a newer
//! version wrote. Nothing is written over; the raw data can be downloaded,
//! and only then removed or replaced by a backup.

use super::data::{discard_unreadable, download_rescue, ImportBackup};
use super::state::use_app;
use super::widgets::{show, show_or, tick};
use crate::storage::{Level, Notice};
use crate::ui::widgets::click;
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
    let downloaded = RwSignal::new(false);
    let confirm = RwSignal::new(false);
    let rescue = move || {
        if download_rescue(app) {
            downloaded.set(true);
        }
    };
    view! {
        <section class="card" role="alert" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">"Your log needs attention"</h2>
            <p>{move || notice().map(|n| n.message())}</p>
        </section>
        {show_or(move || !newer(), ViewFn::from(move || view! {
            <section class="card" aria-labelledby="rescue-heading">
                <h2 id="rescue-heading">"1. Keep it safe"</h2>
                <p>"Download everything the app had stored, exactly as it was. Keep the file: your log may be rescued from it."</p>
                <button type="button" class="primary" on:click=click(rescue)>"Download the saved data"</button>
                <p role="status">{move || downloaded.get().then_some("Downloaded. Keep that file somewhere safe.")}</p>
            </section>
            <section class="card" aria-labelledby="restart-heading">
                <h2 id="restart-heading">"2. Then carry on"</h2>
                <p>"Once you have the file: restore a backup if you have one, or remove the unreadable data and set up your plan again."</p>
                {tick("I have downloaded the saved data", confirm)}
                {show(move || confirm.get(), ViewFn::from(move || view! {
                    <ImportBackup replace_unreadable=true />
                    <button type="button" class="danger" on:click=click(move || discard_unreadable(app))>"Remove the unreadable data"</button>
                }))}
            </section>
        }), ViewFn::from(|| view! {
            <button type="button" class="primary" on:click=|_| { let _ = web_sys::window().map(|w| w.location().reload()); }>"Reload"</button>
        }))}
    }
}
