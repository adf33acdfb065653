//! The data on this device in the UI: backups (export as a dated JSON file,
//! import with a preview and a confirmation), CSV for spreadsheets, and the
//! rescue download of stored data that could not be read. Shared by the
//! notices, settings, the first-run screen and recovery.

use super::state::AppState;
use crate::storage::backup::MAX_BACKUP_BYTES;
use crate::storage::durability::BACKUP_PUT_OFF_DAYS;
use crate::storage::{
    checkins_csv, csv_filename, parse_backup, sessions_csv, Backup, ImportError, Preview,
};
use crate::ui::charts::esc;
use crate::ui::markup::markup;
use crate::ui::widgets::changed;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::fmt::Write;

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

const NO_DOWNLOAD: &str =
    "The browser didn't start the download. Try again, or try another browser.";

/// Download the whole log and note the date, which quiets the reminder.
pub fn export_backup(app: AppState) {
    let today = app.today.get_untracked();
    let file = app.with_repo_and_log(|repo, log| repo.export_backup(log, today));
    let Some((name, text)) = file else {
        return;
    };
    if download(&name, "application/json", &text) {
        app.with_repo(|repo| repo.record_backup(today));
        app.save();
    } else {
        app.error.set(Some(NO_DOWNLOAD.into()));
    }
}

/// Where "Remind me in a week" keeps its day: a preference of this
/// device, not part of the log or its backups.
const PUT_OFF_KEY: &str = "rehab.backup.later";

/// The day the backup reminder was put off until, if it was.
pub fn backup_put_off() -> Option<NaiveDate> {
    let s = window().local_storage().ok()??;
    let days = s.get_item(PUT_OFF_KEY).ok()??.parse::<i32>().ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// Put the backup reminder off for a week from `today`; returns the day it
/// comes back. Kept for this page even if storage refuses it.
pub fn put_off_backup(today: NaiveDate) -> Option<NaiveDate> {
    let until = today.checked_add_days(chrono::Days::new(BACKUP_PUT_OFF_DAYS))?;
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(PUT_OFF_KEY, &until.num_days_from_ce().to_string());
    }
    Some(until)
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
        if !download(&name, "text/csv", &text) {
            app.error.set(Some(NO_DOWNLOAD.into()));
        }
    }
}

/// Download everything of ours in storage exactly as stored, readable or
/// not. Returns whether the download started.
pub fn download_rescue(app: AppState) -> bool {
    let today = app.today.get_untracked();
    let file = app
        .with_repo_untracked(|r| r.rescue_file(today))
        .and_then(Result::ok);
    let started = file.is_some_and(|(name, text)| download(&name, "application/json", &text));
    if !started {
        app.error.set(Some(NO_DOWNLOAD.into()));
    }
    started
}

/// Remove stored data that could not be read (once the user has its rescue
/// file).
pub fn discard_unreadable(app: AppState) {
    let removed = app.with_repo(|r| r.discard_unreadable());
    if !matches!(removed, Some(Ok(()))) {
        app.error.set(Some(
            "The unreadable data couldn't be removed. Reload the page and try again.".into(),
        ));
        return;
    }
    after_removing_unreadable(app);
}

/// Once unreadable data is gone: with a log on screen, what it held only in
/// memory is saved now (the index no longer lists the removed part); without
/// one, the store is read again.
fn after_removing_unreadable(app: AppState) {
    if app.log.with_untracked(Option::is_some) {
        app.save();
    } else {
        let reloaded = app.with_repo(|r| r.load().ok().flatten()).flatten();
        app.log.set(reloaded);
    }
}

