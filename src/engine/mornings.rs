//! The morning series: each check-in against its baseline, and the two
//! questions the rules ask of it (are mornings steady, are they climbing).

use super::model::{Legs, Side};
use super::replay::{days_back, Replay};
use super::rules::{STABLE_MORNINGS, WEEKLY_TREND_MIN_MORNINGS};
use chrono::NaiveDate;
use serde::Serialize;

/// One morning check-in, with the baseline in force that day. `rating`
/// and `baseline` are the worse leg's (the one furthest above its
/// baseline): what two-leg work, the stage gates and the charts follow.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct MorningPoint {
    pub date: NaiveDate,
    pub rating: u8,
    pub baseline: u8,
    pub flare: bool,
    /// The legs were rated, or have baselines, apart (issue 12 point 2);
    /// otherwise both legs are `rating` against `baseline`.
    pub per_leg: bool,
    /// Each leg's rating and baseline, when `per_leg`.
    pub legs: [(u8, u8); 2],
}

impl MorningPoint {
    /// The point for one check-in: per leg when either the morning or the
    /// baseline is, the worse leg first among equals left.
    pub fn new(date: NaiveDate, m: (u8, Option<Legs>), b: (u8, Option<Legs>), flare: bool) -> Self {
        let per_leg = m.1.is_some() || b.1.is_some();
        let (ml, bl) = (
            m.1.unwrap_or(Legs::both(m.0)),
            b.1.unwrap_or(Legs::both(b.0)),
        );
        let legs = [Side::Left, Side::Right].map(|s| (ml.get(s).min(10), bl.get(s).min(10)));
        let ex = |(r, b): (u8, u8)| i16::from(r) - i16::from(b);
        let (rating, baseline) = if ex(legs[1]) > ex(legs[0]) {
            legs[1]
        } else {
            legs[0]
        };
        MorningPoint {
            date,
            rating,
            baseline,
            flare,
            per_leg,
            legs,
        }
    }

    pub fn excess(&self) -> i16 {
        i16::from(self.rating) - i16::from(self.baseline)
    }

    /// The same check-in as one leg sees it; `Both` is the worse leg.
    pub fn on(&self, side: Side) -> MorningPoint {
        let (rating, baseline) = match side {
            Side::Both => return *self,
            Side::Left => self.legs[0],
            Side::Right => self.legs[1],
        };
        MorningPoint {
            rating,
            baseline,
            ..*self
        }
    }

    /// Which leg's morning `side`'s work follows, when the legs were rated
    /// apart: its own, or for two-leg work the worse one.
    pub fn leg(&self, side: Side) -> Option<Side> {
        let worse = if self.on(Side::Right).excess() > self.on(Side::Left).excess() {
            Side::Right
        } else {
            Side::Left
        };
        self.per_leg
            .then_some(if side == Side::Both { worse } else { side })
    }
}

/// A run of mornings above baseline, ended only by a morning at or below it
/// (flare-day mornings neither extend nor end it). One episode may scale a
/// dose back more than once only while it keeps climbing, and takes a leg
/// down at most one level (issue 12 point 6).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Episode {
    pub start: NaiveDate,
    /// Check-ins in the episode, the latest included.
    pub mornings: usize,
    pub latest: u8,
    /// The highest rating before the latest morning, `None` on the first.
    pub peak_before: Option<u8>,
}

impl Episode {
    /// The episode after one more morning.
    pub fn next(prev: Option<Episode>, m: &MorningPoint) -> Option<Episode> {
        if m.flare {
            return prev;
        }
        if m.excess() <= 0 {
            return None;
        }
        Some(match prev {
            None => Episode {
                start: m.date,
                mornings: 1,
                latest: m.rating,
                peak_before: None,
            },
            Some(e) => Episode {
                start: e.start,
                mornings: e.mornings + 1,
                latest: m.rating,
                peak_before: Some(e.peak_before.map_or(e.latest, |p| p.max(e.latest))),
            },
        })
    }

    /// The latest morning is the highest of the episode so far.
    pub fn new_high(&self) -> bool {
        self.peak_before.is_none_or(|p| self.latest > p)
    }
}

impl Replay<'_> {
    /// Mean morning excess over baseline for the 7 days to `d` and the 7
    /// before, when both weeks have enough check-ins (Silbernagel's rule),
    /// for the worse leg.
    pub fn weekly_trend(&self, d: NaiveDate) -> Option<(f32, f32)> {
        self.weekly_trend_on(d, Side::Both)
    }

    /// [`Replay::weekly_trend`] for one leg's mornings (`Both`: the worse).
    pub fn weekly_trend_on(&self, d: NaiveDate, side: Side) -> Option<(f32, f32)> {
        let week = |from: NaiveDate, to: NaiveDate| {
            let (mut sum, mut n) = (0i32, 0usize);
            let recent = self.mornings.iter().rev().skip_while(|m| m.date > to);
            for m in recent.take_while(|m| m.date > from).filter(|m| !m.flare) {
                sum += i32::from(m.on(side).excess());
                n += 1;
            }
            (n >= WEEKLY_TREND_MIN_MORNINGS).then(|| sum as f32 / n as f32)
        };
        let this = week(days_back(d, 7), d)?;
        let last = week(days_back(d, 14), days_back(d, 7))?;
        Some((this, last))
    }

    /// The last few non-flare mornings are all at or below baseline.
    pub fn stable(&self) -> bool {
        let recent = self.mornings.iter().rev().filter(|m| !m.flare);
        recent
            .take(STABLE_MORNINGS)
            .filter(|m| m.excess() <= 0)
            .count()
            == STABLE_MORNINGS
    }
}
