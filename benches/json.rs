//! Benchmark: reading and writing the synthetic three-year log as JSON, and
//! checking it as a backup, natively. Prints figures (issue 15); the
//! browser's own figures come from the e2e long-task check.
//!
//! Run with `cargo bench --bench json`.

use hamstring_rehab::engine::json::FromJson;
use hamstring_rehab::engine::model::Log;
use hamstring_rehab::engine::synthetic::three_year_log;
use hamstring_rehab::storage::backup::{backup_text, parse_backup};
use std::hint::black_box;
use std::time::Instant;

/// Median and worst of `runs` timed calls, in milliseconds, after a warm-up.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    for _ in 0..3 {
        black_box(f());
    }
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    (times[runs / 2], times[runs - 1])
}

fn report(what: &str, (median, worst): (f64, f64)) {
    println!("{what}: median {median:.2} ms, worst {worst:.2} ms");
}

fn main() {
    let log = three_year_log();
    let text = hamstring_rehab::json::to_string(&log);
    println!(
        "three-year log: {} entries, {} bytes of JSON",
        log.entries.len(),
        text.len()
    );

    report(
        "parse to a JSON value",
        time(20, || hamstring_rehab::json::parse(&text).unwrap()),
    );
    let value = hamstring_rehab::json::parse(&text).unwrap();
    report(
        "read the log from the value",
        time(20, || Log::from_json(&value).unwrap()),
    );
    report(
        "write the log",
        time(20, || hamstring_rehab::json::to_string(&log)),
    );
    let today = log.entries.iter().map(|e| e.date).max().expect("entries");
    let backup = backup_text(&text, today);
    report(
        "check a backup of it (parse, migrate, decode, limits, preview)",
        time(10, || parse_backup(backup.as_bytes()).unwrap()),
    );

    // The shape that froze the import screen: one object of 200,000 keys.
    let mut keys = String::from("{");
    for i in 0..200_000 {
        keys.push_str(&format!("\"k{i}\":{i},"));
    }
    keys.push_str("\"end\":0}");
    println!("one object of 200,000 keys: {} bytes", keys.len());
    report(
        "parse it",
        time(10, || hamstring_rehab::json::parse(&keys).unwrap()),
    );
}
