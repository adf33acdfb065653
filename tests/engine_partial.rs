#![cfg(not(target_arch = "wasm32"))]
//! A partial log never drives the plan silently (issue 12 point 11): when
//! part of the stored log cannot be read, the plan says it may be wrong,
//! nothing steps up, no stage opens, and a baseline that was lost is never
//! taken as 0/10.

use hamstring_rehab::engine::catalogue::Stage;
use hamstring_rehab::engine::decide::{DecisionKind, Phase, Why};
use hamstring_rehab::engine::dose::Position;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::{plan_with, Completeness, Plan};
use hamstring_rehab::engine::synthetic::Sim;

mod engine_support;

use engine_support::*;

fn partial(sim: &Sim) -> Plan {
    plan_with(&sim.log, sim.today, Completeness::Partial)
}

/// Monday Session A and a good Tuesday morning: the bridge would step up.
fn runner_after_a_good_session() -> Sim {
    let mut sim = runner();
    good_day(&mut sim, 1); // Monday: Session A
    sim.morning(2); // Tuesday
    sim
}

#[test]
fn a_good_morning_on_a_partial_log_holds_and_says_why() {
    let sim = runner_after_a_good_session();
    let whole = sim.plan();
    assert!(!whole.partial);
    assert_eq!(bridge(&whole).unwrap().kind, DecisionKind::Progress);
    let p = partial(&sim);
    assert!(p.partial);
    let d = bridge(&p).unwrap();
    assert_eq!((d.kind, &d.why), (DecisionKind::Hold, &Why::PartialLog));
    assert!(d.reason().contains("couldn't be read"), "{}", d.reason());
    assert!(morning_decisions(&p)
        .iter()
        .all(|d| d.kind != DecisionKind::Progress));
    let caution = p.caution().expect("the plan says it may be wrong");
    assert!(caution.contains("may be wrong"), "{caution}");
}

#[test]
fn nothing_steps_up_over_days_of_a_partial_log() {
    let mut sim = runner_after_a_good_session();
    sim.next_day();
    // Wednesday to the end of the fortnight: good mornings, every session
    // done in full as the partial plan offers it.
    let mut first: Vec<(String, Side, Position)> = Vec::new();
    let mut held = 0;
    for _ in 0..14 {
        sim.morning(2);
        let p = partial(&sim);
        assert_eq!(p.stage, Stage::HeavySlow);
        for i in &p.items {
            let now = Position {
                level: i.level,
                dose: i.dose,
            };
            match first
                .iter()
                .find(|(id, side, _)| id == i.ladder.id && *side == i.side)
            {
                Some((_, _, was)) => assert!(
                    now.le(was),
                    "{} stepped up on a partial log: {now:?} after {was:?}",
                    i.exercise.id
                ),
                None => first.push((i.ladder.id.to_string(), i.side, now)),
            }
            // What a whole log would offer is kept beside it.
            held += usize::from(i.planned.is_some_and(|was| !was.le(&now)));
        }
        sim.follow(&p, 1, Response::Better);
        sim.next_day();
    }
    assert!(first.len() >= 2, "both sessions were offered: {first:?}");
    assert!(held > 0, "a whole log would have stepped up meanwhile");
}

#[test]
fn no_stage_opens_on_a_partial_log() {
    // An irritable start: holds every day; four good days open stage 2.
    let mut s = hamstring_rehab::engine::synthetic::settings(Goal::Running, monday());
    s.irritability.pain_at_rest = true;
    let mut sim = Sim::new(s, SelfTest::Bridge, 2);
    let mut opened = None;
    for day in 0..20 {
        sim.morning(2);
        let p = partial(&sim);
        assert_eq!(p.stage, Stage::Isometric, "day {day}: {}", p.stage_reason);
        if opened.is_none() && sim.plan().stage == Stage::HeavySlow {
            opened = Some(day);
        }
        sim.follow(&p, 1, Response::Better);
        sim.next_day();
    }
    assert!(opened.is_some(), "a whole log opens stage 2 meanwhile");
}

