//! The readers of the log model's types, field by field as `model.rs`
//! declares them (see the parent module for the rules they follow).

use super::{kind, Bad, FromJson, Obj, ToJson, Value};
use crate::engine::model::*;

/// Unit enums stored as their snake_case names, read and written from one
/// table.
macro_rules! names {
    ($t:ty { $($name:literal => $variant:path),* $(,)? }) => {
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let name = match self {
                    $($variant => $name,)*
                };
                name.write_json(out);
            }
        }

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

/// Every entry `type` this build reads; an entry of another type is from
/// a newer version, one of these that does not read is damaged.
pub const ENTRY_TYPES: [&str; 7] = [
    "session",
    "morning",
    "baseline",
    "activity",
    "flare",
    "red_flag",
    "red_flag_cleared",
];

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
