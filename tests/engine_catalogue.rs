#![cfg(not(target_arch = "wasm32"))]
//! The catalogue as data: every ladder of rehab-model §4 is there and sound.

use hamstring_rehab::engine::catalogue::{
    exercises, find_exercise, ladder, Category, Flexion, Measure, Stage, Unlock, LADDERS,
};
use std::collections::BTreeSet;

#[test]
fn ids_are_unique_and_doses_climb() {
    let mut seen = BTreeSet::new();
    for (l, i, e) in exercises() {
        assert!(seen.insert(e.id), "duplicate id {}", e.id);
        let d = &e.dose;
        assert!(
            d.sets_start >= 1 && d.sets_start <= d.sets_target,
            "{}",
            e.id
        );
        assert!(
            d.amount_start >= 1 && d.amount_start <= d.amount_target && d.amount_step >= 1,
            "{}",
            e.id
        );
        assert!(
            !d.loadable() || d.load_start_kg + d.load_step_kg <= d.load_cap_kg,
            "{}",
            e.id
        );
        assert!(
            e.how.lines().count() == 2,
            "two lines of how-to for {}",
            e.id
        );
        assert!(e
            .criterion()
            .contains(&format!("{} x {}", d.sets_target, d.amount_target)));
        assert_eq!(l.level(i).id, e.id);
    }
}

#[test]
fn every_ladder_of_the_model_is_there() {
    let ladder_ids = |id: &str| {
        ladder(id)
            .unwrap()
            .levels
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ladder_ids("bridge"),
        [
            "double_leg_bridge",
            "single_leg_bridge",
            "hip_thrust",
            "single_leg_hip_thrust"
        ]
    );
    assert_eq!(
        ladder_ids("slider"),
        [
            "slider_eccentric",
            "slider_curl",
            "single_leg_slider_eccentric",
            "single_leg_slider_curl"
        ]
    );
    assert_eq!(
        ladder_ids("hamstring_bridge"),
        [
            "fe_ll_bridge",
            "fe_ll_bridge_eccentric",
            "fe_ll_bridge_single"
        ]
    );
    assert_eq!(
        ladder_ids("split_squat"),
        ["heels_elevated_squat", "split_squat", "ffe_split_squat"]
    );
    assert_eq!(
        ladder_ids("iso").len(),
        6,
        "the six isometric options of 000_"
    );
    for id in [
        "prone_curl",
        "nordic",
        "seated_curl",
        "deadlift",
        "single_leg_deadlift",
        "roman_chair",
        "step_up",
        "lateral_hip",
        "calf",
        "vertical_jump",
        "horizontal_jump",
        "running",
    ] {
        assert!(ladder(id).is_some(), "{id}");
    }
    let cats: BTreeSet<_> = LADDERS
        .iter()
        .filter(|l| l.stage == Stage::HeavySlow)
        .map(|l| format!("{:?}", l.category))
        .collect();
    assert_eq!(cats.len(), 5, "five stage-2 categories: {cats:?}");
    assert_eq!(ladder("vertical_jump").unwrap().levels.len(), 4);
    assert_eq!(ladder("horizontal_jump").unwrap().levels.len(), 4);
}

#[test]
fn compression_is_late_and_holds_are_neutral() {
    for (l, _, e) in exercises() {
        if l.stage == Stage::Isometric {
            assert_eq!(e.flexion, Flexion::Neutral, "{}", e.id);
            assert_eq!(e.measure, Measure::HoldSeconds);
        }
        if e.flexion == Flexion::Deep {
            // Deep work sits on a ladder that needs the deep-flexion gate, or
            // behind a level of one that does not start deep.
            let gated = l.unlock == Unlock::DeepFlexion || l.levels[0].flexion != Flexion::Deep;
            assert!(
                gated && l.stage >= Stage::HeavySlow,
                "{} is compressive",
                e.id
            );
        }
        if l.category == Category::Jumps {
            assert_eq!(l.stage, Stage::EnergyStorage);
        }
    }
}

#[test]
fn lookups_by_id_and_by_place_agree() {
    for (i, l) in LADDERS.iter().enumerate() {
        assert_eq!(l.index(), i, "{}", l.id);
        assert_eq!(ladder(l.id).map(|x| x.index()), Some(i));
    }
    for (l, i, e) in exercises() {
        let (found, level, ex) = find_exercise(e.id).expect(e.id);
        assert_eq!((found.id, level, ex.id), (l.id, i, e.id));
    }
    assert!(find_exercise("no_such_exercise").is_none());
    assert!(find_exercise("").is_none());
}

/// The replay judges a day's exercises in catalogue order, so a ladder that
/// unlocks another must come before it: the dependent one then sees the
/// same day's decision on the ladder it waits for.
#[test]
fn a_ladder_comes_after_the_ladder_that_unlocks_it() {
    for l in LADDERS {
        if let Unlock::AfterLevel { ladder: other, .. } = l.unlock {
            let o = ladder(other).expect("the unlocking ladder exists");
            assert!(o.index() < l.index(), "{} before {}", o.id, l.id);
        }
    }
}