#[test]
fn a_lost_baseline_is_never_taken_as_zero() {
    // The month holding the onboarding baseline could not be read: the
    // log left has mornings at 2/10 but no baseline.
    let mut sim = runner();
    for _ in 0..3 {
        good_day(&mut sim, 1);
    }
    sim.log
        .entries
        .retain(|e| !matches!(e.kind, EntryKind::Baseline(_)));
    sim.morning(2);
    let p = partial(&sim);
    assert!(p.partial);
    assert!(!p.baseline_known);
    assert_eq!(p.morning_call, None, "2/10 is not a flare against nothing");
    for d in morning_decisions(&p) {
        assert_eq!((d.kind, &d.why), (DecisionKind::Hold, &Why::NoBaseline));
        assert!(d.reason().contains("baseline"), "{}", d.reason());
    }
    assert!(!morning_decisions(&p).is_empty());
    // With no baseline the plan is partial even when storage read it all.
    let whole = sim.plan();
    assert!(whole.partial && !whole.baseline_known && !whole.unread);
    let caution = whole.caution().unwrap();
    assert!(
        caution.contains("may be wrong") && caution.contains("no baseline"),
        "{caution}"
    );
    assert!(
        !caution.contains("couldn't be read"),
        "nothing is unreadable"
    );
    assert!(
        p.caution().unwrap().contains("couldn't be read"),
        "read in part, it says so"
    );
    assert!(
        hamstring_rehab::engine::replay::Replay::run(&sim.log, sim.today)
            .decisions
            .iter()
            .all(|d| d.kind == DecisionKind::Hold || d.phase == Phase::AfterSession)
    );
}

#[test]
fn a_whole_log_is_not_partial() {
    let sim = runner_after_a_good_session();
    let p = plan_with(&sim.log, sim.today, Completeness::Whole);
    assert_eq!(p, sim.plan());
    assert_eq!(p.caution(), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Whatever came before, days on a partial log never step up: no
    /// decision made on one progresses, no stage opens, and no item is
    /// offered above what was done the time before.
    #[test]
    fn a_partial_log_never_steps_up(
        irritable in proptest::bool::ANY,
        before in proptest::collection::vec((0u8..=5, 0u8..=4), 0..40),
        during in proptest::collection::vec((0u8..=5, 0u8..=4), 1..25),
    ) {
        let mut s = hamstring_rehab::engine::synthetic::settings(Goal::Running, monday());
        s.irritability.pain_at_rest = irritable;
        let mut sim = Sim::new(s, SelfTest::Bridge, 2);
        for &(morning, pain) in &before {
            sim.morning(morning);
            sim.train(pain, Response::Same);
            sim.next_day();
        }
        let mut stage = None;
        let mut done: Vec<(&'static str, Side, Position)> = Vec::new();
        for &(morning, pain) in &during {
            sim.morning(morning);
            let p = partial(&sim);
            proptest::prop_assert!(p.partial && p.caution().is_some());
            for d in morning_decisions(&p) {
                proptest::prop_assert!(d.kind != DecisionKind::Progress, "{}", d.reason());
            }
            proptest::prop_assert!(stage.is_none_or(|s| p.stage <= s), "stage rose to {:?}", p.stage);
            stage = Some(p.stage);
            for i in &p.items {
                let now = Position { level: i.level, dose: i.dose };
                if let Some((_, _, was)) = done.iter().find(|(id, side, _)| *id == i.ladder.id && *side == i.side) {
                    proptest::prop_assert!(now.le(was), "{} stepped up: {:?} after {:?}", i.exercise.id, now, was);
                }
            }
            if sim.follow(&p, pain, Response::Same) {
                for i in &p.items {
                    let now = Position { level: i.level, dose: i.dose };
                    done.retain(|(id, side, _)| !(*id == i.ladder.id && *side == i.side));
                    done.push((i.ladder.id, i.side, now));
                }
            }
            sim.next_day();
        }
    }
}
