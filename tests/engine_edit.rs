#![cfg(not(target_arch = "wasm32"))]
//! Edits: what the UI sends, checked before it touches the log.

use chrono::NaiveDate;
use hamstring_rehab::engine::catalogue::Stage;
use hamstring_rehab::engine::edit::{
    apply, done_for_today, finished_today, open_session, start, Edit, EditError,
};
use hamstring_rehab::engine::limits::{
    Invalid, EARLIEST_DATE, MAX_ID, MAX_NOTE_CHARS, MAX_SETS, MAX_SITTING_HOURS,
};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::synthetic::{settings, Sim};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, d).unwrap()
}

fn log() -> Log {
    Sim::new(settings(Goal::Running, day(1)), SelfTest::Bridge, 2).log
}

fn set(n: u16, pain: u8) -> SetLog {
    SetLog {
        n,
        kg: 0.0,
        pain: Some(pain),
        effort: None,
    }
}

fn add(log: &mut Log, ex: &str, side: Side, s: SetLog) -> Result<u64, EditError> {
    apply(
        log,
        day(2),
        Edit::AddSet {
            exercise: ex.into(),
            side,
            set: s,
        },
    )
}

#[test]
fn sets_build_one_open_session_until_it_is_finished() {
    let mut log = log();
    let a = add(&mut log, "double_leg_bridge", Side::Both, set(10, 1)).unwrap();
    let b = add(&mut log, "double_leg_bridge", Side::Both, set(10, 2)).unwrap();
    let c = add(&mut log, "single_leg_bridge", Side::Left, set(8, 1)).unwrap();
    assert!(a == b && b == c, "one session");
    let (_, s) = open_session(&log, day(2)).expect("still open: a reopened app resumes it");
    assert_eq!(s.blocks.len(), 2);
    assert_eq!(s.blocks[0].sets.len(), 2);
    apply(
        &mut log,
        day(2),
        Edit::UndoSet {
            exercise: "single_leg_bridge".into(),
            side: Side::Left,
        },
    )
    .unwrap();
    assert_eq!(
        open_session(&log, day(2)).unwrap().1.blocks.len(),
        1,
        "an empty block goes"
    );
    apply(
        &mut log,
        day(2),
        Edit::FinishSession {
            response: Response::Better,
            note: Some("  felt good ".into()),
        },
    )
    .unwrap();
    assert!(open_session(&log, day(2)).is_none());
    let EntryKind::Session(s) = &log.entry(a).unwrap().kind else {
        panic!()
    };
    assert_eq!(
        (s.response, s.note.as_deref()),
        (Some(Response::Better), Some("felt good"))
    );
    let d = add(&mut log, "iso_bridge", Side::Both, set(30, 1)).unwrap();
    assert_ne!(d, a, "a later session that day is a new one");
}

#[test]
fn a_second_morning_rating_corrects_the_first() {
    let mut log = log();
    let first = apply(&mut log, day(2), Edit::Morning { rating: 7 }).unwrap();
    let second = apply(&mut log, day(2), Edit::Morning { rating: 2 }).unwrap();
    assert_eq!(first, second);
    let mornings: Vec<u8> = log
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Morning(m) => Some(m.rating),
            _ => None,
        })
        .collect();
    assert_eq!(mornings, [2]);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let mut log = log();
    let before = log.clone();
    assert_eq!(
        apply(&mut log, day(2), Edit::Morning { rating: 11 }),
        Err(EditError::Invalid(Invalid::OutOfRange("morning rating")))
    );
    assert!(matches!(
        add(&mut log, "moon_squat", Side::Both, set(10, 1)),
        Err(EditError::UnknownExercise(_))
    ));
    assert!(add(&mut log, "double_leg_bridge", Side::Both, set(0, 1)).is_err());
    assert!(add(&mut log, "double_leg_bridge", Side::Both, set(10, 11)).is_err());
    assert!(add(
        &mut log,
        "double_leg_bridge",
        Side::Both,
        SetLog {
            kg: f32::NAN,
            ..set(10, 1)
        }
    )
    .is_err());
    assert_eq!(
        apply(
            &mut log,
            day(2),
            Edit::FinishSession {
                response: Response::Same,
                note: None
            }
        ),
        Err(EditError::NoOpenSession)
    );
    let run = ActivityKind::Run {
        km: 5.0,
        minutes: 30,
        hills: false,
        fast: false,
    };
    assert_eq!(
        apply(
            &mut log,
            day(2),
            Edit::Activity {
                date: day(3),
                kind: run
            }
        ),
        Err(EditError::FutureDate)
    );
    let mut s = log.settings.clone();
    s.pain_ceiling = 6;
    assert!(apply(&mut log, day(2), Edit::Settings(s)).is_err());
    assert_eq!(
        apply(&mut log, day(2), Edit::Delete(999)),
        Err(EditError::NoSuchEntry)
    );
    assert_eq!(log, before);
    assert!(EditError::Invalid(Invalid::OutOfRange("pain rating"))
        .message()
        .contains("pain rating"));
}

