//! What the storage layer needs the user to know, in the app's own words.
//!
//! The UI shows [`Notice::message`] as is; [`Notice::level`] says how loudly.

use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Worth a quiet line.
    Info,
    /// A banner: the app works, but data is at risk until the user acts.
    Warning,
    /// The recovery screen: the log cannot be shown or saved as it is.
    Blocking,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Stored data this build cannot decode. It is kept exactly as it was,
    /// never written over, and offered as a download
    /// ([`super::Repository::rescue_file`]). `whole_log` when the index is
    /// among it, so there is no log to show at all.
    Unreadable { keys: Vec<String>, whole_log: bool },
    /// The store was written by a newer version of the app (in this or
    /// another tab). Nothing is written until the page is reloaded.
    NewerVersion { found: u32 },
    /// The last save did not fit: changes live in memory only.
    QuotaExceeded,
    /// Storage refused access while saving: changes live in memory only.
    SaveFailed,
    /// The browser gives no usable storage at all: the app runs in memory.
    InMemoryOnly,
    /// Data the app knows was there has gone. `months` lists missing parts;
    /// empty means everything. `kept_in_memory` when this page still holds
    /// the log and will save it again.
    DataVanished {
        months: Vec<String>,
        kept_in_memory: bool,
    },
    /// Entries written by a newer version of the app, kept untouched.
    KeptUnknownEntries { count: usize },
    /// Entries of a kind this build knows that it cannot read (damaged, or
    /// changed by hand), kept untouched and in every backup.
    KeptDamagedEntries { count: usize },
    /// Stored data breaks the rules a backup is held to (an older version
    /// of the app let it in), so a backup of it would not restore.
    /// `problem` says where, in words.
    WouldNotRestore { problem: String },
    /// The last backup is old (or there has never been one).
    BackupDue { last: Option<NaiveDate> },
}

impl Notice {
    pub fn level(&self) -> Level {
        match self {
            Notice::Unreadable {
                whole_log: true, ..
            }
            | Notice::NewerVersion { .. } => Level::Blocking,
            Notice::Unreadable { .. }
            | Notice::QuotaExceeded
            | Notice::SaveFailed
            | Notice::InMemoryOnly
            | Notice::DataVanished { .. }
            | Notice::WouldNotRestore { .. } => Level::Warning,
            Notice::KeptUnknownEntries { .. }
            | Notice::KeptDamagedEntries { .. }
            | Notice::BackupDue { .. } => Level::Info,
        }
    }

    /// Whether the screen should offer "Export a backup" right there.
    pub fn offers_export(&self) -> bool {
        matches!(
            self,
            Notice::QuotaExceeded
                | Notice::SaveFailed
                | Notice::InMemoryOnly
                | Notice::BackupDue { .. }
                | Notice::DataVanished {
                    kept_in_memory: true,
                    ..
                }
        )
    }

    pub fn message(&self) -> String {
        match self {
            Notice::Unreadable {
                whole_log: true, ..
            } => "Your saved log couldn't be read. \
                Nothing has been deleted or changed. Download the saved data so it can be \
                rescued, then restore a backup if you have one."
                .into(),
            Notice::Unreadable { keys, .. } => format!(
                "Part of your saved log couldn't be read ({}). It is kept exactly as it was \
                 and won't be written over. Download it so it can be rescued.",
                keys.join(", ")
            ),
            Notice::NewerVersion { .. } => "Your log was saved by a newer version of this app. \
                Reload the page to update; nothing has been changed."
                .into(),
            Notice::QuotaExceeded => "This device's storage for the app is full, so your \
                latest changes are only kept while this page stays open. Export a backup now."
                .into(),
            Notice::SaveFailed => "The browser stopped the app from saving, so your latest \
                changes are only kept while this page stays open. Export a backup now."
                .into(),
            Notice::InMemoryOnly => "This browser isn't letting the app save anything \
                (private browsing or a strict setting). What you enter lasts until you close \
                this page, so export a backup before you go."
                .into(),
            Notice::DataVanished {
                kept_in_memory: true,
                ..
            } => "Your saved log was cleared from this device, but this page still had it \
                and has saved it again. Export a backup to be safe."
                .into(),
            Notice::DataVanished { months, .. } if months.is_empty() => "Your saved log \
                seems to have been cleared by the browser. If you have a backup file, \
                restore it now."
                .into(),
            Notice::DataVanished { months, .. } => format!(
                "Some of your log is missing from this device ({}). If you have a backup \
                 file, restore it now.",
                months.join(", ")
            ),
            Notice::KeptUnknownEntries { count } => format!(
                "{count} entries were made by a newer version of the app. They are kept \
                 safely, but this version can't show them."
            ),
            Notice::KeptDamagedEntries { count: 1 } => "One entry in your log is damaged, \
                so the app can't show it. It is kept as it is, and goes into your backups."
                .into(),
            Notice::KeptDamagedEntries { count } => format!(
                "{count} entries in your log are damaged, so the app can't show them. They are \
                 kept as they are, and go into your backups."
            ),
            Notice::WouldNotRestore { problem } => format!(
                "A backup of your log wouldn't restore as it is: {problem}. Correct it in \
                 History or Settings, then export a backup."
            ),
            Notice::BackupDue { last: None } => "You haven't saved a backup yet. Export one \
                and keep it somewhere safe: browsers can clear app data."
                .into(),
            Notice::BackupDue { last: Some(date) } => format!(
                "Your last backup is from {date}. Export a fresh one and keep it somewhere safe."
            ),
        }
    }
}
