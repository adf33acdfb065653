//! The catalogue's data: every ladder and level, with doses from the seeds.
//!
//! Sources: stage 1 options and dose, the five stage-2 categories, the jump
//! ladders and the running guidance are `000_…`; the 30 s to 60 s hold range
//! is `001_…`; 3-4 x 6-12 for isotonic top levels is `004_…`. Running steps
//! follow Goom 2016 as summarised in `000_…`: flat before hills, slow before fast.

use super::catalogue::{
    Category::*, DoseRange as D, Exercise, Flexion::*, Ladder, Measure::*, Slot, Stage as S, Unlock,
};
use super::model::{Equipment::*, Goal};

/// Holds: 3 x 30 s up to 5 x 45 s, 5 s at a time (`000_…`).
const HOLD: D = D::new((3, 5), (30, 45), 5);

const fn ex(
    id: &'static str,
    name: &'static str,
    how: &'static str,
    one_leg: bool,
    dose: D,
) -> Exercise {
    Exercise {
        id,
        name,
        how,
        one_leg,
        measure: Reps,
        dose,
        needs: &[],
        load_needs: None,
        flexion: Neutral,
        advanced: false,
    }
}

const fn hold(id: &'static str, name: &'static str, how: &'static str) -> Exercise {
    Exercise {
        measure: HoldSeconds,
        ..ex(id, name, how, false, HOLD)
    }
}

const RUN_GOALS: &[Goal] = &[Goal::Running, Goal::Sport];

