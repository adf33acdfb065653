//! Shared helpers for the storage tests and benchmark: small logs that read
//! like a training diary, and a synthetic multi-year log.
#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use hamstring_rehab::engine::model::{
    AffectedSide, Baseline, Block, Entry, EntryKind, Extra, Goal, Log, Morning, Response, SelfTest,
    Session, SetLog, Settings, Side,
};
use hamstring_rehab::storage::{MemoryStore, Repository};

pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

pub fn settings(start: &str) -> Settings {
    Settings {
        affected: AffectedSide::Left,
        goal: Goal::Running,
        pain_ceiling: 3,
        equipment: Default::default(),
        irritability: Default::default(),
        red_flags: Default::default(),
        start_date: day(start),
        morning_reminder: false,
        earlier: Vec::new(),
        extra: Extra::new(),
    }
}

/// A log as onboarding leaves it: settings and a bridge baseline of 3/10.
pub fn new_log(start: &str) -> Log {
    let baseline = Baseline {
        test: SelfTest::Bridge,
        two_legs: false,
        rating: 3,
        legs: None,
        extra: Extra::new(),
    };
    Log::new(settings(start), baseline)
}

pub fn morning(id: u64, date: &str, rating: u8) -> Entry {
    Entry {
        id,
        date: day(date),
        kind: EntryKind::Morning(Morning {
            rating,
            legs: None,
            extra: Extra::new(),
        }),
    }
}

pub fn set(n: u16, kg: f32, pain: u8) -> SetLog {
    SetLog {
        n,
        kg,
        pain: Some(pain),
        effort: None,
    }
}

/// A session of bridges on the left: one block with these sets.
pub fn session(id: u64, date: &str, sets: Vec<SetLog>) -> Entry {
    Entry {
        id,
        date: day(date),
        kind: EntryKind::Session(Session {
            blocks: vec![Block {
                exercise: "bridge".into(),
                side: Side::Left,
                sets,
                extra: Extra::new(),
            }],
            response: None,
            note: None,
            extra: Extra::new(),
        }),
    }
}

/// Add a set to the session with this id, as the workout screen does.
pub fn add_set(log: &mut Log, id: u64, s: SetLog) {
    let entry = log
        .entries
        .iter_mut()
        .find(|e| e.id == id)
        .expect("session");
    let EntryKind::Session(session) = &mut entry.kind else {
        panic!("entry {id} is not a session");
    };
    session.blocks.last_mut().expect("a block").sets.push(s);
}

/// A log over `days` days from 2024-01-01: a morning rating every day and
/// three sessions a week of four exercises, four sets each side; three
/// years come to about 1,100 mornings, 470 sessions and 15,000 sets.
pub fn synthetic_log(days: u64) -> Log {
    let start = day("2024-01-01");
    let mut log = new_log("2024-01-01");
    let exercises = [
        "isometric_bridge",
        "long_lever_bridge",
        "rdl",
        "nordic",
        "hip_thrust",
        "single_leg_bridge",
    ];
    for d in 0..days {
        let date = start + Days::new(d);
        let id = log.next_id().unwrap();
        log.entries.push(Entry {
            id,
            date,
            kind: EntryKind::Morning(Morning {
                rating: (d % 5) as u8,
                legs: None,
                extra: Extra::new(),
            }),
        });
        if d % 7 == 0 || d % 7 == 2 || d % 7 == 4 {
            let mut blocks = Vec::new();
            for (k, ex) in exercises.iter().enumerate().skip((d % 3) as usize).take(4) {
                for side in [Side::Left, Side::Right] {
                    let sets = (0..4)
                        .map(|i| SetLog {
                            n: 8 + (i + k as u16) % 5,
                            kg: if k > 1 { 12.5 + (d / 30) as f32 } else { 0.0 },
                            pain: Some(((d + i as u64) % 4) as u8),
                            effort: Some(7),
                        })
                        .collect();
                    blocks.push(Block {
                        exercise: ex.to_string(),
                        side,
                        sets,
                        extra: Extra::new(),
                    });
                }
            }
            let id = log.next_id().unwrap();
            log.entries.push(Entry {
                id,
                date,
                kind: EntryKind::Session(Session {
                    blocks,
                    response: Some(Response::Same),
                    note: None,
                    extra: Extra::new(),
                }),
            });
        }
    }
    log
}

/// A morning check-in of `rating` on 10 November 2026, as entry `id`.
pub fn rated(id: u64, rating: u8) -> Entry {
    morning(id, "2026-11-10", rating)
}

/// The ids of `entries`, in order.
pub fn ids(entries: &[Entry]) -> Vec<u64> {
    entries.iter().map(|e| e.id).collect()
}

/// Two check-ins and two sessions across October and November 2026.
pub fn two_months() -> Log {
    let mut log = new_log("2026-10-26");
    log.entries.push(morning(2, "2026-10-27", 3));
    log.entries.push(session(
        3,
        "2026-10-27",
        vec![set(12, 0.0, 2), set(12, 0.0, 3)],
    ));
    log.entries.push(morning(4, "2026-11-02", 2));
    log.entries
        .push(session(5, "2026-11-02", vec![set(10, 8.0, 2)]));
    log
}

/// The index document's key.
pub const META: &str = "phtrehab:meta";

pub fn saved(log: &mut Log) -> (MemoryStore, Repository<MemoryStore>) {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    repo.save(log).expect("first save");
    store.take_writes();
    (store, repo)
}

pub fn reopen(store: &MemoryStore) -> (Repository<MemoryStore>, Option<Log>) {
    let mut repo = Repository::new(store.clone());
    let log = repo.load().expect("store works");
    (repo, log)
}

/// Three weeks of November and the first days of December.
pub fn autumn_log() -> Log {
    let mut log = new_log("2026-11-02");
    log.entries.push(morning(2, "2026-11-03", 3));
    log.entries.push(session(
        3,
        "2026-11-03",
        vec![set(12, 0.0, 2), set(12, 0.0, 2)],
    ));
    log.entries.push(morning(4, "2026-11-20", 2));
    log.entries.push(morning(5, "2026-12-01", 2));
    log.entries
        .push(session(6, "2026-12-01", vec![set(10, 8.0, 3)]));
    log
}

/// The backup the app exports for `log`, stored first as the app does.
pub fn backup_of(mut log: Log) -> String {
    let (_, repo) = saved(&mut log);
    repo.export_backup(&log, day("2026-11-03")).1
}

/// `json` with the value at `path` (object keys, or list indexes as
/// numbers) set to `value`. Native only: serde_json is a host test crate.
#[cfg(not(target_arch = "wasm32"))]
pub fn edited(json: &str, path: &[&str], value: serde_json::Value) -> String {
    let mut file: serde_json::Value = serde_json::from_str(json).expect("a backup");
    let mut at = &mut file;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    *at = value;
    file.to_string()
}

/// One tab of the app over a shared store: its repository and the log it
/// holds; each test file adds what its tabs do.
pub struct Tab {
    pub repo: Repository<MemoryStore>,
    pub log: Log,
}

impl Tab {
    /// A tab that loaded what the store holds now.
    pub fn open(store: &MemoryStore) -> Tab {
        let mut repo = Repository::new(store.clone());
        let log = repo.load().unwrap().unwrap();
        Tab { repo, log }
    }
}
