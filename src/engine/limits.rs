//! What may be stored: the one set of rules that every write (the logger,
//! check-ins, History's corrections, settings, onboarding) and every read
//! from outside (backups, migrated old logs) is checked against, so
//! anything the app can store it can also restore.
//!
//! The values are the limits imports have always applied (so edits now
//! take a load up to 1,000 kg and a run up to 1,000 km, where they stopped
//! at 500 and 300). Where only the edits had a rule (a set's count, the
//! minutes in a day), imports now apply it too, and the pain ceiling is
//! held to the clinical maximum of `rules.rs` rather than any 0-10
//! rating: no version of the app could write past them. These are bounds
//! on what a person can do or type, not clinical numbers. The UI shows
//! the ones a user can meet (the note's length) where they type.

use super::model::*;
use super::rules::MAX_PAIN_CEILING;
use crate::json::Value;
use chrono::{Datelike, NaiveDate};

/// The longest session note, in characters (what a counter counts).
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The longest text anywhere in the log, fields from newer apps included.
pub const MAX_TEXT_CHARS: usize = MAX_NOTE_CHARS;
/// The longest field name (in bytes) or exercise id (in characters).
pub const MAX_NAME_CHARS: usize = 200;
/// More entries than a lifetime of rehab.
pub const MAX_ENTRIES: usize = 100_000;
/// Exercise-and-side blocks in one session; far beyond any real session.
pub const MAX_BLOCKS: usize = 500;
/// Sets in one block.
pub const MAX_SETS: usize = 2_000;
/// The fewest and most reps, seconds held or minutes run one set records.
pub const MIN_SET_AMOUNT: u16 = 1;
/// See [`MIN_SET_AMOUNT`].
pub const MAX_SET_AMOUNT: u16 = 600;
/// The most load a set may record, in kg.
pub const MAX_LOAD_KG: f32 = 1_000.0;
/// The longest run one entry may record, in km.
pub const MAX_RUN_KM: f32 = 1_000.0;
/// Hours of sitting in one day.
pub const MAX_SITTING_HOURS: f32 = 24.0;
/// Minutes of one activity in one day.
pub const MAX_MINUTES: u16 = 24 * 60;
/// Every 0-10 rating: pain, effort, the morning self-test.
pub const MAX_RATING: u8 = 10;
/// Entry and start dates; a date outside is a wrong clock or a wrong file.
pub const EARLIEST_DATE: NaiveDate = date(2000, 1, 1);
/// See [`EARLIEST_DATE`].
pub const LATEST_DATE: NaiveDate = date(2100, 12, 31);
/// The largest entry id the app ever gives. Ids grow by one per new
/// entry, so a real log never comes near; it is also the largest whole
/// number a JavaScript number holds exactly, so every tool reading a
/// backup reads the same ids.
pub const MAX_ID: u64 = (1 << 53) - 1;

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("a real date"),
    }
}

