//! Backups: everything in one versioned JSON file, and a careful import.
//!
//! A backup is `{"app":"phtrehab","kind":"backup","version":N,
//! "exported":"YYYY-MM-DD","log":{...}}`. Parsing is pure and checks the
//! file against limits before anything is stored, so a wrong, cut-off,
//! newer or hostile file is refused with a plain message and the log on
//! the device stays exactly as it was.

use super::layout::{decode_log, Decoded};
use super::migrate::{migrate, MigrateError};
use crate::engine::model::{ActivityKind, EntryKind, SCHEMA_VERSION};
use crate::json::Value;
use chrono::NaiveDate;

pub const APP: &str = "phtrehab";
/// The largest backup opened. Three years of log are 0.8 MB; 5 MiB is
/// nearly twenty years, and also all that a browser's localStorage holds
/// for one site (about 5 million characters in Chromium, Firefox and
/// Safari), so a larger file could never be restored: better refused at
/// once than after a preview. Reading one this size keeps the page
/// responsive (tests/e2e/hostile-import.test.mjs times it).
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 100_000;
/// Longest string accepted anywhere in a backup, in characters.
pub const MAX_STRING: usize = 10_000;
pub const MAX_NAME: usize = 200;
/// Most fields in any one object: the app writes about ten, and its widest
/// object, the settings, a few dozen.
pub const MAX_FIELDS: usize = 1_000;
/// Far beyond any real session; they only stop absurd files early.
pub const MAX_BLOCKS: usize = 500;
pub const MAX_SETS: usize = 2_000;

pub fn backup_filename(today: NaiveDate) -> String {
    format!("{APP}-backup-{today}.json")
}

/// Wrap the log's JSON text (see `Repository::export_backup`).
pub fn backup_text(log_json: &str, today: NaiveDate) -> String {
    format!(
        r#"{{"app":"{APP}","kind":"backup","version":{SCHEMA_VERSION},"exported":"{today}","log":{log_json}}}"#
    )
}

/// What a backup holds, shown before the user confirms the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub exported: NaiveDate,
    pub version: u32,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub sessions: usize,
    pub sets: usize,
    pub check_ins: usize,
    pub other_entries: usize,
    /// Entries of a newer app version, kept as they are.
    pub unknown_entries: usize,
}

impl Preview {
    pub fn summary(&self) -> String {
        let span = match (self.first, self.last) {
            (Some(a), Some(b)) => format!(", from {a} to {b}"),
            _ => String::new(),
        };
        format!(
            "Backup saved on {}: {} ({}) and {}{span}.",
            self.exported,
            count(self.sessions, "session", "sessions"),
            count(self.sets, "set", "sets"),
            count(self.check_ins, "morning check-in", "morning check-ins"),
        )
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A backup that passed every check, ready to import.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub preview: Preview,
    pub(super) decoded: Decoded,
}

impl Backup {
    pub fn log(&self) -> &crate::engine::model::Log {
        &self.decoded.log
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge,
    NotJson,
    Truncated,
    NotABackup,
    FromNewerVersion {
        found: u32,
    },
    Invalid(String),
    /// The device holds data that could not be read: rescue or discard it
    /// first, so importing never writes over it.
    UnreadableDataFirst,
    /// The device holds data of a newer version: reload first.
    NewerDataStored,
    /// The backup is fine but storing it failed; nothing was changed.
    Storage(super::kv::KvError),
}

impl ImportError {
    pub fn message(&self) -> String {
        self.message_for(true)
    }

    /// The message for a device with a log (`has_log`) or without one (a
    /// first run, or the recovery screen): then there is no current log to
    /// reassure about.
    pub fn message_for(&self, has_log: bool) -> String {
        format!("{} {}", self.reason(), nothing_changed(has_log))
    }

    /// The message when the recovery screen had already removed the
    /// unreadable data (the user downloaded it first) before this import
    /// failed: "nothing has changed" would no longer be true.
    pub fn message_after_removing_unreadable(&self) -> String {
        format!(
            "{} The unreadable data has been removed, as you asked; the file you downloaded still has it.",
            self.reason()
        )
    }

