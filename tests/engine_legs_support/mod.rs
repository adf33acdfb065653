//! The one-rating fixture's digest: each day's plan as plain lines (items,
//! decisions with their reasons, the morning call), so a stored copy made
//! before per-leg mornings existed proves old logs still plan the same.
#![allow(dead_code)]

use chrono::NaiveDate;
use hamstring_rehab::engine::model::Log;
use hamstring_rehab::engine::plan::plan;
use std::fmt::Write;

/// Every day's plan from the log's start to `last`, one block per day.
pub fn digest(log: &Log, last: NaiveDate) -> String {
    let mut out = String::new();
    let mut d = log.settings.start_date;
    while d <= last {
        let p = plan(log, d);
        let _ = writeln!(out, "{d} stage {:?} {:?}", p.stage, p.day);
        if let Some(c) = &p.morning_call {
            let _ = writeln!(out, "  call {}", c.reason());
        }
        for i in &p.items {
            let _ = writeln!(
                out,
                "  item {} {:?} {}x{} {}kg",
                i.exercise.id, i.side, i.dose.sets, i.dose.amount, i.dose.load_kg
            );
        }
        for x in &p.decisions {
            let _ = writeln!(
                out,
                "  {:?} {} {:?} {:?}: {}",
                x.phase,
                x.exercise,
                x.side,
                x.kind,
                x.reason()
            );
        }
        d = d.succ_opt().unwrap();
    }
    out
}
