//! The log model again, with serde's derives as the app would put them on
//! its own types (the app's types derive only `Serialize`, so these mirror
//! them field for field). Stored shape: entry kinds flattened and tagged by
//! "type", activities by "what", unknown fields in flattened `extra` maps.
//! With `wide` (the lean variants) an entry is read through one plain
//! struct instead of the flattened tagged enum; with `sj_lean` the `extra`
//! maps are not read at all (no `flatten` anywhere).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub type Extra = serde_json::Map<String, serde_json::Value>;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

/// Every struct's unknown fields: flattened, or skipped in `sj_lean`.
macro_rules! model {
    ($($item:item)*) => { $(
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        $item
    )* };
}

model! {
    pub struct Settings {
        pub affected: AffectedSide,
        pub goal: Goal,
        pub pain_ceiling: u8,
        #[serde(default)]
        pub equipment: Vec<Equipment>,
        #[serde(default)]
        pub irritability: Irritability,
        #[serde(default)]
        pub red_flags: RedFlagAnswers,
        pub start_date: NaiveDate,
        #[serde(default, skip_serializing_if = "is_false")]
        pub morning_reminder: bool,
        #[cfg_attr(feature = "sj_lean", serde(skip))]
        #[cfg_attr(not(feature = "sj_lean"), serde(flatten))]
        pub extra: Extra,
    }

    #[serde(rename_all = "snake_case")]
    pub enum AffectedSide { Left, Right, Both }

    #[serde(rename_all = "snake_case")]
    pub enum Side { Left, Right, Both }

    #[serde(rename_all = "snake_case")]
    pub enum Goal { DailyLife, Running, Sport }

    #[serde(rename_all = "snake_case")]
    pub enum Equipment { Bench, Sliders, Weights, Barbell, CurlMachine, RomanChair, Band }

    #[derive(Default)]
    pub struct Irritability {
        pub pain_at_rest: bool,
        pub pain_lasts_past_next_day: bool,
        pub sitting_under_30_min_hurts: bool,
        pub worsening_for_months: bool,
        #[serde(default)]
        pub cannot_run: bool,
        #[cfg_attr(feature = "sj_lean", serde(skip))]
        #[cfg_attr(not(feature = "sj_lean"), serde(flatten))]
        pub extra: Extra,
    }

    #[serde(rename_all = "snake_case")]
    pub enum RedFlag {
        PopWithBruising, NumbnessBelowKnee, BladderBowelOrSaddle,
        NightOrRestPainRising, FeverOrWeightLoss, NoImprovementForWeeks,
    }

    #[derive(Default)]
    pub struct RedFlagAnswers {
        #[serde(default)]
        pub present: Vec<RedFlag>,
        #[cfg_attr(feature = "sj_lean", serde(skip))]
        #[cfg_attr(not(feature = "sj_lean"), serde(flatten))]
        pub extra: Extra,
    }

    #[derive(Default)]
    pub struct Session {
        #[serde(default)]
        pub blocks: Vec<Block>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub response: Option<Response>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }

    pub struct Block {
        #[serde(rename = "ex")]
        pub exercise: String,
        pub side: Side,
        #[serde(default)]
        pub sets: Vec<SetLog>,
        #[cfg_attr(feature = "sj_lean", serde(skip))]
        #[cfg_attr(not(feature = "sj_lean"), serde(flatten))]
        pub extra: Extra,
    }

    pub struct SetLog {
        pub n: u16,
        #[serde(default, skip_serializing_if = "is_zero")]
        pub kg: f32,
        pub pain: u8,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub effort: Option<u8>,
    }

    #[serde(rename_all = "snake_case")]
    pub enum Response { Better, Same, Worse }

    pub struct Morning {
        pub rating: u8,
        #[serde(flatten)]
        pub extra: Extra,
    }

    pub struct Baseline {
        pub test: SelfTest,
        #[serde(default)]
        pub two_legs: bool,
        pub rating: u8,
        #[serde(flatten)]
        pub extra: Extra,
    }

    #[serde(rename_all = "snake_case")]
    pub enum SelfTest {
        Bridge, LongLeverBridge, FootElevatedBridge,
        LongLeverFootElevatedBridge, Rdl, MorningWalk,
    }

    pub struct Activity {
        #[serde(flatten)]
        pub kind: ActivityKind,
    }

    #[serde(tag = "what", rename_all = "snake_case")]
    pub enum ActivityKind {
        Run {
            km: f32,
            minutes: u16,
            #[serde(default)]
            hills: bool,
            #[serde(default)]
            fast: bool,
        },
        Sitting { hours: f32 },
        Cycling { minutes: u16 },
        Sport { minutes: u16 },
        Walk { minutes: u16 },
        Stretching {
            #[serde(default)]
            deep_hip_flexion: bool,
        },
    }

    #[derive(Default)]
    pub struct Flare {
        #[serde(flatten)]
        pub extra: Extra,
    }

    pub struct RedFlagReport {
        pub flag: RedFlag,
        #[serde(flatten)]
        pub extra: Extra,
    }

    #[derive(Default)]
    pub struct RedFlagCleared {
        #[serde(flatten)]
        pub extra: Extra,
    }

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
}

/// One dated entry; in the stored shape its kind sits beside id and date.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "wide"), derive(Serialize, Deserialize))]
#[cfg_attr(feature = "wide", derive(Deserialize))]
#[cfg_attr(
    feature = "wide",
    serde(try_from = "crate::serde_model::wide::WireEntry")
)]
pub struct Entry {
    pub id: u64,
    pub date: NaiveDate,
    #[cfg_attr(not(feature = "wide"), serde(flatten))]
    pub kind: EntryKind,
}

impl Entry {
    pub fn sets(&self) -> usize {
        match &self.kind {
            EntryKind::Session(s) => s.blocks.iter().map(|b| b.sets.len()).sum(),
            _ => 0,
        }
    }
}

#[cfg(feature = "wide")]
pub mod wide;