#[test]
fn activities_may_be_logged_for_yesterday_and_entries_corrected() {
    let mut log = log();
    let id = apply(
        &mut log,
        day(2),
        Edit::Activity {
            date: day(1),
            kind: ActivityKind::Sitting { hours: 6.0 },
        },
    )
    .unwrap();
    assert_eq!(log.entry(id).unwrap().date, day(1));
    let m = apply(&mut log, day(2), Edit::Morning { rating: 5 }).unwrap();
    let fixed = Entry {
        id: m,
        date: day(2),
        kind: EntryKind::Morning(Morning {
            rating: 2,
            legs: None,
            extra: Extra::new(),
        }),
    };
    apply(&mut log, day(2), Edit::Replace(fixed.clone())).unwrap();
    assert_eq!(log.entry(m), Some(&fixed));
    apply(&mut log, day(2), Edit::Delete(m)).unwrap();
    assert!(log.entry(m).is_none());
}

#[test]
fn a_finished_heavy_session_is_done_for_the_day_but_holds_may_be_repeated() {
    let mut log = log();
    let finish = |log: &mut Log| {
        apply(
            log,
            day(2),
            Edit::FinishSession {
                response: Response::Same,
                note: None,
            },
        )
        .unwrap()
    };
    assert!(
        !done_for_today(&log, day(2), Stage::HeavySlow),
        "nothing logged yet"
    );
    add(&mut log, "single_leg_bridge", Side::Left, set(8, 1)).unwrap();
    assert!(
        !done_for_today(&log, day(2), Stage::HeavySlow),
        "open: resume it"
    );
    finish(&mut log);
    assert_eq!(finished_today(&log, day(2)), 1);
    assert!(done_for_today(&log, day(2), Stage::HeavySlow));
    assert!(done_for_today(&log, day(2), Stage::EnergyStorage));
    assert!(
        !done_for_today(&log, day(2), Stage::Isometric),
        "holds again, hours apart"
    );
    assert!(!done_for_today(&log, day(3), Stage::HeavySlow), "a new day");
    // A second round of holds that day is open until it is finished.
    add(&mut log, "iso_bridge", Side::Both, set(30, 1)).unwrap();
    assert!(!done_for_today(&log, day(2), Stage::HeavySlow));
    finish(&mut log);
    assert_eq!(finished_today(&log, day(2)), 2);
}

fn finish(log: &mut Log, note: &str) -> Result<u64, EditError> {
    let edit = Edit::FinishSession {
        response: Response::Same,
        note: Some(note.into()),
    };
    apply(log, day(2), edit)
}

#[test]
fn a_note_longer_than_a_backup_keeps_is_refused_and_the_session_stays_open() {
    let mut log = log();
    add(&mut log, "double_leg_bridge", Side::Both, set(10, 1)).unwrap();
    let before = log.clone();
    // The note: 11,199 characters were saved, then not restored.
    let err = finish(&mut log, &"x".repeat(11_199)).unwrap_err();
    assert_eq!(
        err,
        EditError::Invalid(Invalid::TooLong {
            what: "note",
            max: MAX_NOTE_CHARS
        })
    );
    assert_eq!(
        err.message(),
        "That note is too long: the app keeps up to 10,000 characters."
    );
    assert_eq!(log, before);
    // Characters, not bytes: the counter the user sees counts the same.
    let longest = "é".repeat(MAX_NOTE_CHARS);
    let id = finish(&mut log, &format!("  {longest}\n")).unwrap();
    let Some(EntryKind::Session(s)) = log.entry(id).map(|e| &e.kind) else {
        panic!("a session");
    };
    assert_eq!(s.note.as_deref(), Some(longest.as_str()));
}