    /// What went wrong, without what it changed.
    fn reason(&self) -> String {
        match self {
            ImportError::TooLarge => {
                "This file is far bigger than any backup the app makes, so it wasn't opened."
                    .to_string()
            }
            ImportError::NotJson | ImportError::NotABackup => format!(
                "This isn't a backup from this app. Look for a file named like {}.",
                backup_filename(NaiveDate::from_ymd_opt(2026, 1, 31).expect("a real date"))
            ),
            ImportError::Truncated => "This backup seems to be cut off; it may not have \
                finished downloading or copying. Try exporting it again."
                .to_string(),
            ImportError::FromNewerVersion { .. } => "This backup was made by a newer version \
                of the app. Reload the page to update, then import it again."
                .to_string(),
            ImportError::Invalid(what) => {
                format!("This backup has something the app can't use: {what}.")
            }
            ImportError::UnreadableDataFirst => "Some saved data on this device couldn't be \
                read. Download it from the recovery screen first, then import."
                .to_string(),
            ImportError::NewerDataStored => "This device holds a log from a newer version of \
                the app. Reload the page to update first."
                .to_string(),
            ImportError::Storage(_) => "The backup is fine, but this device had no room to \
                store it."
                .to_string(),
        }
    }
}

/// What a refused import left as it was: the log, or with none on the
/// device, everything.
pub fn nothing_changed(has_log: bool) -> &'static str {
    if has_log {
        "Your current log hasn't changed."
    } else {
        "Nothing on this device has changed."
    }
}

fn invalid(what: impl Into<String>) -> ImportError {
    ImportError::Invalid(what.into())
}

/// Check a backup file and decode it, without touching any store.
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge);
    }
    check_shape(text)?;
    let value = crate::json::parse(text).map_err(|e| {
        if e.is_eof() {
            ImportError::Truncated
        } else {
            ImportError::NotJson
        }
    })?;
    let Value::Object(mut file) = value else {
        return Err(ImportError::NotABackup);
    };
    if file.get("app").and_then(Value::as_str) != Some(APP)
        || file.get("kind").and_then(Value::as_str) != Some("backup")
    {
        return Err(ImportError::NotABackup);
    }
    let version = file
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(ImportError::NotABackup)?;
    if version > u64::from(SCHEMA_VERSION) {
        let found = u32::try_from(version).unwrap_or(u32::MAX);
        return Err(ImportError::FromNewerVersion { found });
    }
    let exported = file
        .get("exported")
        .and_then(Value::as_str)
        .and_then(crate::engine::json::parse_date)
        .ok_or_else(|| invalid("its date is missing"))?;
    let mut log = file.remove("log").ok_or_else(|| invalid("it has no log"))?;
    check_strings(&log)?;
    let Some(obj) = log.as_object_mut() else {
        return Err(invalid("the log is not readable"));
    };
    if !obj.contains_key("version") {
        obj.insert("version".into(), Value::from(version));
    }
    let doc = migrate(log).map_err(|e| match e {
        MigrateError::FromTheFuture { found } => ImportError::FromNewerVersion { found },
        MigrateError::Malformed(why) => invalid(why),
    })?;
    let decoded = decode_log(doc).map_err(invalid)?;
    check_values(&decoded)?;
    let preview = preview_of(&decoded, exported, version as u32);
    Ok(Backup { preview, decoded })
}

/// The widest shape the app ever writes, generously: a stored document or
/// a backup past any of these is refused before parsing builds a tree for
/// it. The checks after parsing are exact; these only look at the text.
pub const SHAPE: crate::json::shape::Limits = crate::json::shape::Limits {
    depth: crate::json::MAX_DEPTH,
    fields: MAX_FIELDS,
    items: MAX_ENTRIES,
    // A character is at most 12 bytes as written (an escaped surrogate
    // pair), so a longer string is surely over MAX_STRING characters.
    string_bytes: 12 * MAX_STRING,
};

fn check_shape(text: &str) -> Result<(), ImportError> {
    use crate::json::shape::Over;
    crate::json::shape::check(text, &SHAPE).map_err(|over| match over {
        Over::Depth => ImportError::NotJson,
        Over::Fields => invalid("a part with far more fields than the app ever writes"),
        Over::Items => invalid("more entries than a lifetime of rehab"),
        Over::String => invalid("a piece of text far longer than the app ever writes"),
    })
}

