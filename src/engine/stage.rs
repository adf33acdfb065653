//! Stages: where a user starts, and the gates between stages.
//!
//! Progression between stages is by symptoms and response, never by the
//! calendar (rehab-model §4). Each gate is a checklist the plan can show;
//! it reads the sets logged (`done.rs`), and closes again when the work it
//! rests on is scaled back below it by repeated flares (issue 12 point 4).

use super::catalogue::{Ladder, Stage};
use super::days::Days;
use super::dose::{Dose, Position};
use super::model::{Goal, Settings, Side};
use super::rules::*;
use chrono::NaiveDate;
use serde::Serialize;

mod done;
mod honest;
pub use done::{LegWork, Work};
pub use honest::{level_news, setbacks, today_news, News};

/// What the stage rules read: the replay implements it, so the rules never
/// reach into the replay and the dependency runs one way (issue 16 point 6).
pub trait Standing {
    fn settings(&self) -> &Settings;
    fn days(&self) -> &Days<'_>;
    fn stage(&self) -> Stage;
    /// Isometric days within the ceiling so far.
    fn isometric_days(&self) -> usize;
    /// The last few mornings at or below baseline.
    fn stable(&self) -> bool;
    fn position(&self, ladder: &'static Ladder, side: Side) -> Position;
    /// Whether the ladder has been trained at all.
    fn touched(&self, ladder: &Ladder) -> bool;
    fn red_flag(&self) -> bool;
    /// The morning after `d` was checked in at or below baseline.
    fn settled_after(&self, d: NaiveDate) -> bool;
    /// The date of the latest repeated-flare scale back on this ladder and
    /// leg: one within the repeat window of another, or a level down.
    fn knocked(&self, ladder: &Ladder, side: Side) -> Option<NaiveDate>;
    /// The deep-hip-flexion gate is open now.
    fn deep_open(&self) -> bool;
}

/// A move to another stage, with the reason shown on the plan map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageChange {
    pub date: NaiveDate,
    pub stage: Stage,
    pub reason: String,
}

/// The stage rules' verdict for one day, which the replay applies.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The deep-hip-flexion gate is open.
    pub deep_unlocked: bool,
    /// Why deep hip flexion closed again today, if it did.
    pub deep_closed: Option<String>,
    /// The next stage's gate opened today, or a stage was lost.
    pub moved: Option<StageChange>,
}

/// One condition of a gate; the label is rendered only when shown.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    IsometricDays(usize),
    StableMornings,
    AdvancedWork,
    Symmetry,
    Jumps,
    /// The single-leg hamstring bridge at its target on both legs, even,
    /// before running (`001_…`).
    SingleLegBridge,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Check {
    pub kind: CheckKind,
    pub met: bool,
    /// The logged work the check read, when it names a gap.
    pub gap: Option<Work>,
}

impl Check {
    /// The condition, then what each leg still lacks when it is not met.
    pub fn label(&self) -> String {
        let gap = match (self.met, self.kind, &self.gap) {
            (false, CheckKind::AdvancedWork, Some(w)) => done::gap_words(w),
            (false, CheckKind::Symmetry, Some(w)) => done::uneven_words(w),
            (false, CheckKind::SingleLegBridge, Some(w)) if w.minimal() => done::uneven_words(w),
            (false, CheckKind::SingleLegBridge, Some(w)) => done::gap_words(w),
            _ => return self.condition(),
        };
        format!("{}. {gap}", self.condition())
    }

    fn condition(&self) -> String {
        match self.kind {
            CheckKind::IsometricDays(n) => format!(
                "{ISOMETRIC_DAYS_BEFORE_STAGE_2} days of holds within your pain ceiling ({} so far)",
                n.min(ISOMETRIC_DAYS_BEFORE_STAGE_2)
            ),
            CheckKind::StableMornings => {
                format!("Your last {STABLE_MORNINGS} morning tests at or below your baseline")
            }
            CheckKind::AdvancedWork => format!("Advanced one-leg work, such as the single-leg RDL, at its full target on both legs with pain at {MINIMAL_PAIN}/10 or less in the last two weeks"),
            CheckKind::Symmetry => format!(
                "Left and right within {}% of each other on that work",
                crate::num::Fixed(f64::from(SYMMETRY_TOLERANCE) * 100.0, 0)
            ),
            CheckKind::Jumps => format!("Single-leg maximal jumps on both legs with pain at {MINIMAL_PAIN}/10 or less"),
            CheckKind::SingleLegBridge => format!(
                "The single-leg hamstring bridge at its full target on both legs, left and right within {}% of each other, with pain at {MINIMAL_PAIN}/10 or less",
                crate::num::Fixed(f64::from(SYMMETRY_TOLERANCE) * 100.0, 0)
            ),
        }
    }
}

