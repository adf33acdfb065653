#![cfg(not(target_arch = "wasm32"))]
//! Good news told plainly (issue 14 point 4), as training logs: each
//! morning's decision says its new dose in numbers, a new level is news
//! the morning it opens and only then, and the week so far is counted.

use hamstring_rehab::engine::decide::{Change, DecisionKind};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::Plan;

mod engine_support;

use engine_support::{bridge, morning_decisions, runner, session_then_morning};

fn level_news(p: &Plan) -> Vec<String> {
    p.news
        .iter()
        .filter(|n| n.title.contains("level"))
        .map(|n| format!("{}: {}", n.title, n.text))
        .collect()
}

#[test]
fn a_good_morning_says_the_new_dose_against_the_old_one() {
    let mut sim = runner();
    sim.morning(2);
    let p = session_then_morning(&mut sim, 1, 2);
    let b = bridge(&p).expect("the bridge was decided");
    assert_eq!(b.kind, DecisionKind::Progress, "{}", b.reason());
    let (was, now) = (b.before.dose, b.after.dose);
    assert_eq!(
        b.new_dose().as_deref(),
        Some(
            format!(
                "Next time: {} x {} reps, up from {} x {}.",
                now.sets, now.amount, was.sets, was.amount
            )
            .as_str()
        )
    );
    assert!(
        now.volume() > was.volume(),
        "{:?} is more than {:?}",
        now,
        was
    );
}

#[test]
fn a_bad_morning_says_the_lighter_dose_and_a_hold_says_the_same_again() {
    let mut sim = runner();
    sim.morning(2);
    let p = session_then_morning(&mut sim, 1, 6);
    for d in morning_decisions(&p) {
        assert_eq!(d.kind, DecisionKind::ScaleBack, "{}", d.reason());
        let words = d.new_dose().expect("a dose");
        assert!(
            words.starts_with("Next time: ") && words.contains(" down from "),
            "{words}"
        );
    }
    // A flare day holds everything: the same dose, said as such.
    let mut sim = runner();
    sim.morning(2);
    sim.train(1, Response::Same);
    sim.next_day();
    sim.flare();
    sim.morning(2);
    let p = sim.plan();
    let b = bridge(&p).expect("the bridge was decided");
    assert_eq!(b.kind, DecisionKind::Hold);
    let dose = b.after.dose;
    assert_eq!(
        b.new_dose().as_deref(),
        Some(format!("Next time: {} x {} reps again.", dose.sets, dose.amount).as_str())
    );
}

#[test]
fn a_preview_straight_after_the_session_sets_no_dose() {
    let mut sim = runner();
    sim.morning(2);
    sim.train(1, Response::Same);
    let p = sim.plan();
    assert!(!p.decisions.is_empty());
    for d in &p.decisions {
        assert_eq!(d.new_dose(), None, "{}", d.reason());
    }
}

#[test]
fn a_new_level_is_news_the_morning_it_opens_and_only_then() {
    // Good mornings and full sessions until a morning opens the single-leg
    // bridge.
    let mut sim = runner();
    let mut opened = None;
    for _ in 0..60 {
        sim.morning(2);
        let p = sim.plan();
        if morning_decisions(&p)
            .iter()
            .any(|d| matches!(d.change, Some(Change::NextLevel("Single-leg bridge"))))
        {
            opened = Some(p);
            break;
        }
        sim.train(1, Response::Better);
        sim.next_day();
    }
    let p = opened.expect("a morning opened the single-leg bridge");
    let up = morning_decisions(&p)
        .into_iter()
        .find(|d| matches!(d.change, Some(Change::NextLevel(_))))
        .unwrap();
    let words = up.new_dose().expect("a dose");
    assert!(
        words.starts_with("Next time: Single-leg bridge, ")
            && words.contains(", up from Double-leg bridge at "),
        "{words}"
    );
    let news = level_news(&p);
    assert_eq!(news.len(), 1, "{news:?}");
    assert!(news[0].contains("Single-leg bridge"), "{news:?}");
    assert!(p.news.iter().all(|n| n.good), "{:?}", p.news);
    sim.train(1, Response::Better);
    sim.next_day();
    sim.morning(2);
    assert!(
        level_news(&sim.plan())
            .iter()
            .all(|n| !n.contains("Single-leg bridge")),
        "told once"
    );
}

#[test]
fn the_week_counts_days_trained_and_mornings_at_or_under_baseline() {
    // Monday: at baseline, trained. Tuesday: above. Wednesday: under.
    let mut sim = runner();
    assert_eq!(sim.plan().week.sessions + sim.plan().week.mornings, 0);
    sim.morning(2);
    sim.train(1, Response::Same);
    sim.next_day();
    sim.morning(3);
    sim.next_day();
    sim.morning(1);
    let w = sim.plan().week;
    assert_eq!((w.sessions, w.mornings, w.settled), (1, 3, 2));
    // A new week starts from nothing on Monday.
    for _ in 0..5 {
        sim.next_day();
    }
    let w = sim.plan().week;
    assert_eq!((w.sessions, w.mornings, w.settled), (0, 0, 0));
}
