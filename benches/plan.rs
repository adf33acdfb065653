//! Benchmark: today's plan from scratch on a synthetic three-year log, and the
//! size of that log serialised. Prints figures; the targets are in the README.
//!
//! Run with `cargo bench --bench plan`.

use hamstring_rehab::engine::model::EntryKind;
use hamstring_rehab::engine::plan::plan;
use hamstring_rehab::engine::synthetic::three_year_log;
use std::hint::black_box;
use std::time::Instant;

const PLAN_TARGET_MS: f64 = 2.0;
const SIZE_TARGET_BYTES: usize = 1_000_000;

fn main() {
    let log = three_year_log();
    let mut mornings = 0;
    let mut sessions = 0;
    let mut sets = 0;
    for e in &log.entries {
        match &e.kind {
            EntryKind::Morning(_) => mornings += 1,
            EntryKind::Session(s) => {
                sessions += 1;
                sets += s.blocks.iter().map(|b| b.sets.len()).sum::<usize>();
            }
            _ => {}
        }
    }
    let today = log.entries.iter().map(|e| e.date).max().expect("entries");
    println!(
        "synthetic log: {mornings} mornings, {sessions} sessions, {sets} sets, {} entries",
        log.entries.len()
    );

    // Warm up, then time many runs and report the median and the worst.
    for _ in 0..5 {
        black_box(plan(black_box(&log), today));
    }
    let mut times: Vec<f64> = (0..50)
        .map(|_| {
            let t = Instant::now();
            black_box(plan(black_box(&log), today));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    println!(
        "plan from scratch: median {median:.3} ms, worst {worst:.3} ms (target <= {PLAN_TARGET_MS} ms) {}",
        verdict(median <= PLAN_TARGET_MS)
    );

    let json = hamstring_rehab::json::to_string(&log);
    println!(
        "serialised log: {} bytes (target <= {SIZE_TARGET_BYTES}) {}",
        json.len(),
        verdict(json.len() <= SIZE_TARGET_BYTES)
    );
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "OK"
    } else {
        "OVER TARGET"
    }
}
