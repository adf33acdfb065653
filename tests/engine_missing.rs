#![cfg(not(target_arch = "wasm32"))]
//! Data that is not there is not zero (issue 12 point 12): a set saved
//! without a pain rating has none, never counts as 0/10, and never lets a
//! dose step up; rated sets are stored exactly as before.

use hamstring_rehab::engine::decide::{DecisionKind, Phase, Why};
use hamstring_rehab::engine::json::FromJson;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::replay::Replay;
use hamstring_rehab::engine::synthetic::Sim;
use proptest::prelude::*;

mod engine_support;

use engine_support::*;

/// Take the pain rating off every set of `exercise` in the latest session.
fn unrate(sim: &mut Sim, exercise: &str) {
    let Some(Entry {
        kind: EntryKind::Session(s),
        ..
    }) = sim.log.entries.last_mut()
    else {
        panic!("the latest entry is the session");
    };
    for b in s.blocks.iter_mut().filter(|b| b.exercise == exercise) {
        for set in &mut b.sets {
            set.pain = None;
        }
    }
}

#[test]
fn a_bridge_saved_without_pain_holds_on_a_good_morning() {
    let mut sim = runner();
    sim.morning(2);
    assert!(sim.train(1, Response::Better), "Monday is Session A");
    unrate(&mut sim, "double_leg_bridge");
    let preview = sim.plan();
    let d = preview
        .decisions
        .iter()
        .find(|d| d.phase == Phase::AfterSession && d.exercise == "double_leg_bridge")
        .unwrap();
    assert_eq!(d.why, Why::PainNotRated { sets: 3 });
    assert_eq!(
        d.reason(),
        "3 sets were saved without a pain rating, so this dose stays: a rating you did not give is never taken as 0/10."
    );
    sim.next_day();
    sim.morning(2);
    let tuesday = sim.plan();
    let bridge = bridge(&tuesday).unwrap();
    assert_eq!(bridge.kind, DecisionKind::Hold, "{}", bridge.reason());
    assert_eq!(
        bridge.reason(),
        "Held: 3 sets were saved without a pain rating, and a dose never steps up on a rating that was not given."
    );
    assert_eq!(bridge.after, bridge.before);
    // The calf raises of the same session were rated, and step up as usual.
    let calf = morning_decisions(&tuesday)
        .into_iter()
        .find(|d| d.exercise == "calf_raise")
        .unwrap();
    assert_eq!(calf.kind, DecisionKind::Progress, "{}", calf.reason());
}

#[test]
fn an_unrated_set_is_left_out_of_the_pain_chart() {
    let mut sim = runner();
    sim.morning(2);
    assert!(sim.train(1, Response::Better));
    unrate(&mut sim, "double_leg_bridge");
    let p = hamstring_rehab::engine::progress::progress(&sim.log, sim.today);
    assert!(p.pains.iter().all(|x| x.exercise != "double_leg_bridge"));
    assert!(p
        .pains
        .iter()
        .any(|x| x.exercise == "calf_raise" && x.pain == 1));
}

#[test]
fn rated_sets_store_as_before_and_unrated_ones_leave_pain_out() {
    let rated = SetLog {
        n: 10,
        kg: 0.0,
        pain: Some(2),
        effort: None,
    };
    assert_eq!(
        hamstring_rehab::json::to_string(&rated),
        r#"{"n":10,"pain":2}"#
    );
    let unrated = SetLog {
        pain: None,
        ..rated.clone()
    };
    let text = hamstring_rehab::json::to_string(&unrated);
    assert_eq!(text, r#"{"n":10}"#);
    let back = SetLog::from_json(&hamstring_rehab::json::parse(&text).unwrap()).unwrap();
    assert_eq!(back.pain, None, "missing stays missing, not 0/10");
    let old = hamstring_rehab::json::parse(r#"{"n":12,"kg":5,"pain":0}"#).unwrap();
    assert_eq!(SetLog::from_json(&old).unwrap().pain, Some(0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Missing pain never yields progress: whatever sets lose their
    /// rating, no exercise and side steps up after a session in which any
    /// of its sets was unrated.
    #[test]
    fn missing_pain_never_yields_progress(mask in prop::collection::vec(any::<u8>(), 40..90)) {
        let mut sim = runner();
        for m in &mask {
            sim.morning(2);
            if sim.train(1, Response::Better) {
                if let Some(Entry { kind: EntryKind::Session(s), .. }) = sim.log.entries.last_mut() {
                    for (i, b) in s.blocks.iter_mut().enumerate() {
                        if (m >> (i % 8)) & 1 == 1 {
                            b.sets[0].pain = None;
                        }
                    }
                }
            }
            sim.next_day();
        }
        let r = Replay::run(&sim.log, sim.today);
        for d in r.decisions.iter().filter(|d| d.kind == DecisionKind::Progress) {
            let day = r.day(d.session_date).unwrap();
            for kb in day.blocks().filter(|kb| kb.ladder.id == d.ladder) {
                let same_leg = d.side == Side::Both || kb.block.side == d.side || kb.block.side == Side::Both;
                if same_leg {
                    prop_assert!(
                        kb.block.sets.iter().all(|s| s.pain.is_some()),
                        "{} {:?} stepped up on {} with an unrated set",
                        d.exercise, d.side, d.session_date
                    );
                }
            }
        }
    }
}
