//! Bridges lying on the floor, hip thrusts, and the foot-elevated bridges.

use super::{arm, leg, pin, pose, pose2};
use super::{demo, with, Demo, Prop, Tempo, HSR};
use crate::pose::body::{Mark::*, Pose, Which::*, FLAT};

const HEEL: crate::pose::body::Pin = pin(Heel(Work), 40, 0);
/// Hips down, knees bent, feet flat.
pub const BR_DOWN: Pose = pose2(180, arm(0, 0), leg(45, 99, FLAT), HEEL);
/// Shoulders, hips and knees in one line.
pub const BR_UP: Pose = pose2(202, arm(-22, 0), leg(0, 90, FLAT), HEEL);
const SL_DOWN: Pose = pose(180, arm(0, 0), leg(45, 99, FLAT), leg(45, 0, 0), HEEL);
const SL_UP: Pose = pose(202, arm(-22, 0), leg(0, 90, FLAT), leg(0, 0, 0), HEEL);

/// Long lever: heels further out, knees only slightly bent.
const LL_HEEL: crate::pose::body::Pin = pin(Heel(Work), 60, 0);
pub const LL_DOWN: Pose = pose2(180, arm(0, 0), leg(12, 29, 0), LL_HEEL);
pub const LL_UP: Pose = pose2(187, arm(-7, 0), leg(0, 27, 0), LL_HEEL);
pub const LL_DOWN_1: Pose = pose(180, arm(0, 0), leg(12, 29, 0), leg(40, 0, 0), LL_HEEL);
pub const LL_UP_1: Pose = pose(187, arm(-7, 0), leg(0, 27, 0), leg(30, 0, 0), LL_HEEL);

/// Heels on a bench, knees bent.
const FE_HEEL: crate::pose::body::Pin = pin(Heel(Work), 38, 24);
pub const FE_BENCH: Prop = Prop::Bench {
    x: 30,
    w: 30,
    h: 24,
};
pub const FE_DOWN: Pose = pose2(180, arm(0, 0), leg(50, 42, 0), FE_HEEL);
pub const FE_UP: Pose = pose2(214, arm(-34, 0), leg(0, 52, 0), FE_HEEL);
pub const FE_DOWN_1: Pose = pose(180, arm(0, 0), leg(50, 42, 0), leg(80, 0, 0), FE_HEEL);
pub const FE_UP_1: Pose = pose(214, arm(-34, 0), leg(0, 52, 0), leg(20, 0, 0), FE_HEEL);

/// Heels on a bench, knees nearly straight (10-20 degrees).
const LLFE_HEEL: crate::pose::body::Pin = pin(Heel(Work), 60, 24);
pub const LLFE_BENCH: Prop = Prop::Bench {
    x: 52,
    w: 30,
    h: 24,
};
pub const LLFE_DOWN: Pose = pose2(180, arm(0, 0), leg(35, 17, 0), LLFE_HEEL);
pub const LLFE_UP: Pose = pose2(202, arm(-22, 0), leg(0, 18, 0), LLFE_HEEL);
/// One leg, the other knee drawn to the chest.
const CHEST: crate::pose::body::Leg = leg(105, 110, 0);
const LLFE_DOWN_1: Pose = pose(180, arm(0, 0), leg(35, 17, 0), CHEST, LLFE_HEEL);
const LLFE_UP_1: Pose = pose(202, arm(-22, 0), leg(0, 18, 0), CHEST, LLFE_HEEL);

/// Upper back on a bench, feet on the floor.
const HT_HEEL: crate::pose::body::Pin = pin(Heel(Work), 0, 0);
const HT_BENCH: Prop = Prop::Bench {
    x: -82,
    w: 34,
    h: 24,
};
const HT_DOWN: Pose = pose2(140, arm(0, 0), leg(70, 86, FLAT), HT_HEEL);
const HT_UP: Pose = pose2(180, arm(0, 0), leg(0, 90, FLAT), HT_HEEL);
const HT_DOWN_1: Pose = pose(140, arm(0, 0), leg(70, 86, FLAT), leg(100, 90, 0), HT_HEEL);
const HT_UP_1: Pose = pose(180, arm(0, 0), leg(0, 90, FLAT), leg(60, 90, 0), HT_HEEL);

/// Up on two, one foot off, down on one, foot back.
const LLFE_ECCENTRIC: Tempo = Tempo::Loop { cycle_ds: 80 };

pub static DEMOS: &[Demo] = &[
    demo(
        "double_leg_bridge",
        false,
        &[BR_DOWN, BR_UP],
        HSR,
        "hips lift from the floor and lower",
        "In your buttocks, and a little in the backs of your thighs.",
        "Pushing the hips so high that the lower back arches.",
    ),
    demo(
        "single_leg_bridge",
        true,
        &[SL_DOWN, SL_UP],
        HSR,
        "hips lift from the floor and lower, the other leg held up",
        "In the buttock and back of the thigh on the foot that stays down.",
        "Letting the hip of the lifted leg drop lower than the other.",
    ),
    with(
        &[HT_BENCH],
        demo(
            "hip_thrust",
            false,
            &[HT_DOWN, HT_UP],
            HSR,
            "hips drive up until the body is level with the bench, then lower",
            "Deep in your buttocks as the hips reach the top.",
            "Sliding off the bench: keep the upper back where it started.",
        ),
    ),
    with(
        &[HT_BENCH],
        demo(
            "single_leg_hip_thrust",
            true,
            &[HT_DOWN_1, HT_UP_1],
            HSR,
            "hips drive up on one leg until level with the bench, then lower",
            "In the buttock of the leg on the floor.",
            "Twisting the hips: both sides should rise together.",
        ),
    ),
    with(
        &[LLFE_BENCH],
        demo(
            "fe_ll_bridge",
            false,
            &[LLFE_DOWN, LLFE_UP],
            HSR,
            "hips lift until straight, heels on the bench, then lower",
            "Along the backs of your thighs, more than in the buttocks.",
            "Bending the knees a lot, which turns it back into an easy bridge.",
        ),
    ),
    with(
        &[LLFE_BENCH],
        demo(
            "fe_ll_bridge_eccentric",
            true,
            &[LLFE_DOWN, LLFE_UP, LLFE_UP_1, LLFE_DOWN_1],
            LLFE_ECCENTRIC,
            "hips lift on two legs, one foot comes off, and the hips lower slowly on the other",
            "In the back of the thigh that lowers you, most near the end.",
            "Dropping down fast: the slow lowering is the exercise.",
        ),
    ),
    with(
        &[LLFE_BENCH],
        demo(
            "fe_ll_bridge_single",
            true,
            &[LLFE_DOWN_1, LLFE_UP_1],
            HSR,
            "hips lift on one heel with the other knee held to the chest, then lower",
            "Along the back of the thigh on the bench.",
            "Letting the hips sag before they are fully straight.",
        ),
    ),
];
