//! One variant of the log's JSON reading and writing per build, chosen by a
//! cargo feature, behind the same two wasm exports, so the release wasm's
//! size and the browser's timings compare the JSON code and nothing else.
//!
//! `parse` reads a whole log document (settings, entries, unknown fields),
//! keeps it for `write`, and returns a one-line summary; an entry whose type
//! this build cannot read is kept as its raw JSON where the crate allows it,
//! as `storage::layout` does. `write` writes the kept log back.

use wasm_bindgen::prelude::*;

#[cfg(feature = "baseline")]
pub mod baseline;
#[cfg(any(feature = "sj_stored", feature = "wide"))]
pub mod serde_doc;
#[cfg(any(feature = "sj_stored", feature = "wide", feature = "swb"))]
pub mod serde_model;
#[cfg(feature = "swb")]
pub mod swb;
#[cfg(any(feature = "miniserde", feature = "nanoserde", feature = "serde_lite"))]
pub mod wire;
#[cfg(any(feature = "miniserde", feature = "nanoserde", feature = "serde_lite"))]
pub mod wire_io;

#[cfg(feature = "baseline")]
use baseline as variant;
#[cfg(any(feature = "sj_stored", feature = "wide"))]
use serde_doc as variant;
#[cfg(feature = "swb")]
use swb as variant;
#[cfg(any(feature = "miniserde", feature = "nanoserde", feature = "serde_lite"))]
use wire_io as variant;

/// What one parse found, the same line for every variant so runs compare.
pub fn summary(entries: usize, sets: usize, kept: usize, extra: usize) -> String {
    format!("entries={entries} sets={sets} kept={kept} extra={extra}")
}

/// Parse `text` as a log, keep it for [`write`], and say what was read.
#[cfg(not(feature = "swb"))]
#[wasm_bindgen]
pub fn parse(text: &js_sys::JsString) -> String {
    let text = String::from(text);
    match variant::parse(&text) {
        Ok(s) => s,
        Err(e) => format!("error: {e}"),
    }
}

/// The browser's parser reads the JS string itself: no copy into wasm.
#[cfg(feature = "swb")]
#[wasm_bindgen]
pub fn parse(text: &js_sys::JsString) -> String {
    match variant::parse(text) {
        Ok(s) => s,
        Err(e) => format!("error: {e}"),
    }
}

/// The log last parsed, written back as JSON text.
#[wasm_bindgen]
pub fn write() -> JsValue {
    variant::write_js()
}

/// The same two steps for native tests (run.sh checks each variant's
/// round trip on the host before building its wasm).
#[cfg(not(feature = "swb"))]
pub fn parse_native(text: &str) -> Result<String, String> {
    variant::parse(text)
}

#[cfg(not(feature = "swb"))]
pub fn write_native() -> String {
    variant::write()
}

/// Links the app crate into every variant, not only those that call it:
/// linked, it brings exports of its own (wasm-streams' classes, through
/// leptos) that no optimiser removes, and those must weigh the same in
/// every variant for the differences to be the JSON code alone.
#[wasm_bindgen]
pub fn schema_version() -> u32 {
    std::hint::black_box(hamstring_rehab::engine::model::SCHEMA_VERSION)
}
