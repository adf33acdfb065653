//! Today's plan: a pure function of the log and the date.

use super::advice::{self, Advice};
use super::catalogue::{Exercise, Flexion, Ladder, Slot, Stage, LADDERS};
use super::decide::{Decision, Phase};
use super::dose::{usable, Dose};
use super::model::{AffectedSide, Legs, Log, RedFlag, SelfTest, Side};
use super::replay::{days_back, Replay};
use super::rules::*;
use super::stage::{self, Gate};
use super::today::{self, MorningCall};
use chrono::NaiveDate;
use serde::Serialize;

mod schedule;
use schedule::{items_for, schedule};

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
    /// The baseline in force; shown only when `baseline_known`.
    pub baseline: u8,
    /// Whether a baseline could be read at all.
    pub baseline_known: bool,
    /// Part of the log could not be read (or no baseline was found): the
    /// plan may be wrong, so nothing steps up (issue 12 point 11).
    pub partial: bool,
    /// Part of the log could not be read (not only a missing baseline).
    pub unread: bool,
    pub check_in_due: bool,
    /// Each leg's baseline, when the check-in rates each leg on its own:
    /// a one-leg self-test with both legs affected (issue 12 point 2).
    pub leg_baselines: Option<Legs>,
    /// The session whose next-morning decision waits for today's check-in.
    pub pending_session: Option<NaiveDate>,
    pub flare_today: bool,
    /// How this morning's test changes today's plan, with its reason.
    pub morning_call: Option<MorningCall>,
    pub day: DayPlan,
    pub items: Vec<Item>,
    /// After stage 1, the isometric holds stay on offer beside the plan: as
    /// a warm-up on a loading day and on their own on a rest day (`000_…`).
    /// Optional: leaving them out changes no decision.
    pub holds: Vec<Item>,
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
    /// What this week has achieved so far, for Today's weekly line.
    pub week: super::progress::Week,
}

/// Whether the log handed to the engine is all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    Whole,
    /// Part of the stored log could not be read (storage's recovery banner).
    Partial,
}

/// Today's plan, recomputed from the whole log.
pub fn plan(log: &Log, today: NaiveDate) -> Plan {
    plan_with(log, today, Completeness::Whole)
}

/// Today's plan from a log that may be only part of what was stored. A
/// partial log (or one with no baseline) holds: no stage it has not trained
/// in, no dose above what was last done, no step up decided today.
pub fn plan_with(log: &Log, today: NaiveDate, read: Completeness) -> Plan {
    let mut r = Replay::run_with(log, today, read == Completeness::Partial);
    let partial = r.partial || !r.baseline_known;
    if partial {
        r.stage = r.stage.min(trained_stage(&r, today));
    }
    let today_day = r.day(today);
    let flags: Vec<RedFlag> = r.red_flags.iter().copied().collect();
    let call = today::morning_call(&r, today);
    // One-leg work follows its own leg's morning, two-leg work the worse.
    let leg = |s| match r.per_leg_seen {
        true => today::morning_call_on(&r, today, s),
        false => call.clone(),
    };
    let calls = [leg(Side::Left), leg(Side::Right), call.clone()];
    let (day, items) = if !flags.is_empty() {
        (DayPlan::Stop { flags }, Vec::new())
    } else {
        schedule(&r, today, &calls)
    };
    let holds = match day {
        DayPlan::Stop { .. } => Vec::new(),
        _ if r.stage == Stage::Isometric => Vec::new(),
        _ => r
            .offered()
            .filter(|l| l.stage == Stage::Isometric)
            .flat_map(|l| items_for(&r, l, &calls, today))
            .collect(),
    };
    let yesterday = days_back(today, 1);
    let decisions: Vec<Decision> = r
        .decisions
        .iter()
        .filter(|d| {
            (d.phase == Phase::NextMorning && d.session_date == yesterday)
                || (d.phase == Phase::AfterSession && d.session_date == today)
        })
        .cloned()
        .collect();
    let mut news = stage::today_news(&r.stage_log, r.deep_unlocked, r.deep_closed.as_ref(), today);
    news.extend(stage::level_news(&decisions));
    let locked = LADDERS
        .iter()
        .filter(|l| l.offered_for(r.settings.goal))
        .filter_map(|l| r.lock_reason(l).map(|reason| Locked { ladder: l, reason }))
        .collect();
    Plan {
        date: today,
        stage: r.stage,
        stage_reason: r
            .stage_log
            .iter()
            .rfind(|c| c.stage <= r.stage)
            .map(|c| c.reason.clone())
            .unwrap_or_default(),
        next_gate: stage::next_gate(&r, today).filter(|g| g.to.offered_for(r.settings.goal)),
        test: r.test,
        baseline: r.baseline,
        baseline_known: r.baseline_known,
        partial,
        unread: r.partial,
        check_in_due: today_day.is_none_or(|d| d.morning.is_none()),
        leg_baselines: (r.one_leg_test && r.settings.affected == AffectedSide::Both)
            .then(|| r.baseline_legs.unwrap_or(Legs::both(r.baseline))),
        pending_session: r.pending,
        flare_today: today_day.is_some_and(|d| d.flare),
        morning_call: call,
        day,
        items,
        holds,
        decisions,
        advice: advice::advice(&r, today),
        confounder: advice::confounder(&r, today),
        locked,
        news,
        week: super::progress::this_week(&r, today),
        setbacks: stage::setbacks(&r.stage_log, r.deep_closed.as_ref()),
    }
}

impl Plan {
    /// What Today and the logger say when the plan may be wrong.
    /// A log read whole but with no baseline (its month removed as
    /// unreadable, say) is told so: nothing is unreadable any more.
    pub fn caution(&self) -> Option<&'static str> {
        self.partial.then_some(if self.unread {
            "Part of your log couldn't be read, so this plan may be wrong. Until that is sorted out, nothing steps up."
        } else {
            "Your log has no baseline for the morning self-test, so this plan may be wrong. Set one in Settings; until then, nothing steps up."
        })
    }
}

/// The highest stage whose work the log shows (or the entry stage): a
/// partial log opens no stage the user has not trained in yet.
fn trained_stage(r: &Replay, today: NaiveDate) -> Stage {
    let mut top = stage::entry_stage(&r.settings);
    for (_, d) in r.days.map.range(..=today) {
        for b in d.blocks() {
            top = top.max(b.ladder.stage);
        }
    }
    top
}

/// Today's calls: the left leg's, the right leg's and the worse leg's.
type Calls = [Option<MorningCall>; 3];
