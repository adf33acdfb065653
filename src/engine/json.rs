//! Reading the log model from JSON, written by hand.
//!
//! Why not `#[derive(Deserialize)]`: with flattened `extra` maps and tagged
//! entry kinds, serde's derived readers buffer every field and are
//! instantiated once per input type; in the release wasm they were about
//! 90 KB, more than the engine itself. These readers take a parsed
//! `serde_json::Value`, so there is one copy of each. Writing stays derived
//! (`Serialize`), so the stored format is unchanged byte for byte; the
//! tests in `tests/engine_json.rs` check the two agree.
//!
//! The rules follow what serde did: a missing required field or a wrong
//! type is an error; a field with a default may be missing but not null;
//! an optional field may be missing or null; unknown fields go to `extra`
//! where the type has one and are ignored where it has not.

use super::model::*;
use crate::sorted::{SortedMap, SortedSet};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Why a value could not be read, for logs and error notices.
pub type Bad = String;

/// Types read from a parsed JSON value.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, Bad>;
}

/// Implements `serde::Deserialize` through [`FromJson`], so `serde_json`
/// and derived readers elsewhere can still read these types.
macro_rules! deserialize_via_json {
    ($($t:ty),* $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = <Value as serde::Deserialize>::deserialize(d)?;
                <$t as FromJson>::from_json(&v).map_err(serde::de::Error::custom)
            }
        }
    )*};
}

deserialize_via_json!(
    Log,
    Settings,
    Entry,
    EntryKind,
    AffectedSide,
    Goal,
    Equipment,
    RedFlag,
    Side,
    Response,
    SelfTest,
    SetLog,
    Block,
    Session,
);

/// The fields of one JSON object, read by name.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    pub fn of(v: &'a Value, what: &str) -> Result<Self, Bad> {
        match v {
            Value::Object(map) => Ok(Obj { map }),
            _ => Err(format!("{what} is not an object")),
        }
    }

    /// A field that must be there.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, Bad> {
        let v = self.map.get(key).ok_or_else(|| missing(key))?;
        T::from_json(v).map_err(|e| at(key, e))
    }

    /// A field with a default: missing gives the default, null is an error.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, Bad> {
        match self.map.get(key) {
            None => Ok(T::default()),
            Some(v) => T::from_json(v).map_err(|e| at(key, e)),
        }
    }

    /// An optional field: missing or null gives `None`.
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>, Bad> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => T::from_json(v).map(Some).map_err(|e| at(key, e)),
        }
    }

    /// Every field but `known`, kept as read.
    pub fn extra(&self, known: &[&str]) -> Extra {
        self.map
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    pub fn str(&self, key: &str) -> Result<&'a str, Bad> {
        match self.map.get(key) {
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(at(key, "not a string".into())),
            None => Err(missing(key)),
        }
    }
}

// The messages are built out of line: written at each of the many call
// sites, they were a good part of these readers' size.
#[cold]
#[inline(never)]
fn missing(key: &str) -> Bad {
    format!("missing field `{key}`")
}

#[cold]
#[inline(never)]
fn at(key: &str, e: Bad) -> Bad {
    format!("{key}: {e}")
}

/// What a value is, for messages; the value itself could be long.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn unsigned(v: &Value, max: u64) -> Result<u64, Bad> {
    match v.as_u64() {
        Some(n) if n <= max => Ok(n),
        Some(n) => Err(format!("{n} is out of range")),
        None if v.is_number() => {
            Err("expected a whole number, found a fraction or a negative".into())
        }
        None => Err(format!("expected a whole number, found {}", kind(v))),
    }
}

macro_rules! unsigned_from_json {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                // In range by the check, so the cast cannot truncate.
                unsigned(v, <$t>::MAX as u64).map(|n| n as $t)
            }
        }
    )*};
}
unsigned_from_json!(u8, u16, u32, u64, usize);

impl FromJson for f32 {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_f64()
            .map(|x| x as f32)
            .ok_or_else(|| format!("expected a number, found {}", kind(v)))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_bool()
            .ok_or_else(|| format!("expected true or false, found {}", kind(v)))
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("expected a string, found {}", kind(v)))
    }
}

impl FromJson for Value {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Ok(v.clone())
    }
}

impl FromJson for NaiveDate {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        v.as_str()
            .and_then(parse_date)
            .ok_or_else(|| format!("expected a date (YYYY-MM-DD), found {}", kind(v)))
    }
}

