//! What the user can do to the log, as typed edits with validation.
//!
//! The UI sends one [`Edit`] per action; [`apply`] checks it and changes the
//! log, or says plainly what was wrong and changes nothing.

use super::catalogue::{find_exercise, Stage};
use super::model::*;
use super::rules::MAX_PAIN_CEILING;
use chrono::NaiveDate;

/// One user action.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// This morning's self-test rating; a second one today corrects the first.
    Morning {
        rating: u8,
    },
    /// One set of today's session, saved the moment it is entered. Opens a
    /// session when none is open today.
    AddSet {
        exercise: String,
        side: Side,
        set: SetLog,
    },
    /// Take back the last set of an exercise and side in the open session.
    UndoSet {
        exercise: String,
        side: Side,
    },
    /// Close the open session with how it felt right after.
    FinishSession {
        response: Response,
        note: Option<String>,
    },
    /// Other loading, today or on a past day (the check-in asks about yesterday).
    Activity {
        date: NaiveDate,
        kind: ActivityKind,
    },
    Flare,
    RedFlag(RedFlag),
    ClearRedFlags,
    Settings(Settings),
    Baseline(Baseline),
    /// Correct a past entry, keeping its id.
    Replace(Entry),
    Delete(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    OutOfRange(&'static str),
    UnknownExercise(String),
    NoOpenSession,
    NoSuchEntry,
    FutureDate,
}

impl EditError {
    pub fn message(&self) -> String {
        match self {
            EditError::OutOfRange(what) => {
                format!("That {what} is outside what the app can use. Please check it.")
            }
            EditError::UnknownExercise(id) => {
                format!("The app does not know the exercise \"{id}\".")
            }
            EditError::NoOpenSession => "There is no session open today to change.".into(),
            EditError::NoSuchEntry => "That entry is no longer in your log.".into(),
            EditError::FutureDate => "Entries cannot be dated in the future.".into(),
        }
    }
}

/// The most reps, seconds or minutes a set may record.
pub const MAX_SET_AMOUNT: u16 = 600;
/// The most load a set may record, in kg.
pub const MAX_LOAD_KG: f32 = 500.0;

fn check(ok: bool, what: &'static str) -> Result<(), EditError> {
    ok.then_some(()).ok_or(EditError::OutOfRange(what))
}

fn check_set(exercise: &str, set: &SetLog) -> Result<(), EditError> {
    if find_exercise(exercise).is_none() {
        return Err(EditError::UnknownExercise(exercise.to_string()));
    }
    check(
        set.n >= 1 && set.n <= MAX_SET_AMOUNT,
        "number of reps or seconds",
    )?;
    check(
        set.kg.is_finite() && (0.0..=MAX_LOAD_KG).contains(&set.kg),
        "weight",
    )?;
    check(set.pain <= 10, "pain rating")?;
    check(set.effort.is_none_or(|e| e <= 10), "effort rating")
}

pub fn check_settings(s: &Settings) -> Result<(), EditError> {
    check(s.pain_ceiling <= MAX_PAIN_CEILING, "pain ceiling")
}

/// Today's session that has no "after" response yet, if any.
pub fn open_session(log: &Log, today: NaiveDate) -> Option<(u64, &Session)> {
    log.entries.iter().rev().find_map(|e| match &e.kind {
        EntryKind::Session(s) if e.date == today && s.response.is_none() => Some((e.id, s)),
        _ => None,
    })
}

/// Sessions finished today (the logger closes one with "Save and finish").
pub fn finished_today(log: &Log, today: NaiveDate) -> usize {
    log.entries
        .iter()
        .filter(|e| e.date == today)
        .filter(|e| matches!(&e.kind, EntryKind::Session(s) if s.response.is_some()))
        .count()
}

/// Whether today's session is done and must not be offered again: one was
/// finished and none is open. Heavy work and runs are once a day; only the
/// isometric holds may be repeated, a few hours apart.
pub fn done_for_today(log: &Log, today: NaiveDate, stage: Stage) -> bool {
    stage != Stage::Isometric
        && finished_today(log, today) > 0
        && open_session(log, today).is_none()
}

fn open_session_mut(log: &mut Log, today: NaiveDate) -> Option<&mut Session> {
    log.entries
        .iter_mut()
        .rev()
        .find_map(|e| match &mut e.kind {
            EntryKind::Session(s) if e.date == today && s.response.is_none() => Some(s),
            _ => None,
        })
}

fn push(log: &mut Log, date: NaiveDate, kind: EntryKind) -> u64 {
    let id = log.next_id();
    log.entries.push(Entry { id, date, kind });
    id
}

/// Apply one edit. Returns the id of the entry it created or changed.
pub fn apply(log: &mut Log, today: NaiveDate, edit: Edit) -> Result<u64, EditError> {
    match edit {
        Edit::Morning { rating } => {
            check(rating <= 10, "morning rating")?;
            let kind = EntryKind::Morning(Morning {
                rating,
                extra: Extra::new(),
            });
            let existing = log
                .entries
                .iter()
                .find(|e| e.date == today && matches!(e.kind, EntryKind::Morning(_)));
            Ok(match existing.map(|e| e.id) {
                Some(id) => {
                    log.upsert(Entry {
                        id,
                        date: today,
                        kind,
                    });
                    id
                }
                None => push(log, today, kind),
            })
        }
        Edit::AddSet {
            exercise,
            side,
            set,
        } => {
            check_set(&exercise, &set)?;
            if open_session(log, today).is_none() {
                push(log, today, EntryKind::Session(Session::default()));
            }
            let id = open_session(log, today)
                .map(|(id, _)| id)
                .ok_or(EditError::NoOpenSession)?;
            let session = open_session_mut(log, today).ok_or(EditError::NoOpenSession)?;
            match session
                .blocks
                .iter_mut()
                .find(|b| b.exercise == exercise && b.side == side)
            {
                Some(block) => block.sets.push(set),
                None => session.blocks.push(Block {
                    exercise,
                    side,
                    sets: vec![set],
                    extra: Extra::new(),
                }),
            }
            Ok(id)
        }
        Edit::UndoSet { exercise, side } => {
            let id = open_session(log, today)
                .map(|(id, _)| id)
                .ok_or(EditError::NoOpenSession)?;
            let session = open_session_mut(log, today).ok_or(EditError::NoOpenSession)?;
            let block = session
                .blocks
                .iter_mut()
                .find(|b| b.exercise == exercise && b.side == side);
            block
                .and_then(|b| b.sets.pop())
                .ok_or(EditError::NoSuchEntry)?;
            session.blocks.retain(|b| !b.sets.is_empty());
            Ok(id)
        }
        Edit::FinishSession { response, note } => {
            let id = open_session(log, today)
                .map(|(id, _)| id)
                .ok_or(EditError::NoOpenSession)?;
            let session = open_session_mut(log, today).ok_or(EditError::NoOpenSession)?;
            session.response = Some(response);
            session.note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
            Ok(id)
        }
        Edit::Activity { date, kind } => {
            if date > today {
                return Err(EditError::FutureDate);
            }
            let ok = match &kind {
                ActivityKind::Run { km, minutes, .. } => {
                    km.is_finite() && (0.0..=300.0).contains(km) && *minutes <= 24 * 60
                }
                ActivityKind::Sitting { hours } => {
                    hours.is_finite() && (0.0..=24.0).contains(hours)
                }
                ActivityKind::Cycling { minutes }
                | ActivityKind::Sport { minutes }
                | ActivityKind::Walk { minutes } => *minutes <= 24 * 60,
                ActivityKind::Stretching { .. } => true,
            };
            check(ok, "activity")?;
            Ok(push(log, date, EntryKind::Activity(Activity { kind })))
        }
        Edit::Flare => {
            let existing = log
                .entries
                .iter()
                .find(|e| e.date == today && matches!(e.kind, EntryKind::Flare(_)));
            Ok(match existing {
                Some(e) => e.id,
                None => push(log, today, EntryKind::Flare(Flare::default())),
            })
        }
        Edit::RedFlag(flag) => Ok(push(
            log,
            today,
            EntryKind::RedFlag(RedFlagReport {
                flag,
                extra: Extra::new(),
            }),
        )),
        Edit::ClearRedFlags => {
            log.settings.red_flags.present.clear();
            Ok(push(
                log,
                today,
                EntryKind::RedFlagCleared(RedFlagCleared::default()),
            ))
        }
        Edit::Settings(s) => {
            check_settings(&s)?;
            log.settings = s;
            Ok(0)
        }
        Edit::Baseline(b) => {
            check(b.rating <= 10, "baseline rating")?;
            Ok(push(log, today, EntryKind::Baseline(b)))
        }
        Edit::Replace(entry) => {
            if log.entry(entry.id).is_none() {
                return Err(EditError::NoSuchEntry);
            }
            if entry.date > today {
                return Err(EditError::FutureDate);
            }
            if let EntryKind::Session(s) = &entry.kind {
                for b in &s.blocks {
                    for set in &b.sets {
                        check_set(&b.exercise, set)?;
                    }
                }
            }
            if let EntryKind::Morning(m) = &entry.kind {
                check(m.rating <= 10, "morning rating")?;
            }
            let id = entry.id;
            log.upsert(entry);
            Ok(id)
        }
        Edit::Delete(id) => log.remove(id).map(|_| id).ok_or(EditError::NoSuchEntry),
    }
}
