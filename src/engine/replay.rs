//! The replay: folds the log, day by day, into positions, stage and decisions.
//!
//! Nothing here is stored. Every plan replays the whole log, so correcting or
//! deleting an entry corrects everything that followed from it.

use super::catalogue::{find_exercise, ByLadder, Ladder, Stage};
use super::days::{Day, Days};
use super::decide::{Decision, Phase};
use super::dose::{first_usable, Position};
use super::model::*;
use super::rules::*;
use super::stage;
use crate::sorted::SortedSet;
use chrono::{Days as Span, NaiveDate};

pub use super::days::days_back;
pub use super::mornings::{Episode, MorningPoint};
pub use super::stage::StageChange;

mod judge;
mod locks;
mod standing;

/// The state after replaying the log up to a date.
pub struct Replay<'a> {
    /// The settings in force on the day being replayed; once the replay
    /// is done, on `today` (issue 12 point 5: settings are dated).
    pub settings: Settings,
    /// The log's settings with their history, read as the days pass.
    dated: &'a Settings,
    /// How many of `dated`'s changes the replay has passed.
    changes_passed: usize,
    pub days: Days<'a>,
    pub today: NaiveDate,
    pub stage: Stage,
    pub stage_log: Vec<StageChange>,
    pub deep_unlocked: Option<NaiveDate>,
    /// When and why deep hip flexion closed again, until it reopens.
    pub deep_closed: Option<(NaiveDate, String)>,
    /// Left and right position on every ladder touched so far.
    tracks: ByLadder<Option<[Position; 2]>>,
    pub decisions: Vec<Decision>,
    pub mornings: Vec<MorningPoint>,
    /// The run of mornings above baseline the latest check-in belongs to,
    /// for the worse leg.
    pub episode: Option<Episode>,
    /// The same for each leg (left, right), as its own mornings run.
    leg_episodes: [Option<Episode>; 2],
    /// Some morning so far was rated (or had its baseline) per leg; until
    /// then every leg sees the same mornings, so one view serves all.
    pub per_leg_seen: bool,
    pub test: SelfTest,
    /// The baseline in force; only meaningful when `baseline_known`.
    pub baseline: u8,
    /// Its rating per leg, when it has one.
    pub baseline_legs: Option<Legs>,
    /// The self-test in force is done on one leg.
    pub one_leg_test: bool,
    /// Whether any baseline has been read so far. Without one, no morning
    /// is compared (never against a made-up 0/10: issue 12 point 11).
    pub baseline_known: bool,
    /// The caller says part of the stored log could not be read: today's
    /// decisions step nothing up (issue 12 point 11).
    pub partial: bool,
    /// Red flags in force now: the onboarding answers and reports since the
    /// last clearance.
    pub red_flags: SortedSet<RedFlag>,
    /// Isometric days within the ceiling, for the stage-2 gate.
    pub isometric_days: usize,
    /// The session day whose morning check-in is still to come.
    pub pending: Option<NaiveDate>,
    /// Per ladder and leg (left, right): the date of the last scale back.
    last_scale_back: ByLadder<[Option<NaiveDate>; 2]>,
    /// The morning rating at each exercise and leg's last scale back.
    scaled_at: ByLadder<[Option<(NaiveDate, u8)>; 2]>,
    /// Levels dropped per exercise and leg in the latest episode that
    /// dropped one: (episode start, count).
    level_downs: ByLadder<[Option<(NaiveDate, usize)>; 2]>,
    /// Per ladder and leg: the date of the last repeated-flare scale back
    /// (a repeat within the window, or a level down), which closes the
    /// gates resting on that work (issue 12 point 4).
    knocked: ByLadder<[Option<NaiveDate>; 2]>,
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Span::new(1)).unwrap_or(d)
}

fn side_index(s: Side) -> usize {
    usize::from(s == Side::Right)
}

