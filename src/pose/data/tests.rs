//! The self-tests that are no catalogue exercise: a few reps of a bridge
//! variant, a two-leg RDL, the morning walk.

use super::bridges::{
    FE_BENCH, FE_DOWN, FE_DOWN_1, FE_UP, FE_UP_1, LL_DOWN, LL_DOWN_1, LL_UP, LL_UP_1,
};
use super::hinges::{RDL_DOWN, STAND};
use super::running::WALK;
use super::{Demo, Of, Prop, SideWord, Tempo, View, HSR, HSR_FROM_TOP};

pub const SL_LONG_LEVER: &str = "Single-leg long-lever bridge";
pub const LONG_LEVER: &str = "Long-lever bridge";
pub const SL_FOOT_ELEVATED: &str = "Single-leg foot-elevated bridge";
pub const FOOT_ELEVATED: &str = "Foot-elevated bridge";
pub const RDL: &str = "Romanian deadlift";
pub const WALK_NAME: &str = "Morning walk";

const fn test(
    name: &'static str,
    one_leg: bool,
    props: &'static [Prop],
    poses: &'static [crate::pose::body::Pose],
    tempo: Tempo,
    words: [&'static str; 3],
) -> Demo {
    Demo {
        of: Of::Test { name },
        view: View::Side,
        one_leg,
        side_word: SideWord::Leg,
        props,
        poses,
        tempo,
        motion: words[0],
        feel: words[1],
        mistake: words[2],
    }
}

pub static DEMOS: &[Demo] = &[
    test(
        SL_LONG_LEVER,
        true,
        &[],
        &[LL_DOWN_1, LL_UP_1],
        HSR,
        [
            "heel far out, knee slightly bent, the hips lift on one leg and lower",
            "In the back of the thigh of the leg on the floor.",
            "Bending the knee more to make it easier: keep the heel far out.",
        ],
    ),
    test(
        LONG_LEVER,
        false,
        &[],
        &[LL_DOWN, LL_UP],
        HSR,
        [
            "heels far out, knees slightly bent, the hips lift and lower",
            "Along the backs of your thighs.",
            "Letting the heels creep in towards you between reps.",
        ],
    ),
    test(
        SL_FOOT_ELEVATED,
        true,
        &[FE_BENCH],
        &[FE_DOWN_1, FE_UP_1],
        HSR,
        [
            "one heel on the bench, the hips lift and lower",
            "In the buttock and back of the thigh on the bench.",
            "Pushing through the toes instead of the heel.",
        ],
    ),
    test(
        FOOT_ELEVATED,
        false,
        &[FE_BENCH],
        &[FE_DOWN, FE_UP],
        HSR,
        [
            "heels on the bench, the hips lift and lower",
            "In your buttocks and the backs of your thighs.",
            "Arching the lower back at the top.",
        ],
    ),
    test(
        RDL,
        false,
        &[],
        &[STAND, RDL_DOWN],
        HSR_FROM_TOP,
        [
            "knees soft, the body hinges forward with a flat back and rises",
            "Along the backs of your thighs as you tip forward.",
            "Rounding the back to reach lower.",
        ],
    ),
    test(
        WALK_NAME,
        false,
        &[],
        &WALK,
        Tempo::Loop { cycle_ds: 12 },
        [
            "an ordinary walk at your usual pace",
            "Notice the sit bone as you walk; nothing should need to change.",
            "Walking differently from other mornings, which makes the test hard to compare.",
        ],
    ),
];