#[test]
fn a_correction_is_held_to_the_rules_the_check_in_form_is() {
    let mut log = log();
    let sat = |hours| ActivityKind::Sitting { hours };
    let id = apply(
        &mut log,
        day(2),
        Edit::Activity {
            date: day(1),
            kind: sat(6.0),
        },
    )
    .unwrap();
    let before = log.clone();
    let corrected = |kind| {
        Edit::Replace(Entry {
            id,
            date: day(1),
            kind: EntryKind::Activity(Activity { kind }),
        })
    };
    let run = ActivityKind::Run {
        km: 5_000.0,
        minutes: 600,
        hills: false,
        fast: false,
    };
    for (kind, what) in [(sat(25.0), "time sitting"), (run, "run distance")] {
        let err = apply(&mut log, day(2), corrected(kind)).unwrap_err();
        assert_eq!(err, EditError::Invalid(Invalid::OutOfRange(what)));
        assert!(err.message().contains(what), "{}", err.message());
        assert_eq!(log, before, "a refused correction changes nothing");
    }
    apply(&mut log, day(2), corrected(sat(MAX_SITTING_HOURS))).unwrap();
    assert_ne!(log, before);
}

#[test]
fn a_session_cannot_grow_past_what_a_backup_holds() {
    let mut log = log();
    add(&mut log, "double_leg_bridge", Side::Both, set(10, 1)).unwrap();
    let Some(EntryKind::Session(s)) = log.entries.last_mut().map(|e| &mut e.kind) else {
        panic!("the open session");
    };
    s.blocks[0].sets = vec![set(10, 1); MAX_SETS];
    let before = log.clone();
    let err = add(&mut log, "double_leg_bridge", Side::Both, set(10, 1)).unwrap_err();
    assert!(matches!(err, EditError::Invalid(Invalid::TooMany { .. })));
    assert_eq!(log, before);
    // Another exercise is a block of its own, with room.
    add(&mut log, "single_leg_bridge", Side::Left, set(8, 1)).unwrap();
}

#[test]
fn ids_never_wrap_round_to_one_in_use() {
    for largest in [MAX_ID, u64::MAX] {
        let mut log = log();
        log.entries[0].id = largest;
        assert_eq!(log.next_id(), None);
        let before = log.clone();
        let err = apply(&mut log, day(2), Edit::Morning { rating: 3 }).unwrap_err();
        assert_eq!(err, EditError::NoIdsLeft);
        assert!(!err.message().contains(&largest.to_string()));
        assert_eq!(log, before);
    }
    let mut log = log();
    log.entries[0].id = MAX_ID - 1;
    assert_eq!(apply(&mut log, day(2), Edit::Flare), Ok(MAX_ID));
}

#[test]
fn a_wrong_clock_cannot_date_entries_no_backup_would_restore() {
    let mut log = log();
    let before = log.clone();
    let err = apply(&mut log, EARLIEST_DATE.pred_opt().unwrap(), Edit::Flare).unwrap_err();
    assert_eq!(err, EditError::Invalid(Invalid::Date));
    assert!(err.message().contains("2000 to 2100"), "{}", err.message());
    assert_eq!(log, before);
    let mut s = settings(Goal::Running, NaiveDate::from_ymd_opt(1970, 1, 1).unwrap());
    let baseline = |rating| Baseline {
        test: SelfTest::Bridge,
        two_legs: false,
        rating,
        legs: None,
        extra: Extra::new(),
    };
    assert_eq!(
        start(s.clone(), baseline(3)),
        Err(EditError::Invalid(Invalid::Date))
    );
    s.start_date = day(1);
    assert!(start(s.clone(), baseline(11)).is_err());
    assert_eq!(start(s.clone(), baseline(3)).unwrap().entries.len(), 1);
}
