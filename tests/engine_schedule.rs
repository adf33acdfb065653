#![cfg(not(target_arch = "wasm32"))]
//! Rest days in return to running (issue 12 point 8): a run is tendon
//! loading, so heavy sessions and runs take turns with a day off after each,
//! and every week keeps at least two days with neither.

mod engine_support;

use chrono::NaiveDate;
use engine_support::runner;
use hamstring_rehab::engine::catalogue::Stage;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::{DayPlan, Plan};
use hamstring_rehab::engine::rules::MIN_REST_DAYS_PER_WEEK;
use hamstring_rehab::engine::synthetic::Sim;
use std::collections::BTreeMap;

fn loading(p: &Plan) -> bool {
    matches!(p.day, DayPlan::Load { .. }) && !p.items.is_empty()
}

/// A flat, easy run the person logs on their own.
fn easy_run(sim: &mut Sim, km: f32, minutes: u16) {
    sim.activity(ActivityKind::Run {
        km,
        minutes,
        hills: false,
        fast: false,
    });
}

fn rest_reason(p: &Plan) -> Option<&str> {
    match &p.day {
        DayPlan::Rest { reason } => Some(reason),
        _ => None,
    }
}

/// A runner who does exactly what the plan says, every day, with good
/// mornings, until this many days of return to running have been planned.
/// Returns each return-to-running day and whether it was a loading day.
fn follow_the_plan(sim: &mut Sim, rtr_days: usize) -> BTreeMap<NaiveDate, bool> {
    let mut days = BTreeMap::new();
    for _ in 0..2 * 365 {
        sim.morning(2);
        let p = sim.plan();
        if p.stage == Stage::ReturnToRunning {
            days.insert(p.date, loading(&p));
            if days.len() == rtr_days {
                return days;
            }
        }
        sim.train(1, Response::Better);
        sim.next_day();
    }
    panic!(
        "return to running was never reached ({} days of it)",
        days.len()
    );
}

#[test]
fn following_the_plan_never_loads_two_days_running_and_keeps_two_rest_days_a_week() {
    let mut sim = runner();
    let days = follow_the_plan(&mut sim, 8 * 7);
    let loaded: Vec<bool> = days.values().copied().collect();
    for pair in loaded.windows(2) {
        assert!(
            !(pair[0] && pair[1]),
            "two loading days in a row: {loaded:?}"
        );
    }
    for week in loaded.windows(7) {
        let rest = week.iter().filter(|l| !**l).count();
        assert!(
            rest >= MIN_REST_DAYS_PER_WEEK,
            "a week with {rest} rest days: {week:?}"
        );
    }
    // Runs are still prescribed: the plan alternates, it does not only rest.
    let load_days = loaded.iter().filter(|l| **l).count();
    assert!(load_days >= 8 * 3, "{load_days} loading days in 8 weeks");
}

#[test]
fn following_the_plan_offers_both_runs_and_heavy_sessions() {
    let mut sim = runner();
    follow_the_plan(&mut sim, 1);
    let mut runs = 0;
    let mut heavy = 0;
    for _ in 0..28 {
        sim.morning(2);
        match &sim.plan().day {
            DayPlan::Load { label } if label == "Run" => runs += 1,
            DayPlan::Load { .. } => heavy += 1,
            _ => {}
        }
        sim.train(1, Response::Better);
        sim.next_day();
    }
    assert!(
        runs >= 6 && heavy >= 6,
        "four weeks: {runs} runs, {heavy} heavy sessions"
    );
}

#[test]
fn no_heavy_session_is_prescribed_the_day_after_a_run_the_user_chose() {
    let mut sim = runner();
    follow_the_plan(&mut sim, 1);
    // On a rest day the person runs anyway: the next day rests too, so no
    // heavy session follows the run.
    for _ in 0..14 {
        sim.morning(2);
        let p = sim.plan();
        if rest_reason(&p).is_some() {
            easy_run(&mut sim, 5.0, 30);
            sim.next_day();
            sim.morning(2);
            let after = sim.plan();
            let reason = rest_reason(&after).expect("the day after a run is a rest day");
            assert!(reason.contains("yesterday's run"), "{reason}");
            return;
        }
        sim.train(1, Response::Better);
        sim.next_day();
    }
    panic!("no rest day in two weeks of return to running");
}

