//! Random training logs for the property tests: mostly steady users with
//! noise, built day by day through the simulated user.
#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::synthetic::{settings, Sim};
use proptest::prelude::*;

#[derive(Clone, Debug)]
pub struct DaySpec {
    pub morning: Option<u8>,
    /// The right leg's rating, when both legs are affected and rated apart
    /// (`morning` is then the left leg's).
    pub right: Option<u8>,
    pub train: bool,
    pub pain: u8,
    pub left_extra: u8,
    pub short: u16,
    pub response: u8,
    pub flare: bool,
    pub red_flag: bool,
    pub clear: bool,
    pub run: Option<(u16, bool)>,
    pub sitting: Option<u8>,
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub goal: Goal,
    pub irritable: bool,
    pub ceiling: u8,
    pub baseline: u8,
    /// Both legs affected, so mornings may be rated per leg.
    pub both: bool,
    pub days: Vec<DaySpec>,
}

/// Mostly steady users, so logs reach the later stages, with noise.
pub fn day(steady: bool) -> impl Strategy<Value = DaySpec> {
    let morning = if steady {
        prop_oneof![8 => Just(Some(2u8)), 1 => Just(Some(1)), 1 => (0u8..=9).prop_map(Some), 1 => Just(None)].boxed()
    } else {
        prop_oneof![3 => (0u8..=9).prop_map(Some), 1 => Just(None)].boxed()
    };
    let pain = if steady {
        prop_oneof![4 => 0u8..=1, 1 => 2u8..=3].boxed()
    } else {
        (0u8..=8).boxed()
    };
    (
        morning,
        any::<bool>(),
        pain,
        0u8..=2,
        prop_oneof![6 => Just(0u16), 1 => 1u16..=4],
        0u8..=2,
        prop::bool::weighted(0.04),
        prop::bool::weighted(0.01),
        prop::bool::weighted(0.3),
        prop::option::weighted(0.2, (10u16..=70, any::<bool>())),
        prop::option::weighted(0.2, 1u8..=10),
        prop::option::weighted(0.5, if steady { 1u8..=3 } else { 0u8..=9 }),
    )
        .prop_map(
            move |(
                morning,
                train,
                pain,
                left_extra,
                short,
                response,
                flare,
                red_flag,
                clear,
                run,
                sitting,
                right,
            )| DaySpec {
                morning,
                right,
                train: train || steady,
                pain,
                left_extra: if steady { 0 } else { left_extra },
                short,
                response,
                flare,
                red_flag,
                clear,
                run,
                sitting,
            },
        )
}

pub fn scenario() -> impl Strategy<Value = Scenario> {
    any::<bool>().prop_flat_map(|steady| {
        let len = if steady { 100usize..=160 } else { 20usize..=90 };
        (
            prop_oneof![
                Just(Goal::DailyLife),
                Just(Goal::Running),
                Just(Goal::Sport)
            ],
            any::<bool>(),
            0u8..=5,
            0u8..=4,
            any::<bool>(),
            prop::collection::vec(day(steady), len),
        )
            .prop_map(
                |(goal, irritable, ceiling, baseline, both, days)| Scenario {
                    goal,
                    irritable,
                    ceiling,
                    baseline,
                    both,
                    days,
                },
            )
    })
}

pub fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

pub fn build(sc: &Scenario) -> (Log, NaiveDate) {
    build_with(sc, |_, n| n)
}

/// The scenario, with `amount` choosing each set's reps or seconds from
/// the item and the amount the day's spec gives.
pub fn build_with(
    sc: &Scenario,
    amount: impl Fn(&hamstring_rehab::engine::plan::Item, u16) -> u16,
) -> (Log, NaiveDate) {
    let mut s = settings(sc.goal, start());
    s.irritability.pain_at_rest = sc.irritable;
    s.pain_ceiling = sc.ceiling;
    if sc.both {
        s.affected = AffectedSide::Both;
    }
    let mut sim = Sim::new(s, SelfTest::Bridge, sc.baseline);
    for d in &sc.days {
        match (d.morning, d.right.filter(|_| sc.both)) {
            (Some(left), Some(right)) => {
                sim.morning_legs(left, right);
            }
            (Some(m), None) => {
                sim.morning(m);
            }
            _ => {}
        }
        if d.flare {
            sim.flare();
        }
        if d.red_flag {
            sim.red_flag(RedFlag::NightOrRestPainRising);
        } else if d.clear && sim.plan().items.is_empty() {
            sim.add(EntryKind::RedFlagCleared(RedFlagCleared::default()));
        }
        if d.train {
            let response =
                [Response::Better, Response::Same, Response::Worse][usize::from(d.response)];
            sim.train_with(response, |item, n| {
                let extra = if item.side == Side::Left {
                    d.left_extra
                } else {
                    0
                };
                (
                    amount(item, n.saturating_sub(d.short)),
                    (d.pain + extra).min(10),
                )
            });
        }
        if let Some((minutes, hills)) = d.run {
            sim.activity(ActivityKind::Run {
                km: f32::from(minutes) / 6.0,
                minutes,
                hills,
                fast: false,
            });
        }
        if let Some(h) = d.sitting {
            sim.activity(ActivityKind::Sitting {
                hours: f32::from(h),
            });
        }
        sim.next_day();
    }
    (sim.log, sim.today)
}

