#![cfg(not(target_arch = "wasm32"))]
//! Gates read what was done, per leg, and stay honest over time (issue 12
//! points 3, 4 and 13), told as training logs.

use chrono::Weekday;
use hamstring_rehab::engine::catalogue::{Flexion, Stage};
use hamstring_rehab::engine::decide::{DecisionKind, Phase, Why};
use hamstring_rehab::engine::dose::floor;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::Plan;
use hamstring_rehab::engine::stage::CheckKind;
use hamstring_rehab::engine::synthetic::{settings, Sim};

mod engine_support;

use engine_support::monday;

fn runner() -> Sim {
    Sim::new(
        settings(Goal::Running, monday()),
        SelfTest::LongLeverFootElevatedBridge,
        2,
    )
}

fn check(p: &Plan, kind: CheckKind) -> String {
    let gate = p.next_gate.as_ref().expect("a next gate");
    let c = gate.checks.iter().find(|c| c.kind == kind).expect("check");
    assert!(!c.met, "{}", c.label());
    c.label()
}

/// Mondays and Thursdays as the plan says, with `amount` choosing each
/// set's reps, mornings at baseline, until `stop` says so or a year passes.
fn weeks(
    sim: &mut Sim,
    amount: impl Fn(&hamstring_rehab::engine::plan::Item, u16) -> u16,
    stop: impl Fn(&Plan) -> bool,
) -> bool {
    for _ in 0..52 * 7 {
        sim.morning(2);
        if stop(&sim.plan()) {
            return true;
        }
        if matches!(sim.weekday(), Weekday::Mon | Weekday::Thu) {
            sim.train_with(Response::Better, |item, n| (amount(item, n), 1));
        }
        sim.next_day();
    }
    false
}

fn advanced_left(item: &hamstring_rehab::engine::plan::Item) -> bool {
    item.side == Side::Left && item.exercise.advanced && item.exercise.one_leg
}

/// The left leg always stops one rep short of its advanced one-leg target:
/// a year of otherwise perfect work never opens stage 3, and the gate names
/// the left leg's gap, not the right's.
#[test]
fn a_left_leg_one_rep_short_keeps_stage_3_closed_and_is_named() {
    let mut sim = runner();
    let cap = |item: &hamstring_rehab::engine::plan::Item, n: u16| {
        if advanced_left(item) {
            n.min(item.exercise.dose.amount_target - 1)
        } else {
            n
        }
    };
    let opened = weeks(&mut sim, cap, |p| p.stage >= Stage::EnergyStorage);
    assert!(!opened, "stage 3 opened on {}", sim.today);
    let label = check(&sim.plan(), CheckKind::AdvancedWork);
    // Held at 3 x 14 (the fifteenth rep never comes), so the fourth set
    // never came either.
    assert!(
        label.ends_with(". Left: 3 x 14 of 4 x 15 on the single-leg hip thrust"),
        "{label}"
    );
    assert!(!label.contains("Right:"), "{label}");
}

/// The same year with the left leg's work all there: stage 3 opens (the
/// control for the test above), on a morning, after a settled night.
#[test]
fn both_legs_at_target_open_stage_3_and_say_so_that_day_only() {
    let mut sim = runner();
    assert!(weeks(
        &mut sim,
        |_, n| n,
        |p| p.stage >= Stage::EnergyStorage
    ));
    let p = sim.plan();
    assert_eq!(p.news.len(), 1, "{:?}", p.news);
    assert_eq!(p.news[0].title, "You've moved up to stage 3");
    // Yesterday's exercises are judged as they were, never held as out of
    // the plan because the stage moved on.
    for d in p.decisions.iter().filter(|d| d.phase == Phase::NextMorning) {
        assert!(!matches!(d.why, Why::NotOffered(_)), "{}", d.reason());
    }
    sim.next_day();
    sim.morning(2);
    assert!(sim.plan().news.is_empty(), "told once");
}

/// Scale the work under a gate back with flares: a 6/10 morning after each
/// session until it is knocked below what the gate needed.
fn flare_until(sim: &mut Sim, done: impl Fn(&Plan) -> bool) -> Option<Plan> {
    for _ in 0..12 * 7 {
        let trained =
            matches!(sim.weekday(), Weekday::Mon | Weekday::Thu) && sim.train(1, Response::Same);
        sim.next_day();
        sim.morning(if trained { 6 } else { 2 });
        let p = sim.plan();
        if done(&p) {
            return Some(p);
        }
    }
    None
}

#[test]
fn repeated_flares_under_stage_3_lock_jumps_again_with_the_reason() {
    let mut sim = runner();
    assert!(weeks(
        &mut sim,
        |_, n| n,
        |p| p.stage >= Stage::EnergyStorage
    ));
    let lost = flare_until(&mut sim, |p| p.stage < Stage::EnergyStorage).expect("jumps lock again");
    assert_eq!(lost.stage, Stage::HeavySlow);
    // The single-leg bridge stays in the plan until running (issue 12
    // point 7), so the flare that knocks it back can close deep hip
    // bending the same day; each is told once.
    let titles: Vec<&str> = lost.news.iter().map(|n| n.title.as_str()).collect();
    assert!(
        titles == ["Back to stage 2"] || titles == ["Back to stage 2", "Deep hip bending on hold"],
        "{:?}",
        lost.news
    );
    let why = &lost.news[0].text;
    assert!(
        why.starts_with("Jumps are on hold again: repeated flares took the single-leg"),
        "{why}"
    );
    assert!(why.contains(" leg below its target"), "{why}");
    assert!(lost
        .items
        .iter()
        .all(|i| i.ladder.stage <= Stage::HeavySlow));
    // Said once; the reason stays where the plan map shows it.
    sim.next_day();
    sim.morning(2);
    let after = sim.plan();
    assert!(after.news.is_empty());
    assert_eq!(after.setbacks.len(), lost.news.len());
    assert!(after.setbacks.contains(why));
    // Work from before the flares does not reopen it: five settled
    // mornings later, with no session since, stage 2 still.
    for _ in 0..5 {
        sim.next_day();
        sim.morning(2);
    }
    assert_eq!(sim.plan().stage, Stage::HeavySlow);
}

