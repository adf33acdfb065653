#![cfg(not(target_arch = "wasm32"))]
//! Two tabs over one store: a change in one reaches the other, and neither
//! overwrites the other's newer entries.

mod storage_support;

use hamstring_rehab::engine::model::{EntryKind, Goal, Log};
use hamstring_rehab::storage::{KeyValue, MemoryStore, Notice, Repository, SaveError};
use storage_support::*;

/// One store, two tabs that both loaded it.
fn two_tabs(log: &mut Log) -> (MemoryStore, Tab, Tab) {
    let store = MemoryStore::new();
    Repository::new(store.clone()).save(log).unwrap();
    let a = Tab::open(&store);
    let b = Tab::open(&store);
    (store, a, b)
}

impl Tab {
    /// What the shell does on a `storage` event.
    fn storage_event(&mut self) {
        self.repo.sync(&mut self.log).unwrap();
        self.repo.save(&mut self.log).unwrap();
    }
}

fn first_log() -> Log {
    let mut log = new_log("2026-11-02");
    log.entries
        .push(session(2, "2026-11-10", vec![set(12, 0.0, 2)]));
    log
}

#[test]
fn a_rating_saved_in_one_tab_appears_in_the_other() {
    let (_, mut a, mut b) = two_tabs(&mut first_log());
    a.log.entries.push(rated(3, 2));
    a.repo.save(&mut a.log).unwrap();
    b.storage_event();
    assert_eq!(b.log, a.log);
}

#[test]
fn a_save_from_a_tab_that_missed_the_event_merges_instead_of_overwriting() {
    let (store, mut a, mut b) = two_tabs(&mut first_log());
    a.log.entries.push(rated(3, 2));
    a.repo.save(&mut a.log).unwrap();
    // B never saw the event, adds a set to the session and saves.
    add_set(&mut b.log, 2, set(11, 0.0, 2));
    let report = b.repo.save(&mut b.log).unwrap();
    assert!(report.merged);
    let stored = Repository::new(store.clone()).load().unwrap().unwrap();
    assert_eq!(stored, b.log);
    assert!(stored.entry(3).is_some(), "A's rating survived");
    let EntryKind::Session(s) = &stored.entry(2).unwrap().kind else {
        panic!()
    };
    assert_eq!(s.blocks[0].sets.len(), 2, "B's set survived");
    a.storage_event();
    assert_eq!(a.log, b.log);
}

#[test]
fn two_tabs_picking_the_same_next_id_keep_both_entries() {
    let (store, mut a, mut b) = two_tabs(&mut first_log());
    let id = a.log.next_id().unwrap();
    assert_eq!(Some(id), b.log.next_id());
    a.log.entries.push(rated(id, 2));
    a.repo.save(&mut a.log).unwrap();
    b.log
        .entries
        .push(session(id, "2026-11-11", vec![set(10, 4.0, 1)]));
    let report = b.repo.save(&mut b.log).unwrap();
    assert_eq!(report.renumbered, vec![(id, id + 1)]);
    let stored = Repository::new(store.clone()).load().unwrap().unwrap();
    assert!(matches!(
        stored.entry(id).unwrap().kind,
        EntryKind::Morning(_)
    ));
    assert!(matches!(
        stored.entry(id + 1).unwrap().kind,
        EntryKind::Session(_)
    ));
}

#[test]
fn both_tabs_adding_sets_to_one_session_lose_neither_set() {
    let (store, mut a, mut b) = two_tabs(&mut first_log());
    add_set(&mut a.log, 2, set(10, 0.0, 1));
    a.repo.save(&mut a.log).unwrap();
    add_set(&mut b.log, 2, set(9, 0.0, 3));
    b.repo.save(&mut b.log).unwrap();
    let stored = Repository::new(store.clone()).load().unwrap().unwrap();
    let reps: Vec<Vec<u16>> = stored
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Session(s) => Some(s.blocks[0].sets.iter().map(|s| s.n).collect()),
            _ => None,
        })
        .collect();
    // The stored session keeps its id; ours comes back as a second copy.
    assert_eq!(reps, [vec![12, 10], vec![12, 9]]);
}

#[test]
fn a_delete_in_one_tab_is_not_undone_by_the_other() {
    let mut log = first_log();
    log.entries.push(rated(3, 4));
    let (store, mut a, mut b) = two_tabs(&mut log);
    a.log.remove(3);
    a.repo.save(&mut a.log).unwrap();
    b.log.entries.push(rated(4, 1));
    b.repo.save(&mut b.log).unwrap();
    let stored = Repository::new(store.clone()).load().unwrap().unwrap();
    assert_eq!(ids(&stored.entries), [1, 2, 4]);
}

#[test]
fn a_storage_event_merges_the_part_it_names() {
    let mut log = first_log();
    log.entries.push(morning(3, "2026-12-01", 2));
    let (_, mut a, mut b) = two_tabs(&mut log);
    a.log.entries.push(morning(4, "2026-11-12", 1));
    a.log.entries.push(morning(5, "2026-12-02", 1));
    a.repo.save(&mut a.log).unwrap();

    let report = b
        .repo
        .on_storage_event(&mut b.log, Some("phtrehab:entries:2026-12"))
        .unwrap();
    assert!(report
        .changed
        .contains(&"phtrehab:entries:2026-12".to_string()));
    assert!(b.log.entry(5).is_some());
    assert!(
        b.log.entry(4).is_none(),
        "November's own event is still to come"
    );
    b.repo
        .on_storage_event(&mut b.log, Some("phtrehab:entries:2026-11"))
        .unwrap();
    // The same entries; B holds them in stored (month) order.
    let mut entries = b.log.entries.clone();
    entries.sort_by_key(|e| e.id);
    assert_eq!(entries, a.log.entries);
}

