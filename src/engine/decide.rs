//! One decision for one exercise on one side: progress, hold or scale back.
//!
//! The rules run in the order of rehab-model §3, most protective first, and
//! every outcome carries a reason that quotes the numbers it used.

use super::catalogue::Ladder;
use super::dose::{Position, StepUp};
use super::model::{Equipment, Response, Side};
use super::rules::*;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Progress,
    Hold,
    ScaleBack,
}

impl DecisionKind {
    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Progress => "Progress",
            DecisionKind::Hold => "Hold",
            DecisionKind::ScaleBack => "Scale back",
        }
    }
}

/// When the decision was made: straight after the session (a preview that
/// changes nothing) or after the next morning's check-in (the one that counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    AfterSession,
    NextMorning,
}

/// A decision as the user sees it, with the data it used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub phase: Phase,
    pub session_date: NaiveDate,
    pub ladder: &'static str,
    pub exercise: &'static str,
    pub side: Side,
    pub kind: DecisionKind,
    pub reason: String,
    pub before: Position,
    pub after: Position,
    pub morning: Option<u8>,
    pub baseline: u8,
    pub pain_max: u8,
}

/// Everything one decision may look at.
#[derive(Clone, Debug)]
pub struct Evidence<'a> {
    pub ladder: &'static Ladder,
    pub side: Side,
    pub before: Position,
    pub test: &'static str,
    pub baseline: u8,
    pub ceiling: u8,
    /// The next morning's rating, if the user checked in.
    pub morning: Option<u8>,
    /// The rating of the morning before that, when it was also above baseline.
    pub previous_morning_above: Option<u8>,
    pub pain_max: u8,
    pub response: Option<Response>,
    /// Sets that reached the prescribed reps or time and load, and sets logged.
    pub full_sets: usize,
    pub logged_sets: usize,
    /// The exercise logged, when it is not the level the plan prescribed.
    pub logged_other: Option<&'static str>,
    /// Why this ladder is not in the plan yet, when it is not.
    pub not_offered: Option<String>,
    /// Mean morning excess over baseline: (this week, last week).
    pub weekly: Option<(f32, f32)>,
    pub flare_day: bool,
    pub red_flag: bool,
    pub recent_scale_back: bool,
    /// Other provocative loading the day of the session.
    pub confounders: Vec<&'static str>,
    pub equipment: &'a BTreeSet<Equipment>,
}

fn out(
    ev: &Evidence,
    phase: Phase,
    kind: DecisionKind,
    after: Position,
    reason: String,
) -> Decision {
    Decision {
        phase,
        session_date: NaiveDate::MIN,
        ladder: ev.ladder.id,
        exercise: ev.ladder.level(ev.before.level).id,
        side: ev.side,
        kind,
        reason,
        before: ev.before,
        after,
        morning: ev.morning,
        baseline: ev.baseline,
        pain_max: ev.pain_max,
    }
}

/// The decision straight after a session: a preview; only the morning counts.
pub fn after_session(ev: &Evidence) -> Decision {
    let (kind, reason) = if ev.red_flag {
        (DecisionKind::Hold, red_flag_reason())
    } else if ev.pain_max >= ev.ceiling.saturating_add(PAIN_OVER_CEILING_SCALE_BACK) {
        (DecisionKind::ScaleBack, format!(
            "Pain during reached {}/10, well above your ceiling of {}/10. Expect a lighter dose next time; tomorrow's check-in confirms it.",
            ev.pain_max, ev.ceiling
        ))
    } else if ev.pain_max > ev.ceiling {
        (
            DecisionKind::Hold,
            format!(
            "Pain during reached {}/10, above your ceiling of {}/10, so this dose stays for now.",
            ev.pain_max, ev.ceiling
        ),
        )
    } else if ev.response == Some(Response::Worse) {
        (DecisionKind::Hold, "It felt worse right after, so this dose stays for now. Tomorrow's check-in tells us more.".to_string())
    } else {
        (DecisionKind::Hold, format!(
            "Pain during stayed at {}/10 or less (ceiling {}/10). Tomorrow morning's test decides whether you step up.",
            ev.pain_max, ev.ceiling
        ))
    };
    out(ev, Phase::AfterSession, kind, ev.before, reason)
}

fn red_flag_reason() -> String {
    "Held: you reported a red flag. Nothing steps up until a clinician has checked it.".to_string()
}

