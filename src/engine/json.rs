//! Reading and writing the log model as JSON, by hand.
//!
//! Why not serde: with flattened `extra` maps and tagged entry kinds,
//! serde's derived readers buffer every field and are instantiated once per
//! input type; in the release wasm they were about 90 KB, more than the
//! engine itself, and the derived writers with serde_json another tenth of
//! the app. These readers take a parsed [`crate::json::Value`], so there is
//! one copy of each; readers and writers are generated from one field table
//! per type (`json/model.rs`, in the grammar of `json/table.rs`), in the
//! model's declared field order. The model keeps its derived `Serialize`
//! only as the tests' reference: `tests/engine_json.rs` checks that these
//! readers and writers agree with it byte for byte, so the stored format is
//! unchanged.
//!
//! The rules follow what serde did: a missing required field or a wrong
//! type is an error; a field with a default may be missing but not null;
//! an optional field may be missing or null; unknown fields go to `extra`
//! where the type has one and are ignored where it has not.

use super::model::*;
pub use crate::json::{Map, ToJson, Value};
use crate::sorted::{SortedMap, SortedSet};
use chrono::NaiveDate;

/// Why a value could not be read, for logs and error notices.
pub type Bad = String;

/// Types read from a parsed JSON value.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, Bad>;
}

/// The fields of one JSON object, read by name.
pub struct Obj<'a> {
    map: &'a Map,
}

impl<'a> Obj<'a> {
    pub fn of(v: &'a Value, what: &str) -> Result<Self, Bad> {
        match v {
            Value::Object(map) => Ok(Obj { map }),
            _ => Err(format!("{what} is not an object")),
        }
    }

    /// A field that must be there.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, Bad> {
        let v = self.map.get(key).ok_or_else(|| missing(key))?;
        T::from_json(v).map_err(|e| at(key, e))
    }

    /// A field with a default: missing gives the default, null is an error.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Bad> {
        match self.map.get(key) {
            None => Ok(T::default()),
            Some(v) => T::from_json(v).map_err(|e| at(key, e)),
        }
    }

    /// An optional field: missing or null gives `None`.
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>, Bad> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => T::from_json(v).map(Some).map_err(|e| at(key, e)),
        }
    }

    /// Every field but `known`, kept as read.
    pub fn extra(&self, known: &[&str]) -> Extra {
        self.map
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    pub fn str(&self, key: &str) -> Result<&'a str, Bad> {
        match self.map.get(key) {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(at(key, "not a string".into())),
            None => Err(missing(key)),
        }
    }
}

// The messages are built out of line: written at each of the many call
// sites, they were a good part of these readers' size.
#[cold]
#[inline(never)]
fn missing(key: &str) -> Bad {
    format!("missing field `{key}`")
}

#[cold]
#[inline(never)]
fn at(key: &str, e: Bad) -> Bad {
    format!("{key}: {e}")
}

/// What a value is, for messages; the value itself could be long.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn unsigned(v: &Value, max: u64) -> Result<u64, Bad> {
    match v.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(n) => Err(format!("{n} is out of range")),
        None if v.is_number() => {
            Err("expected a whole number, found a fraction or a negative".into())
        }
        None => Err(format!("expected a whole number, found {}", kind(v))),
    }
}

macro_rules! unsigned_from_json {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                // In range by the check, so the cast cannot truncate.
                unsigned(v, <$t>::MAX as u64).map(|n| n as $t)
            }
        }
    )*};
}
unsigned_from_json!(u8, u16, u32, u64, usize);

impl FromJson for f32 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_f64()
            .map(|x| x as f32)
            .ok_or_else(|| format!("expected a number, found {}", kind(v)))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_bool()
            .ok_or_else(|| format!("expected true or false, found {}", kind(v)))
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("expected a string, found {}", kind(v)))
    }
}

impl FromJson for Value {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Ok(v.clone())
    }
}

impl FromJson for Map {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Ok(Obj::of(v, "a map")?.map.clone())
    }
}

impl FromJson for NaiveDate {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str()
            .and_then(parse_date)
            .ok_or_else(|| format!("expected a date (YYYY-MM-DD), found {}", kind(v)))
    }
}

/// A date as the log writes it, `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Array(items) => items.iter().map(T::from_json).collect(),
            _ => Err(format!("expected a list, found {}", kind(v))),
        }
    }
}

/// Tuples are JSON arrays of exactly their length.
macro_rules! tuple_from_json {
    ($n:literal: $($t:ident $i:tt),*) => {
        impl<$($t: FromJson),*> FromJson for ($($t,)*) {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                match v {
                    Value::Array(items) if items.len() == $n => Ok(($($t::from_json(&items[$i])?,)*)),
                    _ => Err(format!("expected a list of {}, found {}", $n, kind(v))),
                }
            }
        }
    };
}
tuple_from_json!(2: A 0, B 1);
tuple_from_json!(5: A 0, B 1, C 2, D 3, E 4);

impl<T: FromJson + Ord> FromJson for SortedSet<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Vec::<T>::from_json(v).map(|items| items.into_iter().collect())
    }
}

impl<T: FromJson> FromJson for SortedMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Obj::of(v, "a map")?
            .map
            .iter()
            .map(|(k, v)| Ok((k.clone(), T::from_json(v).map_err(|e| at(k, e))?)))
            .collect()
    }
}

// The log model's field tables (`model`), in the grammar of `table`.
#[macro_use]
mod table;
mod model;

pub use model::ENTRY_TYPES;
