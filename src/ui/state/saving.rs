//! Saving: every edit under the cross-tab write lock (or at once as the
//! page goes away), retries after a failed save, and other tabs' writes.

use super::AppState;
use crate::storage::{SaveError, SaveReport};
use leptos::prelude::*;

impl AppState {
    /// Write what changed, under the write lock; whatever happens, the log
    /// stays in memory and the notices say where it stands. Once the page
    /// is going away it writes at once instead (see [`AppState::leaving`]).
    pub fn save(&self) {
        if self.leaving.get_value() {
            self.commit(None);
            return;
        }
        #[cfg(target_arch = "wasm32")]
        if !self.queued.get_value() {
            self.queued.set_value(true);
            let app = *self;
            crate::storage::browser::locked(move |seq| {
                app.queued.set_value(false);
                let reread = app.reread.get_value();
                app.reread.set_value(false);
                app.commit(seq.filter(|_| !reread).map(|n| n as u64))
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.commit(None);
    }

    /// The page is going away (`pagehide`), or is back (`pageshow`, from
    /// the back-forward cache). Going, it cannot wait for the lock: the
    /// grant would come to a page that is gone. So what is owed is written
    /// now, and so is every edit made from here until it is back. Edits do
    /// come then: the page is hidden after `pagehide`, the clock catches
    /// up, and a hold that ended meanwhile is saved; the logger has already
    /// kept the timers for the tab as after that save (sessionStorage), so
    /// a save left to the lock would be lost on reopening.
    pub fn leaving(&self, going: bool) {
        self.leaving.set_value(going);
        if going && self.owes_save() {
            self.commit(None);
        }
    }

    /// Save now (see `Repository::commit`); returns whether it wrote.
    pub fn commit(&self, seq: Option<u64>) -> bool {
        let mut outcome = None;
        let notices = self.repo.try_update_value(|repo| {
            self.log.update(|log| {
                if let Some(log) = log {
                    // Failures become notices; the log is never dropped.
                    outcome = Some(repo.commit(log, seq));
                }
            });
            repo.notices()
        });
        if let Some(n) = notices {
            if self.notices.with_untracked(|old| *old != n) {
                self.notices.set(n);
            }
        }
        let Some((result, lost, wrote)) = outcome else {
            return false;
        };
        if !lost.is_empty() {
            self.error.set(Some(lost.join(" ")));
        }
        self.after_save(&result);
        self.retry_later();
        wrote
    }

    /// Whether edits wait to be stored (pending, or the last save failed).
    pub fn owes_save(&self) -> bool {
        self.repo.with_value(|r| r.owes_save())
    }

    /// After a failed save, try again after a back-off (1 s, doubling to
    /// 30 s), as nothing else may happen to make space known.
    fn retry_later(&self) {
        let (ms, set) = self.retry.get_value();
        if !self.owes_save() {
            self.retry.set_value((0, set));
        } else if !set {
            let ms = (ms * 2).clamp(1000, 30_000);
            self.retry.set_value((ms, true));
            let app = *self;
            set_timeout(
                move || {
                    app.retry.update_value(|r| r.1 = false);
                    if app.owes_save() {
                        app.save();
                    }
                },
                std::time::Duration::from_millis(ms),
            );
        }
    }

    fn after_save(&self, outcome: &Result<SaveReport, SaveError>) {
        let blocked = match outcome {
            Err(SaveError::Blocked(keys)) => keys.clone(),
            _ => Vec::new(),
        };
        if self.unsaved.with_untracked(|u| *u != blocked) {
            self.unsaved.set(blocked);
        }
        let stored = matches!(outcome, Ok(_) | Err(SaveError::Blocked(_)));
        if stored {
            self.mark_had_data();
        }
    }

    /// Leave the marker that tells a later visit "this device had a log",
    /// once per page, so data the browser clears is noticed.
    pub(super) fn mark_had_data(&self) {
        if self.marked.get_value() || self.in_memory() {
            return;
        }
        self.marked.set_value(true);
        #[cfg(target_arch = "wasm32")]
        crate::storage::browser::set_had_data_marker();
    }

    /// Another tab changed our storage (`key`, or everything when `None`):
    /// save under the lock, which reads in what it wrote and saves what
    /// only this page has (all of it, if the other tab cleared the store).
    /// Someone else's key (`""`): space may have come back for a failed
    /// save. With no log yet, read the one the other tab may have started.
    pub fn sync_from_other_tab(&self, key: Option<String>) {
        if self.opening.get_untracked() {
            self.missed_while_opening.set_value(true);
            return;
        }
        if key.as_deref() == Some("") {
            if self.owes_save() {
                self.save();
            }
        } else if self.log.with_untracked(Option::is_some) {
            self.reread.set_value(true);
            self.save();
        } else if let Some(Ok(Some(loaded))) = self.with_repo(|r| r.load()) {
            self.with_repo(|r| r.dismiss_vanished());
            self.log.set(Some(loaded));
        }
    }
}
