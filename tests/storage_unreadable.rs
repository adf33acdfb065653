#![cfg(not(target_arch = "wasm32"))]
//! Stored data this build cannot read: a part or an index that does not
//! decode, data from a newer app, parts without an index, and entries kept
//! for a newer app. All of it is kept raw and never written over.

mod storage_support;

use hamstring_rehab::storage::{KeyValue, Level, Notice, SaveError};
use storage_support::*;

#[test]
fn a_part_of_a_hostile_shape_is_unreadable_and_kept_raw() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    // Well-formed JSON, but 200,000 fields in one entry: refused by its
    // shape before a tree is built for it.
    let mut wide =
        String::from(r#"{"version":1,"kind":"entries","month":"2026-11","entries":[{"id":2"#);
    for i in 0..200_000 {
        wide.push_str(&format!(",\"x{i}\":0"));
    }
    wide.push_str("}]}");
    store.set("phtrehab:entries:2026-11", &wide).unwrap();

    let (repo, loaded) = reopen(&store);
    assert!(loaded.is_some(), "the other months still load");
    assert_eq!(
        repo.notices()[0],
        Notice::Unreadable {
            keys: vec!["phtrehab:entries:2026-11".into()],
            whole_log: false
        }
    );
    assert_eq!(repo.unreadable().next().unwrap().raw, wide);
}

#[test]
fn a_part_that_does_not_decode_is_kept_raw_and_never_written_over() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let garbage = r#"{"version":1,"kind":"entries","month":"2026-11","entries":[{"id":2,"da"#;
    store.set("phtrehab:entries:2026-11", garbage).unwrap();

    let (mut repo, loaded) = reopen(&store);
    let mut loaded = loaded.expect("the readable months still load");
    assert_eq!(
        loaded.entries.iter().map(|e| e.id).collect::<Vec<_>>(),
        [5, 6]
    );
    let notices = repo.notices();
    assert_eq!(
        notices[0],
        Notice::Unreadable {
            keys: vec!["phtrehab:entries:2026-11".into()],
            whole_log: false
        }
    );
    assert_eq!(notices[0].level(), Level::Warning);
    assert_eq!(repo.unreadable().next().unwrap().raw, garbage);

    // New work in November cannot be stored over it; December still can.
    loaded.entries.push(morning(7, "2026-11-25", 1));
    loaded.entries.push(morning(8, "2026-12-02", 1));
    let err = repo.save(&mut loaded).unwrap_err();
    assert_eq!(
        err,
        SaveError::Blocked(vec!["phtrehab:entries:2026-11".into()])
    );
    assert_eq!(
        store.get("phtrehab:entries:2026-11").unwrap().unwrap(),
        garbage
    );
    assert!(reopen(&store).1.unwrap().entry(8).is_some());
    let meta: serde_json::Value = serde_json::from_str(&store.get(META).unwrap().unwrap()).unwrap();
    assert_eq!(
        meta["parts"]["2026-11"], 4,
        "the index still lists the month"
    );

    let (name, rescue) = repo.rescue_file(day("2026-12-02")).unwrap();
    assert_eq!(name, "phtrehab-rescue-2026-12-02.json");
    let rescue: serde_json::Value = serde_json::from_str(&rescue).unwrap();
    assert_eq!(rescue["keys"]["phtrehab:entries:2026-11"], garbage);

    repo.discard_unreadable().unwrap();
    assert_eq!(store.get("phtrehab:entries:2026-11").unwrap(), None);
    repo.save(&mut loaded).unwrap();
    assert!(reopen(&store).1.unwrap().entry(7).is_some());
}

#[test]
fn an_index_that_does_not_decode_blocks_every_write() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    store
        .set(
            META,
            "{\"version\":1,\"kind\":\"meta\",\"settings\":{\"goal\":7}}",
        )
        .unwrap();
    let before = store.snapshot();

    let (mut repo, loaded) = reopen(&store);
    assert_eq!(loaded, None);
    let notice = &repo.notices()[0];
    assert_eq!(notice.level(), Level::Blocking);
    assert!(matches!(notice, Notice::Unreadable { whole_log: true, keys } if keys.len() == 3));
    // Onboarding again and saving must not write defaults over it.
    assert_eq!(
        repo.save(&mut new_log("2026-12-05")),
        Err(SaveError::Unreadable)
    );
    assert_eq!(store.snapshot(), before);
}

#[test]
fn data_from_a_newer_app_is_refused_and_left_alone() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let newer = store.get("phtrehab:entries:2026-12").unwrap().unwrap();
    let newer = newer.replacen("\"version\":1", "\"version\":7", 1);
    store.set("phtrehab:entries:2026-12", &newer).unwrap();
    let before = store.snapshot();

    let (mut repo, loaded) = reopen(&store);
    assert_eq!(loaded, None);
    assert_eq!(repo.notices()[0], Notice::NewerVersion { found: 7 });
    assert_eq!(repo.save(&mut log), Err(SaveError::NewerVersion));
    assert_eq!(store.snapshot(), before);
}

#[test]
fn parts_without_an_index_are_kept_as_unreadable() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    store.remove(META).unwrap();
    let before = store.snapshot();
    let (mut repo, loaded) = reopen(&store);
    assert_eq!(loaded, None);
    assert_eq!(repo.unreadable().count(), 2);
    assert!(repo.save(&mut new_log("2026-12-05")).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn the_next_id_skips_ids_of_entries_only_a_newer_app_can_read() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let part = store.get("phtrehab:entries:2026-12").unwrap().unwrap();
    let part = part.replacen(
        "\"entries\":[",
        "\"entries\":[{\"id\":40,\"date\":\"2026-12-01\",\"type\":\"sleep\",\"hours\":7},",
        1,
    );
    store.set("phtrehab:entries:2026-12", &part).unwrap();
    let (repo, loaded) = reopen(&store);
    let loaded = loaded.unwrap();
    assert_eq!(loaded.next_id(), Some(7));
    assert_eq!(repo.next_id(&loaded), Some(41));
    assert_eq!(
        repo.notices(),
        vec![Notice::KeptUnknownEntries { count: 1 }]
    );
}

#[test]
fn a_new_entry_that_takes_the_id_of_one_kept_for_a_newer_app_moves_aside() {
    let mut log = autumn_log();
    let (store, _) = saved(&mut log);
    let part = store.get("phtrehab:entries:2026-12").unwrap().unwrap();
    let newer = r#"{"id":7,"date":"2026-12-01","type":"sleep","hours":7}"#;
    let part = part.replacen(r#""entries":["#, &format!(r#""entries":[{newer},"#), 1);
    store.set("phtrehab:entries:2026-12", &part).unwrap();
    let (mut repo, loaded) = reopen(&store);
    let mut loaded = loaded.unwrap();
    // The engine picks ids with `Log::next_id`, which cannot see id 7.
    let id = loaded.next_id().unwrap();
    assert_eq!(id, 7);
    loaded.entries.push(morning(id, "2026-12-02", 1));
    let report = repo.save(&mut loaded).unwrap();
    assert_eq!(report.renumbered, vec![(7, 8)]);
    assert!(loaded.entry(8).is_some());
    let stored: serde_json::Value =
        serde_json::from_str(&store.get("phtrehab:entries:2026-12").unwrap().unwrap()).unwrap();
    let stored = stored["entries"].as_array().unwrap();
    let newer: serde_json::Value = serde_json::from_str(newer).unwrap();
    assert!(stored.contains(&newer));
    assert_eq!(stored.iter().filter(|e| e["id"] == 8).count(), 1);
    assert_eq!(reopen(&store).1, Some(loaded));
}
