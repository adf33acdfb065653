//! The morning rules: what one morning's self-test against its baseline
//! means, with or without a session the day before (rehab-model §3).

use super::{DecisionKind, Why};
use crate::engine::rules::*;

/// One morning's test against its baseline, whatever was done the day before.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MorningFacts {
    pub rating: u8,
    pub baseline: u8,
    /// The morning before, when it was above baseline too.
    pub previous_above: Option<u8>,
    /// Check-ins in the run of mornings above baseline, this one included.
    pub mornings: usize,
    /// Mornings have climbed since the work was last scaled back in this
    /// run (always true before the first scale back).
    pub climbed: bool,
    pub weekly: Option<(f32, f32)>,
}

pub(super) fn weekly_rise(weekly: Option<(f32, f32)>) -> Option<Why> {
    let (now, before) = weekly?;
    (now > before + WEEKLY_RISE_TOLERANCE).then_some(Why::WeeklyRise { now, before })
}

/// What a morning above baseline means, the same with or without a session
/// the day before (issue 12 points 1 and 6). Within one run of mornings
/// above baseline, a scale back is earned once, and again only when the
/// mornings have climbed since: a steady offset holds instead of scaling
/// back again and again.
pub fn morning_rule(f: &MorningFacts) -> Option<(DecisionKind, Why)> {
    let (m, b) = (f.rating, f.baseline);
    if m <= b {
        return None;
    }
    let (new_high, count) = (f.climbed, f.mornings);
    let rise = weekly_rise(f.weekly);
    let scale = |why| Some((DecisionKind::ScaleBack, why));
    let hold = |why| Some((DecisionKind::Hold, why));
    if m >= b.saturating_add(LARGE_FLARE_POINTS) && new_high {
        return scale(Why::LargeRise);
    }
    if let Some(why) = rise.clone().filter(|_| new_high) {
        return scale(why);
    }
    if let Some(previous) = f.previous_above.filter(|_| new_high) {
        return scale(Why::TwoMorningsAbove { previous });
    }
    if let Some(why) = rise {
        return hold(why);
    }
    if count <= 1 {
        return hold(Why::MorningAbove);
    }
    hold(Why::SteadyOffset { mornings: count })
}

/// What this morning does to today's plan: [`morning_rule`], or the weekly
/// rule on a morning at baseline (it is checked every morning).
pub fn today_rule(f: &MorningFacts) -> Option<(DecisionKind, Why)> {
    morning_rule(f).or_else(|| weekly_rise(f.weekly).map(|w| (DecisionKind::Hold, w)))
}
