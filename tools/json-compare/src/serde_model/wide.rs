//! The lean entry shape: one plain struct with every kind's fields, read
//! without serde's internally tagged enum or `flatten` (`sj_lean`), or with
//! one catch-all map per entry for unknown fields (`sj_catchall`), and
//! turned into the model's enum. The stored text is the same either way.

use super::*;

#[derive(Deserialize, Serialize)]
pub struct WireEntry {
    id: u64,
    date: NaiveDate,
    #[serde(rename = "type")]
    kind: String,
    blocks: Option<Vec<Block>>,
    response: Option<Response>,
    note: Option<String>,
    test: Option<SelfTest>,
    two_legs: Option<bool>,
    rating: Option<u8>,
    what: Option<String>,
    km: Option<f32>,
    minutes: Option<u16>,
    hills: Option<bool>,
    fast: Option<bool>,
    hours: Option<f32>,
    deep_hip_flexion: Option<bool>,
    flag: Option<RedFlag>,
    #[cfg(feature = "sj_catchall")]
    #[serde(flatten)]
    extra: Extra,
}

fn need<T>(v: Option<T>, key: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("missing field `{key}`"))
}

impl TryFrom<WireEntry> for Entry {
    type Error = String;
    fn try_from(w: WireEntry) -> Result<Self, String> {
        #[cfg(feature = "sj_catchall")]
        let extra = w.extra;
        #[cfg(not(feature = "sj_catchall"))]
        let extra = Extra::new();
        let kind = match w.kind.as_str() {
            "session" => EntryKind::Session(Session {
                blocks: w.blocks.unwrap_or_default(),
                response: w.response,
                note: w.note,
                extra,
            }),
            "morning" => EntryKind::Morning(Morning {
                rating: need(w.rating, "rating")?,
                extra,
            }),
            "baseline" => EntryKind::Baseline(Baseline {
                test: need(w.test, "test")?,
                two_legs: w.two_legs.unwrap_or_default(),
                rating: need(w.rating, "rating")?,
                extra,
            }),
            "activity" => EntryKind::Activity(Activity {
                kind: match need(w.what, "what")?.as_str() {
                    "run" => ActivityKind::Run {
                        km: need(w.km, "km")?,
                        minutes: need(w.minutes, "minutes")?,
                        hills: w.hills.unwrap_or_default(),
                        fast: w.fast.unwrap_or_default(),
                    },
                    "sitting" => ActivityKind::Sitting {
                        hours: need(w.hours, "hours")?,
                    },
                    "cycling" => ActivityKind::Cycling {
                        minutes: need(w.minutes, "minutes")?,
                    },
                    "sport" => ActivityKind::Sport {
                        minutes: need(w.minutes, "minutes")?,
                    },
                    "walk" => ActivityKind::Walk {
                        minutes: need(w.minutes, "minutes")?,
                    },
                    "stretching" => ActivityKind::Stretching {
                        deep_hip_flexion: w.deep_hip_flexion.unwrap_or_default(),
                    },
                    other => return Err(format!("unknown activity \"{other}\"")),
                },
            }),
            "flare" => EntryKind::Flare(Flare { extra }),
            "red_flag" => EntryKind::RedFlag(RedFlagReport {
                flag: need(w.flag, "flag")?,
                extra,
            }),
            "red_flag_cleared" => EntryKind::RedFlagCleared(RedFlagCleared { extra }),
            other => return Err(format!("unknown entry type \"{other}\"")),
        };
        Ok(Entry {
            id: w.id,
            date: w.date,
            kind,
        })
    }
}

/// The writing side of [`WireEntry`]: borrowed, absent fields left out.
#[derive(Serialize, Default)]
struct WireRef<'a> {
    id: u64,
    date: Option<&'a NaiveDate>,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    blocks: Option<&'a Vec<Block>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<&'a Response>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    test: Option<&'a SelfTest>,
    #[serde(skip_serializing_if = "Option::is_none")]
    two_legs: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    what: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    km: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minutes: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hills: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fast: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hours: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deep_hip_flexion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    flag: Option<&'a RedFlag>,
    #[cfg(feature = "sj_catchall")]
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    extra: Option<&'a Extra>,
}

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut w = WireRef {
            id: self.id,
            date: Some(&self.date),
            ..WireRef::default()
        };
        let extra: Option<&Extra>;
        match &self.kind {
            EntryKind::Session(x) => {
                w.kind = "session";
                w.blocks = Some(&x.blocks);
                w.response = x.response.as_ref();
                w.note = x.note.as_ref();
                extra = Some(&x.extra);
            }
            EntryKind::Morning(x) => {
                w.kind = "morning";
                w.rating = Some(x.rating);
                extra = Some(&x.extra);
            }
            EntryKind::Baseline(x) => {
                w.kind = "baseline";
                w.test = Some(&x.test);
                w.two_legs = Some(x.two_legs);
                w.rating = Some(x.rating);
                extra = Some(&x.extra);
            }
            EntryKind::Activity(a) => {
                w.kind = "activity";
                extra = None;
                match &a.kind {
                    ActivityKind::Run {
                        km,
                        minutes,
                        hills,
                        fast,
                    } => {
                        w.what = Some("run");
                        w.km = Some(*km);
                        w.minutes = Some(*minutes);
                        w.hills = Some(*hills);
                        w.fast = Some(*fast);
                    }
                    ActivityKind::Sitting { hours } => {
                        w.what = Some("sitting");
                        w.hours = Some(*hours);
                    }
                    ActivityKind::Cycling { minutes } => {
                        w.what = Some("cycling");
                        w.minutes = Some(*minutes);
                    }
                    ActivityKind::Sport { minutes } => {
                        w.what = Some("sport");
                        w.minutes = Some(*minutes);
                    }
                    ActivityKind::Walk { minutes } => {
                        w.what = Some("walk");
                        w.minutes = Some(*minutes);
                    }
                    ActivityKind::Stretching { deep_hip_flexion } => {
                        w.what = Some("stretching");
                        w.deep_hip_flexion = Some(*deep_hip_flexion);
                    }
                }
            }
            EntryKind::Flare(x) => {
                w.kind = "flare";
                extra = Some(&x.extra);
            }
            EntryKind::RedFlag(x) => {
                w.kind = "red_flag";
                w.flag = Some(&x.flag);
                extra = Some(&x.extra);
            }
            EntryKind::RedFlagCleared(x) => {
                w.kind = "red_flag_cleared";
                extra = Some(&x.extra);
            }
        }
        #[cfg(feature = "sj_catchall")]
        {
            w.extra = extra;
        }
        #[cfg(not(feature = "sj_catchall"))]
        let _ = extra;
        w.serialize(s)
    }
}
