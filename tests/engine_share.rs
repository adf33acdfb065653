#![cfg(not(target_arch = "wasm32"))]
//! The share link: a year of use fits in a message, round trips exactly, and
//! anything garbled or hostile is refused with a message.

use chrono::{NaiveDate, Weekday};
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::share::{base64url, decode, encode, summary, unbase64url, ShareError};
use hamstring_rehab::engine::synthetic::{settings, Sim};
use proptest::prelude::*;

fn a_year() -> (Log, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let mut sim = Sim::new(
        settings(Goal::Sport, start),
        SelfTest::LongLeverFootElevatedBridge,
        2,
    );
    for day in 0..365u32 {
        sim.morning(if day % 9 == 0 { 3 } else { 2 });
        if day % 60 == 30 {
            sim.flare();
        }
        if matches!(sim.weekday(), Weekday::Mon | Weekday::Thu) && sim.train(1, Response::Better) {
            let note = format!(
                "Week {}: felt solid, a little tight on the left after the hinge work. {}",
                day / 7,
                "x".repeat(200)
            );
            if let Some(Entry {
                kind: EntryKind::Session(s),
                ..
            }) = sim.log.entries.last_mut()
            {
                s.note = Some(note);
            }
        }
        sim.next_day();
    }
    sim.morning(2);
    (sim.log, sim.today)
}

#[test]
fn a_year_of_use_fits_in_a_message_and_round_trips() {
    let (log, today) = a_year();
    let s = summary(&log, today);
    let link = encode(&s);
    println!(
        "share link payload for a year of use: {} characters",
        link.len()
    );
    assert!(link.len() < 2_000, "{} characters", link.len());
    assert_eq!(decode(&link), Ok(s.clone()));
    assert_eq!(s.mornings.chars().count(), 365);
    assert_eq!(s.morning_points().len(), 365);
    assert!(s.flare_dates().len() >= 5);
    assert_eq!(s.notes.len(), 3);
    assert!(!s.exercises.is_empty());
}

#[test]
fn garbled_cut_and_hostile_links_are_refused() {
    let (log, today) = a_year();
    let link = encode(&summary(&log, today));
    let head = link.split('.').next().unwrap();
    assert_eq!(
        decode(&format!("{}.222", &head[..(head.len() / 2) & !3])),
        Err(ShareError::Damaged)
    );
    assert_eq!(
        decode(&link[..link.len() / 3]),
        Err(ShareError::NotALink),
        "cut before the dot"
    );
    let bad_mornings = format!("{head}.22x2");
    assert_eq!(decode(&bad_mornings), Err(ShareError::OutOfRange));
    assert_eq!(decode("not a link!"), Err(ShareError::NotALink));
    assert_eq!(decode(&"A".repeat(9_000)), Err(ShareError::TooLong));
    // As deep as a link that fits can be: refused by the parser's depth bound.
    let deep = base64url("[".repeat(5_000).as_bytes());
    assert_eq!(decode(&format!("{deep}.2")), Err(ShareError::Damaged));
    let many_keys: String = (0..500).map(|i| format!("\"k{i}\":0,")).collect();
    let wide = base64url(format!("{{{many_keys}\"v\":1}}").as_bytes());
    assert!(wide.len() <= 8_000);
    assert_eq!(decode(&format!("{wide}.2")), Err(ShareError::Damaged));
    let hostile = base64url(br#"{"v":1,"m":"2026-01-01","g":"running","a":"left","st":9,"t":"bridge","b":2,"c":3,"e":[],"f":"2026-01-01","fl":[],"rf":[],"n":[]}"#);
    assert_eq!(decode(&format!("{hostile}.2")), Err(ShareError::OutOfRange));
    let unknown = base64url(br#"{"v":1,"m":"2026-01-01","g":"running","a":"left","st":2,"t":"bridge","b":2,"c":3,"e":[[9999,0,3,10,0]],"f":"2026-01-01","fl":[],"rf":[],"n":[]}"#);
    assert_eq!(decode(&format!("{unknown}.2")), Err(ShareError::OutOfRange));
    let newer = base64url(br#"{"v":2}"#);
    assert_eq!(decode(&format!("{newer}.")), Err(ShareError::NewerVersion));
    assert!(ShareError::Damaged.message().contains("damaged"));
}

proptest! {
    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(unbase64url(&base64url(&bytes)), Some(bytes));
    }

    #[test]
    fn random_text_never_panics(text in ".{0,400}") {
        let _ = decode(&text);
    }
}
