//! What the user can do to the log, as typed edits with validation.
//!
//! The UI sends one [`Edit`] per action; [`apply`] checks it and changes the
//! log, or says plainly what was wrong and changes nothing.

use super::catalogue::{find_exercise, Stage};
use super::limits::{self, Invalid};
use super::model::*;
use chrono::{Datelike, NaiveDate};

/// One user action.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// This morning's self-test rating; a second one today corrects the first.
    Morning {
        rating: u8,
    },
    /// This morning's self-test, rated on each leg (a one-leg test with
    /// both legs affected); corrects a check-in of either kind today.
    MorningLegs(Legs),
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
    /// Several loads of one day from one form: all saved, or none (a
    /// half-saved form tapped again would log its first loads twice).
    Activities {
        date: NaiveDate,
        kinds: Vec<ActivityKind>,
    },
    Flare,
    RedFlag(RedFlag),
    ClearRedFlags,
    /// The settings as the user now wants them; a changed side, goal,
    /// ceiling or equipment applies from today on.
    Settings(Settings),
    Baseline(Baseline),
    /// Correct a past entry, keeping its id.
    Replace(Entry),
    Delete(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// A value the log may not hold (see [`limits`]).
    Invalid(Invalid),
    UnknownExercise(String),
    NoOpenSession,
    NoSuchEntry,
    FutureDate,
    /// Every id up to [`limits::MAX_ID`] is taken: only a hand-made file
    /// gets there, since ids grow by one per entry.
    NoIdsLeft,
}

impl From<Invalid> for EditError {
    fn from(e: Invalid) -> Self {
        EditError::Invalid(e)
    }
}

impl EditError {
    pub fn message(&self) -> String {
        match self {
            EditError::Invalid(Invalid::OutOfRange(what)) => {
                format!("That {what} is outside what the app can use. Please check it.")
            }
            EditError::Invalid(Invalid::TooLong { what, max }) => format!(
                "That {what} is too long: the app keeps up to {} characters.",
                limits::grouped(*max)
            ),
            EditError::Invalid(Invalid::TooMany { what, max }) => format!(
                "There is no room for more {what}: the app keeps up to {}.",
                limits::grouped(*max)
            ),
            EditError::Invalid(Invalid::Date) => format!(
                "The app keeps dates from {} to {}. Please check the date, and this device's clock.",
                limits::EARLIEST_DATE.year(),
                limits::LATEST_DATE.year()
            ),
            EditError::Invalid(Invalid::IdTooLarge(_) | Invalid::SharedId(_))
            | EditError::NoIdsLeft => "Your log holds an entry number far larger than any \
                the app gives, so nothing new can be added to it. Restoring an earlier backup \
                would fix this."
                .into(),
            EditError::UnknownExercise(id) => {
                format!("The app does not know the exercise \"{id}\".")
            }
            EditError::NoOpenSession => "There is no session open today to change.".into(),
            EditError::NoSuchEntry => "That entry is no longer in your log.".into(),
            EditError::FutureDate => "Entries cannot be dated in the future.".into(),
        }
    }
}

fn check_known(exercise: &str) -> Result<(), EditError> {
    match find_exercise(exercise) {
        Some(_) => Ok(()),
        None => Err(EditError::UnknownExercise(exercise.to_string())),
    }
}

/// The settings, by the same rules as every stored log.
pub fn check_settings(s: &Settings) -> Result<(), EditError> {
    Ok(limits::check_settings(s)?)
}

