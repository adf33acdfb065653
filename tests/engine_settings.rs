#![cfg(not(target_arch = "wasm32"))]
//! Settings apply from the day they change (issue 12 point 5): a new pain
//! ceiling, goal, equipment or side is dated like a baseline, so it
//! decides from that day on and never re-judges a day before it.

use chrono::NaiveDate;
use hamstring_rehab::engine::decide::{DecisionKind, Phase, Why};
use hamstring_rehab::engine::edit::{apply, Edit};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::synthetic::Sim;

mod engine_support;

use engine_support::*;

/// Save the settings screen today with `change` made to what is shown.
fn save(sim: &mut Sim, change: impl FnOnce(&mut Settings)) {
    let mut s = sim.log.settings.clone();
    change(&mut s);
    apply(&mut sim.log, sim.today, Edit::Settings(s)).expect("valid settings");
}

fn decision<'p>(
    p: &'p hamstring_rehab::engine::plan::Plan,
    id: &str,
) -> &'p hamstring_rehab::engine::decide::Decision {
    p.decisions
        .iter()
        .find(|d| d.phase == Phase::NextMorning && d.exercise == id)
        .unwrap_or_else(|| panic!("no decision on {id}"))
}

#[test]
fn a_ceiling_raised_today_does_not_rejudge_yesterday() {
    let mut sim = runner(); // ceiling 3/10, baseline 2/10
    sim.morning(2);
    assert!(sim.train(4, Response::Same), "Monday: Session A at 4/10");
    sim.next_day();
    sim.morning(2);
    let tuesday = sim.plan();
    let d = decision(&tuesday, "double_leg_bridge");
    assert_eq!(
        (d.kind, &d.why),
        (DecisionKind::Hold, &Why::PainOverCeiling)
    );

    // Tuesday: the ceiling goes up to 5/10. Monday was over the ceiling it
    // had, and stays so.
    save(&mut sim, |s| s.pain_ceiling = 5);
    let again = sim.plan();
    let d = decision(&again, "double_leg_bridge");
    assert_eq!(
        (d.kind, &d.why),
        (DecisionKind::Hold, &Why::PainOverCeiling)
    );
    assert!(
        d.reason().contains("your ceiling is 3/10"),
        "{}",
        d.reason()
    );
    assert_eq!(again.decisions, tuesday.decisions);

    // Wednesday's Session B at the same 4/10 is within the new ceiling.
    sim.next_day();
    sim.morning(2);
    assert!(sim.train(4, Response::Same), "Wednesday: Session B");
    sim.next_day();
    sim.morning(2);
    let thursday = sim.plan();
    let b = morning_decisions(&thursday);
    assert!(!b.is_empty());
    for d in b {
        assert_eq!(d.kind, DecisionKind::Progress, "{}", d.reason());
    }
    // And Monday, replayed on Thursday, is still a hold.
    let r = hamstring_rehab::engine::replay::Replay::run(&sim.log, sim.today);
    let monday_bridge = r
        .decisions
        .iter()
        .find(|d| d.session_date == monday() && d.exercise == "double_leg_bridge")
        .unwrap();
    assert_eq!(monday_bridge.why, Why::PainOverCeiling);
}

#[test]
fn a_ceiling_lowered_today_holds_from_today_on() {
    let mut sim = runner();
    sim.morning(2);
    assert!(sim.train(3, Response::Same), "Monday at 3/10, the ceiling");
    sim.next_day();
    sim.morning(2);
    assert_eq!(
        decision(&sim.plan(), "double_leg_bridge").kind,
        DecisionKind::Progress
    );
    save(&mut sim, |s| s.pain_ceiling = 2);
    assert_eq!(
        decision(&sim.plan(), "double_leg_bridge").kind,
        DecisionKind::Progress,
        "Monday keeps its step up"
    );
    sim.next_day();
    sim.morning(2);
    assert!(sim.train(3, Response::Same), "Wednesday at 3/10");
    sim.next_day();
    sim.morning(2);
    for d in morning_decisions(&sim.plan()) {
        assert_eq!(
            (d.kind, &d.why),
            (DecisionKind::Hold, &Why::PainOverCeiling)
        );
        assert!(
            d.reason().contains("your ceiling is 2/10"),
            "{}",
            d.reason()
        );
    }
}

