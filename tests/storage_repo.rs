#![cfg(not(target_arch = "wasm32"))]
//! The repository over the in-memory store: round trips, part-wise saving,
//! save as you go, and every failure path that must not lose data.

mod storage_support;

use hamstring_rehab::engine::model::{EntryKind, Log};
use hamstring_rehab::storage::{
    KeyValue, KvError, Level, MemoryStore, Notice, Repository, SaveError,
};
use storage_support::*;

const META: &str = "phtrehab:meta";

fn saved(log: &mut Log) -> (MemoryStore, Repository<MemoryStore>) {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    repo.save(log).expect("first save");
    store.take_writes();
    (store, repo)
}

fn reopen(store: &MemoryStore) -> (Repository<MemoryStore>, Option<Log>) {
    let mut repo = Repository::new(store.clone());
    let log = repo.load().expect("store works");
    (repo, log)
}

/// Three weeks of November and the first days of December.
fn autumn_log() -> Log {
    let mut log = new_log("2026-11-02");
    log.entries.push(morning(2, "2026-11-03", 3));
    log.entries.push(session(
        3,
        "2026-11-03",
        vec![set(12, 0.0, 2), set(12, 0.0, 2)],
    ));
    log.entries.push(morning(4, "2026-11-20", 2));
    log.entries.push(morning(5, "2026-12-01", 2));
    log.entries
        .push(session(6, "2026-12-01", vec![set(10, 8.0, 3)]));
    log
}

#[test]
fn a_fresh_store_has_no_log_and_nothing_to_report() {
    let (repo, log) = reopen(&MemoryStore::new());
    assert_eq!(log, None);
    assert_eq!(repo.notices(), vec![]);
}

#[test]
fn what_is_saved_loads_back_the_same() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let (repo, loaded) = reopen(&store);
    assert_eq!(loaded, Some(log));
    assert_eq!(repo.notices(), vec![]);
}

#[test]
fn the_first_save_writes_one_part_per_month_then_the_index() {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    let report = repo.save(&mut autumn_log()).unwrap();
    let expected = ["phtrehab:entries:2026-11", "phtrehab:entries:2026-12", META];
    assert_eq!(report.written, expected);
    assert_eq!(store.take_writes(), expected);
    let meta: serde_json::Value = serde_json::from_str(&store.get(META).unwrap().unwrap()).unwrap();
    assert_eq!(meta["version"], 1);
    assert_eq!(
        meta["parts"],
        serde_json::json!({"2026-11": 4, "2026-12": 2})
    );
    let part: serde_json::Value =
        serde_json::from_str(&store.get("phtrehab:entries:2026-12").unwrap().unwrap()).unwrap();
    assert_eq!(part["version"], 1);
    assert_eq!(part["month"], "2026-12");
}

#[test]
fn adding_a_set_rewrites_only_that_months_part() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    add_set(&mut log, 6, set(10, 8.0, 2));
    let report = repo.save(&mut log).unwrap();
    assert_eq!(report.written, ["phtrehab:entries:2026-12"]);
    assert_eq!(store.take_writes(), ["phtrehab:entries:2026-12"]);
}

#[test]
fn a_new_entry_rewrites_its_part_and_the_index_counts() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    log.entries.push(morning(7, "2026-12-02", 1));
    repo.save(&mut log).unwrap();
    assert_eq!(store.take_writes(), ["phtrehab:entries:2026-12", META]);
}

#[test]
fn saving_an_unchanged_log_writes_nothing() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    assert_eq!(repo.save(&mut log).unwrap().written, Vec::<String>::new());
    let (mut repo, loaded) = reopen(&store);
    let mut loaded = loaded.unwrap();
    repo.save(&mut loaded).unwrap();
    assert_eq!(store.take_writes(), Vec::<String>::new());
}

