//! What the stage rules may read of a replay ([`Standing`]), so the rules
//! depend on nothing here and the replay alone applies their verdict.

use super::{side_index, Replay};
use crate::engine::catalogue::{Ladder, Stage};
use crate::engine::days::Days;
use crate::engine::dose::Position;
use crate::engine::model::{Settings, Side};
use crate::engine::stage::Standing;
use chrono::NaiveDate;

impl Standing for Replay<'_> {
    fn settings(&self) -> &Settings {
        &self.settings
    }
    fn days(&self) -> &Days<'_> {
        &self.days
    }
    fn stage(&self) -> Stage {
        self.stage
    }
    fn isometric_days(&self) -> usize {
        self.isometric_days
    }
    fn stable(&self) -> bool {
        Replay::stable(self)
    }
    fn position(&self, ladder: &'static Ladder, side: Side) -> Position {
        Replay::position(self, ladder, side)
    }
    fn touched(&self, ladder: &Ladder) -> bool {
        Replay::touched(self, ladder)
    }
    fn red_flag(&self) -> bool {
        !self.red_flags.is_empty()
    }
    fn settled_after(&self, d: NaiveDate) -> bool {
        let next = d.succ_opt();
        let at = self.mornings.partition_point(|m| Some(m.date) < next);
        self.mornings
            .get(at)
            .is_some_and(|m| Some(m.date) == next && !m.flare && m.excess() <= 0)
    }
    fn knocked(&self, ladder: &Ladder, side: Side) -> Option<NaiveDate> {
        self.knocked.get(ladder)[side_index(side)]
    }
    fn deep_open(&self) -> bool {
        self.deep_unlocked.is_some()
    }
}
