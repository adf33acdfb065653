//! What was done: the logged sets a gate reads, per leg, over the lookback
//! window (issue 12 point 3). Gates never read prescribed doses, so a leg
//! that never logs its target keeps its gate closed, and the gap is named.

use super::Standing;
use crate::engine::catalogue::{Exercise, Ladder};
use crate::engine::days::days_back;
use crate::engine::dose::Dose;
use crate::engine::model::Side;
use crate::engine::rules::{GATE_LOOKBACK_DAYS, MINIMAL_PAIN, SYMMETRY_TOLERANCE};
use chrono::NaiveDate;
use serde::Serialize;

/// One leg's logged work on one exercise over the lookback window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct LegWork {
    /// Its best block: the target's number of sets (or fewer), each of at
    /// least `amount` at `load_kg`. No sets: nothing logged.
    pub best: Dose,
    /// A block reached what the gate needs and its next morning was at or
    /// below baseline.
    pub met: bool,
    /// The worst rated pain during, and whether a set went unrated.
    pub worst: u8,
    pub unrated: bool,
}

impl LegWork {
    /// Met with minimal pain, every set rated.
    pub fn minimal(&self) -> bool {
        self.met && !self.unrated && self.worst <= MINIMAL_PAIN
    }
}

/// One exercise's logged work, left and right.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Work {
    pub exercise: &'static Exercise,
    pub legs: [LegWork; 2],
}

impl Work {
    pub fn minimal(&self) -> bool {
        self.legs.iter().all(LegWork::minimal)
    }

    /// Left and right within the symmetry tolerance on their best blocks.
    pub fn even(&self) -> bool {
        let [l, r] = self.legs.map(|w| w.best.volume());
        (l - r).abs() <= SYMMETRY_TOLERANCE * l.max(r)
    }
}

/// A block's sets as one dose: the target's number of sets at most, and
/// the most reps or time that many sets reached, at the least load among
/// them (counted, not sorted: a block has a handful of sets).
fn block_dose(e: &Exercise, sets: &[crate::engine::model::SetLog]) -> Dose {
    let k = sets.len().min(usize::from(e.dose.sets_target));
    let reached = |a: u16| sets.iter().filter(|s| s.n >= a).count() >= k;
    let amount = sets
        .iter()
        .map(|s| s.n)
        .filter(|&a| reached(a))
        .max()
        .unwrap_or(0);
    let load_kg = sets
        .iter()
        .filter(|s| s.n >= amount)
        .map(|s| s.kg)
        .reduce(f32::min)
        .unwrap_or(0.0);
    Dose {
        sets: k as u8,
        amount,
        load_kg,
    }
}

/// Every exercise `pick` accepts that was logged in the window ending on
/// `d`, with each leg's work ("both" blocks count for each leg); a block
/// meets the gate when it reaches `need` of its exercise.
pub fn logged(
    r: &dyn Standing,
    d: NaiveDate,
    pick: &dyn Fn(&Ladder, usize) -> bool,
    need: fn(&Exercise) -> Dose,
) -> Vec<(&'static Ladder, usize, Work)> {
    let from = days_back(d, GATE_LOOKBACK_DAYS);
    let mut out: Vec<(&'static Ladder, usize, Work)> = Vec::new();
    for (&day, x) in r.days().map.range(from.succ_opt().unwrap_or(d)..=d) {
        for kb in x.blocks().filter(|b| !b.block.sets.is_empty()) {
            if !pick(kb.ladder, kb.level) {
                continue;
            }
            let e = kb.ladder.level(kb.level);
            let at = match out.iter().position(|w| w.2.exercise == e) {
                Some(i) => i,
                None => {
                    let legs = [LegWork::default(); 2];
                    out.push((kb.ladder, kb.level, Work { exercise: e, legs }));
                    out.len() - 1
                }
            };
            let dose = block_dose(e, &kb.block.sets);
            let t = need(e);
            let full =
                dose.sets >= t.sets && dose.amount >= t.amount && dose.load_kg + 0.01 >= t.load_kg;
            let legs: &[usize] = match kb.block.side {
                Side::Left => &[0],
                Side::Right => &[1],
                Side::Both => &[0, 1],
            };
            for &s in legs {
                let w = &mut out[at].2.legs[s];
                if dose.volume() >= w.best.volume() {
                    w.best = dose;
                }
                // Work from before a repeated flare knocked this leg back
                // does not reopen what the flare closed.
                let side = [Side::Left, Side::Right][s];
                let fresh = r.knocked(kb.ladder, side).is_none_or(|k| day >= k);
                w.met |= full && fresh && r.settled_after(day);
                for set in &kb.block.sets {
                    match set.pain {
                        Some(p) => w.worst = w.worst.max(p),
                        None => w.unrated = true,
                    }
                }
            }
        }
    }
    out
}

/// "the single-leg RDL": the name with a small first letter.
pub(super) fn the(name: &str) -> String {
    let mut c = name.chars();
    let first = c.next().map(|f| f.to_ascii_lowercase());
    format!(
        "the {}{}",
        first.into_iter().collect::<String>(),
        c.as_str()
    )
}

fn dose_words(d: &Dose) -> String {
    let kg = if d.load_kg > 0.0 {
        format!(" at {} kg", crate::engine::dose::kg(d.load_kg))
    } else {
        String::new()
    };
    format!("{} x {}{kg}", d.sets, d.amount)
}

/// What each leg still lacks, for the advanced-work check:
/// "Left: 3 x 11 of 4 x 12 on the single-leg RDL".
pub fn gap_words(w: &Work) -> String {
    let t = Dose::target(w.exercise);
    let on = the(w.exercise.name);
    let mut parts = Vec::new();
    for (i, leg) in w.legs.iter().enumerate() {
        let who = ["Left", "Right"][i];
        let what = if leg.best.sets == 0 {
            format!("not done lately on {on}")
        } else if !leg.met && leg.best.sets >= t.sets && leg.best.amount >= t.amount {
            format!(
                "{} done on {on}; a settled next morning counts it",
                dose_words(&leg.best)
            )
        } else if !leg.met {
            format!("{} of {} on {on}", dose_words(&leg.best), dose_words(&t))
        } else if leg.unrated {
            format!("a set without a pain rating on {on}")
        } else if leg.worst > MINIMAL_PAIN {
            format!("pain up to {}/10 on {on}", leg.worst)
        } else {
            continue;
        };
        parts.push(format!("{who}: {what}"));
    }
    parts.join("; ")
}

/// Left against right, for the symmetry check.
pub fn uneven_words(w: &Work) -> String {
    let [l, r] = w.legs.map(|leg| dose_words(&leg.best));
    format!("Left: {l}, right: {r} on {}", the(w.exercise.name))
}
