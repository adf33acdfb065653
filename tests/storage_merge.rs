#![cfg(not(target_arch = "wasm32"))]
//! Merging what two tabs hold (`storage::merge`): a change on one side wins
//! over the unchanged other side, additions on both are kept, and no id
//! comes out twice; with a property test over random edits. The tabs
//! themselves, over one store, are in `storage_tabs.rs`.

mod storage_support;

use hamstring_rehab::engine::model::{Entry, EntryKind};
use hamstring_rehab::sorted::SortedSet;
use hamstring_rehab::storage::merge::{merge_entries, merge_value};
use storage_support::*;

fn none() -> SortedSet<u64> {
    SortedSet::new()
}

#[test]
fn a_change_on_one_side_wins_over_the_unchanged_other_side() {
    let base = [rated(1, 3), rated(2, 3)];
    let base: Vec<&Entry> = base.iter().collect();
    let ours = vec![rated(1, 5), rated(2, 3)];
    let theirs = [rated(1, 3), rated(2, 6)];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, ours, &theirs, &none(), []);
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
        ids(&merge_entries(&base, ours, &theirs, &none(), []).entries),
        [1, 3, 2]
    );
}

#[test]
fn a_delete_holds_unless_the_other_side_edited_the_entry() {
    let base = [rated(1, 3), rated(2, 3)];
    let base: Vec<&Entry> = base.iter().collect();
    // They deleted 1 and 2; we left 1 alone but corrected 2.
    let ours = vec![rated(1, 3), rated(2, 7)];
    let deleted = SortedSet::from([1, 2]);
    let merged = merge_entries(&base, ours, &[], &deleted, []);
    assert_eq!(merged.entries, vec![rated(2, 7)]);
    // We deleted both; they corrected 2.
    let theirs = [rated(1, 3), rated(2, 8)];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, vec![], &theirs, &none(), []);
    assert_eq!(merged.entries, vec![rated(2, 8)]);
}

#[test]
fn an_entry_overwritten_by_a_simultaneous_write_is_kept_not_deleted() {
    let base = [rated(1, 3), rated(2, 3)];
    let base: Vec<&Entry> = base.iter().collect();
    // Theirs lacks 2 but the store lists no deletion: a lost write.
    let theirs = [rated(1, 3), rated(3, 4)];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, vec![rated(1, 3), rated(2, 3)], &theirs, &none(), []);
    assert_eq!(ids(&merged.entries), [1, 3, 2]);
}

#[test]
fn one_id_used_for_two_different_entries_keeps_both() {
    let base: Vec<&Entry> = vec![];
    let ours = vec![rated(7, 2)];
    let theirs = [session(7, "2026-11-10", vec![set(12, 0.0, 1)])];
    let theirs: Vec<&Entry> = theirs.iter().collect();
    let merged = merge_entries(&base, ours, &theirs, &none(), [9]);
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

#[test]
fn an_id_seen_twice_mid_write_comes_out_once() {
    let base: Vec<&Entry> = vec![];
    let fresh = rated(4, 1);
    let stale = rated(4, 5);
    let merged = merge_entries(&base, vec![rated(4, 1)], &[&fresh, &stale], &none(), []);
    assert_eq!(merged.entries, vec![rated(4, 1)]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    #[derive(Clone, Debug)]
    enum Edit {
        Keep,
        Change(u8),
        Delete,
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            3 => Just(Edit::Keep),
            1 => (0u8..=10).prop_map(Edit::Change),
            1 => Just(Edit::Delete),
        ]
    }

    /// One tab's view after its edits; additions take ids from `next` on,
    /// as `Log::next_id` would, so both tabs may pick the same ones.
    fn edited(base: &[Entry], edits: &[Edit], added: &[u8], next: u64) -> Vec<Entry> {
        let mut out: Vec<Entry> = base
            .iter()
            .zip(edits)
            .filter_map(|(e, edit)| match edit {
                Edit::Keep => Some(e.clone()),
                Edit::Change(r) => Some(rated(e.id, *r + 20)),
                Edit::Delete => None,
            })
            .collect();
        out.extend(
            added
                .iter()
                .enumerate()
                .map(|(i, r)| rated(next + i as u64, *r + 40)),
        );
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn merging_never_loses_a_change_and_never_repeats_an_id(
            ratings in prop::collection::vec(0u8..=10, 0..12),
            ours_edits in prop::collection::vec(edit(), 12),
            theirs_edits in prop::collection::vec(edit(), 12),
            ours_added in prop::collection::vec(0u8..=10, 0..3),
            theirs_added in prop::collection::vec(10u8..=20, 0..3),
        ) {
            let base: Vec<Entry> =
                ratings.iter().enumerate().map(|(i, r)| rated(i as u64 + 1, *r)).collect();
            let next = base.len() as u64 + 1;
            let ours = edited(&base, &ours_edits, &ours_added, next);
            let theirs = edited(&base, &theirs_edits, &theirs_added, next);
            let base_refs: Vec<&Entry> = base.iter().collect();
            let theirs_refs: Vec<&Entry> = theirs.iter().collect();
            // Their deletions are listed in the store, as a save lists them.
            let deleted: SortedSet<u64> = base
                .iter()
                .map(|e| e.id)
                .filter(|id| !theirs.iter().any(|t| t.id == *id))
                .collect();
            let merged =
                merge_entries(&base_refs, ours.clone(), &theirs_refs, &deleted, []).entries;

            let mut ids: Vec<u64> = merged.iter().map(|e| e.id).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), merged.len(), "ids repeat: {:?}", merged);

            let has = |want: &Entry| merged.iter().any(|e| e.kind == want.kind && e.date == want.date);
            for side in [&ours, &theirs] {
                for e in side.iter() {
                    // Anything a side added or changed is in the result.
                    if !base.contains(e) {
                        prop_assert!(has(e), "lost {:?}", e);
                    }
                }
            }
            for b in &base {
                let in_ours = ours.iter().find(|e| e.id == b.id);
                let in_theirs = theirs.iter().find(|e| e.id == b.id);
                // Deleted on one side and untouched on the other: gone.
                let deleted = (in_ours.is_none() && in_theirs.is_none_or(|t| t == b))
                    || (in_theirs.is_none() && in_ours.is_none_or(|o| o == b));
                if deleted {
                    prop_assert!(!merged.iter().any(|e| e.id == b.id), "kept deleted {:?}", b);
                } else if in_ours == Some(b) && in_theirs == Some(b) {
                    prop_assert!(merged.contains(b));
                }
            }
        }
    }
}