/// A date as the log writes it, `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match v {
            Value::Array(items) => items.iter().map(T::from_json).collect(),
            _ => Err(format!("expected a list, found {}", kind(v))),
        }
    }
}

/// Tuples are JSON arrays of exactly their length.
macro_rules! tuple_from_json {
    ($n:literal: $($t:ident $i:tt),*) => {
        impl<$($t: FromJson),*> FromJson for ($($t,)*) {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                match v {
                    Value::Array(items) if items.len() == $n => Ok(($($t::from_json(&items[$i])?,)*)),
                    _ => Err(format!("expected a list of {}, found {}", $n, kind(v))),
                }
            }
        }
    };
}
tuple_from_json!(2: A 0, B 1);
tuple_from_json!(5: A 0, B 1, C 2, D 3, E 4);

impl<T: FromJson + Ord> FromJson for SortedSet<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Vec::<T>::from_json(v).map(|items| items.into_iter().collect())
    }
}

impl<T: FromJson> FromJson for SortedMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Obj::of(v, "a map")?
            .map
            .iter()
            .map(|(k, v)| Ok((k.clone(), T::from_json(v).map_err(|e| at(k, e))?)))
            .collect()
    }
}

impl<T: FromJson + Ord> FromJson for BTreeSet<T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Vec::<T>::from_json(v).map(|items| items.into_iter().collect())
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "a map")?;
        o.map
            .iter()
            .map(|(k, v)| Ok((k.clone(), T::from_json(v).map_err(|e| at(k, e))?)))
            .collect()
    }
}

/// Unit enums stored as their snake_case names.
macro_rules! names {
    ($t:ty { $($name:literal => $variant:expr),* $(,)? }) => {
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                match v.as_str() {
                    $(Some($name) => Ok($variant),)*
                    Some(other) => Err(format!("unknown {}: \"{other}\"", stringify!($t))),
                    None => Err(format!("expected a name, found {}", kind(v))),
                }
            }
        }
    };
}

names!(AffectedSide { "left" => AffectedSide::Left, "right" => AffectedSide::Right, "both" => AffectedSide::Both });
names!(Side { "left" => Side::Left, "right" => Side::Right, "both" => Side::Both });
names!(Goal { "daily_life" => Goal::DailyLife, "running" => Goal::Running, "sport" => Goal::Sport });
names!(Response { "better" => Response::Better, "same" => Response::Same, "worse" => Response::Worse });
names!(Equipment {
    "bench" => Equipment::Bench,
    "sliders" => Equipment::Sliders,
    "weights" => Equipment::Weights,
    "barbell" => Equipment::Barbell,
    "curl_machine" => Equipment::CurlMachine,
    "roman_chair" => Equipment::RomanChair,
    "band" => Equipment::Band,
});
names!(RedFlag {
    "pop_with_bruising" => RedFlag::PopWithBruising,
    "numbness_below_knee" => RedFlag::NumbnessBelowKnee,
    "bladder_bowel_or_saddle" => RedFlag::BladderBowelOrSaddle,
    "night_or_rest_pain_rising" => RedFlag::NightOrRestPainRising,
    "fever_or_weight_loss" => RedFlag::FeverOrWeightLoss,
    "no_improvement_for_weeks" => RedFlag::NoImprovementForWeeks,
});
names!(SelfTest {
    "bridge" => SelfTest::Bridge,
    "long_lever_bridge" => SelfTest::LongLeverBridge,
    "foot_elevated_bridge" => SelfTest::FootElevatedBridge,
    "long_lever_foot_elevated_bridge" => SelfTest::LongLeverFootElevatedBridge,
    "rdl" => SelfTest::Rdl,
    "morning_walk" => SelfTest::MorningWalk,
});

impl FromJson for Log {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "the log")?;
        Ok(Log {
            version: o.req("version")?,
            settings: o.req("settings")?,
            entries: o.or_default("entries")?,
            extra: o.extra(&["version", "settings", "entries"]),
        })
    }
}

impl FromJson for Settings {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "the settings")?;
        Ok(Settings {
            affected: o.req("affected")?,
            goal: o.req("goal")?,
            pain_ceiling: o.req("pain_ceiling")?,
            equipment: o.or_default("equipment")?,
            irritability: o.or_default("irritability")?,
            red_flags: o.or_default("red_flags")?,
            start_date: o.req("start_date")?,
            morning_reminder: o.or_default("morning_reminder")?,
            extra: o.extra(&[
                "affected",
                "goal",
                "pain_ceiling",
                "equipment",
                "irritability",
                "red_flags",
                "start_date",
                "morning_reminder",
            ]),
        })
    }
}

