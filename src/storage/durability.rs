//! Pure rules for keeping data alive on phones: when to remind about a
//! backup, when to ask for persistent storage, how to say what is used.
//! The browser calls that feed them live in `browser.rs`.

use super::notice::Notice;
use crate::engine::model::{EntryKind, Log};
use chrono::NaiveDate;

/// Browsers may clear site data after about a week unused (Safari) or
/// under storage pressure; a backup two weeks old bounds the loss.
pub const BACKUP_REMINDER_DAYS: i64 = 14;

/// "Remind me in a week": how long the backup reminder can be put off.
pub const BACKUP_PUT_OFF_DAYS: u64 = 7;

/// Whether the log holds anything beyond what onboarding wrote.
pub fn has_user_data(log: &Log) -> bool {
    log.entries
        .iter()
        .any(|e| !matches!(e.kind, EntryKind::Baseline(_)))
}

/// Due when there is data and the last backup (or, with none, the first
/// entry) is at least [`BACKUP_REMINDER_DAYS`] old.
pub fn backup_due(log: &Log, last_backup: Option<NaiveDate>, today: NaiveDate) -> Option<Notice> {
    if !has_user_data(log) {
        return None;
    }
    let since = last_backup.or_else(|| log.entries.iter().map(|e| e.date).min())?;
    ((today - since).num_days() >= BACKUP_REMINDER_DAYS)
        .then_some(Notice::BackupDue { last: last_backup })
}

/// Ask for persistent storage once there is something worth keeping, and
/// only once: browsers may prompt, and the answer rarely changes.
pub fn should_request_persistence(log: &Log, already_asked: bool) -> bool {
    !already_asked && has_user_data(log)
}

/// At start-up: the store has no log, yet a marker kept outside it (see
/// `browser::had_data_marker`) says this device had one.
pub fn vanished_at_start(log_loaded: bool, marker_says_data: bool) -> Option<Notice> {
    (!log_loaded && marker_says_data).then_some(Notice::DataVanished {
        months: Vec::new(),
        kept_in_memory: false,
    })
}

/// "Your log uses 312 KB…", from the repository's count (UTF-16 code units
/// of keys and values, which is what localStorage limits) and, when the
/// browser tells, its estimate for the whole site.
pub fn usage_text(log_units: usize, persisted: Option<bool>) -> String {
    let kb = log_units.div_ceil(1024);
    let limit = "browsers allow about 5 MB for it";
    let kept = match persisted {
        Some(true) => " The browser has agreed to keep it.",
        Some(false) => " The browser may clear it if space runs low, so keep backups.",
        None => "",
    };
    format!("Your log uses {kb} KB of this device's storage ({limit}).{kept}")
}
