#![cfg(target_arch = "wasm32")]
//! Browser timing of the localStorage store: one save of a three-year log,
//! and the small saves that follow it. Prints figures; asserts only that
//! what was saved reads back.

use hamstring_rehab::engine::model::{EntryKind, Log};
use hamstring_rehab::storage::{KeyValue, LocalStore, Repository};
use storage_support::morning;
use wasm_bindgen_test::*;

mod storage_support;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Every test starts from an empty localStorage.
fn clean() -> LocalStore {
    storage().clear().unwrap();
    LocalStore::open().expect("localStorage works here")
}

#[wasm_bindgen_test]
fn one_save_of_a_three_year_log_in_the_browser() {
    let store = clean();
    let perf = web_sys::window().unwrap().performance().unwrap();
    let mut log = hamstring_rehab::engine::synthetic::three_year_log();
    Repository::new(store).save(&mut log).unwrap();

    let t = perf.now();
    let mut repo = Repository::new(LocalStore::open().unwrap());
    let mut log = repo.load().unwrap().unwrap();
    let load = perf.now() - t;
    let id = log
        .entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Session(_)))
        .map(|e| e.id)
        .max()
        .unwrap();
    let mut times = Vec::new();
    for i in 0..40 {
        add_or_remove_set(&mut log, id, i % 2 == 0);
        let t = perf.now();
        repo.save(&mut log).unwrap();
        if i % 2 == 0 {
            times.push(perf.now() - t);
        }
    }
    times.sort_by(f64::total_cmp);

    // Another tab adds a rating; this one handles the event for that part.
    let mut other = Repository::new(LocalStore::open().unwrap());
    let mut theirs = other.load().unwrap().unwrap();
    let latest = theirs.entries.iter().map(|e| e.date).max().unwrap();
    let id = other.next_id(&theirs).unwrap();
    theirs.entries.push(morning(id, &latest.to_string(), 1));
    let key = other.save(&mut theirs).unwrap().written[0].clone();
    let t = perf.now();
    repo.on_storage_event(&mut log, Some(&key)).unwrap();
    let event = perf.now() - t;
    assert!(log.entry(id).is_some());
    let used: usize = LocalStore::open()
        .unwrap()
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.len() + storage().get_item(k).unwrap().unwrap().len())
        .sum();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    web_sys::console::log_1(
        &format!(
            "three-year log in localStorage ({build} wasm): full load {load:.1} ms, \
             one save median {:.2} ms (max {:.2} ms), another tab's change merged in \
             {event:.2} ms, {used} bytes stored",
            times[times.len() / 2],
            times[times.len() - 1]
        )
        .into(),
    );
    assert!(used < 1_000_000);
    storage().clear().unwrap();
}

fn add_or_remove_set(log: &mut Log, id: u64, add: bool) {
    let entry = log.entries.iter_mut().find(|e| e.id == id).unwrap();
    if let EntryKind::Session(s) = &mut entry.kind {
        let block = s.blocks.last_mut().unwrap();
        if add {
            let set = block.sets.last().cloned().unwrap();
            block.sets.push(set);
        } else {
            block.sets.pop();
        }
    }
}
