//! Reading the stored log, month by month, so that years of log can be read
//! across several browser tasks instead of freezing the page in one.
//!
//! [`Repository::load`] reads everything at once (tests, other tabs'
//! first log). The shell's start-up uses the three steps instead:
//! [`Repository::begin_load`] reads the index, [`Repository::read_some`]
//! reads parts up to a byte budget per call (the shell yields to the
//! browser between calls), and [`Repository::finish_load`] assembles the
//! log. Another tab may write between two calls: the parts are each read
//! whole, and the shell then runs [`Repository::sync`], which re-reads
//! every key whose text differs from what was read.

use super::kv::{KeyValue, KvError};
use super::layout::{
    decode_log, part_month, Kept, Marks, Month, Stored, LEGACY_KEY, META_KEY, SEQ_KEY,
};
use super::migrate::{migrate, MigrateError};
use super::notice::Notice;
use super::repo::{states_of, stored_order, Repository, Unreadable};
use super::state::{read_meta, read_part, MetaState, PartState, ReadError};
use crate::engine::limits::check_log;
use crate::engine::model::{Log, SCHEMA_VERSION};
use crate::sorted::{SortedMap, SortedSet};

/// A load under way: the index is read, these months are still to read.
pub struct Loading {
    meta: MetaState,
    months: Vec<Month>,
    next: usize,
    /// Parts as this tab had them, reused where their text is unchanged,
    /// so reading the store again parses only what another tab wrote.
    old: SortedMap<Month, PartState>,
}

impl Loading {
    /// How many months are read, of how many (for a progress line).
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.months.len())
    }
}

/// What [`Repository::begin_load`] found.
pub enum Begun {
    /// Nothing more to read: the log, or `None` (see [`Repository::load`]).
    Done(Option<Log>),
    /// The index is good; read its parts with [`Repository::read_some`].
    Reading(Loading),
}

impl<S: KeyValue> Repository<S> {
    /// Read the log. `Ok(None)` when there is no log to show: a fresh store,
    /// or one this build must not touch (see [`Repository::notices`]).
    /// `Err` only when the store itself cannot be used.
    pub fn load(&mut self) -> Result<Option<Log>, KvError> {
        match self.begin_load()? {
            Begun::Done(log) => Ok(log),
            Begun::Reading(mut loading) => {
                while self.read_some(&mut loading, usize::MAX)? {}
                Ok(self.finish_load(loading))
            }
        }
    }

    /// Read the index (or migrate a v0 document, which is read whole).
    pub fn begin_load(&mut self) -> Result<Begun, KvError> {
        let old = std::mem::take(&mut self.parts);
        self.forget();
        let keys = self.store.keys()?;
        self.seq = self.store.get(SEQ_KEY)?.and_then(|t| t.parse().ok());
        let mut months: Vec<Month> = keys.iter().filter_map(|k| part_month(k)).collect();
        crate::sorted::sort_by(&mut months, &|m| m.order());
        let has = |key: &str| keys.iter().any(|k| k == key);

        if !has(META_KEY) {
            if has(LEGACY_KEY) {
                return self.load_legacy().map(Begun::Done);
            }
            for month in months {
                self.keep_unreadable(&month.key(), "saved without its index")?;
            }
            return Ok(Begun::Done(None));
        }
        let meta_text = self.store.get(META_KEY)?.unwrap_or_default();
        match read_meta(&meta_text) {
            Ok(meta) => Ok(Begun::Reading(Loading {
                meta,
                months,
                next: 0,
                old,
            })),
            Err(ReadError::Newer(found)) => {
                self.newer = Some(found);
                Ok(Begun::Done(None))
            }
            Err(ReadError::Bad(why)) => {
                self.unreadable.insert(
                    META_KEY.into(),
                    Unreadable {
                        key: META_KEY.into(),
                        raw: meta_text,
                        reason: why,
                    },
                );
                for month in months {
                    self.keep_unreadable(&month.key(), "kept with the unreadable index")?;
                }
                Ok(Begun::Done(None))
            }
        }
    }

    /// Read parts until `budget` bytes of stored text have been read (at
    /// least one part a call, so every call moves on). `Ok(true)` while
    /// parts remain.
    pub fn read_some(&mut self, loading: &mut Loading, budget: usize) -> Result<bool, KvError> {
        let mut read = 0;
        while read < budget {
            let Some(&month) = loading.months.get(loading.next) else {
                break;
            };
            loading.next += 1;
            let key = month.key();
            let Some(text) = self.store.get(&key)? else {
                continue;
            };
            read = read.saturating_add(text.len());
            let old = loading.old.remove(&month);
            if let Some(part) = old.filter(|p| p.text.as_ref() == Some(&text)) {
                self.parts.insert(month, part);
                continue;
            }
            match read_part(&text, month) {
                Ok(part) => {
                    self.parts.insert(month, part);
                }
                Err(ReadError::Newer(found)) => {
                    self.newer = self.newer.max(Some(found));
                }
                Err(ReadError::Bad(reason)) => {
                    self.unreadable.insert(
                        key.clone(),
                        Unreadable {
                            key,
                            raw: text,
                            reason,
                        },
                    );
                }
            }
        }
        Ok(loading.next < loading.months.len())
    }

