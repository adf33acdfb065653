//! Plain wire structs for the crates without serde's data model
//! (miniserde, nanoserde, serde-lite): the one shape all three derive,
//! with no `flatten`, no tagged enums and no defaults (optional fields are
//! `Option`s), read and then turned into the app's own model types; the
//! unknown-field maps stay empty because none of the three can fill them.

// nanoserde's derive writes its error returns as `match` blocks.
#![cfg_attr(feature = "nanoserde", allow(clippy::question_mark))]

use hamstring_rehab::engine::model as app;

macro_rules! wire {
    ($($item:item)*) => { $(
        #[cfg_attr(feature = "miniserde", derive(miniserde::Serialize, miniserde::Deserialize))]
        #[cfg_attr(feature = "nanoserde", derive(nanoserde::SerJson, nanoserde::DeJson))]
        #[cfg_attr(feature = "serde_lite", derive(serde_lite::Serialize, serde_lite::Deserialize))]
        $item
    )* };
}

/// Unit enums stored by their snake_case names: the wire enum's variants
/// are those names, so no crate needs a rename attribute per variant.
macro_rules! names {
    ($($wire:ident = $app:ident { $($name:ident => $variant:ident),* })*) => { $(
        wire! {
            #[allow(non_camel_case_types)]
            #[derive(Clone, Copy)]
            pub enum $wire { $($name),* }
        }
        impl From<$wire> for app::$app {
            fn from(w: $wire) -> Self { match w { $($wire::$name => app::$app::$variant),* } }
        }
        impl From<app::$app> for $wire {
            fn from(a: app::$app) -> Self { match a { $(app::$app::$variant => $wire::$name),* } }
        }
    )* };
}

names! {
    WAffected = AffectedSide { left => Left, right => Right, both => Both }
    WSide = Side { left => Left, right => Right, both => Both }
    WGoal = Goal { daily_life => DailyLife, running => Running, sport => Sport }
    WResponse = Response { better => Better, same => Same, worse => Worse }
    WEquipment = Equipment { bench => Bench, sliders => Sliders, weights => Weights, barbell => Barbell, curl_machine => CurlMachine, roman_chair => RomanChair, band => Band }
    WRedFlag = RedFlag { pop_with_bruising => PopWithBruising, numbness_below_knee => NumbnessBelowKnee, bladder_bowel_or_saddle => BladderBowelOrSaddle, night_or_rest_pain_rising => NightOrRestPainRising, fever_or_weight_loss => FeverOrWeightLoss, no_improvement_for_weeks => NoImprovementForWeeks }
    WSelfTest = SelfTest { bridge => Bridge, long_lever_bridge => LongLeverBridge, foot_elevated_bridge => FootElevatedBridge, long_lever_foot_elevated_bridge => LongLeverFootElevatedBridge, rdl => Rdl, morning_walk => MorningWalk }
}

wire! {
    pub struct WSettings {
        pub affected: WAffected,
        pub goal: WGoal,
        pub pain_ceiling: u8,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub equipment: Option<Vec<WEquipment>>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub irritability: Option<WIrritability>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub red_flags: Option<WRedFlags>,
        pub start_date: String,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub morning_reminder: Option<bool>,
    }

    pub struct WIrritability {
        pub pain_at_rest: bool,
        pub pain_lasts_past_next_day: bool,
        pub sitting_under_30_min_hurts: bool,
        pub worsening_for_months: bool,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub cannot_run: Option<bool>,
    }

    pub struct WRedFlags {
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub present: Option<Vec<WRedFlag>>,
    }

    pub struct WBlock {
        pub ex: String,
        pub side: WSide,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub sets: Option<Vec<WSet>>,
    }

    pub struct WSet {
        pub n: u16,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub kg: Option<f32>,
        pub pain: u8,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub effort: Option<u8>,
    }

    pub struct WEntry {
        pub id: u64,
        pub date: String,
        #[cfg_attr(any(feature = "miniserde", feature = "serde_lite"), serde(rename = "type"))]
        #[cfg_attr(feature = "nanoserde", nserde(rename = "type"))]
        pub kind: String,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub blocks: Option<Vec<WBlock>>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub response: Option<WResponse>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub note: Option<String>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub test: Option<WSelfTest>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub two_legs: Option<bool>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub rating: Option<u8>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub what: Option<String>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub km: Option<f32>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub minutes: Option<u16>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub hills: Option<bool>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub fast: Option<bool>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub hours: Option<f32>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub deep_hip_flexion: Option<bool>,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub flag: Option<WRedFlag>,
    }
}