#[test]
fn the_day_after_a_heavy_session_is_not_a_run() {
    let mut sim = runner();
    follow_the_plan(&mut sim, 1);
    for _ in 0..14 {
        sim.morning(2);
        let p = sim.plan();
        let heavy = matches!(&p.day, DayPlan::Load { label } if label != "Run");
        sim.train(1, Response::Better);
        sim.next_day();
        if heavy {
            sim.morning(2);
            let reason = rest_reason(&sim.plan()).map(str::to_owned);
            assert!(
                reason
                    .as_deref()
                    .is_some_and(|r| r.contains("yesterday's heavy session")),
                "{reason:?}"
            );
            return;
        }
    }
    panic!("no heavy session in two weeks of return to running");
}

#[test]
fn a_week_of_chosen_loading_brings_a_rest_day_even_after_a_day_off() {
    let mut sim = runner();
    follow_the_plan(&mut sim, 1);
    let start = sim.plan().date;
    // Five runs the user chose on five days running, then a day off.
    for day in 0..6 {
        if day != 5 {
            easy_run(&mut sim, 3.0, 20);
        }
        sim.next_day();
    }
    assert_eq!(sim.plan().date, start + chrono::Days::new(6));
    sim.morning(2);
    let p = sim.plan();
    let reason = rest_reason(&p).expect("a rest day");
    assert!(
        reason.contains(&format!("{MIN_REST_DAYS_PER_WEEK} days a week")),
        "{reason}"
    );
}

/// Issue 12 point 9: after stage 1 the holds stay on offer, as a warm-up
/// and on rest days (`000_…`), and doing them or not changes no decision.
#[test]
fn holds_stay_on_offer_after_stage_one_and_change_nothing() {
    let mut sim = runner();
    sim.morning(2);
    let first = sim.plan();
    assert_eq!(first.stage, Stage::HeavySlow);
    assert!(
        !first.holds.is_empty(),
        "holds offered as a warm-up in stage 2"
    );
    assert!(first
        .holds
        .iter()
        .all(|i| i.ladder.stage == Stage::Isometric));
    assert!(first
        .items
        .iter()
        .all(|i| i.ladder.stage != Stage::Isometric));
    sim.train(1, Response::Better);
    sim.next_day();
    sim.morning(2);
    let rest = sim.plan();
    assert!(
        rest_reason(&rest).is_some(),
        "the day after a heavy session rests"
    );
    assert!(!rest.holds.is_empty(), "holds offered on a rest day");

    // Doing the rest day's holds: the next heavy session is the same.
    let mut with_holds = sim.clone();
    with_holds.add(EntryKind::Session(Session {
        blocks: rest
            .holds
            .iter()
            .map(|i| Block {
                exercise: i.exercise.id.to_string(),
                side: i.side,
                sets: vec![
                    SetLog {
                        n: i.dose.amount,
                        kg: i.dose.load_kg,
                        pain: Some(1),
                        effort: Some(7),
                    };
                    i.dose.sets as usize
                ],
                extra: Extra::new(),
            })
            .collect(),
        response: Some(Response::Same),
        note: None,
        extra: Extra::new(),
    }));
    for s in [&mut sim, &mut with_holds] {
        s.next_day();
        s.morning(2);
    }
    let (a, b) = (sim.plan(), with_holds.plan());
    assert!(
        loading(&a) && loading(&b),
        "a heavy day after the rest day, holds or not"
    );
    let doses = |p: &Plan| {
        p.items
            .iter()
            .map(|i| (i.exercise.id, i.side, i.dose))
            .collect::<Vec<_>>()
    };
    assert_eq!(doses(&a), doses(&b));
}

#[test]
fn stage_one_has_no_separate_holds_and_a_red_flag_offers_none() {
    let mut s =
        hamstring_rehab::engine::synthetic::settings(Goal::Running, engine_support::monday());
    s.irritability.pain_at_rest = true;
    let mut sim = Sim::new(s, SelfTest::Bridge, 2);
    sim.morning(2);
    let p = sim.plan();
    assert_eq!(p.stage, Stage::Isometric);
    assert!(
        p.holds.is_empty(),
        "in stage 1 the holds are the plan itself"
    );
    let mut sim = runner();
    sim.red_flag(RedFlag::NumbnessBelowKnee);
    assert!(sim.plan().holds.is_empty());
}
