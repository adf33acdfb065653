//! Locks: why a ladder is not offered yet (goal, stage, an unlock level,
//! deep hip flexion) and why one side may not enter a level yet.

use super::{side_index, Replay};
use crate::engine::catalogue::{ladder, Flexion, Ladder, Unlock, LADDERS};
use crate::engine::dose::Position;
use crate::engine::model::Side;
use crate::engine::stage;

impl Replay<'_> {
    /// Why a ladder is not offered now, or `None` when it is.
    pub fn lock_reason(&self, l: &Ladder) -> Option<String> {
        if !l.offered_for(self.settings.goal) {
            return Some("Your goal does not need it.".into());
        }
        if l.stage > self.stage {
            return Some(format!(
                "It starts in stage {}, {}.",
                l.stage.number(),
                l.stage.name().to_ascii_lowercase()
            ));
        }
        // Deep hip flexion closed again under work already on a deep level.
        let on_deep = self
            .tracks
            .get(l)
            .is_some_and(|t| t.iter().any(|p| l.level(p.level).flexion == Flexion::Deep));
        if on_deep && self.deep_unlocked.is_none() {
            return Some(self.deep_reason());
        }
        match l.unlock {
            Unlock::WithStage => None,
            Unlock::AfterLevel {
                ladder: other,
                level,
            } => {
                let o = ladder(other)?;
                let reached = [Side::Left, Side::Right].iter().all(|&s| {
                    self.tracks
                        .get(o)
                        .is_some_and(|t| t[side_index(s)].level + 1 >= usize::from(level))
                });
                (!reached).then(|| {
                    format!(
                        "It opens once you reach {} ({}).",
                        o.level(usize::from(level) - 1).name,
                        o.name.to_ascii_lowercase()
                    )
                })
            }
            Unlock::DeepFlexion => self.deep_unlocked.is_none().then(|| self.deep_reason()),
        }
    }

    /// Why deep hip flexion is locked: not opened yet, or closed again.
    fn deep_reason(&self) -> String {
        match &self.deep_closed {
            Some((_, why)) => why.clone(),
            None => stage::deep_lock_reason(),
        }
    }

    /// Ladders offered now, in catalogue order.
    pub fn offered(&self) -> impl Iterator<Item = &'static Ladder> + '_ {
        LADDERS.iter().filter(|l| self.lock_reason(l).is_none())
    }

    /// Why a side may not enter level `p` yet.
    pub(super) fn level_lock(&self, l: &Ladder, side: Side, p: Position) -> Option<String> {
        let e = l.level(p.level);
        if e.flexion == Flexion::Deep && self.deep_unlocked.is_none() {
            return Some(format!(
                "{} bends the hip deeply. {}",
                e.name,
                self.deep_reason()
            ));
        }
        if side != Side::Both && !e.one_leg {
            let other = if side == Side::Left {
                Side::Right
            } else {
                Side::Left
            };
            let o = self.tracks.get(l).map(|t| t[side_index(other)]);
            let ready = o.is_some_and(|o| o.level + 1 >= p.level && o.at_target(l));
            if !ready {
                return Some(format!(
                    "{} is a two-leg level, so it waits until your {} leg meets this target too.",
                    e.name,
                    other.label()
                ));
            }
        }
        None
    }
}
