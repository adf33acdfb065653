//! Return to running, seen from the side as on a treadmill: the contact
//! foot stays near one spot while the legs cycle.

use super::{arm, leg, pin, pose, with_far_arm};
use super::{demo, with, Demo, Prop, Tempo};
use crate::pose::body::{Mark::*, Pose, Which::*, FLAT};

/// One running style: lean, how far the legs and arms swing, and cadence.
struct Stride {
    trunk: i16,
    /// Hip extension at push-off (negative), hip flexion of the swing leg.
    back: i16,
    front: i16,
    /// Knee bend of the swing leg.
    fold: i16,
    arm: i16,
}

const fn arms(p: Pose, near: i16, far: i16) -> Pose {
    with_far_arm(
        Pose {
            arm: arm(near, 90),
            ..p
        },
        arm(far, 90),
    )
}

/// Four key poses: stance on the working leg, push-off, stance on the
/// other, push-off. The loop closes back on the first.
const fn cycle(s: Stride) -> [Pose; 4] {
    let stance = leg(12, 20, FLAT);
    let swing = leg(s.front / 2, s.fold, 0);
    let push = leg(s.back, 30, -30);
    let reach = leg(s.front, s.fold - 20, 0);
    let a = pose(s.trunk, arm(0, 90), stance, swing, pin(Heel(Work), 0, 0));
    let b = pose(s.trunk, arm(0, 90), push, reach, pin(Low, 0, 1));
    let c = pose(s.trunk, arm(0, 90), swing, stance, pin(Heel(Free), 0, 0));
    let d = pose(s.trunk, arm(0, 90), reach, push, pin(Low, 0, 1));
    [
        arms(a, 0, 0),
        arms(b, s.arm, -s.arm),
        arms(c, 0, 0),
        arms(d, -s.arm, s.arm),
    ]
}

const WALK_RUN: [Pose; 4] = cycle(Stride {
    trunk: 86,
    back: -12,
    front: 30,
    fold: 70,
    arm: 25,
});
const EASY: [Pose; 4] = cycle(Stride {
    trunk: 84,
    back: -15,
    front: 35,
    fold: 80,
    arm: 30,
});
const HILLS: [Pose; 4] = cycle(Stride {
    trunk: 80,
    back: -15,
    front: 40,
    fold: 80,
    arm: 30,
});
const STRIDES: [Pose; 4] = cycle(Stride {
    trunk: 82,
    back: -22,
    front: 45,
    fold: 95,
    arm: 40,
});
const SPRINT: [Pose; 4] = cycle(Stride {
    trunk: 78,
    back: -28,
    front: 50,
    fold: 110,
    arm: 55,
});

const fn run(cycle_ds: u8) -> Tempo {
    Tempo::Loop { cycle_ds }
}

pub static DEMOS: &[Demo] = &[
    demo(
        "run_walk_flat",
        false,
        &WALK_RUN,
        run(8),
        "easy running with short steps, trunk upright",
        "Gentle, even work in both legs; breathing easy.",
        "Overstriding: land with the foot under you, not out in front.",
    ),
    demo(
        "easy_run_flat",
        false,
        &EASY,
        run(7),
        "an easy, relaxed run with quick short steps",
        "Relaxed legs and an easy breath: you could chat.",
        "Running faster than a pace you could talk at.",
    ),
    with(
        &[Prop::Hill],
        demo(
            "run_gentle_hills",
            false,
            &HILLS,
            run(7),
            "an easy run up a gentle slope, leaning slightly forward",
            "A little more work in the buttocks going uphill, still easy.",
            "Pushing hard up the hills: keep the effort easy.",
        ),
    ),
    demo(
        "run_with_strides",
        false,
        &STRIDES,
        run(6),
        "a relaxed stride: longer steps and quicker legs for a short way",
        "The backs of your thighs working, fast but relaxed.",
        "Going flat out from the first step: build up gradually.",
    ),
    demo(
        "build_up_sprints",
        false,
        &SPRINT,
        run(5),
        "a build-up sprint: knees high, arms driving, leaning a little forward",
        "Strong, quick work in the backs of your thighs and buttocks.",
        "Sprinting without a full warm-up first.",
    ),
];

/// The morning walk self-test: a plain walking cycle, always one foot down.
pub const WALK: [Pose; 4] = [
    with_far_arm(
        pose(
            90,
            arm(-15, 15),
            leg(18, 3, 0),
            leg(-20, 28, -20),
            pin(Heel(Work), 12, 0),
        ),
        arm(15, 15),
    ),
    pose(
        90,
        arm(0, 15),
        leg(0, 5, FLAT),
        leg(20, 40, 0),
        pin(Heel(Work), 0, 0),
    ),
    with_far_arm(
        pose(
            90,
            arm(15, 15),
            leg(-20, 28, -20),
            leg(18, 3, 0),
            pin(Heel(Free), 12, 0),
        ),
        arm(-15, 15),
    ),
    pose(
        90,
        arm(0, 15),
        leg(20, 40, 0),
        leg(0, 5, FLAT),
        pin(Heel(Free), 0, 0),
    ),
];
