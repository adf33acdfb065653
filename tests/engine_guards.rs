#![cfg(not(target_arch = "wasm32"))]
//! The rules that guard the progression rather than step it (rehab-model §3
//! and §7): red flags stop everything, heavy sessions are spaced, several
//! loads on one day get the confounder note, a new baseline applies from its
//! date, one-leg sides progress apart, and deep hip flexion waits.

mod engine_support;

use engine_support::*;
use hamstring_rehab::engine::decide::{DecisionKind, Phase};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::DayPlan;
use hamstring_rehab::engine::synthetic::{settings, Sim};

#[test]
fn a_red_flag_stops_everything_until_cleared() {
    let mut sim = runner();
    sim.train(1, Response::Same);
    sim.red_flag(RedFlag::NumbnessBelowKnee);
    sim.next_day();
    sim.morning(2);
    let p = sim.plan();
    assert!(matches!(p.day, DayPlan::Stop { ref flags } if flags == &[RedFlag::NumbnessBelowKnee]));
    assert!(p.items.is_empty());
    assert!(morning_decisions(&p)
        .iter()
        .all(|d| d.kind == DecisionKind::Hold && d.reason().contains("red flag")));
    sim.add(EntryKind::RedFlagCleared(RedFlagCleared::default()));
    assert!(matches!(
        sim.plan().day,
        DayPlan::Load { .. } | DayPlan::Rest { .. }
    ));

    let mut s = settings(Goal::Running, monday());
    s.red_flags.present.insert(RedFlag::PopWithBruising);
    let onboarding = Sim::new(s, SelfTest::Bridge, 2);
    assert!(matches!(onboarding.plan().day, DayPlan::Stop { .. }));
}

#[test]
fn heavy_sessions_need_a_rest_day_and_at_most_three_a_week() {
    let mut sim = runner();
    sim.train(1, Response::Same);
    sim.next_day();
    let p = sim.plan();
    assert!(matches!(p.day, DayPlan::Rest { ref reason } if reason.contains("a day between")));
    let mut loads = 0;
    for _ in 0..7 {
        if sim.train(1, Response::Same) {
            loads += 1;
        }
        sim.next_day();
    }
    assert_eq!(loads, 3, "Wednesday, Friday and Sunday after Monday's");
}

#[test]
fn several_loads_on_one_day_give_the_confounder_note() {
    let mut sim = runner();
    sim.train(1, Response::Same);
    sim.activity(ActivityKind::Run {
        km: 8.0,
        minutes: 50,
        hills: true,
        fast: false,
    });
    sim.activity(ActivityKind::Sitting { hours: 6.0 });
    sim.next_day();
    sim.morning(4);
    let p = sim.plan();
    let note = p.confounder.clone().expect("a confounder note");
    assert!(
        note.contains("a rehab session, a long hilly run and long sitting"),
        "{note}"
    );
    let d = bridge(&p).unwrap();
    assert!(
        d.reason().contains("a long hilly run and long sitting"),
        "{}",
        d.reason()
    );
}

#[test]
fn a_new_baseline_applies_from_its_date_only() {
    let mut sim = runner();
    sim.morning(2);
    let p = session_then_morning(&mut sim, 1, 3);
    assert_eq!(bridge(&p).unwrap().kind, DecisionKind::Hold, "3 against 2");
    // Later the user re-tests and sets a baseline of 3: old decisions stay.
    sim.next_day();
    sim.add(EntryKind::Baseline(Baseline {
        test: SelfTest::Bridge,
        two_legs: false,
        rating: 3,
        legs: None,
        extra: Extra::new(),
    }));
    let replay = hamstring_rehab::engine::replay::Replay::run(&sim.log, sim.today);
    let old = replay
        .decisions
        .iter()
        .find(|d| d.phase == Phase::NextMorning)
        .unwrap();
    assert_eq!((old.kind, old.baseline), (DecisionKind::Hold, 2));
    assert_eq!(replay.baseline, 3);
}

#[test]
fn one_leg_sides_progress_separately() {
    let mut sim = runner();
    climb_to_single_leg_bridge(&mut sim);
    sim.morning(2);
    // Left hurts above the ceiling, right is fine.
    sim.train_with(Response::Same, |item, n| {
        (n, if item.side == Side::Left { 5 } else { 1 })
    });
    sim.next_day();
    sim.morning(2);
    let p = sim.plan();
    let by_side = |s: Side| {
        morning_decisions(&p)
            .into_iter()
            .find(|d| d.exercise == "single_leg_bridge" && d.side == s)
            .unwrap()
            .kind
    };
    assert_eq!(by_side(Side::Left), DecisionKind::Hold);
    assert_eq!(by_side(Side::Right), DecisionKind::Progress);
}

#[test]
fn deep_hip_flexion_is_locked_early() {
    let sim = runner();
    let p = sim.plan();
    let squat = p
        .locked
        .iter()
        .find(|l| l.ladder.id == "split_squat")
        .expect("locked");
    assert!(
        squat.reason.contains("Deep hip bending opens once"),
        "{}",
        squat.reason
    );
    let jumps = p
        .locked
        .iter()
        .find(|l| l.ladder.id == "vertical_jump")
        .unwrap();
    assert!(jumps.reason.contains("stage 3"), "{}", jumps.reason);
}
