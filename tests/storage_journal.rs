#![cfg(not(target_arch = "wasm32"))]
//! Two tabs saving under the write lock: each keeps the edits it has not
//! stored yet and, when another tab wrote first, applies them again on top
//! of what is stored. Sets land once in the day's one session; a check-in
//! or correction another tab stored first wins, and the losing tab is told.

mod storage_support;

use hamstring_rehab::engine::edit::{apply, Edit};
use hamstring_rehab::engine::model::{Entry, EntryKind, Log, Side};
use hamstring_rehab::storage::{KeyValue, MemoryStore, Pending, SaveError};
use storage_support::*;

const TODAY: &str = "2026-11-10";

// A tab as the shell runs it (`storage_support::Tab`): edits applied at
// once and noted, then a commit under the lock (whenever the test says).
impl Tab {
    fn edit(&mut self, edit: Edit) {
        let today = day(TODAY);
        let pending = Pending::new(&self.log, today, &edit);
        apply(&mut self.log, today, edit).expect("a valid edit");
        self.repo.note_edit(pending);
    }

    /// Commit with no write count known, as after another tab's write.
    fn commit(&mut self) -> Vec<String> {
        let (result, lost, _) = self.repo.commit(&mut self.log, None);
        result.expect("the save works");
        lost
    }
}

fn add_set(pain: u8) -> Edit {
    Edit::AddSet {
        exercise: "iso_roman_chair".into(),
        side: Side::Left,
        set: set(10, 0.0, pain),
    }
}

fn two_tabs() -> (MemoryStore, Tab, Tab) {
    let (store, _) = saved(&mut new_log("2026-11-02"));
    let a = Tab::open(&store);
    let b = Tab::open(&store);
    (store, a, b)
}

fn stored(store: &MemoryStore) -> Log {
    reopen(store).1.unwrap()
}

/// Today's sessions in `log`, each as its sets' pain ratings.
fn sessions(log: &Log) -> Vec<Vec<u8>> {
    log.entries
        .iter()
        .filter(|e| e.date == day(TODAY))
        .filter_map(|e| match &e.kind {
            EntryKind::Session(s) => Some(
                s.blocks
                    .iter()
                    .flat_map(|b| &b.sets)
                    .filter_map(|x| x.pain)
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

fn mornings(log: &Log) -> Vec<u8> {
    log.entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Morning(m) => Some(m.rating),
            _ => None,
        })
        .collect()
}

#[test]
fn the_first_set_in_two_tabs_at_once_opens_one_session_holding_both() {
    let (store, mut a, mut b) = two_tabs();
    // Both tabs open today's session under the same new id.
    a.edit(add_set(1));
    b.edit(add_set(2));
    assert!(a.commit().is_empty());
    assert!(b.commit().is_empty());
    assert_eq!(sessions(&stored(&store)), vec![vec![1, 2]]);
    assert_eq!(b.log, stored(&store));
    a.commit();
    assert_eq!(a.log, stored(&store), "A reads B's set in");
}

#[test]
fn forty_sets_across_two_tabs_in_any_order_are_each_stored_once() {
    // Tab A rates its sets 1, tab B 2; commits fall in a scrambled order,
    // several edits riding on one commit at times.
    let (store, mut a, mut b) = two_tabs();
    let mut seed = 7u32;
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) % 4
    };
    let (mut left_a, mut left_b) = (20, 20);
    while left_a + left_b > 0 {
        match next() {
            0 if left_a > 0 => {
                a.edit(add_set(1));
                left_a -= 1;
            }
            1 if left_b > 0 => {
                b.edit(add_set(2));
                left_b -= 1;
            }
            2 => {
                a.commit();
            }
            _ => {
                b.commit();
            }
        }
    }
    a.commit();
    b.commit();
    a.commit();
    let log = stored(&store);
    let all = sessions(&log);
    assert_eq!(all.len(), 1, "one session");
    assert_eq!(all[0].iter().filter(|&&p| p == 1).count(), 20);
    assert_eq!(all[0].iter().filter(|&&p| p == 2).count(), 20);
    assert_eq!(a.log, log);
    assert_eq!(b.log, log);
}

#[test]
fn a_known_write_count_saves_without_reading_and_a_newer_one_reads_first() {
    let (store, mut a, mut b) = two_tabs();
    a.edit(add_set(1));
    let (r, _, wrote) = a.repo.commit(&mut a.log, Some(0));
    assert!(r.is_ok() && wrote);
    // B's count is unknown to it: it reads A's set in before adding its own.
    b.edit(add_set(2));
    let (r, _, wrote) = b.repo.commit(&mut b.log, Some(1));
    assert!(r.is_ok() && wrote);
    assert_eq!(sessions(&stored(&store)), vec![vec![1, 2]]);
    // A last saw count 1; the store is at 2, so A reads before it writes.
    a.edit(add_set(3));
    a.repo.commit(&mut a.log, Some(2)).0.unwrap();
    assert_eq!(sessions(&stored(&store)), vec![vec![1, 2, 3]]);
    // Nothing new anywhere: a commit at A's own count writes nothing.
    store.take_writes();
    let (_, _, wrote) = a.repo.commit(&mut a.log, Some(3));
    assert!(!wrote);
    assert!(store.take_writes().is_empty());
}

