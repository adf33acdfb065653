//! What the repository can tell about the store: notices for the user, the
//! rescue file of unreadable data, sizes and remembered dates.

use super::kv::{KeyValue, KvError};
use super::layout::{META_KEY, PREFIX};
use super::memory::entry_size;
use super::notice::Notice;
use super::repo::{Repository, Unreadable};
use super::state::rescue_text;
use crate::engine::limits::{check_entry, check_settings, Place, Problem};
use crate::sorted::SortedMap;
use chrono::NaiveDate;

impl<S: KeyValue> Repository<S> {
    /// Stored data that could not be read, raw.
    pub fn unreadable(&self) -> impl Iterator<Item = &Unreadable> {
        self.unreadable.values()
    }

    /// Everything of ours in the store, raw, as `(filename, JSON)`: offered
    /// for download on the recovery screen.
    pub fn rescue_file(&self, today: NaiveDate) -> Result<(String, String), KvError> {
        let mut keys = SortedMap::new();
        for key in self.store.keys()? {
            if key.starts_with(PREFIX) {
                if let Some(raw) = self.store.get(&key)? {
                    keys.insert(key, raw);
                }
            }
        }
        let name = format!("phtrehab-rescue-{today}.json");
        Ok((name, rescue_text(&keys, today)))
    }

    /// After the user has downloaded the rescue file: remove the unreadable
    /// keys so the app can start over or import a backup.
    pub fn discard_unreadable(&mut self) -> Result<(), KvError> {
        for key in self.unreadable.keys() {
            self.store.remove(key)?;
        }
        self.unreadable.clear();
        Ok(())
    }

    /// The user has seen that data went missing (and restored a backup or
    /// chose to go on): stop listing lost months in the index, and stop
    /// showing the notice, including the one the shell pinned at start-up.
    pub fn dismiss_vanished(&mut self) {
        self.vanished = None;
        self.pinned
            .retain(|n| !matches!(n, Notice::DataVanished { .. }));
    }

    /// Size of our documents as browsers count it against the quota.
    pub fn stored_units(&self) -> usize {
        let meta = self.meta.as_ref().and_then(|m| m.text.as_deref());
        let meta = meta.map_or(0, |t| entry_size(META_KEY, t));
        let parts: usize = self
            .parts
            .iter()
            .filter_map(|(m, p)| Some(entry_size(&m.key(), p.text.as_deref()?)))
            .sum();
        meta + parts
    }

    pub fn last_backup(&self) -> Option<NaiveDate> {
        self.marks.last_backup
    }

    /// When persistent storage was last requested on this device, so the
    /// request (a prompt in some browsers) is made once.
    pub fn persistence_asked(&self) -> Option<NaiveDate> {
        self.marks.persistence_asked
    }

    /// Keep showing `notice` among [`Repository::notices`] (the shell's own
    /// findings, such as running in memory), until the page reloads.
    pub fn pin_notice(&mut self, notice: Notice) {
        if !self.pinned.contains(&notice) {
            self.pinned.push(notice);
        }
    }

    /// What the user needs to know about storage right now, loudest first.
    pub fn notices(&self) -> Vec<Notice> {
        let mut out = self.pinned.clone();
        if let Some(found) = self.newer {
            out.push(Notice::NewerVersion { found });
        }
        if !self.unreadable.is_empty() {
            out.push(Notice::Unreadable {
                keys: self.unreadable.keys().cloned().collect(),
                whole_log: self.meta.is_none(),
            });
        }
        match &self.save_error {
            Some(KvError::QuotaExceeded) => out.push(Notice::QuotaExceeded),
            Some(_) => out.push(Notice::SaveFailed),
            None => {}
        }
        out.extend(self.vanished.clone());
        let damaged = self.kept_entries().filter(|k| k.is_damaged()).count();
        let unknown = self.kept_entries().count() - damaged;
        if unknown > 0 {
            out.push(Notice::KeptUnknownEntries { count: unknown });
        }
        if damaged > 0 {
            out.push(Notice::KeptDamagedEntries { count: damaged });
        }
        out.extend(self.would_not_restore());
        crate::sorted::sort_by(&mut out, &|n| (-(n.level() as i64), 0));
        out
    }

    /// Stored data that breaks the rules every backup is held to: written
    /// by an older version of the app, which did not check them all. A
    /// backup of it would be refused, so the user hears now, not when
    /// restoring; nothing is cut short on their behalf.
    fn would_not_restore(&self) -> Option<Notice> {
        let at = |place| move |invalid| Problem { place, invalid };
        let settings = self
            .meta
            .as_ref()
            .and_then(|m| check_settings(&m.settings).err())
            .map(at(Place::Settings));
        let entry = || {
            self.stored_entries().find_map(|s| {
                let e = &s.entry;
                let place = Place::Entry {
                    id: e.id,
                    date: Some(e.date),
                };
                check_entry(e).err().map(at(place))
            })
        };
        let problem = settings.or_else(entry)?;
        Some(Notice::WouldNotRestore {
            problem: problem.words(),
        })
    }
}