/// What the next stage needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gate {
    pub to: Stage,
    pub checks: Vec<Check>,
}

impl Gate {
    pub fn open(&self) -> bool {
        self.checks.iter().all(|c| c.met)
    }
}

fn check(kind: CheckKind, met: bool) -> Check {
    Check {
        kind,
        met,
        gap: None,
    }
}

/// Irritable tendons start with isometrics; the rest may start at stage 2.
pub fn entry_stage(s: &Settings) -> Stage {
    if s.irritability.yes_count() >= IRRITABLE_MIN_ANSWERS {
        Stage::Isometric
    } else {
        Stage::HeavySlow
    }
}

pub fn entry_reason(s: &Settings) -> String {
    match entry_stage(s) {
        Stage::Isometric => "Your answers suggest an irritable tendon, so you start with gentle holds that load it without movement.".into(),
        _ => "Your answers suggest the tendon can take slow, heavy work, so you start with heavy slow resistance.".into(),
    }
}

pub fn deep_lock_reason() -> String {
    "Deep hip bending opens once the single-leg foot-elevated long-lever bridge is tolerated on both legs and your mornings are steady.".into()
}

fn stable_check(r: &dyn Standing) -> Check {
    check(CheckKind::StableMornings, r.stable())
}

/// The gate out of the current stage, if the goal has a next stage.
pub fn next_gate(r: &dyn Standing, d: NaiveDate) -> Option<Gate> {
    let goal = r.settings().goal;
    let isometric_days = r.isometric_days();
    let gate = match r.stage() {
        Stage::Isometric => Gate {
            to: Stage::HeavySlow,
            checks: vec![
                check(
                    CheckKind::IsometricDays(isometric_days),
                    isometric_days >= ISOMETRIC_DAYS_BEFORE_STAGE_2,
                ),
                stable_check(r),
            ],
        },
        Stage::HeavySlow if goal.needs_energy_storage() => {
            let [work, symmetry] = advanced_work(r, d);
            Gate {
                to: Stage::EnergyStorage,
                checks: vec![work, symmetry, stable_check(r)],
            }
        }
        Stage::EnergyStorage => Gate {
            to: Stage::ReturnToRunning,
            checks: vec![
                check(CheckKind::Jumps, jumps_done(r, d)),
                bridge_done(r, d),
                stable_check(r),
            ],
        },
        _ => return None,
    };
    Some(gate)
}

fn advanced(l: &Ladder, level: usize) -> bool {
    let e = l.level(level);
    e.advanced && e.one_leg
}

