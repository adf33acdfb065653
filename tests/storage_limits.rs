#![cfg(not(target_arch = "wasm32"))]
//! Imports hold backups to the rules every edit is held to (see
//! `engine::limits`): what the app saves restores, what it would never
//! save is refused in plain words, ids never wrap, and a file that is not
//! UTF-8 text is refused rather than misread.

mod storage_support;

use hamstring_rehab::engine::edit::{apply, Edit, EditError};
use hamstring_rehab::engine::limits::{MAX_ID, MAX_NOTE_CHARS};
use hamstring_rehab::engine::model::{EntryKind, Response, Side};
use hamstring_rehab::storage::layout::LEGACY_KEY;
use hamstring_rehab::storage::{parse_backup, ImportError, KeyValue, Notice};
use serde_json::json;
use storage_support::*;

/// Import `text` over a device holding `two_months()`: refused, with the
/// store exactly as it was. Returns the message the user sees.
fn refused(text: &str) -> String {
    let mut log = two_months();
    let (store, mut repo) = saved(&mut log);
    let before = store.snapshot();
    let err = repo.import_text(text).unwrap_err();
    assert_eq!(store.snapshot(), before, "{err:?} left the store as it was");
    assert!(matches!(err, ImportError::Invalid(_)), "{err:?}");
    err.message()
}

#[test]
fn the_issues_id_of_18446744073709551615_is_refused_not_wrapped() {
    let file = backup_of(two_months());
    let huge = edited(&file, &["log", "entries", "3", "id"], json!(u64::MAX));
    assert_eq!(
        refused(&huge),
        "This backup has something the app can't use: entry 18446744073709551615 on \
         2026-11-02 has the number 18446744073709551615, larger than any the app gives. \
         Your current log hasn't changed."
    );
    // Just past the largest id the app gives, and on an entry only a newer
    // app can read: refused all the same.
    let past = edited(&file, &["log", "entries", "3", "id"], json!(MAX_ID + 1));
    assert!(refused(&past).contains("larger than any the app gives"));
    let newer = edited(
        &file,
        &["log", "entries", "3"],
        json!({"id": u64::MAX, "date": "2026-11-02", "type": "hydration"}),
    );
    assert!(refused(&newer).contains("larger than any the app gives"));
}

#[test]
fn at_the_largest_id_the_log_restores_but_new_entries_never_wrap() {
    let file = edited(
        &backup_of(two_months()),
        &["log", "entries", "3", "id"],
        json!(MAX_ID),
    );
    let store = hamstring_rehab::storage::MemoryStore::new();
    let mut repo = hamstring_rehab::storage::Repository::new(store.clone());
    let mut log = repo.import_text(&file).expect("ids up to MAX_ID restore");
    assert_eq!(repo.next_id(&log), None);
    let before = log.clone();
    let err = apply(&mut log, day("2026-11-03"), Edit::Morning { rating: 2 }).unwrap_err();
    assert_eq!(err, EditError::NoIdsLeft);
    assert_eq!(log, before);
    // What it holds still exports to a backup the app restores.
    let (_, again) = repo.export_backup(&log, day("2026-11-03"));
    assert_eq!(parse_backup(again.as_bytes()).unwrap().log(), &log);
}

#[test]
fn a_deleted_entrys_id_is_never_given_to_a_new_one() {
    let mut log = two_months();
    let (store, mut repo) = saved(&mut log);
    let today = day("2026-11-03");
    apply(&mut log, today, Edit::Delete(5)).unwrap();
    repo.save(&mut log).unwrap();
    assert_eq!(repo.next_id(&log), Some(6), "the deleted 5 stays spent");
    // The engine sees only the log, where 5 is free again; the save moves
    // the new entry to a fresh id, so no other tab takes it for the
    // deleted one.
    assert_eq!(apply(&mut log, today, Edit::Morning { rating: 2 }), Ok(5));
    let report = repo.save(&mut log).unwrap();
    assert_eq!(report.renumbered, [(5, 6)]);
    let (_, loaded) = reopen(&store);
    assert_eq!(ids(&loaded.unwrap().entries), [1, 2, 3, 4, 6]);
}

