//! Hip hinges: deadlifts, the single-leg RDL and the Roman chair.

use super::{arm, leg, pin, pose, pose2};
use super::{demo, with, Demo, Prop, HSR, HSR_FROM_TOP};
use crate::pose::body::{Mark::*, Pin, Pose, Which::*, FLAT};

const HEEL: Pin = pin(Heel(Work), 0, 0);
pub const STAND: Pose = pose2(90, arm(0, 0), leg(0, 5, FLAT), HEEL);
/// A short hinge: the hands reach a step in front of the toes.
const KB_STEP: Pose = pose2(35, arm(55, 0), leg(80, 25, FLAT), HEEL);
const STEP: Prop = Prop::Step { x: 8, w: 16, h: 19 };
/// A full hinge with the knees bent: the hands reach the floor.
const KB_FLOOR: Pose = pose2(15, arm(75, 0), leg(125, 60, FLAT), HEEL);
const BAR_FLOOR: Pose = pose2(15, arm(75, 0), leg(125, 65, FLAT), HEEL);
/// The Romanian deadlift's hinge, knees soft: a self-test on two legs.
pub const RDL_DOWN: Pose = pose2(30, arm(60, 0), leg(85, 25, FLAT), HEEL);
const SL_TOP: Pose = pose(90, arm(0, 0), leg(0, 5, FLAT), leg(-10, 40, -20), HEEL);
const SL_DOWN: Pose = pose(20, arm(70, 0), leg(80, 15, FLAT), leg(0, 0, 0), HEEL);

/// In a 45-degree Roman chair: legs fixed, the trunk hinges at the pad.
const RC_HEEL: Pin = pin(Heel(Work), 0, 12);
pub const RC_CHAIR: Prop = Prop::RomanChair {
    pad: (38, 39),
    foot: (0, 12),
};
const CROSSED: crate::pose::body::Arm = arm(20, 130);
pub const RC_TOP: Pose = pose2(45, CROSSED, leg(0, 0, 0), RC_HEEL);
pub const RC_START: Pose = pose2(15, CROSSED, leg(30, 0, 0), RC_HEEL);
const RC_DOWN: Pose = pose2(-35, CROSSED, leg(80, 0, 0), RC_HEEL);
const RC_TOP_1: Pose = pose(45, CROSSED, leg(0, 0, 0), leg(0, 90, 0), RC_HEEL);
const RC_DOWN_1: Pose = pose(-35, CROSSED, leg(80, 0, 0), leg(80, 90, 0), RC_HEEL);

pub static DEMOS: &[Demo] = &[
    with(
        &[STEP, Prop::Kettlebell(Hand)],
        demo(
            "kb_deadlift_elevated",
            false,
            &[KB_STEP, STAND],
            HSR,
            "a short hinge: the weight lifts from the step to standing and back",
            "In your buttocks and the backs of your thighs as you stand up.",
            "Rounding the back to reach the weight: hinge at the hips.",
        ),
    ),
    with(
        &[Prop::Kettlebell(Hand)],
        demo(
            "kb_deadlift",
            false,
            &[KB_FLOOR, STAND],
            HSR,
            "a hinge: the weight lifts from the floor to standing and back",
            "In your buttocks and the backs of your thighs.",
            "Squatting down with the chest over the knees instead of hinging.",
        ),
    ),
    with(
        &[Prop::Barbell(Hand)],
        demo(
            "barbell_deadlift",
            false,
            &[BAR_FLOOR, STAND],
            HSR,
            "the bar lifts from the floor close to the legs to standing and back",
            "In your buttocks, the backs of your thighs and along your back.",
            "Letting the bar drift forward, away from the legs.",
        ),
    ),
    demo(
        "single_leg_rdl",
        true,
        &[SL_TOP, SL_DOWN],
        HSR_FROM_TOP,
        "on one leg, the body tips forward as the other leg goes back, then rises",
        "In the back of the standing thigh, and the buttock.",
        "Turning the hip of the lifted leg up towards the ceiling.",
    ),
    with(
        &[RC_CHAIR],
        demo(
            "roman_chair",
            false,
            &[RC_TOP, RC_DOWN],
            HSR_FROM_TOP,
            "the body hinges forward over the pad and pulls back up to a line",
            "In the backs of your thighs and your buttocks.",
            "Swinging up fast and arching past the straight line.",
        ),
    ),
    with(
        &[RC_CHAIR],
        demo(
            "single_leg_roman_chair",
            true,
            &[RC_TOP_1, RC_DOWN_1],
            HSR_FROM_TOP,
            "on one leg, the body hinges forward over the pad and pulls back up",
            "In the back of the thigh of the leg that is hooked in.",
            "Letting the free leg push on the foot plate to help.",
        ),
    ),
];
