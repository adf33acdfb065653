//! Today's plan: a pure function of the log and the date.

use super::advice::{self, Advice};
use super::catalogue::{Exercise, Ladder, Slot, Stage, LADDERS};
use super::decide::{Decision, Phase};
use super::dose::{usable, Dose};
use super::model::{Log, RedFlag, SelfTest, Side};
use super::replay::{days_back, Replay};
use super::rules::*;
use super::stage::{self, Gate};
use super::today::{self, MorningCall};
use chrono::NaiveDate;
use serde::Serialize;

/// What kind of day today is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DayPlan {
    /// A loading day; `label` names the session ("Session A", "Holds").
    Load {
        label: String,
    },
    Rest {
        reason: String,
    },
    /// A red flag is in force: see a clinician, nothing is prescribed.
    Stop {
        flags: Vec<RedFlag>,
    },
}

/// One exercise to do today, for one side or both legs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    pub ladder: &'static Ladder,
    pub exercise: &'static Exercise,
    pub level: usize,
    pub side: Side,
    pub dose: Dose,
    /// The latest decision that counts for this exercise and side.
    pub last: Option<Decision>,
    /// What a settled morning would have offered, when this morning's call
    /// changed the level or dose (see [`Plan::morning_call`]).
    pub planned: Option<super::dose::Position>,
}

/// A ladder not offered now, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Locked {
    pub ladder: &'static Ladder,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub date: NaiveDate,
    pub stage: Stage,
    pub stage_reason: String,
    pub next_gate: Option<Gate>,
    pub test: SelfTest,
    pub baseline: u8,
    pub check_in_due: bool,
    /// The session whose next-morning decision waits for today's check-in.
    pub pending_session: Option<NaiveDate>,
    pub flare_today: bool,
    /// How this morning's test changes today's plan, with its reason.
    pub morning_call: Option<MorningCall>,
    pub day: DayPlan,
    pub items: Vec<Item>,
    /// Decisions about recent sessions: yesterday's after this morning's
    /// check-in, and today's straight after the session.
    pub decisions: Vec<Decision>,
    pub advice: Vec<Advice>,
    pub confounder: Option<String>,
    pub locked: Vec<Locked>,
    /// What changed today, said once, plainly: a stage gained or lost,
    /// deep hip flexion opened or closed again (issue 12 points 4 and 13).
    pub news: Vec<stage::News>,
    /// What is locked again and why, while it stays locked.
    pub setbacks: Vec<String>,
}

/// Today's plan, recomputed from the whole log.
pub fn plan(log: &Log, today: NaiveDate) -> Plan {
    let r = Replay::run(log, today);
    let today_day = r.day(today);
    let flags: Vec<RedFlag> = r.red_flags.iter().copied().collect();
    let call = today::morning_call(&r, today);
    let (day, items) = if !flags.is_empty() {
        (DayPlan::Stop { flags }, Vec::new())
    } else {
        schedule(&r, today, call.as_ref())
    };
    let yesterday = days_back(today, 1);
    let decisions = r
        .decisions
        .iter()
        .filter(|d| {
            (d.phase == Phase::NextMorning && d.session_date == yesterday)
                || (d.phase == Phase::AfterSession && d.session_date == today)
        })
        .cloned()
        .collect();
    let locked = LADDERS
        .iter()
        .filter(|l| l.offered_for(log.settings.goal))
        .filter_map(|l| r.lock_reason(l).map(|reason| Locked { ladder: l, reason }))
        .collect();
    Plan {
        date: today,
        stage: r.stage,
        stage_reason: r
            .stage_log
            .last()
            .map(|c| c.reason.clone())
            .unwrap_or_default(),
        next_gate: stage::next_gate(&r, today).filter(|g| g.to.offered_for(log.settings.goal)),
        test: r.test,
        baseline: r.baseline,
        check_in_due: today_day.is_none_or(|d| d.morning.is_none()),
        pending_session: r.pending,
        flare_today: today_day.is_some_and(|d| d.flare),
        morning_call: call,
        day,
        items,
        decisions,
        advice: advice::advice(&r, today),
        confounder: advice::confounder(&r, today),
        locked,
        news: stage::today_news(&r.stage_log, r.deep_unlocked, r.deep_closed.as_ref(), today),
        setbacks: stage::setbacks(&r.stage_log, r.deep_closed.as_ref()),
    }
}

