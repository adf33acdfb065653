//! Backups: everything in one versioned JSON file, and a careful import.
//!
//! A backup is `{"app":"phtrehab","kind":"backup","version":N,
//! "exported":"YYYY-MM-DD","log":{...}}`. Parsing is pure and checks the
//! file against limits before anything is stored, so a wrong, cut-off,
//! newer or hostile file is refused with a plain message and the log on
//! the device stays exactly as it was.

use super::layout::{decode_log, Decoded};
use super::migrate::{migrate, MigrateError};
use crate::engine::limits::{check_json, check_log};
use crate::engine::model::{EntryKind, SCHEMA_VERSION};
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
// What a backup may hold is what the app may store: one set of rules.
pub use crate::engine::limits::{
    MAX_BLOCKS, MAX_ENTRIES, MAX_NAME_CHARS as MAX_NAME, MAX_SETS, MAX_TEXT_CHARS as MAX_STRING,
};
/// Most fields in any one object: the app writes about ten, and its widest
/// object, the settings, a few dozen.
pub const MAX_FIELDS: usize = 1_000;

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
    /// Entries of a kind only a newer app version knows, kept as they are.
    pub unknown_entries: usize,
    /// Entries of a kind this app knows that it cannot read: damaged, or
    /// changed by hand. Kept as they are, never dropped.
    pub damaged_entries: usize,
}

impl Preview {
    pub fn summary(&self) -> String {
        let span = match (self.first, self.last) {
            (Some(a), Some(b)) => format!(", from {a} to {b}"),
            _ => String::new(),
        };
        let mut out = format!(
            "Backup saved on {}: {} ({}) and {}{span}.",
            self.exported,
            count(self.sessions, "session", "sessions"),
            count(self.sets, "set", "sets"),
            count(self.check_ins, "morning check-in", "morning check-ins"),
        );
        match self.damaged_entries {
            0 => {}
            1 => {
                out.push_str(" One entry in it is damaged and can't be shown; it is kept as it is.")
            }
            n => out.push_str(&format!(
                " {n} entries in it are damaged and can't be shown; they are kept as they are."
            )),
        }
        out
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
    /// Not UTF-8 text, as every backup the app writes is: refused rather
    /// than read with characters replaced.
    NotText,
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
            ImportError::NotText => "This file isn't plain text as the app saves its \
                backups, so some of it would be misread. If you edited the backup, save it \
                again as UTF-8 text."
                .to_string(),
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

/// Check a backup file, as the bytes read from disk, and decode it,
/// without touching any store. Bytes, not text: a file that is not UTF-8
/// is refused, never read with characters replaced.
pub fn parse_backup(bytes: &[u8]) -> Result<Backup, ImportError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge);
    }
    // Some editors start UTF-8 files with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
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
    let decoded = decode_log(doc.clone()).map_err(|e| invalid(e.plain()))?;
    let kept = decoded.kept.iter().map(|k| (k.id, k.date));
    check_log(&decoded.log, kept).map_err(|p| invalid(p.words()))?;
    // After the typed rules, which name the field ("a note longer than…"):
    // this catches text the model does not know, in fields from newer
    // apps and in entries kept unread.
    check_json(&doc).map_err(|e| invalid(format!("the log has {}", e.phrase())))?;
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
        unknown_entries: 0,
        damaged_entries: 0,
    };
    for k in &decoded.kept {
        if k.is_damaged() {
            p.damaged_entries += 1;
        } else {
            p.unknown_entries += 1;
        }
    }
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
