//! The storage port: a tiny string key-value trait and its typed errors.
//!
//! Everything above this trait is pure and tested natively; only the
//! implementations know whether the bytes live in localStorage or in memory.

use std::fmt;

/// Why a store operation failed, in the three ways that need different
/// handling by the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// The write did not fit. Nothing was written for that key.
    QuotaExceeded,
    /// The store cannot be used at all (private modes, blocked storage, a
    /// throwing getter). The app keeps running in memory.
    Unavailable(String),
    /// Anything else the platform threw.
    Other(String),
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KvError::QuotaExceeded => write!(f, "storage quota exceeded"),
            KvError::Unavailable(why) => write!(f, "storage unavailable: {why}"),
            KvError::Other(why) => write!(f, "storage error: {why}"),
        }
    }
}

impl std::error::Error for KvError {}

/// A string key-value store with localStorage's semantics.
///
/// Methods take `&self` because the backing store is shared with other tabs
/// and other handles anyway; implementations use interior mutability.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str) -> Result<(), KvError>;
    /// Every key in the store, ours or not, in no particular order.
    fn keys(&self) -> Result<Vec<String>, KvError>;
}

impl<T: KeyValue + ?Sized> KeyValue for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        (**self).keys()
    }
}