#[test]
fn moving_an_entry_to_another_month_rewrites_both_parts() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    log.entries.iter_mut().find(|e| e.id == 4).unwrap().date = day("2026-12-03");
    repo.save(&mut log).unwrap();
    // Where it arrives first, so a tab reading in between never misses it.
    assert_eq!(
        store.take_writes(),
        ["phtrehab:entries:2026-12", "phtrehab:entries:2026-11", META]
    );
    assert_eq!(
        reopen(&store).1.unwrap().entry(4).unwrap().date,
        day("2026-12-03")
    );
}

#[test]
fn a_month_left_empty_is_removed_after_the_index_stops_listing_it() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    log.remove(5);
    log.remove(6);
    repo.save(&mut log).unwrap();
    assert_eq!(store.take_writes(), [META, "phtrehab:entries:2026-12"]);
    assert_eq!(store.get("phtrehab:entries:2026-12").unwrap(), None);
    assert_eq!(reopen(&store).1, Some(log));
}

#[test]
fn keys_of_other_apps_on_the_same_origin_are_never_touched() {
    let store = MemoryStore::new();
    store.set("other-app:state", "{not ours}").unwrap();
    store
        .set("phtrehab:photos-from-a-newer-app", "[1,2]")
        .unwrap();
    let mut repo = Repository::new(store.clone());
    let mut log = autumn_log();
    repo.save(&mut log).unwrap();
    let (_, loaded) = reopen(&store);
    assert_eq!(loaded, Some(log));
    assert_eq!(store.get("other-app:state").unwrap().unwrap(), "{not ours}");
    assert_eq!(
        store
            .get("phtrehab:photos-from-a-newer-app")
            .unwrap()
            .unwrap(),
        "[1,2]"
    );
}

#[test]
fn closing_the_app_mid_session_loses_no_set() {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    let mut log = new_log("2026-11-02");
    repo.save(&mut log).unwrap();
    log.entries.push(session(2, "2026-11-04", vec![]));
    repo.save(&mut log).unwrap();
    for reps in [12, 11, 10] {
        add_set(&mut log, 2, set(reps, 0.0, 2));
        repo.save(&mut log).unwrap();
        // The tab could be killed right here: a new one finds every set.
        assert_eq!(reopen(&store).1.as_ref(), Some(&log));
    }
    let reopened = reopen(&store).1.unwrap();
    let EntryKind::Session(resumed) = &reopened.entry(2).unwrap().kind else {
        panic!("not a session")
    };
    assert_eq!(resumed.blocks[0].sets.len(), 3);
    assert_eq!(resumed.response, None, "the session is still in progress");
}

#[test]
fn a_part_that_does_not_decode_is_kept_raw_and_never_written_over() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let garbage = r#"{"version":1,"kind":"entries","month":"2026-11","entries":[{"id":2,"da"#;
    store.set("phtrehab:entries:2026-11", garbage).unwrap();

    let (mut repo, loaded) = reopen(&store);
    let mut loaded = loaded.expect("the readable months still load");
    assert_eq!(
        loaded.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        [5, 6]
    );
    let notices = repo.notices();
    assert_eq!(
        notices[0],
        Notice::Unreadable {
            keys: vec!["phtrehab:entries:2026-11".into()],
            whole_log: false
        }
    );
    assert_eq!(notices[0].level(), Level::Warning);
    assert_eq!(repo.unreadable().next().unwrap().raw, garbage);

    // New work in November cannot be stored over it; December still can.
    loaded.entries.push(morning(7, "2026-11-25", 1));
    loaded.entries.push(morning(8, "2026-12-02", 1));
    let err = repo.save(&mut loaded).unwrap_err();
    assert_eq!(
        err,
        SaveError::Blocked(vec!["phtrehab:entries:2026-11".into()])
    );
    assert_eq!(
        store.get("phtrehab:entries:2026-11").unwrap().unwrap(),
        garbage
    );
    assert!(reopen(&store).1.unwrap().entry(8).is_some());
    let meta: serde_json::Value = serde_json::from_str(&store.get(META).unwrap().unwrap()).unwrap();
    assert_eq!(
        meta["parts"]["2026-11"], 4,
        "the index still lists the month"
    );

    let (name, rescue) = repo.rescue_file(day("2026-12-02")).unwrap();
    assert_eq!(name, "phtrehab-rescue-2026-12-02.json");
    let rescue: serde_json::Value = serde_json::from_str(&rescue).unwrap();
    assert_eq!(rescue["keys"]["phtrehab:entries:2026-11"], garbage);

    repo.discard_unreadable().unwrap();
    assert_eq!(store.get("phtrehab:entries:2026-11").unwrap(), None);
    repo.save(&mut loaded).unwrap();
    assert!(reopen(&store).1.unwrap().entry(7).is_some());
}