impl<'a> Replay<'a> {
    pub fn run(log: &'a Log, today: NaiveDate) -> Self {
        Self::run_with(log, today, false)
    }

    /// The replay of a log of which, when `partial`, some could not be read.
    pub fn run_with(log: &'a Log, today: NaiveDate, partial: bool) -> Self {
        let settings = &log.settings;
        let mut r = Replay {
            // Before every change: the settings the log began with.
            settings: settings.on(NaiveDate::MIN),
            dated: settings,
            changes_passed: 0,
            days: Days::new(log),
            today,
            stage: stage::entry_stage(settings),
            stage_log: Vec::new(),
            deep_unlocked: None,
            deep_closed: None,
            tracks: ByLadder::default(),
            decisions: Vec::new(),
            mornings: Vec::new(),
            episode: None,
            leg_episodes: [None; 2],
            per_leg_seen: false,
            test: SelfTest::Bridge,
            baseline: 0,
            baseline_legs: None,
            one_leg_test: true,
            baseline_known: false,
            partial,
            red_flags: settings.red_flags.present.clone(),
            isometric_days: 0,
            pending: None,
            last_scale_back: ByLadder::default(),
            scaled_at: ByLadder::default(),
            level_downs: ByLadder::default(),
            knocked: ByLadder::default(),
        };
        r.stage_log.push(StageChange {
            date: settings.start_date,
            stage: r.stage,
            reason: stage::entry_reason(settings),
        });
        // Only days with entries, and the day after each session (when its
        // decision falls due), can change anything.
        let mut dates: SortedSet<NaiveDate> = SortedSet::new();
        for (&d, day) in r.days.map.range(..=today) {
            dates.insert(d);
            if !day.sessions.is_empty() {
                if let Some(next) = d.succ_opt().filter(|n| *n <= today) {
                    dates.insert(next);
                }
            }
        }
        for d in dates {
            r.step(d);
        }
        r.settings_from(today);
        r
    }

    /// Bring the settings in force up to day `d`, when a change has
    /// taken effect since the last day replayed.
    fn settings_from(&mut self, d: NaiveDate) {
        let passed = self.dated.change_days().take_while(|&u| u <= d).count();
        if passed != self.changes_passed {
            self.changes_passed = passed;
            self.settings = self.dated.on(d);
        }
    }

    fn step(&mut self, d: NaiveDate) {
        let yesterday = day_before(d);
        let (morning, flare) = match self.days.get(d) {
            Some(day) => {
                if let Some(b) = day.baseline {
                    self.test = b.test;
                    self.baseline = b.rating.min(10);
                    self.baseline_legs = b.legs;
                    self.per_leg_seen |= b.legs.is_some();
                    self.one_leg_test = b.one_leg();
                    self.baseline_known = true;
                }
                for &(report, flag) in &day.red_flags {
                    match (report, flag) {
                        (true, Some(f)) => {
                            self.red_flags.insert(f);
                        }
                        _ => self.red_flags.clear(),
                    }
                }
                (day.morning.map(|m| (m, day.legs)), day.flare)
            }
            None => (None, false),
        };
        if let Some(m) = morning.filter(|_| self.baseline_known) {
            let point = MorningPoint::new(d, m, (self.baseline, self.baseline_legs), flare);
            self.episode = Episode::next(self.episode, &point);
            for (i, s) in [Side::Left, Side::Right].into_iter().enumerate() {
                self.leg_episodes[i] = Episode::next(self.leg_episodes[i], &point.on(s));
            }
            self.per_leg_seen |= point.per_leg;
            self.mornings.push(point);
        }
        let had_session = self
            .days
            .get(yesterday)
            .is_some_and(|y| !y.sessions.is_empty());
        if had_session && yesterday < d {
            if morning.is_none() && d == self.today {
                self.pending = Some(yesterday);
            } else {
                // Judged by the settings of the session's own day.
                self.decide_day(yesterday, d, Phase::NextMorning);
            }
        }
        self.settings_from(d);
        self.count_isometrics(d);
        // The stage rules only read the replay; their verdict is applied here.
        let review = stage::review(self, d);
        if review.deep_unlocked && self.deep_unlocked.is_none() {
            self.deep_unlocked = Some(d);
            self.deep_closed = None;
        }
        if let Some(why) = review.deep_closed {
            self.deep_unlocked = None;
            self.deep_closed = Some((d, why));
        }
        if let Some(change) = review.moved {
            self.stage = change.stage;
            self.stage_log.push(change);
        }
        // The after-session preview only matters until the next morning
        // replaces it, so older sessions skip it.
        let recent = d >= day_before(self.today);
        if recent && self.days.get(d).is_some_and(|day| !day.sessions.is_empty()) {
            self.decide_day(d, d, Phase::AfterSession);
        }
    }

