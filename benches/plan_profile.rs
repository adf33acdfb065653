//! Today's plan on the synthetic three-year log, only the `plan` calls in
//! one function, for counting instructions with callgrind: on a shared
//! machine the wall clock of `benches/plan.rs` is noise, an instruction
//! count is not.
//!
//! ```bash
//! cargo bench --bench plan_profile --no-run
//! N=10 valgrind --tool=callgrind --toggle-collect='plan_profile::measured' \
//!     target/release/deps/plan_profile-<hash>
//! ```
//!
//! callgrind's total is then the instructions of `N` plans (10 by default).

use hamstring_rehab::engine::model::Log;
use hamstring_rehab::engine::plan::plan;
use hamstring_rehab::engine::synthetic::three_year_log;
use std::hint::black_box;

/// Kept out of line so callgrind can count it alone.
#[inline(never)]
fn measured(log: &Log, today: chrono::NaiveDate, n: usize) {
    for _ in 0..n {
        black_box(plan(black_box(log), today));
    }
}

fn main() {
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let log = three_year_log();
    let today = log.entries.iter().map(|e| e.date).max().expect("entries");
    let t = std::time::Instant::now();
    measured(&log, today, n);
    let ms = t.elapsed().as_secs_f64() * 1000.0 / n.max(1) as f64;
    println!("{n} plans, {ms:.3} ms each (wall clock)");
}
