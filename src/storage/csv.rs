//! CSV export of sessions and morning check-ins, for spreadsheets.
//!
//! RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would
//! run as a formula (`=`, `+`, `-`, `@`) prefixed with `'`, since a
//! restored backup may hold text the app did not write.

use crate::engine::model::{Baseline, Entry, EntryKind, Log, Response};
use chrono::NaiveDate;
use std::borrow::Cow;

pub fn csv_filename(what: &str, today: NaiveDate) -> String {
    format!("phtrehab-{what}-{today}.csv")
}

/// One row per set.
pub fn sessions_csv(log: &Log) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "date",
            "exercise",
            "side",
            "set",
            "reps_or_seconds",
            "kg",
            "pain",
            "effort",
            "response",
        ],
    );
    for entry in by_date(log) {
        let EntryKind::Session(session) = &entry.kind else {
            continue;
        };
        let response = match session.response {
            Some(Response::Better) => "better",
            Some(Response::Same) => "same",
            Some(Response::Worse) => "worse",
            None => "",
        };
        for block in &session.blocks {
            for (i, set) in block.sets.iter().enumerate() {
                let effort = set.effort.map(|e| e.to_string()).unwrap_or_default();
                row(
                    &mut out,
                    &[
                        &entry.date.to_string(),
                        &block.exercise,
                        block.side.label(),
                        &(i + 1).to_string(),
                        &set.n.to_string(),
                        &crate::num::trimmed(f64::from(set.kg), 3),
                        &set.pain.map_or(String::new(), |p| p.to_string()),
                        &effort,
                        response,
                    ],
                );
            }
        }
    }
    out
}

/// One row per morning rating, with the baseline in force that day.
pub fn checkins_csv(log: &Log) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &["date", "rating", "baseline_test", "baseline_rating"],
    );
    let mut baseline: Option<&Baseline> = None;
    for entry in by_date(log) {
        match &entry.kind {
            EntryKind::Baseline(b) => baseline = Some(b),
            EntryKind::Morning(m) => {
                let (test, rating) = baseline
                    .map(|b| (b.test.name(), b.rating.to_string()))
                    .unwrap_or_default();
                row(
                    &mut out,
                    &[
                        &entry.date.to_string(),
                        &m.rating.to_string(),
                        test,
                        &rating,
                    ],
                );
            }
            _ => {}
        }
    }
    out
}

/// Entries by date; on one date baselines first, so a new baseline counts
/// from its own morning.
fn by_date(log: &Log) -> Vec<&Entry> {
    let mut entries: Vec<&Entry> = log.entries.iter().collect();
    crate::sorted::sort_by(&mut entries, &|e| {
        let later = !matches!(e.kind, EntryKind::Baseline(_));
        (2 * crate::sorted::day_key(e.date) + i64::from(later), e.id)
    });
    entries
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell));
    }
    out.push_str("\r\n");
}

pub fn cell_text(cell: &str) -> Cow<'_, str> {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let cell: Cow<str> = if formula {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    };
    if cell.contains([',', '"', '\r', '\n']) || cell.starts_with(' ') || cell.ends_with(' ') {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        cell
    }
}
