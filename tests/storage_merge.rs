#![cfg(not(target_arch = "wasm32"))]
//! Two tabs over one store: a change in one reaches the other, and neither
//! overwrites the other's newer entries.

mod storage_support;

use hamstring_rehab::engine::model::{Entry, EntryKind, Goal, Log};
use hamstring_rehab::storage::merge::{merge_entries, merge_value};
use hamstring_rehab::storage::{KeyValue, MemoryStore, Notice, Repository, SaveError};
use storage_support::*;

fn ids(entries: &[Entry]) -> Vec<u64> {
    entries.iter().map(|e| e.id).collect()
}

fn rated(id: u64, rating: u8) -> Entry {
    morning(id, "2026-11-10", rating)
}

#[test]
fn a_change_on_one_side_wins_over_the_unchanged_other_side() {
    let base = [rated(1, 3), rated(2, 3)];
    let base: Vec<&Entry> = base.iter().collect();
    let ours = vec![rated(1, 5), rated(2, 3)];
    let theirs = [rated(1, 3), rated(2, 6)];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, &ours, &theirs, []);
    assert_eq!(merged.entries, vec![rated(1, 5), rated(2, 6)]);
    assert!(merged.renumbered.is_empty());
}

#[test]
fn additions_on_both_sides_are_all_kept() {
    let base = [rated(1, 3)];
    let base: Vec<&Entry> = base.iter().collect();
    let ours = vec![rated(1, 3), rated(2, 4)];
    let theirs = [rated(1, 3), rated(3, 5)];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    assert_eq!(
        ids(&merge_entries(&base, &ours, &theirs, []).entries),
        [1, 3, 2]
    );
}

#[test]
fn a_delete_holds_unless_the_other_side_edited_the_entry() {
    let base = [rated(1, 3), rated(2, 3)];
    let base: Vec<&Entry> = base.iter().collect();
    // They deleted 1 and 2; we left 1 alone but corrected 2.
    let ours = vec![rated(1, 3), rated(2, 7)];
    let merged = merge_entries(&base, &ours, &[], []);
    assert_eq!(merged.entries, vec![rated(2, 7)]);
    // We deleted both; they corrected 2.
    let theirs = [rated(1, 3), rated(2, 8)];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, &[], &theirs, []);
    assert_eq!(merged.entries, vec![rated(2, 8)]);
}

#[test]
fn one_id_used_for_two_different_entries_keeps_both() {
    let base: Vec<&Entry> = vec![];
    let ours = vec![rated(7, 2)];
    let theirs = [session(7, "2026-11-10", vec![set(12, 0.0, 1)])];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, &ours, &theirs, [9]);
    assert_eq!(
        merged.renumbered,
        vec![(7, 10)],
        "fresh id above the reserved 9"
    );
    assert_eq!(ids(&merged.entries), [7, 10]);
    assert!(matches!(merged.entries[0].kind, EntryKind::Session(_)));
}

#[test]
fn settings_changed_on_one_side_win() {
    assert_eq!(merge_value(&1, &2, &1), 2);
    assert_eq!(merge_value(&1, &1, &3), 3);
    assert_eq!(
        merge_value(&1, &2, &3),
        3,
        "both changed: the stored one wins"
    );
}

/// One store, two tabs that both loaded it.
fn two_tabs(log: &mut Log) -> (MemoryStore, Tab, Tab) {
    let store = MemoryStore::new();
    Repository::new(store.clone()).save(log).unwrap();
    let a = Tab::open(&store);
    let b = Tab::open(&store);
    (store, a, b)
}

struct Tab {
    repo: Repository<MemoryStore>,
    log: Log,
}

impl Tab {
    fn open(store: &MemoryStore) -> Tab {
        let mut repo = Repository::new(store.clone());
        let log = repo.load().unwrap().unwrap();
        Tab { repo, log }
    }
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
    let id = a.log.next_id();
    assert_eq!(id, b.log.next_id());
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