/// `two_months()` with the November session finished today with `note`.
fn finished_with(note: &str) -> Result<hamstring_rehab::engine::model::Log, EditError> {
    let mut log = two_months();
    let today = day("2026-11-03");
    let set = set(10, 0.0, 2);
    let add = Edit::AddSet {
        exercise: "double_leg_bridge".into(),
        side: Side::Both,
        set,
    };
    apply(&mut log, today, add)?;
    let finish = Edit::FinishSession {
        response: Response::Better,
        note: Some(note.into()),
    };
    apply(&mut log, today, finish)?;
    Ok(log)
}

#[test]
fn the_longest_note_the_app_saves_restores_and_a_longer_one_is_refused_on_both_sides() {
    let longest = "ü".repeat(MAX_NOTE_CHARS);
    let log = finished_with(&longest).unwrap();
    let file = backup_of(log.clone());
    assert_eq!(parse_backup(file.as_bytes()).unwrap().log(), &log);
    // The issue's 11,199 characters: the logger refuses them now, and a
    // backup holding them (made by hand, or by an older app) is refused
    // naming the note.
    let long = "x".repeat(11_199);
    assert!(matches!(finished_with(&long), Err(EditError::Invalid(_))));
    let at = log.entries.len() - 1;
    let path = ["log", "entries", &at.to_string(), "note"];
    assert_eq!(
        refused(&edited(&file, &path, json!(long))),
        "This backup has something the app can't use: entry 6 on 2026-11-03 has a note \
         longer than 10,000 characters. Your current log hasn't changed."
    );
}

#[test]
fn a_correction_history_accepted_before_is_refused_on_import_as_on_entry() {
    let mut log = two_months();
    log.entries.push(hamstring_rehab::engine::model::Entry {
        id: 6,
        date: day("2026-11-02"),
        kind: EntryKind::Activity(hamstring_rehab::engine::model::Activity {
            kind: hamstring_rehab::engine::model::ActivityKind::Sitting { hours: 8.0 },
        }),
    });
    let file = backup_of(log);
    let hours = refused(&edited(&file, &["log", "entries", "5", "hours"], json!(25)));
    assert!(hours.contains("entry 6 on 2026-11-02 has a time sitting out of range"));
}

#[test]
fn import_messages_never_show_the_readers_names() {
    let file = backup_of(two_months());
    let cases = [
        (vec!["log", "settings", "affected"], json!("x")),
        (
            vec!["log", "settings", "irritability"],
            json!({"pain_at_rest": false}),
        ),
        (vec!["log", "settings", "goal"], json!(5)),
        (vec!["log", "settings"], json!(null)),
        (vec!["log", "entries"], json!({"not": "a list"})),
        (vec!["log", "entries", "1"], json!({"type": "morning"})),
        (vec!["log", "entries", "1", "date"], json!("1066-10-14")),
        (vec!["log", "entries", "3", "id"], json!(2)),
        (vec!["log", "settings", "pain_ceiling"], json!(9)),
    ];
    for (path, value) in cases {
        let message = refused(&edited(&file, &path, value));
        for internal in ["`", "_", "AffectedSide", "unknown", "field", "{", "\""] {
            assert!(!message.contains(internal), "{path:?}: {message}");
        }
    }
    let message = refused(&edited(&file, &["log", "settings", "affected"], json!("x")));
    assert_eq!(
        message,
        "This backup has something the app can't use: its settings are damaged. \
         Your current log hasn't changed."
    );
}

#[test]
fn a_damaged_entry_of_a_known_kind_is_called_damaged_not_newer() {
    let file = backup_of(two_months());
    let file = edited(&file, &["log", "entries", "1", "rating"], json!("high"));
    let file = edited(
        &file,
        &["log", "entries", "3"],
        json!({"id": 4, "date": "2026-11-02", "type": "hydration", "litres": 2}),
    );
    let backup = parse_backup(file.as_bytes()).expect("kept, not refused");
    assert_eq!(
        (
            backup.preview.damaged_entries,
            backup.preview.unknown_entries
        ),
        (1, 1)
    );
    let summary = backup.preview.summary();
    assert!(
        summary.ends_with("One entry in it is damaged and can't be shown; it is kept as it is."),
        "{summary}"
    );
    let mut log = two_months();
    let (_, mut repo) = saved(&mut log);
    repo.import_backup(&backup).unwrap();
    let notices = repo.notices();
    assert!(notices.contains(&Notice::KeptDamagedEntries { count: 1 }));
    assert!(notices.contains(&Notice::KeptUnknownEntries { count: 1 }));
    let damaged = Notice::KeptDamagedEntries { count: 1 }.message();
    assert!(damaged.contains("damaged") && !damaged.contains("newer"));
}