impl FromJson for Irritability {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "the irritability answers")?;
        Ok(Irritability {
            pain_at_rest: o.req("pain_at_rest")?,
            pain_lasts_past_next_day: o.req("pain_lasts_past_next_day")?,
            sitting_under_30_min_hurts: o.req("sitting_under_30_min_hurts")?,
            worsening_for_months: o.req("worsening_for_months")?,
            cannot_run: o.or_default("cannot_run")?,
            extra: o.extra(&[
                "pain_at_rest",
                "pain_lasts_past_next_day",
                "sitting_under_30_min_hurts",
                "worsening_for_months",
                "cannot_run",
            ]),
        })
    }
}

impl FromJson for RedFlagAnswers {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "the red-flag answers")?;
        Ok(RedFlagAnswers {
            present: o.or_default("present")?,
            extra: o.extra(&["present"]),
        })
    }
}

impl FromJson for Entry {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "an entry")?;
        Ok(Entry {
            id: o.req("id")?,
            date: o.req("date")?,
            kind: EntryKind::from_json(v)?,
        })
    }
}

/// The fields an entry kind shares with its entry; never in `extra`.
const ENTRY: [&str; 3] = ["id", "date", "type"];

/// `extra` of an entry kind: everything but the entry's and the kind's own.
fn kind_extra(o: &Obj, own: &[&str]) -> Extra {
    let mut extra = o.extra(own);
    for k in ENTRY {
        extra.remove(k);
    }
    extra
}

impl FromJson for EntryKind {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "an entry")?;
        Ok(match o.str("type")? {
            "session" => EntryKind::Session(Session::from_json(v)?),
            "morning" => EntryKind::Morning(Morning {
                rating: o.req("rating")?,
                extra: kind_extra(&o, &["rating"]),
            }),
            "baseline" => EntryKind::Baseline(Baseline {
                test: o.req("test")?,
                two_legs: o.or_default("two_legs")?,
                rating: o.req("rating")?,
                extra: kind_extra(&o, &["test", "two_legs", "rating"]),
            }),
            "activity" => EntryKind::Activity(Activity {
                kind: activity(&o)?,
            }),
            "flare" => EntryKind::Flare(Flare {
                extra: kind_extra(&o, &[]),
            }),
            "red_flag" => EntryKind::RedFlag(RedFlagReport {
                flag: o.req("flag")?,
                extra: kind_extra(&o, &["flag"]),
            }),
            "red_flag_cleared" => EntryKind::RedFlagCleared(RedFlagCleared {
                extra: kind_extra(&o, &[]),
            }),
            other => return Err(format!("unknown entry type \"{other}\"")),
        })
    }
}

fn activity(o: &Obj) -> Result<ActivityKind, Bad> {
    Ok(match o.str("what")? {
        "run" => ActivityKind::Run {
            km: o.req("km")?,
            minutes: o.req("minutes")?,
            hills: o.or_default("hills")?,
            fast: o.or_default("fast")?,
        },
        "sitting" => ActivityKind::Sitting {
            hours: o.req("hours")?,
        },
        "cycling" => ActivityKind::Cycling {
            minutes: o.req("minutes")?,
        },
        "sport" => ActivityKind::Sport {
            minutes: o.req("minutes")?,
        },
        "walk" => ActivityKind::Walk {
            minutes: o.req("minutes")?,
        },
        "stretching" => ActivityKind::Stretching {
            deep_hip_flexion: o.or_default("deep_hip_flexion")?,
        },
        other => return Err(format!("unknown activity \"{other}\"")),
    })
}

impl FromJson for Session {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "a session")?;
        Ok(Session {
            blocks: o.or_default("blocks")?,
            response: o.opt("response")?,
            note: o.opt("note")?,
            extra: kind_extra(&o, &["blocks", "response", "note"]),
        })
    }
}

impl FromJson for Block {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "a block")?;
        Ok(Block {
            exercise: o.req("ex")?,
            side: o.req("side")?,
            sets: o.or_default("sets")?,
            extra: o.extra(&["ex", "side", "sets"]),
        })
    }
}

impl FromJson for SetLog {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "a set")?;
        Ok(SetLog {
            n: o.req("n")?,
            kg: o.or_default("kg")?,
            pain: o.req("pain")?,
            effort: o.opt("effort")?,
        })
    }
}
