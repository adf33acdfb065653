#![cfg(not(target_arch = "wasm32"))]
//! The durability rules: when to remind about a backup, when to ask the
//! browser to keep the data, a store found empty where the device had data,
//! the usage line, and every notice's message and order.

mod storage_support;

use hamstring_rehab::storage::durability::{
    backup_due, should_request_persistence, usage_text, vanished_at_start,
};
use hamstring_rehab::storage::{Level, Notice};
use storage_support::*;

#[test]
fn a_backup_reminder_comes_two_weeks_after_the_last_backup() {
    let log = two_months();
    assert_eq!(
        backup_due(&log, Some(day("2026-11-01")), day("2026-11-14")),
        None
    );
    let due = backup_due(&log, Some(day("2026-11-01")), day("2026-11-15")).unwrap();
    assert_eq!(
        due,
        Notice::BackupDue {
            last: Some(day("2026-11-01"))
        }
    );
    assert!(due.message().contains("2026-11-01") && due.offers_export());
    // Never backed up: two weeks after the first entry.
    assert_eq!(backup_due(&log, None, day("2026-11-08")), None);
    assert!(backup_due(&log, None, day("2026-11-09")).is_some());
    // Nothing but onboarding yet: nothing to lose.
    assert_eq!(
        backup_due(&new_log("2026-01-01"), None, day("2026-12-01")),
        None
    );
}

#[test]
fn persistence_is_asked_for_once_there_is_data() {
    assert!(!should_request_persistence(&new_log("2026-11-01"), false));
    assert!(should_request_persistence(&two_months(), false));
    assert!(!should_request_persistence(&two_months(), true));
}

#[test]
fn a_store_found_empty_where_the_device_had_data_is_reported() {
    assert_eq!(vanished_at_start(true, true), None);
    assert_eq!(vanished_at_start(false, false), None);
    let notice = vanished_at_start(false, true).unwrap();
    assert_eq!(notice.level(), Level::Warning);
    assert!(notice.message().contains("backup"));
}

#[test]
fn the_usage_line_reads_plainly() {
    assert_eq!(
        usage_text(300 * 1024, Some(true)),
        "Your log uses 300 KB of this device's storage (browsers allow about 5 MB for it). \
         The browser has agreed to keep it."
    );
}

#[test]
fn every_notice_has_a_message_and_the_blocking_ones_come_first() {
    let notices = [
        Notice::Unreadable {
            keys: vec!["phtrehab:meta".into()],
            whole_log: true,
        },
        Notice::Unreadable {
            keys: vec!["phtrehab:entries:2026-11".into()],
            whole_log: false,
        },
        Notice::NewerVersion { found: 2 },
        Notice::QuotaExceeded,
        Notice::SaveFailed,
        Notice::InMemoryOnly,
        Notice::DataVanished {
            months: vec![],
            kept_in_memory: true,
        },
        Notice::DataVanished {
            months: vec!["2026-10".into()],
            kept_in_memory: false,
        },
        Notice::KeptUnknownEntries { count: 2 },
        Notice::BackupDue { last: None },
        Notice::KeptDamagedEntries { count: 1 },
        Notice::KeptDamagedEntries { count: 3 },
        Notice::WouldNotRestore {
            problem: "entry 4 on 2026-11-02 has a pain rating out of range".into(),
        },
    ];
    for n in &notices {
        let m = n.message();
        assert!(m.len() > 40 && m.ends_with('.'), "{n:?}: {m}");
    }
    assert_eq!(notices[0].level(), Level::Blocking);
    assert_eq!(notices[2].level(), Level::Blocking);
    assert_eq!(notices[3].level(), Level::Warning);
    assert_eq!(notices[9].level(), Level::Info);
    assert_eq!(notices[10].level(), Level::Info);
    assert_eq!(notices[12].level(), Level::Warning);
}
