#![cfg(not(target_arch = "wasm32"))]
//! Migrations: each step tested from a fixture of the older format, and the
//! v0 single-document store migrated in place without losing anything.

mod storage_support;

use hamstring_rehab::engine::model::{
    AffectedSide, Block, EntryKind, Log, SelfTest, Side, SCHEMA_VERSION,
};
use hamstring_rehab::json::{self as hj, Value};
use hamstring_rehab::storage::layout::decode_log;
use hamstring_rehab::storage::migrate::{migrate, version_of, MigrateError, MIGRATIONS};
use hamstring_rehab::storage::{KeyValue, MemoryStore, Notice, Repository};
use serde_json::json;

/// A serde_json value as the app's own.
fn j(v: serde_json::Value) -> Value {
    hj::parse(&v.to_string()).unwrap()
}
use storage_support::*;

const V0: &str = include_str!("fixtures/v0_log.json");
const LEGACY: &str = "phtrehab:log";

fn v0() -> Value {
    hj::parse(V0).unwrap()
}

#[test]
fn migrations_run_in_order_up_to_the_current_version() {
    let froms: Vec<u32> = MIGRATIONS.iter().map(|m| m.from).collect();
    assert_eq!(froms, (0..SCHEMA_VERSION).collect::<Vec<_>>());
    assert!(MIGRATIONS.iter().all(|m| !m.what.is_empty()));
}

#[test]
fn a_document_without_a_version_is_the_v0_prototype() {
    assert_eq!(version_of(&v0()), Ok(0));
    assert_eq!(version_of(&j(json!({"version": 1}))), Ok(1));
    assert!(version_of(&j(json!({"version": "one"}))).is_err());
}

#[test]
fn v0_baseline_becomes_the_first_entry_dated_at_the_start() {
    let doc = migrate(v0()).unwrap();
    assert_eq!(doc["version"].as_u64(), Some(1));
    let log = decode_log(doc).unwrap().log;
    let first = &log.entries[0];
    assert_eq!(
        (first.id, first.date),
        (7, day("2026-03-02")),
        "above the largest id, 6"
    );
    let EntryKind::Baseline(b) = &first.kind else {
        panic!("the baseline should come first")
    };
    assert_eq!((b.test, b.rating), (SelfTest::Bridge, 4));
    assert_eq!(log.settings.affected, AffectedSide::Left);
    assert_eq!(log.settings.start_date, day("2026-03-02"));
}