/// Choose a file, see what it holds, then confirm. Until the last tap the
/// stored log is untouched; a bad file only gets a message.
/// `replace_unreadable`: on the recovery screen, the confirmation also
/// removes the unreadable data the backup replaces (the user has been asked
/// to download it first).
#[component]
pub fn ImportBackup(#[prop(optional)] replace_unreadable: bool) -> impl IntoView {
    let app = use_context::<AppState>().expect("app state");
    let checked = RwSignal::new(None::<Result<Backup, String>>);
    let has_log = move || app.log.with_untracked(Option::is_some);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Picking the same file again after fixing it should read it again.
        input.set_value("");
        if file.size() > MAX_BACKUP_BYTES as f64 {
            checked.set(Some(Err(ImportError::TooLarge.message_for(has_log()))));
            return;
        }
        leptos::task::spawn_local(async move {
            // The bytes as they are: `text()` would replace bytes that are
            // not UTF-8 without a word, and the check refuses such a file.
            let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            let result = match read.ok() {
                Some(buf) => parse_backup(&js_sys::Uint8Array::new(&buf).to_vec())
                    .map_err(|e| e.message_for(has_log())),
                None => Err(format!(
                    "That file couldn't be opened. {}",
                    crate::storage::backup::nothing_changed(has_log())
                )),
            };
            checked.set(Some(result));
        });
    };
    let confirm = move || {
        let Some(Ok(backup)) = checked.get_untracked() else {
            return;
        };
        let mut removed = false;
        let imported = app.with_repo(|repo| {
            if replace_unreadable {
                repo.discard_unreadable().map_err(ImportError::Storage)?;
                removed = true;
            }
            repo.import_backup(&backup)
        });
        match imported {
            Some(Ok(log)) => {
                checked.set(None);
                let message = format!("Backup restored. {}", backup.preview.summary());
                app.restored(log, message);
                // The file just restored holds this very log, so it counts
                // as a backup: no reminder to make one right after a
                // restore (stored by the save, under the write lock).
                let today = app.today.get_untracked();
                app.with_repo(|repo| repo.record_backup(today));
                app.save();
            }
            // The recovery screen is gone with the unreadable data, and
            // this card with it: the app-wide alert carries the message.
            Some(Err(e)) if removed => {
                after_removing_unreadable(app);
                app.error.set(Some(e.message_after_removing_unreadable()));
            }
            Some(Err(e)) => checked.set(Some(Err(e.message_for(has_log())))),
            None => {}
        }
    };
    let has_log = move || app.log.with(Option::is_some);
    view! {
        <div class="import">
            <label for="import-file">"Restore from a backup file"</label>
            <input id="import-file" type="file" accept="application/json,.json" on:change=changed(on_file) />
            {move || {
                let html = checked.with(|c| match c.as_ref()? {
                    Ok(b) => Some(preview(&b.preview, has_log())),
                    Err(message) => Some(format!(r#"<p class="error" role="alert">{}</p>"#, esc(message))),
                })?;
                Some(markup(html, move |act, _| match act {
                    "restore" => confirm(),
                    "cancel" => checked.set(None),
                    _ => {}
                }))
            }}
        </div>
    }
}

/// What a checked backup holds and what restoring it does, with the
/// buttons to go on (`restore`) or not (`cancel`).
fn preview(p: &Preview, has_log: bool) -> String {
    let mut out = format!(
        r#"<div class="preview" role="status"><p>{}</p>"#,
        esc(&p.summary())
    );
    if p.unknown_entries > 0 {
        let _ = write!(
            out,
            "<p>It also holds {} entries from a newer version of the app, which are kept as they are.</p>",
            p.unknown_entries
        );
    }
    let (what, button) = if has_log {
        (
            "Restoring replaces the log on this device with this backup.",
            "Replace my log with this backup",
        )
    } else {
        (
            "Restoring puts this log on this device.",
            "Restore this backup",
        )
    };
    let _ = write!(
        out,
        r#"<p><strong>{what}</strong></p><button type="button" class="primary" data-act="restore">{button}</button><button type="button" data-act="cancel">Cancel</button></div>"#
    );
    out
}

/// On the first-run screen: someone who used the app before (or whose data
/// the browser cleared) restores a backup instead of starting afresh.
#[component]
pub fn RestoreCard() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="restore-heading">
            <h2 id="restore-heading">"Used this app before?"</h2>
            <p>"Restore your log from a backup file instead of starting again."</p>
            <ImportBackup />
        </section>
    }
}