#[cfg(not(feature = "serde_lite"))]
wire! {
    pub struct WDoc {
        pub version: u32,
        pub settings: WSettings,
        #[cfg_attr(feature = "serde_lite", serde(default, skip_serializing_if = "Option::is_none"))]
        pub entries: Option<Vec<WEntry>>,
    }
}

fn need<T>(v: Option<T>, key: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("missing field `{key}`"))
}

fn date(s: &str) -> Result<chrono::NaiveDate, String> {
    hamstring_rehab::engine::json::parse_date(s).ok_or_else(|| format!("not a date: {s}"))
}

fn map<W: Into<A>, A>(v: Option<Vec<W>>) -> Vec<A> {
    v.unwrap_or_default().into_iter().map(Into::into).collect()
}

impl WSettings {
    pub fn into_app(self) -> Result<app::Settings, String> {
        let irr = self.irritability.map(|i| app::Irritability {
            pain_at_rest: i.pain_at_rest,
            pain_lasts_past_next_day: i.pain_lasts_past_next_day,
            sitting_under_30_min_hurts: i.sitting_under_30_min_hurts,
            worsening_for_months: i.worsening_for_months,
            cannot_run: i.cannot_run.unwrap_or_default(),
            extra: app::Extra::new(),
        });
        Ok(app::Settings {
            affected: self.affected.into(),
            goal: self.goal.into(),
            pain_ceiling: self.pain_ceiling,
            equipment: map::<_, app::Equipment>(self.equipment)
                .into_iter()
                .collect(),
            irritability: irr.unwrap_or_default(),
            red_flags: app::RedFlagAnswers {
                present: map::<_, app::RedFlag>(self.red_flags.and_then(|r| r.present))
                    .into_iter()
                    .collect(),
                extra: app::Extra::new(),
            },
            start_date: date(&self.start_date)?,
            morning_reminder: self.morning_reminder.unwrap_or_default(),
            // The measured logs have no dated settings.
            earlier: Vec::new(),
            extra: app::Extra::new(),
        })
    }

    pub fn from_app(s: &app::Settings) -> Self {
        let i = &s.irritability;
        WSettings {
            affected: s.affected.into(),
            goal: s.goal.into(),
            pain_ceiling: s.pain_ceiling,
            equipment: Some(s.equipment.iter().map(|&e| e.into()).collect()),
            irritability: Some(WIrritability {
                pain_at_rest: i.pain_at_rest,
                pain_lasts_past_next_day: i.pain_lasts_past_next_day,
                sitting_under_30_min_hurts: i.sitting_under_30_min_hurts,
                worsening_for_months: i.worsening_for_months,
                cannot_run: Some(i.cannot_run),
            }),
            red_flags: Some(WRedFlags {
                present: Some(s.red_flags.present.iter().map(|&r| r.into()).collect()),
            }),
            start_date: s.start_date.to_string(),
            morning_reminder: s.morning_reminder.then_some(true),
        }
    }
}

impl From<WSet> for app::SetLog {
    fn from(w: WSet) -> Self {
        app::SetLog {
            n: w.n,
            kg: w.kg.unwrap_or_default(),
            pain: w.pain,
            effort: w.effort,
        }
    }
}

impl From<WBlock> for app::Block {
    fn from(w: WBlock) -> Self {
        app::Block {
            exercise: w.ex,
            side: w.side.into(),
            sets: map(w.sets),
            extra: app::Extra::new(),
        }
    }
}

