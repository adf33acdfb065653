//! Changes made by another tab: read what changed and merge it in.
//!
//! The shell calls [`Repository::sync`] on every `storage` event for our
//! prefix (or on focus), then saves: the merge may leave entries of ours
//! that only this tab has, and the save writes them.

use super::kv::{KeyValue, KvError};
use super::layout::{part_month, Month, META_KEY};
use super::merge::{merge_entries, merge_value};
use super::notice::Notice;
use super::repo::{Repository, Unreadable};
use super::state::{read_meta, read_part, PartState, ReadError};
use crate::engine::model::{Entry, Log};
use crate::sorted::{SortedMap, SortedSet};

type PartRead = Result<PartState, ReadError>;

/// What a sync found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncReport {
    /// Our keys another tab had changed (empty: nothing to do).
    pub changed: Vec<String>,
    /// Entries of ours that took a fresh id in the merge: (old, new).
    pub renumbered: Vec<(u64, u64)>,
}

impl<S: KeyValue> Repository<S> {
    /// Merge whatever another tab wrote into `log`, in place, reading
    /// every key of ours.
    pub fn sync(&mut self, log: &mut Log) -> Result<SyncReport, KvError> {
        self.sync_only(log, None)
    }

    /// What to do on a `storage` event: merge the key it names (all keys
    /// when `None`, as after `localStorage.clear()`). Reading only that
    /// part keeps an event cheap with years of log.
    pub fn on_storage_event(
        &mut self,
        log: &mut Log,
        key: Option<&str>,
    ) -> Result<SyncReport, KvError> {
        self.sync_only(log, key.and_then(part_month))
    }

