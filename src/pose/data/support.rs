//! Support work: side planks and side steps (seen from the front), and
//! calf raises.

use super::{arm, leg, pin, pose, pose2};
use super::{demo, with, Demo, Prop, Tempo, HOLD, HSR};
use crate::pose::body::{Leg, Mark::*, Pin, Pose, Which::*, FLAT};
use crate::pose::{SideWord, View};

/// Propped on the forearm, elbow under the shoulder; the lower leg is the
/// working one, the top leg drawn just above it.
const ELBOW: Pin = pin(Elbow, 50, 0);
const fn plank(trunk: i16, low: Leg, high: Leg) -> Pose {
    pose(trunk, arm(90 - trunk, 90), low, high, ELBOW)
}
const fn raise(l: Leg, by: i16) -> Leg {
    leg(l.hip - by, l.knee, l.ankle)
}
const SHORT_LEG: Leg = leg(0, 25, -55);
const SHORT_DOWN_LEG: Leg = leg(-30, 4, -55);
const SHORT_DOWN: Pose = plank(26, SHORT_DOWN_LEG, raise(SHORT_DOWN_LEG, 4));
const SHORT_UP: Pose = plank(17, SHORT_LEG, raise(SHORT_LEG, 4));
const LONG_LEG: Leg = leg(0, 0, -55);
const LONG_DOWN_LEG: Leg = leg(-28, 0, -55);
const LONG_DOWN: Pose = plank(26, LONG_DOWN_LEG, raise(LONG_DOWN_LEG, 4));
const LONG_UP: Pose = plank(8, LONG_LEG, raise(LONG_LEG, 4));

/// Seen from the front: hip angles here open the legs sideways.
const STEP_AT: Pin = pin(Heel(Work), 8, 0);
const AT_SIDES: crate::pose::body::Arm = arm(15, 5);
const FEET_NEAR: Pose = pose(90, AT_SIDES, leg(3, 0, FLAT), leg(-3, 0, FLAT), STEP_AT);
const FEET_WIDE: Pose = pose(90, AT_SIDES, leg(14, 0, FLAT), leg(-14, 0, FLAT), STEP_AT);

/// Standing, a hand on the wall; the heels rise.
const TOE: Pin = pin(Toe(Work), 10, 0);
const WALL: Prop = Prop::Wall { x: 37 };
const REACH: crate::pose::body::Arm = arm(80, 10);
const CALF_DOWN: Pose = pose2(90, REACH, leg(0, 0, FLAT), TOE);
const CALF_UP: Pose = pose2(90, REACH, leg(0, 0, -35), TOE);
const BENT: Leg = leg(0, 70, -20);
const CALF_DOWN_1: Pose = pose(90, REACH, leg(0, 0, FLAT), BENT, TOE);
const CALF_UP_1: Pose = pose(90, REACH, leg(0, 0, -35), BENT, TOE);
/// Forefoot on a step, the heel dropping below it.
const EDGE: Pin = pin(Toe(Work), 12, 12);
const DEFICIT_STEP: Prop = Prop::Step { x: 6, w: 26, h: 12 };
const DEFICIT_WALL: Prop = Prop::Wall { x: 38 };
const DEF_DOWN: Pose = pose(90, REACH, leg(0, 0, 25), BENT, EDGE);
const DEF_UP: Pose = pose(90, REACH, leg(0, 0, -35), BENT, EDGE);
const HANG: crate::pose::body::Arm = arm(0, 0);
const LOAD_DOWN: Pose = pose(90, HANG, leg(0, 0, 25), BENT, EDGE);
const LOAD_UP: Pose = pose(90, HANG, leg(0, 0, -35), BENT, EDGE);

pub static DEMOS: &[Demo] = &[
    Demo {
        side_word: SideWord::Down,
        ..demo(
            "short_side_plank",
            true,
            &[SHORT_DOWN, SHORT_UP],
            HOLD,
            "on the forearm and knees, the hips lift into a straight line and hold",
            "In the side of the hip and buttock nearest the floor.",
            "Letting the hips sink back towards the floor.",
        )
    },
    Demo {
        side_word: SideWord::Down,
        ..demo(
            "side_plank",
            true,
            &[LONG_DOWN, LONG_UP],
            HOLD,
            "on the forearm and feet, the hips lift into a straight line and hold",
            "In the side of the hip and waist nearest the floor.",
            "Rolling forward so the hips bend and the line breaks.",
        )
    },
    Demo {
        view: View::Front,
        ..with(
            &[Prop::Band(Knee(Work), Knee(Free))],
            demo(
                "banded_side_steps",
                false,
                &[FEET_NEAR, FEET_WIDE],
                Tempo::Loop { cycle_ds: 20 },
                "seen from the front, the feet step apart against the band and back",
                "On the outsides of your hips.",
                "Letting the feet snap together between steps.",
            ),
        )
    },
    with(
        &[WALL],
        demo(
            "calf_raise",
            false,
            &[CALF_DOWN, CALF_UP],
            HSR,
            "heels rise up onto the toes and lower",
            "In your calves.",
            "Bouncing at the bottom instead of lowering slowly.",
        ),
    ),
    with(
        &[WALL],
        demo(
            "single_leg_calf_raise",
            true,
            &[CALF_DOWN_1, CALF_UP_1],
            HSR,
            "on one foot, the heel rises up onto the toes and lowers",
            "In the calf of the standing leg.",
            "Rising only half way: go right up onto the toes.",
        ),
    ),
    with(
        &[DEFICIT_STEP, DEFICIT_WALL],
        demo(
            "deficit_calf_raise",
            true,
            &[DEF_DOWN, DEF_UP],
            HSR,
            "forefoot on the step, the heel sinks below it and rises high",
            "A long stretch and then hard work in the calf.",
            "Dropping into the bottom: sink slowly.",
        ),
    ),
    with(
        &[DEFICIT_STEP, Prop::Kettlebell(Hand)],
        demo(
            "loaded_calf_raise",
            true,
            &[LOAD_DOWN, LOAD_UP],
            HSR,
            "holding a weight, forefoot on the step, the heel sinks and rises",
            "Hard work in the calf of the standing leg.",
            "Leaning forward so the weight pulls you off balance.",
        ),
    ),
];
