#![cfg(not(target_arch = "wasm32"))]
//! The invariants of rehab-model §3 as properties over random training logs.

use chrono::{Days, NaiveDate};
use hamstring_rehab::engine::catalogue::{find_exercise, Flexion, Stage};
use hamstring_rehab::engine::decide::{DecisionKind, Phase};
use hamstring_rehab::engine::dose::StepUp;
use hamstring_rehab::engine::json::FromJson;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::plan::{plan, DayPlan};
use hamstring_rehab::engine::replay::Replay;
use hamstring_rehab::engine::rules::{GATE_LOOKBACK_DAYS, MINIMAL_PAIN, STABLE_MORNINGS};
use proptest::prelude::*;

mod engine_scenarios;
use engine_scenarios::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// No leg progresses on a day whose morning (that leg's own, when the
    /// legs are rated apart; either leg for two-leg work) exceeded
    /// baseline: no step up is earned by a session done that day or judged
    /// by that morning, and that day's plan offers that leg no step up not
    /// yet tried (issue 12 points 1 and 2).
    #[test]
    fn no_leg_progresses_on_a_bad_morning(sc in scenario()) {
        let (log, today) = build(&sc);
        let bad = |d: NaiveDate, s: Side| bad_morning(&log, d, s);
        let r = Replay::run(&log, today);
        for d in r.decisions.iter().filter(|d| d.phase == Phase::NextMorning && d.kind == DecisionKind::Progress) {
            prop_assert!(!bad(d.session_date, d.side), "progress for a session on a bad morning: {}", d.reason());
            let next = d.session_date.succ_opt().unwrap();
            prop_assert!(!bad(next, d.side), "progress on a bad next morning: {}", d.reason());
        }
        let days = (today - start()).num_days() as usize;
        for d in (0..=days).map(date) {
            for i in plan(&log, d).items.into_iter().filter(|i| bad(d, i.side)) {
                let Some(last) = i.last.as_ref() else { continue };
                let untried = last.kind == DecisionKind::Progress && last.session_date < d.pred_opt().unwrap();
                let offered = hamstring_rehab::engine::dose::Position { level: i.level, dose: i.dose };
                prop_assert!(!untried || offered.le(&last.before), "{} {:?} stepped up on a bad morning {}", i.exercise.id, i.side, d);
            }
        }
    }

    /// Same history and date, same plan; entry order and a storage round trip
    /// change nothing.
    #[test]
    fn the_plan_is_deterministic(sc in scenario(), seed in any::<u64>()) {
        let (log, today) = build(&sc);
        let p = plan(&log, today);
        prop_assert_eq!(&p, &plan(&log.clone(), today));
        let mut shuffled = log.clone();
        let n = shuffled.entries.len();
        for i in 0..n {
            shuffled.entries.swap(i, (seed as usize).wrapping_mul(i + 7) % n);
        }
        prop_assert_eq!(&p, &plan(&shuffled, today));
        let json = hamstring_rehab::json::to_string(&log);
        let back = Log::from_json(&hamstring_rehab::json::parse(&json).unwrap()).unwrap();
        prop_assert_eq!(&p, &plan(&back, today));
    }

    /// Every decision: no progress after a morning above baseline; progress
    /// is exactly one step; scale back lowers or keeps every number; hold
    /// keeps the dose; a red flag holds everything.
    #[test]
    fn decisions_respect_the_dose_rules(sc in scenario()) {
        let (log, today) = build(&sc);
        let r = Replay::run(&log, today);
        for d in r.decisions.iter().filter(|d| d.phase == Phase::NextMorning) {
            let (ladder, _, _) = find_exercise(d.exercise).unwrap();
            match d.kind {
                DecisionKind::Progress => {
                    prop_assert!(d.morning.is_some_and(|m| m <= d.baseline), "progress on a bad or missing morning: {:?}", d);
                    let step = match d.before.step_up(ladder, &log.settings.equipment) {
                        StepUp::Within(p, _) | StepUp::NextLevel(p) => Some(p),
                        StepUp::Top => None,
                    };
                    prop_assert_eq!(Some(d.after), step, "more than one step: {}", d.reason());
                }
                DecisionKind::ScaleBack => prop_assert!(d.after.le(&d.before), "scale back raised a dose: {:?}", d),
                DecisionKind::Hold => prop_assert_eq!(d.after, d.before),
            }
            if d.reason().contains("red flag") {
                prop_assert_eq!(d.kind, DecisionKind::Hold);
            }
        }
    }

    /// Compressive work only after the deep-flexion gate; stage 3 only for
    /// goals that need it and only once its gate is met, checked against the
    /// raw log; a red flag prescribes nothing.
    #[test]
    fn gates_are_respected_every_day(sc in scenario()) {
        let (log, today) = build(&sc);
        let days = (today - start()).num_days() as usize;
        let mut was = Stage::Isometric;
        for n in 0..=days {
            let d = date(n);
            let p = plan(&log, d);
            if p.items.iter().any(|i| i.exercise.flexion == Flexion::Deep) {
                prop_assert!(p.stage >= Stage::HeavySlow);
                let r = Replay::run(&log, d);
                let reached = |s: Side| r.decisions.iter().any(|x| x.ladder == "hamstring_bridge" && x.kind == DecisionKind::Progress && x.after.level >= 2 && (x.side == s || x.side == Side::Both) && x.session_date < d);
                prop_assert!(reached(Side::Left) && reached(Side::Right), "deep hip flexion on {} before the single-leg bridge", d);
            }
            if matches!(p.day, DayPlan::Stop { .. }) {
                prop_assert!(p.items.is_empty());
            }
            if p.stage >= Stage::EnergyStorage {
                prop_assert!(sc.goal != Goal::DailyLife);
            }
            if p.stage == Stage::EnergyStorage && was < Stage::EnergyStorage {
                check_stage3_gate(&log, d)?;
            }
            was = p.stage;
        }
    }

    /// A log with no sets logged at a gate's target never opens that gate
    /// (issue 12 point 3), whatever was prescribed: holds a second short
    /// of the lightest the plan prescribes keep stage 1; a left leg a rep short of every advanced
    /// one-leg target keeps stage 3 shut; never reaching the eccentric
    /// bridge's target, nor logging the single-leg bridge, keeps deep hip
    /// flexion shut.
    #[test]
    fn no_sets_at_a_gates_target_never_open_it(mut sc in scenario(), starve in 0u8..3) {
        if starve == 0 {
            sc.irritable = true;
        }
        let (log, today) = build_with(&sc, |item, n| {
            let e = item.exercise;
            match starve {
                0 if item.ladder.stage == Stage::Isometric => n.min(hamstring_rehab::engine::dose::floor(e).amount - 1),
                1 if e.advanced && e.one_leg && item.side == Side::Left => n.min(e.dose.amount_target - 1),
                2 if item.ladder.id == "hamstring_bridge" && item.level >= 1 => 0,
                _ => n,
            }
        });
        let days = (today - start()).num_days() as usize;
        for d in (0..=days).map(date) {
            let p = plan(&log, d);
            match starve {
                0 => prop_assert_eq!(p.stage, Stage::Isometric, "stage 2 on {} with short holds", d),
                1 => prop_assert!(p.stage < Stage::EnergyStorage, "stage 3 on {} with the left leg short", d),
                _ => prop_assert!(Replay::run(&log, d).deep_unlocked.is_none(), "deep hip flexion on {}", d),
            }
        }
    }

    /// A setting dated D changes no decision before D (issue 12 point 5):
    /// the plans of the days before D are those of the unchanged log, and
    /// replayed to today every decision on a session before D, and every
    /// stage move before D, is as it was.
    #[test]
    fn a_setting_dated_d_changes_no_decision_before_d(sc in scenario(), c in change()) {
        let (log, today) = build(&sc);
        let (later, on) = changed(&log, today, &c);
        let before = on.pred_opt().unwrap();
        for d in [start(), date((on - start()).num_days() as usize / 2), before] {
            prop_assert_eq!(plan(&log, d), plan(&later, d), "the plan of {} changed", d);
        }
        let (old, new) = (Replay::run(&log, today), Replay::run(&later, today));
        let past = |r: &Replay| r.decisions.iter().filter(|x| x.session_date < on).cloned().collect::<Vec<_>>();
        prop_assert_eq!(past(&old), past(&new));
        let moves = |r: &Replay| r.stage_log.iter().filter(|x| x.date < on).cloned().collect::<Vec<_>>();
        prop_assert_eq!(moves(&old), moves(&new));
        // Whether deep hip flexion was open the day before: the new settings
        // may close it again from D on, which is a decision of D, not before.
        prop_assert_eq!(Replay::run(&log, before).deep_unlocked, Replay::run(&later, before).deep_unlocked);
        // Today follows the new settings.
        prop_assert_eq!(new.settings.pain_ceiling, c.ceiling);
    }

    /// Correcting a mistyped check-in gives back exactly the plan of a log
    /// that never had the typo; deleting a stray entry likewise.
    #[test]
    fn fixing_a_mistyped_entry_fixes_the_plan(sc in scenario(), pick in any::<prop::sample::Index>()) {
        let (log, today) = build(&sc);
        let good = plan(&log, today);
        let mornings: Vec<&Entry> = log.entries.iter().filter(|e| matches!(e.kind, EntryKind::Morning(_))).collect();
        prop_assume!(!mornings.is_empty());
        let original = (*pick.get(&mornings)).clone();
        let EntryKind::Morning(m) = &original.kind else { unreachable!() };
        let mut typo = log.clone();
        typo.upsert(Entry { kind: EntryKind::Morning(Morning { rating: 9 - m.rating.min(9), legs: None, extra: Extra::new() }), ..original.clone() });
        typo.upsert(original);
        prop_assert_eq!(&good, &plan(&typo, today));
        let mut stray = log.clone();
        let id = stray.next_id().unwrap();
        stray.entries.push(Entry { id, date: today, kind: EntryKind::Flare(Flare::default()) });
        stray.remove(id);
        prop_assert_eq!(&good, &plan(&stray, today));
    }
}

