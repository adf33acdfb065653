//! Judging one session day: the sets grouped by exercise and leg, the
//! evidence each decision reads, and the replay's state after it.

use super::{side_index, Replay};
use crate::engine::catalogue::{Ladder, LADDERS};
use crate::engine::days::days_back;
use crate::engine::decide::{self, Change, DecisionKind, Evidence, Phase};
use crate::engine::dose::Position;
use crate::engine::model::{Block, Legs, Response, Side};
use crate::engine::mornings::Episode;
use crate::engine::rules::*;
use chrono::NaiveDate;

/// The blocks of one ladder and side on a session day: (ladder index, side),
/// level, block.
type Group<'a> = ((usize, Side), usize, &'a Block);

/// What every exercise of one session day shares, looked up once per day.
struct DayFacts {
    /// The day the decision is made.
    on: NaiveDate,
    /// Scale backs after this date are recent: a new one is a repeat.
    window: NaiveDate,
    response: Option<Response>,
    confounders: Vec<&'static str>,
    flare_day: bool,
    /// The mornings as the left leg, the right leg and the worse leg (for
    /// two-leg work) see them: all alike unless rated per leg.
    views: [View; 3],
}

/// The morning facts one leg's decision reads (issue 12 point 2).
#[derive(Clone, Copy)]
struct View {
    morning: Option<u8>,
    baseline: u8,
    previous_morning_above: Option<u8>,
    weekly: Option<(f32, f32)>,
    episode: Option<Episode>,
    /// The leg whose morning this is, when the legs were rated apart.
    leg: Option<Side>,
}

/// Where `side`'s view sits in [`DayFacts::views`].
fn view(side: Side) -> usize {
    match side {
        Side::Left => 0,
        Side::Right => 1,
        Side::Both => 2,
    }
}

/// The legs a decision on `side` speaks for: both for two-leg work.
fn legs(side: Side) -> impl Iterator<Item = usize> {
    [Side::Left, Side::Right]
        .into_iter()
        .filter(move |&s| side == Side::Both || s == side)
        .map(side_index)
}

impl<'a> Replay<'a> {
    pub(super) fn decide_day(&mut self, session: NaiveDate, on: NaiveDate, phase: Phase) {
        let Some(day) = self.days.get(session) else {
            return;
        };
        // The day's blocks by ladder and side (one-leg work logged as
        // "both" counts for each leg), in catalogue order, left before
        // right: a ladder that unlocks another (the bridge opens the
        // deadlift) comes first in the catalogue, so a dependent ladder
        // always sees its unlock's decision of the same day. The sort is
        // stable: each group keeps its sets in logged order.
        let mut blocks: Vec<Group<'a>> = Vec::new();
        for kb in day.blocks().filter(|kb| !kb.block.sets.is_empty()) {
            let sides: &[Side] = match (kb.ladder.level(kb.level).one_leg, kb.block.side) {
                (false, _) => &[Side::Both],
                (true, Side::Both) => &[Side::Left, Side::Right],
                (true, Side::Left) => &[Side::Left],
                (true, Side::Right) => &[Side::Right],
            };
            for &s in sides {
                blocks.push(((kb.ladder.index(), s), kb.level, kb.block));
            }
        }
        crate::sorted::sort_by(&mut blocks, &|((ladder, side), _, _)| {
            (*ladder as i64, *side as u64)
        });
        let next = (on > session).then(|| self.days.get(on)).flatten();
        let point = self.morning_on(on).filter(|_| on > session);
        let trained_on = self.mornings.iter().rev().find(|m| m.date == session);
        let baselines = self.baseline_legs.unwrap_or(Legs::both(self.baseline));
        let see = |side: Side| View {
            morning: match point {
                Some(p) => Some(p.on(side).rating),
                None => next.and_then(|x| x.morning),
            },
            baseline: match (point, side) {
                (Some(p), _) => p.on(side).baseline,
                (None, Side::Both) => self.baseline,
                (None, s) => baselines.get(s),
            },
            previous_morning_above: trained_on
                .map(|m| m.on(side))
                .filter(|m| m.excess() > 0 && !m.flare)
                .map(|m| m.rating),
            weekly: match phase {
                Phase::NextMorning => self.weekly_trend_on(on, side),
                Phase::AfterSession => None,
            },
            episode: self.episode_on(on, side),
            leg: point.or(trained_on).and_then(|p| p.leg(side)),
        };
        let facts = DayFacts {
            on,
            window: days_back(on, REPEAT_FLARE_WINDOW_DAYS),
            response: day.response(),
            confounders: day
                .exposures()
                .into_iter()
                .filter(|e| *e != "a rehab session")
                .collect(),
            flare_day: day.flare || next.is_some_and(|x| x.flare),
            views: if self.per_leg_seen {
                [Side::Left, Side::Right, Side::Both].map(see)
            } else {
                [see(Side::Both); 3]
            },
        };
        for group in blocks.chunk_by(|a, b| a.0 == b.0) {
            let (index, side) = group[0].0;
            let l: &'static Ladder = &LADDERS[index];
            let ev = self.evidence(l, side, &facts, group);
            let mut dec = match phase {
                Phase::AfterSession => decide::after_session(&ev),
                Phase::NextMorning => {
                    let lock = |p: Position| self.level_lock(l, side, p);
                    decide::next_morning(&ev, &lock)
                }
            };
            dec.session_date = session;
            dec.leg = facts.views[view(side)].leg;
            if phase == Phase::NextMorning && dec.kind != DecisionKind::Hold {
                let moved_to_two_leg = !l.level(dec.after.level).one_leg;
                let moved = if moved_to_two_leg { Side::Both } else { side };
                self.set_position(l, moved, dec.after);
                if dec.kind == DecisionKind::ScaleBack {
                    let dropped = matches!(dec.change, Some(Change::LevelDown { .. }));
                    self.record_scale_back(l, (side, moved), on, dropped);
                }
            }
            self.decisions.push(dec);
        }
    }

