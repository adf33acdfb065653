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

use crate::engine::json::{parse_date, Bad, FromJson, Obj, ENTRY_TYPES};
use crate::engine::model::{Entry, Extra, Settings};
use crate::json::{ObjectWriter, Raw, ToJson, Value};
use crate::sorted::{SortedMap, SortedSet};
use chrono::{Datelike, NaiveDate};
use std::fmt;

mod whole;
pub use whole::{decode_log, encode_log, DecodeError, Decoded};

pub const PREFIX: &str = "phtrehab:";
pub const META_KEY: &str = "phtrehab:meta";
pub const LEGACY_KEY: &str = "phtrehab:log";
const PART_PREFIX: &str = "phtrehab:entries:";
/// The count of saves made under the write lock (see `browser::locked`),
/// outside [`PREFIX`] so that writing it is no change to the log.
pub const SEQ_KEY: &str = "phtrehab-seq";

/// A calendar month: the unit the log is split into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// In month order, as a sort key.
    pub fn order(&self) -> crate::sorted::SortKey {
        (i64::from(self.year), u64::from(self.month))
    }

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
#[derive(Clone, Debug)]
pub struct MetaDoc {
    pub version: u32,
    pub kind: String,
    pub settings: Value,
    pub parts: SortedMap<String, usize>,
    /// Ids of deleted entries. An entry missing from a part is only taken
    /// as deleted when listed here: otherwise it was lost to two tabs
    /// writing at once, and the tab that still has it writes it back.
    pub deleted: SortedSet<u64>,
    pub last_backup: Option<NaiveDate>,
    pub persistence_asked: Option<NaiveDate>,
    /// Unknown top-level fields of the log itself.
    pub log_extra: Extra,
    pub extra: Extra,
}

/// Empty and unset fields are left out, so an index without them reads the
/// same as one with their defaults.
impl ToJson for MetaDoc {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("version", &self.version)
            .field("kind", &self.kind)
            .field("settings", &self.settings)
            .field("parts", &self.parts)
            .field_if(!self.deleted.is_empty(), "deleted", &self.deleted)
            .field_if(self.last_backup.is_some(), "last_backup", &self.last_backup)
            .field_if(
                self.persistence_asked.is_some(),
                "persistence_asked",
                &self.persistence_asked,
            )
            .field_if(!self.log_extra.is_empty(), "log_extra", &self.log_extra)
            .fields(&self.extra)
            .end();
    }
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

impl Kept {
    /// Whether the entry is of a kind this build knows, so it cannot be
    /// from a newer version's new kind: it is damaged (or was changed by
    /// hand), and the user is told so, not to update.
    pub fn is_damaged(&self) -> bool {
        let kind = crate::json::parse(&self.raw).ok().and_then(|v| {
            v.get("type")
                .and_then(Value::as_str)
                .map(|t| ENTRY_TYPES.contains(&t))
        });
        kind.unwrap_or(true)
    }
}

pub enum EntryRead {
    Known(Stored),
    Kept(Kept),
}

/// Decode one entry; anything without a numeric id is not an entry at all.
pub fn read_entry(value: &Value) -> Result<EntryRead, String> {
    // Through the same writer as every other entry, not `Display`.
    let raw = crate::json::to_string(value);
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
        _ => crate::json::to_string(entry),
    }
}

/// Settings as JSON: the stored value when unchanged, for the same reason.
pub fn settings_value(settings: &Settings, base: Option<(&Settings, &Value)>) -> Value {
    match base {
        Some((old, raw)) if old == settings => raw.clone(),
        // What the writer writes the reader reads; a failure would be a
        // bug, and null then makes the next load report unreadable settings
        // rather than lose the entries.
        _ => crate::json::parse(&crate::json::to_string(settings)).unwrap_or_default(),
    }
}

/// An object of the fields `head` writes and one more, `field`, holding
/// `items`, which are already JSON texts; this avoids re-parsing stored
/// entries.
pub fn object_with_array<S: AsRef<str>>(
    head: impl FnOnce(&mut ObjectWriter),
    field: &str,
    items: impl IntoIterator<Item = S>,
) -> String {
    let mut list = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            list.push(',');
        }
        list.push_str(item.as_ref());
    }
    list.push(']');
    let mut out = String::new();
    let mut o = ObjectWriter::new(&mut out);
    head(&mut o);
    o.field(field, &Raw(&list)).end();
    out
}

pub fn encode_part<S: AsRef<str>>(
    version: u32,
    month: Month,
    extra: &Extra,
    entries: impl IntoIterator<Item = S>,
) -> String {
    let month = month.to_string();
    object_with_array(
        |o| {
            o.field("version", &version)
                .field("kind", PART_KIND)
                .field("month", &month)
                .fields(extra);
        },
        "entries",
        entries,
    )
}
