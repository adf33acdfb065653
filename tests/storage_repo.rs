#![cfg(not(target_arch = "wasm32"))]
//! The repository over the in-memory store: round trips, part-wise saving,
//! save as you go, and a full, throwing or shrunken store that must not lose
//! data. Data this build cannot read is in `storage_unreadable.rs`.

mod storage_support;

use hamstring_rehab::engine::model::EntryKind;
use hamstring_rehab::storage::{KeyValue, KvError, MemoryStore, Notice, Repository, SaveError};
use storage_support::*;

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
    repo.record_persistence_asked(day("2026-12-02"));
    repo.save(&mut log).unwrap();
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
