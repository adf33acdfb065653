//! The end of a session: how it felt right after, an optional note with
//! its length shown against what the log keeps, and the session closes.

use super::{remember, step_key};
use crate::engine::edit::Edit;
use crate::engine::limits::MAX_NOTE_CHARS;
use crate::engine::model::Response;
use crate::ui::markup::{chosen, markup};
use crate::ui::state::{use_app, Screen};
use crate::ui::widgets::{changed, click};
use leptos::prelude::*;

/// How it felt right after, an optional note, and the session closes.
#[component]
pub(super) fn Finish() -> impl IntoView {
    let app = use_app();
    let response = RwSignal::new(None::<Response>);
    let note = RwSignal::new(String::new());
    const CHOICES: [Response; 3] = [Response::Better, Response::Same, Response::Worse];
    let mut choices = String::from(r#"<div data-change="response">"#);
    crate::ui::markup::radios(
        &mut choices,
        "Compared with before the session, the tendon feels",
        "response",
        &["Better", "The same", "Worse"],
        None,
    );
    choices.push_str("</div>");
    let finish = click(move || {
        if let Some(r) = response.get_untracked() {
            let text = note.get_untracked();
            if app.send(Edit::FinishSession {
                response: r,
                note: Some(text),
            }) {
                remember(&step_key(app.today.get_untracked()), None);
                app.go(Screen::Today);
            }
        }
    });
    view! {
        <section aria-labelledby="finish-heading" class="card">
            <h2 id="finish-heading">"How does it feel now?"</h2>
            {markup(choices, move |_, _| response.set(chosen("response", 2).map(|i| CHOICES[i])))}
            <p class="hint">"Feeling better after loading is common and fine."</p>
            <label for="session-note">"Note (optional)"</label>
            <textarea id="session-note" aria-describedby="note-count" prop:value=move || note.get() on:input=changed(move |ev| note.set(event_target_value(&ev)))></textarea>
            // Characters as the log counts them (an emoji is one), so the
            // limit shown is the limit a backup keeps.
            <p id="note-count" class="hint" aria-live="polite">{move || {
                let used = note.with(|n| n.chars().count());
                if used > MAX_NOTE_CHARS {
                    format!("{used} of {MAX_NOTE_CHARS} characters: {} too many to save", used - MAX_NOTE_CHARS)
                } else {
                    format!("{used} of {MAX_NOTE_CHARS} characters")
                }
            }}</p>
            <button type="button" class="primary big" prop:disabled=move || response.get().is_none() || note.with(|n| n.chars().count() > MAX_NOTE_CHARS) on:click=finish>"Save and finish"</button>
        </section>
    }
}
