//! Progress over time, for charts, the plan map and the clinician summary:
//! every series is derived from the replay, so a corrected entry corrects it.

use super::catalogue::{Ladder, Measure, Stage, LADDERS};
use super::decide::{DecisionKind, Phase};
use super::dose::{usable, Position};
use super::model::{EntryKind, Log, Side};
use super::replay::{MorningPoint, Replay, StageChange};
use crate::sorted::SortedMap;
use chrono::{Datelike, Days, NaiveDate};

/// A move between levels of a ladder.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelChange {
    pub date: NaiveDate,
    pub ladder: &'static str,
    pub to: &'static str,
    pub side: Side,
    pub up: bool,
}

/// The worst pain during one exercise on one side on one day.
#[derive(Clone, Debug, PartialEq)]
pub struct PainPoint {
    pub date: NaiveDate,
    pub exercise: &'static str,
    pub side: Side,
    pub pain: u8,
}

/// One week of loading (weeks start on Monday).
#[derive(Clone, Debug, PartialEq)]
pub struct WeekVolume {
    pub week: NaiveDate,
    pub sessions: u32,
    pub sets: u32,
    /// Reps only; hold seconds and run minutes are not reps.
    pub reps: u32,
    /// Sum of reps x kg: the load lifted.
    pub load_kg: f32,
}

/// Where each leg stands on a ladder that has one-leg levels.
#[derive(Clone, Debug, PartialEq)]
pub struct SidePair {
    pub ladder: &'static Ladder,
    pub left: Position,
    pub right: Position,
    /// Whether the log has moved this ladder yet (else it is just on offer).
    pub touched: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub mornings: Vec<MorningPoint>,
    pub flares: Vec<NaiveDate>,
    pub level_changes: Vec<LevelChange>,
    pub stages: Vec<StageChange>,
    pub pains: Vec<PainPoint>,
    pub weeks: Vec<WeekVolume>,
    /// Every ladder on offer now (with the user's equipment) or touched so
    /// far, with left and right positions.
    pub positions: Vec<SidePair>,
}

impl Progress {
    /// Ladders under way whose legs stand on one-leg levels.
    pub fn one_leg(&self) -> impl Iterator<Item = &SidePair> {
        self.positions.iter().filter(|p| {
            p.touched
                && (p.ladder.level(p.left.level).one_leg || p.ladder.level(p.right.level).one_leg)
        })
    }
}

/// This week so far (from Monday): days trained, and mornings checked in
/// with how many of them were at or under the baseline in force.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Week {
    pub sessions: usize,
    pub mornings: usize,
    pub settled: usize,
}

/// [`Week`] for the week holding `today`. Days trained rather than
/// sessions logged, so three rounds of holds in a day count once.
pub(super) fn this_week(r: &Replay, today: NaiveDate) -> Week {
    let from = monday(today);
    let sessions = r
        .days
        .map
        .range(from..=today)
        .filter(|(_, d)| !d.sessions.is_empty())
        .count();
    let week = r
        .mornings
        .iter()
        .filter(|m| m.date >= from && m.date <= today);
    Week {
        sessions,
        mornings: week.clone().count(),
        settled: week.filter(|m| m.excess() <= 0).count(),
    }
}

fn monday(d: NaiveDate) -> NaiveDate {
    let back = u64::from(d.weekday().num_days_from_monday());
    d.checked_sub_days(Days::new(back)).unwrap_or(d)
}

pub fn progress(log: &Log, today: NaiveDate) -> Progress {
    let r = Replay::run(log, today);
    let level_changes = r
        .decisions
        .iter()
        .filter(|d| {
            d.phase == Phase::NextMorning
                && d.kind != DecisionKind::Hold
                && d.after.level != d.before.level
        })
        .filter_map(|d| {
            let ladder = LADDERS.iter().find(|l| l.id == d.ladder)?;
            Some(LevelChange {
                date: d.session_date.succ_opt().unwrap_or(d.session_date),
                ladder: d.ladder,
                to: ladder.level(d.after.level).name,
                side: d.side,
                up: d.after.level > d.before.level,
            })
        })
        .collect();
    let mut pains: SortedMap<(NaiveDate, &'static str, Side), u8> = SortedMap::new();
    let mut weeks: SortedMap<NaiveDate, WeekVolume> = SortedMap::new();
    for (&date, day) in r.days.map.range(..=today) {
        let week = weeks.entry(monday(date)).or_insert(WeekVolume {
            week: monday(date),
            sessions: 0,
            sets: 0,
            reps: 0,
            load_kg: 0.0,
        });
        week.sessions += day.sessions.len() as u32;
        for kb in day.blocks() {
            let e = kb.ladder.level(kb.level);
            for set in &kb.block.sets {
                week.sets += 1;
                if e.measure == Measure::Reps {
                    week.reps += u32::from(set.n);
                    week.load_kg += f32::from(set.n) * set.kg;
                }
                // Only rated sets draw the pain chart: a gap, never a 0.
                if let Some(pain) = set.pain {
                    let p = pains.entry((date, e.id, kb.block.side)).or_insert(0);
                    *p = (*p).max(pain);
                }
            }
        }
    }
    let flares = log
        .entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Flare(_)) && e.date <= today)
        .map(|e| e.date)
        .collect::<crate::sorted::SortedSet<_>>()
        .into_iter()
        .collect();
    let eq = &r.settings.equipment;
    let positions = LADDERS
        .iter()
        .filter(|l| {
            let current = r.position(l, Side::Left).exercise(l);
            // Holds stay on offer in later stages as an optional warm-up;
            // they are only part of the programme in stage 1 or once used.
            let in_programme = l.stage != Stage::Isometric || r.stage == Stage::Isometric;
            r.touched(l) || (in_programme && r.lock_reason(l).is_none() && usable(current, eq))
        })
        .map(|l| SidePair {
            ladder: l,
            left: r.position(l, Side::Left),
            right: r.position(l, Side::Right),
            touched: r.touched(l),
        })
        .collect();
    Progress {
        mornings: r.mornings.clone(),
        flares,
        level_changes,
        stages: r.stage_log.clone(),
        pains: pains
            .into_iter()
            .map(|((date, exercise, side), pain)| PainPoint {
                date,
                exercise,
                side,
                pain,
            })
            .collect(),
        weeks: weeks
            .into_values()
            .filter(|w| w.sets > 0 || w.sessions > 0)
            .collect(),
        positions,
    }
}
