#![cfg(not(target_arch = "wasm32"))]
//! The stage rules as a part of their own (issue 16 point 6): they read a
//! [`Standing`] and return a verdict; only the replay applies it.

use hamstring_rehab::engine::catalogue::{Ladder, Stage};
use hamstring_rehab::engine::days::Days;
use hamstring_rehab::engine::dose::Position;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::stage::{review, Standing};
use hamstring_rehab::engine::synthetic::{settings, Sim};

mod engine_support;

use engine_support::monday;

/// An irritable start after some days of holds, told as plain numbers.
struct After<'a> {
    log: &'a Log,
    days: Days<'a>,
    holds: usize,
    stable: bool,
    red_flag: bool,
}

impl Standing for After<'_> {
    fn settings(&self) -> &Settings {
        &self.log.settings
    }
    fn days(&self) -> &Days<'_> {
        &self.days
    }
    fn stage(&self) -> Stage {
        Stage::Isometric
    }
    fn isometric_days(&self) -> usize {
        self.holds
    }
    fn stable(&self) -> bool {
        self.stable
    }
    fn position(&self, ladder: &'static Ladder, _: Side) -> Position {
        Position::start(ladder, 0)
    }
    fn touched(&self, _: &Ladder) -> bool {
        false
    }
    fn red_flag(&self) -> bool {
        self.red_flag
    }
    fn settled_after(&self, _: chrono::NaiveDate) -> bool {
        self.stable
    }
    fn knocked(&self, _: &Ladder, _: Side) -> Option<chrono::NaiveDate> {
        None
    }
    fn deep_open(&self) -> bool {
        false
    }
}

#[test]
fn four_days_of_holds_and_steady_mornings_open_stage_two() {
    let mut s = settings(Goal::Running, monday());
    s.irritability.pain_at_rest = true;
    let log = Sim::new(s, SelfTest::Bridge, 2).log;
    let at = |holds, stable, red_flag| {
        review(
            &After {
                log: &log,
                days: Days::new(&log),
                holds,
                stable,
                red_flag,
            },
            monday(),
        )
    };
    let open = at(4, true, false);
    let moved = open.moved.expect("the gate is met");
    assert_eq!((moved.stage, moved.date), (Stage::HeavySlow, monday()));
    assert!(
        moved
            .reason
            .starts_with("Gate met: 4 days of holds within your pain ceiling (4 so far)"),
        "{}",
        moved.reason
    );
    assert!(
        !open.deep_unlocked,
        "deep flexion waits for stage 2 and the bridge"
    );
    assert_eq!(at(3, true, false).moved, None, "one day of holds short");
    assert_eq!(at(4, false, false).moved, None, "mornings not steady");
    assert_eq!(at(4, true, true).moved, None, "a red flag holds the stage");
}
