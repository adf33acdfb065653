#![cfg(not(target_arch = "wasm32"))]
//! The promise of issue 17: anything the app can store it can restore.
//! Random days of use (sets, check-ins, notes, activities, corrections and
//! deletes, with values on both sides of every limit) go through the
//! engine's edits and the repository as the UI sends them; whatever the
//! edits accept passes the import's checks, and its backup, imported on
//! an empty device, gives the same log.

mod storage_support;

use chrono::{Days, NaiveDate};
use hamstring_rehab::engine::edit::{apply, start, Edit};
use hamstring_rehab::engine::limits::{check_log, MAX_NOTE_CHARS};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::synthetic::settings;
use hamstring_rehab::storage::{parse_backup, MemoryStore, Repository};
use proptest::prelude::*;
use storage_support::reopen;

/// What the user does, with the values the UI would let through and
/// some it must not; corrections and deletes pick an entry by position.
#[derive(Clone, Debug)]
enum Act {
    NextDay,
    Morning(u8),
    Set(usize, Side, SetLog),
    Undo(usize, Side),
    Finish(Response, Option<String>),
    Activity(u64, ActivityKind),
    Flare,
    Baseline(u8),
    Ceiling(u8),
    Correct(usize, u64, Fix),
    Delete(usize),
}

/// A correction as History's form makes one.
#[derive(Clone, Debug)]
enum Fix {
    Rating(u8),
    Note(Option<String>),
    Hours(f32),
    Km(f32),
    FirstSet(SetLog),
}

const EXERCISES: [&str; 4] = [
    "double_leg_bridge",
    "single_leg_bridge",
    "iso_bridge",
    "moon",
];

fn note() -> impl Strategy<Value = Option<String>> {
    let len = prop_oneof![
        Just(0),
        1..40usize,
        Just(MAX_NOTE_CHARS),
        Just(MAX_NOTE_CHARS + 1)
    ];
    let ch = prop_oneof![Just('a'), Just('é'), Just('💪'), Just(' '), Just('"')];
    prop::option::of((len, ch).prop_map(|(n, c)| c.to_string().repeat(n)))
}

fn set_log() -> impl Strategy<Value = SetLog> {
    let kg = prop_oneof![
        Just(0.0f32),
        Just(12.5),
        Just(1_000.0),
        Just(1_000.5),
        Just(f32::NAN)
    ];
    (
        0..=700u16,
        kg,
        prop::option::of(0..=11u8),
        prop::option::of(0..=11u8),
    )
        .prop_map(|(n, kg, pain, effort)| SetLog {
            n,
            kg,
            pain,
            effort,
        })
}

fn side() -> impl Strategy<Value = Side> {
    prop_oneof![Just(Side::Left), Just(Side::Right), Just(Side::Both)]
}

fn activity() -> impl Strategy<Value = ActivityKind> {
    let km = prop_oneof![Just(0.0f32), Just(5.0), Just(1_000.0), Just(5_000.0)];
    let hours = prop_oneof![Just(0.0f32), Just(8.5), Just(24.0), Just(25.0)];
    prop_oneof![
        (km, 0..=1_500u16, any::<bool>()).prop_map(|(km, minutes, hills)| ActivityKind::Run {
            km,
            minutes,
            hills,
            fast: !hills,
        }),
        hours.prop_map(|hours| ActivityKind::Sitting { hours }),
        (0..=1_500u16).prop_map(|minutes| ActivityKind::Walk { minutes }),
    ]
}

fn fix() -> impl Strategy<Value = Fix> {
    prop_oneof![
        (0..=12u8).prop_map(Fix::Rating),
        note().prop_map(Fix::Note),
        prop_oneof![Just(3.0f32), Just(25.0)].prop_map(Fix::Hours),
        prop_oneof![Just(8.0f32), Just(5_000.0)].prop_map(Fix::Km),
        set_log().prop_map(Fix::FirstSet),
    ]
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        2 => Just(Act::NextDay),
        2 => (0..=12u8).prop_map(Act::Morning),
        6 => (0..EXERCISES.len(), side(), set_log()).prop_map(|(e, s, l)| Act::Set(e, s, l)),
        1 => (0..EXERCISES.len(), side()).prop_map(|(e, s)| Act::Undo(e, s)),
        2 => (prop_oneof![Just(Response::Better), Just(Response::Worse)], note())
            .prop_map(|(r, n)| Act::Finish(r, n)),
        2 => (0..3u64, activity()).prop_map(|(d, k)| Act::Activity(d, k)),
        1 => Just(Act::Flare),
        1 => (0..=11u8).prop_map(Act::Baseline),
        1 => (0..=7u8).prop_map(Act::Ceiling),
        3 => (any::<usize>(), 0..3u64, fix()).prop_map(|(i, d, f)| Act::Correct(i, d, f)),
        1 => any::<usize>().prop_map(Act::Delete),
    ]
}