#[test]
fn equipment_given_up_leaves_the_past_and_drops_from_today() {
    let mut sim = runner(); // bench, sliders, weights
    good_day(&mut sim, 1); // Monday: Session A
    good_day(&mut sim, 1); // Tuesday: rest
    sim.morning(2);
    let wednesday = sim.plan();
    assert!(
        item(&wednesday, "fe_ll_bridge").is_some(),
        "Session B uses the bench"
    );
    assert!(sim.train(1, Response::Better));
    sim.next_day();
    sim.morning(2);
    let kept = decision(&sim.plan(), "fe_ll_bridge").clone();
    assert_eq!(kept.kind, DecisionKind::Progress);

    // Thursday: the bench is gone (a move, a new gym).
    save(&mut sim, |s| {
        s.equipment.remove(&Equipment::Bench);
    });
    assert_eq!(decision(&sim.plan(), "fe_ll_bridge"), &kept);
    for _ in 0..7 {
        sim.next_day();
        sim.morning(2);
        let p = sim.plan();
        for i in &p.items {
            assert!(
                !i.exercise.needs.contains(&Equipment::Bench),
                "{} needs the bench on {}",
                i.exercise.id,
                sim.today
            );
        }
        sim.train(1, Response::Better);
    }
}

#[test]
fn a_goal_changed_today_keeps_the_stages_before_it() {
    let mut sim = runner();
    for _ in 0..10 {
        good_day(&mut sim, 1);
    }
    let before = hamstring_rehab::engine::replay::Replay::run(&sim.log, sim.today).stage_log;
    save(&mut sim, |s| s.goal = Goal::DailyLife);
    let p = sim.plan();
    assert_eq!(p.next_gate, None, "daily life needs no stage 3");
    let after = hamstring_rehab::engine::replay::Replay::run(&sim.log, sim.today).stage_log;
    assert_eq!(before, after);
}

#[test]
fn a_save_records_only_what_changed_as_of_today() {
    let mut sim = runner();
    let start = sim.today;
    for _ in 0..5 {
        sim.next_day();
    }
    let saturday = sim.today;
    // Turning the reminder on dates nothing.
    save(&mut sim, |s| s.morning_reminder = true);
    assert!(sim.log.settings.earlier.is_empty());
    assert!(sim.log.settings.morning_reminder);

    save(&mut sim, |s| s.pain_ceiling = 4);
    let saved = &sim.log.settings;
    assert_eq!(saved.pain_ceiling, 4);
    assert_eq!(
        saved.earlier,
        vec![Earlier {
            until: saturday,
            affected: None,
            goal: None,
            pain_ceiling: Some(3),
            equipment: None,
            extra: Extra::new(),
        }]
    );
    assert_eq!(saved.on(start).pain_ceiling, 3);
    assert_eq!(saved.on(saturday.pred_opt().unwrap()).pain_ceiling, 3);
    assert_eq!(saved.on(saturday).pain_ceiling, 4);

    // A second change the same day still remembers the value before today.
    save(&mut sim, |s| {
        s.pain_ceiling = 5;
        s.affected = AffectedSide::Both;
    });
    let e = &sim.log.settings.earlier;
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].pain_ceiling, e[0].affected),
        (Some(3), Some(AffectedSide::Left))
    );

    // Back to how the day began: nothing is left to date.
    save(&mut sim, |s| {
        s.pain_ceiling = 3;
        s.affected = AffectedSide::Left;
    });
    assert!(sim.log.settings.earlier.is_empty());

    // Next week's change is a second record, after the first.
    save(&mut sim, |s| s.goal = Goal::Sport);
    for _ in 0..7 {
        sim.next_day();
    }
    save(&mut sim, |s| s.goal = Goal::DailyLife);
    let s = &sim.log.settings;
    let days: Vec<NaiveDate> = s.change_days().collect();
    assert_eq!(days, vec![saturday, sim.today]);
    assert_eq!(s.on(start).goal, Goal::Running);
    assert_eq!(s.on(saturday).goal, Goal::Sport);
    assert_eq!(s.on(sim.today).goal, Goal::DailyLife);
}
