//! Save as you go: write only the documents whose contents changed.
//!
//! Adding a set rewrites one month part; a new entry also rewrites the
//! index (its entry counts). Before writing, each key is checked against
//! what this tab last saw there; if another tab changed it, the two are
//! merged first (see [`super::merge`]) so neither overwrites the other.

use super::kv::{KeyValue, KvError};
use super::layout::{entry_text, part_month, settings_value, Month, Stored, META_KEY};
use super::notice::Notice;
use super::repo::Repository;
use super::state::{MetaState, PartState};
use crate::engine::limits::MAX_ID;
use crate::engine::model::{Entry, Log};
use crate::sorted::{SortedMap, SortedSet};
use std::fmt;

/// What a successful save did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveReport {
    /// Keys written or removed, in order.
    pub written: Vec<String>,
    /// Another tab had written meanwhile and the log was merged in place.
    pub merged: bool,
    /// Entries of ours that took a fresh id in that merge: (old, new).
    pub renumbered: Vec<(u64, u64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The store holds data of a newer app version: nothing is written.
    NewerVersion,
    /// The index is unreadable: nothing is written until the user rescues
    /// or discards it.
    Unreadable,
    /// These keys hold unreadable data, and the log has entries there that
    /// stay in memory only. Everything else was saved.
    Blocked(Vec<String>),
    /// The store failed (quota, unavailable). Nothing was written: what
    /// the save had written before the failure is put back.
    Store(KvError),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::NewerVersion => write!(f, "the store belongs to a newer app version"),
            SaveError::Unreadable => write!(f, "the stored index is unreadable"),
            SaveError::Blocked(keys) => write!(f, "unreadable data in {}", keys.join(", ")),
            SaveError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl From<KvError> for SaveError {
    fn from(e: KvError) -> Self {
        SaveError::Store(e)
    }
}

enum Write {
    Part(Month, PartState),
    // Boxed: the index holds the settings, far larger than a part's state.
    Meta(Box<MetaState>),
    Remove(Month),
}

impl Write {
    fn key(&self) -> String {
        match self {
            Write::Part(m, _) | Write::Remove(m) => m.key(),
            Write::Meta(_) => META_KEY.into(),
        }
    }
}

impl<S: KeyValue> Repository<S> {
    /// Store `log`, writing only what changed since this tab last read or
    /// wrote. If another tab wrote meanwhile, `log` is merged with it in
    /// place first, even when the save then fails. (The shell saves
    /// through [`Repository::commit`] instead, which re-reads and replays
    /// under the write lock; this merge is for stores shared without one.)
    pub fn save(&mut self, log: &mut Log) -> Result<SaveReport, SaveError> {
        let mut report = SaveReport {
            renumbered: self.clear_of_kept_ids(log),
            ..SaveReport::default()
        };
        self.writable()?;
        if self.changed(log)? {
            let synced = self
                .sync(log)
                .inspect_err(|e| self.save_error = Some(e.clone()))?;
            report.merged = !synced.changed.is_empty();
            report.renumbered.extend(synced.renumbered);
        }
        self.store_changes(log, report)
    }

    fn writable(&self) -> Result<(), SaveError> {
        if self.newer.is_some() {
            return Err(SaveError::NewerVersion);
        }
        if self.meta.is_none() && !self.unreadable.is_empty() {
            return Err(SaveError::Unreadable);
        }
        Ok(())
    }

    /// Whether another tab changed a key that saving `log` would write.
    pub(super) fn changed(&mut self, log: &Log) -> Result<bool, SaveError> {
        let (writes, _) = self.plan(log);
        self.changed_under_us(&writes).map_err(|e| {
            self.save_error = Some(e.clone());
            e.into()
        })
    }

    /// Write what changed in `log` since this tab last read or wrote, with
    /// no look at what another tab did.
    pub(super) fn store_changes(
        &mut self,
        log: &Log,
        mut report: SaveReport,
    ) -> Result<SaveReport, SaveError> {
        self.writable()?;
        let (writes, blocked) = self.plan(log);
        // All or nothing: a save that cannot finish puts back what it had
        // written, so the edits it carried stay pending whole and a retry
        // never stores half of them twice.
        for (done, write) in writes.iter().enumerate() {
            let key = write.key();
            let result = match write {
                Write::Part(_, part) => self.store.set(&key, part.text.as_deref().unwrap_or("")),
                Write::Meta(meta) => self.store.set(&key, meta.text.as_deref().unwrap_or("")),
                Write::Remove(_) => self.store.remove(&key),
            };
            if let Err(e) = result {
                for w in writes[..done].iter().rev() {
                    let _ = match self.seen(w) {
                        Some(old) => self.store.set(&w.key(), old),
                        None => self.store.remove(&w.key()),
                    };
                }
                self.save_error = Some(e.clone());
                return Err(SaveError::Store(e));
            }
            report.written.push(key);
        }
        for write in writes {
            match write {
                Write::Part(month, part) => {
                    self.parts.insert(month, part);
                }
                Write::Meta(meta) => self.meta = Some(*meta),
                Write::Remove(month) => {
                    self.parts.remove(&month);
                }
            }
        }
        self.save_error = None;
        if !blocked.is_empty() {
            return Err(SaveError::Blocked(blocked));
        }
        if self.legacy_pending && self.store.remove(super::layout::LEGACY_KEY).is_ok() {
            self.legacy_pending = false;
        }
        Ok(report)
    }

    /// Note a backup was exported today; the next save stores it in the
    /// index (the shell saves at once, under the write lock).
    pub fn record_backup(&mut self, today: chrono::NaiveDate) {
        self.marks.last_backup = self.marks.last_backup.max(Some(today));
    }

    /// Note that persistent storage was requested today, for the next save.
    pub fn record_persistence_asked(&mut self, today: chrono::NaiveDate) {
        self.marks.persistence_asked = Some(today);
    }

    /// `Log::next_id` cannot see entries kept for a newer version nor ids
    /// the store lists as deleted, so a new entry may take one of them.
    /// Give such new entries (never ones already stored) a free id
    /// instead, so no two entries share one and no id is ever reused.
    /// Should no id be left (only a hand-made store gets near
    /// `MAX_ID`), they keep theirs rather than wrap round.
    pub(super) fn clear_of_kept_ids(&self, log: &mut Log) -> Vec<(u64, u64)> {
        let mut taken: SortedSet<u64> = self.kept_entries().map(|k| k.id).collect();
        if let Some(meta) = &self.meta {
            taken.extend(meta.deleted.iter().copied());
        }
        if taken.is_empty() {
            return Vec::new();
        }
        let stored: SortedSet<u64> = self.stored_entries().map(|s| s.entry.id).collect();
        let mut next = self.next_id(log);
        let mut renumbered = Vec::new();
        for entry in &mut log.entries {
            if taken.contains(&entry.id) && !stored.contains(&entry.id) {
                let Some(id) = next else { break };
                renumbered.push((entry.id, id));
                entry.id = id;
                next = id.checked_add(1).filter(|&n| n <= MAX_ID);
            }
        }
        renumbered
    }

    /// Whether any key about to be written holds something other than what
    /// this tab last saw there.
    fn changed_under_us(&self, writes: &[Write]) -> Result<bool, KvError> {
        for write in writes {
            if self.store.get(&write.key())?.as_deref() != self.seen(write) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// What this tab last saw at the key `write` changes.
    fn seen(&self, write: &Write) -> Option<&str> {
        match write {
            Write::Part(month, _) | Write::Remove(month) => {
                self.parts.get(month).and_then(|p| p.text.as_deref())
            }
            Write::Meta(_) => self.meta.as_ref().and_then(|m| m.text.as_deref()),
        }
    }

    /// The writes that bring the store to `log`, ordered for other tabs that
    /// read between them: parts that gain an entry before parts that lose
    /// one (an entry moving month is never missing from both), the index
    /// after the parts so it never lists one not yet there, except that an
    /// index recording deletions goes first, and emptied parts last.
    fn plan(&self, log: &Log) -> (Vec<Write>, Vec<String>) {
        let mut groups: SortedMap<Month, Vec<&Entry>> = SortedMap::new();
        for entry in &log.entries {
            groups
                .get_or_insert_with(Month::of(entry.date), Vec::new)
                .push(entry);
        }
        let months: SortedSet<Month> = groups.keys().chain(self.parts.keys()).copied().collect();
        let mut counts: SortedMap<String, usize> = self
            .parts
            .iter()
            .map(|(m, p)| (m.to_string(), p.count()))
            .collect();
        let old_counts = self.meta.as_ref().map(|m| &m.parts);
        // Months that could not be read, or that vanished and the user has
        // not been through yet, stay listed so the next load reports them.
        let vanished = match &self.vanished {
            Some(Notice::DataVanished { months, .. }) => months.as_slice(),
            _ => &[],
        };
        let still_listed = self
            .unreadable
            .keys()
            .filter_map(|k| part_month(k))
            .chain(vanished.iter().filter_map(|m| Month::parse(m)));
        for month in still_listed {
            let name = month.to_string();
            let count = old_counts.and_then(|c| c.get(&name)).copied().unwrap_or(0);
            counts.insert(name, count);
        }

        let mut gaining = Vec::new();
        let mut left: Vec<u64> = Vec::new();
        let mut now_in: SortedSet<u64> = SortedSet::new();
        let mut sets = Vec::new();
        let mut removes = Vec::new();
        let mut blocked = Vec::new();
        for month in months {
            let group = groups.get(&month).map(Vec::as_slice).unwrap_or(&[]);
            if self.unreadable.contains_key(&month.key()) {
                if !group.is_empty() {
                    blocked.push(month.key());
                }
                continue;
            }
            let base = self.parts.get(&month);
            let unchanged = match base {
                Some(p) => {
                    p.text.is_some()
                        && p.entries.len() == group.len()
                        && p.entries.iter().zip(group).all(|(s, e)| s.entry == **e)
                }
                None => group.is_empty(),
            };
            if unchanged {
                continue;
            }
            // Only a part that changed can lose an entry: note what left it
            // and what is in it now, to tell moves from deletions below.
            left.extend(base.iter().flat_map(|p| &p.entries).map(|s| s.entry.id));
            now_in.extend(group.iter().map(|e| e.id));
            let kept = base.map(|p| p.kept.clone()).unwrap_or_default();
            if group.is_empty() && kept.is_empty() {
                counts.remove(&month.to_string());
                removes.push(Write::Remove(month));
                continue;
            }
            let by_id: SortedMap<u64, &Stored> = base
                .iter()
                .flat_map(|p| &p.entries)
                .map(|s| (s.entry.id, s))
                .collect();
            let stored = group
                .iter()
                .map(|e| Stored {
                    entry: (*e).clone(),
                    raw: entry_text(e, by_id.get(&e.id).copied()),
                })
                .collect();
            let extra = base.map(|p| p.extra.clone()).unwrap_or_default();
            let gains = group.iter().any(|e| !by_id.contains_key(&e.id));
            let part = PartState::new(month, stored, kept, extra);
            counts.insert(month.to_string(), part.count());
            if gains {
                gaining.push(Write::Part(month, part));
            } else {
                sets.push(Write::Part(month, part));
            }
        }

        let base_meta = self.meta.as_ref();
        // An entry that left one changed part and is in no other was
        // deleted (one that moved month is in the part it moved to, which
        // changed too). An id in use again is no longer deleted.
        let mut deleted = base_meta.map(|m| m.deleted.clone()).unwrap_or_default();
        let mut deleting = false;
        for id in left {
            if !now_in.contains(&id) {
                deleting |= deleted.insert(id);
            }
        }
        deleted.retain(|id| !now_in.contains(id));
        let settings_raw = settings_value(
            &log.settings,
            base_meta.map(|m| (&m.settings, &m.settings_raw)),
        );
        let meta = MetaState::new(
            log.settings.clone(),
            settings_raw,
            counts,
            deleted,
            self.marks,
            log.extra.clone(),
            base_meta.map(|m| m.extra.clone()).unwrap_or_default(),
        );
        let mut writes = gaining;
        writes.append(&mut sets);
        if base_meta.and_then(|m| m.text.as_ref()) != meta.text.as_ref() {
            if deleting {
                writes.insert(0, Write::Meta(Box::new(meta)));
            } else {
                writes.push(Write::Meta(Box::new(meta)));
            }
        }
        writes.extend(removes);
        (writes, blocked)
    }
}
