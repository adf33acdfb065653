//! Where the log lives in the store and how each document is encoded.
//!
//! Keys (all under [`PREFIX`], because every site on one static host shares
//! an origin and its storage):
//! - `phtrehab:meta`: schema version, settings, the month parts and their
//!   entry counts, the last backup date, and unknown top-level log fields;
//! - `phtrehab:entries:YYYY-MM`: that month's entries, with its own version;
//! - `phtrehab:log`: the old single-document format (v0), migrated on load.
//!
//! Every entry keeps the JSON it was read as (compact, keys in order), so
//! an entry this build does not change is written back with every field a
//! newer app added to it, even where the model has no room for them.

use crate::engine::json::{parse_date, Bad, FromJson, Obj};
use crate::engine::model::{Entry, Extra, Log, Settings};
use crate::sorted::{SortedMap, SortedSet};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

pub const PREFIX: &str = "phtrehab:";
pub const META_KEY: &str = "phtrehab:meta";
pub const LEGACY_KEY: &str = "phtrehab:log";
const PART_PREFIX: &str = "phtrehab:entries:";

/// A calendar month: the unit the log is split into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        (1..=12).contains(&month.month).then_some(month)
    }

    pub fn key(self) -> String {
        format!("{PART_PREFIX}{self}")
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The month of a part key, or `None` for any other key.
pub fn part_month(key: &str) -> Option<Month> {
    Month::parse(key.strip_prefix(PART_PREFIX)?)
}

/// The index document. Settings stay raw JSON here so a settings value this
/// build cannot decode is reported as such, and unchanged settings are
/// written back exactly as read.
#[derive(Clone, Debug, Serialize)]
pub struct MetaDoc {
    pub version: u32,
    pub kind: String,
    pub settings: Value,
    #[serde(default)]
    pub parts: SortedMap<String, usize>,
    /// Ids of deleted entries. An entry missing from a part is only taken
    /// as deleted when listed here: otherwise it was lost to two tabs
    /// writing at once, and the tab that still has it writes it back.
    #[serde(default, skip_serializing_if = "SortedSet::is_empty")]
    pub deleted: SortedSet<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistence_asked: Option<NaiveDate>,
    /// Unknown top-level fields of the log itself.
    #[serde(default, skip_serializing_if = "Extra::is_empty")]
    pub log_extra: Extra,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Dates the index remembers about the device rather than the log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub last_backup: Option<NaiveDate>,
    /// When `navigator.storage.persist()` was last requested.
    pub persistence_asked: Option<NaiveDate>,
}

impl Marks {
    /// The later of each date: two tabs' marks combine without loss.
    pub fn max(self, other: Marks) -> Marks {
        Marks {
            last_backup: self.last_backup.max(other.last_backup),
            persistence_asked: self.persistence_asked.max(other.persistence_asked),
        }
    }
}

pub const META_KIND: &str = "meta";
pub const PART_KIND: &str = "entries";

impl FromJson for MetaDoc {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "the index")?;
        Ok(MetaDoc {
            version: o.req("version")?,
            kind: o.req("kind")?,
            settings: o.req("settings")?,
            parts: o.or_default("parts")?,
            deleted: o.or_default("deleted")?,
            last_backup: o.opt("last_backup")?,
            persistence_asked: o.opt("persistence_asked")?,
            log_extra: o.or_default("log_extra")?,
            extra: o.extra(&[
                "version",
                "kind",
                "settings",
                "parts",
                "deleted",
                "last_backup",
                "persistence_asked",
                "log_extra",
            ]),
        })
    }
}

/// A month part as read; entries are decoded one by one afterwards.
#[derive(Debug)]
pub struct PartDoc {
    pub version: u32,
    pub kind: String,
    pub month: String,
    pub entries: Vec<Value>,
    pub extra: Extra,
}

impl FromJson for PartDoc {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "a month part")?;
        Ok(PartDoc {
            version: o.req("version")?,
            kind: o.req("kind")?,
            month: o.req("month")?,
            entries: o.req("entries")?,
            extra: o.extra(&["version", "kind", "month", "entries"]),
        })
    }
}

