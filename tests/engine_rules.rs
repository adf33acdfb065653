#![cfg(not(target_arch = "wasm32"))]
//! Each decision rule of rehab-model §3, one short training log at a time.

use hamstring_rehab::engine::decide::{DecisionKind, Phase};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::plan;

mod engine_support;

use engine_support::*;

#[test]
fn good_morning_and_full_dose_step_up_once() {
    let mut sim = runner();
    sim.morning(2);
    let p = session_then_morning(&mut sim, 1, 2);
    let d = bridge(&p).unwrap();
    assert_eq!(d.kind, DecisionKind::Progress);
    assert_eq!(
        (d.before.dose.amount, d.after.dose.amount),
        (10, 12),
        "one step of two reps"
    );
    assert!(
        d.reason().contains("bridge test was 2/10 (baseline 2/10)"),
        "{}",
        d.reason()
    );
    assert!(
        d.reason()
            .contains("pain during peaked at 1/10 (ceiling 3/10)"),
        "{}",
        d.reason()
    );
}

#[test]
fn no_check_in_means_hold() {
    let mut sim = runner();
    sim.train(1, Response::Better);
    sim.next_day(); // no morning check-in on Tuesday
    let tuesday = sim.plan();
    assert!(tuesday.check_in_due);
    assert!(
        morning_decisions(&tuesday).is_empty(),
        "still waiting for the check-in"
    );
    sim.next_day();
    sim.morning(2);
    let log = sim.log.clone();
    let d = plan(&log, sim.today);
    let all = hamstring_rehab::engine::replay::Replay::run(&log, sim.today).decisions;
    let held = all
        .iter()
        .find(|d| d.phase == Phase::NextMorning && d.exercise == "double_leg_bridge")
        .unwrap();
    assert_eq!(held.kind, DecisionKind::Hold);
    assert!(held.reason().contains("no morning check-in"));
    let item = d
        .items
        .iter()
        .find(|i| i.exercise.id == "double_leg_bridge");
    assert!(item.is_none() || item.unwrap().dose.amount == 10);
}

#[test]
fn morning_one_or_two_above_baseline_holds() {
    let mut sim = runner();
    let p = session_then_morning(&mut sim, 1, 4);
    let d = bridge(&p).unwrap();
    assert_eq!(d.kind, DecisionKind::Hold);
    assert_eq!(
        d.reason(),
        "Held: this morning's bridge test was 4/10; your baseline is 2/10."
    );
    // Read on a later day, the morning is "that morning's".
    assert_eq!(
        d.reason_later(),
        "Held: that morning's bridge test was 4/10; your baseline is 2/10."
    );
    assert_eq!(d.after, d.before);
}

#[test]
fn two_mornings_running_above_baseline_scale_back() {
    let mut sim = runner();
    sim.morning(3);
    let p = session_then_morning(&mut sim, 1, 3);
    let d = bridge(&p).unwrap();
    assert_eq!(d.kind, DecisionKind::ScaleBack);
    assert!(
        d.reason()
            .contains("two mornings running (3/10, then 3/10)"),
        "{}",
        d.reason()
    );
}

#[test]
fn pain_during_over_ceiling_holds_and_far_over_scales_back() {
    let mut sim = runner();
    let p = session_then_morning(&mut sim, 4, 2);
    let d = bridge(&p).unwrap();
    assert_eq!(d.kind, DecisionKind::Hold);
    assert!(d
        .reason()
        .contains("pain during reached 4/10; your ceiling is 3/10"));

    let mut sim = runner();
    let p = session_then_morning(&mut sim, 6, 2);
    assert_eq!(bridge(&p).unwrap().kind, DecisionKind::ScaleBack);
}

#[test]
fn worse_right_after_holds() {
    let mut sim = runner();
    sim.train(1, Response::Worse);
    sim.next_day();
    sim.morning(2);
    let d = bridge(&sim.plan()).cloned().unwrap();
    assert_eq!(d.kind, DecisionKind::Hold);
    assert!(d.reason().contains("worse right after"));
}

#[test]
fn short_of_the_target_holds() {
    let mut sim = runner();
    sim.train_with(Response::Same, |_, n| (n - 3, 1));
    sim.next_day();
    sim.morning(2);
    let d = bridge(&sim.plan()).cloned().unwrap();
    assert_eq!(d.kind, DecisionKind::Hold);
    assert!(
        d.reason().contains("0 of the planned 3 sets"),
        "{}",
        d.reason()
    );
}

#[test]
fn a_flare_day_holds_without_counting() {
    let mut sim = runner();
    sim.train(1, Response::Same);
    sim.next_day();
    sim.flare();
    sim.morning(6);
    let d = bridge(&sim.plan()).cloned().unwrap();
    assert_eq!(d.kind, DecisionKind::Hold);
    assert!(d.reason().contains("flare day"));
    // The flare morning does not make the next bad morning a "second running".
    sim.next_day();
    sim.morning(2);
    let p = session_then_morning(&mut sim, 1, 3);
    let held = morning_decisions(&p);
    assert!(!held.is_empty());
    assert!(
        held.iter().all(|d| d.kind == DecisionKind::Hold),
        "one bad morning after a flare day only holds"
    );
}

#[test]
fn a_repeated_flare_moves_one_level_down() {
    let mut sim = runner();
    climb_to_single_leg_bridge(&mut sim);
    let on_single = sim.plan();
    assert!(on_single
        .items
        .iter()
        .any(|i| i.exercise.id == "single_leg_bridge"));
    let mut downs = Vec::new();
    sim.morning(2);
    for _ in 0..10 {
        let has_bridge = sim.plan().items.iter().any(|i| i.ladder.id == "bridge");
        let trained = sim.train(1, Response::Same) && has_bridge;
        sim.next_day();
        sim.morning(if trained { 6 } else { 2 });
        if trained {
            let p = sim.plan();
            downs.extend(
                morning_decisions(&p)
                    .into_iter()
                    .filter(|d| d.ladder == "bridge")
                    .cloned(),
            );
        }
        if downs.iter().any(|d| d.session_date > downs[0].session_date) {
            break;
        }
    }
    assert_eq!(downs[0].kind, DecisionKind::ScaleBack);
    assert_eq!(
        downs[0].after.level, downs[0].before.level,
        "first flare trims the dose"
    );
    let second = downs
        .iter()
        .find(|d| d.session_date > downs[0].session_date)
        .unwrap();
    assert_eq!(second.kind, DecisionKind::ScaleBack);
    assert_eq!(
        second.after.level + 1,
        second.before.level,
        "{}",
        second.reason()
    );
    assert!(second.reason().contains("one level down"));
}

#[test]
fn mornings_climbing_week_on_week_hold() {
    let mut sim = runner();
    for day in 0..14 {
        // Week one below baseline, week two a point above it.
        let rating = if day < 7 { 1 } else { 3 };
        sim.morning(rating);
        sim.next_day();
    }
    sim.morning(2);
    let p = session_then_morning(&mut sim, 1, 2);
    let d = bridge(&p).unwrap();
    assert_eq!(d.kind, DecisionKind::Hold, "{}", d.reason());
    assert!(d.reason().contains("this week against"), "{}", d.reason());
}
