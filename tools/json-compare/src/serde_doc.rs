//! serde_json variants: the document is read with each entry as a
//! `RawValue` (its text, unparsed), then each entry is read into the model;
//! one this build cannot read keeps its text, as `storage::layout` does.

use crate::serde_model::{Entry, Extra, Settings};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use std::cell::RefCell;

#[derive(Deserialize)]
struct Doc {
    version: u32,
    settings: Settings,
    #[serde(default)]
    entries: Vec<Box<RawValue>>,
    #[cfg_attr(feature = "sj_lean", serde(skip))]
    #[cfg_attr(not(feature = "sj_lean"), serde(flatten))]
    extra: Extra,
}

struct Log {
    version: u32,
    #[cfg_attr(feature = "sj_lean", allow(dead_code))]
    settings: Settings,
    entries: Vec<Entry>,
    kept: Vec<Box<RawValue>>,
    // Never read in sj_lean: it keeps no unknown fields.
    #[cfg_attr(feature = "sj_lean", allow(dead_code))]
    extra: Extra,
}

thread_local! {
    static KEPT: RefCell<Option<Log>> = const { RefCell::new(None) };
}

pub fn parse(text: &str) -> Result<String, String> {
    let doc: Doc = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut entries = Vec::with_capacity(doc.entries.len());
    let mut kept = Vec::new();
    let mut first_error = None;
    for raw in doc.entries {
        match serde_json::from_str::<Entry>(raw.get()) {
            Ok(e) => entries.push(e),
            Err(e) => {
                first_error.get_or_insert(e);
                kept.push(raw)
            }
        }
    }
    let sets = entries.iter().map(Entry::sets).sum();
    let mut out = crate::summary(entries.len(), sets, kept.len(), doc.extra.len());
    if let Some(e) = first_error {
        out.push_str(&format!(" (first kept: {e})"));
    }
    KEPT.with(|k| {
        *k.borrow_mut() = Some(Log {
            version: doc.version,
            settings: doc.settings,
            entries,
            kept,
            extra: doc.extra,
        })
    });
    Ok(out)
}

/// Typed entries, then the kept ones as their text.
struct Entries<'a>(&'a Log);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.entries.len() + self.0.kept.len()))?;
        for e in &self.0.entries {
            seq.serialize_element(e)?;
        }
        for k in &self.0.kept {
            seq.serialize_element(k)?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    settings: &'a Settings,
    #[cfg(not(feature = "sj_lean"))]
    #[serde(flatten)]
    extra: &'a Extra,
    entries: Entries<'a>,
}

pub fn write() -> String {
    KEPT.with(|k| {
        let k = k.borrow();
        let Some(log) = k.as_ref() else {
            return String::new();
        };
        let out = Out {
            version: log.version,
            settings: &log.settings,
            #[cfg(not(feature = "sj_lean"))]
            extra: &log.extra,
            entries: Entries(log),
        };
        serde_json::to_string(&out).unwrap_or_default()
    })
}

pub fn write_js() -> wasm_bindgen::JsValue {
    wasm_bindgen::JsValue::from_str(&write())
}
