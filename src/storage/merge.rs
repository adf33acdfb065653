//! Three-way merge of the log when another tab has written to the store.
//!
//! `base` is what this tab last read or wrote, `ours` is this tab's log now,
//! `theirs` is what the store holds now. Entries are matched by id:
//! - a change on one side only wins over the unchanged other side;
//! - an entry missing from `theirs` counts as deleted only when the store
//!   lists its id as deleted; otherwise two tabs wrote at once and one
//!   overwrote the other, and ours is kept so the next save puts it back;
//! - an edit wins over a delete, so nobody's newer entry is dropped;
//! - when both sides changed the same entry, or both added different entries
//!   under one id (two tabs picking the same next id), the stored one keeps
//!   the id and ours is kept too under a fresh id. The user may see a
//!   duplicate to delete, but never loses a set.

use crate::engine::limits::MAX_ID;
use crate::engine::model::Entry;
use crate::sorted::{SortedMap, SortedSet};

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub entries: Vec<Entry>,
    /// Our entries that had to take a fresh id: (old id, new id).
    pub renumbered: Vec<(u64, u64)>,
}

/// Merge by id, taking `ours` by value so entries both sides agree on are
/// moved, not copied. `deleted` are the ids the store lists as deleted;
/// `reserved` are ids in use elsewhere (entries this build cannot read)
/// that a fresh id must avoid.
pub fn merge_entries(
    base: &[&Entry],
    ours: Vec<Entry>,
    theirs: &[&Entry],
    deleted: &SortedSet<u64>,
    reserved: impl IntoIterator<Item = u64>,
) -> Merged {
    // Ids are unique in a consistent store; mid-write of another tab one
    // may briefly appear twice, and the first copy counts.
    let mut base_by: SortedMap<u64, &Entry> = SortedMap::new();
    for e in base {
        base_by.entry(e.id).or_insert(*e);
    }
    let mut seen = SortedSet::new();
    let order: Vec<u64> = ours.iter().map(|e| e.id).collect();
    let mut ours_by: SortedMap<u64, Entry> = ours.into_iter().map(|e| (e.id, e)).collect();
    let highest = order.iter().copied().max().unwrap_or(0);

    let mut entries = Vec::with_capacity(theirs.len().max(order.len()));
    let mut clash: Vec<Entry> = Vec::new();
    for &t in theirs.iter().filter(|t| seen.insert(t.id)) {
        let b = base_by.get(&t.id).copied();
        match ours_by.remove(&t.id) {
            Some(o) if o == *t => entries.push(o),
            Some(o) => match b {
                Some(b) if o == *b => entries.push(t.clone()),
                Some(b) if t == b => entries.push(o),
                // Both changed it, or both added an entry under this id.
                _ => {
                    entries.push(t.clone());
                    clash.push(o);
                }
            },
            // We deleted it: that holds unless they changed it meanwhile.
            None => match b {
                Some(b) if t == b => {}
                _ => entries.push(t.clone()),
            },
        }
    }
    for id in order {
        let Some(o) = ours_by.remove(&id) else {
            continue;
        };
        match base_by.get(&id) {
            // They deleted it: that holds unless we changed it meanwhile.
            Some(&b) if *b == o && deleted.contains(&id) => {}
            _ => entries.push(o),
        }
    }

    let mut next = entries
        .iter()
        .map(|e| e.id)
        .chain(base.iter().map(|e| e.id))
        .chain(reserved)
        .max()
        .unwrap_or(0)
        .max(highest);
    let mut renumbered = Vec::with_capacity(clash.len());
    for o in clash {
        // Past the largest id the app gives (only a hand-made store gets
        // there) a clash keeps its id rather than wrap round to one in use.
        match next.checked_add(1).filter(|&n| n <= MAX_ID) {
            Some(id) => {
                next = id;
                renumbered.push((o.id, id));
                entries.push(Entry { id, ..o });
            }
            None => entries.push(o),
        }
    }
    Merged {
        entries,
        renumbered,
    }
}

/// The same rule for a single value such as the settings: a one-sided
/// change wins; when both changed, the stored one wins.
pub fn merge_value<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
    if ours != base && theirs == base {
        ours.clone()
    } else {
        theirs.clone()
    }
}