#[test]
fn a_file_that_is_not_utf8_is_refused_not_read_with_characters_replaced() {
    let file = backup_of(two_months());
    // "bridge" saved by an editor in Latin-1, with é as one byte.
    let at = file.find("bridge").unwrap();
    let mut bytes = file.as_bytes().to_vec();
    bytes.splice(at..at + 6, b"br\xE9dge".iter().copied());
    let err = parse_backup(&bytes).unwrap_err();
    assert_eq!(err, ImportError::NotText);
    assert_eq!(
        err.message(),
        "This file isn't plain text as the app saves its backups, so some of it would be \
         misread. If you edited the backup, save it again as UTF-8 text. Your current log \
         hasn't changed."
    );
    let utf16: Vec<u8> = file.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert!(parse_backup(&[b"\xFF\xFE".as_slice(), &utf16].concat()).is_err());
    // A UTF-8 byte-order mark, as some editors write, is fine.
    let marked = [b"\xEF\xBB\xBF".as_slice(), file.as_bytes()].concat();
    assert_eq!(
        parse_backup(&marked).unwrap().log(),
        parse_backup(file.as_bytes()).unwrap().log()
    );
}

#[test]
fn an_old_log_that_migrates_to_values_out_of_range_is_kept_for_rescue() {
    let v0 = include_str!("fixtures/v0_log.json").replace(r#""rating": 3 }"#, r#""rating": 14 }"#);
    assert!(v0.contains(r#""rating": 14"#));
    let store = hamstring_rehab::storage::MemoryStore::new();
    store.set(LEGACY_KEY, &v0).unwrap();
    let (repo, log) = reopen(&store);
    assert_eq!(log, None);
    let kept: Vec<_> = repo.unreadable().map(|u| u.key.as_str()).collect();
    assert_eq!(kept, [LEGACY_KEY]);
    assert_eq!(store.get(LEGACY_KEY).unwrap().as_deref(), Some(v0.as_str()));
}

#[test]
fn a_note_an_older_app_stored_past_the_limit_is_reported_before_any_restore() {
    let mut log = two_months();
    let EntryKind::Session(s) = &mut log.entries[2].kind else {
        panic!("the October session");
    };
    s.note = Some("x".repeat(11_199));
    let (store, _) = saved(&mut log);
    let (repo, loaded) = reopen(&store);
    let mut loaded = loaded.unwrap();
    let notice = Notice::WouldNotRestore {
        problem: "entry 3 on 2026-10-27 has a note longer than 10,000 characters".into(),
    };
    assert!(repo.notices().contains(&notice), "{:?}", repo.notices());
    assert_eq!(
        notice.message(),
        "A backup of your log wouldn't restore as it is: entry 3 on 2026-10-27 has a note \
         longer than 10,000 characters. Correct it in History or Settings, then export a backup."
    );
    // Shortened in History, the warning goes and the backup restores.
    let mut fixed = loaded.entry(3).unwrap().clone();
    if let EntryKind::Session(s) = &mut fixed.kind {
        s.note = Some("x".repeat(MAX_NOTE_CHARS));
    }
    apply(&mut loaded, day("2026-11-03"), Edit::Replace(fixed)).unwrap();
    let mut repo = repo;
    repo.save(&mut loaded).unwrap();
    assert!(!repo
        .notices()
        .iter()
        .any(|n| matches!(n, Notice::WouldNotRestore { .. })));
    let (_, file) = repo.export_backup(&loaded, day("2026-11-03"));
    assert_eq!(parse_backup(file.as_bytes()).unwrap().log(), &loaded);
}