#[test]
fn v0_flat_sets_become_blocks_per_exercise_and_side() {
    let log = decode_log(migrate(v0()).unwrap()).unwrap().log;
    let EntryKind::Session(s) = &log.entry(2).unwrap().kind else {
        panic!("entry 2 is a session")
    };
    let shape: Vec<(&str, Side, Vec<u16>)> = s
        .blocks
        .iter()
        .map(|b: &Block| {
            (
                b.exercise.as_str(),
                b.side,
                b.sets.iter().map(|s| s.n).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("isometric_bridge", Side::Left, vec![30, 30]),
            ("isometric_bridge", Side::Right, vec![30]),
            ("rdl", Side::Both, vec![10]),
        ]
    );
    let rdl = &s.blocks[2].sets[0];
    assert_eq!((rdl.kg, rdl.pain, rdl.effort), (12.5, Some(1), Some(6)));
}

#[test]
fn v0_fields_nobody_migrates_are_carried_along() {
    let decoded = decode_log(migrate(v0()).unwrap()).unwrap();
    let log = &decoded.log;
    assert_eq!(log.extra["device"], "phone");
    assert_eq!(log.settings.extra["theme"], "dark");
    let EntryKind::Session(s) = &log.entry(2).unwrap().kind else {
        panic!()
    };
    assert_eq!(s.extra["mood"], "good");
    // A set-level field the model has no room for stays in the entry's JSON.
    let at = log.entries.iter().position(|e| e.id == 2).unwrap();
    assert!(decoded.raw[at].contains(r#""felt":"easy""#));
    // An entry type this build does not know is kept, not dropped.
    assert_eq!(decoded.kept.len(), 1);
    assert_eq!(decoded.kept[0].id, 6);
}

#[test]
fn a_document_from_a_newer_version_is_refused() {
    let mut doc = v0();
    doc.as_object_mut()
        .unwrap()
        .insert("version".into(), Value::from(SCHEMA_VERSION + 1));
    assert_eq!(
        migrate(doc),
        Err(MigrateError::FromTheFuture {
            found: SCHEMA_VERSION + 1
        })
    );
}

#[test]
fn a_current_document_passes_through_unchanged() {
    let doc = migrate(v0()).unwrap();
    assert_eq!(migrate(doc.clone()), Ok(doc));
}

#[test]
fn a_malformed_v0_document_is_an_error_not_a_panic() {
    for bad in [
        j(json!([])),
        j(json!({"entries": []})),
        j(
            json!({"settings": {"start": "2026-01-01"}, "entries": [{"type": "session", "sets": [{"ex": "bridge"}]}]}),
        ),
    ] {
        assert!(matches!(migrate(bad), Err(MigrateError::Malformed(_))));
    }
}

fn legacy_store() -> MemoryStore {
    let store = MemoryStore::new();
    store.set(LEGACY, V0).unwrap();
    store.take_writes();
    store
}

#[test]
fn opening_a_v0_store_moves_it_to_month_parts_and_then_drops_the_old_key() {
    let store = legacy_store();
    let mut repo = Repository::new(store.clone());
    let log = repo.load().unwrap().expect("the v0 log");
    assert_eq!(
        store.take_writes(),
        ["phtrehab:entries:2026-03", "phtrehab:meta", LEGACY]
    );
    assert_eq!(store.get(LEGACY).unwrap(), None);
    assert_eq!(Repository::new(store.clone()).load().unwrap(), Some(log));
    let part = store.get("phtrehab:entries:2026-03").unwrap().unwrap();
    assert!(
        part.contains(r#""felt":"easy""#),
        "set-level extras survive"
    );
    assert!(
        part.contains(r#""type":"hydration""#),
        "unknown entries survive"
    );
    let meta = store.get("phtrehab:meta").unwrap().unwrap();
    assert!(meta.contains(r#""theme":"dark""#) && meta.contains(r#""device":"phone""#));
}

#[test]
fn a_v0_store_that_does_not_fit_after_migration_stays_as_it_was() {
    let store = legacy_store();
    store.set_quota(Some(store.used() + 100));
    let mut repo = Repository::new(store.clone());
    let log = repo.load().unwrap().expect("the log runs from memory");
    assert_eq!(store.snapshot().keys().collect::<Vec<_>>(), [LEGACY]);
    assert_eq!(store.get(LEGACY).unwrap().unwrap(), V0);
    assert_eq!(
        repo.notices(),
        vec![
            Notice::QuotaExceeded,
            Notice::KeptUnknownEntries { count: 1 }
        ]
    );

    // Once there is room, the next save finishes the move.
    store.set_quota(None);
    let mut log: Log = log;
    repo.save(&mut log).unwrap();
    assert_eq!(store.get(LEGACY).unwrap(), None);
    let reloaded = Repository::new(store.clone()).load().unwrap().unwrap();
    assert_eq!(reloaded, log);
    assert!(store
        .get("phtrehab:entries:2026-03")
        .unwrap()
        .unwrap()
        .contains("hydration"));
}

#[test]
fn a_v0_store_that_does_not_decode_is_kept_untouched() {
    let store = MemoryStore::new();
    store.set(LEGACY, "{\"settings\": 3").unwrap();
    store.take_writes();
    let mut repo = Repository::new(store.clone());
    assert_eq!(repo.load().unwrap(), None);
    assert_eq!(repo.unreadable().next().unwrap().raw, "{\"settings\": 3");
    assert_eq!(store.take_writes(), Vec::<String>::new());
    assert_eq!(store.get(LEGACY).unwrap().unwrap(), "{\"settings\": 3");
}

#[test]
fn a_v0_key_from_a_newer_app_is_refused() {
    let store = MemoryStore::new();
    store
        .set(LEGACY, &json!({"version": 9, "settings": {}}).to_string())
        .unwrap();
    store.take_writes();
    let mut repo = Repository::new(store.clone());
    assert_eq!(repo.load(), Ok(None));
    assert_eq!(repo.notices(), vec![Notice::NewerVersion { found: 9 }]);
    assert!(store.take_writes().is_empty());
}

const BEFORE_DATED: &str = include_str!("fixtures/v1_store_before_dated_settings.json");

fn store_of(fixture: &str) -> MemoryStore {
    let store = MemoryStore::new();
    let docs: serde_json::Map<String, serde_json::Value> = serde_json::from_str(fixture).unwrap();
    for (key, doc) in docs {
        store.set(&key, &doc.to_string()).unwrap();
    }
    store.take_writes();
    store
}

/// A log saved before settings were dated has had its settings since its
/// first day: they judge its first session, and a change saved later
/// applies from that day on, stored beside the fields older copies read.
#[test]
fn settings_saved_before_they_were_dated_hold_from_the_first_day() {
    use hamstring_rehab::engine::decide::{DecisionKind, Phase};
    use hamstring_rehab::engine::edit::{apply, Edit};
    use hamstring_rehab::engine::replay::Replay;

    let store = store_of(BEFORE_DATED);
    let mut repo = Repository::new(store.clone());
    let mut log = repo.load().unwrap().expect("the v1 log");
    assert!(log.settings.earlier.is_empty());
    let first = log.entries.iter().map(|e| e.date).min().unwrap();
    assert_eq!(log.settings.on(first), log.settings);
    let judged = |log: &Log, today| {
        Replay::run(log, today)
            .decisions
            .into_iter()
            .filter(|d| d.phase == Phase::NextMorning)
            .map(|d| (d.session_date, d.exercise, d.kind, d.reason()))
            .collect::<Vec<_>>()
    };
    let before = judged(&log, day("2026-10-09"));
    // Both sessions at 4/10 were within the 4/10 ceiling of the first day.
    assert_eq!(before.len(), 2);
    assert!(
        before.iter().all(|d| d.2 == DecisionKind::Progress),
        "{before:?}"
    );

    // On the 9th the ceiling comes down to 3/10 and the bench goes.
    let mut s = log.settings.clone();
    s.pain_ceiling = 3;
    s.equipment
        .remove(&hamstring_rehab::engine::model::Equipment::Bench);
    apply(&mut log, day("2026-10-09"), Edit::Settings(s)).unwrap();
    repo.save(&mut log).unwrap();
    let (_, back) = storage_support::reopen(&store);
    let back = back.unwrap();
    assert_eq!(back, log);
    assert_eq!(back.settings.extra["units"], "lb", "unknown fields survive");
    assert_eq!(back.settings.on(day("2026-10-08")).pain_ceiling, 4);
    assert_eq!(back.settings.on(day("2026-10-09")).pain_ceiling, 3);
    assert_eq!(judged(&back, day("2026-10-09")), before);
    let meta: serde_json::Value =
        serde_json::from_str(&store.get("phtrehab:meta").unwrap().unwrap()).unwrap();
    assert_eq!(
        meta["settings"]["pain_ceiling"], 3,
        "what older copies read"
    );
    assert_eq!(
        meta["settings"]["earlier"],
        json!([{"until": "2026-10-09", "pain_ceiling": 4, "equipment": ["bench", "sliders"]}])
    );
}

/// The same for the oldest format, through its migration.
#[test]
fn a_migrated_v0_log_has_its_settings_from_the_first_day() {
    let log = decode_log(migrate(v0()).unwrap()).unwrap().log;
    assert!(log.settings.earlier.is_empty());
    let first = log.entries.iter().map(|e| e.date).min().unwrap();
    assert_eq!(log.settings.on(first), log.settings);
}
