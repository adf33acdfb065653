#![cfg(not(target_arch = "wasm32"))]
//! A steady offset is not a flare (issue 12 point 6): mornings that sit a
//! point above baseline for weeks hold instead of scaling back again and
//! again, the week-on-week rule speaks when it decides, a plateau suggests a
//! new baseline, and only a real flare costs a level, one per episode.

use hamstring_rehab::engine::advice::Topic;
use hamstring_rehab::engine::decide::{Change, Decision, DecisionKind, Phase, Why};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::replay::Replay;
use hamstring_rehab::engine::rules::FLAT_WEEKS_BEFORE_REVIEW;
use hamstring_rehab::engine::synthetic::Sim;
use proptest::prelude::*;

mod engine_support;

use engine_support::*;

/// Two good weeks, then `days` mornings at `rating`, training as planned.
fn offset_after_good_weeks(rating: u8, days: usize) -> (Sim, Vec<String>) {
    let mut sim = runner();
    for _ in 0..14 {
        good_day(&mut sim, 1);
    }
    let mut calls = Vec::new();
    for _ in 0..days {
        sim.morning(rating);
        if let Some(c) = sim.plan().morning_call {
            calls.push(c.reason());
        }
        sim.train(1, Response::Same);
        sim.next_day();
    }
    (sim, calls)
}

fn judged_after(sim: &Sim, from_day: i64) -> Vec<Decision> {
    let from = monday() + chrono::Duration::days(from_day);
    Replay::run(&sim.log, sim.today)
        .decisions
        .into_iter()
        .filter(|d| d.phase == Phase::NextMorning && d.session_date >= from)
        .collect()
}

#[test]
fn six_weeks_at_plus_one_hold_and_scale_back_once_at_most() {
    let (sim, calls) = offset_after_good_weeks(3, 42);
    let judged = judged_after(&sim, 13);
    assert!(judged.len() > 30, "sessions were judged: {}", judged.len());
    assert!(judged.iter().all(|d| d.kind != DecisionKind::Progress));
    let mut scaled: Vec<(&str, Side)> = judged
        .iter()
        .filter(|d| d.kind == DecisionKind::ScaleBack)
        .map(|d| (d.exercise, d.side))
        .collect();
    let n = scaled.len();
    scaled.sort();
    scaled.dedup();
    assert_eq!(n, scaled.len(), "an exercise scaled back twice: {scaled:?}");
    assert!(judged
        .iter()
        .all(|d| !matches!(d.change, Some(Change::LevelDown { .. }))));
    let last = judged.last().unwrap();
    assert_eq!(
        last.why,
        Why::SteadyOffset { mornings: 41 },
        "{}",
        last.reason()
    );
    assert!(
        last.reason().contains("A steady offset is not a flare"),
        "{}",
        last.reason()
    );
    // The week-on-week rule is checked on every morning and names itself
    // the day it decides: the fourth morning at +1 after weeks at baseline.
    assert!(
        calls.iter().any(|c| c
            == "Your mornings averaged 0.6 above baseline this week against 0.0 last week. Today stays at the dose you last did; the next step waits for a settled morning."),
        "{calls:#?}"
    );
    assert!(calls.last().unwrap().contains("steady for 42 check-ins"));
}

#[test]
fn a_plateau_of_flat_weeks_suggests_a_new_baseline_or_a_clinician() {
    let weeks = FLAT_WEEKS_BEFORE_REVIEW as usize;
    let (sim, _) = offset_after_good_weeks(3, weeks * 7 - 1);
    let topics = |s: &Sim| s.plan().advice.iter().map(|a| a.topic).collect::<Vec<_>>();
    assert!(!topics(&sim).contains(&Topic::NewBaseline), "too early");
    let (mut sim, _) = offset_after_good_weeks(3, weeks * 7 + 1);
    sim.morning(3);
    let p = sim.plan();
    let tip = p
        .advice
        .iter()
        .find(|a| a.topic == Topic::NewBaseline)
        .expect("the plateau is named");
    assert!(
        tip.text
            .contains("about 1.0 above your baseline for 3 weeks"),
        "{}",
        tip.text
    );
    assert!(tip.text.contains("new baseline") && tip.text.contains("physiotherapist"));
    // A settled morning ends the plateau.
    sim.next_day();
    sim.morning(2);
    assert!(!topics(&sim).contains(&Topic::NewBaseline));
}

#[test]
fn a_real_flare_costs_one_level_not_two() {
    let mut sim = runner();
    climb_to_single_leg_bridge(&mut sim);
    for _ in 0..60 {
        good_day(&mut sim, 1);
    }
    let start = sim.today;
    // Mornings climbing a point every other day: a rising flare.
    for day in 0..16u8 {
        sim.morning((3 + day / 2).min(10));
        sim.train(1, Response::Same);
        sim.next_day();
    }
    let r = Replay::run(&sim.log, sim.today);
    let flare: Vec<&Decision> = r
        .decisions
        .iter()
        .filter(|d| d.phase == Phase::NextMorning && d.session_date >= start)
        .collect();
    // Levels lost per ladder over the flare: highest before it, lowest after.
    let mut lost: std::collections::BTreeMap<(&str, Side), (usize, usize)> = Default::default();
    for d in &flare {
        let e = lost
            .entry((d.ladder, d.side))
            .or_insert((d.before.level, d.before.level));
        e.0 = e.0.max(d.before.level);
        e.1 = e.1.min(d.after.level);
    }
    let drops: Vec<usize> = lost.values().map(|(hi, lo)| hi - lo).collect();
    assert!(drops.iter().all(|&n| n <= 1), "{lost:?}");
    let level_downs = flare
        .iter()
        .filter(|d| matches!(d.change, Some(Change::LevelDown { repeat: true, .. })))
        .count();
    assert!(
        level_downs >= 3,
        "the repeat scale backs cost a level: {lost:?}"
    );
    // Later, higher mornings still trim what is left.
    assert!(flare.iter().any(|d| d.kind == DecisionKind::ScaleBack
        && matches!(d.change, Some(Change::Within(_)))
        && d.morning > Some(7)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// A stable log with a constant offset never loses more than one level
    /// on any ladder and leg, however long the offset lasts.
    #[test]
    fn a_constant_offset_never_loses_more_than_one_level(
        baseline in 0u8..=4,
        good in 0usize..=40,
        offset in 1u8..=3,
        days in 20usize..=70,
        skips in prop::collection::vec(prop::bool::weighted(0.1), 70),
        pains in prop::collection::vec(0u8..=2, 110),
    ) {
        let mut sim = Sim::new(
            hamstring_rehab::engine::synthetic::settings(Goal::Running, monday()),
            SelfTest::Bridge,
            baseline,
        );
        for (n, pain) in pains.iter().enumerate().take(good + days) {
            let steady = n >= good;
            if !(steady && skips[n - good]) {
                sim.morning(baseline + if steady { offset } else { 0 });
            }
            sim.train(*pain, Response::Same);
            sim.next_day();
        }
        let r = Replay::run(&sim.log, sim.today);
        let mut high: std::collections::BTreeMap<(&str, usize), usize> = Default::default();
        for d in r.decisions.iter().filter(|d| d.phase == Phase::NextMorning) {
            let sides: &[usize] = match d.side { Side::Left => &[0], Side::Right => &[1], Side::Both => &[0, 1] };
            for &s in sides {
                let h = high.entry((d.ladder, s)).or_insert(d.before.level);
                *h = (*h).max(d.before.level);
                prop_assert!(d.after.level + 1 >= *h, "{} lost two levels: {}", d.ladder, d.reason());
            }
        }
    }
}
