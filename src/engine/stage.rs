//! Stages: where a user starts, and the gates between stages.
//!
//! Progression between stages is by symptoms and response, never by the
//! calendar (rehab-model §4). Each gate is a checklist the plan can show.

use super::catalogue::{ladder, Ladder, Stage};
use super::days::{days_back, Days};
use super::dose::Position;
use super::model::{Goal, Settings, Side};
use super::rules::*;
use crate::sorted::SortedMap;
use chrono::NaiveDate;
use serde::Serialize;

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
    /// The next stage's gate opened today.
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
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Check {
    pub kind: CheckKind,
    pub met: bool,
}

impl Check {
    pub fn label(&self) -> String {
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
    Check { kind, met }
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
            let (minimal, symmetric) = advanced_work(r, d);
            Gate {
                to: Stage::EnergyStorage,
                checks: vec![
                    check(CheckKind::AdvancedWork, minimal),
                    check(CheckKind::Symmetry, symmetric),
                    stable_check(r),
                ],
            }
        }
        Stage::EnergyStorage => Gate {
            to: Stage::ReturnToRunning,
            checks: vec![check(CheckKind::Jumps, jumps_done(r, d)), stable_check(r)],
        },
        _ => return None,
    };
    Some(gate)
}

/// Whether advanced one-leg work was done on both legs with minimal pain in
/// the lookback, and whether left and right match on it.
fn advanced_work(r: &dyn Standing, d: NaiveDate) -> (bool, bool) {
    let from = days_back(d, GATE_LOOKBACK_DAYS).succ_opt().unwrap_or(d);
    // Whether every set per advanced one-leg exercise and side over the
    // window was rated at minimal pain (an unrated set is not minimal).
    let mut worst: SortedMap<(&'static str, usize), bool> = SortedMap::new();
    let mut ladders: SortedMap<&'static str, &'static Ladder> = SortedMap::new();
    for (_, day) in r.days().map.range(from..=d) {
        for kb in day.blocks() {
            let e = kb.ladder.level(kb.level);
            if !(e.advanced && e.one_leg) || kb.block.sets.is_empty() {
                continue;
            }
            ladders.insert(e.id, kb.ladder);
            let minimal = kb
                .block
                .sets
                .iter()
                .all(|s| s.pain.is_some_and(|p| p <= MINIMAL_PAIN));
            let sides: &[usize] = match kb.block.side {
                Side::Left => &[0],
                Side::Right => &[1],
                Side::Both => &[0, 1],
            };
            for &s in sides {
                let w = worst.entry((e.id, s)).or_insert(true);
                *w = *w && minimal;
            }
        }
    }
    let mut best = (false, false);
    for (id, l) in ladders {
        let minimal = [0, 1]
            .iter()
            .all(|s| worst.get(&(id, *s)).is_some_and(|&ok| ok));
        let [left, right] = [Side::Left, Side::Right].map(|s| r.position(l, s));
        // Both legs must manage the level's full target, not just its start.
        let level = l.levels.iter().position(|e| e.id == id).unwrap_or(0);
        let full = [left, right]
            .iter()
            .all(|p| p.level > level || (p.level == level && p.at_target(l)));
        if minimal && full {
            let (vl, vr) = (left.dose.volume(), right.dose.volume());
            let symmetric =
                left.level == right.level && (vl - vr).abs() <= SYMMETRY_TOLERANCE * vl.max(vr);
            best = (true, best.1 || symmetric);
        }
    }
    best
}

fn jumps_done(r: &dyn Standing, d: NaiveDate) -> bool {
    ["vertical_jump", "horizontal_jump"].iter().any(|id| {
        let Some(l) = ladder(id) else { return false };
        let top = l.levels.len() - 1;
        let at_top = [Side::Left, Side::Right]
            .iter()
            .all(|&s| r.position(l, s).level == top);
        let from = days_back(d, GATE_LOOKBACK_DAYS);
        let pains: Vec<Option<u8>> = r
            .days()
            .map
            .range(from..=d)
            .flat_map(|(_, x)| x.blocks().collect::<Vec<_>>())
            .filter(|b| b.ladder.id == l.id && b.level == top)
            .flat_map(|b| b.block.sets.iter().map(|s| s.pain))
            .collect();
        let minimal = pains.iter().all(|p| p.is_some_and(|p| p <= MINIMAL_PAIN));
        at_top && !pains.is_empty() && minimal
    })
}

/// Whether the deep-hip-flexion gate is open on `d` (rehab-model §3: compressive
/// work never before the stage that allows it; Rich et al. 2025 put
/// compressive load after isotonic and kinetic-chain work).
pub fn deep_gate_open(r: &dyn Standing) -> bool {
    let Some(hb) = ladder("hamstring_bridge") else {
        return false;
    };
    r.stage() >= Stage::HeavySlow
        && r.stable()
        && r.touched(hb)
        && [Side::Left, Side::Right]
            .iter()
            .all(|&s| r.position(hb, s).level >= DEEP_FLEXION_AFTER_LEVEL)
}

/// Whether deep flexion is open, and the next stage if its gate opened on
/// `d`. Stages never move on while a red flag is in force.
pub fn review(r: &dyn Standing, d: NaiveDate) -> Review {
    let deep_unlocked = deep_gate_open(r);
    let moved = next_gate(r, d)
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
        });
    Review {
        deep_unlocked,
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
