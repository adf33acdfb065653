#![cfg(not(target_arch = "wasm32"))]
//! The hand-written JSON readers and writers (`engine::json`) against
//! serde: the app writes the model byte for byte as the derived
//! `Serialize` does, whatever it writes it reads back unchanged, and it
//! rejects and keeps what serde's derived readers rejected and kept.

use chrono::NaiveDate;
use hamstring_rehab::engine::json::{parse_date, FromJson};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::json::{self as hj, ToJson, Value};
use proptest::prelude::*;
use serde_json::json;

/// A serde_json value as the app's own.
fn j(v: serde_json::Value) -> Value {
    hj::parse(&v.to_string()).unwrap()
}

/// Written by the app's writer, checked against serde's, read back.
fn back<T: FromJson + ToJson + serde::Serialize>(x: &T) -> Result<T, String> {
    let text = hj::to_string(x);
    assert_eq!(text, serde_json::to_string(x).unwrap());
    T::from_json(&hj::parse(&text).unwrap())
}

fn extra() -> impl Strategy<Value = Extra> {
    let value = prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i32>().prop_map(serde_json::Value::from),
        "[a-z \"\\\n\u{1}é]{0,6}".prop_map(serde_json::Value::from),
        Just(json!({"nested": [1, "two", {"three": 3}]})),
    ];
    proptest::collection::btree_map("x_[a-z]{1,5}", value, 0..3)
        .prop_map(|m| m.into_iter().map(|(k, v)| (k, j(v))).collect())
}

