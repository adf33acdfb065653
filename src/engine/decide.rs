//! One decision for one exercise on one side: progress, hold or scale back.
//!
//! The rules run in the order of rehab-model §3, most protective first. Each
//! outcome keeps the numbers it used as a [`Why`]; the sentence the user reads
//! is rendered from it on demand (`Decision::reason`), because a replay makes
//! thousands of decisions and shows only a few.

use super::catalogue::Ladder;
use super::dose::{Position, StepUp};
use super::model::{Equipment, Response, Side};
use super::mornings::Episode;
use super::rules::*;
use crate::sorted::SortedSet;
use chrono::NaiveDate;
use serde::Serialize;

mod morning;
mod words;

use morning::weekly_rise;
pub use morning::{morning_rule, today_rule, MorningFacts};
pub(crate) use words::leg_words;

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
    /// No baseline could be read (part of the log is lost), so no
    /// morning is judged against a made-up one (issue 12 point 11).
    NoBaseline,
    NoCheckIn,
    LargeRise,
    TwoMorningsAbove {
        previous: u8,
    },
    MorningAbove,
    /// The mornings have sat above baseline for a while without climbing:
    /// a steady offset, not a flare, so it holds (Silbernagel 2007).
    SteadyOffset {
        mornings: usize,
    },
    /// The session was done on a morning above baseline, so a good next
    /// morning does not make it count toward a step up.
    TrainedOnBadMorning {
        rating: u8,
    },
    PainFarOverCeiling,
    PainOverCeiling,
    /// Some sets were saved without a pain rating: what is not known is
    /// never read as painless (issue 12 point 12).
    PainNotRated {
        sets: usize,
    },
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
    /// All looked fine, but part of the log could not be read, so the plan
    /// may be wrong and nothing steps up (issue 12 point 11).
    PartialLog,
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
    /// The leg whose morning `morning` and `baseline` are, when the legs
    /// were rated apart: the decision's own, or the worse for two-leg work.
    pub leg: Option<Side>,
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
    /// The worst rated pain during; unrated sets are counted in `unrated`.
    pub pain_max: u8,
    /// Sets saved without a pain rating.
    pub unrated: usize,
    pub response: Option<Response>,
    /// Sets that reached the prescribed reps or time and load.
    pub full_sets: usize,
    /// The exercise logged, when it is not the level the plan prescribed.
    pub logged_other: Option<&'static str>,
    /// Why this ladder is not in the plan yet, when it is not.
    pub not_offered: Option<String>,
    /// Mean morning excess over baseline: (this week, last week).
    pub weekly: Option<(f32, f32)>,
    /// The run of mornings above baseline the next morning belongs to.
    pub episode: Option<Episode>,
    /// The morning is higher than it was at this exercise's last scale back
    /// in the episode, or there was none: a new scale back is earned.
    pub climbed: bool,
    /// No level down yet in this episode on this leg.
    pub level_down_ok: bool,
    pub flare_day: bool,
    pub red_flag: bool,
    /// A baseline was read; without one no morning is judged.
    pub baseline_known: bool,
    /// Part of the log could not be read: no step up is decided now.
    pub partial_log: bool,
    pub recent_scale_back: bool,
    pub confounders: &'a [&'static str],
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
        leg: None,
        baseline: ev.baseline,
        pain_max: ev.pain_max,
        ceiling: ev.ceiling,
        confounders: ev.confounders.to_vec(),
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
    } else if ev.unrated > 0 {
        (DecisionKind::Hold, Why::PainNotRated { sets: ev.unrated })
    } else if let Some(rating) = ev.previous_morning_above {
        (DecisionKind::Hold, Why::TrainedOnBadMorning { rating })
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
    if !ev.baseline_known {
        return hold(Why::NoBaseline);
    }
    let Some(m) = ev.morning else {
        return hold(Why::NoCheckIn);
    };
    let facts = MorningFacts {
        rating: m,
        baseline: ev.baseline,
        previous_above: ev.previous_morning_above,
        mornings: ev.episode.map_or(1, |e| e.mornings),
        climbed: ev.climbed,
        weekly: ev.weekly,
    };
    match morning_rule(&facts) {
        Some((DecisionKind::ScaleBack, why)) => return scale_back(ev, why),
        Some((_, why)) => return hold(why),
        None => {}
    }
    if ev.pain_max >= ev.ceiling.saturating_add(PAIN_OVER_CEILING_SCALE_BACK) {
        return scale_back(ev, Why::PainFarOverCeiling);
    }
    if let Some(rating) = ev.previous_morning_above {
        return hold(Why::TrainedOnBadMorning { rating });
    }
    if ev.pain_max > ev.ceiling {
        return hold(Why::PainOverCeiling);
    }
    if ev.unrated > 0 {
        return hold(Why::PainNotRated { sets: ev.unrated });
    }
    if ev.response == Some(Response::Worse) {
        return hold(Why::WorseAfter);
    }
    if let Some(why) = weekly_rise(ev.weekly) {
        return hold(why);
    }
    if let Some(other) = ev.logged_other {
        return hold(Why::OtherExercise(other));
    }
    if ev.full_sets < usize::from(ev.before.dose.sets) {
        return hold(Why::ShortOfTarget { full: ev.full_sets });
    }
    if ev.partial_log {
        return hold(Why::PartialLog);
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

/// Less volume or load; one level down when it is a repeat, or when a real
/// flare finds the dose already at its floor; never a second level down in
/// one episode.
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
    let real_flare = ev.recent_scale_back
        || matches!(
            why,
            Why::LargeRise | Why::WeeklyRise { .. } | Why::PainFarOverCeiling
        );
    let may_drop = ev.level_down_ok;
    let step = (if ev.recent_scale_back && may_drop {
        down(true)
    } else {
        None
    })
    .or_else(trim)
    .or_else(|| {
        if real_flare && may_drop {
            down(false)
        } else {
            None
        }
    })
    .unwrap_or((ev.before, Change::Floor));
    out(
        ev,
        Phase::NextMorning,
        DecisionKind::ScaleBack,
        why,
        Some(step),
    )
}
