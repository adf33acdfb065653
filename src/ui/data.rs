//! Backups in the UI: export as a dated JSON file, import with a preview
//! and a confirmation, CSV for spreadsheets. Shared by settings and recovery.

use super::state::{AppState, Screen};
use crate::storage::{checkins_csv, csv_filename, parse_backup, sessions_csv, Backup};
use leptos::prelude::*;

fn download(filename: &str, mime: &str, text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        crate::storage::browser::download(filename, mime, text).is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (filename, mime, text);
        false
    }
}

/// Download the whole log and note the date, which quiets the reminder.
pub fn export_backup(app: AppState) {
    let today = app.today.get_untracked();
    let file = app.with_repo_and_log(|repo, log| repo.export_backup(log, today));
    if let Some((name, text)) = file {
        if download(&name, "application/json", &text) {
            app.with_repo_and_log(|repo, log| {
                let _ = repo.record_backup(log, today);
            });
        }
    }
}

pub fn export_csv(app: AppState, sessions: bool) {
    let today = app.today.get_untracked();
    let text = app.log.with_untracked(|l| {
        l.as_ref().map(|l| {
            if sessions {
                sessions_csv(l)
            } else {
                checkins_csv(l)
            }
        })
    });
    if let Some(text) = text {
        let name = csv_filename(if sessions { "sessions" } else { "check-ins" }, today);
        download(&name, "text/csv", &text);
    }
}

/// Choose a file, see what it holds, then confirm. Until the last tap the
/// stored log is untouched; a bad file only gets a message.
#[component]
pub fn ImportBackup() -> impl IntoView {
    let app = use_context::<AppState>().expect("app state");
    let checked = RwSignal::new(None::<Result<Backup, String>>);
    let done = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        done.set(None);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let result = match text.ok().and_then(|t| t.as_string()) {
                Some(t) => parse_backup(&t).map_err(|e| e.message()),
                None => Err("That file could not be read.".to_string()),
            };
            checked.set(Some(result));
        });
    };
    let confirm = move |_| {
        let Some(Ok(backup)) = checked.get_untracked() else {
            return;
        };
        match app.with_repo(|repo| repo.import_backup(&backup)) {
            Some(Ok(log)) => {
                app.log.set(Some(log));
                checked.set(None);
                done.set(Some("Backup restored.".into()));
                app.go(Screen::Today);
            }
            Some(Err(e)) => checked.set(Some(Err(e.message()))),
            None => {}
        }
    };
    view! {
        <div class="import">
            <label for="import-file">"Restore from a backup file"</label>
            <input id="import-file" type="file" accept="application/json,.json" on:change=on_file />
            {move || match checked.get() {
                Some(Ok(b)) => view! {
                    <div class="preview" role="status">
                        <p>{b.preview.summary()}</p>
                        <p><strong>"Restoring replaces the log on this device with this backup."</strong></p>
                        <button type="button" class="primary" on:click=confirm>"Replace my log with this backup"</button>
                        <button type="button" on:click=move |_| checked.set(None)>"Cancel"</button>
                    </div>
                }.into_any(),
                Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                None => ().into_any(),
            }}
            <p role="status">{move || done.get()}</p>
        </div>
    }
}
