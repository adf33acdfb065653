//! [`KeyValue`] over the browser's localStorage (wasm only).
//!
//! Browsers report a full store as a `DOMException` named
//! `QuotaExceededError` (code 22; old Firefox: `NS_ERROR_DOM_QUOTA_REACHED`),
//! and blocked storage by throwing on access, often a `SecurityError`.

use super::kv::{KeyValue, KvError};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

pub struct LocalStore {
    storage: Storage,
}

impl LocalStore {
    /// The window's localStorage, if it can be reached and read at all.
    pub fn open() -> Result<LocalStore, KvError> {
        let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
        let storage = window
            .local_storage()
            .map_err(|e| unavailable(&describe(&e)))?
            .ok_or_else(|| unavailable("the browser offers no localStorage"))?;
        let store = LocalStore::from_storage(storage);
        store
            .storage
            .length()
            .map_err(|e| unavailable(&describe(&e)))?;
        Ok(store)
    }

    pub fn from_storage(storage: Storage) -> LocalStore {
        LocalStore { storage }
    }
}

fn unavailable(why: &str) -> KvError {
    KvError::Unavailable(why.to_string())
}

/// Sort a thrown value into the errors the app handles differently.
pub fn classify(err: &JsValue) -> KvError {
    if let Some(dom) = err.dyn_ref::<DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22
        {
            return KvError::QuotaExceeded;
        }
        if name == "SecurityError" || name == "InvalidAccessError" {
            return KvError::Unavailable(describe(err));
        }
    }
    KvError::Other(describe(err))
}

fn describe(err: &JsValue) -> String {
    if let Some(dom) = err.dyn_ref::<DomException>() {
        format!("{}: {}", dom.name(), dom.message())
    } else if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        String::from(e.message())
    } else {
        err.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let n = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(key) = self.storage.key(i).map_err(|e| classify(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