#[test]
fn a_check_in_another_tab_stored_first_wins_and_the_other_tab_is_told() {
    let (store, mut a, mut b) = two_tabs();
    a.edit(Edit::Morning { rating: 5 });
    b.edit(Edit::Morning { rating: 3 });
    assert!(a.commit().is_empty());
    assert_eq!(
        b.commit(),
        ["This check-in was changed in another tab: it now reads 5/10."]
    );
    assert_eq!(mornings(&stored(&store)), [5]);
    assert_eq!(mornings(&b.log), [5], "B now shows what is stored");
    // A correction made on the stored version goes through.
    b.edit(Edit::Morning { rating: 4 });
    assert!(b.commit().is_empty());
    assert_eq!(mornings(&stored(&store)), [4]);
}

fn corrected(log: &Log, id: u64, rating: u8) -> Edit {
    let mut entry: Entry = log.entry(id).unwrap().clone();
    if let EntryKind::Morning(m) = &mut entry.kind {
        m.rating = rating;
    }
    Edit::Replace(entry)
}

#[test]
fn a_delete_and_a_correction_of_one_entry_keep_whichever_was_stored_first() {
    let (store, mut a, mut b) = two_tabs();
    a.edit(Edit::Morning { rating: 2 });
    a.commit();
    b.commit();
    let id = b.log.entries.last().unwrap().id;

    // Deleted first: the correction does not bring it back.
    let mut c = Tab::open(&store);
    a.edit(Edit::Delete(id));
    c.edit(corrected(&c.log, id, 6));
    a.commit();
    assert_eq!(
        c.commit(),
        ["This entry was deleted in another tab, so your change to it was not kept."]
    );
    assert_eq!(mornings(&stored(&store)), Vec::<u8>::new());

    // Corrected first: the delete is dropped and says what it now reads.
    a.edit(Edit::Morning { rating: 2 });
    a.commit();
    b.commit();
    let id = b.log.entries.last().unwrap().id;
    let mut c = Tab::open(&store);
    b.edit(corrected(&b.log, id, 6));
    c.edit(Edit::Delete(id));
    b.commit();
    assert_eq!(
        c.commit(),
        ["This check-in was changed in another tab: it now reads 6/10."]
    );
    assert_eq!(mornings(&stored(&store)), [6]);
}

#[test]
fn a_failed_save_stores_nothing_and_its_retry_stores_each_edit_once() {
    let (store, mut a, mut b) = two_tabs();
    let before = store.snapshot();
    store.set_quota(Some(store.used()));
    a.edit(add_set(1));
    let (result, _, wrote) = a.repo.commit(&mut a.log, None);
    assert_eq!(
        result.unwrap_err(),
        SaveError::Store(hamstring_rehab::storage::KvError::QuotaExceeded)
    );
    assert!(!wrote && a.repo.owes_save());
    assert_eq!(store.snapshot(), before, "nothing half-written");
    assert_eq!(sessions(&a.log), vec![vec![1]], "the set stays on screen");
    // Space comes back; another tab stores a set first; then the retry.
    store.set_quota(None);
    b.edit(add_set(2));
    b.commit();
    a.commit();
    assert!(!a.repo.owes_save());
    assert_eq!(sessions(&stored(&store)), vec![vec![2, 1]]);
    a.commit();
    assert_eq!(sessions(&stored(&store)), vec![vec![2, 1]], "never twice");
}

#[test]
fn a_save_that_fails_on_its_last_key_puts_back_the_ones_before() {
    let (store, mut a, _) = two_tabs();
    // A new session writes its month part, then the index: measure the
    // save on a copy, then allow one unit less than it needs.
    let copy = MemoryStore::new();
    for (k, v) in store.snapshot().iter() {
        copy.set(k, v).unwrap();
    }
    copy.take_writes();
    let mut trial = Tab::open(&copy);
    trial.edit(add_set(1));
    trial.commit();
    let writes = copy.take_writes();
    assert_eq!(writes.last().map(String::as_str), Some(META), "{writes:?}");
    assert_eq!(writes.len(), 2, "{writes:?}");
    let before = store.snapshot();
    store.set_quota(Some(copy.used() - 1));
    a.edit(add_set(1));
    assert!(a.repo.commit(&mut a.log, None).0.is_err());
    assert_eq!(store.snapshot(), before);
}