fn set() -> impl Strategy<Value = SetLog> {
    (
        any::<u16>(),
        prop_oneof![Just(0.0f32), 0.5f32..300.0],
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=10),
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

fn response() -> impl Strategy<Value = Response> {
    prop_oneof![
        Just(Response::Better),
        Just(Response::Same),
        Just(Response::Worse)
    ]
}

fn session() -> impl Strategy<Value = EntryKind> {
    let block = (
        "[a-z_]{1,12}",
        side(),
        proptest::collection::vec(set(), 0..4),
        extra(),
    )
        .prop_map(|(exercise, side, sets, extra)| Block {
            exercise,
            side,
            sets,
            extra,
        });
    (
        proptest::collection::vec(block, 0..4),
        proptest::option::of(response()),
        proptest::option::of(".{0,20}"),
        extra(),
    )
        .prop_map(|(blocks, response, note, extra)| {
            EntryKind::Session(Session {
                blocks,
                response,
                note,
                extra,
            })
        })
}

fn activity() -> impl Strategy<Value = ActivityKind> {
    prop_oneof![
        (0.0f32..50.0, any::<u16>(), any::<bool>(), any::<bool>()).prop_map(
            |(km, minutes, hills, fast)| ActivityKind::Run {
                km,
                minutes,
                hills,
                fast
            }
        ),
        (0.0f32..24.0).prop_map(|hours| ActivityKind::Sitting { hours }),
        any::<u16>().prop_map(|minutes| ActivityKind::Cycling { minutes }),
        any::<u16>().prop_map(|minutes| ActivityKind::Sport { minutes }),
        any::<u16>().prop_map(|minutes| ActivityKind::Walk { minutes }),
        any::<bool>().prop_map(|deep_hip_flexion| ActivityKind::Stretching { deep_hip_flexion }),
    ]
}

/// Per-leg ratings, or none as on every one-rating check-in.
fn legs() -> impl Strategy<Value = Option<Legs>> {
    prop::option::of((0u8..=10, 0u8..=10).prop_map(|(left, right)| Legs { left, right }))
}

fn kind() -> impl Strategy<Value = EntryKind> {
    prop_oneof![
        session(),
        (0u8..=10, legs(), extra()).prop_map(|(rating, legs, extra)| EntryKind::Morning(Morning {
            rating,
            legs,
            extra
        })),
        (
            proptest::sample::select(SelfTest::ALL.to_vec()),
            any::<bool>(),
            0u8..=10,
            legs(),
            extra()
        )
            .prop_map(|(test, two_legs, rating, legs, extra)| EntryKind::Baseline(
                Baseline {
                    test,
                    two_legs,
                    rating,
                    legs,
                    extra
                }
            )),
        activity().prop_map(|kind| EntryKind::Activity(Activity { kind })),
        extra().prop_map(|extra| EntryKind::Flare(Flare { extra })),
        (proptest::sample::select(RedFlag::ALL.to_vec()), extra())
            .prop_map(|(flag, extra)| EntryKind::RedFlag(RedFlagReport { flag, extra })),
        extra().prop_map(|extra| EntryKind::RedFlagCleared(RedFlagCleared { extra })),
    ]
}

fn entry() -> impl Strategy<Value = Entry> {
    (any::<u64>(), 0u32..20_000, kind()).prop_map(|(id, day, kind)| Entry {
        id,
        date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(day.into()),
        kind,
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    let equipment = proptest::sample::subsequence(
        vec![
            Equipment::Bench,
            Equipment::Sliders,
            Equipment::Weights,
            Equipment::Barbell,
            Equipment::CurlMachine,
            Equipment::RomanChair,
            Equipment::Band,
        ],
        0..=7,
    );
    let flags = proptest::sample::subsequence(RedFlag::ALL.to_vec(), 0..=6);
    (
        prop_oneof![
            Just(AffectedSide::Left),
            Just(AffectedSide::Right),
            Just(AffectedSide::Both)
        ],
        prop_oneof![
            Just(Goal::DailyLife),
            Just(Goal::Running),
            Just(Goal::Sport)
        ],
        0u8..=5,
        equipment,
        (any::<[bool; 5]>(), extra()),
        (flags, extra()),
        any::<bool>(),
        extra(),
        proptest::collection::vec(earlier(), 0..3),
    )
        .prop_map(
            |(
                affected,
                goal,
                pain_ceiling,
                equipment,
                (yes, irr_extra),
                (flags, rf_extra),
                reminder,
                extra,
                earlier,
            )| {
                Settings {
                    affected,
                    goal,
                    pain_ceiling,
                    equipment: equipment.into_iter().collect(),
                    irritability: Irritability {
                        pain_at_rest: yes[0],
                        pain_lasts_past_next_day: yes[1],
                        sitting_under_30_min_hurts: yes[2],
                        worsening_for_months: yes[3],
                        cannot_run: yes[4],
                        extra: irr_extra,
                    },
                    red_flags: RedFlagAnswers {
                        present: flags.into_iter().collect(),
                        extra: rf_extra,
                    },
                    start_date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                    morning_reminder: reminder,
                    earlier,
                    extra,
                }
            },
        )
}

/// A dated settings change: any subset of the dated fields.
fn earlier() -> impl Strategy<Value = Earlier> {
    let kit = proptest::sample::subsequence(vec![Equipment::Bench, Equipment::Band], 0..=2);
    (
        0u64..900,
        proptest::option::of(Just(AffectedSide::Both)),
        proptest::option::of(Just(Goal::Sport)),
        proptest::option::of(0u8..=5),
        proptest::option::of(kit),
        extra(),
    )
        .prop_map(|(days, affected, goal, pain_ceiling, kit, extra)| Earlier {
            until: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Days::new(days),
            affected,
            goal,
            pain_ceiling,
            equipment: kit.map(|k| k.into_iter().collect()),
            extra,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_entry_reads_back_as_written(e in entry()) {
        prop_assert_eq!(back(&e), Ok(e.clone()));
    }

    #[test]
    fn every_log_reads_back_as_written(
        settings in settings(),
        entries in proptest::collection::vec(entry(), 0..6),
        extra in extra(),
    ) {
        let log = Log { version: SCHEMA_VERSION, settings, entries, extra };
        prop_assert_eq!(back(&log), Ok(log));
    }
}

#[test]
fn a_simulated_year_reads_back_as_written() {
    let log = hamstring_rehab::engine::synthetic::three_year_log();
    assert_eq!(back(&log), Ok(log));
}

fn morning(extra: serde_json::Value) -> Value {
    let mut v = json!({"id": 3, "date": "2026-11-21", "type": "morning", "rating": 2});
    v.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    j(v)
}

#[test]
fn unknown_fields_are_kept_but_not_the_entrys_own() {
    let e = Entry::from_json(&morning(json!({"mood": "fine"}))).unwrap();
    let EntryKind::Morning(m) = e.kind else {
        panic!("a morning")
    };
    assert_eq!(
        m.extra,
        [("mood".to_string(), Value::from("fine"))]
            .into_iter()
            .collect()
    );
}

#[test]
fn a_set_ignores_fields_it_does_not_know() {
    let set = SetLog::from_json(&j(json!({"n": 10, "pain": 2, "tempo": "3-1-3"}))).unwrap();
    assert_eq!(
        (set.n, set.kg, set.pain, set.effort),
        (10, 0.0, Some(2), None)
    );
}

#[test]
fn wrong_or_missing_values_are_errors() {
    let bad = [
        json!({"id": 3, "date": "2026-11-21", "type": "morning"}),
        json!({"id": 3, "date": "2026-11-21", "type": "morning", "rating": 2.5}),
        json!({"id": 3, "date": "2026-11-21", "type": "morning", "rating": 256}),
        json!({"id": 3, "date": "2026-11-21", "type": "morning", "rating": -1}),
        json!({"id": 3, "date": "2026-11-21", "type": "morning", "rating": "2"}),
        json!({"id": 3, "date": "2026-02-30", "type": "morning", "rating": 2}),
        json!({"id": 3, "date": "2026-11-21", "type": "dream", "rating": 2}),
        json!({"id": 3, "date": "2026-11-21", "rating": 2}),
        json!({"id": -3, "date": "2026-11-21", "type": "morning", "rating": 2}),
        json!({"id": 3, "date": "2026-11-21", "type": "baseline", "test": "plank", "rating": 2}),
        // A field with a default may be missing, but not null.
        json!({"id": 3, "date": "2026-11-21", "type": "session", "blocks": null}),
        json!({"id": 3, "date": "2026-11-21", "type": "activity", "what": "swim", "minutes": 3}),
        json!([1, 2]),
    ];
    for v in bad {
        assert!(
            Entry::from_json(&j(v.clone())).is_err(),
            "{v} should not read"
        );
    }
}

#[test]
fn optional_fields_may_be_null_and_defaults_may_be_missing() {
    let e = Entry::from_json(&j(json!({
        "id": 1, "date": "2026-11-21", "type": "session", "response": null, "note": null
    })))
    .unwrap();
    assert_eq!(e.kind, EntryKind::Session(Session::default()));
}

#[test]
fn dates_are_read_strictly() {
    assert_eq!(
        parse_date("2026-11-21"),
        NaiveDate::from_ymd_opt(2026, 11, 21)
    );
    for s in [
        "2026-1-21",
        "2026-11-21 ",
        "26-11-21",
        "2026/11/21",
        "2026-13-01",
        "２０26-11-21",
    ] {
        assert_eq!(parse_date(s), None, "{s}");
    }
}
