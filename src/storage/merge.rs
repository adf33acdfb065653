//! Three-way merge of the log when another tab has written to the store.
//!
//! `base` is what this tab last read or wrote, `ours` is this tab's log now,
//! `theirs` is what the store holds now. Entries are matched by id:
//! - a change on one side only wins over the unchanged other side;
//! - an edit wins over a delete, so nobody's newer entry is dropped;
//! - when both sides changed the same entry, or both added different entries
//!   under one id (two tabs picking the same next id), the stored one keeps
//!   the id and ours is kept too under a fresh id. The user may see a
//!   duplicate to delete, but never loses a set.

use crate::engine::model::Entry;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub entries: Vec<Entry>,
    /// Our entries that had to take a fresh id: (old id, new id).
    pub renumbered: Vec<(u64, u64)>,
}

/// Merge by id. `reserved` are ids in use elsewhere (entries this build
/// cannot read) that a fresh id must avoid.
pub fn merge_entries(
    base: &[&Entry],
    ours: &[Entry],
    theirs: &[&Entry],
    reserved: impl IntoIterator<Item = u64>,
) -> Merged {
    let base_by: HashMap<u64, &Entry> = base.iter().map(|e| (e.id, *e)).collect();
    let ours_by: HashMap<u64, &Entry> = ours.iter().map(|e| (e.id, e)).collect();
    let theirs_ids: HashSet<u64> = theirs.iter().map(|e| e.id).collect();

    let mut entries = Vec::with_capacity(theirs.len().max(ours.len()));
    let mut clash: Vec<&Entry> = Vec::new();
    for &t in theirs {
        match (base_by.get(&t.id), ours_by.get(&t.id)) {
            (_, Some(&o)) if o == t => entries.push(t.clone()),
            (Some(&b), Some(&o)) => {
                if o == b {
                    entries.push(t.clone());
                } else if t == b {
                    entries.push(o.clone());
                } else {
                    entries.push(t.clone());
                    clash.push(o);
                }
            }
            // We deleted it: that holds unless they changed it meanwhile.
            (Some(&b), None) => {
                if t != b {
                    entries.push(t.clone());
                }
            }
            (None, Some(&o)) => {
                entries.push(t.clone());
                clash.push(o);
            }
            (None, None) => entries.push(t.clone()),
        }
    }
    for o in ours.iter().filter(|o| !theirs_ids.contains(&o.id)) {
        match base_by.get(&o.id) {
            // They deleted it: that holds unless we changed it meanwhile.
            Some(&b) if b == o => {}
            _ => entries.push(o.clone()),
        }
    }

    let mut next = entries
        .iter()
        .map(|e| e.id)
        .chain(ours.iter().map(|e| e.id))
        .chain(base.iter().map(|e| e.id))
        .chain(reserved)
        .max()
        .unwrap_or(0);
    let mut renumbered = Vec::with_capacity(clash.len());
    for o in clash {
        next += 1;
        renumbered.push((o.id, next));
        entries.push(Entry {
            id: next,
            ..o.clone()
        });
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