    /// A day counts toward the stage-2 gate when the holds logged reach at
    /// least the lightest dose the plan prescribes (a lighter day still
    /// counts; a few seconds do not), all within the ceiling.
    fn count_isometrics(&mut self, d: NaiveDate) {
        let ceiling = self.settings.pain_ceiling.min(MAX_PAIN_CEILING);
        if let Some(day) = self.days.get(d) {
            let (mut holds, mut need, mut within) = (0u8, 0u8, true);
            for b in day.blocks().filter(|b| b.ladder.stage == Stage::Isometric) {
                let least = super::dose::floor(b.ladder.level(b.level));
                need = need.max(least.sets);
                for s in &b.block.sets {
                    holds += u8::from(s.n >= least.amount);
                    // A hold without a rating is not known to be within it.
                    within &= s.pain.is_some_and(|p| p <= ceiling);
                }
            }
            if need > 0 && holds >= need && within {
                self.isometric_days += 1;
            }
        }
    }

    /// Where one side stands on a ladder (the start if never touched).
    pub fn position(&self, ladder: &'static Ladder, side: Side) -> Position {
        match self.tracks.get(ladder) {
            Some(t) => t[side_index(side)],
            None => {
                let eq = &self.settings.equipment;
                Position::start(ladder, first_usable(ladder, 0, eq).unwrap_or(0))
            }
        }
    }

    pub(super) fn set_position(&mut self, ladder: &'static Ladder, side: Side, p: Position) {
        let both = [
            self.position(ladder, Side::Left),
            self.position(ladder, Side::Right),
        ];
        let t = self.tracks.get_mut(ladder).get_or_insert(both);
        // Two-leg levels are one position for both legs.
        if side == Side::Both || !ladder.level(p.level).one_leg {
            *t = [p, p];
        } else {
            t[side_index(side)] = p;
        }
    }

    /// The check-in of `d`, when it is the latest one replayed.
    pub fn morning_on(&self, d: NaiveDate) -> Option<&MorningPoint> {
        self.mornings.last().filter(|m| m.date == d)
    }

    /// The episode `d`'s morning belongs to on `side` (`Both`: the worse
    /// leg), when it is above baseline.
    pub fn episode_on(&self, d: NaiveDate, side: Side) -> Option<Episode> {
        let e = match side {
            Side::Both => self.episode,
            s => self.leg_episodes[side_index(s)],
        };
        e.filter(|_| self.morning_on(d).is_some())
    }

    /// Whether the log has moved this ladder yet.
    pub fn touched(&self, ladder: &Ladder) -> bool {
        self.tracks.get(ladder).is_some()
    }

    pub fn day(&self, d: NaiveDate) -> Option<&Day<'a>> {
        self.days.get(d)
    }

    /// The ladder, level and exercise of an exercise id, for callers that
    /// only have the id from a log entry.
    pub fn exercise(id: &str) -> Option<&'static super::catalogue::Exercise> {
        find_exercise(id).map(|(_, _, e)| e)
    }
}
