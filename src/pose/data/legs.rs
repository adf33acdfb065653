//! Step-ups and squats: the kinetic-chain work with more hip flexion.

use super::{arm, leg, pin, pose, pose2};
use super::{demo, with, Demo, Prop, HSR, HSR_FROM_TOP};
use crate::pose::body::{Mark::*, Pose, Which::*, FLAT};

/// The working foot on the step, the other on the floor behind.
const LOW: Prop = Prop::Step {
    x: 10,
    w: 30,
    h: 14,
};
const LOW_START: Pose = pose(
    80,
    arm(10, 0),
    leg(65, 80, FLAT),
    leg(8, 0, FLAT),
    pin(Heel(Work), 14, 14),
);
const LOW_TOP: Pose = pose(
    90,
    arm(0, 0),
    leg(0, 0, FLAT),
    leg(15, 60, -20),
    pin(Heel(Work), 14, 14),
);
const HIGH: Prop = Prop::Step {
    x: 10,
    w: 30,
    h: 26,
};
const HIGH_START: Pose = pose(
    80,
    arm(10, 0),
    leg(105, 110, FLAT),
    leg(1, 4, FLAT),
    pin(Heel(Work), 14, 26),
);
const HIGH_TOP: Pose = pose(
    90,
    arm(0, 0),
    leg(0, 0, FLAT),
    leg(15, 60, -20),
    pin(Heel(Work), 14, 26),
);

/// Heels on a wedge, chest up, part way down.
const WEDGE: Prop = Prop::Wedge { x: -3, w: 12, h: 5 };
const SQ_TOP: Pose = pose2(90, arm(0, 0), leg(0, 5, -20), pin(Heel(Work), 0, 4));
const SQ_DOWN: Pose = pose2(80, arm(80, 10), leg(85, 90, -10), pin(Heel(Work), 0, 4));

/// Split stance: the working leg in front, the back knee lowers.
const SPLIT_TOP: Pose = pose(
    90,
    arm(0, 0),
    leg(40, 30, FLAT),
    leg(-15, 48, -40),
    pin(Heel(Work), 20, 0),
);
const SPLIT_DOWN: Pose = pose(
    86,
    arm(0, 0),
    leg(100, 90, FLAT),
    leg(-32, 63, -30),
    pin(Heel(Work), 20, 0),
);
const FFE: Prop = Prop::Step { x: 16, w: 16, h: 7 };
const FFE_TOP: Pose = pose(
    90,
    arm(0, 0),
    leg(45, 35, FLAT),
    leg(-12, 45, -40),
    pin(Heel(Work), 20, 7),
);
const FFE_DOWN: Pose = pose(
    86,
    arm(0, 0),
    leg(100, 90, FLAT),
    leg(-10, 80, -30),
    pin(Heel(Work), 20, 7),
);

pub static DEMOS: &[Demo] = &[
    with(
        &[LOW],
        demo(
            "step_up_low",
            true,
            &[LOW_START, LOW_TOP],
            HSR,
            "the front foot on a low step, the body rises to standing and steps back down",
            "In the buttock and thigh of the leg on the step.",
            "Pushing off the back foot instead of the front one.",
        ),
    ),
    with(
        &[HIGH],
        demo(
            "step_up_high",
            true,
            &[HIGH_START, HIGH_TOP],
            HSR,
            "the front foot on a high step, the body rises to standing and steps back down",
            "In the buttock and thigh of the leg on the step.",
            "Letting the front knee fall inwards as you rise.",
        ),
    ),
    with(
        &[HIGH, Prop::Kettlebell(Hand)],
        demo(
            "step_up_loaded",
            true,
            &[HIGH_START, HIGH_TOP],
            HSR,
            "holding weights, the body rises onto the high step and steps back down",
            "In the buttock and thigh of the leg on the step.",
            "Dropping down the far side fast: lower yourself with control.",
        ),
    ),
    with(
        &[WEDGE],
        demo(
            "heels_elevated_squat",
            false,
            &[SQ_TOP, SQ_DOWN],
            HSR_FROM_TOP,
            "heels raised, the body squats part way down, chest up, and stands",
            "In the fronts of your thighs and your buttocks.",
            "Letting the heels lift off the wedge.",
        ),
    ),
    demo(
        "split_squat",
        true,
        &[SPLIT_TOP, SPLIT_DOWN],
        HSR_FROM_TOP,
        "split stance, the back knee lowers towards the floor and rises",
        "In the buttock and thigh of the front leg.",
        "Leaning the trunk forward over the front knee.",
    ),
    with(
        &[FFE],
        demo(
            "ffe_split_squat",
            true,
            &[FFE_TOP, FFE_DOWN],
            HSR_FROM_TOP,
            "front foot on a low step, the back knee lowers towards the floor and rises",
            "In the buttock and thigh of the front leg, a little deeper.",
            "Taking too short a step, so the front heel lifts.",
        ),
    ),
];
