//! How this morning's test changes today's plan, whether or not there was a
//! session yesterday (issue 12 point 1): the call, its reason, and the dose
//! each exercise is offered at because of it.

use super::catalogue::Ladder;
use super::decide::{self, Decision, DecisionKind, MorningFacts, Phase, Why};
use super::dose::{Dose, Position};
use super::model::Side;
use super::replay::{days_back, Replay};
use crate::num::Fixed;
use chrono::NaiveDate;
use serde::Serialize;

/// This morning's verdict on today: hold at the dose last done (no untried
/// step up), or a lighter session (one trim step below it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MorningCall {
    pub kind: DecisionKind,
    pub why: Why,
    pub test: &'static str,
    pub morning: u8,
    pub baseline: u8,
    /// The leg whose morning it is, when the legs were rated apart.
    pub leg: Option<Side>,
}

/// The call for `today`, when this morning's test (or a flare day, or the
/// week-on-week rule) changes the plan: for two-leg work, and what Today
/// says, the worse leg's.
pub fn morning_call(r: &Replay, today: NaiveDate) -> Option<MorningCall> {
    morning_call_on(r, today, Side::Both)
}

/// [`morning_call`] for one leg's work, from that leg's own morning.
pub fn morning_call_on(r: &Replay, today: NaiveDate, side: Side) -> Option<MorningCall> {
    let day = r.day(today).filter(|_| r.baseline_known)?;
    let point = r
        .mornings
        .last()
        .filter(|m| m.date == today && day.morning.is_some())?;
    let here = point.on(side);
    let call = |kind, why| MorningCall {
        kind,
        why,
        test: r.test.name(),
        morning: here.rating,
        baseline: here.baseline,
        leg: point.leg(side),
    };
    if day.flare {
        return Some(call(DecisionKind::Hold, Why::FlareDay));
    }
    let yesterday = days_back(today, 1);
    let previous_above = r
        .mornings
        .iter()
        .rev()
        .take(2)
        .map(|m| m.on(side))
        .find(|m| m.date == yesterday && m.excess() > 0 && !m.flare)
        .map(|m| m.rating);
    let episode = r.episode_on(today, side);
    let facts = MorningFacts {
        rating: here.rating,
        baseline: here.baseline,
        previous_above,
        mornings: episode.map_or(1, |e| e.mornings),
        // Today's call lasts one day, so it follows the day's own climb.
        climbed: episode.is_none_or(|e| e.new_high() || e.mornings == 2),
        weekly: r.weekly_trend_on(today, side),
    };
    decide::today_rule(&facts).map(|(kind, why)| call(kind, why))
}

/// The position offered today on one side, and the one a good morning
/// would have offered when the call changed it. Work decided with this
/// morning's check-in already answers to it and is left alone.
pub fn offered(
    r: &Replay,
    l: &'static Ladder,
    side: Side,
    last: Option<&Decision>,
    call: Option<&MorningCall>,
    today: NaiveDate,
) -> (Position, Option<Position>) {
    let p = r.position(l, side);
    if r.partial || !r.baseline_known {
        // The replay cannot be trusted: never more than was last done.
        return match last_done(r, l, side, today).filter(|d| !p.le(d)) {
            Some(done) => (at_most(done, p), Some(p)),
            None => (p, None),
        };
    }
    let Some(call) = call else { return (p, None) };
    let decided_today = last
        .is_some_and(|d| d.phase == Phase::NextMorning && d.session_date == days_back(today, 1));
    if decided_today {
        return (p, None);
    }
    // A step up not yet tried waits for a settled morning.
    let base = match last {
        Some(d) if d.kind == DecisionKind::Progress => d.before,
        _ => p,
    };
    let now = match call.kind {
        DecisionKind::ScaleBack => base.trim(l).map_or(base, |(t, _)| t),
        _ => base,
    };
    if now == p {
        (p, None)
    } else {
        (now, Some(p))
    }
}

/// The level and dose of the latest sets logged on this ladder and side,
/// up to `today`: what the user is known to have done, read from the sets
/// themselves rather than from a replay of a log that is not all there.
fn last_done(r: &Replay, l: &Ladder, side: Side, today: NaiveDate) -> Option<Position> {
    for (_, day) in r.days.map.range(..=today).rev() {
        let mut done: Option<Position> = None;
        for b in day.blocks() {
            let leg = side == Side::Both || b.block.side == Side::Both || b.block.side == side;
            if !std::ptr::eq(b.ladder, l) || !leg || b.block.sets.is_empty() {
                continue;
            }
            let d = done.get_or_insert(Position {
                level: b.level,
                dose: Dose {
                    sets: 0,
                    amount: 0,
                    load_kg: 0.0,
                },
            });
            if d.level == b.level {
                for set in &b.block.sets {
                    d.dose.sets = d.dose.sets.saturating_add(1);
                    d.dose.amount = d.dose.amount.max(set.n);
                    d.dose.load_kg = d.dose.load_kg.max(set.kg);
                }
            }
        }
        if done.is_some() {
            return done;
        }
    }
    None
}

/// `p`, no higher than `done`: the lower level, or at the same level each
/// number no higher than it was done.
fn at_most(done: Position, p: Position) -> Position {
    if done.level != p.level {
        return if done.level < p.level { done } else { p };
    }
    let (d, q) = (done.dose, p.dose);
    Position {
        level: p.level,
        dose: Dose {
            sets: d.sets.min(q.sets),
            amount: d.amount.min(q.amount),
            load_kg: d.load_kg.min(q.load_kg),
        },
    }
}

impl MorningCall {
    /// One line for Today and the logger, quoting the numbers used.
    pub fn reason(&self) -> String {
        let (m, b) = (self.morning, self.baseline);
        let (test, whose) = decide::leg_words(self.test, self.leg);
        let today = match self.kind {
            DecisionKind::ScaleBack => "Today is a little lighter: one step down on each exercise.",
            _ => "Today stays at the dose you last did; the next step waits for a settled morning.",
        };
        let what = match &self.why {
            Why::FlareDay => "You marked a flare day; it does not count against you.".into(),
            Why::LargeRise => format!("This morning's {test} test was {m}/10, well above your baseline of {b}/10."),
            Why::TwoMorningsAbove { previous } => format!("Your {test} test was above your baseline of {b}/10 two mornings running ({previous}/10, then {m}/10)."),
            Why::WeeklyRise { now, before } => format!("{} averaged {} above baseline this week against {} last week.", capital(&whose), Fixed(f64::from(*now), 1), Fixed(f64::from(*before), 1)),
            Why::SteadyOffset { mornings } => format!("This morning's {test} test was {m}/10 against your baseline of {b}/10, steady for {mornings} check-ins. That is not a flare."),
            _ => format!("This morning's {test} test was {m}/10; your baseline is {b}/10."),
        };
        format!("{what} {today}")
    }
}

/// `s` with its first letter a capital, for a sentence's start.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_ascii_uppercase().to_string() + c.as_str()
    })
}
