#![cfg(not(target_arch = "wasm32"))]
//! Backup files the end-to-end tests import, so a browser test can start
//! seven weeks into a programme without clicking through them. Each one is
//! made by the engine's simulated user (the same one as
//! tests/engine_examples.rs) and exported by the storage layer exactly as the
//! app's "Export a backup" does.
//!
//! The committed files must match what this generator makes; after an engine
//! or storage change that alters them, rewrite them with
//!
//! ```text
//! UPDATE_E2E_FIXTURES=1 cargo test --test e2e_fixtures
//! ```
//!
//! and rerun the end-to-end tests that read them.

use chrono::{Datelike, NaiveDate, Weekday};
use hamstring_rehab::engine::catalogue::Stage;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::DayPlan;
use hamstring_rehab::engine::stage::CheckKind;
use hamstring_rehab::engine::synthetic::{settings, Sim};
use hamstring_rehab::storage::{parse_backup, MemoryStore, Repository};
use std::path::PathBuf;

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/e2e/fixtures")
        .join(name)
}

/// The backup file of `log`, exported on `today`.
fn backup(mut log: Log, today: NaiveDate) -> String {
    let mut repo = Repository::new(MemoryStore::new());
    repo.save(&mut log).expect("saved in memory");
    let (_, text) = repo.export_backup(&log, today);
    // Pretty, so a diff of a regenerated fixture is readable.
    let value: serde_json::Value = serde_json::from_str(&text).expect("backup is JSON");
    serde_json::to_string_pretty(&value).expect("JSON") + "\n"
}

/// Compare with the committed file, or rewrite it when asked to.
fn check_committed(name: &str, text: &str) {
    let path = fixture_path(name);
    if std::env::var_os("UPDATE_E2E_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is out of date with the engine; rewrite it with \
         UPDATE_E2E_FIXTURES=1 cargo test --test e2e_fixtures",
        path.display()
    );
}

/// `000_…` case 1, the mild runner of tests/engine_examples.rs: steady
/// mornings at her baseline, sessions on Mondays and Thursdays, an easy flat
/// run on Saturdays. The log stops on the morning whose check-in opens
/// stage 3, before that check-in, so the browser test does it and sees the
/// stage change on screen.
fn mild_runner() -> (Log, NaiveDate) {
    let mut sim = Sim::new(
        settings(Goal::Running, monday()),
        SelfTest::LongLeverFootElevatedBridge,
        2,
    );
    for _ in 0..52 * 7 {
        let mut ahead = Sim {
            log: sim.log.clone(),
            today: sim.today,
        };
        ahead.morning(2);
        if ahead.plan().stage == Stage::EnergyStorage {
            return (sim.log, sim.today);
        }
        sim.morning(2);
        match sim.weekday() {
            Weekday::Mon | Weekday::Thu => {
                sim.train(1, Response::Better);
            }
            Weekday::Sat => {
                sim.activity(ActivityKind::Run {
                    km: 5.0,
                    minutes: 30,
                    hills: false,
                    fast: false,
                });
            }
            _ => {}
        }
        sim.next_day();
    }
    panic!("the mild runner never reached stage 3");
}

#[test]
fn mild_runner_fixture_stops_the_morning_stage_3_opens() {
    let (log, today) = mild_runner();
    // What the browser test relies on, so a changed engine fails here
    // first, with a clear message, rather than in the browser.
    assert_eq!(today, NaiveDate::from_ymd_opt(2026, 3, 27).unwrap());
    assert_eq!(today.weekday(), Weekday::Fri, "the morning after a session");
    let sim = Sim {
        log: log.clone(),
        today,
    };
    let before = sim.plan();
    assert_eq!(before.stage, Stage::HeavySlow);
    assert!(before.check_in_due);
    let gate = before.next_gate.expect("a gate to stage 3");
    assert_eq!(gate.to, Stage::EnergyStorage);
    let unmet: Vec<CheckKind> = gate
        .checks
        .iter()
        .filter(|c| !c.met)
        .map(|c| c.kind)
        .collect();
    assert_eq!(unmet, [CheckKind::AdvancedWork, CheckKind::Symmetry]);
    assert!(before
        .items
        .iter()
        .all(|i| i.ladder.stage == Stage::HeavySlow));

    let mut after = sim;
    after.morning(2);
    let friday = after.plan();
    assert_eq!(friday.stage, Stage::EnergyStorage);
    assert!(
        matches!(&friday.day, DayPlan::Rest { .. }),
        "rest after Thursday's session"
    );
    after.next_day();
    after.morning(2);
    let saturday = after.plan();
    assert!(matches!(&saturday.day, DayPlan::Load { .. }));
    assert_eq!(
        saturday.items.first().map(|i| i.ladder.stage),
        Some(Stage::EnergyStorage),
        "jumps first in the session"
    );

    let text = backup(log, today);
    let parsed = parse_backup(text.as_bytes()).expect("the app accepts the file");
    assert_eq!(parsed.preview.first, Some(monday()));
    check_committed("mild-runner-day-82.json", &text);
}
