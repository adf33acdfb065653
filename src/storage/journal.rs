//! Edits not stored yet, and how they land on what another tab stored.
//!
//! Every change is an [`Edit`], applied to this tab's log at once and kept
//! here until a save stores it. A save runs under the cross-tab write lock
//! (`browser::locked`); if another tab wrote since this one last read, it
//! rebuilds the log from what is stored and applies its own edits again on
//! top, so a set saved in two tabs lands in the day's one session, once.
//!
//! An edit that replaces something whole (a check-in, a correction or
//! delete from History, the settings) was made against the version this
//! tab showed. If another tab stored a different version first, the stored
//! one wins: the edit is dropped and the tab says what it now reads. Every
//! other edit (a set, an activity, a flare) composes with anything stored.

use super::kv::{KeyValue, KvError};
use super::layout::Month;
use super::notice::Notice;
use super::repo::Repository;
use super::save::{SaveError, SaveReport};
use crate::engine::edit::{apply, Edit};
use crate::engine::model::{Entry, EntryKind, Log, Settings};
use chrono::NaiveDate;

/// One edit not stored yet, with what it was made against.
#[derive(Clone, Debug)]
pub struct Pending {
    edit: Edit,
    /// The day it was made on: replayed after midnight it still belongs there.
    today: NaiveDate,
    base: Base,
}

#[derive(Clone, Debug)]
enum Base {
    /// Composes with whatever another tab stored.
    Any,
    /// This tab's version of the entry the edit replaces or deletes: by
    /// id, or (`None`) the day's check-in, which a second check-in corrects.
    Entry(Option<u64>, Option<Entry>),
    Settings(Settings),
}

fn target(log: &Log, id: Option<u64>, day: NaiveDate) -> Option<&Entry> {
    log.entries.iter().find(|e| match id {
        Some(id) => e.id == id,
        None => e.date == day && matches!(e.kind, EntryKind::Morning(_)),
    })
}

impl Pending {
    /// `edit` as about to be applied to `log` on `today`.
    pub fn new(log: &Log, today: NaiveDate, edit: &Edit) -> Pending {
        let on = |id| Base::Entry(id, target(log, id, today).cloned());
        let base = match edit {
            Edit::Morning { .. } => on(None),
            Edit::Replace(e) => on(Some(e.id)),
            Edit::Delete(id) => on(Some(*id)),
            Edit::Settings(_) => Base::Settings(log.settings.clone()),
            _ => Base::Any,
        };
        Pending {
            edit: edit.clone(),
            today,
            base,
        }
    }

    /// Why this edit must not be applied to `log` (another tab stored a
    /// different version of what it replaces), in words for that tab.
    fn lost(&self, log: &Log) -> Option<String> {
        let now = match &self.base {
            Base::Any => return None,
            Base::Settings(s) if *s == log.settings => return None,
            Base::Settings(_) => return Some(
                "Your settings were changed in another tab, and that tab's choices are kept. Check them in Settings.".into(),
            ),
            Base::Entry(id, seen) => match target(log, *id, self.today) {
                now if now == seen.as_ref() => return None,
                now => now,
            },
        };
        Some(match now.map(|e| &e.kind) {
            Some(EntryKind::Morning(m)) => format!(
                "This check-in was changed in another tab: it now reads {}/10.",
                m.rating
            ),
            Some(_) => "This entry was changed in another tab, and that version is kept.".into(),
            None => {
                "This entry was deleted in another tab, so your change to it was not kept.".into()
            }
        })
    }
}

/// Apply `pending` to `log` in order, dropping (and describing) each edit
/// whose base another tab changed first.
pub fn replay(log: &mut Log, pending: &mut Vec<Pending>) -> Vec<String> {
    let mut lost = Vec::new();
    pending.retain(|p| match p.lost(log) {
        Some(words) => {
            lost.push(words);
            false
        }
        None => {
            // It was applied once already; should it no longer apply (an
            // undo with no set left), it changes nothing.
            let _ = apply(log, p.today, p.edit.clone());
            true
        }
    });
    lost
}

impl<S: KeyValue> Repository<S> {
    /// Keep an edit just applied to the log until a save stores it.
    pub fn note_edit(&mut self, edit: Pending) {
        self.pending.push(edit);
    }

    /// Save under the write lock. `seq` is the store's write count the lock
    /// handed over: when it is the one this tab last wrote or read and no
    /// key to write has changed, nobody else wrote and `log` is saved as it
    /// is; otherwise (or `None`: not known, or another tab's change to read
    /// in) `log` becomes what is stored plus this tab's pending edits.
    /// Returns the save's outcome, what was lost to another tab's edit, and
    /// whether anything was written. Pending edits stay pending until a
    /// save stores them; a failed save stores nothing (see `store_changes`).
    pub fn commit(
        &mut self,
        log: &mut Log,
        seq: Option<u64>,
    ) -> (Result<SaveReport, SaveError>, Vec<String>, bool) {
        let mut lost = Vec::new();
        let stale = match self.changed(log) {
            Ok(changed) => changed || seq.is_none() || seq != self.seq,
            Err(e) => return (Err(e), lost, false),
        };
        if stale {
            match self.reread(log) {
                Ok(Some(mut fresh)) => {
                    let mut pending = std::mem::take(&mut self.pending);
                    lost = replay(&mut fresh, &mut pending);
                    self.pending = pending;
                    *log = fresh;
                }
                Ok(None) => {}
                Err(e) => {
                    self.save_error = Some(e.clone());
                    return (Err(e.into()), lost, false);
                }
            }
        }
        let report = SaveReport {
            renumbered: self.clear_of_kept_ids(log),
            ..SaveReport::default()
        };
        let result = self.store_changes(log, report);
        let stored = matches!(result, Ok(_) | Err(SaveError::Blocked(_)));
        if stored {
            self.pending.clear();
        }
        let wrote = match &result {
            Ok(r) => !r.written.is_empty(),
            _ => stored,
        };
        self.seq = seq.map(|n| n + u64::from(wrote));
        (result, lost, wrote)
    }

    /// Read the store again (parsing only parts whose text changed),
    /// keeping what only this tab has: dates not stored yet, lost months
    /// the user has dismissed, entries of months that cannot be read.
    /// `None` keeps `log` as it is: nothing readable is stored, and if this
    /// tab had stored data it was cleared, so the save writes it all again.
    fn reread(&mut self, log: &Log) -> Result<Option<Log>, KvError> {
        let had = self.meta.is_some();
        let marks = self.marks;
        let dismissed = self.vanished.is_none();
        let fresh = self.load()?;
        self.marks = self.marks.max(marks);
        if dismissed {
            self.vanished = None;
        }
        let Some(mut fresh) = fresh else {
            if had && self.newer.is_none() && self.unreadable.is_empty() {
                self.vanished = Some(Notice::DataVanished {
                    months: Vec::new(),
                    kept_in_memory: true,
                });
            }
            return Ok(None);
        };
        let held: Vec<Entry> = log
            .entries
            .iter()
            .filter(|e| self.unreadable.contains_key(&Month::of(e.date).key()))
            .filter(|e| fresh.entry(e.id).is_none())
            .cloned()
            .collect();
        fresh.entries.extend(held);
        Ok(Some(fresh))
    }

    /// Whether a save is owed: edits not stored, or the last save failed.
    pub fn owes_save(&self) -> bool {
        !self.pending.is_empty() || self.save_error.is_some()
    }
}
