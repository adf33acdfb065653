//! Start-up: the stored log read a slice at a time, yielding to the browser
//! between slices, so that years of log never freeze the page as it opens.
//!
//! The first slice is read before the first paint, so a log of a few
//! months opens at once with no "Opening" line; a longer one shows that
//! line while the rest is read. Storage events that arrive meanwhile are
//! noted (see `AppState::sync_from_other_tab`) and the whole store merged
//! in at the end, as a sync would after any missed event.

use super::state::AppState;
use crate::storage::Loading;
use leptos::prelude::*;
use std::time::Duration;

/// Stored text read per task. Measured here, ten years of log (2.7 MB) read
/// in slices of this size ran no task of 50 ms or more, where the browser
/// starts calling a task long; a phone several times slower still stays
/// under the 200 ms line the app holds itself to. One month is always
/// read whole, however large.
const BYTES_PER_SLICE: usize = 256 * 1024;

/// Read the rest of the log behind `loading`, then show it.
pub fn read_rest(app: AppState, loading: Loading) {
    step(app, loading);
}

fn step(app: AppState, mut loading: Loading) {
    match app.with_repo_quiet(|r| r.read_some(&mut loading, BYTES_PER_SLICE)) {
        Some(Ok(true)) => {
            app.opening.set(true);
            set_timeout(move || step(app, loading), Duration::ZERO);
        }
        Some(Ok(false)) => finish(app, loading),
        // Storage stopped answering mid-read: run in memory, as when it
        // cannot be opened at all, rather than show part of the log.
        Some(Err(_)) | None => {
            #[cfg(target_arch = "wasm32")]
            app.replace_repo(crate::storage::browser::in_memory());
            app.opening.set(false);
        }
    }
}

fn finish(app: AppState, loading: Loading) {
    let log = app.with_repo_quiet(|r| {
        let log = r.finish_load(loading);
        #[cfg(target_arch = "wasm32")]
        crate::storage::browser::loaded(r, &log);
        log
    });
    let notices = app.with_repo_quiet(|r| r.notices()).unwrap_or_default();
    app.notices.set(notices);
    app.log.set(log.flatten());
    app.opening.set(false);
    if app.missed_while_opening.get_value() {
        app.missed_while_opening.set_value(false);
        app.sync_from_other_tab(None);
    }
}