pub static LADDERS: &[Ladder] = &[
    Ladder {
        id: "iso",
        name: "Isometric holds",
        stage: S::Isometric,
        category: Isometric,
        slot: Slot::Every,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            hold("iso_bridge", "Bridge hold", "Lie on your back, knees bent, and lift your hips.\nHold still at about 7/10 effort and breathe."),
            hold("iso_curl", "Hamstring curl hold", "Lie face down, knees slightly bent, and press your heels up into a band or a sofa edge.\nHold the push without moving."),
            hold("iso_long_lever_bridge", "Long-lever bridge hold", "Bridge with your feet further from your hips, knees only slightly bent.\nHold your hips up and level."),
            Exercise { needs: &[Bench], ..hold("iso_foot_elevated_bridge", "Foot-elevated bridge hold", "Heels on a bench or step, knees bent, lift your hips.\nHold still, hips level.") },
            Exercise { needs: &[Bench], ..hold("iso_long_lever_foot_elevated_bridge", "Long-lever foot-elevated bridge hold", "Heels on a bench with knees nearly straight, lift your hips.\nHold; this asks the most of the hamstrings.") },
            Exercise { needs: &[RomanChair], ..hold("iso_roman_chair", "Roman chair hold", "In a Roman chair, hold your body in a straight line.\nKeep the hips straight, not bent.") },
        ],
    },
    Ladder {
        id: "bridge",
        name: "Bridge to hip thrust",
        stage: S::HeavySlow,
        category: HipExtensionGlute,
        slot: Slot::A,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            ex("double_leg_bridge", "Double-leg bridge", "On your back, knees bent, squeeze your glutes and lift your hips.\nLower slowly: about 3 s up and 3 s down.", false, D::new((3, 3), (10, 15), 2)),
            ex("single_leg_bridge", "Single-leg bridge", "As the bridge, with one foot on the floor and the other leg lifted.\nKeep the hips level.", true, D::new((3, 3), (8, 15), 2)),
            Exercise { needs: &[Bench], flexion: Moderate, ..ex("hip_thrust", "Double-leg hip thrust", "Upper back on a bench, feet on the floor; drive your hips up.\nLower under control.", false, D::new((3, 3), (10, 15), 2)) },
            Exercise { needs: &[Bench], load_needs: Some(Weights), flexion: Moderate, advanced: true, ..ex("single_leg_hip_thrust", "Single-leg hip thrust", "As the hip thrust, on one leg.\nWhen 4 x 15 is easy, hold a weight on your hips.", true, D::new((3, 4), (10, 15), 2).loaded(0.0, 2.5, 60.0)) },
        ],
    },
    Ladder {
        id: "prone_curl",
        name: "Prone hamstring curl",
        stage: S::HeavySlow,
        category: KneeFlexion,
        slot: Slot::A,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            Exercise { needs: &[CurlMachine], ..ex("prone_curl", "Prone hamstring curl", "Face down on the curl machine, curl your heels towards you.\nLower slowly.", false, D::new((3, 3), (10, 15), 1).loaded(10.0, 2.5, 60.0)) },
            Exercise { needs: &[CurlMachine], ..ex("single_leg_prone_curl", "Single-leg prone curl", "As the prone curl, one leg at a time.\nStart lighter than with two legs.", true, D::new((3, 4), (8, 12), 1).loaded(5.0, 2.5, 40.0)) },
        ],
    },
    Ladder {
        id: "slider",
        name: "Slider curls",
        stage: S::HeavySlow,
        category: KneeFlexion,
        slot: Slot::B,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            Exercise { needs: &[Sliders], ..ex("slider_eccentric", "Double-leg eccentric slider", "Heels on sliders, bridge up, then slowly slide your feet out.\nLower your hips and walk the feet back in.", false, D::new((3, 3), (8, 12), 2)) },
            Exercise { needs: &[Sliders], ..ex("slider_curl", "Double-leg slider curl", "Hips up, slide your feet out slowly, then pull them back in.\nKeep the hips high throughout.", false, D::new((3, 3), (8, 12), 2)) },
            Exercise { needs: &[Sliders], ..ex("single_leg_slider_eccentric", "Single-leg eccentric slider", "As the eccentric slider, on one leg.\nGo slowly: about 3 s out.", true, D::new((3, 3), (5, 8), 1)) },
            Exercise { needs: &[Sliders], advanced: true, ..ex("single_leg_slider_curl", "Single-leg slider curl", "Slide out and pull back in on one leg, hips high.\nStop a rep short of losing form.", true, D::new((3, 4), (4, 8), 1)) },
        ],
    },
    Ladder {
        id: "nordic",
        name: "Nordic curl",
        stage: S::HeavySlow,
        category: KneeFlexion,
        slot: Slot::B,
        unlock: Unlock::AfterLevel { ladder: "slider", level: 4 },
        goals: &[],
        levels: &[Exercise { advanced: true, ..ex("nordic_curl", "Nordic hamstring curl", "Kneel tall with your feet held down; lower yourself forward slowly.\nCatch yourself with your hands and push back up.", false, D::new((2, 3), (3, 6), 1)) }],
    },
    Ladder {
        id: "seated_curl",
        name: "Seated hamstring curl",
        stage: S::HeavySlow,
        category: KneeFlexion,
        slot: Slot::A,
        unlock: Unlock::DeepFlexion,
        goals: &[],
        levels: &[Exercise { needs: &[CurlMachine], flexion: Deep, ..ex("seated_curl", "Seated hamstring curl", "Seated on the machine, curl your heels under you and return slowly.\nThe seat bends the hip, so it comes later.", false, D::new((3, 3), (10, 15), 1).loaded(10.0, 2.5, 60.0)) }],
    },
    Ladder {
        id: "hamstring_bridge",
        name: "Foot-elevated long-lever bridge",
        stage: S::HeavySlow,
        category: HipExtensionHamstring,
        slot: Slot::B,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            Exercise { needs: &[Bench], ..ex("fe_ll_bridge", "Foot-elevated long-lever bridge", "Heels on a bench, knees bent 10-20 degrees; bridge until your hips are straight.\nLower slowly.", false, D::new((3, 3), (10, 15), 2)) },
            Exercise { needs: &[Bench], ..ex("fe_ll_bridge_eccentric", "Eccentric foot-elevated long-lever bridge", "Bridge up on two legs, lift one foot off, and lower slowly on the other.\nThe lowering counts as the rep.", true, D::new((3, 3), (6, 10), 2)) },
            Exercise { needs: &[Bench], load_needs: Some(Weights), advanced: true, ..ex("fe_ll_bridge_single", "Single-leg foot-elevated long-lever bridge", "One heel on the bench, the other knee to your chest; bridge up and down.\nAdd a weight on the hips when 4 x 12 is easy.", true, D::new((3, 4), (6, 12), 2).loaded(0.0, 2.5, 40.0)) },
        ],
    },
    Ladder {
        id: "deadlift",
        name: "Deadlift",
        stage: S::HeavySlow,
        category: HipExtensionHamstring,
        slot: Slot::A,
        unlock: Unlock::AfterLevel { ladder: "hamstring_bridge", level: 2 },
        goals: &[],
        levels: &[
            Exercise { needs: &[Weights], flexion: Moderate, ..ex("kb_deadlift_elevated", "Kettlebell deadlift from a step", "Weight on a step, hinge at the hips with a flat back and stand up tall.\nA short range to start.", false, D::new((3, 3), (8, 12), 2).loaded(8.0, 2.0, 24.0)) },
            Exercise { needs: &[Weights], flexion: Deep, ..ex("kb_deadlift", "Kettlebell deadlift from the floor", "As before, with the weight on the floor.\nHinge, do not squat; back flat.", false, D::new((3, 3), (8, 12), 2).loaded(12.0, 2.0, 32.0)) },
            Exercise { needs: &[Barbell], flexion: Deep, ..ex("barbell_deadlift", "Barbell deadlift", "Bar over mid-foot, hinge and grip, stand up tall.\nAdd load slowly, week by week.", false, D::new((3, 4), (6, 10), 2).loaded(20.0, 5.0, 200.0)) },
        ],
    },
    Ladder {
        id: "single_leg_deadlift",
        name: "Single-leg deadlift",
        stage: S::HeavySlow,
        category: HipExtensionHamstring,
        slot: Slot::B,
        unlock: Unlock::AfterLevel { ladder: "hamstring_bridge", level: 3 },
        goals: &[],
        levels: &[Exercise { load_needs: Some(Weights), flexion: Moderate, advanced: true, ..ex("single_leg_rdl", "Single-leg RDL", "Stand on one leg, hinge forward with a flat back as the other leg goes back.\nHold a wall if balance is hard; add a weight later.", true, D::new((3, 4), (6, 12), 2).loaded(0.0, 2.0, 40.0)) }],
    },
    Ladder {
        id: "roman_chair",
        name: "Roman chair",
        stage: S::HeavySlow,
        category: HipExtensionHamstring,
        slot: Slot::A,
        unlock: Unlock::AfterLevel { ladder: "hamstring_bridge", level: 2 },
        goals: &[],
        levels: &[
            Exercise { needs: &[RomanChair], flexion: Moderate, ..ex("roman_chair", "Roman chair hip extension", "Arms across your chest, hinge forward, then pull back up with your hamstrings.\nFull range, slowly.", false, D::new((3, 3), (10, 15), 2)) },
            Exercise { needs: &[RomanChair], load_needs: Some(Weights), flexion: Moderate, advanced: true, ..ex("single_leg_roman_chair", "Single-leg Roman chair", "As before, on one leg.\nHold a weight to your chest when 4 x 12 is easy.", true, D::new((3, 4), (6, 12), 2).loaded(0.0, 2.5, 30.0)) },
        ],
    },
    Ladder {
        id: "step_up",
        name: "Step-up",
        stage: S::HeavySlow,
        category: StepUpsAndSquats,
        slot: Slot::B,
        unlock: Unlock::DeepFlexion,
        goals: &[],
        levels: &[
            Exercise { flexion: Moderate, ..ex("step_up_low", "Low step-up", "Step up onto a low step and stand tall; step down slowly.\nUse a rail if needed.", true, D::new((3, 3), (8, 12), 2)) },
            Exercise { needs: &[Bench], flexion: Deep, ..ex("step_up_high", "Higher step-up", "As before, onto a higher step or bench.\nDrive through the front heel.", true, D::new((3, 3), (8, 12), 2)) },
            Exercise { needs: &[Bench, Weights], flexion: Deep, ..ex("step_up_loaded", "Loaded step-up", "Hold weights and step up onto the bench.\nControl the way down.", true, D::new((3, 4), (6, 12), 2).loaded(4.0, 2.0, 40.0)) },
        ],
    },
    Ladder {
        id: "split_squat",
        name: "Squat to split squat",
        stage: S::HeavySlow,
        category: StepUpsAndSquats,
        slot: Slot::A,
        unlock: Unlock::DeepFlexion,
        goals: &[],
        levels: &[
            Exercise { flexion: Moderate, ..ex("heels_elevated_squat", "Heels-elevated squat", "Heels on a small plate or wedge, squat with your chest up.\nPartial depth is fine to start.", false, D::new((3, 3), (10, 15), 2)) },
            Exercise { flexion: Deep, ..ex("split_squat", "Split squat", "Split stance, lower your back knee towards the floor, trunk upright.\nShorten the range if needed.", true, D::new((3, 3), (8, 12), 2)) },
            Exercise { needs: &[Bench], load_needs: Some(Weights), flexion: Deep, ..ex("ffe_split_squat", "Front-foot-elevated split squat", "Front foot on a 5-10 cm step, then split squat.\nAdd weights when 4 x 12 is easy.", true, D::new((3, 4), (6, 12), 2).loaded(0.0, 2.0, 40.0)) },
        ],
    },
    Ladder {
        id: "lateral_hip",
        name: "Side plank and side steps",
        stage: S::HeavySlow,
        category: Support,
        slot: Slot::B,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            Exercise { measure: HoldSeconds, ..ex("short_side_plank", "Short side plank", "On your side, propped on your elbow and knees; lift your hips.\nHold a straight line.", true, D::new((3, 3), (20, 40), 5)) },
            Exercise { measure: HoldSeconds, ..ex("side_plank", "Side plank", "As before, on your elbow and feet.\nHips high, body straight.", true, D::new((3, 3), (20, 45), 5)) },
            Exercise { needs: &[Band], ..ex("banded_side_steps", "Banded side steps", "Band around your knees or ankles, knees soft; step sideways.\nSteps each way count as reps.", false, D::new((3, 3), (10, 15), 1)) },
        ],
    },
    Ladder {
        id: "calf",
        name: "Calf raises",
        stage: S::HeavySlow,
        category: Support,
        slot: Slot::A,
        unlock: Unlock::WithStage,
        goals: &[],
        levels: &[
            ex("calf_raise", "Double-leg calf raise", "Rise up onto your toes and lower slowly.\nHold a wall for balance.", false, D::new((3, 3), (12, 20), 2)),
            ex("single_leg_calf_raise", "Single-leg calf raise", "As before, on one leg.\nFull height, slow down.", true, D::new((3, 3), (10, 15), 1)),
            Exercise { needs: &[Bench], ..ex("deficit_calf_raise", "Single-leg deficit calf raise", "Forefoot on a step, heel lower than the step; rise up fully.\nLower slowly below the step.", true, D::new((3, 3), (10, 15), 1)) },
            Exercise { needs: &[Bench, Weights], ..ex("loaded_calf_raise", "Loaded single-leg calf raise", "As the deficit raise, holding a weight.\nAdd weight in small steps.", true, D::new((3, 4), (8, 12), 1).loaded(4.0, 2.0, 40.0)) },
        ],
    },
    Ladder {
        id: "vertical_jump",
        name: "Vertical jumps",
        stage: S::EnergyStorage,
        category: Jumps,
        slot: Slot::A,
        unlock: Unlock::WithStage,
        goals: RUN_GOALS,
        levels: &[
            ex("vertical_jump_submax", "Double-leg jump, about 80%", "Jump straight up at about 80% effort and stick the landing.\nReset between reps.", false, D::new((2, 3), (6, 8), 1)),
            ex("vertical_jump_max", "Double-leg jump, maximal", "Jump as high as you can and land softly.\nFull reset between reps.", false, D::new((2, 3), (6, 8), 1)),
            ex("single_leg_vertical_jump_submax", "Single-leg jump, about 80%", "Hop straight up on one leg at about 80%.\nStick the landing.", true, D::new((2, 3), (6, 8), 1)),
            ex("single_leg_vertical_jump_max", "Single-leg jump, maximal", "Hop as high as you can on one leg.\nLand softly and hold.", true, D::new((2, 3), (6, 8), 1)),
        ],
    },
    Ladder {
        id: "horizontal_jump",
        name: "Horizontal jumps",
        stage: S::EnergyStorage,
        category: Jumps,
        slot: Slot::B,
        unlock: Unlock::WithStage,
        goals: RUN_GOALS,
        levels: &[
            ex("broad_jump_submax", "Double-leg broad jump, about 80%", "Jump forward at about 80% effort and stick the landing.\nWalk back and reset.", false, D::new((2, 3), (6, 8), 1)),
            ex("broad_jump_max", "Double-leg broad jump, maximal", "Jump forward as far as you can.\nLand softly, knees over toes.", false, D::new((2, 3), (6, 8), 1)),
            ex("single_leg_broad_jump_submax", "Single-leg broad jump, about 80%", "Hop forward on one leg at about 80%.\nStick the landing.", true, D::new((2, 3), (6, 8), 1)),
            ex("single_leg_broad_jump_max", "Single-leg broad jump, maximal", "Hop forward as far as you can on one leg.\nLand and hold.", true, D::new((2, 3), (6, 8), 1)),
        ],
    },
    Ladder {
        id: "running",
        name: "Return to running",
        stage: S::ReturnToRunning,
        category: Running,
        slot: Slot::Every,
        unlock: Unlock::WithStage,
        goals: RUN_GOALS,
        levels: &[
            Exercise { measure: Minutes, ..ex("run_walk_flat", "Walk-run on the flat", "Alternate easy running and walking on flat ground.\nSlow, short steps, upright trunk.", false, D::new((1, 1), (15, 30), 5)) },
            Exercise { measure: Minutes, ..ex("easy_run_flat", "Easy run on the flat", "Run continuously, slow enough to talk, on flat ground.\nCadence up a little, trunk upright.", false, D::new((1, 1), (20, 40), 5)) },
            Exercise { measure: Minutes, ..ex("run_gentle_hills", "Easy run with gentle hills", "Your easy run with a few gentle slopes.\nKeep the uphill effort easy.", false, D::new((1, 1), (20, 40), 5)) },
            Exercise { measure: Minutes, ..ex("run_with_strides", "Easy run with strides", "Your easy run, then 4-6 short relaxed strides.\nBuild speed gradually within each stride.", false, D::new((1, 1), (20, 40), 5)) },
            Exercise { measure: Reps, ..ex("build_up_sprints", "Build-up sprints", "After a warm-up, sprints that build to 80-90% over about 40 m.\nWalk back between each.", false, D::new((1, 2), (4, 8), 1)) },
        ],
    },
];
