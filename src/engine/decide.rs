//! One decision for one exercise on one side: progress, hold or scale back.
//!
//! The rules run in the order of rehab-model §3, most protective first. Each
//! outcome keeps the numbers it used as a [`Why`]; the sentence the user reads
//! is rendered from it on demand (`Decision::reason`), because a replay makes
//! thousands of decisions and shows only a few.

use super::catalogue::{find_exercise, Ladder};
use super::dose::{Position, StepUp};
use super::model::{Equipment, Response, Side};
use super::rules::*;
use crate::num::Fixed;
use crate::sorted::SortedSet;
use chrono::NaiveDate;
use serde::Serialize;

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

/// What a scale back or step up changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Change {
    /// A step within the level ("more reps", "less weight").
    Within(&'static str),
    /// Up to, or down to, the named level.
    NextLevel(&'static str),
    LevelDown {
        to: &'static str,
        repeat: bool,
    },
    /// Already the lightest dose.
    Floor,
}

/// The rule that decided, with the numbers it used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Why {
    RedFlag,
    FlareDay,
    NotOffered(String),
    NoCheckIn,
    LargeRise,
    TwoMorningsAbove {
        previous: u8,
    },
    MorningAbove,
    PainFarOverCeiling,
    PainOverCeiling,
    WorseAfter,
    WeeklyRise {
        now: f32,
        before: f32,
    },
    OtherExercise(&'static str),
    ShortOfTarget {
        full: usize,
    },
    Good,
    LevelLocked(String),
    TopOfLadder,
    /// After the session, before the morning: all looked fine.
    AwaitingMorning,
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
    pub why: Why,
    pub change: Option<Change>,
    pub before: Position,
    pub after: Position,
    pub test: &'static str,
    pub morning: Option<u8>,
    pub baseline: u8,
    pub pain_max: u8,
    pub ceiling: u8,
    /// Other provocative loading on the session's day.
    pub confounders: Vec<&'static str>,
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
    /// Sets that reached the prescribed reps or time and load.
    pub full_sets: usize,
    /// The exercise logged, when it is not the level the plan prescribed.
    pub logged_other: Option<&'static str>,
    /// Why this ladder is not in the plan yet, when it is not.
    pub not_offered: Option<String>,
    /// Mean morning excess over baseline: (this week, last week).
    pub weekly: Option<(f32, f32)>,
    pub flare_day: bool,
    pub red_flag: bool,
    pub recent_scale_back: bool,
    pub confounders: Vec<&'static str>,
    pub equipment: &'a SortedSet<Equipment>,
}

fn out(
    ev: &Evidence,
    phase: Phase,
    kind: DecisionKind,
    why: Why,
    step: Option<(Position, Change)>,
) -> Decision {
    let (after, change) = match step {
        Some((p, c)) => (p, Some(c)),
        None => (ev.before, None),
    };
    Decision {
        phase,
        session_date: NaiveDate::MIN,
        ladder: ev.ladder.id,
        exercise: ev.ladder.level(ev.before.level).id,
        side: ev.side,
        kind,
        why,
        change,
        before: ev.before,
        after,
        test: ev.test,
        morning: ev.morning,
        baseline: ev.baseline,
        pain_max: ev.pain_max,
        ceiling: ev.ceiling,
        confounders: ev.confounders.clone(),
    }
}

/// The decision straight after a session: a preview; only the morning counts.
pub fn after_session(ev: &Evidence) -> Decision {
    let (kind, why) = if ev.red_flag {
        (DecisionKind::Hold, Why::RedFlag)
    } else if ev.pain_max >= ev.ceiling.saturating_add(PAIN_OVER_CEILING_SCALE_BACK) {
        (DecisionKind::ScaleBack, Why::PainFarOverCeiling)
    } else if ev.pain_max > ev.ceiling {
        (DecisionKind::Hold, Why::PainOverCeiling)
    } else if ev.response == Some(Response::Worse) {
        (DecisionKind::Hold, Why::WorseAfter)
    } else {
        (DecisionKind::Hold, Why::AwaitingMorning)
    };
    out(ev, Phase::AfterSession, kind, why, None)
}

/// The decision after the next morning's check-in.
///
/// `level_lock` says why a level may not be entered yet (deep hip flexion,
/// the other side still catching up), or `None`.
pub fn next_morning(ev: &Evidence, level_lock: &dyn Fn(Position) -> Option<String>) -> Decision {
    let hold = |why: Why| out(ev, Phase::NextMorning, DecisionKind::Hold, why, None);
    if ev.red_flag {
        return hold(Why::RedFlag);
    }
    if ev.flare_day {
        return hold(Why::FlareDay);
    }
    if let Some(why) = &ev.not_offered {
        return hold(Why::NotOffered(why.clone()));
    }
    let Some(m) = ev.morning else {
        return hold(Why::NoCheckIn);
    };
    let b = ev.baseline;
    if m >= b.saturating_add(LARGE_FLARE_POINTS) {
        return scale_back(ev, Why::LargeRise);
    }
    if m > b {
        return match ev.previous_morning_above {
            Some(previous) => scale_back(ev, Why::TwoMorningsAbove { previous }),
            None => hold(Why::MorningAbove),
        };
    }
    if ev.pain_max >= ev.ceiling.saturating_add(PAIN_OVER_CEILING_SCALE_BACK) {
        return scale_back(ev, Why::PainFarOverCeiling);
    }
    if ev.pain_max > ev.ceiling {
        return hold(Why::PainOverCeiling);
    }
    if ev.response == Some(Response::Worse) {
        return hold(Why::WorseAfter);
    }
    if let Some((now, before)) = ev.weekly {
        if now > before + WEEKLY_RISE_TOLERANCE {
            return hold(Why::WeeklyRise { now, before });
        }
    }
    if let Some(other) = ev.logged_other {
        return hold(Why::OtherExercise(other));
    }
    if ev.full_sets < usize::from(ev.before.dose.sets) {
        return hold(Why::ShortOfTarget { full: ev.full_sets });
    }
    let progress = |p: Position, c: Change| {
        out(
            ev,
            Phase::NextMorning,
            DecisionKind::Progress,
            Why::Good,
            Some((p, c)),
        )
    };
    match ev.before.step_up(ev.ladder, ev.equipment) {
        StepUp::Within(after, what) => progress(after, Change::Within(what)),
        StepUp::NextLevel(after) => match level_lock(after) {
            None => progress(after, Change::NextLevel(ev.ladder.level(after.level).name)),
            Some(lock) => hold(Why::LevelLocked(lock)),
        },
        StepUp::Top => hold(Why::TopOfLadder),
    }
}

/// Less volume or load; one level down when it is a repeat, or when the
/// dose is already at its floor.
fn scale_back(ev: &Evidence, why: Why) -> Decision {
    let (ladder, eq) = (ev.ladder, ev.equipment);
    let down = |repeat| {
        ev.before.level_down(ladder, eq).map(|p| {
            (
                p,
                Change::LevelDown {
                    to: ladder.level(p.level).name,
                    repeat,
                },
            )
        })
    };
    let trim = || {
        ev.before
            .trim(ladder)
            .map(|(p, what)| (p, Change::Within(what)))
    };
    let step = (if ev.recent_scale_back {
        down(true)
    } else {
        None
    })
    .or_else(trim)
    .or_else(|| down(false))
    .unwrap_or((ev.before, Change::Floor));
    out(
        ev,
        Phase::NextMorning,
        DecisionKind::ScaleBack,
        why,
        Some(step),
    )
}

impl Decision {
    /// The one-line reason, quoting the data the decision used, as said on
    /// the morning it was made.
    pub fn reason(&self) -> String {
        self.words(false)
    }

    /// The same reason read on a later day (the session screen's "why this
    /// dose"): the morning test is "that morning's", not "this morning's".
    pub fn reason_later(&self) -> String {
        self.words(true)
    }

    fn words(&self, later: bool) -> String {
        let morning = if later {
            "that morning's"
        } else {
            "this morning's"
        };
        let (test, b, c, p) = (self.test, self.baseline, self.ceiling, self.pain_max);
        let m = self.morning.unwrap_or(0);
        let planned = || match find_exercise(self.exercise) {
            Some((_, _, e)) => self.before.dose.describe(e),
            None => String::new(),
        };
        let preview = self.phase == Phase::AfterSession;
        let head = match (self.kind, &self.change) {
            (_, _) if preview => String::new(),
            (DecisionKind::Hold, _) => "Held".into(),
            (DecisionKind::Progress, Some(Change::NextLevel(name))) => {
                format!("Next level, {name}")
            }
            (DecisionKind::Progress, Some(Change::Within(what))) => format!("Stepped up to {what}"),
            (DecisionKind::ScaleBack, Some(change)) => {
                format!("Scaled back ({})", change_words(change))
            }
            (kind, _) => kind.label().into(),
        };
        let also = confounder_note(&self.confounders);
        let body = match &self.why {
            Why::RedFlag => "you reported a red flag. Nothing steps up until a clinician has checked it.".into(),
            Why::FlareDay => "you marked a flare day. Same dose again, and it does not count against you.".into(),
            Why::NotOffered(why) => format!("this exercise is not in your plan yet. {why}"),
            Why::NoCheckIn => "there was no morning check-in after this session, and we never step up without one.".into(),
            Why::LargeRise | Why::MorningAbove => format!("{morning} {test} test was {m}/10; your baseline is {b}/10.{also}"),
            Why::TwoMorningsAbove { previous } => format!("your {test} test was above your baseline of {b}/10 two mornings running ({previous}/10, then {m}/10).{also}"),
            Why::PainFarOverCeiling if preview => format!("Pain during reached {p}/10, well above your ceiling of {c}/10. Expect a lighter dose next time; tomorrow's check-in confirms it."),
            Why::PainFarOverCeiling => format!("pain during reached {p}/10, well above your ceiling of {c}/10."),
            Why::PainOverCeiling if preview => format!("Pain during reached {p}/10, above your ceiling of {c}/10, so this dose stays for now."),
            Why::PainOverCeiling => format!("pain during reached {p}/10; your ceiling is {c}/10."),
            Why::WorseAfter if preview => "It felt worse right after, so this dose stays for now. Tomorrow's check-in tells us more.".into(),
            Why::WorseAfter => format!("it felt worse right after the session, though {morning} {test} test was {m}/10 (baseline {b}/10)."),
            Why::WeeklyRise { now, before } => format!("your mornings averaged {} above baseline this week against {} last week. They should not climb week to week.", Fixed(f64::from(*now), 1), Fixed(f64::from(*before), 1)),
            Why::OtherExercise(other) => format!("you did {other} instead of the planned {}, so this dose stays.", planned()),
            Why::ShortOfTarget { full } => format!("{full} of the planned {} sets reached {}. Same dose next time.", self.before.dose.sets, planned()),
            Why::Good => format!("{morning} {test} test was {m}/10 (baseline {b}/10), pain during peaked at {p}/10 (ceiling {c}/10) and you did the full {}.", planned()),
            Why::LevelLocked(lock) => format!("you have met this level's target. {lock}"),
            Why::TopOfLadder => format!("you are at the top of this ladder; {morning} {test} test was {m}/10 (baseline {b}/10). Keep it going."),
            Why::AwaitingMorning => format!("Pain during stayed at {p}/10 or less (ceiling {c}/10). Tomorrow morning's test decides whether you step up."),
        };
        if head.is_empty() {
            body
        } else {
            format!("{head}: {body}")
        }
    }
}

fn change_words(c: &Change) -> String {
    match c {
        Change::Within(what) => (*what).to_string(),
        Change::NextLevel(name) => format!("to {name}"),
        Change::LevelDown { to, repeat: true } => {
            format!("one level down to {to}, as this is the second scale back in two weeks")
        }
        Change::LevelDown { to, repeat: false } => format!("one level down to {to}"),
        Change::Floor => "already the lightest dose; keep it easy".into(),
    }
}

fn confounder_note(c: &[&'static str]) -> String {
    match c {
        [] => String::new(),
        [one] => format!(" That day also had {one}, so the session may not be the only cause."),
        [rest @ .., last] => format!(
            " That day also had {} and {last}, so it is hard to tell what the tendon minded; try to spread them out.",
            rest.join(", ")
        ),
    }
}