    /// The log from what was read; `None` when a part is from a newer
    /// version (then nothing is shown, and nothing written).
    pub fn finish_load(&mut self, loading: Loading) -> Option<Log> {
        let meta = loading.meta;
        if self.newer.is_some() {
            self.parts.clear();
            return None;
        }
        let missing: Vec<String> = meta
            .parts
            .keys()
            .filter(|m| {
                Month::parse(m).is_some_and(|month| {
                    !self.parts.contains_key(&month) && !self.unreadable.contains_key(&month.key())
                })
            })
            .cloned()
            .collect();
        if !missing.is_empty() {
            self.vanished = Some(Notice::DataVanished {
                months: missing,
                kept_in_memory: false,
            });
        }
        self.set_aside_duplicates();
        self.marks = meta.marks;
        let log = Log {
            version: SCHEMA_VERSION,
            settings: meta.settings.clone(),
            entries: self.stored_entries().map(|s| s.entry.clone()).collect(),
            extra: meta.log_extra.clone(),
        };
        self.meta = Some(meta);
        Some(log)
    }

    fn keep_unreadable(&mut self, key: &str, reason: &str) -> Result<(), KvError> {
        if let Some(raw) = self.store.get(key)? {
            let unreadable = Unreadable {
                key: key.into(),
                raw,
                reason: reason.into(),
            };
            self.unreadable.insert(key.into(), unreadable);
        }
        Ok(())
    }

    /// Two parts holding one id (a save interrupted while an entry moved
    /// month): the first stays live, the other is kept raw, not dropped.
    fn set_aside_duplicates(&mut self) {
        let mut seen = SortedSet::new();
        for part in self.parts.values_mut() {
            let (live, dup): (Vec<Stored>, Vec<Stored>) = std::mem::take(&mut part.entries)
                .into_iter()
                .partition(|s| seen.insert(s.entry.id));
            part.entries = live;
            part.kept.extend(dup.into_iter().map(|s| Kept {
                id: s.entry.id,
                date: Some(s.entry.date),
                raw: s.raw,
            }));
        }
    }

    fn load_legacy(&mut self) -> Result<Option<Log>, KvError> {
        let text = self.store.get(LEGACY_KEY)?.unwrap_or_default();
        let decoded = crate::json::parse(&text)
            .map_err(|e| MigrateError::Malformed(e.to_string()))
            .and_then(migrate)
            .and_then(|doc| decode_log(doc).map_err(|e| MigrateError::Malformed(e.to_string())))
            // Migrated data meets the rules of anything stored, so its
            // first backup restores; if not, it stays raw for rescue.
            .and_then(|decoded| {
                let kept = decoded.kept.iter().map(|k| (k.id, k.date));
                check_log(&decoded.log, kept)
                    .map_err(|p| MigrateError::Malformed(p.words()))
                    .map(|()| decoded)
            });
        let decoded = match decoded {
            Ok(decoded) => decoded,
            Err(MigrateError::FromTheFuture { found }) => {
                self.newer = Some(found);
                return Ok(None);
            }
            Err(MigrateError::Malformed(reason)) => {
                let key = LEGACY_KEY.to_string();
                let unreadable = Unreadable {
                    key: key.clone(),
                    raw: text,
                    reason,
                };
                self.unreadable.insert(key, unreadable);
                return Ok(None);
            }
        };
        let (meta, parts) = states_of(&decoded, Marks::default(), Default::default());
        self.legacy_pending = true;
        match self.write_all(meta.clone(), parts.clone(), false) {
            Ok(()) => {
                if self.store.remove(LEGACY_KEY).is_ok() {
                    self.legacy_pending = false;
                }
            }
            Err(e) => {
                // Keep the v0 key and run from memory; the raw entries stay
                // at hand so the next save still keeps unknown fields.
                self.save_error = Some(e);
                self.meta = Some(MetaState { text: None, ..meta });
                self.parts = parts
                    .into_iter()
                    .map(|(m, p)| (m, PartState { text: None, ..p }))
                    .collect();
            }
        }
        Ok(Some(stored_order(decoded.log)))
    }
}
