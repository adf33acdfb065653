//! When the morning self-test has grown too easy to tell anything: the
//! suggestion to move up the test ladder (rehab-model §3, "the self-test
//! moves up"). The user decides; the engine only suggests.

use super::model::SelfTest;
use super::replay::{days_back, Replay};
use super::rules::*;
use chrono::NaiveDate;

/// The next harder test of the ladder (rehab-model §2 order), if any. The
/// morning walk is a daily task, not a step of the ladder.
pub fn harder(test: SelfTest) -> Option<SelfTest> {
    match test {
        SelfTest::Bridge => Some(SelfTest::LongLeverBridge),
        SelfTest::LongLeverBridge => Some(SelfTest::FootElevatedBridge),
        SelfTest::FootElevatedBridge => Some(SelfTest::LongLeverFootElevatedBridge),
        SelfTest::LongLeverFootElevatedBridge => Some(SelfTest::Rdl),
        SelfTest::Rdl | SelfTest::MorningWalk => None,
    }
}

/// Training exercises that ask at least as much of the hamstring tendon as
/// `test`, one leg at a time or with a longer lever: done nearly pain-free,
/// they show the tendon has moved past the current test. A clinical
/// judgement from the catalogue's own order (docs/engine.md).
fn beyond(test: SelfTest) -> &'static [&'static str] {
    match test {
        SelfTest::LongLeverBridge => &[
            "single_leg_hip_thrust",
            "fe_ll_bridge",
            "fe_ll_bridge_eccentric",
            "fe_ll_bridge_single",
            "single_leg_rdl",
        ],
        SelfTest::FootElevatedBridge => &[
            "fe_ll_bridge",
            "fe_ll_bridge_eccentric",
            "fe_ll_bridge_single",
            "single_leg_rdl",
        ],
        SelfTest::LongLeverFootElevatedBridge => &["fe_ll_bridge_single", "single_leg_rdl"],
        SelfTest::Rdl => &["single_leg_rdl", "barbell_deadlift"],
        SelfTest::Bridge | SelfTest::MorningWalk => &[],
    }
}

/// A harder test worth trying, and what shows it is time.
#[derive(Clone, Debug, PartialEq)]
pub struct HarderTest {
    pub to: SelfTest,
    /// The name of the exercise done nearly pain-free that is beyond the
    /// current test.
    pub shown_by: &'static str,
}

/// Suggests the next test when, over the last
/// [`SELF_TEST_REVIEW_DAYS`] (all on the current test and baseline), the
/// mornings were checked on most days and all sat at or under baseline,
/// and on [`SELF_TEST_EVIDENCE_DAYS`] of them the training went beyond the
/// next test with pain at most [`MINIMAL_PAIN`].
pub fn suggest_harder_test(r: &Replay, today: NaiveDate) -> Option<HarderTest> {
    let to = harder(r.test)?;
    if !r.red_flags.is_empty() {
        return None;
    }
    let from = days_back(today, SELF_TEST_REVIEW_DAYS - 1);
    let window = || r.days.map.range(from..=today);
    // The whole window on the test and baseline now in force.
    let since = r
        .days
        .map
        .range(..=today)
        .rev()
        .find(|(_, d)| d.baseline.is_some())?;
    if *since.0 > days_back(today, SELF_TEST_REVIEW_DAYS) {
        return None;
    }
    // Each check-in against its baseline, on the worse leg when rated
    // per leg (issue 12 point 2).
    let at = r.mornings.partition_point(|m| m.date < from);
    let mornings = &r.mornings[at..r.mornings.partition_point(|m| m.date <= today)];
    let settled = mornings.len() >= SELF_TEST_REVIEW_MIN_MORNINGS
        && mornings.iter().all(|m| m.excess() <= 0 && !m.flare);
    if !settled {
        return None;
    }
    let wanted = beyond(to);
    let mut shown_by = None;
    let days = window()
        .filter(|(_, d)| {
            let hit = d.blocks().find(|b| {
                wanted.contains(&b.block.exercise.as_str())
                    && !b.block.sets.is_empty()
                    && b.block
                        .sets
                        .iter()
                        .all(|s| s.pain.is_some_and(|p| p <= MINIMAL_PAIN))
            });
            if let Some(b) = hit {
                shown_by = Some(b.ladder.level(b.level).name);
            }
            hit.is_some()
        })
        .count();
    (days >= SELF_TEST_EVIDENCE_DAYS).then(|| HarderTest {
        to,
        shown_by: shown_by.expect("counted days have an exercise"),
    })
}
