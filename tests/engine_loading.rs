#![cfg(not(target_arch = "wasm32"))]
//! Other loading as the UI sends it: one form's loads of one day.

use chrono::NaiveDate;
use hamstring_rehab::engine::edit::{apply, Edit, EditError};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::synthetic::{settings, Sim};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, d).unwrap()
}

fn log() -> Log {
    Sim::new(settings(Goal::Running, day(1)), SelfTest::Bridge, 2).log
}

#[test]
fn a_days_loads_from_one_form_are_saved_together_or_not_at_all() {
    let mut log = log();
    let before = log.clone();
    let run = ActivityKind::Run {
        km: 5.0,
        minutes: 30,
        hills: true,
        fast: false,
    };
    // The second load breaks a rule: the run before it is taken back, so
    // the same form saved again after a fix does not log the run twice.
    let bad = Edit::Activities {
        date: day(1),
        kinds: vec![run.clone(), ActivityKind::Sitting { hours: 30.0 }],
    };
    assert!(matches!(
        apply(&mut log, day(2), bad),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(log, before);
    let good = Edit::Activities {
        date: day(1),
        kinds: vec![run.clone(), ActivityKind::Walk { minutes: 40 }],
    };
    apply(&mut log, day(2), good).unwrap();
    let saved: Vec<_> = log
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Activity(a) => Some((e.date, a.kind.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        saved,
        vec![(day(1), run), (day(1), ActivityKind::Walk { minutes: 40 })]
    );
    let future = Edit::Activities {
        date: day(3),
        kinds: vec![ActivityKind::Walk { minutes: 10 }],
    };
    assert_eq!(apply(&mut log, day(2), future), Err(EditError::FutureDate));
}
