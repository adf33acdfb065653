#![cfg(not(target_arch = "wasm32"))]
//! The self-test moves up (issue 12 point 10): a test settled for weeks,
//! while training went well past it, brings a suggestion to try the next
//! harder one with a fresh baseline. The user decides.

mod engine_support;

use engine_support::runner;
use hamstring_rehab::engine::advice::Topic;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::rules::SELF_TEST_REVIEW_DAYS;
use hamstring_rehab::engine::selftest::{harder, suggest_harder_test};
use hamstring_rehab::engine::synthetic::Sim;

fn suggestion(sim: &Sim) -> Option<String> {
    sim.plan()
        .advice
        .into_iter()
        .find(|a| a.topic == Topic::HarderTest)
        .map(|a| a.text)
}

/// Follows the plan with this morning rating and pain during each day;
/// returns the first day (0-based) the suggestion showed, if any.
fn days_until_suggested(
    sim: &mut Sim,
    days: usize,
    morning: impl Fn(usize) -> u8,
    pain: u8,
) -> Option<usize> {
    for day in 0..days {
        sim.morning(morning(day));
        if suggestion(sim).is_some() {
            return Some(day);
        }
        sim.train(pain, Response::Better);
        sim.next_day();
    }
    None
}

#[test]
fn settled_mornings_and_training_past_the_test_suggest_the_next_test() {
    let mut sim = runner();
    let day = days_until_suggested(&mut sim, 120, |_| 2, 1).expect("suggested within four months");
    assert!(
        day >= SELF_TEST_REVIEW_DAYS as usize,
        "not before four weeks on the test: day {day}"
    );
    let text = suggestion(&sim).unwrap();
    assert!(
        text.starts_with("Your bridge test has sat at or under your baseline for 4 weeks"),
        "{text}"
    );
    assert!(
        text.contains("The long-lever bridge may now tell you more"),
        "{text}"
    );
    assert!(text.contains("Your call."), "{text}");
    // Nothing changes by itself: the test and baseline stay until the user acts.
    let p = sim.plan();
    assert_eq!((p.test, p.baseline), (SelfTest::Bridge, 2));
}

#[test]
fn one_morning_above_baseline_in_the_window_keeps_the_current_test() {
    let mut sim = runner();
    // Every 20th morning is 3/10: never four clear weeks in a row.
    let day = days_until_suggested(&mut sim, 120, |d| if d % 20 == 19 { 3 } else { 2 }, 1);
    assert_eq!(day, None);
}

#[test]
fn training_with_more_than_minimal_pain_is_not_past_the_test() {
    let mut sim = runner();
    assert_eq!(days_until_suggested(&mut sim, 120, |_| 2, 2), None);
}

#[test]
fn a_new_baseline_on_the_harder_test_starts_the_count_again() {
    let mut sim = runner();
    days_until_suggested(&mut sim, 120, |_| 2, 1).expect("suggested");
    sim.add(EntryKind::Baseline(Baseline {
        test: SelfTest::LongLeverBridge,
        two_legs: false,
        rating: 2,
        legs: None,
        extra: Extra::new(),
    }));
    assert_eq!(suggestion(&sim), None, "the new test starts fresh");
    sim.train(1, Response::Better);
    sim.next_day();
    let again = days_until_suggested(&mut sim, SELF_TEST_REVIEW_DAYS as usize - 2, |_| 2, 1);
    assert_eq!(again, None, "not within four weeks of the new baseline");
}

#[test]
fn the_ladder_ends_at_the_rdl_and_the_walk_is_not_on_it() {
    let order: Vec<_> = std::iter::successors(Some(SelfTest::Bridge), |t| harder(*t)).collect();
    assert_eq!(
        order,
        [
            SelfTest::Bridge,
            SelfTest::LongLeverBridge,
            SelfTest::FootElevatedBridge,
            SelfTest::LongLeverFootElevatedBridge,
            SelfTest::Rdl
        ]
    );
    assert_eq!(harder(SelfTest::MorningWalk), None);
}

#[test]
fn a_red_flag_in_force_suggests_nothing() {
    let mut sim = runner();
    days_until_suggested(&mut sim, 120, |_| 2, 1).expect("suggested");
    let r = hamstring_rehab::engine::replay::Replay::run(&sim.log, sim.today);
    assert!(suggest_harder_test(&r, sim.today).is_some());
    sim.red_flag(RedFlag::NumbnessBelowKnee);
    assert_eq!(suggestion(&sim), None);
}
