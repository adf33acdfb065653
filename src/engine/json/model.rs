//! The log model's field tables: each type's fields, in the order
//! `model.rs` declares them, with their JSON names and rules (see
//! `table.rs`); its reader and writer are generated from them.

use super::{kind, Bad, FromJson, Obj, ToJson, Value};
use crate::engine::model::*;
use crate::json::ObjectWriter;

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

object!(Log, "the log" {
    version: "version" => req,
    settings: "settings" => req,
    entries: "entries" => default,
} + extra);

object!(Settings, "the settings" {
    affected: "affected" => req,
    goal: "goal" => req,
    pain_ceiling: "pain_ceiling" => req,
    equipment: "equipment" => default,
    irritability: "irritability" => default,
    red_flags: "red_flags" => default,
    start_date: "start_date" => req,
    morning_reminder: "morning_reminder" => skip_default,
    earlier: "earlier" => skip_default,
} + extra);

object!(Earlier, "an earlier setting" {
    until: "until" => req,
    affected: "affected" => opt,
    goal: "goal" => opt,
    pain_ceiling: "pain_ceiling" => opt,
    equipment: "equipment" => opt,
} + extra);

object!(Irritability, "the irritability answers" {
    pain_at_rest: "pain_at_rest" => req,
    pain_lasts_past_next_day: "pain_lasts_past_next_day" => req,
    sitting_under_30_min_hurts: "sitting_under_30_min_hurts" => req,
    worsening_for_months: "worsening_for_months" => req,
    cannot_run: "cannot_run" => default,
} + extra);

object!(RedFlagAnswers, "the red-flag answers" {
    present: "present" => default,
} + extra);

object!(Block, "a block" {
    exercise: "ex" => req,
    side: "side" => req,
    sets: "sets" => default,
} + extra);

// Unknown fields of a set are not kept: it has no `extra`.
object!(SetLog, "a set" {
    n: "n" => req,
    kg: "kg" => skip_default,
    pain: "pain" => opt,
    effort: "effort" => opt,
});

entry_kind!(Session {
    blocks: "blocks" => default,
    response: "response" => opt,
    note: "note" => opt,
} + extra);

entry_kind!(Morning {
    rating: "rating" => req,
    legs: "legs" => opt,
} + extra);

entry_kind!(Baseline {
    test: "test" => req,
    two_legs: "two_legs" => default,
    rating: "rating" => req,
    legs: "legs" => opt,
} + extra);

// Additive: check-ins without it read exactly as before (issue 12 point 2).
object!(Legs, "the per-leg ratings" {
    left: "left" => req,
    right: "right" => req,
});

entry_kind!(Flare {} + extra);

entry_kind!(RedFlagReport {
    flag: "flag" => req,
} + extra);

entry_kind!(RedFlagCleared {} + extra);

// An activity keeps no unknown fields: `Activity` has no `extra`.
tagged!(ActivityKind, "what", "activity", read_activity, write_activity {
    "run" => Run {
        km: "km" => req,
        minutes: "minutes" => req,
        hills: "hills" => default,
        fast: "fast" => default,
    },
    "sitting" => Sitting { hours: "hours" => req },
    "cycling" => Cycling { minutes: "minutes" => req },
    "sport" => Sport { minutes: "minutes" => req },
    "walk" => Walk { minutes: "minutes" => req },
    "stretching" => Stretching { deep_hip_flexion: "deep_hip_flexion" => default },
});

impl Activity {
    fn read(o: &Obj) -> Result<Self, Bad> {
        read_activity(o).map(|kind| Activity { kind })
    }

    fn write_fields(&self, o: &mut ObjectWriter) {
        write_activity(&self.kind, o);
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

/// The entry kinds by their `type`: `ENTRY_TYPES` and the entry's reader
/// and writer, which put the kind's fields beside the entry's id and date.
/// `EntryKind` is an enum of newtype variants, which the field tables do
/// not cover; this table is its one list.
macro_rules! entry_kinds {
    ($n:literal; $($name:literal => $v:ident($t:ident)),* $(,)?) => {
        /// Every entry `type` this build reads; an entry of another type
        /// is from a newer version, one of these that does not read is
        /// damaged.
        pub const ENTRY_TYPES: [&str; $n] = [$($name),*];

        impl FromJson for Entry {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                let o = Obj::of(v, "an entry")?;
                Ok(Entry {
                    id: o.req("id")?,
                    date: o.req("date")?,
                    kind: match o.str("type")? {
                        $($name => EntryKind::$v($t::read(&o)?),)*
                        other => return Err(format!("unknown entry type \"{other}\"")),
                    },
                })
            }
        }

        impl ToJson for Entry {
            fn write_json(&self, out: &mut String) {
                let mut o = ObjectWriter::new(out);
                o.field("id", &self.id).field("date", &self.date);
                match &self.kind {
                    $(EntryKind::$v(k) => {
                        o.field("type", $name);
                        k.write_fields(&mut o);
                    })*
                }
                o.end();
            }
        }
    };
}

entry_kinds! { 7;
    "session" => Session(Session),
    "morning" => Morning(Morning),
    "baseline" => Baseline(Baseline),
    "activity" => Activity(Activity),
    "flare" => Flare(Flare),
    "red_flag" => RedFlag(RedFlagReport),
    "red_flag_cleared" => RedFlagCleared(RedFlagCleared),
}