/// The decision after the next morning's check-in.
///
/// `level_lock` says why a level may not be entered yet (locked stage,
/// deep hip flexion, the other side still catching up), or `None`.
pub fn next_morning(ev: &Evidence, level_lock: &dyn Fn(Position) -> Option<String>) -> Decision {
    let hold = |reason: String| {
        out(
            ev,
            Phase::NextMorning,
            DecisionKind::Hold,
            ev.before,
            reason,
        )
    };
    if ev.red_flag {
        return hold(red_flag_reason());
    }
    if ev.flare_day {
        return hold(
            "Held: you marked a flare day. Same dose again, and it does not count against you."
                .into(),
        );
    }
    if let Some(why) = &ev.not_offered {
        return hold(format!(
            "Held: this exercise is not in your plan yet. {why}"
        ));
    }
    let Some(m) = ev.morning else {
        return hold("Held: there was no morning check-in after this session, and we never step up without one.".into());
    };
    let (test, b) = (ev.test, ev.baseline);
    let also = confounder_note(&ev.confounders);
    if m >= b.saturating_add(LARGE_FLARE_POINTS) {
        let why = format!("this morning's {test} test was {m}/10; your baseline is {b}/10.");
        return scale_back(ev, format!("{why}{also}"));
    }
    if m > b {
        if let Some(p) = ev.previous_morning_above {
            let why = format!("your {test} test was above your baseline of {b}/10 two mornings running ({p}/10, then {m}/10).");
            return scale_back(ev, format!("{why}{also}"));
        }
        return hold(format!(
            "Held: this morning's {test} test was {m}/10; your baseline is {b}/10.{also}"
        ));
    }
    let (p, c) = (ev.pain_max, ev.ceiling);
    if p >= c.saturating_add(PAIN_OVER_CEILING_SCALE_BACK) {
        return scale_back(
            ev,
            format!("pain during reached {p}/10, well above your ceiling of {c}/10."),
        );
    }
    if p > c {
        return hold(format!(
            "Held: pain during reached {p}/10; your ceiling is {c}/10."
        ));
    }
    if ev.response == Some(Response::Worse) {
        return hold(format!(
            "Held: it felt worse right after the session, though this morning's {test} test was {m}/10 (baseline {b}/10)."
        ));
    }
    if let Some((now, before)) = ev.weekly {
        if now > before + WEEKLY_RISE_TOLERANCE {
            return hold(format!(
                "Held: your mornings averaged {now:.1} above baseline this week against {before:.1} last week. They should not climb week to week."
            ));
        }
    }
    let planned = ev.before.dose.describe(ev.ladder.level(ev.before.level));
    if let Some(other) = ev.logged_other {
        return hold(format!(
            "Held: you did {other} instead of the planned {planned}, so this dose stays."
        ));
    }
    if ev.full_sets < usize::from(ev.before.dose.sets) {
        return hold(format!(
            "Held: {} of the planned {} sets reached {planned}. Same dose next time.",
            ev.full_sets, ev.before.dose.sets
        ));
    }
    let good = format!(
        "this morning's {test} test was {m}/10 (baseline {b}/10), pain during peaked at {p}/10 (ceiling {c}/10) and you did the full {planned}."
    );
    let progress = |after: Position, what: String| {
        out(
            ev,
            Phase::NextMorning,
            DecisionKind::Progress,
            after,
            format!("{what}: {good}"),
        )
    };
    match ev.before.step_up(ev.ladder, ev.equipment) {
        StepUp::Within(after, what) => progress(after, format!("Stepped up to {what}")),
        StepUp::NextLevel(after) => match level_lock(after) {
            None => progress(
                after,
                format!("Next level, {}", ev.ladder.level(after.level).name),
            ),
            Some(lock) => hold(format!("Held: you have met this level's target. {lock}")),
        },
        StepUp::Top => hold(format!(
            "Held: you are at the top of this ladder; {good} Keep it going."
        )),
    }
}

fn confounder_note(c: &[&'static str]) -> String {
    match c {
        [] => String::new(),
        [one] => format!(" That day also had {one}, so the session may not be the only cause."),
        more => format!(
            " That day also had {} and {}, so it is hard to tell what the tendon minded; try to spread them out.",
            more[..more.len() - 1].join(", "),
            more[more.len() - 1]
        ),
    }
}

/// Less volume or load; one level down when it is a repeat, or when the
/// dose is already at its floor.
fn scale_back(ev: &Evidence, why: String) -> Decision {
    let ladder = ev.ladder;
    let down = || ev.before.level_down(ladder, ev.equipment);
    let (after, what) = if ev.recent_scale_back {
        match down() {
            Some(p) => (
                p,
                format!(
                    "one level down to {}, as this is the second scale back in two weeks",
                    ladder.level(p.level).name
                ),
            ),
            None => trimmed(ev),
        }
    } else {
        trimmed(ev)
    };
    out(
        ev,
        Phase::NextMorning,
        DecisionKind::ScaleBack,
        after,
        format!("Scaled back ({what}): {why}"),
    )
}

fn trimmed(ev: &Evidence) -> (Position, String) {
    match ev.before.trim(ev.ladder) {
        Some((p, what)) => (p, what.to_string()),
        None => match ev.before.level_down(ev.ladder, ev.equipment) {
            Some(p) => (
                p,
                format!("one level down to {}", ev.ladder.level(p.level).name),
            ),
            None => (
                ev.before,
                "already the lightest dose; keep it easy".to_string(),
            ),
        },
    }
}
