//! The whole log as one JSON document (the v0 document after migration,
//! and backups): decoded with every entry's JSON kept, and encoded.

use super::{object_with_array, read_entry, EntryRead, Kept};
use crate::engine::json::{Bad, FromJson};
use crate::engine::model::{Extra, Log, Settings};
use crate::json::Value;
use std::fmt;

/// A whole log decoded from one JSON value (the v0 document after migration,
/// or a backup), with every entry's JSON kept as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub log: Log,
    pub settings_raw: Value,
    /// The JSON of `log.entries[i]`, index for index.
    pub raw: Vec<String>,
    pub kept: Vec<Kept>,
}

/// Why a log document could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotAnObject,
    EntriesNotAList,
    Settings(Bad),
    Log(Bad),
    EntryWithoutId,
}

impl DecodeError {
    /// For the user: what is damaged, without the reader's field names.
    pub fn plain(&self) -> &'static str {
        match self {
            DecodeError::NotAnObject => "the log is not readable",
            DecodeError::EntriesNotAList => "its list of entries is damaged",
            DecodeError::Settings(_) => "its settings are damaged",
            DecodeError::Log(_) => "the log is damaged",
            DecodeError::EntryWithoutId => "an entry in it is damaged and has no number",
        }
    }
}

/// The reader's own words, for the rescue file.
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotAnObject => write!(f, "the log is not a JSON object"),
            DecodeError::EntriesNotAList => write!(f, "the entries are not a list"),
            DecodeError::Settings(e) => write!(f, "the settings: {e}"),
            DecodeError::Log(e) => write!(f, "the log: {e}"),
            DecodeError::EntryWithoutId => write!(f, "an entry without a numeric id"),
        }
    }
}

/// Decode a log document already migrated to the current version.
pub fn decode_log(mut doc: Value) -> Result<Decoded, DecodeError> {
    let obj = doc.as_object_mut().ok_or(DecodeError::NotAnObject)?;
    let entries = match obj.remove("entries") {
        Some(Value::Array(items)) => items,
        None => Vec::new(),
        Some(_) => return Err(DecodeError::EntriesNotAList),
    };
    let settings_raw = obj
        .get("settings")
        .cloned()
        .ok_or_else(|| DecodeError::Settings("missing".into()))?;
    Settings::from_json(&settings_raw).map_err(DecodeError::Settings)?;
    let mut log = Log::from_json(&doc).map_err(DecodeError::Log)?;
    let mut raw = Vec::with_capacity(entries.len());
    let mut kept = Vec::new();
    for value in &entries {
        match read_entry(value).map_err(|_| DecodeError::EntryWithoutId)? {
            EntryRead::Known(stored) => {
                log.entries.push(stored.entry);
                raw.push(stored.raw);
            }
            EntryRead::Kept(k) => kept.push(k),
        }
    }
    Ok(Decoded {
        log,
        settings_raw,
        raw,
        kept,
    })
}

/// The log as one JSON document; `entries` are JSON texts.
pub fn encode_log<S: AsRef<str>>(
    settings: Value,
    extra: &Extra,
    entries: impl IntoIterator<Item = S>,
) -> String {
    object_with_array(
        |o| {
            o.field("version", &crate::engine::model::SCHEMA_VERSION)
                .field("settings", &settings)
                .fields(extra);
        },
        "entries",
        entries,
    )
}
