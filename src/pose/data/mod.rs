//! The demonstrations themselves, one file per group of ladders.
//!
//! Each file lists its key poses as named constants (shared where two
//! demonstrations move alike) and then its [`Demo`]s. Angles follow
//! `body.rs`; world x is forward, y up, the floor at 0.

use super::body::{Arm, Leg, Mark, Pin, Pose};
use super::{Demo, Dir, Of, Prop, SideWord, Tempo, View, HSR};
use crate::engine::model::SelfTest;

mod bridges;
mod curls;
mod hinges;
mod jumps;
mod learn;
mod legs;
mod running;
mod stage1;
mod support;
mod tests;

pub static ALL: &[&[Demo]] = &[
    stage1::DEMOS,
    bridges::DEMOS,
    curls::DEMOS,
    hinges::DEMOS,
    legs::DEMOS,
    support::DEMOS,
    jumps::DEMOS,
    running::DEMOS,
    tests::DEMOS,
    learn::DEMOS,
];

/// The names of the Learn pages' positions.
pub use learn::{DEEP_BEND, SITTING};

/// The demonstration id of a self-test: a catalogue exercise where the test
/// is one, else the name of one of the tests' own demonstrations.
pub fn self_test_id(test: SelfTest, two_legs: bool) -> &'static str {
    use SelfTest::*;
    match (test, two_legs) {
        (Bridge, false) => "single_leg_bridge",
        (Bridge, true) => "double_leg_bridge",
        (LongLeverBridge, false) => tests::SL_LONG_LEVER,
        (LongLeverBridge, true) => tests::LONG_LEVER,
        (FootElevatedBridge, false) => tests::SL_FOOT_ELEVATED,
        (FootElevatedBridge, true) => tests::FOOT_ELEVATED,
        (LongLeverFootElevatedBridge, false) => "fe_ll_bridge_single",
        (LongLeverFootElevatedBridge, true) => "fe_ll_bridge",
        (Rdl, false) => "single_leg_rdl",
        (Rdl, true) => tests::RDL,
        (MorningWalk, _) => tests::WALK_NAME,
    }
}

/// Holds: the poses lead into the last one, which is held still.
const HOLD: Tempo = Tempo::Hold;
/// Slow down first (an eccentric), back at an ordinary pace.
const ECCENTRIC: Tempo = Tempo::Rep {
    first: Dir::Down,
    there_ds: 30,
    back_ds: 15,
};
/// Heavy slow resistance starting from the top (hinges, the slider out).
const HSR_FROM_TOP: Tempo = Tempo::Rep {
    first: Dir::Down,
    there_ds: super::HSR_DOWN_DS,
    back_ds: super::HSR_UP_DS,
};

/// A demonstration with no props; add them with `..` or [`with`].
#[allow(clippy::too_many_arguments)]
const fn demo(
    id: &'static str,
    one_leg: bool,
    poses: &'static [super::body::Pose],
    tempo: Tempo,
    motion: &'static str,
    feel: &'static str,
    mistake: &'static str,
) -> Demo {
    Demo {
        of: Of::Exercise(id),
        view: View::Side,
        one_leg,
        side_word: SideWord::Leg,
        props: &[],
        poses,
        tempo,
        motion,
        feel,
        mistake,
    }
}

const fn with(props: &'static [Prop], d: Demo) -> Demo {
    Demo { props, ..d }
}

// Constructors for writing poses compactly.

pub(super) const fn leg(hip: i16, knee: i16, ankle: i16) -> Leg {
    Leg { hip, knee, ankle }
}

pub(super) const fn arm(shoulder: i16, elbow: i16) -> Arm {
    Arm { shoulder, elbow }
}

pub(super) const fn pin(mark: Mark, x: i16, y: i16) -> Pin {
    Pin { mark, x, y }
}

/// A pose whose far arm mirrors the near one (most poses).
pub(super) const fn pose(trunk: i16, a: Arm, work: Leg, free: Leg, at: Pin) -> Pose {
    Pose {
        trunk,
        arm: a,
        far_arm: a,
        work,
        free,
        pin: at,
    }
}

/// A pose with both legs alike (two-leg work seen from the side).
pub(super) const fn pose2(trunk: i16, a: Arm, both: Leg, at: Pin) -> Pose {
    pose(trunk, a, both, both, at)
}

/// The same pose with the far arm set apart (running, walking).
pub(super) const fn with_far_arm(p: Pose, far: Arm) -> Pose {
    Pose { far_arm: far, ..p }
}