#[test]
fn an_index_that_does_not_decode_blocks_every_write() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    store
        .set(
            META,
            "{\"version\":1,\"kind\":\"meta\",\"settings\":{\"goal\":7}}",
        )
        .unwrap();
    let before = store.snapshot();

    let (mut repo, loaded) = reopen(&store);
    assert_eq!(loaded, None);
    let notice = &repo.notices()[0];
    assert_eq!(notice.level(), Level::Blocking);
    assert!(matches!(notice, Notice::Unreadable { whole_log: true, keys } if keys.len() == 3));
    // Onboarding again and saving must not write defaults over it.
    assert_eq!(
        repo.save(&mut new_log("2026-12-05")),
        Err(SaveError::Unreadable)
    );
    assert_eq!(store.snapshot(), before);
}

#[test]
fn data_from_a_newer_app_is_refused_and_left_alone() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let newer = store.get("phtrehab:entries:2026-12").unwrap().unwrap();
    let newer = newer.replacen("\"version\":1", "\"version\":7", 1);
    store.set("phtrehab:entries:2026-12", &newer).unwrap();
    let before = store.snapshot();

    let (mut repo, loaded) = reopen(&store);
    assert_eq!(loaded, None);
    assert_eq!(repo.notices()[0], Notice::NewerVersion { found: 7 });
    assert_eq!(repo.save(&mut log), Err(SaveError::NewerVersion));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn parts_without_an_index_are_kept_as_unreadable() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    store.remove(META).unwrap();
    let before = store.snapshot();
    let (mut repo, loaded) = reopen(&store);
    assert_eq!(loaded, None);
    assert_eq!(repo.unreadable().count(), 2);
    assert!(repo.save(&mut new_log("2026-12-05")).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_full_store_keeps_the_log_in_memory_and_says_so() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    let before = store.snapshot();
    store.set_quota(Some(store.used() + 20));

    let big_note = "felt strong ".repeat(20);
    if let EntryKind::Session(s) = &mut log.entries.iter_mut().find(|e| e.id == 6).unwrap().kind {
        s.note = Some(big_note.clone());
    }
    let err = repo.save(&mut log).unwrap_err();
    assert_eq!(err, SaveError::Store(KvError::QuotaExceeded));
    assert_eq!(repo.notices(), vec![Notice::QuotaExceeded]);
    assert!(Notice::QuotaExceeded.offers_export());
    assert_eq!(store.snapshot(), before, "the stored log is intact");

    // Space freed: the next save stores what was kept in memory.
    store.set_quota(None);
    repo.save(&mut log).unwrap();
    assert_eq!(repo.notices(), vec![]);
    assert_eq!(reopen(&store).1, Some(log));
}

#[test]
fn storage_that_throws_is_reported_and_nothing_is_lost_in_memory() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    store.set_unavailable(true);
    log.entries.push(morning(7, "2026-12-02", 1));
    let err = repo.save(&mut log).unwrap_err();
    assert!(matches!(err, SaveError::Store(KvError::Unavailable(_))));
    assert_eq!(repo.notices(), vec![Notice::SaveFailed]);
    assert!(Repository::new(store.clone()).load().is_err());

    store.set_unavailable(false);
    repo.save(&mut log).unwrap();
    assert_eq!(reopen(&store).1, Some(log));
}

