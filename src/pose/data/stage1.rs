//! Stage 1: the isometric holds, still in the top position.

use super::bridges::{
    BR_DOWN, BR_UP, FE_BENCH, FE_DOWN, FE_UP, LLFE_BENCH, LLFE_DOWN, LLFE_UP, LL_DOWN, LL_UP,
};
use super::hinges::{RC_CHAIR, RC_START, RC_TOP};
use super::{arm, leg, pin, pose2};
use super::{demo, with, Demo, Prop, HOLD};
use crate::pose::body::{Mark::*, Pose, Which::*};

/// Face down, knees a little bent, heels pressing up into a sofa edge.
const CURL_REST: Pose = pose2(0, arm(176, 0), leg(0, 15, -30), pin(Hip, 0, 0));
const CURL_PRESS: Pose = pose2(0, arm(176, 0), leg(0, 30, -30), pin(Hip, 0, 0));

pub static DEMOS: &[Demo] = &[
    demo(
        "iso_bridge",
        false,
        &[BR_DOWN, BR_UP],
        HOLD,
        "hips lift and stay up, still",
        "A steady effort in your buttocks and the backs of your thighs.",
        "Holding your breath: keep breathing slowly through the hold.",
    ),
    with(
        &[Prop::Roller(Ankle(Work))],
        demo(
            "iso_curl",
            false,
            &[CURL_REST, CURL_PRESS],
            HOLD,
            "heels press up into the edge and hold without moving",
            "In the backs of your thighs, just above the knees.",
            "Lifting the hips off the floor as you push.",
        ),
    ),
    demo(
        "iso_long_lever_bridge",
        false,
        &[LL_DOWN, LL_UP],
        HOLD,
        "hips lift with the heels far out and stay up, still",
        "Along the backs of your thighs more than in the buttocks.",
        "Letting one side of the hips sink lower than the other.",
    ),
    with(
        &[FE_BENCH],
        demo(
            "iso_foot_elevated_bridge",
            false,
            &[FE_DOWN, FE_UP],
            HOLD,
            "hips lift with the heels on the bench and stay up, still",
            "In your buttocks and the backs of your thighs, evenly.",
            "Pushing through the toes instead of the heels.",
        ),
    ),
    with(
        &[LLFE_BENCH],
        demo(
            "iso_long_lever_foot_elevated_bridge",
            false,
            &[LLFE_DOWN, LLFE_UP],
            HOLD,
            "hips lift with the heels on the bench, knees nearly straight, and stay up",
            "A strong, even effort along the backs of your thighs.",
            "Locking the knees straight: keep a small bend.",
        ),
    ),
    with(
        &[RC_CHAIR],
        demo(
            "iso_roman_chair",
            false,
            &[RC_START, RC_TOP],
            HOLD,
            "the body rises to one straight line in the chair and holds",
            "In your buttocks and the backs of your thighs.",
            "Arching the back above the line of the legs.",
        ),
    ),
];