/// Bound every string and key, wherever it is, extras and unknown entries
/// included; the parser already bounds the nesting depth.
fn check_strings(value: &Value) -> Result<(), ImportError> {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if s.chars().count() > MAX_STRING => {
                return Err(invalid(
                    "a piece of text far longer than the app ever writes",
                ));
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                if map.len() > MAX_FIELDS {
                    return Err(invalid(
                        "a part with far more fields than the app ever writes",
                    ));
                }
                if map.keys().any(|k| k.len() > MAX_NAME) {
                    return Err(invalid("a field name far longer than the app ever writes"));
                }
                stack.extend(map.values());
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_values(decoded: &Decoded) -> Result<(), ImportError> {
    let log = &decoded.log;
    if log.entries.len() + decoded.kept.len() > MAX_ENTRIES {
        return Err(invalid("more entries than a lifetime of rehab"));
    }
    let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a real date");
    let latest = NaiveDate::from_ymd_opt(2100, 12, 31).expect("a real date");
    let in_range = |d: NaiveDate| (earliest..=latest).contains(&d);
    if !in_range(log.settings.start_date) || log.settings.pain_ceiling > 10 {
        return Err(invalid("settings out of range"));
    }
    let mut ids = crate::sorted::SortedSet::new();
    let kept_ids = decoded.kept.iter().map(|k| (k.id, k.date));
    for (id, date) in log
        .entries
        .iter()
        .map(|e| (e.id, Some(e.date)))
        .chain(kept_ids)
    {
        if !ids.insert(id) {
            return Err(invalid(format!("two entries share the number {id}")));
        }
        if date.is_some_and(|d| !in_range(d)) {
            return Err(invalid(format!("entry {id} has a date out of range")));
        }
    }
    let rating = |r: u8| r <= 10;
    for entry in &log.entries {
        let ok = match &entry.kind {
            EntryKind::Session(s) => {
                s.blocks.len() <= MAX_BLOCKS
                    && s.note
                        .as_ref()
                        .is_none_or(|n| n.chars().count() <= MAX_STRING)
                    && s.blocks.iter().all(|b| {
                        !b.exercise.is_empty()
                            && b.exercise.chars().count() <= MAX_NAME
                            && b.sets.len() <= MAX_SETS
                            && b.sets.iter().all(|set| {
                                rating(set.pain)
                                    && set.effort.is_none_or(rating)
                                    && set.kg.is_finite()
                                    && (0.0..=1000.0).contains(&set.kg)
                            })
                    })
            }
            EntryKind::Morning(m) => rating(m.rating),
            EntryKind::Baseline(b) => rating(b.rating),
            EntryKind::Activity(a) => match &a.kind {
                ActivityKind::Run { km, .. } => km.is_finite() && (0.0..=1000.0).contains(km),
                ActivityKind::Sitting { hours } => {
                    hours.is_finite() && (0.0..=24.0).contains(hours)
                }
                _ => true,
            },
            _ => true,
        };
        if !ok {
            return Err(invalid(format!(
                "entry {} on {} has values out of range",
                entry.id, entry.date
            )));
        }
    }
    Ok(())
}

fn preview_of(decoded: &Decoded, exported: NaiveDate, version: u32) -> Preview {
    let log = &decoded.log;
    let mut p = Preview {
        exported,
        version,
        first: log.entries.iter().map(|e| e.date).min(),
        last: log.entries.iter().map(|e| e.date).max(),
        sessions: 0,
        sets: 0,
        check_ins: 0,
        other_entries: 0,
        unknown_entries: decoded.kept.len(),
    };
    for entry in &log.entries {
        match &entry.kind {
            EntryKind::Session(s) => {
                p.sessions += 1;
                p.sets += s.blocks.iter().map(|b| b.sets.len()).sum::<usize>();
            }
            EntryKind::Morning(_) => p.check_ins += 1,
            _ => p.other_entries += 1,
        }
    }
    p
}
