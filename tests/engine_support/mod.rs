//! Shared helpers for the rule tests: a runner's simulated diary and the
//! decisions a plan shows after a morning check-in.
#![allow(dead_code)]

use chrono::NaiveDate;
use hamstring_rehab::engine::decide::{Decision, Phase};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::{Item, Plan};
use hamstring_rehab::engine::synthetic::{settings, Sim};

pub fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

pub fn runner() -> Sim {
    Sim::new(settings(Goal::Running, monday()), SelfTest::Bridge, 2)
}

/// Yesterday's decisions that count (made with this morning's check-in).
pub fn morning_decisions(p: &Plan) -> Vec<&Decision> {
    p.decisions
        .iter()
        .filter(|d| d.phase == Phase::NextMorning)
        .collect()
}

pub fn bridge(p: &Plan) -> Option<&Decision> {
    morning_decisions(p)
        .into_iter()
        .find(|d| d.exercise == "double_leg_bridge")
}

/// Train today with this pain, then check in tomorrow with `rating`.
pub fn session_then_morning(sim: &mut Sim, pain: u8, rating: u8) -> Plan {
    assert!(sim.train(pain, Response::Same), "a loading day");
    sim.next_day();
    sim.morning(rating);
    sim.plan()
}

/// Good mornings and full sessions until Session A offers the single-leg bridge.
pub fn climb_to_single_leg_bridge(sim: &mut Sim) {
    for _ in 0..40 {
        sim.morning(2);
        sim.train(1, Response::Better);
        sim.next_day();
        if sim
            .plan()
            .items
            .iter()
            .any(|i| i.exercise.id == "single_leg_bridge")
        {
            return;
        }
    }
    panic!("the single-leg bridge was never offered");
}

/// Today's item for an exercise, if the plan offers it.
pub fn item<'p>(p: &'p Plan, id: &str) -> Option<&'p Item> {
    p.items.iter().find(|i| i.exercise.id == id)
}

/// A good morning and, on a loading day, the full plan at this pain.
pub fn good_day(sim: &mut Sim, pain: u8) {
    sim.morning(2);
    sim.train(pain, Response::Better);
    sim.next_day();
}