/// Which rule a value breaks, named in the user's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// A number outside its range: the pain rating, the weight, …
    OutOfRange(&'static str),
    /// Text longer than `max` characters.
    TooLong { what: &'static str, max: usize },
    /// More of something than the app keeps.
    TooMany { what: &'static str, max: usize },
    /// A date before [`EARLIEST_DATE`] or after [`LATEST_DATE`].
    Date,
    /// An id above [`MAX_ID`].
    IdTooLarge(u64),
    /// Two entries with one id.
    SharedId(u64),
}

impl Invalid {
    /// The rule broken, as what a thing "has": "a note longer than
    /// 10,000 characters".
    pub fn phrase(&self) -> String {
        match self {
            Invalid::OutOfRange(what) => format!("a {what} out of range"),
            Invalid::TooLong { what, max } => {
                format!("a {what} longer than {} characters", grouped(*max))
            }
            Invalid::TooMany { what, max } => {
                format!("more {what} than the app keeps ({})", grouped(*max))
            }
            Invalid::Date => format!(
                "a date outside {} to {}",
                EARLIEST_DATE.year(),
                LATEST_DATE.year()
            ),
            Invalid::IdTooLarge(id) => {
                format!("the number {id}, larger than any the app gives")
            }
            Invalid::SharedId(id) => format!("the number {id}, shared with another entry"),
        }
    }
}

/// `10000` as `10,000`.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn check(ok: bool, what: &'static str) -> Result<(), Invalid> {
    ok.then_some(()).ok_or(Invalid::OutOfRange(what))
}

/// A rating and its per-leg ratings, if any, all within 0-10.
fn legs_ok(r: u8, legs: Option<Legs>) -> bool {
    rating(r) && legs.is_none_or(|l| rating(l.left) && rating(l.right))
}

fn rating(r: u8) -> bool {
    r <= MAX_RATING
}

fn within(x: f32, max: f32) -> bool {
    x.is_finite() && (0.0..=max).contains(&x)
}

pub fn check_date(d: NaiveDate) -> Result<(), Invalid> {
    (EARLIEST_DATE..=LATEST_DATE)
        .contains(&d)
        .then_some(())
        .ok_or(Invalid::Date)
}

pub fn check_id(id: u64) -> Result<(), Invalid> {
    (id <= MAX_ID).then_some(()).ok_or(Invalid::IdTooLarge(id))
}

pub fn check_settings(s: &Settings) -> Result<(), Invalid> {
    check(s.pain_ceiling <= MAX_PAIN_CEILING, "pain ceiling")?;
    // Earlier settings in date order, one record a day, so the replay can
    // walk them forward with the log.
    let mut last = None;
    for e in &s.earlier {
        check_date(e.until)?;
        check(last < Some(e.until), "order of earlier settings")?;
        check(
            e.pain_ceiling.is_none_or(|c| c <= MAX_PAIN_CEILING),
            "pain ceiling",
        )?;
        last = Some(e.until);
    }
    check_date(s.start_date)
}

pub fn check_set(set: &SetLog) -> Result<(), Invalid> {
    check(
        (MIN_SET_AMOUNT..=MAX_SET_AMOUNT).contains(&set.n),
        "number of reps or seconds",
    )?;
    check(within(set.kg, MAX_LOAD_KG), "weight")?;
    check(set.pain.is_none_or(rating), "pain rating")?;
    check(set.effort.is_none_or(rating), "effort rating")
}

pub fn check_note(note: &str) -> Result<(), Invalid> {
    let ok = note.chars().count() <= MAX_NOTE_CHARS;
    ok.then_some(()).ok_or(Invalid::TooLong {
        what: "note",
        max: MAX_NOTE_CHARS,
    })
}

pub fn check_block(b: &Block) -> Result<(), Invalid> {
    check(
        !b.exercise.is_empty() && b.exercise.chars().count() <= MAX_NAME_CHARS,
        "exercise name",
    )?;
    if b.sets.len() > MAX_SETS {
        return Err(Invalid::TooMany {
            what: "sets of one exercise",
            max: MAX_SETS,
        });
    }
    b.sets.iter().try_for_each(check_set)
}

pub fn check_session(s: &Session) -> Result<(), Invalid> {
    if s.blocks.len() > MAX_BLOCKS {
        return Err(Invalid::TooMany {
            what: "exercises in one session",
            max: MAX_BLOCKS,
        });
    }
    if let Some(note) = &s.note {
        check_note(note)?;
    }
    s.blocks.iter().try_for_each(check_block)
}

pub fn check_activity(kind: &ActivityKind) -> Result<(), Invalid> {
    match kind {
        ActivityKind::Run { km, minutes, .. } => {
            check(within(*km, MAX_RUN_KM), "run distance")?;
            check(*minutes <= MAX_MINUTES, "run time")
        }
        ActivityKind::Sitting { hours } => check(within(*hours, MAX_SITTING_HOURS), "time sitting"),
        ActivityKind::Cycling { minutes }
        | ActivityKind::Sport { minutes }
        | ActivityKind::Walk { minutes } => check(*minutes <= MAX_MINUTES, "number of minutes"),
        ActivityKind::Stretching { .. } => Ok(()),
    }
}

/// One entry on its own: its id, date and values.
pub fn check_entry(e: &Entry) -> Result<(), Invalid> {
    check_id(e.id)?;
    check_date(e.date)?;
    match &e.kind {
        EntryKind::Session(s) => check_session(s),
        EntryKind::Morning(m) => check(legs_ok(m.rating, m.legs), "morning rating"),
        EntryKind::Baseline(b) => check(legs_ok(b.rating, b.legs), "baseline rating"),
        EntryKind::Activity(a) => check_activity(&a.kind),
        EntryKind::Flare(_) | EntryKind::RedFlag(_) | EntryKind::RedFlagCleared(_) => Ok(()),
    }
}

/// Where in a log a rule is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Log,
    Settings,
    Entry { id: u64, date: Option<NaiveDate> },
}

/// A broken rule and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub invalid: Invalid,
}

impl Problem {
    /// A sentence without its full stop: "entry 4 on 2026-11-02 has a
    /// pain rating out of range".
    pub fn words(&self) -> String {
        let rule = self.invalid.phrase();
        match &self.place {
            Place::Log => format!("the log has {rule}"),
            Place::Settings => format!("the settings have {rule}"),
            Place::Entry { id, date: Some(d) } => format!("entry {id} on {d} has {rule}"),
            Place::Entry { id, date: None } => format!("entry {id} has {rule}"),
        }
    }
}

/// The whole log: settings, every entry, and ids unique and in range
/// across the entries and `others` (the id and date of entries this build
/// keeps but cannot read).
pub fn check_log(
    log: &Log,
    others: impl IntoIterator<Item = (u64, Option<NaiveDate>)>,
) -> Result<(), Problem> {
    let at = |place: Place| move |invalid| Problem { place, invalid };
    check_settings(&log.settings).map_err(at(Place::Settings))?;
    let others: Vec<_> = others.into_iter().collect();
    if log.entries.len() + others.len() > MAX_ENTRIES {
        return Err(Problem {
            place: Place::Log,
            invalid: Invalid::TooMany {
                what: "entries",
                max: MAX_ENTRIES,
            },
        });
    }
    let mut ids = crate::sorted::SortedSet::new();
    let known = log.entries.iter().map(|e| (e.id, Some(e.date)));
    for (id, date) in known.chain(others.iter().copied()) {
        let place = Place::Entry { id, date };
        check_id(id).map_err(at(place.clone()))?;
        if let Some(d) = date {
            check_date(d).map_err(at(place.clone()))?;
        }
        if !ids.insert(id) {
            return Err(at(place)(Invalid::SharedId(id)));
        }
    }
    for e in &log.entries {
        check_entry(e).map_err(at(Place::Entry {
            id: e.id,
            date: Some(e.date),
        }))?;
    }
    Ok(())
}

/// Every text and field name in a JSON value, wherever it is (fields
/// from newer apps and entries this build cannot read included); the
/// parser already bounds the nesting depth.
pub fn check_json(value: &Value) -> Result<(), Invalid> {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => {
                return Err(Invalid::TooLong {
                    what: "piece of text",
                    max: MAX_TEXT_CHARS,
                });
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                if map.keys().any(|k| k.len() > MAX_NAME_CHARS) {
                    return Err(Invalid::TooLong {
                        what: "field name",
                        max: MAX_NAME_CHARS,
                    });
                }
                stack.extend(map.values());
            }
            _ => {}
        }
    }
    Ok(())
}
