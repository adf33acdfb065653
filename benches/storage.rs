//! Storage benchmark: for a synthetic three-year log (the engine's
//! `three_year_log`), the time of one save (one more set in the latest
//! session, after a full load) and the total stored size. Prints figures;
//! targets are a save under 4 ms of main thread and under 1 MB stored.
//! Native timings; the browser test `web_storage` prints the wasm ones.

use hamstring_rehab::engine::model::{EntryKind, Log};
use hamstring_rehab::engine::synthetic::three_year_log;
use hamstring_rehab::storage::{parse_backup, MemoryStore, Repository};
use std::time::{Duration, Instant};

fn latest_session(log: &Log) -> u64 {
    log.entries
        .iter()
        .filter(|e| matches!(&e.kind, EntryKind::Session(s) if !s.blocks.is_empty()))
        .max_by_key(|e| (e.date, e.id))
        .expect("the log has sessions")
        .id
}

/// One more set in the last block (`add`), or take it away again.
fn one_set(log: &mut Log, id: u64, add: bool) {
    let entry = log.entries.iter_mut().find(|e| e.id == id).unwrap();
    if let EntryKind::Session(s) = &mut entry.kind {
        let block = s.blocks.last_mut().unwrap();
        let set = block.sets.last().cloned().unwrap();
        if add {
            block.sets.push(set);
        } else {
            block.sets.pop();
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let log = three_year_log();
    let (mut sessions, mut sets, mut mornings) = (0, 0, 0);
    for e in &log.entries {
        match &e.kind {
            EntryKind::Session(s) => {
                sessions += 1;
                sets += s.blocks.iter().map(|b| b.sets.len()).sum::<usize>();
            }
            EntryKind::Morning(_) => mornings += 1,
            _ => {}
        }
    }
    println!(
        "log: {} entries ({mornings} mornings, {sessions} sessions, {sets} sets)",
        log.entries.len()
    );

    let store = MemoryStore::new();
    let mut first = log.clone();
    let t = Instant::now();
    Repository::new(store.clone()).save(&mut first).unwrap();
    println!("first full save: {}", ms(t.elapsed()));

    let mut repo = Repository::new(store.clone());
    let t = Instant::now();
    let mut loaded = repo.load().unwrap().unwrap();
    println!("full load: {}", ms(t.elapsed()));
    assert_eq!(loaded, log);

    let id = latest_session(&loaded);
    let mut times = Vec::new();
    for _ in 0..200 {
        one_set(&mut loaded, id, true);
        store.take_writes();
        let t = Instant::now();
        repo.save(&mut loaded).unwrap();
        times.push(t.elapsed());
        assert_eq!(store.take_writes().len(), 1, "one part per set");
        // Keep the session realistic: the next round adds a set again.
        one_set(&mut loaded, id, false);
        repo.save(&mut loaded).unwrap();
    }
    times.sort();
    println!(
        "one save (a set added to the latest session): median {}, max {} over {} saves",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        times.len()
    );

    let snapshot = store.snapshot();
    let utf8: usize = snapshot.iter().map(|(k, v)| k.len() + v.len()).sum();
    let biggest = snapshot.values().map(String::len).max().unwrap_or(0);
    println!(
        "stored: {utf8} bytes UTF-8 ({:.2} MB) in {} keys, {} UTF-16 units against the quota; \
         largest part {biggest} bytes",
        utf8 as f64 / 1_000_000.0,
        snapshot.len(),
        store.used()
    );

    let t = Instant::now();
    let (_, backup) = repo.export_backup(&loaded, log.settings.start_date);
    let export = t.elapsed();
    let t = Instant::now();
    parse_backup(backup.as_bytes()).unwrap();
    println!(
        "backup: {} bytes, export {}, parse and check {}",
        backup.len(),
        ms(export),
        ms(t.elapsed())
    );
}
