//! Stage 3 jumps, straight up and forward, on two legs and on one.
//!
//! The catalogue treats jumps as near-neutral for the hip, so the dip before
//! take-off and the landing stay shallow.

use super::{arm, leg, pin, pose};
use super::{demo, Demo, Tempo};
use crate::pose::body::{Leg, Mark::*, Pose, Which::*, FLAT};

const BACK: crate::pose::body::Arm = arm(-40, 10);
const OVERHEAD: crate::pose::body::Arm = arm(150, 10);
const FORWARD: crate::pose::body::Arm = arm(40, 20);
const DIP: Leg = leg(45, 50, FLAT);
const STRAIGHT: Leg = leg(0, 5, -30);
const LAND: Leg = leg(35, 40, FLAT);
/// The free leg of a hop, bent behind.
const TUCK: Leg = leg(10, 80, -20);

const fn crouch(x: i16, one: bool) -> Pose {
    pose(
        65,
        BACK,
        DIP,
        if one { TUCK } else { DIP },
        pin(Heel(Work), x, 0),
    )
}
const fn air(x: i16, y: i16, one: bool) -> Pose {
    pose(
        88,
        OVERHEAD,
        STRAIGHT,
        if one { TUCK } else { STRAIGHT },
        pin(Toe(Work), x, y),
    )
}
const fn land(x: i16, one: bool) -> Pose {
    pose(
        70,
        FORWARD,
        LAND,
        if one { TUCK } else { LAND },
        pin(Heel(Work), x, 0),
    )
}
/// Forward flight: a lean, the legs reaching for the landing.
const fn flight(x: i16, y: i16, one: bool) -> Pose {
    let reach = leg(40, 30, 0);
    pose(
        75,
        FORWARD,
        reach,
        if one { TUCK } else { reach },
        pin(Heel(Work), x, y),
    )
}

const JUMP: Tempo = Tempo::Loop { cycle_ds: 24 };

pub static DEMOS: &[Demo] = &[
    demo(
        "vertical_jump_submax",
        false,
        &[crouch(0, false), air(9, 12, false), land(0, false)],
        JUMP,
        "a small dip, a jump straight up at about 80%, and a soft landing",
        "Springy work in your calves, thighs and buttocks.",
        "Landing stiff-legged: bend the knees and hips as you land.",
    ),
    demo(
        "vertical_jump_max",
        false,
        &[crouch(0, false), air(9, 22, false), land(0, false)],
        JUMP,
        "a dip, a jump straight up as high as you can, and a soft landing",
        "A strong push through your calves, thighs and buttocks.",
        "Starting the next jump before you have fully reset.",
    ),
    demo(
        "single_leg_vertical_jump_submax",
        true,
        &[crouch(0, true), air(9, 10, true), land(0, true)],
        JUMP,
        "on one leg, a small dip, a hop straight up at about 80%, and a held landing",
        "Springy work in the calf and thigh of the hopping leg.",
        "Letting the knee fall inwards on the landing.",
    ),
    demo(
        "single_leg_vertical_jump_max",
        true,
        &[crouch(0, true), air(9, 16, true), land(0, true)],
        JUMP,
        "on one leg, a dip, a hop as high as you can, and a held landing",
        "A strong push through the calf, thigh and buttock of the hopping leg.",
        "Wobbling on landing: hold it still before the next one.",
    ),
    demo(
        "broad_jump_submax",
        false,
        &[crouch(0, false), flight(35, 10, false), land(70, false)],
        JUMP,
        "a dip, a jump forward at about 80%, and a landing held still",
        "In your thighs and buttocks, most on the landing.",
        "Landing with the knees locked or the trunk thrown forward.",
    ),
    demo(
        "broad_jump_max",
        false,
        &[crouch(0, false), flight(45, 16, false), land(90, false)],
        JUMP,
        "a dip, a jump forward as far as you can, and a soft landing",
        "Hard work in your thighs and buttocks.",
        "Reaching so far that you fall back on landing.",
    ),
    demo(
        "single_leg_broad_jump_submax",
        true,
        &[crouch(0, true), flight(25, 8, true), land(50, true)],
        JUMP,
        "on one leg, a hop forward at about 80% and a held landing",
        "In the thigh and buttock of the hopping leg.",
        "Putting the other foot down to save the landing.",
    ),
    demo(
        "single_leg_broad_jump_max",
        true,
        &[crouch(0, true), flight(32, 12, true), land(64, true)],
        JUMP,
        "on one leg, a hop forward as far as you can and a held landing",
        "Hard work in the thigh and buttock of the hopping leg.",
        "Hopping further than you can land still.",
    ),
];
