//! Load-management advice that fits what the log shows (rehab-model §5).

use super::catalogue::Stage;
use super::model::{ActivityKind, Goal};
use super::replay::{days_back, Replay};
use super::rules::*;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Confounder,
    RunningAfterFlare,
    Sitting,
    Stretching,
    CheckIn,
    Running,
    CrossTraining,
    Walking,
    AvoidEarly,
    Patience,
    /// Mornings have sat flat above baseline for weeks: a new baseline or a
    /// clinician, not more scaling back.
    NewBaseline,
    /// The self-test has sat settled for weeks while training went past
    /// it: a harder test may tell more (`selftest`).
    HarderTest,
}

/// One tip. The list is ordered most relevant first; the UI shows the top few.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Advice {
    pub topic: Topic,
    pub text: String,
}

fn tip(topic: Topic, text: impl Into<String>) -> Advice {
    Advice {
        topic,
        text: text.into(),
    }
}

/// The confounder note: the latest morning rose after a day with several
/// provocative loads, so the rehab session is not the obvious cause (`000_…`).
pub fn confounder(r: &Replay, today: NaiveDate) -> Option<String> {
    let m = r
        .mornings
        .last()
        .filter(|m| m.date >= days_back(today, 1) && m.excess() > 0)?;
    let before = r.day(days_back(m.date, 1))?;
    let loads = before.exposures();
    (loads.len() >= CONFOUNDER_EXPOSURES).then(|| {
        let (last, rest) = loads.split_last().expect("at least two");
        format!(
            "The day before your {}/10 morning had {} and {}. With several loads on one day it is hard to tell which one the tendon minded; spread them over different days for a while.",
            m.rating,
            rest.join(", "),
            last
        )
    })
}

/// Whole weeks the current run of mornings above baseline has lasted, and
/// this week's mean offset, once it is `FLAT_WEEKS_BEFORE_REVIEW` or more and
/// the week-on-week rule sees no rise.
pub fn flat_weeks(r: &Replay, today: NaiveDate) -> Option<(i64, f32)> {
    let e = r.episode?;
    let weeks = (today - e.start).num_days() / 7;
    let (now, before) = r.weekly_trend(today)?;
    (weeks >= FLAT_WEEKS_BEFORE_REVIEW && now <= before + WEEKLY_RISE_TOLERANCE)
        .then_some((weeks, now))
}

pub fn advice(r: &Replay, today: NaiveDate) -> Vec<Advice> {
    let s = &r.settings;
    let recent = || {
        r.days
            .map
            .range(days_back(today, ADVICE_LOOKBACK_DAYS)..=today)
    };
    let mut out = Vec::new();
    if let Some(text) = confounder(r, today) {
        out.push(tip(Topic::Confounder, text));
    }
    if let Some((weeks, now)) = flat_weeks(r, today) {
        out.push(tip(Topic::NewBaseline, format!("Your morning test has sat about {} above your baseline for {weeks} weeks without climbing. That may simply be where you are now: think about setting a new baseline, or ask a physiotherapist to have a look.", crate::num::Fixed(f64::from(now), 1))));
    }
    if let Some(h) = super::selftest::suggest_harder_test(r, today) {
        out.push(tip(Topic::HarderTest, format!("Your {} test has sat at or under your baseline for {} weeks, while your training went well past it ({}, nearly pain-free). The {} may now tell you more each morning: if you like, choose it in Settings and rate it fresh as your new baseline. Your call.", r.test.name(), SELF_TEST_REVIEW_DAYS / 7, h.shown_by, h.to.name())));
    }
    let rose_after_run = r
        .mornings
        .iter()
        .rev()
        .take_while(|m| m.date > days_back(today, ADVICE_LOOKBACK_DAYS))
        .any(|m| m.excess() > 0 && r.day(days_back(m.date, 1)).is_some_and(|d| d.ran()));
    if rose_after_run {
        out.push(tip(Topic::RunningAfterFlare, "Your morning test rose after a run. Keep the next runs flat and easy, lift your cadence by 5-10% and run a little more upright. If no run feels okay, cycle, swim or use the elliptical for now."));
    }
    let long_sitting = recent().any(|(_, d)| d.sitting_hours() >= LONG_SITTING_HOURS);
    if long_sitting || s.irritability.sitting_under_30_min_hurts {
        let (a, b) = SITTING_BREAK_EVERY_MINUTES;
        out.push(tip(Topic::Sitting, format!("Sitting: use a cushion, or a rolled towel under your thighs to take weight off the sit bone, and stand up for 2-5 minutes every {a}-{b} minutes.")));
    }
    let deep_stretch = recent().any(|(_, d)| {
        d.activities.iter().any(|a| {
            matches!(
                a,
                ActivityKind::Stretching {
                    deep_hip_flexion: true
                }
            )
        })
    });
    if deep_stretch && r.deep_unlocked.is_none() {
        out.push(tip(Topic::Stretching, "Skip stretches that fold you forward at the hip, such as seated hamstring stretches, for now. They squeeze the tendon and are not needed to get better."));
    }
    let unchecked = r
        .decisions
        .iter()
        .rev()
        .filter(|d| d.phase == super::decide::Phase::NextMorning)
        .take(MISSING_CHECKINS_NUDGE)
        .filter(|d| d.morning.is_none())
        .count();
    if unchecked >= MISSING_CHECKINS_NUDGE {
        out.push(tip(Topic::CheckIn, "Your last sessions had no morning check-in. That 30-second test is what lets the plan step up safely."));
    }
    match (s.goal, r.stage) {
        (Goal::DailyLife, _) => out.push(tip(Topic::Walking, "Walk 5-10 minutes every day, and add a few minutes each week as it feels fine.")),
        (_, Stage::Isometric) if s.irritability.cannot_run || s.irritability.yes_count() >= 2 => {
            out.push(tip(Topic::CrossTraining, "Pause running for now and keep fit by cycling, swimming or on the elliptical. Running comes back once the tendon settles."))
        }
        (_, Stage::ReturnToRunning) => out.push(tip(Topic::Running, "Build running volume before speed, and flat before hills. Add one thing at a time and let the next morning judge it.")),
        _ => out.push(tip(Topic::Running, "If running feels okay, keep it flat and easy for now; hills and speed come back later. Cadence up 5-10% and an upright trunk ease the load.")),
    }
    if r.deep_unlocked.is_none() {
        out.push(tip(Topic::AvoidEarly, "For now, avoid deep squats, stiff-leg deadlifts, seated hamstring curls and stretching into deep hip bending."));
    }
    out.push(tip(Topic::Patience, "This tendon usually takes 3-6 months or more to settle, and sitting can be the last thing to improve. Steady beats fast."));
    out
}
