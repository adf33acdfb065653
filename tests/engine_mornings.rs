#![cfg(not(target_arch = "wasm32"))]
//! Today's morning governs today (issue 12 point 1): a morning test above
//! baseline holds or trims the day's plan whether or not there was a session
//! the day before, and a session done on a bad morning never counts as good.

use hamstring_rehab::engine::decide::{DecisionKind, Phase, Why};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::DayPlan;

mod engine_support;

use engine_support::*;

/// Monday Session A, Tuesday's good morning steps the bridge up, Wednesday
/// Session B, Thursday's good morning steps B up; Friday is Session A again.
fn week_to_friday() -> hamstring_rehab::engine::synthetic::Sim {
    let mut sim = runner();
    good_day(&mut sim, 1); // Monday: Session A
    good_day(&mut sim, 1); // Tuesday: rest, the bridge steps up
    good_day(&mut sim, 1); // Wednesday: Session B
    good_day(&mut sim, 1); // Thursday: rest, Session B steps up
    sim
}

#[test]
fn a_good_friday_offers_the_stepped_up_bridge() {
    let mut sim = week_to_friday();
    sim.morning(2);
    let p = sim.plan();
    assert_eq!(p.morning_call, None);
    let b = item(&p, "double_leg_bridge").expect("Session A on Friday");
    assert_eq!((b.dose.amount, b.planned), (12, None));
}

#[test]
fn a_bad_morning_after_a_rest_day_holds_the_untried_step_up() {
    let mut sim = week_to_friday();
    sim.morning(4); // Thursday had no session; Friday's morning still counts
    let p = sim.plan();
    assert!(matches!(p.day, DayPlan::Load { .. }));
    let call = p.morning_call.clone().expect("the morning changes today");
    assert_eq!(
        (call.kind, &call.why),
        (DecisionKind::Hold, &Why::MorningAbove)
    );
    assert_eq!(
        call.reason(),
        "This morning's bridge test was 4/10; your baseline is 2/10. Today stays at the dose you last did; the next step waits for a settled morning."
    );
    let b = item(&p, "double_leg_bridge").unwrap();
    assert_eq!(b.dose.amount, 10, "Monday's dose, not the step up");
    assert_eq!(b.planned.map(|p| p.dose.amount), Some(12));

    // Friday's session on that morning, then a fine Saturday morning: the
    // session does not count toward a step up.
    assert!(sim.train(1, Response::Better));
    let preview = sim.plan();
    let d = preview
        .decisions
        .iter()
        .find(|d| d.phase == Phase::AfterSession && d.exercise == "double_leg_bridge")
        .unwrap();
    assert_eq!(d.why, Why::TrainedOnBadMorning { rating: 4 });
    assert!(
        d.reason().contains("trained on a 4/10 morning"),
        "{}",
        d.reason()
    );
    sim.next_day();
    sim.morning(2);
    let saturday = sim.plan();
    let d = bridge(&saturday).unwrap();
    assert_eq!(d.kind, DecisionKind::Hold, "{}", d.reason());
    assert_eq!(d.why, Why::TrainedOnBadMorning { rating: 4 });
    assert_eq!(
        d.reason(),
        "Held: you did this session on a 4/10 morning, above your baseline of 2/10, so it does not count toward a step up, even though this morning's bridge test was 2/10."
    );
    assert_eq!(saturday.morning_call, None);
}

#[test]
fn a_seven_after_a_rest_day_trims_the_session() {
    let mut sim = week_to_friday();
    sim.morning(7);
    let p = sim.plan();
    let call = p.morning_call.clone().unwrap();
    assert_eq!(
        (call.kind, &call.why),
        (DecisionKind::ScaleBack, &Why::LargeRise)
    );
    assert!(
        call.reason()
            .starts_with("This morning's bridge test was 7/10, well above your baseline of 2/10. Today is a little lighter"),
        "{}",
        call.reason()
    );
    let b = item(&p, "double_leg_bridge").unwrap();
    assert_eq!(
        b.dose.amount, 8,
        "one trim below Monday's 10, not the stepped-up 12"
    );
    assert_eq!(b.planned.map(|p| p.dose.amount), Some(12));
    for i in &p.items {
        let planned = i.planned.expect("every exercise is lighter today");
        assert!(
            (i.level, i.dose.sets, i.dose.amount)
                < (planned.level, planned.dose.sets, planned.dose.amount)
                || i.dose.load_kg < planned.dose.load_kg,
            "{} not lighter",
            i.exercise.id
        );
    }
}

#[test]
fn the_first_morning_counts_with_no_session_before_it() {
    let mut sim = runner();
    sim.morning(5);
    let p = sim.plan();
    assert_eq!(
        p.morning_call.as_ref().map(|c| c.kind),
        Some(DecisionKind::ScaleBack)
    );
    let b = item(&p, "double_leg_bridge").unwrap();
    assert_eq!(
        (b.dose.amount, b.planned.map(|p| p.dose.amount)),
        (8, Some(10))
    );
}

#[test]
fn work_decided_this_morning_is_not_trimmed_twice() {
    // An irritable start does holds every day, so Tuesday's holds were
    // already scaled back with Tuesday's 7/10 check-in.
    let mut s = hamstring_rehab::engine::synthetic::settings(Goal::Running, monday());
    s.irritability.pain_at_rest = true;
    let mut sim = hamstring_rehab::engine::synthetic::Sim::new(s, SelfTest::Bridge, 2);
    sim.morning(2);
    let tuesday = session_then_morning(&mut sim, 1, 7);
    assert_eq!(
        tuesday.morning_call.as_ref().map(|c| c.kind),
        Some(DecisionKind::ScaleBack)
    );
    let decided = morning_decisions(&tuesday);
    assert!(!decided.is_empty());
    for i in &tuesday.items {
        let d = decided
            .iter()
            .find(|d| d.exercise == i.exercise.id)
            .expect("each hold was done on Monday");
        assert_eq!(d.kind, DecisionKind::ScaleBack);
        assert_eq!(
            i.dose, d.after.dose,
            "{} trimmed once, not twice",
            i.exercise.id
        );
        assert_eq!(i.planned, None);
    }
}