#[test]
fn a_month_the_index_lists_but_the_store_lost_is_reported() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    store.remove("phtrehab:entries:2026-11").unwrap();
    let (repo, loaded) = reopen(&store);
    assert_eq!(loaded.unwrap().entries.len(), 2);
    let vanished = Notice::DataVanished {
        months: vec!["2026-11".into()],
        kept_in_memory: false,
    };
    assert_eq!(repo.notices(), vec![vanished.clone()]);
}

#[test]
fn a_lost_month_stays_reported_until_the_user_has_seen_it() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    store.remove("phtrehab:entries:2026-11").unwrap();
    let (mut repo, loaded) = reopen(&store);
    let mut loaded = loaded.unwrap();
    loaded.entries.push(morning(7, "2026-12-02", 1));
    repo.save(&mut loaded).unwrap();
    let (again, _) = reopen(&store);
    assert!(
        matches!(&again.notices()[0], Notice::DataVanished { months, .. } if months == &["2026-11"])
    );

    repo.dismiss_vanished();
    loaded.entries.push(morning(8, "2026-12-03", 1));
    repo.save(&mut loaded).unwrap();
    assert_eq!(reopen(&store).0.notices(), vec![]);
}

#[test]
fn the_persistence_request_is_remembered_on_the_device() {
    let mut log = autumn_log();
    let (store, mut repo) = saved(&mut log);
    assert_eq!(repo.persistence_asked(), None);
    repo.record_persistence_asked(&mut log, day("2026-12-02"))
        .unwrap();
    assert_eq!(store.take_writes(), [META]);
    assert_eq!(
        reopen(&store).0.persistence_asked(),
        Some(day("2026-12-02"))
    );
}

#[test]
fn the_stored_size_matches_what_the_store_counts() {
    let mut log = synthetic_log(90);
    let (store, repo) = saved(&mut log);
    assert_eq!(repo.stored_units(), store.used());
}

#[test]
fn the_next_id_skips_ids_of_entries_only_a_newer_app_can_read() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let part = store.get("phtrehab:entries:2026-12").unwrap().unwrap();
    let part = part.replacen(
        "\"entries\":[",
        "\"entries\":[{\"id\":40,\"date\":\"2026-12-01\",\"type\":\"sleep\",\"hours\":7},",
        1,
    );
    store.set("phtrehab:entries:2026-12", &part).unwrap();
    let (repo, loaded) = reopen(&store);
    let loaded = loaded.unwrap();
    assert_eq!(loaded.next_id(), 7);
    assert_eq!(repo.next_id(&loaded), 41);
    assert_eq!(
        repo.notices(),
        vec![Notice::KeptUnknownEntries { count: 1 }]
    );
}

#[test]
fn a_new_entry_that_takes_the_id_of_one_kept_for_a_newer_app_moves_aside() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let part = store.get("phtrehab:entries:2026-12").unwrap().unwrap();
    let newer = r#"{"id":7,"date":"2026-12-01","type":"sleep","hours":7}"#;
    let part = part.replacen(r#""entries":["#, &format!(r#""entries":[{newer},"#), 1);
    store.set("phtrehab:entries:2026-12", &part).unwrap();
    let (mut repo, loaded) = reopen(&store);
    let mut loaded = loaded.unwrap();
    // The engine picks ids with `Log::next_id`, which cannot see id 7.
    let id = loaded.next_id();
    assert_eq!(id, 7);
    loaded.entries.push(morning(id, "2026-12-02", 1));
    let report = repo.save(&mut loaded).unwrap();
    assert_eq!(report.renumbered, vec![(7, 8)]);
    assert!(loaded.entry(8).is_some());
    let stored: serde_json::Value =
        serde_json::from_str(&store.get("phtrehab:entries:2026-12").unwrap().unwrap()).unwrap();
    let stored = stored["entries"].as_array().unwrap();
    let newer: serde_json::Value = serde_json::from_str(newer).unwrap();
    assert!(stored.contains(&newer));
    assert_eq!(stored.iter().filter(|e| e["id"] == 8).count(), 1);
    assert_eq!(reopen(&store).1, Some(loaded));
}
