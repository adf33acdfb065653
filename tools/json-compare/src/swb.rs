//! The browser's own parser: `JSON.parse` makes JS objects, and
//! serde-wasm-bindgen reads them into the same serde model (stored shape);
//! writing goes to JS objects and `JSON.stringify`. An entry this build
//! cannot read is kept as its JS object.

use crate::serde_model::{Entry, Extra, Settings};
use serde::{Deserialize, Serialize, Serializer};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Deserialize)]
struct Doc {
    version: u32,
    settings: Settings,
    #[serde(with = "serde_wasm_bindgen::preserve", default = "empty")]
    entries: js_sys::Array,
    #[serde(flatten)]
    extra: Extra,
}

fn empty() -> js_sys::Array {
    js_sys::Array::new()
}

struct Log {
    version: u32,
    settings: Settings,
    entries: Vec<Entry>,
    kept: Vec<JsValue>,
    extra: Extra,
}

thread_local! {
    static KEPT: RefCell<Option<Log>> = const { RefCell::new(None) };
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    // Takes the JS string as it is; js_sys's binding takes a `&str`,
    // which would copy the text into wasm and back.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

pub fn parse(text: &js_sys::JsString) -> Result<String, String> {
    let value = json_parse(text).map_err(js_error)?;
    parse_value(value)
}

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "not JSON".into())
}

fn parse_value(value: JsValue) -> Result<String, String> {
    let doc: Doc = serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())?;
    let mut entries = Vec::with_capacity(doc.entries.length() as usize);
    let mut kept = Vec::new();
    for v in doc.entries.iter() {
        match serde_wasm_bindgen::from_value::<Entry>(v.clone()) {
            Ok(e) => entries.push(e),
            Err(_) => kept.push(v),
        }
    }
    let sets = entries.iter().map(Entry::sets).sum();
    let out = crate::summary(entries.len(), sets, kept.len(), doc.extra.len());
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

struct Js<'a>(&'a JsValue);

impl Serialize for Js<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(self.0, s)
    }
}

struct Entries<'a>(&'a Log);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.entries.len() + self.0.kept.len()))?;
        for e in &self.0.entries {
            seq.serialize_element(e)?;
        }
        for k in &self.0.kept {
            seq.serialize_element(&Js(k))?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    settings: &'a Settings,
    #[serde(flatten)]
    extra: &'a Extra,
    entries: Entries<'a>,
}

pub fn write_js() -> JsValue {
    KEPT.with(|k| {
        let k = k.borrow();
        let Some(log) = k.as_ref() else {
            return JsValue::from_str("");
        };
        let out = Out {
            version: log.version,
            settings: &log.settings,
            extra: &log.extra,
            entries: Entries(log),
        };
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        match out.serialize(&ser) {
            Ok(v) => js_sys::JSON::stringify(&v)
                .map(JsValue::from)
                .unwrap_or_else(|e| e),
            Err(e) => JsValue::from_str(&format!("error: {e}")),
        }
    })
}
