#![cfg(not(target_arch = "wasm32"))]
//! Each leg's own morning (issue 12 point 2): with a one-leg self-test and
//! both legs affected, each leg is rated on its own; one-leg work follows
//! its own leg, two-leg work the worse one, and old one-rating check-ins
//! plan exactly as they did.

use hamstring_rehab::engine::decide::{DecisionKind, Why};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::Plan;
use hamstring_rehab::engine::synthetic::{settings, Sim};
use hamstring_rehab::json as hj;
use hamstring_rehab::storage::layout::decode_log;

mod engine_legs_support;
mod engine_support;

use engine_support::*;

/// Made by the app before per-leg mornings existed: both legs affected, a
/// one-leg foot-elevated bridge test, one rating a morning, with bad
/// mornings, scale backs and missed check-ins; and every day's plan then.
const OLD_LOG: &str = include_str!("fixtures/v1_one_rating_log.json");
const OLD_PLANS: &str = include_str!("fixtures/v1_one_rating_plans.txt");

#[test]
fn an_old_one_rating_log_plans_exactly_as_before() {
    let doc = hj::parse(OLD_LOG).unwrap();
    let log = decode_log(doc).expect("the stored format reads").log;
    assert_eq!(log.version, 1, "no version bump for per-leg mornings");
    assert!(log.entries.iter().all(|e| match &e.kind {
        EntryKind::Morning(m) => m.legs.is_none(),
        _ => true,
    }));
    let last = log.entries.iter().map(|e| e.date).max().unwrap();
    let now = engine_legs_support::digest(&log, last);
    for (n, (was, is)) in OLD_PLANS.lines().zip(now.lines()).enumerate() {
        assert_eq!(was, is, "line {} of the plans differs", n + 1);
    }
    assert_eq!(OLD_PLANS.lines().count(), now.lines().count());
    // Written back, it is the same document: nothing is added to it.
    assert_eq!(hj::to_string(&log), OLD_LOG.trim_end());
}

/// A runner with both legs sore who tests on the single-leg bridge.
fn both_legs() -> Sim {
    let mut s = settings(Goal::Running, monday());
    s.affected = AffectedSide::Both;
    Sim::new(s, SelfTest::Bridge, 2)
}

/// Good mornings on both legs until Session A offers the single-leg bridge
/// on each leg (see `climb_to_single_leg_bridge`).
fn to_single_leg_bridge() -> Sim {
    let mut sim = both_legs();
    climb_to_single_leg_bridge(&mut sim);
    sim
}

fn decision<'p>(
    p: &'p Plan,
    id: &str,
    side: Side,
) -> &'p hamstring_rehab::engine::decide::Decision {
    morning_decisions(p)
        .into_iter()
        .find(|d| d.exercise == id && d.side == side)
        .unwrap_or_else(|| panic!("no decision for {id} on {side:?}"))
}

#[test]
fn a_bad_left_morning_holds_the_left_leg_and_lets_the_right_step_up() {
    let mut sim = to_single_leg_bridge();
    assert!(
        sim.train(1, Response::Better),
        "Session A with the single-leg bridge"
    );
    sim.next_day();
    sim.morning_legs(4, 2);
    let p = sim.plan();
    let left = decision(&p, "single_leg_bridge", Side::Left);
    assert_eq!(
        (left.kind, &left.why),
        (DecisionKind::Hold, &Why::MorningAbove)
    );
    assert_eq!(
        (left.morning, left.baseline, left.leg),
        (Some(4), 2, Some(Side::Left))
    );
    assert_eq!(
        left.reason(),
        "Held: this morning's left-leg bridge test was 4/10; your baseline is 2/10."
    );
    let right = decision(&p, "single_leg_bridge", Side::Right);
    assert_eq!(right.kind, DecisionKind::Progress, "{}", right.reason());
    assert!(
        right.reason().contains("right-leg bridge test was 2/10"),
        "{}",
        right.reason()
    );
    // Two-leg work of the same session follows the worse leg.
    for d in morning_decisions(&p)
        .into_iter()
        .filter(|d| d.side == Side::Both)
    {
        assert_ne!(d.kind, DecisionKind::Progress, "{}", d.reason());
        assert_eq!(d.leg, Some(Side::Left));
    }
}

