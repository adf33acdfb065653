//! The app's own hand-written JSON: `json::parse`, the `engine::json`
//! readers via `storage::layout::decode_log` (what a backup import runs),
//! and the `ToJson` writers; the reference size.

use hamstring_rehab::engine::model::{EntryKind, Log};
use hamstring_rehab::json;
use hamstring_rehab::storage::layout::{decode_log, object_with_array, Kept};
use std::cell::RefCell;

thread_local! {
    static KEPT: RefCell<Option<(Log, Vec<Kept>)>> = const { RefCell::new(None) };
}

pub fn parse(text: &str) -> Result<String, String> {
    let doc = json::parse(text).map_err(|e| e.to_string())?;
    let decoded = decode_log(doc)?;
    let log = decoded.log;
    let sets = log
        .entries
        .iter()
        .map(|e| match &e.kind {
            EntryKind::Session(s) => s.blocks.iter().map(|b| b.sets.len()).sum(),
            _ => 0,
        })
        .sum();
    let out = crate::summary(log.entries.len(), sets, decoded.kept.len(), log.extra.len());
    KEPT.with(|k| *k.borrow_mut() = Some((log, decoded.kept)));
    Ok(out)
}

pub fn write() -> String {
    KEPT.with(|k| {
        let k = k.borrow();
        let Some((log, kept)) = k.as_ref() else {
            return String::new();
        };
        let entries = log
            .entries
            .iter()
            .map(json::to_string)
            .chain(kept.iter().map(|k| k.raw.clone()));
        object_with_array(
            |o| {
                o.field("version", &log.version)
                    .field("settings", &log.settings)
                    .fields(&log.extra);
            },
            "entries",
            entries,
        )
    })
}

pub fn write_js() -> wasm_bindgen::JsValue {
    wasm_bindgen::JsValue::from_str(&write())
}
