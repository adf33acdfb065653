//! The repository: reads the log from its parts, and knows what it read.
//!
//! Reading never writes, with one exception: a v0 document is migrated and
//! written in the new layout, and the old key removed only once the whole
//! new layout is stored.

use super::kv::{KeyValue, KvError};
use super::layout::{part_month, Decoded, Kept, Marks, Month, Stored, META_KEY};
use super::notice::Notice;
use super::state::{MetaState, PartState};
use crate::engine::limits::MAX_ID;
use crate::engine::model::Log;
use crate::sorted::SortedMap;

/// Stored data this build could not decode, kept for the rescue download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
}

/// The log's storage: one per tab, over any [`KeyValue`] store.
pub struct Repository<S> {
    pub(super) store: S,
    pub(super) meta: Option<MetaState>,
    pub(super) parts: SortedMap<Month, PartState>,
    pub(super) unreadable: SortedMap<String, Unreadable>,
    pub(super) newer: Option<u32>,
    pub(super) legacy_pending: bool,
    pub(super) marks: Marks,
    pub(super) vanished: Option<Notice>,
    pub(super) save_error: Option<KvError>,
    pub(super) pinned: Vec<Notice>,
    /// Edits applied to the log in memory and not stored yet.
    pub(super) pending: Vec<super::journal::Pending>,
    /// The store's write count as of this tab's last save (see `commit`).
    pub(super) seq: Option<u64>,
}

impl<S: KeyValue> Repository<S> {
    /// A repository that has read nothing yet; call [`Repository::load`].
    pub fn new(store: S) -> Self {
        Repository {
            store,
            meta: None,
            parts: SortedMap::new(),
            unreadable: SortedMap::new(),
            newer: None,
            legacy_pending: false,
            marks: Marks::default(),
            vanished: None,
            save_error: None,
            pinned: Vec::new(),
            pending: Vec::new(),
            seq: None,
        }
    }

    pub(super) fn forget(&mut self) {
        self.meta = None;
        self.parts.clear();
        self.unreadable.clear();
        self.newer = None;
        self.legacy_pending = false;
        self.marks = Marks::default();
        self.vanished = None;
        self.save_error = None;
        self.seq = None;
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Replace every document of ours with `meta` and `parts`; on failure,
    /// put back what each touched key held before and leave `self` as it was.
    /// `index_first` when the index lists deletions, which must be stored
    /// before any part stops holding those entries (see `MetaDoc::deleted`);
    /// otherwise last, so an interrupted write never indexes missing parts.
    pub(super) fn write_all(
        &mut self,
        meta: MetaState,
        parts: SortedMap<Month, PartState>,
        index_first: bool,
    ) -> Result<(), KvError> {
        let mut plan: Vec<(String, Option<String>)> = parts
            .iter()
            .map(|(m, p)| (m.key(), p.text.clone()))
            .collect();
        let index = (META_KEY.to_string(), meta.text.clone());
        if index_first {
            plan.insert(0, index);
        } else {
            plan.push(index);
        }
        for key in self.store.keys()? {
            if part_month(&key).is_some_and(|m| !parts.contains_key(&m)) {
                plan.push((key, None));
            }
        }
        let mut before = Vec::with_capacity(plan.len());
        for (key, _) in &plan {
            before.push(self.store.get(key)?);
        }
        for (done, (key, text)) in plan.iter().enumerate() {
            let result = match text {
                Some(text) => self.store.set(key, text),
                None => self.store.remove(key),
            };
            if let Err(e) = result {
                for ((key, _), old) in plan.iter().zip(&before).take(done + 1).rev() {
                    let _ = match old {
                        Some(old) => self.store.set(key, old),
                        None => self.store.remove(key),
                    };
                }
                return Err(e);
            }
        }
        self.marks = meta.marks;
        self.meta = Some(meta);
        self.parts = parts;
        // Everything was replaced: no edit made before applies any more.
        self.pending.clear();
        Ok(())
    }

    pub(super) fn stored_entries(&self) -> impl Iterator<Item = &Stored> {
        self.parts.values().flat_map(|p| p.entries.iter())
    }

    pub(super) fn kept_entries(&self) -> impl Iterator<Item = &Kept> {
        self.parts.values().flat_map(|p| p.kept.iter())
    }

    /// The id for a new entry: above every id in the log, every entry
    /// kept for a newer version and every id the store lists as deleted,
    /// so a new entry never shares an id with them nor takes one back.
    /// `None` once that would pass [`MAX_ID`].
    pub fn next_id(&self, log: &Log) -> Option<u64> {
        let deleted = self.meta.iter().flat_map(|m| m.deleted.iter().copied());
        let largest = self
            .kept_entries()
            .map(|k| k.id)
            .chain(deleted)
            .chain(log.entries.iter().map(|e| e.id))
            .max()
            .unwrap_or(0);
        largest.checked_add(1).filter(|&id| id <= MAX_ID)
    }
}

/// The log with its entries in the order a load gives: month by month,
/// keeping the order within each month.
pub(super) fn stored_order(mut log: Log) -> Log {
    sort_stored(&mut log.entries);
    log
}

/// Entries month by month, stable within a month. One function for every
/// caller, as each sort closure brings its own copy of the sort code.
pub(super) fn sort_stored(entries: &mut Vec<crate::engine::model::Entry>) {
    crate::sorted::sort_by(entries, &|e| Month::of(e.date).order());
}

/// Document states for a whole decoded log, unknown entries placed by date.
pub(super) fn states_of(
    decoded: &Decoded,
    marks: Marks,
    deleted: crate::sorted::SortedSet<u64>,
) -> (MetaState, SortedMap<Month, PartState>) {
    let log = &decoded.log;
    let mut entries: SortedMap<Month, Vec<Stored>> = SortedMap::new();
    for (entry, raw) in log.entries.iter().zip(&decoded.raw) {
        entries
            .get_or_insert_with(Month::of(entry.date), Vec::new)
            .push(Stored {
                entry: entry.clone(),
                raw: raw.clone(),
            });
    }
    let mut kept: SortedMap<Month, Vec<Kept>> = SortedMap::new();
    for k in &decoded.kept {
        let month = Month::of(k.date.unwrap_or(log.settings.start_date));
        kept.get_or_insert_with(month, Vec::new).push(k.clone());
    }
    let months: crate::sorted::SortedSet<Month> =
        entries.keys().chain(kept.keys()).copied().collect();
    let mut parts = SortedMap::new();
    for month in months {
        let e = entries.remove(&month).unwrap_or_default();
        let k = kept.remove(&month).unwrap_or_default();
        parts.insert(month, PartState::new(month, e, k, Default::default()));
    }
    let counts = parts
        .iter()
        .map(|(m, p)| (m.to_string(), p.count()))
        .collect();
    let meta = MetaState::new(
        log.settings.clone(),
        decoded.settings_raw.clone(),
        counts,
        deleted,
        marks,
        log.extra.clone(),
        Default::default(),
    );
    (meta, parts)
}