/// Both legs' single-leg foot-elevated long-lever bridges, as logged.
fn single_leg_bridges(sim: &mut Sim) {
    let sets = || {
        (0..3)
            .map(|_| SetLog {
                n: 6,
                kg: 0.0,
                pain: Some(1),
                effort: None,
            })
            .collect()
    };
    let block = |side| Block {
        exercise: "fe_ll_bridge_single".into(),
        side,
        sets: sets(),
        extra: Extra::new(),
    };
    sim.add(EntryKind::Session(Session {
        blocks: vec![block(Side::Left), block(Side::Right)],
        response: Some(Response::Same),
        note: None,
        extra: Extra::new(),
    }));
}

#[test]
fn deep_hip_flexion_opens_on_logged_bridges_and_closes_after_repeated_flares() {
    let mut sim = runner();
    let opens = |p: &Plan| p.news.iter().any(|n| n.title == "Deep hip bending opens");
    assert!(weeks(&mut sim, |_, n| n, opens));
    // It opened on work done: both legs logged the eccentric bridge.
    let logged = |side: Side| {
        sim.log.entries.iter().any(|e| match &e.kind {
            EntryKind::Session(s) => s
                .blocks
                .iter()
                .any(|b| b.exercise == "fe_ll_bridge_eccentric" && b.side == side),
            _ => false,
        })
    };
    assert!(logged(Side::Left) && logged(Side::Right));
    // Two flares within two weeks on the bridge it rests on: the first trims
    // it, the second takes it back a level, which closes deep flexion again.
    single_leg_bridges(&mut sim);
    sim.next_day();
    sim.morning(6);
    assert!(
        sim.plan().news.is_empty(),
        "one flare trims, it closes nothing"
    );
    for _ in 0..3 {
        sim.next_day();
        sim.morning(2);
    }
    single_leg_bridges(&mut sim);
    sim.next_day();
    sim.morning(6);
    let closed = sim.plan();
    assert_eq!(closed.news.len(), 1, "{:?}", closed.news);
    assert_eq!(closed.news[0].title, "Deep hip bending on hold");
    let why = &closed.news[0].text;
    assert!(why.starts_with("Deep hip bending is on hold again: repeated flares took the foot-elevated long-lever bridge on your left leg back a level."), "{why}");
    assert!(closed
        .items
        .iter()
        .all(|i| i.exercise.flexion != Flexion::Deep));
    let squat = closed
        .locked
        .iter()
        .find(|l| l.ladder.id == "split_squat")
        .expect("locked");
    assert_eq!(&squat.reason, why);
    assert_eq!(closed.setbacks, vec![why.clone()]);
    sim.next_day();
    sim.morning(2);
    assert!(sim.plan().news.is_empty(), "told once");
}

/// Holds shorter than the lightest the plan prescribes (20 s) never count
/// toward stage 2.
#[test]
fn short_holds_do_not_open_stage_2() {
    let mut s = settings(Goal::Running, monday());
    s.irritability.pain_at_rest = true;
    let mut sim = Sim::new(s, SelfTest::Bridge, 2);
    for _ in 0..21 {
        sim.morning(2);
        sim.train_with(Response::Better, |item, n| {
            (n.min(floor(item.exercise).amount - 1), 1)
        });
        sim.next_day();
    }
    sim.morning(2);
    let p = sim.plan();
    assert_eq!(p.stage, Stage::Isometric);
    assert_eq!(
        check(&p, CheckKind::IsometricDays(0)),
        "4 days of holds within your pain ceiling (0 so far)"
    );
}

/// The irritable start: on the morning stage 2 opens, Today says so, and
/// the card for yesterday's holds shows what they earned, not "Hold".
#[test]
fn stage_2_is_announced_the_morning_it_opens() {
    let mut s = settings(Goal::DailyLife, monday());
    s.irritability.sitting_under_30_min_hurts = true;
    let mut sim = Sim::new(s, SelfTest::MorningWalk, 3);
    for _ in 0..4 {
        sim.morning(2);
        assert!(sim.plan().news.is_empty());
        sim.train(2, Response::Better);
        sim.next_day();
    }
    sim.morning(2);
    let p = sim.plan();
    assert_eq!(p.stage, Stage::HeavySlow);
    assert_eq!(p.news.len(), 1);
    assert_eq!(p.news[0].title, "You've moved up to stage 2");
    let held: Vec<_> = p
        .decisions
        .iter()
        .filter(|d| d.phase == Phase::NextMorning)
        .collect();
    assert!(!held.is_empty());
    for d in held {
        assert_eq!(d.kind, DecisionKind::Progress, "{}", d.reason());
    }
}

#[test]
fn the_confounder_note_names_hill_sprints() {
    let mut sim = runner();
    sim.morning(2);
    sim.train(1, Response::Same);
    sim.activity(ActivityKind::Run {
        km: 5.0,
        minutes: 30,
        hills: true,
        fast: true,
    });
    sim.next_day();
    sim.morning(5);
    let note = sim.plan().confounder.expect("a confounder note");
    assert!(note.contains("a rehab session and hill sprints."), "{note}");
}
