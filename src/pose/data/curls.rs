//! Knee flexion: machine curls, slider curls and the Nordic curl.

use super::{arm, leg, pin, pose, pose2};
use super::{demo, with, Demo, Dir, Prop, Tempo, ECCENTRIC, HSR, HSR_FROM_TOP};
use crate::pose::body::{Leg, Mark::*, Pin, Pose, Which::*};
use crate::pose::props::SLIDER_H;

/// Face down on the machine's bench, the roller behind the ankles.
const PRONE_AT: Pin = pin(Hip, 0, 20);
const PRONE_BENCH: Prop = Prop::Bench {
    x: -14,
    w: 76,
    h: 20,
};
const STRAIGHT: Leg = leg(0, 5, -30);
const PRONE_DOWN: Pose = pose2(0, arm(176, 0), STRAIGHT, PRONE_AT);
const PRONE_UP: Pose = pose2(0, arm(176, 0), leg(0, 100, 0), PRONE_AT);
const PRONE_UP_1: Pose = pose(0, arm(176, 0), leg(0, 100, 0), STRAIGHT, PRONE_AT);

/// Seated on the machine, the hip bent past a right angle by the seat.
const SEAT_AT: Pin = pin(Hip, 0, 24);
const SEAT: Prop = Prop::Bench {
    x: -10,
    w: 36,
    h: 24,
};
const BACK: Prop = Prop::Backrest {
    x: -8,
    y: 24,
    h: 34,
};
const SEATED_OUT: Pose = pose2(85, arm(20, 60), leg(100, 10, 0), SEAT_AT);
const SEATED_IN: Pose = pose2(85, arm(20, 60), leg(100, 110, 0), SEAT_AT);

/// Heels on sliders: in, out with the hips high, out with the hips down.
const fn heel(x: i16) -> Pin {
    pin(Heel(Work), x, SLIDER_H)
}
const SL_IN: Pose = pose2(204, arm(-24, 0), leg(0, 86, 0), heel(40));
const SL_OUT: Pose = pose2(186, arm(-6, 0), leg(0, 19, 0), heel(58));
const SL_LOW: Pose = pose2(180, arm(0, 0), leg(0, 5, 0), heel(59));
const UP: Leg = leg(10, 0, 0);
const SL_IN_1: Pose = pose(204, arm(-24, 0), leg(0, 86, 0), UP, heel(40));
const SL_OUT_1: Pose = pose(186, arm(-6, 0), leg(0, 19, 0), UP, heel(58));
const SL_LOW_1: Pose = pose(180, arm(0, 0), leg(0, 5, 0), leg(30, 0, 0), heel(59));

/// Kneeling, ankles held: the body lowers forward as one straight line.
const KNEE: Pin = pin(Knee(Work), 0, 0);
const NORDIC_TALL: Pose = pose2(90, arm(60, 60), leg(0, 100, -55), KNEE);
const NORDIC_LOW: Pose = pose2(30, arm(60, 60), leg(0, 40, -55), KNEE);
const NORDIC_CATCH: Pose = pose2(20, arm(123, 0), leg(0, 30, -55), KNEE);

pub static DEMOS: &[Demo] = &[
    with(
        &[PRONE_BENCH, Prop::Roller(Ankle(Work))],
        demo(
            "prone_curl",
            false,
            &[PRONE_DOWN, PRONE_UP],
            HSR,
            "heels curl up towards the buttocks and lower",
            "In the backs of your thighs, from the knee up.",
            "Lifting the hips off the pad to swing the weight up.",
        ),
    ),
    with(
        &[PRONE_BENCH, Prop::Roller(Ankle(Work))],
        demo(
            "single_leg_prone_curl",
            true,
            &[PRONE_DOWN, PRONE_UP_1],
            HSR,
            "one heel curls up towards the buttock and lowers",
            "In the back of the working thigh.",
            "Going heavier than you can lower slowly.",
        ),
    ),
    with(
        &[SEAT, BACK, Prop::Roller(Ankle(Work))],
        demo(
            "seated_curl",
            false,
            &[SEATED_OUT, SEATED_IN],
            HSR,
            "seated, the heels curl down and under the seat and return",
            "In the backs of your thighs, nearer the knee than the hip.",
            "Sliding forward on the seat so the hips lift.",
        ),
    ),
    with(
        &[Prop::Slider(Work)],
        demo(
            "slider_eccentric",
            false,
            &[SL_IN, SL_LOW],
            ECCENTRIC,
            "from a bridge, the heels slide slowly out as the hips lower",
            "In the backs of your thighs, more as the legs straighten.",
            "Letting the hips drop first and the feet shoot out.",
        ),
    ),
    with(
        &[Prop::Slider(Work)],
        demo(
            "slider_curl",
            false,
            &[SL_IN, SL_OUT],
            HSR_FROM_TOP,
            "hips high, the heels slide out and are pulled back in",
            "In the backs of your thighs the whole way.",
            "Letting the hips sag as the feet go out.",
        ),
    ),
    with(
        &[Prop::Slider(Work)],
        demo(
            "single_leg_slider_eccentric",
            true,
            &[SL_IN_1, SL_LOW_1],
            ECCENTRIC,
            "on one heel, the foot slides slowly out as the hips lower",
            "In the back of the thigh on the slider.",
            "Rushing: take about three seconds to slide out.",
        ),
    ),
    with(
        &[Prop::Slider(Work)],
        demo(
            "single_leg_slider_curl",
            true,
            &[SL_IN_1, SL_OUT_1],
            HSR_FROM_TOP,
            "hips high on one heel, the foot slides out and is pulled back in",
            "Hard work in the back of the thigh on the slider.",
            "Twisting the hips to help the foot back in.",
        ),
    ),
    with(
        &[Prop::Roller(Ankle(Work))],
        demo(
            "nordic_curl",
            false,
            &[NORDIC_TALL, NORDIC_LOW, NORDIC_CATCH],
            Tempo::Rep {
                first: Dir::Down,
                there_ds: 30,
                back_ds: 20,
            },
            "kneeling tall, the body lowers slowly forward and the hands catch it",
            "Strongly in the backs of your thighs as you lean further.",
            "Bending at the hips: keep knees, hips and shoulders in a line.",
        ),
    ),
];