/// The advanced-work and symmetry checks, read from the sets logged in the
/// lookback: some advanced one-leg exercise at its full target on both legs
/// with minimal pain, and left and right even on it. When unmet, the gap
/// names the exercise closest to it.
fn advanced_work(r: &dyn Standing, d: NaiveDate) -> [Check; 2] {
    let works: Vec<Work> = done::logged(r, d, &advanced, Dose::target)
        .into_iter()
        .map(|w| w.2)
        .collect();
    let minimal: Vec<&Work> = works.iter().filter(|w| w.minimal()).collect();
    let closest = works.iter().max_by(|a, b| {
        let score = |w: &Work| {
            let ok = w.legs.iter().filter(|l| l.minimal()).count();
            (ok, w.legs.iter().map(|l| l.best.volume()).sum::<f32>())
        };
        score(a)
            .partial_cmp(&score(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let even = minimal.iter().find(|w| w.even()).copied();
    [
        Check {
            gap: minimal.first().copied().or(closest).copied(),
            ..check(CheckKind::AdvancedWork, !minimal.is_empty())
        },
        Check {
            gap: even.or(minimal.first().copied()).copied(),
            ..check(CheckKind::Symmetry, even.is_some())
        },
    ]
}

/// Single-leg maximal jumps (the top of a jump ladder) logged at their
/// target on both legs in the lookback, with minimal pain.
fn jumps_done(r: &dyn Standing, d: NaiveDate) -> bool {
    let top =
        |l: &Ladder, level: usize| l.stage == Stage::EnergyStorage && level + 1 == l.levels.len();
    done::logged(r, d, &top, Dose::target)
        .iter()
        .any(|w| w.2.minimal())
}

/// The single-leg hamstring bridge taken to its target on both legs, and
/// equal, before running again (`001_…`): the single-leg foot-elevated
/// long-lever bridge logged in the lookback, or without a bench to put the
/// heel on, the single-leg bridge from the floor.
fn bridge_done(r: &dyn Standing, d: NaiveDate) -> Check {
    let eq = &r.settings().equipment;
    let id = match super::catalogue::find_exercise(RUNNING_BRIDGE) {
        Some((_, _, e)) if super::dose::usable(e, eq) => RUNNING_BRIDGE,
        _ => RUNNING_BRIDGE_FLOOR,
    };
    let works = done::logged(
        r,
        d,
        &|l: &Ladder, level| l.level(level).id == id,
        Dose::target,
    );
    let work = works.first().map(|w| w.2);
    Check {
        gap: work,
        ..check(
            CheckKind::SingleLegBridge,
            work.is_some_and(|w| w.minimal() && w.even()),
        )
    }
}

/// Whether the deep-hip-flexion gate's logged work is there on `d`
/// (rehab-model §3: compressive work never before the stage that allows
/// it; Rich et al. 2025 put compressive load after isotonic and
/// kinetic-chain work): on each leg, in the lookback, the eccentric
/// foot-elevated long-lever bridge at its full target (what takes a leg to
/// the single-leg bridge) or the single-leg bridge at its starting dose,
/// within the ceiling and with a settled morning after.
pub fn deep_gate_open(r: &dyn Standing, d: NaiveDate) -> bool {
    let ceiling = r.settings().pain_ceiling.min(MAX_PAIN_CEILING);
    let legs = |pick: &dyn Fn(usize) -> bool, need: fn(&super::catalogue::Exercise) -> Dose| {
        let works = done::logged(
            r,
            d,
            &|l: &Ladder, level| l.id == "hamstring_bridge" && pick(level),
            need,
        );
        [0, 1].map(|s| {
            works.iter().any(|w| {
                let l = &w.2.legs[s];
                l.met && !l.unrated && l.worst <= ceiling
            })
        })
    };
    let ready = legs(&|level| level + 1 == DEEP_FLEXION_AFTER_LEVEL, Dose::target);
    let single = legs(&|level| level >= DEEP_FLEXION_AFTER_LEVEL, Dose::start);
    r.stage() >= Stage::HeavySlow && r.stable() && (0..2).all(|s| ready[s] || single[s])
}

/// The day's verdict: deep flexion open or closed again, and a stage
/// gained (its gate met) or lost (the work under it knocked back). Stages
/// never move on while a red flag is in force.
pub fn review(r: &dyn Standing, d: NaiveDate) -> Review {
    let deep_closed = r.deep_open().then(|| honest::deep_knocked(r, d)).flatten();
    let deep_unlocked = if r.deep_open() {
        deep_closed.is_none()
    } else {
        deep_gate_open(r, d)
    };
    let lost = honest::stage_knocked(r, d).map(|(stage, reason)| StageChange {
        date: d,
        stage,
        reason,
    });
    let moved = lost.or_else(|| {
        next_gate(r, d)
            .filter(|g| !r.red_flag() && g.open() && g.to.offered_for(r.settings().goal))
            .map(|gate| {
                let reason = gate
                    .checks
                    .iter()
                    .map(|c| c.label())
                    .collect::<Vec<_>>()
                    .join("; ");
                StageChange {
                    date: d,
                    stage: gate.to,
                    reason: format!("Gate met: {reason}."),
                }
            })
    });
    Review {
        deep_unlocked,
        deep_closed,
        moved,
    }
}

/// Stages shown on the plan map for a goal.
pub fn stages_for(goal: Goal) -> Vec<Stage> {
    Stage::ALL
        .into_iter()
        .filter(|s| s.offered_for(goal))
        .collect()
}