fn schedule(r: &Replay, today: NaiveDate, call: Option<&MorningCall>) -> (DayPlan, Vec<Item>) {
    let items_for = |l: &'static Ladder| items_for(r, l, call, today);
    let eq = &r.settings.equipment;
    let in_slot = |slot: Slot| {
        move |l: &&'static Ladder| {
            l.slot == slot && usable(r.position(l, Side::Left).exercise(l), eq)
        }
    };
    if r.stage == Stage::Isometric {
        let sessions = r.day(today).map_or(0, |d| d.sessions.len());
        if sessions >= MAX_ISOMETRIC_SESSIONS_PER_DAY {
            return rest(format!("You have done holds {sessions} times today, the most that helps. Rest until tomorrow."));
        }
        let items = r
            .offered()
            .filter(|l| l.stage == Stage::Isometric)
            .flat_map(&items_for)
            .collect();
        return (
            DayPlan::Load {
                label: "Isometric holds".into(),
            },
            items,
        );
    }
    let heavy_today = r.day(today).is_some_and(|d| d.heavy());
    let heavy_yesterday = r.day(days_back(today, 1)).is_some_and(|d| d.heavy());
    let heavy_this_week = r
        .days
        .map
        .range(days_back(today, 6)..today)
        .filter(|(_, d)| d.heavy())
        .count();
    let heavy_before = r.days.map.range(..today).filter(|(_, d)| d.heavy()).count();
    if !heavy_today && (heavy_yesterday || heavy_this_week >= MAX_HEAVY_SESSIONS_PER_WEEK) {
        if let Some(run) = running_day(r, today, items_for) {
            return run;
        }
        let reason = if heavy_yesterday {
            "Rest day: heavy sessions need a day between them so the tendon can adapt.".to_string()
        } else {
            format!("Rest day: you have done {MAX_HEAVY_SESSIONS_PER_WEEK} heavy sessions this week, the most that helps.")
        };
        return rest(reason);
    }
    // Alternate the two sessions of the example week in `000_…`.
    let (slot, label) = if heavy_before % 2 == 0 {
        (Slot::A, "Session A")
    } else {
        (Slot::B, "Session B")
    };
    let mut items: Vec<Item> = Vec::new();
    // Jumps come first in a session, while fresh (`000_…`).
    for l in r
        .offered()
        .filter(|l| l.stage == Stage::EnergyStorage)
        .filter(in_slot(slot))
    {
        items.extend(items_for(l));
    }
    // One ladder per category a session, the most advanced one offered, so a
    // session stays about as long as the example week's (`000_…`).
    let mut chosen: Vec<&'static Ladder> = Vec::new();
    let heavy = r.offered().filter(|l| l.stage == Stage::HeavySlow);
    for l in heavy.filter(in_slot(slot)) {
        match chosen.iter_mut().find(|c| c.category == l.category) {
            Some(c) => *c = l,
            None => chosen.push(l),
        }
    }
    for l in chosen {
        items.extend(items_for(l));
    }
    (
        DayPlan::Load {
            label: label.into(),
        },
        items,
    )
}

fn rest(reason: String) -> (DayPlan, Vec<Item>) {
    (DayPlan::Rest { reason }, Vec::new())
}

/// In return to running, rest days from heavy work are running days, at most
/// a few a week and never two in a row.
fn running_day(
    r: &Replay,
    today: NaiveDate,
    items_for: impl Fn(&'static Ladder) -> Vec<Item>,
) -> Option<(DayPlan, Vec<Item>)> {
    let run = r.offered().find(|l| l.stage == Stage::ReturnToRunning)?;
    let ran_yesterday = r.day(days_back(today, 1)).is_some_and(|d| d.ran());
    let runs = r
        .days
        .map
        .range(days_back(today, 6)..today)
        .filter(|(_, d)| d.ran())
        .count();
    if ran_yesterday || runs >= MAX_RUNS_PER_WEEK {
        return None;
    }
    Some((
        DayPlan::Load {
            label: "Run".into(),
        },
        items_for(run),
    ))
}

fn items_for(
    r: &Replay,
    l: &'static Ladder,
    call: Option<&MorningCall>,
    today: NaiveDate,
) -> Vec<Item> {
    let last = |side: Side| {
        r.decisions
            .iter()
            .rev()
            .find(|d| {
                d.phase == Phase::NextMorning
                    && d.ladder == l.id
                    && (d.side == side || d.side == Side::Both || side == Side::Both)
            })
            .cloned()
    };
    let [left, right] =
        [Side::Left, Side::Right].map(|s| today::offered(r, l, s, last(s).as_ref(), call, today));
    let item =
        |side: Side, (p, planned): (super::dose::Position, Option<super::dose::Position>)| Item {
            ladder: l,
            exercise: l.level(p.level),
            level: p.level,
            side,
            dose: p.dose,
            last: last(side),
            planned,
        };
    if left.0 == right.0 && !l.level(left.0.level).one_leg {
        vec![item(Side::Both, left)]
    } else {
        vec![item(Side::Left, left), item(Side::Right, right)]
    }
}
