//! Document reading and writing for miniserde, nanoserde and serde-lite
//! over the wire structs. Unknown entry types: serde-lite keeps each entry
//! as its `Intermediate` and so can keep one it cannot read; miniserde
//! reads the document a second time as `json::Value`s when an entry fails,
//! to keep those; nanoserde has no generic value, so they are dropped.

use crate::wire::*;
use hamstring_rehab::engine::model as app;
use std::cell::RefCell;

struct Log {
    version: u32,
    settings: app::Settings,
    entries: Vec<app::Entry>,
    /// Entries kept as their JSON text.
    kept: Vec<String>,
    dropped: usize,
}

thread_local! {
    static KEPT: RefCell<Option<Log>> = const { RefCell::new(None) };
}

#[cfg(feature = "miniserde")]
fn read(text: &str) -> Result<Log, String> {
    let doc: WDoc = miniserde::json::from_str(text)
        .map_err(|_| "not a log (miniserde gives no reason)".to_string())?;
    let mut entries = Vec::new();
    let mut failed = Vec::new();
    for (i, e) in doc.entries.unwrap_or_default().into_iter().enumerate() {
        match e.into_app() {
            Ok(e) => entries.push(e),
            Err(_) => failed.push(i),
        }
    }
    let mut kept = Vec::new();
    if !failed.is_empty() {
        #[derive(miniserde::Deserialize)]
        struct Raw {
            entries: Vec<miniserde::json::Value>,
        }
        let raw: Raw = miniserde::json::from_str(text).map_err(|_| "not a log".to_string())?;
        kept = failed
            .iter()
            .map(|&i| miniserde::json::to_string(&raw.entries[i]))
            .collect();
    }
    Ok(Log {
        version: doc.version,
        settings: doc.settings.into_app()?,
        entries,
        kept,
        dropped: 0,
    })
}

#[cfg(feature = "nanoserde")]
fn read(text: &str) -> Result<Log, String> {
    use nanoserde::DeJson;
    let doc = WDoc::deserialize_json(text).map_err(|e| e.to_string())?;
    let mut entries = Vec::new();
    let mut dropped = 0;
    for e in doc.entries.unwrap_or_default() {
        match e.into_app() {
            Ok(e) => entries.push(e),
            Err(_) => dropped += 1,
        }
    }
    Ok(Log {
        version: doc.version,
        settings: doc.settings.into_app()?,
        entries,
        kept: Vec::new(),
        dropped,
    })
}

#[cfg(feature = "serde_lite")]
fn read(text: &str) -> Result<Log, String> {
    use serde_lite::{Deserialize, Intermediate};
    let doc: Intermediate = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let map = doc.as_map().ok_or("the log is not an object")?;
    let field = |k: &str| map.get(k).ok_or_else(|| format!("missing field `{k}`"));
    let version = u32::deserialize(field("version")?).map_err(|e| e.to_string())?;
    let settings = WSettings::deserialize(field("settings")?).map_err(|e| e.to_string())?;
    let mut entries = Vec::new();
    let mut kept = Vec::new();
    if let Some(list) = map.get("entries").and_then(Intermediate::as_array) {
        for v in list {
            match WEntry::deserialize(v)
                .map_err(|e| e.to_string())
                .and_then(WEntry::into_app)
            {
                Ok(e) => entries.push(e),
                Err(_) => kept.push(serde_json::to_string(v).map_err(|e| e.to_string())?),
            }
        }
    }
    Ok(Log {
        version,
        settings: settings.into_app()?,
        entries,
        kept,
        dropped: 0,
    })
}

pub fn parse(text: &str) -> Result<String, String> {
    let log = read(text)?;
    let sets = log
        .entries
        .iter()
        .map(|e| match &e.kind {
            app::EntryKind::Session(s) => s.blocks.iter().map(|b| b.sets.len()).sum(),
            _ => 0,
        })
        .sum();
    let mut out = crate::summary(log.entries.len(), sets, log.kept.len(), 0);
    if log.dropped > 0 {
        out.push_str(&format!(" dropped={}", log.dropped));
    }
    KEPT.with(|k| *k.borrow_mut() = Some(log));
    Ok(out)
}

fn settings_text(s: &WSettings) -> String {
    #[cfg(feature = "miniserde")]
    return miniserde::json::to_string(s);
    #[cfg(feature = "nanoserde")]
    return nanoserde::SerJson::serialize_json(s);
    #[cfg(feature = "serde_lite")]
    return serde_lite::Serialize::serialize(s)
        .ok()
        .and_then(|i| serde_json::to_string(&i).ok())
        .unwrap_or_default();
}

fn entry_text(e: &WEntry) -> String {
    #[cfg(feature = "miniserde")]
    return miniserde::json::to_string(e);
    #[cfg(feature = "nanoserde")]
    return nanoserde::SerJson::serialize_json(e);
    #[cfg(feature = "serde_lite")]
    return serde_lite::Serialize::serialize(e)
        .ok()
        .and_then(|i| serde_json::to_string(&i).ok())
        .unwrap_or_default();
}

/// The document head is joined by hand from the crate's texts: each entry
/// is written on its own so kept entries can go back in as text.
pub fn write() -> String {
    KEPT.with(|k| {
        let k = k.borrow();
        let Some(log) = k.as_ref() else {
            return String::new();
        };
        let mut out = format!(
            "{{\"version\":{},\"settings\":{},\"entries\":[",
            log.version,
            settings_text(&WSettings::from_app(&log.settings))
        );
        let texts = log.entries.iter().map(|e| entry_text(&WEntry::from_app(e)));
        for (i, t) in texts.chain(log.kept.iter().cloned()).enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&t);
        }
        out.push_str("]}");
        out
    })
}

pub fn write_js() -> wasm_bindgen::JsValue {
    wasm_bindgen::JsValue::from_str(&write())
}
