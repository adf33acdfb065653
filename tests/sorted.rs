#![cfg(not(target_arch = "wasm32"))]
//! The sorted-Vec collections (`src/sorted.rs`) against the standard
//! library's: same answers, same order, same JSON.

use hamstring_rehab::sorted::{day_key, sort_by, SortedMap, SortedSet};
use std::collections::{BTreeMap, BTreeSet};

/// The same operations on a `SortedMap` and a `BTreeMap` agree at
/// every step, in contents and in order.
#[test]
fn a_map_behaves_like_a_btreemap() {
    let mut ours = SortedMap::new();
    let mut theirs = BTreeMap::new();
    // A fixed pseudo-random walk of inserts and removes over 40 keys.
    let mut x: u32 = 7;
    for step in 0..2_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let key = (x >> 16) % 40;
        if (x >> 8).is_multiple_of(3) {
            assert_eq!(ours.remove(&key), theirs.remove(&key), "step {step}");
        } else {
            assert_eq!(
                ours.insert(key, step),
                theirs.insert(key, step),
                "step {step}"
            );
        }
        assert_eq!(ours.get(&key), theirs.get(&key));
        assert_eq!(
            ours.contains_key(&(key + 1)),
            theirs.contains_key(&(key + 1))
        );
    }
    assert!(ours.iter().eq(theirs.iter()));
    assert_eq!(ours.len(), theirs.len());
    *ours.get_or_insert_with(99, || 0) += 5;
    *theirs.entry(99).or_insert(0) += 5;
    assert!(ours.clone().into_iter().eq(theirs.clone()));
    ours.retain(|k, _| k % 2 == 0);
    theirs.retain(|k, _| k % 2 == 0);
    assert!(ours.keys().eq(theirs.keys()));
    for (a, b) in [(0, 10), (4, 4), (7, 3), (30, 120)] {
        assert!(ours.range(a..=b).eq(theirs.range(a..=b.max(a))) || a > b);
        assert!(ours.range(..b).eq(theirs.range(..b)));
        assert!(ours.range(a..).eq(theirs.range(a..)));
    }
    let pairs = [(3, 'a'), (1, 'b'), (3, 'c')];
    let from: SortedMap<_, _> = pairs.into_iter().collect();
    let want: BTreeMap<_, _> = pairs.into_iter().collect();
    assert!(from.iter().eq(want.iter()), "the last value for a key wins");
}

#[test]
fn a_set_behaves_like_a_btreeset() {
    let items = [5u64, 1, 9, 1, 3, 5, 0];
    let ours: SortedSet<_> = items.into_iter().collect();
    let theirs: BTreeSet<_> = items.into_iter().collect();
    assert!(ours.iter().eq(theirs.iter()));
    let mut ours = ours;
    assert!(!ours.insert(3));
    assert!(ours.insert(4));
    assert!(ours.contains(&4) && !ours.contains(&2));
    ours.retain(|x| *x != 9);
    assert_eq!(ours.into_iter().collect::<Vec<_>>(), [0, 1, 3, 4, 5]);
}

#[test]
fn they_serialise_like_std_collections() {
    let map = SortedMap::from([("b".to_string(), 2), ("a".to_string(), 1)]);
    let std: BTreeMap<_, _> = map.clone().into_iter().collect();
    assert_eq!(
        serde_json::to_string(&map).unwrap(),
        serde_json::to_string(&std).unwrap()
    );
    let set = SortedSet::from([3u64, 1, 2]);
    assert_eq!(serde_json::to_string(&set).unwrap(), "[1,2,3]");
}

/// `sort_by` gives exactly the standard library's stable `sort_by_key`
/// order, ties kept in their original order, over many pseudo-random lists
/// with many equal keys (each element carries its original place).
#[test]
fn sort_by_is_the_stable_sort() {
    let mut x: u64 = 11;
    for round in 0..300 {
        let len = (round % 40) as usize;
        let v: Vec<(i64, u64, usize)> = (0..len)
            .map(|i| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                (((x >> 40) % 5) as i64 - 2, (x >> 20) % 3, i)
            })
            .collect();
        let mut ours = v.clone();
        sort_by(&mut ours, &|e| (e.0, e.1));
        let mut theirs = v.clone();
        theirs.sort_by_key(|e| (e.0, e.1));
        assert_eq!(ours, theirs, "round {round}");
        // Newest first, as History sorts: negated parts, still stable.
        let mut ours = v.clone();
        sort_by(&mut ours, &|e| (-e.0, !e.1));
        let mut theirs = v;
        theirs.sort_by_key(|e| std::cmp::Reverse((e.0, e.1)));
        assert_eq!(ours, theirs, "round {round}, reversed");
    }
}

#[test]
fn day_keys_are_in_date_order() {
    let a = chrono::NaiveDate::from_ymd_opt(1999, 12, 31).unwrap();
    let b = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    assert_eq!(day_key(b) - day_key(a), 1);
    assert!(day_key(chrono::NaiveDate::MIN) < day_key(a));
}
