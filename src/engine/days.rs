//! The log grouped by date, so the replay can look up any day cheaply.

use super::catalogue::{find_exercise, Ladder, Stage};
use super::model::*;
use super::rules::{LONG_RUN_MINUTES, LONG_SITTING_HOURS};
use crate::sorted::SortedMap;
use chrono::{Days as Span, NaiveDate};

/// `n` days before `d` (the earliest date when that is out of range).
pub fn days_back(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_sub_days(Span::new(n.max(0) as u64))
        .unwrap_or(NaiveDate::MIN)
}

/// Everything logged on one date.
#[derive(Default, Debug)]
pub struct Day<'a> {
    /// The last morning check-in of the day (a later one corrects an earlier):
    /// the worse leg's rating when it was rated per leg.
    pub morning: Option<u8>,
    /// That check-in's rating per leg, when it has one.
    pub legs: Option<Legs>,
    pub flare: bool,
    pub sessions: Vec<&'a Session>,
    pub activities: Vec<&'a ActivityKind>,
    pub baseline: Option<&'a Baseline>,
    /// Red-flag reports and clearances in entry order: `true` is a report.
    pub red_flags: Vec<(bool, Option<RedFlag>)>,
    /// The day's blocks resolved against the catalogue once, because the
    /// replay walks them many times a day.
    known: Vec<KnownBlock<'a>>,
}

/// A block of sets resolved against the catalogue.
#[derive(Debug)]
pub struct KnownBlock<'a> {
    pub ladder: &'static Ladder,
    pub level: usize,
    pub block: &'a Block,
}

impl<'a> Day<'a> {
    /// The blocks of the day whose exercise the catalogue knows.
    pub fn blocks(&self) -> impl Iterator<Item = &KnownBlock<'a>> + '_ {
        self.known.iter()
    }

    fn resolve(&mut self) {
        let n = self.sessions.iter().map(|s| s.blocks.len()).sum();
        self.known = Vec::with_capacity(n);
        self.known.extend(
            self.sessions
                .iter()
                .flat_map(|s| s.blocks.iter())
                .filter_map(|b| {
                    find_exercise(&b.exercise).map(|(ladder, level, _)| KnownBlock {
                        ladder,
                        level,
                        block: b,
                    })
                }),
        );
    }

    pub fn did_ladder_in(&self, pred: impl Fn(&Ladder) -> bool) -> bool {
        self.blocks()
            .any(|b| !b.block.sets.is_empty() && pred(b.ladder))
    }

    /// A heavy-slow (stage 2 or 3) session, which needs a rest day after it.
    pub fn heavy(&self) -> bool {
        self.did_ladder_in(|l| matches!(l.stage, Stage::HeavySlow | Stage::EnergyStorage))
    }

    pub fn ran(&self) -> bool {
        self.did_ladder_in(|l| l.stage == Stage::ReturnToRunning)
            || self
                .activities
                .iter()
                .any(|a| matches!(a, ActivityKind::Run { .. }))
    }

    /// The worst "after" response of the day's sessions.
    pub fn response(&self) -> Option<Response> {
        let rs = self.sessions.iter().filter_map(|s| s.response);
        rs.max_by_key(|r| match r {
            Response::Better => 0,
            Response::Same => 1,
            Response::Worse => 2,
        })
    }

    pub fn sitting_hours(&self) -> f32 {
        self.activities
            .iter()
            .map(|a| match a {
                ActivityKind::Sitting { hours } => *hours,
                _ => 0.0,
            })
            .sum()
    }

    /// The provocative loads of the day, in words, for the confounder note
    /// (`000_…`: several exposures on one day blur the next morning).
    pub fn exposures(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self
            .blocks()
            .any(|b| !b.block.sets.is_empty() && b.ladder.stage != Stage::ReturnToRunning)
        {
            out.push("a rehab session");
        }
        for a in &self.activities {
            let word = match a {
                // Name what was done: hill sprints, not "a hilly run".
                ActivityKind::Run {
                    minutes,
                    hills,
                    fast,
                    ..
                } => Some(match (*fast, *hills, *minutes > LONG_RUN_MINUTES) {
                    (true, true, _) => "hill sprints",
                    (true, false, _) => "fast running",
                    (false, true, true) => "a long hilly run",
                    (false, true, false) => "a hilly run",
                    (false, false, true) => "a long run",
                    (false, false, false) => "a run",
                }),
                ActivityKind::Sport { .. } => Some("sport"),
                ActivityKind::Stretching {
                    deep_hip_flexion: true,
                } => Some("deep hip stretching"),
                _ => None,
            };
            if let Some(w) = word {
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
        if self.sitting_hours() >= LONG_SITTING_HOURS {
            out.push("long sitting");
        }
        out
    }
}

/// The whole log by date.
pub struct Days<'a> {
    pub map: SortedMap<NaiveDate, Day<'a>>,
}

impl<'a> Days<'a> {
    pub fn new(log: &'a Log) -> Self {
        let mut entries: Vec<&Entry> = log.entries.iter().collect();
        // Entry order within a day is by id, so corrections and clearances
        // apply in the order they were made, whatever order storage kept.
        crate::sorted::sort_by(&mut entries, &|e| (crate::sorted::day_key(e.date), e.id));
        let mut map: SortedMap<NaiveDate, Day<'a>> = SortedMap::new();
        for e in entries {
            let day = map.entry(e.date).or_default();
            match &e.kind {
                EntryKind::Session(s) => day.sessions.push(s),
                EntryKind::Morning(m) => {
                    day.morning = Some(m.legs.map_or(m.rating, Legs::higher).min(10));
                    day.legs = m.legs;
                }
                EntryKind::Baseline(b) => day.baseline = Some(b),
                EntryKind::Activity(a) => day.activities.push(&a.kind),
                EntryKind::Flare(_) => day.flare = true,
                EntryKind::RedFlag(r) => day.red_flags.push((true, Some(r.flag))),
                EntryKind::RedFlagCleared(_) => day.red_flags.push((false, None)),
            }
        }
        for day in map.values_mut() {
            day.resolve();
        }
        Days { map }
    }

    pub fn get(&self, d: NaiveDate) -> Option<&Day<'a>> {
        self.map.get(&d)
    }

    pub fn first_date(&self) -> Option<NaiveDate> {
        self.map.keys().next().copied()
    }
}