/// The stage-3 gate, recomputed from the raw log for the day it opened.
fn check_stage3_gate(log: &Log, d: NaiveDate) -> Result<(), TestCaseError> {
    let from = d
        .checked_sub_days(Days::new(GATE_LOOKBACK_DAYS as u64))
        .unwrap();
    let mut pains: std::collections::BTreeMap<(&str, Side), u8> = Default::default();
    for e in log.entries.iter().filter(|e| e.date > from && e.date <= d) {
        if let EntryKind::Session(s) = &e.kind {
            for b in &s.blocks {
                let (_, _, ex) = find_exercise(&b.exercise).unwrap();
                if ex.advanced && ex.one_leg {
                    // An unrated set counts as not minimal (issue 12 point 12).
                    let worst = b
                        .sets
                        .iter()
                        .map(|s| s.pain.unwrap_or(u8::MAX))
                        .max()
                        .unwrap_or(0);
                    let w = pains.entry((ex.id, b.side)).or_insert(0);
                    *w = (*w).max(worst);
                }
            }
        }
    }
    let ok = pains.iter().any(|((id, side), &p)| {
        *side == Side::Left
            && p <= MINIMAL_PAIN
            && pains
                .get(&(id, Side::Right))
                .is_some_and(|&r| r <= MINIMAL_PAIN)
    });
    prop_assert!(
        ok,
        "stage 3 on {} without minimal-pain advanced work on both legs: {:?}",
        d,
        pains
    );
    let flare_days: Vec<NaiveDate> = log
        .entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Flare(_)))
        .map(|e| e.date)
        .collect();
    let mut mornings: Vec<(NaiveDate, u64, u8)> = log
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Morning(m) if e.date <= d && !flare_days.contains(&e.date) => {
                Some((e.date, e.id, m.rating))
            }
            _ => None,
        })
        .collect();
    mornings.sort();
    mornings.dedup_by_key(|m| m.0);
    let last: Vec<_> = mornings.iter().rev().take(STABLE_MORNINGS).collect();
    prop_assert_eq!(last.len(), STABLE_MORNINGS);
    for (date, _, rating) in last {
        prop_assert!(
            *rating <= baseline_on(log, *date),
            "unsteady morning {} before stage 3 on {}",
            date,
            d
        );
    }
    Ok(())
}
