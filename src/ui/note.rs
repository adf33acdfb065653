//! A free-text note for the physio, kept on this phone as it is typed.
//!
//! It is a draft beside the rehab log, not part of it: saving on every
//! keystroke means a reload (such as accepting an update) never loses words.
use leptos::prelude::*;
use web_sys::Storage;

/// Where the note lives in localStorage.
pub const NOTE_KEY: &str = "hamstring-rehab.note";

/// The note's heading, text box and a line saying where it is kept.
#[component]
pub fn NoteField() -> impl IntoView {
    let storage = window().local_storage().ok().flatten();
    let initial = storage
        .as_ref()
        .and_then(|s| s.get_item(NOTE_KEY).ok().flatten())
        .unwrap_or_default();
    let saved = RwSignal::new(storage.is_some());
    let save = move |text: String| {
        let ok = local_storage().is_some_and(|s| s.set_item(NOTE_KEY, &text).is_ok());
        saved.set(ok);
    };
    view! {
        <section aria-labelledby="note-heading">
            <h2 id="note-heading">"Notes for your physio"</h2>
            <textarea
                id="note"
                aria-labelledby="note-heading"
                aria-describedby="note-hint"
                on:input=move |ev| save(event_target_value(&ev))
                prop:value=initial
            ></textarea>
            <p id="note-hint" class="hint">
                {move || {
                    if saved.get() {
                        "Saved on this phone only, as you type."
                    } else {
                        "This browser is not letting the app save; copy anything important elsewhere."
                    }
                }}
            </p>
        </section>
    }
}

fn local_storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}
