//! The exercise catalogue as data: stages, ladders, levels and their doses.
//!
//! Every ladder of rehab-model.md §4 is one [`Ladder`]; its levels are ordered
//! by hamstring load. Doses and level criteria come from the seeds (`000_…`
//! unless noted); the short how-to lines are our own words. The data itself is
//! in `catalogue_data.rs`.

use super::model::{Equipment, Goal};
use serde::Serialize;

pub use super::catalogue_data::LADDERS;

/// The programme's stages. The three stages of `000_…` are the backbone;
/// return to running follows when the goal needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Isometric = 1,
    HeavySlow = 2,
    EnergyStorage = 3,
    ReturnToRunning = 4,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::Isometric,
        Stage::HeavySlow,
        Stage::EnergyStorage,
        Stage::ReturnToRunning,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Isometric => "Isometrics",
            Stage::HeavySlow => "Heavy slow resistance",
            Stage::EnergyStorage => "Energy storage",
            Stage::ReturnToRunning => "Return to running and sport",
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    /// Stages this goal ever reaches: daily life stops at heavy slow resistance.
    pub fn offered_for(self, goal: Goal) -> bool {
        self <= Stage::HeavySlow || goal.needs_energy_storage()
    }
}

/// The five stage-2 categories, plus the stage 1, 3 and running groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Isometric,
    HipExtensionGlute,
    KneeFlexion,
    HipExtensionHamstring,
    StepUpsAndSquats,
    Support,
    Jumps,
    Running,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Isometric => "Isometric holds",
            Category::HipExtensionGlute => "Hip extension, glute emphasis",
            Category::KneeFlexion => "Knee flexion",
            Category::HipExtensionHamstring => "Hip extension, hamstring emphasis",
            Category::StepUpsAndSquats => "Step-ups and squats",
            Category::Support => "Hip and calf support work",
            Category::Jumps => "Jumps",
            Category::Running => "Running",
        }
    }
}

/// How far the hip bends, which decides how much the tendon is compressed
/// against the sit bone (`003_…`, `002_…`). This is also the 5-stage view of
/// Rich et al. 2025: that protocol is this catalogue filtered by flexion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flexion {
    Neutral,
    Moderate,
    /// Compressive: locked until the deep-flexion gate opens.
    Deep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Reps,
    HoldSeconds,
    Minutes,
}

impl Measure {
    pub fn unit(self) -> &'static str {
        match self {
            Measure::Reps => "reps",
            Measure::HoldSeconds => "s hold",
            Measure::Minutes => "min",
        }
    }
}

/// The dose range of one level: it starts at `sets_start x amount_start`,
/// steps up to `sets_target x amount_target` (the criterion to move up), and
/// on loadable levels then adds `load_step_kg` up to `load_cap_kg`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DoseRange {
    pub sets_start: u8,
    pub sets_target: u8,
    pub amount_start: u16,
    pub amount_target: u16,
    pub amount_step: u16,
    pub load_start_kg: f32,
    pub load_step_kg: f32,
    pub load_cap_kg: f32,
}

impl DoseRange {
    pub const fn new(sets: (u8, u8), amount: (u16, u16), step: u16) -> Self {
        DoseRange {
            sets_start: sets.0,
            sets_target: sets.1,
            amount_start: amount.0,
            amount_target: amount.1,
            amount_step: step,
            load_start_kg: 0.0,
            load_step_kg: 0.0,
            load_cap_kg: 0.0,
        }
    }

    /// Load added in `step` kg after the volume target, up to `cap` kg.
    pub const fn loaded(self, start: f32, step: f32, cap: f32) -> Self {
        DoseRange {
            load_start_kg: start,
            load_step_kg: step,
            load_cap_kg: cap,
            ..self
        }
    }

    pub fn loadable(&self) -> bool {
        self.load_step_kg > 0.0
    }
}

/// One level of a ladder.
#[derive(Debug, Serialize)]
pub struct Exercise {
    pub id: &'static str,
    pub name: &'static str,
    /// Two short lines on how to do it, in our words.
    pub how: &'static str,
    /// One leg at a time: logged and progressed per side.
    pub one_leg: bool,
    pub measure: Measure,
    pub dose: DoseRange,
    /// Equipment needed to do the level at all.
    pub needs: &'static [Equipment],
    /// Equipment needed to add load (none when the load is a machine's stack
    /// or a bar already in `needs`).
    pub load_needs: Option<Equipment>,
    pub flexion: Flexion,
    /// Advanced stage-2 work whose tolerance gates stage 3 (`000_…`, `004_…`).
    pub advanced: bool,
}

/// Which of the two alternating heavy-slow sessions a ladder belongs to,
/// after the example week in `000_…` (Monday and Thursday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// Every loading day (isometrics, running).
    Every,
    A,
    B,
}