/// A new log as onboarding creates it, checked by the rules every stored
/// log must meet (a wrong device clock gives a start date out of range).
pub fn start(settings: Settings, baseline: Baseline) -> Result<Log, EditError> {
    let log = Log::new(settings, baseline);
    limits::check_settings(&log.settings)?;
    log.entries.iter().try_for_each(limits::check_entry)?;
    Ok(log)
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

/// The id for a new entry dated `date`, if the log has room for one.
fn new_id(log: &Log, date: NaiveDate) -> Result<u64, EditError> {
    limits::check_date(date)?;
    if log.entries.len() >= limits::MAX_ENTRIES {
        return Err(Invalid::TooMany {
            what: "entries",
            max: limits::MAX_ENTRIES,
        }
        .into());
    }
    log.next_id().ok_or(EditError::NoIdsLeft)
}

/// Store `entry` (new or corrected) if it meets every rule; otherwise
/// leave the log as it was.
fn store(log: &mut Log, entry: Entry) -> Result<u64, EditError> {
    limits::check_entry(&entry)?;
    let id = entry.id;
    log.upsert(entry);
    Ok(id)
}

fn push(log: &mut Log, date: NaiveDate, kind: EntryKind) -> Result<u64, EditError> {
    let id = new_id(log, date)?;
    store(log, Entry { id, date, kind })
}

/// Save today's check-in, correcting one already saved today.
fn morning(
    log: &mut Log,
    today: NaiveDate,
    rating: u8,
    legs: Option<Legs>,
) -> Result<u64, EditError> {
    let kind = EntryKind::Morning(Morning {
        rating,
        legs,
        extra: Extra::new(),
    });
    let existing = log
        .entries
        .iter()
        .find(|e| e.date == today && matches!(e.kind, EntryKind::Morning(_)));
    match existing.map(|e| e.id) {
        Some(id) => store(
            log,
            Entry {
                id,
                date: today,
                kind,
            },
        ),
        None => push(log, today, kind),
    }
}

/// Each load as its own entry, dated `date`; the id of the last. The first
/// that breaks a rule takes back the ones before it.
fn activities(
    log: &mut Log,
    today: NaiveDate,
    date: NaiveDate,
    kinds: Vec<ActivityKind>,
) -> Result<u64, EditError> {
    if date > today {
        return Err(EditError::FutureDate);
    }
    let before = log.entries.len();
    let mut last = Err(EditError::Invalid(Invalid::OutOfRange("list of loads")));
    for kind in kinds {
        last = push(log, date, EntryKind::Activity(Activity { kind }));
        if last.is_err() {
            log.entries.truncate(before);
            break;
        }
    }
    last
}

/// Apply one edit. Returns the id of the entry it created or changed.
/// Every entry it writes meets the rules of [`limits`], so whatever it
/// stores a backup restores; an edit that breaks one changes nothing.
pub fn apply(log: &mut Log, today: NaiveDate, edit: Edit) -> Result<u64, EditError> {
    match edit {
        Edit::Morning { rating } => morning(log, today, rating, None),
        Edit::MorningLegs(l) => morning(log, today, l.higher(), Some(l)),
        Edit::AddSet {
            exercise,
            side,
            set,
        } => {
            check_known(&exercise)?;
            limits::check_set(&set)?;
            let (id, mut session) = match open_session(log, today) {
                Some((id, s)) => (id, s.clone()),
                None => (new_id(log, today)?, Session::default()),
            };
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
            let kind = EntryKind::Session(session);
            store(
                log,
                Entry {
                    id,
                    date: today,
                    kind,
                },
            )
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
            let note = note.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
            if let Some(note) = &note {
                limits::check_note(note)?;
            }
            let id = open_session(log, today)
                .map(|(id, _)| id)
                .ok_or(EditError::NoOpenSession)?;
            let session = open_session_mut(log, today).ok_or(EditError::NoOpenSession)?;
            session.response = Some(response);
            session.note = note;
            Ok(id)
        }
        Edit::Activity { date, kind } => activities(log, today, date, vec![kind]),
        Edit::Activities { date, kinds } => activities(log, today, date, kinds),
        Edit::Flare => {
            let existing = log
                .entries
                .iter()
                .find(|e| e.date == today && matches!(e.kind, EntryKind::Flare(_)));
            match existing {
                Some(e) => Ok(e.id),
                None => push(log, today, EntryKind::Flare(Flare::default())),
            }
        }
        Edit::RedFlag(flag) => push(
            log,
            today,
            EntryKind::RedFlag(RedFlagReport {
                flag,
                extra: Extra::new(),
            }),
        ),
        Edit::ClearRedFlags => {
            let id = push(
                log,
                today,
                EntryKind::RedFlagCleared(RedFlagCleared::default()),
            )?;
            log.settings.red_flags.present.clear();
            Ok(id)
        }
        Edit::Settings(s) => {
            // Dated from today: past days keep the settings they had.
            let s = log.settings.changed_on(today, s);
            check_settings(&s)?;
            log.settings = s;
            Ok(0)
        }
        Edit::Baseline(b) => push(log, today, EntryKind::Baseline(b)),
        Edit::Replace(entry) => {
            let old = log.entry(entry.id).ok_or(EditError::NoSuchEntry)?;
            if entry.date > today {
                return Err(EditError::FutureDate);
            }
            // A correction may keep an exercise the catalogue has since
            // dropped; any it adds must be one the app knows.
            if let EntryKind::Session(s) = &entry.kind {
                let had = |ex: &str| match &old.kind {
                    EntryKind::Session(o) => o.blocks.iter().any(|b| b.exercise == ex),
                    _ => false,
                };
                for b in s.blocks.iter().filter(|b| !had(&b.exercise)) {
                    check_known(&b.exercise)?;
                }
            }
            store(log, entry)
        }
        Edit::Delete(id) => log.remove(id).map(|_| id).ok_or(EditError::NoSuchEntry),
    }
}