    fn sync_only(&mut self, log: &mut Log, only: Option<Month>) -> Result<SyncReport, KvError> {
        let mut report = SyncReport::default();
        if self.newer.is_some() {
            return Ok(report);
        }
        let keys = self.store.keys()?;
        let in_store: SortedSet<Month> = keys.iter().filter_map(|k| part_month(k)).collect();
        let months: SortedSet<Month> = in_store
            .iter()
            .chain(self.parts.keys())
            .copied()
            .filter(|m| only.is_none_or(|only| only == *m))
            .collect();

        let meta_now = self.store.get(META_KEY)?;
        let meta_seen = self.meta.as_ref().and_then(|m| m.text.clone());
        let meta_changed = meta_now != meta_seen && meta_now.is_some();
        if meta_now.is_none() {
            // The index alone went missing: the next save writes it again.
            if let Some(meta) = self.meta.as_mut() {
                meta.text = None;
            }
        }
        let mut changed_parts = Vec::new();
        for month in months {
            let key = month.key();
            let now = if in_store.contains(&month) {
                self.store.get(&key)?
            } else {
                None
            };
            if let Some(bad) = self.unreadable.get(&key) {
                if now.as_deref() == Some(bad.raw.as_str()) {
                    continue;
                }
            } else if now == self.parts.get(&month).and_then(|p| p.text.clone()) {
                continue;
            }
            changed_parts.push((month, now));
        }
        if !meta_changed && changed_parts.is_empty() {
            return Ok(report);
        }

        let had_data = meta_seen.is_some() || self.parts.values().any(|p| p.text.is_some());
        if had_data && meta_now.is_none() && in_store.is_empty() {
            // Cleared under us: this tab still holds the log, and the next
            // save writes all of it again.
            self.vanished = Some(Notice::DataVanished {
                months: Vec::new(),
                kept_in_memory: true,
            });
            if let Some(meta) = self.meta.as_mut() {
                meta.text = None;
            }
            for part in self.parts.values_mut() {
                part.text = None;
            }
            report.changed = keys_of(&changed_parts, meta_changed);
            return Ok(report);
        }

        let theirs_meta = match meta_now.as_deref().filter(|_| meta_changed).map(read_meta) {
            None => None,
            Some(Ok(meta)) => Some(meta),
            Some(Err(ReadError::Newer(found))) => {
                self.newer = Some(found);
                return Ok(report);
            }
            Some(Err(ReadError::Bad(reason))) => {
                let raw = meta_now.clone().unwrap_or_default();
                self.mark_unreadable(META_KEY, raw, reason);
                self.meta = None;
                None
            }
        };

        // Parts as this tab knew them before the change, moved out rather
        // than cloned: years of log make a copy cost more than the merge.
        let mut reads = Vec::with_capacity(changed_parts.len());
        for (month, now) in &changed_parts {
            let read = now.as_deref().map(|text| read_part(text, *month));
            if let Some(Err(ReadError::Newer(found))) = read {
                self.newer = Some(found);
                return Ok(report);
            }
            reads.push((*month, now, read));
        }
        if only.is_some() && self.moved_in(&reads) {
            // An entry moved month: the part it left has changed too, and
            // merging half of the move would show it twice.
            return self.sync_only(log, None);
        }
        let mut before: SortedMap<Month, PartState> = SortedMap::new();
        for (month, now, read) in reads {
            let key = month.key();
            if let Some(old) = self.parts.remove(&month) {
                before.insert(month, old);
            }
            match read {
                None | Some(Err(ReadError::Newer(_))) => {}
                Some(Ok(part)) => {
                    self.unreadable.remove(&key);
                    self.parts.insert(month, part);
                }
                Some(Err(ReadError::Bad(reason))) => {
                    // Unreadable now: keep our view of it, never write it.
                    let raw = now.clone().unwrap_or_default();
                    self.mark_unreadable(&key, raw, reason);
                }
            }
        }

        let changed: SortedSet<Month> = changed_parts.iter().map(|(m, _)| *m).collect();
        // Freshly read parts first: should an id still sit in a part whose
        // rewrite has not arrived yet, the fresh copy is the one that counts.
        let mut base: Vec<&Entry> = Vec::new();
        let mut theirs: Vec<&Entry> = Vec::new();
        let mut base_rest: Vec<&Entry> = Vec::new();
        let mut theirs_rest: Vec<&Entry> = Vec::new();
        for month in self
            .parts
            .keys()
            .chain(before.keys())
            .collect::<SortedSet<_>>()
        {
            if changed.contains(month) {
                base.extend(entries(&before, month));
                if self.unreadable.contains_key(&month.key()) {
                    // Cannot see their version: treat ours as unchanged.
                    theirs.extend(entries(&before, month));
                } else {
                    theirs.extend(entries(&self.parts, month));
                }
            } else {
                base_rest.extend(entries(&self.parts, month));
                theirs_rest.extend(entries(&self.parts, month));
            }
        }
        base.append(&mut base_rest);
        theirs.append(&mut theirs_rest);
        let reserved: Vec<u64> = self.kept_entries().map(|k| k.id).collect();
        let empty = SortedSet::new();
        let deleted = theirs_meta
            .as_ref()
            .or(self.meta.as_ref())
            .map_or(&empty, |m| &m.deleted);
        let ours = std::mem::take(&mut log.entries);
        let merged = merge_entries(&base, ours, &theirs, deleted, reserved);
        log.entries = merged.entries;
        // Back to stored order (month by month), whatever order the merge
        // needed to read the parts in.
        super::repo::sort_stored(&mut log.entries);
        report.renumbered = merged.renumbered;

        if let Some(theirs) = theirs_meta {
            if let Some(seen) = self.meta.as_ref() {
                log.settings = merge_value(&seen.settings, &log.settings, &theirs.settings);
                log.extra = merge_value(&seen.log_extra, &log.extra, &theirs.log_extra);
            } else {
                log.settings = theirs.settings.clone();
                log.extra = theirs.log_extra.clone();
            }
            self.marks = self.marks.max(theirs.marks);
            self.meta = Some(theirs);
        }
        report.changed = keys_of(&changed_parts, meta_changed);
        Ok(report)
    }

    /// Whether freshly read parts hold ids this tab knows in other parts.
    fn moved_in(&self, reads: &[(Month, &Option<String>, Option<PartRead>)]) -> bool {
        let fresh: SortedSet<u64> = reads
            .iter()
            .filter_map(|(_, _, read)| match read {
                Some(Ok(part)) => Some(part.entries.iter().map(|s| s.entry.id)),
                _ => None,
            })
            .flatten()
            .collect();
        let read_months: SortedSet<Month> = reads.iter().map(|(m, _, _)| *m).collect();
        self.parts
            .iter()
            .filter(|(m, _)| !read_months.contains(m))
            .any(|(_, p)| p.entries.iter().any(|s| fresh.contains(&s.entry.id)))
    }

    fn mark_unreadable(&mut self, key: &str, raw: String, reason: String) {
        let key = key.to_string();
        if let Some(month) = part_month(&key) {
            self.parts.remove(&month);
        }
        self.unreadable
            .insert(key.clone(), Unreadable { key, raw, reason });
    }
}

fn keys_of(parts: &[(Month, Option<String>)], meta: bool) -> Vec<String> {
    let mut keys: Vec<String> = parts.iter().map(|(m, _)| m.key()).collect();
    if meta {
        keys.push(META_KEY.into());
    }
    keys
}

fn entries<'a>(parts: &'a SortedMap<Month, PartState>, month: &Month) -> Vec<&'a Entry> {
    parts
        .get(month)
        .map(|p| p.entries.iter().map(|s| &s.entry).collect())
        .unwrap_or_default()
}
