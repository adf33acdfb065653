#![cfg(not(target_arch = "wasm32"))]
//! Reading the log in slices (start-up with years of log): the same log as
//! one whole read, every slice bounded, and another tab's write made
//! between two slices merged in by the sync that follows.

mod storage_support;

use hamstring_rehab::storage::{Begun, KeyValue, Loading, MemoryStore, Repository};
use storage_support::*;

fn stored(days: u64) -> MemoryStore {
    let store = MemoryStore::new();
    Repository::new(store.clone())
        .save(&mut synthetic_log(days))
        .unwrap();
    store
}

fn begin(repo: &mut Repository<MemoryStore>) -> Loading {
    match repo.begin_load().unwrap() {
        Begun::Reading(loading) => loading,
        Begun::Done(_) => panic!("a stored index should start a read"),
    }
}

#[test]
fn a_log_read_in_small_slices_is_the_log_read_whole() {
    let store = stored(400);
    let whole = Repository::new(store.clone()).load().unwrap().unwrap();

    let mut repo = Repository::new(store.clone());
    let mut loading = begin(&mut repo);
    let months = loading.progress().1;
    assert!(months >= 13, "400 days span {months} months");
    let mut calls = 0;
    while repo.read_some(&mut loading, 1).unwrap() {
        calls += 1;
        // A budget of one byte still reads exactly one month a call.
        assert_eq!(loading.progress().0, calls);
    }
    assert_eq!(calls + 1, months);
    let sliced = repo.finish_load(loading).unwrap();
    assert_eq!(sliced, whole);
    assert!(repo.notices().is_empty());
}

#[test]
fn a_slice_stops_once_its_budget_of_text_is_read() {
    let store = stored(400);
    let sizes: Vec<usize> = store
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with("phtrehab:entries:"))
        .map(|k| store.get(k).unwrap().unwrap().len())
        .collect();
    let largest = *sizes.iter().max().unwrap();
    let budget = largest * 3;
    let mut repo = Repository::new(store.clone());
    let mut loading = begin(&mut repo);
    let mut before = 0;
    loop {
        let more = repo.read_some(&mut loading, budget).unwrap();
        let now = loading.progress().0;
        let read: usize = sizes[before..now].iter().sum();
        // Under the budget plus the one month that crossed it.
        assert!(read < budget + largest, "{read} bytes in one slice");
        assert!(now > before, "every slice moves on");
        before = now;
        if !more {
            break;
        }
    }
    assert!(repo.finish_load(loading).is_some());
}

#[test]
fn a_set_another_tab_saves_between_two_slices_is_merged_in_after() {
    let store = stored(400);
    let mut repo = Repository::new(store.clone());
    let mut loading = begin(&mut repo);
    assert!(repo.read_some(&mut loading, 1).unwrap());

    // Another tab adds a set to the first session (a month already read)
    // and a morning in a month not yet read.
    let mut other = Repository::new(store.clone());
    let mut theirs = other.load().unwrap().unwrap();
    let first_session = theirs
        .entries
        .iter()
        .find(|e| {
            matches!(
                e.kind,
                hamstring_rehab::engine::model::EntryKind::Session(_)
            )
        })
        .map(|e| e.id)
        .unwrap();
    add_set(&mut theirs, first_session, set(9, 20.0, 1));
    let id = theirs.next_id().unwrap();
    theirs.entries.push(morning(id, "2024-12-30", 2));
    other.save(&mut theirs).unwrap();

    while repo.read_some(&mut loading, 1).unwrap() {}
    let mut ours = repo.finish_load(loading).unwrap();
    let report = repo.sync(&mut ours).unwrap();
    assert!(
        !report.changed.is_empty(),
        "the sync sees the other tab's write"
    );
    let mut ours_sorted = ours.entries.clone();
    let mut theirs_sorted = theirs.entries.clone();
    ours_sorted.sort_by_key(|e| e.id);
    theirs_sorted.sort_by_key(|e| e.id);
    assert_eq!(ours_sorted, theirs_sorted);
}

#[test]
fn a_store_with_no_index_is_done_at_once() {
    let mut repo = Repository::new(MemoryStore::new());
    assert!(matches!(repo.begin_load().unwrap(), Begun::Done(None)));
}