pub fn date(n: usize) -> NaiveDate {
    start().checked_add_days(Days::new(n as u64)).unwrap()
}

/// The baseline in force on `d`, read straight from the log.
pub fn baseline_on(log: &Log, d: NaiveDate) -> u8 {
    let mut es: Vec<&Entry> = log.entries.iter().filter(|e| e.date <= d).collect();
    es.sort_by_key(|e| (e.date, e.id));
    es.iter()
        .rev()
        .find_map(|e| match &e.kind {
            EntryKind::Baseline(b) => Some(b.rating),
            _ => None,
        })
        .unwrap_or(0)
}

/// The morning check-in of `d` (the last one of the day), from the raw log:
/// the worse leg's rating when it was rated per leg.
pub fn morning_on(log: &Log, d: NaiveDate) -> Option<u8> {
    let l = |s| leg_morning_on(log, d, s);
    l(Side::Left).max(l(Side::Right))
}

/// One leg's rating on `d`: its own, or the one rating for both legs.
pub fn leg_morning_on(log: &Log, d: NaiveDate, side: Side) -> Option<u8> {
    let mut es: Vec<&Entry> = log.entries.iter().filter(|e| e.date == d).collect();
    es.sort_by_key(|e| e.id);
    es.iter().rev().find_map(|e| match &e.kind {
        EntryKind::Morning(m) => Some(match (m.legs, side) {
            (Some(l), Side::Right) => l.right,
            (Some(l), _) => l.left,
            (None, _) => m.rating,
        }),
        _ => None,
    })
}

/// A change of the dated settings (ceiling, goal, equipment, side), saved
/// on one day of a scenario.
#[derive(Clone, Debug)]
pub struct Change {
    pub at: prop::sample::Index,
    pub ceiling: u8,
    pub goal: Goal,
    pub equipment: Vec<Equipment>,
    pub affected: AffectedSide,
}

pub fn change() -> impl Strategy<Value = Change> {
    let kit = prop::sample::subsequence(
        vec![
            Equipment::Bench,
            Equipment::Sliders,
            Equipment::Weights,
            Equipment::Barbell,
            Equipment::CurlMachine,
        ],
        0..=5,
    );
    (
        any::<prop::sample::Index>(),
        0u8..=5,
        prop_oneof![
            Just(Goal::DailyLife),
            Just(Goal::Running),
            Just(Goal::Sport)
        ],
        kit,
        prop_oneof![
            Just(AffectedSide::Left),
            Just(AffectedSide::Right),
            Just(AffectedSide::Both)
        ],
    )
        .prop_map(|(at, ceiling, goal, equipment, affected)| Change {
            at,
            ceiling,
            goal,
            equipment,
            affected,
        })
}

/// The log with `c` saved in Settings on a day after the start (the
/// change's day, returned), as the app's save records it.
pub fn changed(log: &Log, today: NaiveDate, c: &Change) -> (Log, NaiveDate) {
    let days = (today - start()).num_days().max(1) as usize;
    let on = date(1 + c.at.index(days));
    let mut new = log.settings.clone();
    new.pain_ceiling = c.ceiling;
    new.goal = c.goal;
    new.equipment = c.equipment.iter().copied().collect();
    new.affected = c.affected;
    let mut out = log.clone();
    hamstring_rehab::engine::edit::apply(
        &mut out,
        on,
        hamstring_rehab::engine::edit::Edit::Settings(new),
    )
    .expect("a valid change");
    (out, on)
}

/// Whether `side`'s morning on `d` was above its baseline, from the raw
/// log; two-leg work (`Both`) answers to either leg.
pub fn bad_morning(log: &Log, d: NaiveDate, side: Side) -> bool {
    let over = |s| leg_morning_on(log, d, s).is_some_and(|m| m > baseline_on(log, d));
    match side {
        Side::Both => over(Side::Left) || over(Side::Right),
        s => over(s),
    }
}