#[derive(Serialize)]
struct PartHead<'a> {
    version: u32,
    kind: &'static str,
    month: String,
    #[serde(flatten)]
    extra: &'a Extra,
}

/// One stored entry as this build reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub entry: Entry,
    /// The compact JSON the entry was read as or written as.
    pub raw: String,
}

/// An entry this build cannot decode (a newer entry type, or a known type
/// with a shape it does not know), kept as read and out of the engine's way.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub id: u64,
    pub date: Option<NaiveDate>,
    pub raw: String,
}

pub enum EntryRead {
    Known(Stored),
    Kept(Kept),
}

/// Decode one entry; anything without a numeric id is not an entry at all.
pub fn read_entry(value: &Value) -> Result<EntryRead, String> {
    // Through the same writer as every other entry, not `Display`.
    let raw = serde_json::to_string(value).expect("values always encode");
    match Entry::from_json(value) {
        Ok(entry) => Ok(EntryRead::Known(Stored { entry, raw })),
        Err(_) => {
            let id = value
                .get("id")
                .and_then(Value::as_u64)
                .ok_or("an entry without a numeric id")?;
            let date = value
                .get("date")
                .and_then(Value::as_str)
                .and_then(parse_date);
            Ok(EntryRead::Kept(Kept { id, date, raw }))
        }
    }
}

/// JSON text of one entry: the stored text when the entry is unchanged, so
/// fields this build does not know are never stripped.
pub fn entry_text(entry: &Entry, base: Option<&Stored>) -> String {
    match base {
        Some(stored) if stored.entry == *entry => stored.raw.clone(),
        _ => serde_json::to_string(entry).expect("entries always encode"),
    }
}

/// Settings as JSON: the stored value when unchanged, for the same reason.
pub fn settings_value(settings: &Settings, base: Option<(&Settings, &Value)>) -> Value {
    match base {
        Some((old, raw)) if old == settings => raw.clone(),
        _ => serde_json::to_value(settings).expect("settings always encode"),
    }
}

/// `head` encoded as a JSON object with one more field holding `items`,
/// which are already JSON texts; this avoids re-parsing stored entries.
pub fn object_with_array<T: Serialize, S: AsRef<str>>(
    head: &T,
    field: &str,
    items: impl IntoIterator<Item = S>,
) -> String {
    let mut out = serde_json::to_string(head).expect("documents always encode");
    debug_assert!(out.ends_with('}'));
    out.pop();
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push_str(&serde_json::to_string(field).expect("a string encodes"));
    out.push_str(":[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(item.as_ref());
    }
    out.push_str("]}");
    out
}

pub fn encode_part<S: AsRef<str>>(
    version: u32,
    month: Month,
    extra: &Extra,
    entries: impl IntoIterator<Item = S>,
) -> String {
    let head = PartHead {
        version,
        kind: PART_KIND,
        month: month.to_string(),
        extra,
    };
    object_with_array(&head, "entries", entries)
}

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

/// Decode a log document already migrated to the current version.
pub fn decode_log(mut doc: Value) -> Result<Decoded, String> {
    let obj = doc.as_object_mut().ok_or("the log is not a JSON object")?;
    let entries = match obj.remove("entries") {
        Some(Value::Array(items)) => items,
        None => Vec::new(),
        Some(_) => return Err("the entries are not a list".into()),
    };
    let settings_value = obj.get("settings").cloned().ok_or("no settings")?;
    let settings_raw = settings_value;
    let mut log = Log::from_json(&doc).map_err(|e| format!("the log: {e}"))?;
    let mut raw = Vec::with_capacity(entries.len());
    let mut kept = Vec::new();
    for value in &entries {
        match read_entry(value)? {
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
    #[derive(Serialize)]
    struct Head<'a> {
        version: u32,
        settings: Value,
        #[serde(flatten)]
        extra: &'a Extra,
    }
    let head = Head {
        version: crate::engine::model::SCHEMA_VERSION,
        settings,
        extra,
    };
    object_with_array(&head, "entries", entries)
}
