//! Positions the Learn pages explain, drawn like the exercises: sitting on
//! a cushion, and what a deep hip bend looks like (the one to leave out
//! early on).

use super::{arm, leg, pin, pose2};
use super::{Demo, Dir, Of, Prop, SideWord, Tempo, View};
use crate::pose::body::{Mark::*, Pose, Which::*, FLAT};

pub const SITTING: &str = "Sitting on a cushion";
pub const DEEP_BEND: &str = "A deep hip bend";

const CHAIR: Prop = Prop::Bench {
    x: -12,
    w: 30,
    h: 20,
};
const CUSHION: Prop = Prop::Cushion {
    x: -10,
    w: 26,
    h: 24,
};
const CHAIR_BACK: Prop = Prop::Backrest {
    x: -10,
    y: 20,
    h: 36,
};
/// Upright on the cushion, thighs level, feet flat under the knees.
const SIT: Pose = pose2(92, arm(10, 70), leg(88, 88, FLAT), pin(Hip, 0, 24));
/// Leaning back a little against the chair, as people do after a while.
const SIT_BACK: Pose = pose2(100, arm(15, 75), leg(80, 85, FLAT), pin(Hip, 0, 24));
const STAND: Pose = pose2(90, arm(0, 0), leg(0, 5, FLAT), pin(Heel(Work), 0, 0));
/// Folding forward to the toes, knees straight: the hip bends far past a
/// right angle and the tendon is pressed against the sit bone.
const FOLD: Pose = pose2(-25, arm(85, 0), leg(120, 5, FLAT), pin(Heel(Work), 0, 0));

const fn position(
    name: &'static str,
    props: &'static [Prop],
    poses: &'static [Pose],
    tempo: Tempo,
    words: [&'static str; 3],
) -> Demo {
    Demo {
        of: Of::Position { name },
        view: View::Side,
        one_leg: false,
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
    position(
        SITTING,
        &[CHAIR, CHAIR_BACK, CUSHION],
        &[SIT_BACK, SIT],
        Tempo::Hold,
        [
            "sitting upright on a soft cushion, thighs level, feet flat",
            "Your weight spread over the cushion, not resting on the sit bones.",
            "Sitting for an hour without a break: stand up every half hour.",
        ],
    ),
    position(
        DEEP_BEND,
        &[],
        &[STAND, FOLD],
        Tempo::Rep {
            first: Dir::Down,
            there_ds: 30,
            back_ds: 30,
        },
        [
            "standing, then folding forward to the toes with straight knees",
            "A pull at the sit bone: that squeeze is what to spare the tendon early on.",
            "Stretching into it to loosen the tightness: it often makes the pain worse.",
        ],
    ),
];