/// The entry at `i` (by position) corrected by `fix`, dated `back` days
/// earlier, as History's form sends it.
fn corrected(log: &Log, i: usize, back: u64, fix: Fix) -> Option<Edit> {
    let mut entry = log.entries.get(i % log.entries.len().max(1))?.clone();
    entry.date = entry.date.checked_sub_days(Days::new(back))?;
    match (&mut entry.kind, fix) {
        (EntryKind::Morning(m), Fix::Rating(r)) => m.rating = r,
        (EntryKind::Baseline(b), Fix::Rating(r)) => b.rating = r,
        (EntryKind::Session(s), Fix::Note(n)) => s.note = n,
        (EntryKind::Session(s), Fix::FirstSet(set)) => {
            *s.blocks.first_mut()?.sets.first_mut()? = set;
        }
        (EntryKind::Activity(a), Fix::Hours(h)) => match &mut a.kind {
            ActivityKind::Sitting { hours } => *hours = h,
            _ => return None,
        },
        (EntryKind::Activity(a), Fix::Km(k)) => match &mut a.kind {
            ActivityKind::Run { km, .. } => *km = k,
            _ => return None,
        },
        _ => return None,
    }
    Some(Edit::Replace(entry))
}

fn edit_for(log: &Log, today: NaiveDate, act: Act) -> Option<Edit> {
    let mut s = log.settings.clone();
    Some(match act {
        Act::NextDay => return None,
        Act::Morning(rating) => Edit::Morning { rating },
        Act::Set(e, side, set) => Edit::AddSet {
            exercise: EXERCISES[e].into(),
            side,
            set,
        },
        Act::Undo(e, side) => Edit::UndoSet {
            exercise: EXERCISES[e].into(),
            side,
        },
        Act::Finish(response, note) => Edit::FinishSession { response, note },
        Act::Activity(back, kind) => Edit::Activity {
            date: today.checked_sub_days(Days::new(back))?,
            kind,
        },
        Act::Flare => Edit::Flare,
        Act::Baseline(rating) => Edit::Baseline(Baseline {
            test: SelfTest::Bridge,
            two_legs: false,
            rating,
            legs: None,
            extra: Extra::new(),
        }),
        Act::Ceiling(c) => {
            s.pain_ceiling = c;
            Edit::Settings(s)
        }
        Act::Correct(i, back, fix) => return corrected(log, i, back, fix),
        Act::Delete(i) => Edit::Delete(log.entries.get(i % log.entries.len().max(1))?.id),
    })
}

fn by_id(log: &Log) -> Vec<Entry> {
    let mut entries = log.entries.clone();
    entries.sort_by_key(|e| e.id);
    entries
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn whatever_the_edits_store_a_backup_restores_on_an_empty_device(
        acts in prop::collection::vec(act(), 1..60)
    ) {
        // From late January, so entries span two month parts.
        let mut today = NaiveDate::from_ymd_opt(2026, 1, 28).unwrap();
        let baseline = Baseline { test: SelfTest::Bridge, two_legs: false, rating: 3, legs: None, extra: Extra::new() };
        let mut log = start(settings(Goal::Running, today), baseline).unwrap();
        let store = MemoryStore::new();
        let mut repo = Repository::new(store.clone());
        repo.save(&mut log).unwrap();
        for act in acts {
            if matches!(act, Act::NextDay) {
                today = today.succ_opt().unwrap();
            }
            let Some(edit) = edit_for(&log, today, act) else { continue };
            let before = log.clone();
            match apply(&mut log, today, edit) {
                Ok(_) => { repo.save(&mut log).unwrap(); }
                Err(e) => prop_assert_eq!(&log, &before, "refused ({}) yet changed", e.message()),
            }
            // Every entry the edits let in meets the import's rules.
            prop_assert_eq!(check_log(&log, []), Ok(()));
        }
        let (_, file) = repo.export_backup(&log, today);
        let backup = parse_backup(file.as_bytes());
        prop_assert!(backup.is_ok(), "the app's own backup refused: {:?}", backup.err());

        let fresh = MemoryStore::new();
        let mut other = Repository::new(fresh.clone());
        let restored = other.import_text(&file).unwrap();
        prop_assert_eq!(&restored.settings, &log.settings);
        prop_assert_eq!(by_id(&restored), by_id(&log));
        let (_, on_this_device) = reopen(&store);
        prop_assert_eq!(Some(&restored), on_this_device.as_ref(), "same log, same order");
        let (_, reloaded) = reopen(&fresh);
        prop_assert_eq!(Some(restored), reloaded);
    }
}