    /// Remember a scale back on `side` (and the legs it `moved`) for the
    /// repeat, climb and one-level-per-episode rules.
    fn record_scale_back(
        &mut self,
        l: &'static Ladder,
        (side, moved): (Side, Side),
        on: NaiveDate,
        dropped: bool,
    ) {
        let window = days_back(on, REPEAT_FLARE_WINDOW_DAYS);
        // Each leg remembers its own morning and its own episode.
        let point = self.morning_on(on).copied();
        let leg = |s: usize| [Side::Left, Side::Right][s];
        for s in legs(side) {
            let morning = point.map(|p| p.on(leg(s)).rating);
            let repeat = self.last_scale_back.get(l)[s].is_some_and(|d| d > window);
            if repeat || dropped {
                self.knocked.get_mut(l)[s] = Some(on);
            }
            self.last_scale_back.get_mut(l)[s] = Some(on);
            if let Some(m) = morning {
                self.scaled_at.get_mut(l)[s] = Some((on, m));
            }
        }
        // A drop to a two-leg level moves both legs down.
        if dropped {
            for s in legs(moved) {
                let Some(start) = self.episode_on(on, leg(s)).map(|e| e.start) else {
                    continue;
                };
                let slot = &mut self.level_downs.get_mut(l)[s];
                let count = slot.filter(|(d, _)| *d == start).map_or(0, |(_, c)| c) + 1;
                *slot = Some((start, count));
            }
        }
        if dropped {
            for s in legs(moved) {
                self.knocked.get_mut(l)[s] = Some(on);
            }
        }
    }

    fn evidence<'f>(
        &'f self,
        l: &'static Ladder,
        side: Side,
        f: &'f DayFacts,
        group: &[Group],
    ) -> Evidence<'f> {
        let before = self.position(l, if side == Side::Both { Side::Left } else { side });
        let sets = || group.iter().flat_map(|(_, _, b)| b.sets.iter());
        let (mut full_sets, mut at_level) = (0, false);
        for (_, _, b) in group.iter().filter(|(_, lv, _)| *lv == before.level) {
            at_level = true;
            full_sets += b
                .sets
                .iter()
                .filter(|s| s.n >= before.dose.amount && s.kg + 0.01 >= before.dose.load_kg)
                .count();
        }
        let logged_other = (!at_level).then(|| l.level(group[0].1).name);
        let window = f.window;
        let last = self.last_scale_back.get(l);
        let recent_scale_back = legs(side).any(|s| last[s].is_some_and(|d| d > window));
        let scaled = self.scaled_at.get(l);
        let v = &f.views[view(side)];
        let climbed = legs(side).any(|s| {
            let own = &f.views[s];
            match (scaled[s], own.episode, own.morning) {
                (Some((d, was)), Some(e), Some(m)) if d >= e.start => m > was,
                _ => true,
            }
        });
        let downs = self.level_downs.get(l);
        let level_down_ok = legs(side).all(|s| {
            f.views[s].episode.is_none_or(|e| {
                downs[s].is_none_or(|(d, n)| d != e.start || n < MAX_LEVELS_DOWN_PER_EPISODE)
            })
        });
        Evidence {
            ladder: l,
            side,
            before,
            test: self.test.name(),
            baseline: v.baseline,
            ceiling: self.settings.pain_ceiling.min(MAX_PAIN_CEILING),
            morning: v.morning,
            previous_morning_above: v.previous_morning_above,
            pain_max: sets().filter_map(|s| s.pain).max().unwrap_or(0),
            unrated: sets().filter(|s| s.pain.is_none()).count(),
            response: f.response,
            full_sets,
            logged_other,
            not_offered: self.lock_reason(l),
            weekly: v.weekly,
            episode: v.episode,
            climbed,
            level_down_ok,
            flare_day: f.flare_day,
            red_flag: !self.red_flags.is_empty(),
            baseline_known: self.baseline_known,
            partial_log: self.partial && f.on == self.today,
            recent_scale_back,
            confounders: &f.confounders,
            equipment: &self.settings.equipment,
        }
    }
}
