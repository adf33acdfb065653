//! The replay: folds the log, day by day, into positions, stage and decisions.
//!
//! Nothing here is stored. Every plan replays the whole log, so correcting or
//! deleting an entry corrects everything that followed from it.

use super::catalogue::{find_exercise, ladder, Ladder, Stage};
use super::days::{Day, Days};
use super::decide::{self, Change, Decision, DecisionKind, Evidence, Phase};
use super::dose::{first_usable, Position};
use super::model::*;
use super::rules::*;
use super::stage;
use crate::sorted::{SortedMap, SortedSet};
use chrono::{Days as Span, NaiveDate};

pub use super::days::days_back;
pub use super::mornings::{Episode, MorningPoint};
pub use super::stage::StageChange;

mod locks;
mod standing;

/// The state after replaying the log up to a date.
pub struct Replay<'a> {
    pub settings: &'a Settings,
    pub days: Days<'a>,
    pub today: NaiveDate,
    pub stage: Stage,
    pub stage_log: Vec<StageChange>,
    pub deep_unlocked: Option<NaiveDate>,
    /// Left and right position on every ladder touched so far.
    pub tracks: SortedMap<&'static str, [Position; 2]>,
    pub decisions: Vec<Decision>,
    pub mornings: Vec<MorningPoint>,
    /// The run of mornings above baseline the latest check-in belongs to.
    pub episode: Option<Episode>,
    pub test: SelfTest,
    pub baseline: u8,
    /// Red flags in force now: the onboarding answers and reports since the
    /// last clearance.
    pub red_flags: SortedSet<RedFlag>,
    /// Isometric days within the ceiling, for the stage-2 gate.
    pub isometric_days: usize,
    /// The session day whose morning check-in is still to come.
    pub pending: Option<NaiveDate>,
    last_scale_back: SortedMap<(&'static str, usize), NaiveDate>,
    /// The morning rating at each exercise and leg's last scale back.
    scaled_at: SortedMap<(&'static str, usize), (NaiveDate, u8)>,
    /// Levels dropped per exercise and leg in the latest episode that
    /// dropped one: (episode start, count).
    level_downs: SortedMap<(&'static str, usize), (NaiveDate, usize)>,
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Span::new(1)).unwrap_or(d)
}

fn side_index(s: Side) -> usize {
    usize::from(s == Side::Right)
}

impl<'a> Replay<'a> {
    pub fn run(log: &'a Log, today: NaiveDate) -> Self {
        let settings = &log.settings;
        let mut r = Replay {
            settings,
            days: Days::new(log),
            today,
            stage: stage::entry_stage(settings),
            stage_log: Vec::new(),
            deep_unlocked: None,
            tracks: SortedMap::new(),
            decisions: Vec::new(),
            mornings: Vec::new(),
            episode: None,
            test: SelfTest::Bridge,
            baseline: 0,
            red_flags: settings.red_flags.present.clone(),
            isometric_days: 0,
            pending: None,
            last_scale_back: SortedMap::new(),
            scaled_at: SortedMap::new(),
            level_downs: SortedMap::new(),
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
        r
    }

    fn step(&mut self, d: NaiveDate) {
        let yesterday = day_before(d);
        let (morning, flare) = match self.days.get(d) {
            Some(day) => {
                if let Some(b) = day.baseline {
                    self.test = b.test;
                    self.baseline = b.rating.min(10);
                }
                for &(report, flag) in &day.red_flags {
                    match (report, flag) {
                        (true, Some(f)) => {
                            self.red_flags.insert(f);
                        }
                        _ => self.red_flags.clear(),
                    }
                }
                (day.morning, day.flare)
            }
            None => (None, false),
        };
        if let Some(rating) = morning {
            let point = MorningPoint {
                date: d,
                rating,
                baseline: self.baseline,
                flare,
            };
            self.episode = Episode::next(self.episode, &point);
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
                self.decide_day(yesterday, d, Phase::NextMorning);
            }
        }
        self.count_isometrics(d);
        // The stage rules only read the replay; their verdict is applied here.
        let review = stage::review(self, d);
        if review.deep_unlocked && self.deep_unlocked.is_none() {
            self.deep_unlocked = Some(d);
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

    fn count_isometrics(&mut self, d: NaiveDate) {
        let ceiling = self.settings.pain_ceiling.min(MAX_PAIN_CEILING);
        if let Some(day) = self.days.get(d) {
            let iso: Vec<u8> = day
                .blocks()
                .filter(|b| b.ladder.stage == Stage::Isometric)
                .flat_map(|b| b.block.sets.iter().map(|s| s.pain))
                .collect();
            if !iso.is_empty() && iso.iter().all(|&p| p <= ceiling) {
                self.isometric_days += 1;
            }
        }
    }

    /// Where one side stands on a ladder (the start if never touched).
    pub fn position(&self, ladder: &'static Ladder, side: Side) -> Position {
        match self.tracks.get(ladder.id) {
            Some(t) => t[side_index(side)],
            None => {
                let eq = &self.settings.equipment;
                Position::start(ladder, first_usable(ladder, 0, eq).unwrap_or(0))
            }
        }
    }

    fn set_position(&mut self, ladder: &'static Ladder, side: Side, p: Position) {
        let both = [
            self.position(ladder, Side::Left),
            self.position(ladder, Side::Right),
        ];
        let t = self.tracks.entry(ladder.id).or_insert(both);
        // Two-leg levels are one position for both legs.
        if side == Side::Both || !ladder.level(p.level).one_leg {
            *t = [p, p];
        } else {
            t[side_index(side)] = p;
        }
    }

    fn decide_day(&mut self, session: NaiveDate, on: NaiveDate, phase: Phase) {
        let Some(day) = self.days.get(session) else {
            return;
        };
        // Group the day's sets by ladder and side; one-leg work logged as
        // "both" counts for each leg.
        let mut groups: SortedMap<(&'static str, Side), Vec<(usize, &SetLog)>> = SortedMap::new();
        for kb in day.blocks() {
            let sides: &[Side] = match (kb.ladder.level(kb.level).one_leg, kb.block.side) {
                (false, _) => &[Side::Both],
                (true, Side::Both) => &[Side::Left, Side::Right],
                (true, Side::Left) => &[Side::Left],
                (true, Side::Right) => &[Side::Right],
            };
            for &s in sides {
                let g = groups.entry((kb.ladder.id, s)).or_default();
                g.extend(kb.block.sets.iter().map(|set| (kb.level, set)));
            }
        }
        let confounders: Vec<&'static str> = day
            .exposures()
            .into_iter()
            .filter(|e| *e != "a rehab session")
            .collect();
        let response = day.response();
        let weekly = match phase {
            Phase::NextMorning => self.weekly_trend(on),
            Phase::AfterSession => None,
        };
        for ((ladder_id, side), sets) in groups {
            if sets.is_empty() {
                continue;
            }
            let Some(l) = ladder(ladder_id) else { continue };
            let ev = self.evidence(
                l,
                side,
                (session, on),
                &sets,
                response,
                weekly,
                confounders.clone(),
            );
            let mut dec = match phase {
                Phase::AfterSession => decide::after_session(&ev),
                Phase::NextMorning => {
                    let lock = |p: Position| self.level_lock(l, side, p);
                    decide::next_morning(&ev, &lock)
                }
            };
            dec.session_date = session;
            if phase == Phase::NextMorning && dec.kind != DecisionKind::Hold {
                let moved_to_two_leg = !l.level(dec.after.level).one_leg;
                let moved = if moved_to_two_leg { Side::Both } else { side };
                self.set_position(l, moved, dec.after);
                if dec.kind == DecisionKind::ScaleBack {
                    let dropped = matches!(dec.change, Some(Change::LevelDown { .. }));
                    let episode = self.episode_on(on).map(|e| e.start);
                    for s in [Side::Left, Side::Right] {
                        let key = (l.id, side_index(s));
                        if side == Side::Both || s == side {
                            self.last_scale_back.insert(key, on);
                            if let Some(m) = dec.morning {
                                self.scaled_at.insert(key, (on, m));
                            }
                        }
                        // A drop to a two-leg level moves both legs down.
                        if moved == Side::Both || s == side {
                            if let (true, Some(start)) = (dropped, episode) {
                                let n = self.level_downs.get(&key).filter(|(d, _)| *d == start);
                                let count = n.map_or(0, |(_, c)| *c) + 1;
                                self.level_downs.insert(key, (start, count));
                            }
                        }
                    }
                }
            }
            self.decisions.push(dec);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn evidence(
        &self,
        l: &'static Ladder,
        side: Side,
        (session, on): (NaiveDate, NaiveDate),
        sets: &[(usize, &SetLog)],
        response: Option<Response>,
        weekly: Option<(f32, f32)>,
        confounders: Vec<&'static str>,
    ) -> Evidence<'a> {
        let before = self.position(l, if side == Side::Both { Side::Left } else { side });
        let at_level: Vec<&SetLog> = sets
            .iter()
            .filter(|(lv, _)| *lv == before.level)
            .map(|(_, s)| *s)
            .collect();
        let full_sets = at_level
            .iter()
            .filter(|s| s.n >= before.dose.amount && s.kg + 0.01 >= before.dose.load_kg)
            .count();
        let logged_other = at_level.is_empty().then(|| l.level(sets[0].0).name);
        let flare = |d: NaiveDate| self.days.get(d).is_some_and(|x| x.flare);
        let morning = (on > session)
            .then(|| self.days.get(on).and_then(|x| x.morning))
            .flatten();
        let previous_morning_above = self
            .mornings
            .iter()
            .rev()
            .find(|m| m.date == session)
            .filter(|m| m.excess() > 0 && !m.flare)
            .map(|m| m.rating);
        let recent_scale_back = [Side::Left, Side::Right].iter().any(|&s| {
            (side == Side::Both || s == side)
                && self
                    .last_scale_back
                    .get(&(l.id, side_index(s)))
                    .is_some_and(|&d| d > days_back(on, REPEAT_FLARE_WINDOW_DAYS))
        });
        let episode = self.episode_on(on);
        let climbed = [Side::Left, Side::Right].iter().any(|&s| {
            (side == Side::Both || s == side)
                && match (self.scaled_at.get(&(l.id, side_index(s))), episode, morning) {
                    (Some(&(d, was)), Some(e), Some(m)) if d >= e.start => m > was,
                    _ => true,
                }
        });
        let level_down_ok = [Side::Left, Side::Right].iter().all(|&s| {
            (side != Side::Both && s != side)
                || episode.is_none_or(|e| {
                    self.level_downs
                        .get(&(l.id, side_index(s)))
                        .is_none_or(|&(d, n)| d != e.start || n < MAX_LEVELS_DOWN_PER_EPISODE)
                })
        });
        Evidence {
            ladder: l,
            side,
            before,
            test: self.test.name(),
            baseline: self.baseline,
            ceiling: self.settings.pain_ceiling.min(MAX_PAIN_CEILING),
            morning,
            previous_morning_above,
            pain_max: sets.iter().map(|(_, s)| s.pain).max().unwrap_or(0),
            response,
            full_sets,
            logged_other,
            not_offered: self.lock_reason(l),
            weekly,
            episode,
            climbed,
            level_down_ok,
            flare_day: flare(session) || flare(on),
            red_flag: !self.red_flags.is_empty(),
            recent_scale_back,
            confounders,
            equipment: &self.settings.equipment,
        }
    }

    /// The episode `d`'s morning belongs to, when it is above baseline.
    fn episode_on(&self, d: NaiveDate) -> Option<Episode> {
        self.episode
            .filter(|_| self.mornings.last().is_some_and(|m| m.date == d))
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
