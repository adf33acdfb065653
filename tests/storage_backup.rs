#![cfg(not(target_arch = "wasm32"))]
//! Backups and CSV: export, preview, and import that refuses every bad file
//! without touching the stored log. The durability rules (reminders,
//! persistence, notices) are in `storage_durability.rs`.

mod storage_support;

use hamstring_rehab::engine::model::{EntryKind, Log};
use hamstring_rehab::storage::durability::vanished_at_start;
use hamstring_rehab::storage::{
    checkins_csv, csv_filename, parse_backup, sessions_csv, ImportError, KeyValue, KvError,
    MemoryStore, Notice, Repository,
};
use serde_json::{json, Value};
use storage_support::*;

fn stored_repo(mut log: Log) -> (MemoryStore, Repository<MemoryStore>, Log) {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    repo.save(&mut log).unwrap();
    store.take_writes();
    (store, repo, log)
}

fn backup_of(log: Log) -> String {
    let (_, repo, log) = stored_repo(log);
    repo.export_backup(&log, day("2026-11-03")).1
}

#[test]
fn a_backup_is_one_dated_versioned_file() {
    let (_, repo, log) = stored_repo(two_months());
    let (name, json) = repo.export_backup(&log, day("2026-11-03"));
    assert_eq!(name, "phtrehab-backup-2026-11-03.json");
    let file: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(file["app"], "phtrehab");
    assert_eq!(file["kind"], "backup");
    assert_eq!(file["version"], 1);
    assert_eq!(file["exported"], "2026-11-03");
    assert_eq!(file["log"]["entries"].as_array().unwrap().len(), 5);
}

#[test]
fn the_preview_says_what_a_backup_holds() {
    let backup = parse_backup(backup_of(two_months()).as_bytes()).unwrap();
    let p = &backup.preview;
    assert_eq!(
        (p.sessions, p.sets, p.check_ins, p.other_entries),
        (2, 3, 2, 1)
    );
    assert_eq!(
        (p.first, p.last),
        (Some(day("2026-10-26")), Some(day("2026-11-02")))
    );
    assert_eq!(
        p.summary(),
        "Backup saved on 2026-11-03: 2 sessions (3 sets) and 2 morning check-ins, \
         from 2026-10-26 to 2026-11-02."
    );
}

#[test]
fn the_preview_of_a_short_backup_reads_in_the_singular() {
    let mut log = new_log("2026-10-26");
    log.entries.push(morning(2, "2026-10-27", 3));
    log.entries
        .push(session(3, "2026-10-27", vec![set(12, 0.0, 2)]));
    let backup = parse_backup(backup_of(log).as_bytes()).unwrap();
    assert_eq!(
        backup.preview.summary(),
        "Backup saved on 2026-11-03: 1 session (1 set) and 1 morning check-in, \
         from 2026-10-26 to 2026-10-27."
    );
}

#[test]
fn restoring_a_backup_after_data_vanished_clears_the_warning() {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    assert_eq!(repo.load().unwrap(), None);
    // What the browser shell pins when a marker says this device had a log.
    repo.pin_notice(vanished_at_start(false, true).unwrap());
    repo.pin_notice(Notice::InMemoryOnly);
    repo.import_text(&backup_of(two_months())).unwrap();
    assert_eq!(repo.notices(), vec![Notice::InMemoryOnly]);
}

#[test]
fn a_vanished_notice_pinned_at_start_goes_once_dismissed() {
    let mut repo = Repository::new(MemoryStore::new());
    repo.pin_notice(vanished_at_start(false, true).unwrap());
    assert_eq!(repo.notices().len(), 1);
    repo.dismiss_vanished();
    assert_eq!(repo.notices(), vec![]);
}

#[test]
fn importing_a_backup_replaces_the_log_and_drops_months_it_does_not_have() {
    let json = backup_of(two_months());
    let mut other = new_log("2026-12-01");
    other.entries.push(morning(2, "2026-12-02", 5));
    let (store, mut repo, _) = stored_repo(other);
    let imported = repo.import_text(&json).unwrap();
    assert_eq!(imported, two_months());
    assert_eq!(
        Repository::new(store.clone()).load().unwrap(),
        Some(two_months())
    );
    assert_eq!(store.get("phtrehab:entries:2026-12").unwrap(), None);
}

#[test]
fn a_v0_backup_is_migrated_on_import() {
    let v0: Value = serde_json::from_str(include_str!("fixtures/v0_log.json")).unwrap();
    let file = json!({"app": "phtrehab", "kind": "backup", "version": 0, "exported": "2026-03-07", "log": v0});
    let backup = parse_backup(file.to_string().as_bytes()).unwrap();
    assert_eq!(backup.preview.version, 0);
    assert_eq!(
        (backup.preview.sessions, backup.preview.unknown_entries),
        (1, 1)
    );
    assert!(matches!(
        backup.log().entries[0].kind,
        EntryKind::Baseline(_)
    ));
}