impl WEntry {
    pub fn into_app(self) -> Result<app::Entry, String> {
        use app::{ActivityKind as A, EntryKind as K};
        let extra = app::Extra::new;
        let kind = match self.kind.as_str() {
            "session" => K::Session(app::Session {
                blocks: map(self.blocks),
                response: self.response.map(Into::into),
                note: self.note,
                extra: extra(),
            }),
            "morning" => K::Morning(app::Morning {
                rating: need(self.rating, "rating")?,
                extra: extra(),
            }),
            "baseline" => K::Baseline(app::Baseline {
                test: need(self.test, "test")?.into(),
                two_legs: self.two_legs.unwrap_or_default(),
                rating: need(self.rating, "rating")?,
                extra: extra(),
            }),
            "activity" => K::Activity(app::Activity {
                kind: match need(self.what, "what")?.as_str() {
                    "run" => A::Run {
                        km: need(self.km, "km")?,
                        minutes: need(self.minutes, "minutes")?,
                        hills: self.hills.unwrap_or_default(),
                        fast: self.fast.unwrap_or_default(),
                    },
                    "sitting" => A::Sitting {
                        hours: need(self.hours, "hours")?,
                    },
                    "cycling" => A::Cycling {
                        minutes: need(self.minutes, "minutes")?,
                    },
                    "sport" => A::Sport {
                        minutes: need(self.minutes, "minutes")?,
                    },
                    "walk" => A::Walk {
                        minutes: need(self.minutes, "minutes")?,
                    },
                    "stretching" => A::Stretching {
                        deep_hip_flexion: self.deep_hip_flexion.unwrap_or_default(),
                    },
                    other => return Err(format!("unknown activity \"{other}\"")),
                },
            }),
            "flare" => K::Flare(app::Flare { extra: extra() }),
            "red_flag" => K::RedFlag(app::RedFlagReport {
                flag: need(self.flag, "flag")?.into(),
                extra: extra(),
            }),
            "red_flag_cleared" => K::RedFlagCleared(app::RedFlagCleared { extra: extra() }),
            other => return Err(format!("unknown entry type \"{other}\"")),
        };
        Ok(app::Entry {
            id: self.id,
            date: date(&self.date)?,
            kind,
        })
    }

    /// The wire copy of an app entry, for writing (the crates write only
    /// their own derived types).
    pub fn from_app(e: &app::Entry) -> Self {
        use app::{ActivityKind as A, EntryKind as K};
        let mut w = WEntry {
            id: e.id,
            date: e.date.to_string(),
            kind: String::new(),
            blocks: None,
            response: None,
            note: None,
            test: None,
            two_legs: None,
            rating: None,
            what: None,
            km: None,
            minutes: None,
            hills: None,
            fast: None,
            hours: None,
            deep_hip_flexion: None,
            flag: None,
        };
        let what = |w: &mut WEntry, s: &str| w.what = Some(s.to_string());
        w.kind = match &e.kind {
            K::Session(s) => {
                w.blocks = Some(
                    s.blocks
                        .iter()
                        .map(|b| WBlock {
                            ex: b.exercise.clone(),
                            side: b.side.into(),
                            sets: Some(
                                b.sets
                                    .iter()
                                    .map(|s| WSet {
                                        n: s.n,
                                        kg: (s.kg != 0.0).then_some(s.kg),
                                        pain: s.pain,
                                        effort: s.effort,
                                    })
                                    .collect(),
                            ),
                        })
                        .collect(),
                );
                w.response = s.response.map(Into::into);
                w.note = s.note.clone();
                "session"
            }
            K::Morning(m) => {
                w.rating = Some(m.rating);
                "morning"
            }
            K::Baseline(b) => {
                w.test = Some(b.test.into());
                w.two_legs = Some(b.two_legs);
                w.rating = Some(b.rating);
                "baseline"
            }
            K::Activity(a) => {
                match a.kind {
                    A::Run {
                        km,
                        minutes,
                        hills,
                        fast,
                    } => {
                        what(&mut w, "run");
                        w.km = Some(km);
                        w.minutes = Some(minutes);
                        w.hills = Some(hills);
                        w.fast = Some(fast);
                    }
                    A::Sitting { hours } => {
                        what(&mut w, "sitting");
                        w.hours = Some(hours);
                    }
                    A::Cycling { minutes } => {
                        what(&mut w, "cycling");
                        w.minutes = Some(minutes);
                    }
                    A::Sport { minutes } => {
                        what(&mut w, "sport");
                        w.minutes = Some(minutes);
                    }
                    A::Walk { minutes } => {
                        what(&mut w, "walk");
                        w.minutes = Some(minutes);
                    }
                    A::Stretching { deep_hip_flexion } => {
                        what(&mut w, "stretching");
                        w.deep_hip_flexion = Some(deep_hip_flexion);
                    }
                }
                "activity"
            }
            K::Flare(_) => "flare",
            K::RedFlag(r) => {
                w.flag = Some(r.flag.into());
                "red_flag"
            }
            K::RedFlagCleared(_) => "red_flag_cleared",
        }
        .to_string();
        w
    }
}
