//! The log model: everything the user tells the app, as stable types
//! (read and written by `engine::json`; the derived `Serialize` is the
//! tests' reference for that format, never used by the app).
//!
//! The log is the single source of truth. Every plan is recomputed from it, so
//! these types hold facts ("a set of 12 at 2/10"), never derived state such as
//! levels or counters. Field names are part of the stored format: renaming one
//! needs a migration in `src/storage`.

use chrono::NaiveDate;
use serde::Serialize;

mod settings;
pub use settings::*;

/// The schema version of [`Log`] documents written by this build.
pub const SCHEMA_VERSION: u32 = 1;

/// Fields this build does not know, kept so a load-save round trip written by
/// an older copy of the app never strips what a newer one wrote.
pub type Extra = crate::json::Map;

/// The whole log: settings plus every dated entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Log {
    pub version: u32,
    pub settings: Settings,
    #[serde(default)]
    pub entries: Vec<Entry>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Log {
    /// A new log as onboarding creates it: settings plus the first baseline.
    pub fn new(settings: Settings, baseline: Baseline) -> Self {
        let date = settings.start_date;
        Log {
            version: SCHEMA_VERSION,
            settings,
            entries: vec![Entry {
                id: 1,
                date,
                kind: EntryKind::Baseline(baseline),
            }],
            extra: Extra::new(),
        }
    }

    /// One more than the largest id in use, so ids stay unique after
    /// deletes; `None` once that would pass [`super::limits::MAX_ID`], so
    /// an id never wraps round to one in use.
    pub fn next_id(&self) -> Option<u64> {
        let largest = self.entries.iter().map(|e| e.id).max().unwrap_or(0);
        largest
            .checked_add(1)
            .filter(|&id| id <= super::limits::MAX_ID)
    }

    pub fn entry(&self, id: u64) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Replace the entry with the same id (a correction), or append it.
    pub fn upsert(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(slot) => *slot = entry,
            None => self.entries.push(entry),
        }
    }

    pub fn remove(&mut self, id: u64) -> Option<Entry> {
        let at = self.entries.iter().position(|e| e.id == id)?;
        Some(self.entries.remove(at))
    }
}

/// Which leg a set was done on; `Both` for two-leg work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    Both,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Both => "both legs",
        }
    }
}

/// One dated entry of the log.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    /// Unique within the log; corrections keep the id.
    pub id: u64,
    pub date: NaiveDate,
    #[serde(flatten)]
    pub kind: EntryKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EntryKind {
    Session(Session),
    Morning(Morning),
    Baseline(Baseline),
    Activity(Activity),
    Flare(Flare),
    RedFlag(RedFlagReport),
    RedFlagCleared(RedFlagCleared),
}

/// A rehab session: blocks of sets per exercise and side, then the response.
///
/// Sets are grouped by exercise so three years of sets stay well under 1 MB.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Session {
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// How it felt right after: filled in when the session is finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The sets of one exercise on one side within a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Block {
    #[serde(rename = "ex")]
    pub exercise: String,
    pub side: Side,
    #[serde(default)]
    pub sets: Vec<SetLog>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One set: reps, or seconds held, or minutes run, with load and pain during.
///
/// Sets carry no `extra` map on purpose: a flattened map on each of some
/// 16,000 sets would slow every start-up load, and storage writes unchanged
/// entries back verbatim, so only the open session is ever re-encoded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SetLog {
    /// Reps, hold seconds or minutes, as the exercise measures it.
    pub n: u16,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub kg: f32,
    /// Pain during the set, 0-10; `None` when it was not rated. A missing
    /// rating is missing, never 0/10: no decision reads it as painless.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    /// Effort, 0-10, where the user gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
}

fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    Better,
    Same,
    Worse,
}

/// The morning self-test rating, 0-10.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Morning {
    /// With `legs`, the higher of the two: an older copy of the app that
    /// reads only this never sees a kinder number than the worse leg's.
    pub rating: u8,
    /// One rating per leg, when a one-leg self-test is done on both
    /// affected legs (issue 12 point 2). Missing on one-rating check-ins,
    /// which rate both legs alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legs: Option<Legs>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The daily self-test and its baseline, in force from the entry's date.
///
/// Baselines are dated entries rather than a setting so a new baseline later
/// in rehab never rewrites the decisions made under the old one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Baseline {
    pub test: SelfTest,
    #[serde(default)]
    pub two_legs: bool,
    /// With `legs`, the higher of the two (as in [`Morning`]).
    pub rating: u8,
    /// A baseline per leg for a one-leg test on both affected legs; without
    /// it `rating` is both legs' baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legs: Option<Legs>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A 0-10 rating for each leg.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Legs {
    pub left: u8,
    pub right: u8,
}

impl Legs {
    pub fn both(r: u8) -> Legs {
        Legs { left: r, right: r }
    }

    pub fn get(self, side: Side) -> u8 {
        match side {
            Side::Right => self.right,
            _ => self.left,
        }
    }

    pub fn higher(self) -> u8 {
        self.left.max(self.right)
    }
}

impl Baseline {
    /// Each leg's baseline: its own, or the one rating for both.
    pub fn per_leg(&self) -> Legs {
        self.legs.unwrap_or(Legs::both(self.rating))
    }

    /// The morning test is done on one leg, so each affected leg is rated
    /// on its own when both are affected.
    pub fn one_leg(&self) -> bool {
        !self.two_legs && self.test != SelfTest::MorningWalk
    }
}

/// The self-test ladder, in order of hamstring load (rehab-model §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SelfTest {
    Bridge,
    LongLeverBridge,
    FootElevatedBridge,
    LongLeverFootElevatedBridge,
    Rdl,
    MorningWalk,
}

impl SelfTest {
    pub const ALL: [SelfTest; 6] = [
        SelfTest::Bridge,
        SelfTest::LongLeverBridge,
        SelfTest::FootElevatedBridge,
        SelfTest::LongLeverFootElevatedBridge,
        SelfTest::Rdl,
        SelfTest::MorningWalk,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SelfTest::Bridge => "bridge",
            SelfTest::LongLeverBridge => "long-lever bridge",
            SelfTest::FootElevatedBridge => "foot-elevated bridge",
            SelfTest::LongLeverFootElevatedBridge => "long-lever foot-elevated bridge",
            SelfTest::Rdl => "RDL",
            SelfTest::MorningWalk => "morning walk",
        }
    }
}

/// Other loading that day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Activity {
    #[serde(flatten)]
    pub kind: ActivityKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum ActivityKind {
    Run {
        km: f32,
        minutes: u16,
        #[serde(default)]
        hills: bool,
        /// Strides, intervals or sprints.
        #[serde(default)]
        fast: bool,
    },
    Sitting {
        hours: f32,
    },
    Cycling {
        minutes: u16,
    },
    Sport {
        minutes: u16,
    },
    Walk {
        minutes: u16,
    },
    Stretching {
        /// Stretches into deep hip flexion, such as seated hamstring stretches.
        #[serde(default)]
        deep_hip_flexion: bool,
    },
}

/// A day the user marks as a flare: everything holds, nothing counts against them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Flare {
    #[serde(flatten)]
    pub extra: Extra,
}

/// A red flag reported on a given day: all progression stops.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RedFlagReport {
    pub flag: RedFlag,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The user says a clinician has checked the red flags and cleared them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RedFlagCleared {
    #[serde(flatten)]
    pub extra: Extra,
}