#[test]
fn an_entry_moved_to_another_month_is_not_doubled_whichever_event_comes_first() {
    let mut log = first_log();
    log.entries.push(morning(3, "2026-11-30", 2));
    let (_, mut a, mut b) = two_tabs(&mut log);
    a.log.entries.iter_mut().find(|e| e.id == 3).unwrap().date = day("2026-12-01");
    a.repo.save(&mut a.log).unwrap();

    let report = b
        .repo
        .on_storage_event(&mut b.log, Some("phtrehab:entries:2026-12"))
        .unwrap();
    assert!(report.renumbered.is_empty());
    assert_eq!(ids(&b.log.entries), [1, 2, 3]);
    assert_eq!(b.log.entry(3).unwrap().date, day("2026-12-01"));
    b.repo
        .on_storage_event(&mut b.log, Some("phtrehab:entries:2026-11"))
        .unwrap();
    assert_eq!(b.log, a.log);
}

#[test]
fn backup_dates_from_both_tabs_are_kept() {
    let (store, mut a, mut b) = two_tabs(&mut first_log());
    a.repo.record_backup(day("2026-11-20"));
    a.repo.save(&mut a.log).unwrap();
    b.repo.record_persistence_asked(day("2026-11-21"));
    b.repo.save(&mut b.log).unwrap();
    let mut again = Repository::new(store.clone());
    again.load().unwrap();
    assert_eq!(again.last_backup(), Some(day("2026-11-20")));
    assert_eq!(again.persistence_asked(), Some(day("2026-11-21")));
}

#[test]
fn a_rating_overwritten_by_a_simultaneous_write_comes_back() {
    let (store, mut a, mut b) = two_tabs(&mut first_log());
    let stale = store.get("phtrehab:entries:2026-11").unwrap().unwrap();
    b.log.entries.push(rated(3, 2));
    b.repo.save(&mut b.log).unwrap();
    // A wrote its own change from a copy read before B's write landed.
    add_set(&mut a.log, 2, set(11, 0.0, 2));
    let mut racing = Repository::new(MemoryStore::new());
    racing.save(&mut a.log).unwrap();
    let a_text = racing
        .store()
        .get("phtrehab:entries:2026-11")
        .unwrap()
        .unwrap();
    assert_ne!(a_text, stale);
    store.set("phtrehab:entries:2026-11", &a_text).unwrap();

    b.storage_event();
    assert!(
        b.log.entry(3).is_some(),
        "B keeps its rating and writes it back"
    );
    let stored = Repository::new(store.clone()).load().unwrap().unwrap();
    assert!(stored.entry(3).is_some());
    let EntryKind::Session(s) = &stored.entry(2).unwrap().kind else {
        panic!()
    };
    assert_eq!(s.blocks[0].sets.len(), 2, "and A's set is there too");
}

#[test]
fn a_backup_imported_in_one_tab_replaces_the_log_in_the_other() {
    let mut log = first_log();
    log.entries.push(rated(3, 4));
    let (_, mut a, mut b) = two_tabs(&mut log);
    let mut elsewhere = new_log("2026-10-01");
    elsewhere.entries.push(morning(2, "2026-10-02", 1));
    let mut other = Repository::new(MemoryStore::new());
    other.save(&mut elsewhere).unwrap();
    let (_, backup) = other.export_backup(&elsewhere, day("2026-10-03"));

    a.log = a.repo.import_text(&backup).unwrap();
    b.storage_event();
    assert_eq!(b.log, elsewhere);
}

#[test]
fn settings_changed_in_one_tab_reach_the_other() {
    let (_, mut a, mut b) = two_tabs(&mut first_log());
    a.log.settings.goal = Goal::Sport;
    a.repo.save(&mut a.log).unwrap();
    b.storage_event();
    assert_eq!(b.log.settings.goal, Goal::Sport);
}

#[test]
fn a_store_cleared_under_a_tab_is_written_again_from_memory() {
    let (store, mut a, _) = two_tabs(&mut first_log());
    for key in store.keys().unwrap() {
        store.remove(&key).unwrap();
    }
    a.storage_event();
    assert_eq!(
        a.repo.notices(),
        vec![Notice::DataVanished {
            months: vec![],
            kept_in_memory: true
        }]
    );
    assert_eq!(Repository::new(store.clone()).load().unwrap(), Some(a.log));
}

#[test]
fn a_tab_stops_writing_once_another_runs_a_newer_version() {
    let (store, _, mut b) = two_tabs(&mut first_log());
    let meta = store.get("phtrehab:meta").unwrap().unwrap();
    store
        .set(
            "phtrehab:meta",
            &meta.replacen("\"version\":1", "\"version\":2", 1),
        )
        .unwrap();
    let before = store.snapshot();
    b.log.entries.push(rated(3, 2));
    assert_eq!(b.repo.save(&mut b.log), Err(SaveError::NewerVersion));
    assert_eq!(store.snapshot(), before);
    assert_eq!(b.repo.notices(), vec![Notice::NewerVersion { found: 2 }]);
}

#[test]
fn a_part_another_tab_made_unreadable_is_not_written_over() {
    let (store, mut a, _) = two_tabs(&mut first_log());
    store.set("phtrehab:entries:2026-11", "{oops").unwrap();
    a.log.entries.push(rated(3, 2));
    assert!(matches!(
        a.repo.save(&mut a.log),
        Err(SaveError::Blocked(_))
    ));
    assert_eq!(
        store.get("phtrehab:entries:2026-11").unwrap().unwrap(),
        "{oops"
    );
    assert!(
        a.log.entry(2).is_some() && a.log.entry(3).is_some(),
        "kept in memory"
    );
}