/// What has to be true before a ladder is offered at all.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unlock {
    /// Offered as soon as its stage is reached.
    WithStage,
    /// Offered once another ladder reaches a level (1-based) on every side.
    AfterLevel { ladder: &'static str, level: u8 },
    /// Offered once the deep-hip-flexion gate is open.
    DeepFlexion,
}

#[derive(Debug, Serialize)]
pub struct Ladder {
    pub id: &'static str,
    pub name: &'static str,
    pub stage: Stage,
    pub category: Category,
    pub slot: Slot,
    pub unlock: Unlock,
    /// Only offered for these goals (empty: every goal).
    pub goals: &'static [Goal],
    pub levels: &'static [Exercise],
}

impl Ladder {
    pub fn level(&self, index: usize) -> &'static Exercise {
        // Ladders are 'static data, so borrow through the static slice.
        let levels: &'static [Exercise] = self.levels;
        &levels[index.min(levels.len() - 1)]
    }

    pub fn offered_for(&self, goal: Goal) -> bool {
        self.goals.is_empty() || self.goals.contains(&goal)
    }
}

impl Exercise {
    /// The criterion to move on from this level, in words.
    pub fn criterion(&self) -> String {
        let d = &self.dose;
        let per_side = if self.one_leg { " each leg" } else { "" };
        let mut s = format!(
            "{} x {} {}{per_side} with pain during at or under your ceiling and a next-morning test at or under your baseline",
            d.sets_target,
            d.amount_target,
            self.measure.unit()
        );
        if d.loadable() {
            s.push_str(", then add weight in small steps");
        }
        s
    }
}

// Catalogue entries are unique by id, so identity is the id.
impl PartialEq for Exercise {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl PartialEq for Ladder {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

pub fn ladder(id: &str) -> Option<&'static Ladder> {
    LADDERS.iter().find(|l| l.id == id)
}

impl Ladder {
    /// The ladder's place in [`LADDERS`], so per-ladder tables ([`ByLadder`])
    /// are indexed without comparing ids: the replay looks ladders up tens
    /// of thousands of times per plan.
    #[inline]
    pub fn index(&self) -> usize {
        let offset = (self as *const Ladder as usize).wrapping_sub(LADDERS.as_ptr() as usize);
        let at = offset / std::mem::size_of::<Ladder>();
        if at < LADDERS.len() && std::ptr::eq(&LADDERS[at], self) {
            at
        } else {
            // Not one of the static ladders: fall back to its id.
            LADDERS.iter().position(|l| l == self).unwrap_or(0)
        }
    }
}

/// One value per ladder of the catalogue, indexed by [`Ladder::index`].
#[derive(Clone, Debug, PartialEq)]
pub struct ByLadder<T> {
    rows: Vec<T>,
}

impl<T: Clone + Default> Default for ByLadder<T> {
    fn default() -> Self {
        ByLadder {
            rows: vec![T::default(); LADDERS.len()],
        }
    }
}

impl<T> ByLadder<T> {
    #[inline]
    pub fn get(&self, l: &Ladder) -> &T {
        &self.rows[l.index()]
    }

    #[inline]
    pub fn get_mut(&mut self, l: &Ladder) -> &mut T {
        &mut self.rows[l.index()]
    }
}

/// Every exercise id with its ladder index and level, sorted by length and
/// then by id (most comparisons end at the length), built once: every plan
/// resolves each logged block of the log through it.
fn exercise_index() -> &'static [(&'static str, u8, u8)] {
    static INDEX: std::sync::OnceLock<Vec<(&'static str, u8, u8)>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut v: Vec<(&'static str, u8, u8)> = exercises()
            .map(|(l, i, e)| (e.id, l.index() as u8, i as u8))
            .collect();
        v.sort_unstable_by_key(|x| (x.0.len(), x.0));
        v
    })
}

/// The ladder and 0-based level of an exercise id.
pub fn find_exercise(id: &str) -> Option<(&'static Ladder, usize, &'static Exercise)> {
    let index = exercise_index();
    let at = index
        .binary_search_by(|x| x.0.len().cmp(&id.len()).then_with(|| x.0.cmp(id)))
        .ok()?;
    let (_, l, i) = index[at];
    let l = &LADDERS[usize::from(l)];
    Some((l, usize::from(i), &l.levels[usize::from(i)]))
}

/// Every exercise in catalogue order.
pub fn exercises() -> impl Iterator<Item = (&'static Ladder, usize, &'static Exercise)> {
    LADDERS
        .iter()
        .flat_map(|l| l.levels.iter().enumerate().map(move |(i, e)| (l, i, e)))
}
