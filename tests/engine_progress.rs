#![cfg(not(target_arch = "wasm32"))]
//! Progress series come from the log, and follow corrections.

use chrono::NaiveDate;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::progress::progress;
use hamstring_rehab::engine::synthetic::{settings, Sim};

#[test]
fn series_match_the_log_and_follow_a_correction() {
    let start = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
    let mut sim = Sim::new(settings(Goal::Running, start), SelfTest::Bridge, 2);
    let mut typo = 0;
    for day in 0..21 {
        let id = sim.morning(if day == 3 { 9 } else { 2 });
        if day == 3 {
            typo = id;
        }
        if day == 10 {
            sim.flare();
        }
        sim.train_with(Response::Better, |item, n| {
            (n, if item.side == Side::Right { 2 } else { 1 })
        });
        sim.next_day();
    }
    let today = sim.today;
    let p = progress(&sim.log, today);
    assert_eq!(p.mornings.len(), 21);
    assert_eq!(p.mornings[3].rating, 9);
    assert!(p.mornings.iter().all(|m| m.baseline == 2));
    assert_eq!(
        p.flares,
        [start.checked_add_days(chrono::Days::new(10)).unwrap()]
    );
    assert!(
        p.level_changes
            .iter()
            .any(|c| c.up && c.to == "Single-leg bridge"),
        "{:?}",
        p.level_changes
    );
    let sets: u32 = p.weeks.iter().map(|w| w.sets).sum();
    let logged: usize = sim
        .log
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Session(s) => Some(s.blocks.iter().map(|b| b.sets.len()).sum::<usize>()),
            _ => None,
        })
        .sum();
    assert_eq!(sets as usize, logged);
    assert!(p.pains.iter().any(|x| x.side == Side::Right && x.pain == 2));
    assert!(p.one_leg().any(|s| s.ladder.id == "bridge"));

    // Correct the mistyped 9: the series follows.
    let mut fixed = sim.log.clone();
    let entry = fixed.entry(typo).unwrap().clone();
    fixed.upsert(Entry {
        kind: EntryKind::Morning(Morning {
            rating: 2,
            legs: None,
            extra: Extra::new(),
        }),
        ..entry
    });
    assert_eq!(progress(&fixed, today).mornings[3].rating, 2);
}
