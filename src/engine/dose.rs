//! Doses and the single steps between them: one step up, one step back.
//!
//! Progress is always the smallest step in the order of rehab-model §3: more
//! reps or hold time, then more sets, then load, then the next level. A step
//! back only ever lowers a number, or moves one level down.

use super::catalogue::{Exercise, Ladder};
use super::model::Equipment;
use crate::sorted::SortedSet;
use serde::Serialize;
use std::fmt;

/// What to do: sets of `amount` reps, seconds or minutes, at `load_kg`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Dose {
    pub sets: u8,
    pub amount: u16,
    pub load_kg: f32,
}

/// Where one side stands on one ladder.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Position {
    /// 0-based index into the ladder's levels.
    pub level: usize,
    pub dose: Dose,
}

/// What the next step up would be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepUp {
    /// A step within the level, with a few words on what changed.
    Within(Position, &'static str),
    /// The level's target is met; this is the start of the next usable level.
    /// The caller decides whether that level is unlocked.
    NextLevel(Position),
    /// Nothing further on this ladder with this equipment.
    Top,
}

impl Dose {
    pub fn start(e: &Exercise) -> Dose {
        Dose {
            sets: e.dose.sets_start,
            amount: e.dose.amount_start,
            load_kg: e.dose.load_start_kg,
        }
    }

    pub fn target(e: &Exercise) -> Dose {
        Dose {
            sets: e.dose.sets_target,
            amount: e.dose.amount_target,
            load_kg: e.dose.load_start_kg,
        }
    }

    /// Every number of `self` is at most the same number of `other`.
    pub fn le(&self, other: &Dose) -> bool {
        self.sets <= other.sets && self.amount <= other.amount && self.load_kg <= other.load_kg
    }

    /// Total work, used to compare left with right.
    pub fn volume(&self) -> f32 {
        let work = f32::from(self.sets) * f32::from(self.amount);
        work * (1.0 + self.load_kg / 20.0)
    }

    pub fn describe(&self, e: &Exercise) -> String {
        let mut s = format!("{} x {} {}", self.sets, self.amount, e.measure.unit());
        if self.load_kg > 0.0 {
            s.push_str(&format!(" at {} kg", kg(self.load_kg)));
        }
        s
    }
}

/// "2.5" or "10", never "10.0".
pub fn kg(v: f32) -> String {
    crate::num::short(v)
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "level {} at {}x{} +{}kg",
            self.level + 1,
            self.dose.sets,
            self.dose.amount,
            kg(self.dose.load_kg)
        )
    }
}

fn has_all(equipment: &SortedSet<Equipment>, needs: &[Equipment]) -> bool {
    needs.iter().all(|n| equipment.contains(n))
}

/// Whether the user can do this level with their equipment.
pub fn usable(e: &Exercise, equipment: &SortedSet<Equipment>) -> bool {
    has_all(equipment, e.needs)
}

fn can_load(e: &Exercise, equipment: &SortedSet<Equipment>) -> bool {
    e.dose.loadable() && e.load_needs.is_none_or(|n| equipment.contains(&n))
}

/// The first usable level at or after `from`.
pub fn first_usable(ladder: &Ladder, from: usize, eq: &SortedSet<Equipment>) -> Option<usize> {
    (from..ladder.levels.len()).find(|&i| usable(&ladder.levels[i], eq))
}

/// The last usable level before `before`.
fn last_usable_below(ladder: &Ladder, before: usize, eq: &SortedSet<Equipment>) -> Option<usize> {
    (0..before).rev().find(|&i| usable(&ladder.levels[i], eq))
}

impl Position {
    pub fn start(ladder: &Ladder, level: usize) -> Position {
        Position {
            level,
            dose: Dose::start(ladder.level(level)),
        }
    }

    pub fn exercise(&self, ladder: &'static Ladder) -> &'static Exercise {
        ladder.level(self.level)
    }

    /// Whether the dose is at the level's target, the criterion to move up.
    pub fn at_target(&self, ladder: &Ladder) -> bool {
        let t = Dose::target(ladder.level(self.level));
        self.dose.sets >= t.sets && self.dose.amount >= t.amount
    }

    /// Ordering used by the "never increases" rules: level first, then dose.
    pub fn le(&self, other: &Position) -> bool {
        self.level < other.level || (self.level == other.level && self.dose.le(&other.dose))
    }

    /// The one smallest step up.
    pub fn step_up(&self, ladder: &Ladder, eq: &SortedSet<Equipment>) -> StepUp {
        let e = ladder.level(self.level);
        let r = &e.dose;
        let mut next = *self;
        if self.dose.amount < r.amount_target {
            next.dose.amount = (self.dose.amount + r.amount_step).min(r.amount_target);
            return StepUp::Within(
                next,
                match e.measure {
                    super::catalogue::Measure::Reps => "more reps",
                    super::catalogue::Measure::HoldSeconds => "a longer hold",
                    super::catalogue::Measure::Minutes => "a few more minutes",
                },
            );
        }
        if self.dose.sets < r.sets_target {
            next.dose.sets += 1;
            return StepUp::Within(next, "one more set");
        }
        if can_load(e, eq) && self.dose.load_kg + r.load_step_kg <= r.load_cap_kg {
            next.dose.load_kg = self.dose.load_kg + r.load_step_kg;
            return StepUp::Within(next, "a little more weight");
        }
        match first_usable(ladder, self.level + 1, eq) {
            Some(level) => StepUp::NextLevel(Position::start(ladder, level)),
            None => StepUp::Top,
        }
    }

    /// One step back: load first, then reps or time, then a set. Returns
    /// `None` when the dose is already at its floor on this level.
    pub fn trim(&self, ladder: &Ladder) -> Option<(Position, &'static str)> {
        let r = &ladder.level(self.level).dose;
        let mut next = *self;
        if self.dose.load_kg > r.load_start_kg {
            next.dose.load_kg = (self.dose.load_kg - r.load_step_kg).max(r.load_start_kg);
            return Some((next, "less weight"));
        }
        let floor = amount_floor(r.amount_start, r.amount_step);
        if self.dose.amount > floor {
            next.dose.amount = self.dose.amount.saturating_sub(r.amount_step).max(floor);
            return Some((next, "fewer reps or a shorter hold"));
        }
        if self.dose.sets > SETS_FLOOR {
            next.dose.sets -= 1;
            return Some((next, "one set fewer"));
        }
        None
    }

    /// One level down, at the lower level's target dose (it was mastered).
    pub fn level_down(&self, ladder: &Ladder, eq: &SortedSet<Equipment>) -> Option<Position> {
        let level = last_usable_below(ladder, self.level, eq)?;
        let e = ladder.level(level);
        Some(Position {
            level,
            dose: Dose::target(e),
        })
    }
}

/// The lightest dose the plan ever prescribes on a level (two trim floors
/// below its start): holds or reps shorter than this are not the exercise
/// done, so no gate counts them.
pub fn floor(e: &Exercise) -> Dose {
    let r = &e.dose;
    Dose {
        sets: SETS_FLOOR.min(r.sets_start),
        amount: amount_floor(r.amount_start, r.amount_step),
        load_kg: 0.0,
    }
}

/// Scaled-back doses never drop below two sets.
const SETS_FLOOR: u8 = 2;

/// Scaled-back reps or time never drop below two steps under the start.
fn amount_floor(start: u16, step: u16) -> u16 {
    start.saturating_sub(2 * step).max(1)
}
