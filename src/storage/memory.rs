//! An in-memory [`KeyValue`] store: the fallback when the browser will not
//! store anything, and the test double that can be told to fail.
//!
//! Clones share one map, so two repositories over clones of one store behave
//! like two tabs over one localStorage.

use super::kv::{KeyValue, KvError};
use crate::sorted::SortedMap;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct MemoryStore {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Default)]
struct Inner {
    map: SortedMap<String, String>,
    /// Running total of [`entry_size`], so a write costs its own size only.
    used: usize,
    quota: Option<usize>,
    unavailable: bool,
    writes: Vec<String>,
}

/// Size a key-value pair counts against a quota: UTF-16 code units of key
/// and value, which is how browsers count localStorage.
pub fn entry_size(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Refuse writes that would bring the total over `units` (UTF-16 code
    /// units of keys plus values), like a full localStorage.
    pub fn with_quota(units: usize) -> Self {
        let store = Self::new();
        store.set_quota(Some(units));
        store
    }

    pub fn set_quota(&self, units: Option<usize>) {
        self.inner.borrow_mut().quota = units;
    }

    /// Make every operation fail with [`KvError::Unavailable`], like storage
    /// that throws on access.
    pub fn set_unavailable(&self, unavailable: bool) {
        self.inner.borrow_mut().unavailable = unavailable;
    }

    /// Keys written or removed since the last call, in order, then forgotten.
    pub fn take_writes(&self) -> Vec<String> {
        std::mem::take(&mut self.inner.borrow_mut().writes)
    }

    /// A copy of everything stored, for byte-for-byte comparisons in tests.
    pub fn snapshot(&self) -> SortedMap<String, String> {
        self.inner.borrow().map.clone()
    }

    /// Total size counted against the quota.
    pub fn used(&self) -> usize {
        self.inner.borrow().used
    }

    fn check(&self) -> Result<(), KvError> {
        if self.inner.borrow().unavailable {
            Err(KvError::Unavailable("storage is switched off".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.check()?;
        Ok(self.inner.borrow().map.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.check()?;
        let mut inner = self.inner.borrow_mut();
        let old = inner.map.get(key).map_or(0, |v| entry_size(key, v));
        let used = inner.used - old + entry_size(key, value);
        if inner.quota.is_some_and(|quota| used > quota) {
            return Err(KvError::QuotaExceeded);
        }
        inner.used = used;
        inner.map.insert(key.to_string(), value.to_string());
        inner.writes.push(key.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.check()?;
        let mut inner = self.inner.borrow_mut();
        if let Some(old) = inner.map.remove(key) {
            inner.used -= entry_size(key, &old);
            inner.writes.push(key.to_string());
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.check()?;
        Ok(self.inner.borrow().map.keys().cloned().collect())
    }
}