#[test]
fn a_large_rise_on_one_leg_scales_back_only_that_legs_one_leg_work() {
    let mut sim = to_single_leg_bridge();
    let before = item(&sim.plan(), "single_leg_bridge").map(|i| i.dose);
    assert!(sim.train(1, Response::Better));
    sim.next_day();
    sim.morning_legs(2, 6);
    let p = sim.plan();
    let right = decision(&p, "single_leg_bridge", Side::Right);
    assert_eq!(
        (right.kind, &right.why),
        (DecisionKind::ScaleBack, &Why::LargeRise)
    );
    assert!(
        right
            .reason()
            .contains("right-leg bridge test was 6/10; your baseline is 2/10"),
        "{}",
        right.reason()
    );
    assert!(right.after.le(&right.before) && right.after != right.before);
    let left = decision(&p, "single_leg_bridge", Side::Left);
    assert_eq!(left.kind, DecisionKind::Progress, "{}", left.reason());
    let scaled: Vec<_> = morning_decisions(&p)
        .into_iter()
        .filter(|d| d.side == Side::Both)
        .map(|d| d.kind)
        .collect();
    assert!(
        scaled.iter().all(|k| *k == DecisionKind::ScaleBack),
        "two-leg work follows the worse leg: {scaled:?}"
    );
    assert!(before.is_some());
}

#[test]
fn todays_call_follows_each_legs_own_morning() {
    let mut sim = to_single_leg_bridge();
    // A morning on a loading day, right leg above baseline, left settled.
    sim.morning_legs(2, 4);
    let p = sim.plan();
    let call = p.morning_call.clone().expect("the worse leg changes today");
    assert_eq!(call.leg, Some(Side::Right));
    assert_eq!(
        call.reason(),
        "This morning's right-leg bridge test was 4/10; your baseline is 2/10. Today stays at the dose you last did; the next step waits for a settled morning."
    );
    let on = |side: Side| {
        p.items
            .iter()
            .find(|i| i.exercise.id == "single_leg_bridge" && i.side == side)
            .unwrap_or_else(|| panic!("the single-leg bridge on {side:?}"))
    };
    assert_eq!(
        on(Side::Left).planned,
        None,
        "the left leg's morning was fine"
    );
}

#[test]
fn a_baseline_per_leg_judges_each_leg_against_its_own() {
    let mut sim = to_single_leg_bridge();
    sim.add(EntryKind::Baseline(Baseline {
        test: SelfTest::Bridge,
        two_legs: false,
        rating: 4,
        legs: Some(Legs { left: 1, right: 4 }),
        extra: Extra::new(),
    }));
    assert!(sim.train(1, Response::Better));
    sim.next_day();
    sim.morning_legs(3, 4);
    let p = sim.plan();
    let left = decision(&p, "single_leg_bridge", Side::Left);
    assert_eq!(
        (left.kind, left.morning, left.baseline),
        (DecisionKind::Hold, Some(3), 1)
    );
    assert!(
        left.reason()
            .contains("left-leg bridge test was 3/10; your baseline is 1/10"),
        "{}",
        left.reason()
    );
    let right = decision(&p, "single_leg_bridge", Side::Right);
    assert_eq!(
        (right.kind, right.baseline),
        (DecisionKind::Progress, 4),
        "{}",
        right.reason()
    );
}

#[test]
fn a_one_rating_morning_still_speaks_for_both_legs() {
    let mut sim = to_single_leg_bridge();
    assert!(sim.train(1, Response::Better));
    sim.next_day();
    sim.morning(4);
    let p = sim.plan();
    for side in [Side::Left, Side::Right] {
        let d = decision(&p, "single_leg_bridge", side);
        assert_eq!((d.kind, d.leg), (DecisionKind::Hold, None));
        assert_eq!(
            d.reason(),
            "Held: this morning's bridge test was 4/10; your baseline is 2/10."
        );
    }
}

#[test]
fn the_legs_are_saved_beside_the_worse_rating() {
    let mut sim = both_legs();
    let id = sim.morning_legs(5, 3);
    let EntryKind::Morning(m) = &sim.log.entry(id).unwrap().kind else {
        panic!("a morning")
    };
    assert_eq!((m.rating, m.legs), (5, Some(Legs { left: 5, right: 3 })));
    let json = hj::to_string(&sim.log);
    assert!(
        json.contains(r#""type":"morning","rating":5,"legs":{"left":5,"right":3}"#),
        "{json}"
    );
    let back = decode_log(hj::parse(&json).unwrap()).unwrap().log;
    assert_eq!(back, sim.log);
}