fn refused(text: &str) -> ImportError {
    let (store, mut repo, log) = stored_repo(two_months());
    let before = store.snapshot();
    let err = repo.import_text(text).unwrap_err();
    assert_eq!(store.snapshot(), before, "{err:?} left the store as it was");
    assert_eq!(Repository::new(store.clone()).load().unwrap(), Some(log));
    let message = err.message();
    assert!(
        message.ends_with("Your current log hasn't changed."),
        "{message}"
    );
    // With no log on the device (unreadable data removed), it says so.
    let message = err.message_for(false);
    assert!(
        message.ends_with("Nothing on this device has changed.")
            && !message.contains("current log"),
        "{message}"
    );
    // The recovery screen removed unreadable data before the import
    // failed: it must not claim nothing changed.
    let message = err.message_after_removing_unreadable();
    assert!(
        message.contains("The unreadable data has been removed") && !message.contains("changed"),
        "{message}"
    );
    err
}

fn with(mut file: Value, path: &[&str], value: Value) -> String {
    let mut at = &mut file;
    for key in &path[..path.len() - 1] {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    at[path[path.len() - 1]] = value;
    file.to_string()
}

#[test]
fn files_that_are_not_backups_are_refused_plainly() {
    assert_eq!(
        refused("date,exercise\n2026-11-02,bridge\n"),
        ImportError::NotJson
    );
    assert_eq!(refused("[1, 2, 3]"), ImportError::NotABackup);
    assert_eq!(
        refused(r#"{"app":"other","kind":"backup","version":1}"#),
        ImportError::NotABackup
    );
    assert_eq!(
        refused(r#"{"app":"phtrehab","kind":"rescue"}"#),
        ImportError::NotABackup
    );
    assert_eq!(refused(""), ImportError::Truncated);
    assert!(refused("\u{89}PNG\r\n")
        .message()
        .contains("isn't a backup"));
}

#[test]
fn a_cut_off_backup_is_refused_as_cut_off() {
    let json = backup_of(two_months());
    for len in [json.len() / 3, json.len() / 2, json.len() - 1] {
        assert_eq!(refused(&json[..len]), ImportError::Truncated);
    }
}

#[test]
fn a_backup_from_a_newer_version_is_refused() {
    let file: Value = serde_json::from_str(&backup_of(two_months())).unwrap();
    let err = refused(&with(file.clone(), &["version"], json!(2)));
    assert_eq!(err, ImportError::FromNewerVersion { found: 2 });
    assert!(err.message().contains("newer version"));
    let err = refused(&with(file, &["log", "version"], json!(5)));
    assert_eq!(err, ImportError::FromNewerVersion { found: 5 });
}

#[test]
fn hostile_or_impossible_content_is_refused() {
    let file: Value = serde_json::from_str(&backup_of(two_months())).unwrap();
    let cases = [
        (vec!["log", "entries", "1", "rating"], json!(14)),
        (
            vec!["log", "entries", "2", "blocks", "0", "sets", "0", "pain"],
            json!(11),
        ),
        (
            vec!["log", "entries", "2", "blocks", "0", "sets", "0", "kg"],
            json!(1e9),
        ),
        (
            vec!["log", "entries", "2", "blocks", "0", "ex"],
            json!("x".repeat(500)),
        ),
        (
            vec!["log", "entries", "2", "note"],
            json!("x".repeat(20_000)),
        ),
        (vec!["log", "entries", "3", "id"], json!(2)),
        (vec!["log", "entries", "3", "date"], json!("1066-10-14")),
        (vec!["log", "settings", "pain_ceiling"], json!(200)),
        (vec!["log", "entries", "1", "id"], json!("two")),
        (vec!["log", "entries"], json!({"not": "a list"})),
        (vec!["log", "settings"], json!(null)),
        (vec!["exported"], json!("yesterday")),
        (vec!["log"], json!("everything")),
    ];
    for (path, value) in cases {
        let err = refused(&with(file.clone(), &path, value));
        assert!(matches!(err, ImportError::Invalid(_)), "{path:?}: {err:?}");
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let nested = refused(
        &with(file.clone(), &["log", "x"], json!(0)).replace("\"x\":0", &format!("\"x\":{deep}")),
    );
    assert_eq!(
        nested,
        ImportError::NotJson,
        "nesting is bounded by the parser"
    );
    let huge = " ".repeat(11 * 1024 * 1024);
    assert_eq!(refused(&huge), ImportError::TooLarge);
}

#[test]
fn an_object_with_more_fields_than_the_app_writes_is_refused() {
    let file: Value = serde_json::from_str(&backup_of(two_months())).unwrap();
    let mut wide = serde_json::Map::new();
    for i in 0..=hamstring_rehab::storage::backup::MAX_FIELDS {
        wide.insert(format!("x{i}"), json!(i));
    }
    let err = refused(&with(
        file.clone(),
        &["log", "entries", "1", "x"],
        Value::Object(wide),
    ));
    assert_eq!(
        err,
        ImportError::Invalid("a part with far more fields than the app ever writes".into())
    );
    // Just under the limit it is read, the field kept as unknown.
    let mut fine = serde_json::Map::new();
    for i in 0..hamstring_rehab::storage::backup::MAX_FIELDS - 10 {
        fine.insert(format!("x{i}"), json!(i));
    }
    let text = with(file, &["log", "entries", "1", "x"], Value::Object(fine));
    assert!(hamstring_rehab::storage::parse_backup(text.as_bytes()).is_ok());
}

#[test]
fn importing_over_unreadable_data_waits_until_it_is_rescued() {
    let json = backup_of(two_months());
    let (store, _, _) = stored_repo(new_log("2026-12-01"));
    store.set("phtrehab:entries:2026-12", "{garbled").unwrap();
    let mut repo = Repository::new(store.clone());
    repo.load().unwrap();
    let before = store.snapshot();
    assert_eq!(
        repo.import_text(&json),
        Err(ImportError::UnreadableDataFirst)
    );
    assert_eq!(store.snapshot(), before);
    repo.discard_unreadable().unwrap();
    assert!(repo.import_text(&json).is_ok());
}

#[test]
fn an_import_that_does_not_fit_puts_every_key_back() {
    let big = backup_of(synthetic_log(120));
    let (store, mut repo, _) = stored_repo(two_months());
    let before = store.snapshot();
    store.set_quota(Some(store.used() + big.len() / 2));
    assert_eq!(
        repo.import_text(&big),
        Err(ImportError::Storage(KvError::QuotaExceeded))
    );
    assert_eq!(store.snapshot(), before);
    let mut log = two_months();
    log.entries.push(morning(6, "2026-11-03", 1));
    repo.save(&mut log).unwrap();
}

#[test]
fn recording_a_backup_stores_its_date_in_the_index() {
    let (store, mut repo, mut log) = stored_repo(two_months());
    repo.record_backup(day("2026-11-03"));
    repo.save(&mut log).unwrap();
    assert_eq!(store.take_writes(), ["phtrehab:meta"]);
    let mut again = Repository::new(store.clone());
    again.load().unwrap();
    assert_eq!(again.last_backup(), Some(day("2026-11-03")));
}

#[test]
fn sessions_export_as_one_csv_row_per_set() {
    let mut log = two_months();
    if let EntryKind::Session(s) = &mut log.entries[4].kind {
        s.blocks[0].exercise = "split, \"squat\"".into();
    }
    let csv = sessions_csv(&log);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "date,exercise,side,set,reps_or_seconds,kg,pain,effort,response"
    );
    assert_eq!(lines[1], "2026-10-27,bridge,left,1,12,0,2,,");
    assert_eq!(lines[2], "2026-10-27,bridge,left,2,12,0,3,,");
    assert_eq!(
        lines[3],
        "2026-11-02,\"split, \"\"squat\"\"\",left,1,10,8,2,,"
    );
    assert_eq!(
        lines.len(),
        5,
        "three sets, a header and the final line end"
    );
}

#[test]
fn check_ins_export_with_the_baseline_in_force_that_day() {
    let csv = checkins_csv(&two_months());
    assert_eq!(
        csv,
        "date,rating,baseline_test,baseline_rating\r\n\
         2026-10-27,3,bridge,3\r\n\
         2026-11-02,2,bridge,3\r\n"
    );
    assert_eq!(
        csv_filename("check-ins", day("2026-11-03")),
        "phtrehab-check-ins-2026-11-03.csv"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_defused() {
    use hamstring_rehab::storage::csv::cell_text;
    assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(cell_text("+1"), "'+1");
    assert_eq!(cell_text("line\nbreak"), "\"line\nbreak\"");
    assert_eq!(cell_text("bridge"), "bridge");
}

#[test]
fn three_years_of_the_engines_simulated_use_round_trip_through_a_backup() {
    let log = hamstring_rehab::engine::synthetic::three_year_log();
    let (_, repo, log) = stored_repo(log);
    let (_, json) = repo.export_backup(&log, day("2027-01-06"));
    let backup = parse_backup(json.as_bytes()).expect("a real log always makes a valid backup");
    assert_eq!(backup.log(), &log);
    assert!(backup.preview.sets > 10_000);
}
