#![cfg(not(target_arch = "wasm32"))]
//! Unknown fields survive: a store written by a newer app (fixture) goes
//! through a load, an edit elsewhere in the same month, a save and a backup,
//! and keeps every field and entry this build does not understand.

mod storage_support;

use hamstring_rehab::engine::model::EntryKind;
use hamstring_rehab::storage::{parse_backup, KeyValue, MemoryStore, Notice, Repository};
use serde_json::{json, Value};
use storage_support::*;

const NEWER: &str = include_str!("fixtures/v1_store_from_newer_app.json");

fn newer_store() -> MemoryStore {
    let store = MemoryStore::new();
    let docs: serde_json::Map<String, Value> = serde_json::from_str(NEWER).unwrap();
    for (key, doc) in docs {
        store.set(&key, &doc.to_string()).unwrap();
    }
    store.take_writes();
    store
}

fn stored(store: &MemoryStore, key: &str) -> Value {
    serde_json::from_str(&store.get(key).unwrap().unwrap()).unwrap()
}

fn assert_everything_unknown_is_there(meta: &Value, entries: &[Value]) {
    assert_eq!(meta["settings"]["units"], "lb");
    assert_eq!(meta["log_extra"]["program"], "v2-beta");
    assert_eq!(meta["sync"]["device"], "phone-7");
    let by_id = |id: u64| entries.iter().find(|e| e["id"] == id).unwrap().clone();
    let session = by_id(2);
    assert_eq!(session["rpe_scale"], "modified");
    assert_eq!(session["blocks"][0]["tempo"], "3-1-3");
    assert_eq!(session["blocks"][0]["sets"][0]["rir"], 2);
    assert_eq!(by_id(3)["surface"], "trail");
    assert_eq!(
        by_id(4),
        json!({"id": 4, "date": "2026-10-08", "type": "sleep", "hours": 7.5})
    );
}

#[test]
fn a_newer_apps_store_loads_with_its_unknown_entry_set_aside() {
    let mut repo = Repository::new(newer_store());
    let log = repo.load().unwrap().unwrap();
    assert_eq!(
        log.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        [1, 2, 3, 5]
    );
    assert_eq!(log.extra["program"], "v2-beta");
    assert_eq!(log.settings.extra["units"], "lb");
    assert_eq!(repo.last_backup(), Some(day("2026-10-20")));
    assert_eq!(
        repo.notices(),
        vec![Notice::KeptUnknownEntries { count: 1 }]
    );
    assert_eq!(repo.next_id(&log), Some(6));
}

#[test]
fn saving_after_an_edit_in_the_same_month_keeps_every_unknown_field() {
    let store = newer_store();
    let mut repo = Repository::new(store.clone());
    let mut log = repo.load().unwrap().unwrap();
    // The same month gets a new rating and a note on another session.
    if let EntryKind::Session(s) = &mut log.entries.iter_mut().find(|e| e.id == 5).unwrap().kind {
        s.note = Some("tight after sitting".into());
    }
    log.entries.push(morning(6, "2026-10-10", 2));
    repo.save(&mut log).unwrap();
    assert_eq!(
        store.take_writes(),
        ["phtrehab:entries:2026-10", "phtrehab:meta"]
    );

    let part = stored(&store, "phtrehab:entries:2026-10");
    assert_eq!(part["checksum"], "9f2c");
    let entries = part["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 6);
    assert_everything_unknown_is_there(&stored(&store, "phtrehab:meta"), entries);
}

#[test]
fn a_backup_carries_every_unknown_field_and_entry_across_devices() {
    let mut repo = Repository::new(newer_store());
    let log = repo.load().unwrap().unwrap();
    let (_, json) = repo.export_backup(&log, day("2026-10-21"));
    let file: Value = serde_json::from_str(&json).unwrap();
    let entries = file["log"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    assert_eq!(file["log"]["program"], "v2-beta");
    assert_eq!(file["log"]["settings"]["units"], "lb");

    let backup = parse_backup(json.as_bytes()).unwrap();
    assert_eq!(backup.preview.unknown_entries, 1);
    let other_device = MemoryStore::new();
    let mut other = Repository::new(other_device.clone());
    other.import_backup(&backup).unwrap();
    let part = stored(&other_device, "phtrehab:entries:2026-10");
    let mut meta = stored(&other_device, "phtrehab:meta");
    // Index-level extras belong to a device, not to the log.
    meta["sync"] = json!({"device": "phone-7"});
    assert_everything_unknown_is_there(&meta, part["entries"].as_array().unwrap());
}
