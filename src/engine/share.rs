//! The clinician summary as data, and its compact form for a share link.
//!
//! The link carries the summary in the URL fragment, which browsers never
//! send to a server. Decoding checks everything, so a garbled, cut or
//! hostile link gets a clear message and nothing else happens.

use super::catalogue::{exercises, Stage};
use super::json::{Bad, FromJson, Obj, Value};
use super::model::*;
use super::plan::plan;
use super::progress::progress;
use crate::json::{ObjectWriter, ToJson};
use chrono::{Days, NaiveDate};
use serde::Serialize;

/// Mornings a summary carries: about a year, one character each.
pub const SUMMARY_DAYS: usize = 365;
/// Session notes a summary carries, newest first, and their length.
pub const SUMMARY_NOTES: usize = 3;
pub const NOTE_CHARS: usize = 100;
/// Longest fragment we try to read; anything longer is not ours.
pub const MAX_LINK_CHARS: usize = 8_000;

/// One exercise and its dose now, for one side or both legs.
#[derive(Clone, Debug, PartialEq)]
pub struct Dosed {
    pub exercise: &'static str,
    pub side: Side,
    /// Sets, reps or seconds or minutes, kg.
    pub dose: (u8, u16, f32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub made: NaiveDate,
    pub goal: Goal,
    pub affected: AffectedSide,
    pub stage: u8,
    pub test: SelfTest,
    pub baseline: u8,
    pub ceiling: u8,
    pub exercises: Vec<Dosed>,
    /// The first day of `mornings`.
    pub from: NaiveDate,
    /// One character a day: '0'-'9', 'a' for 10, '-' for no check-in.
    pub mornings: String,
    /// Flare days as offsets from `from`.
    pub flares: Vec<u16>,
    pub red_flags: Vec<RedFlag>,
    pub notes: Vec<(NaiveDate, String)>,
}

/// The link's form of a summary: short keys, exercises as catalogue
/// positions. The catalogue only ever grows at the end, so old links keep
/// pointing at the same exercises; a reorder needs a new version.
#[derive(Serialize)] // the tests' reference for `ToJson` below
struct Wire {
    v: u8,
    m: NaiveDate,
    g: Goal,
    a: AffectedSide,
    st: u8,
    t: SelfTest,
    b: u8,
    c: u8,
    /// (catalogue position, side 0 left 1 right 2 both, sets, amount, kg)
    e: Vec<(u16, u8, u8, u16, f32)>,
    f: NaiveDate,
    fl: Vec<u16>,
    rf: Vec<RedFlag>,
    n: Vec<(NaiveDate, String)>,
}

impl ToJson for Wire {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("v", &self.v)
            .field("m", &self.m)
            .field("g", &self.g)
            .field("a", &self.a)
            .field("st", &self.st)
            .field("t", &self.t)
            .field("b", &self.b)
            .field("c", &self.c)
            .field("e", &self.e)
            .field("f", &self.f)
            .field("fl", &self.fl)
            .field("rf", &self.rf)
            .field("n", &self.n)
            .end();
    }
}

impl FromJson for Wire {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let o = Obj::of(v, "a summary")?;
        Ok(Wire {
            v: o.req("v")?,
            m: o.req("m")?,
            g: o.req("g")?,
            a: o.req("a")?,
            st: o.req("st")?,
            t: o.req("t")?,
            b: o.req("b")?,
            c: o.req("c")?,
            e: o.req("e")?,
            f: o.req("f")?,
            fl: o.req("fl")?,
            rf: o.req("rf")?,
            n: o.req("n")?,
        })
    }
}

fn side_code(s: Side) -> u8 {
    match s {
        Side::Left => 0,
        Side::Right => 1,
        Side::Both => 2,
    }
}

impl Summary {
    pub fn stage(&self) -> Stage {
        Stage::ALL[usize::from(self.stage.clamp(1, 4)) - 1]
    }

    /// The mornings as (date, rating) for days with a check-in.
    pub fn morning_points(&self) -> Vec<(NaiveDate, u8)> {
        self.mornings
            .chars()
            .enumerate()
            .filter_map(|(i, c)| {
                let rating = c.to_digit(11)? as u8;
                Some((self.from.checked_add_days(Days::new(i as u64))?, rating))
            })
            .collect()
    }

    pub fn flare_dates(&self) -> Vec<NaiveDate> {
        self.flares
            .iter()
            .filter_map(|&o| self.from.checked_add_days(Days::new(u64::from(o))))
            .collect()
    }
}

pub fn summary(log: &Log, today: NaiveDate) -> Summary {
    let p = plan(log, today);
    let prog = progress(log, today);
    let now = log.settings.on(today);
    let from = today
        .checked_sub_days(Days::new(SUMMARY_DAYS as u64 - 1))
        .unwrap_or(today)
        .max(log.settings.start_date.min(today));
    let days = (today - from).num_days().max(0) as usize + 1;
    let mut chars = vec!['-'; days];
    for m in &prog.mornings {
        if m.date >= from && m.date <= today {
            chars[(m.date - from).num_days() as usize] =
                std::char::from_digit(u32::from(m.rating.min(10)), 11).unwrap_or('-');
        }
    }
    let mut exercises = Vec::new();
    for pair in &prog.positions {
        let both = pair.left == pair.right && !pair.ladder.level(pair.left.level).one_leg;
        let sides: &[(Side, super::dose::Position)] = if both {
            &[(Side::Both, pair.left)]
        } else {
            &[(Side::Left, pair.left), (Side::Right, pair.right)]
        };
        for &(side, pos) in sides {
            exercises.push(Dosed {
                exercise: pair.ladder.level(pos.level).id,
                side,
                dose: (pos.dose.sets, pos.dose.amount, pos.dose.load_kg),
            });
        }
    }
    let mut notes: Vec<(NaiveDate, String)> = log
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Session(s) => s
                .note
                .as_ref()
                .map(|n| (e.date, n.chars().take(NOTE_CHARS).collect())),
            _ => None,
        })
        .collect();
    crate::sorted::sort_by(&mut notes, &|n| (-crate::sorted::day_key(n.0), 0));
    notes.truncate(SUMMARY_NOTES);
    let mut red_flags: Vec<RedFlag> = log
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::RedFlag(r) => Some(r.flag),
            _ => None,
        })
        .chain(log.settings.red_flags.present.iter().copied())
        .collect();
    crate::sorted::sort_by(&mut red_flags, &|f| (*f as i64, 0));
    red_flags.dedup();
    Summary {
        made: today,
        goal: now.goal,
        affected: now.affected,
        stage: p.stage.number(),
        test: p.test,
        baseline: p.baseline,
        ceiling: now.pain_ceiling,
        exercises,
        from,
        mornings: chars.into_iter().collect(),
        flares: prog
            .flares
            .iter()
            .filter(|d| **d >= from)
            .map(|d| (*d - from).num_days() as u16)
            .collect(),
        red_flags,
        notes,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    NotALink,
    Damaged,
    NewerVersion,
    OutOfRange,
}

impl ShareError {
    pub fn message(&self) -> &'static str {
        match self {
            ShareError::TooLong | ShareError::NotALink => "This doesn't look like a summary link from this app.",
            ShareError::Damaged => "This summary link is damaged or cut short. Ask for it to be sent again, copied in full.",
            ShareError::NewerVersion => "This summary was made by a newer version of the app. Update the app to open it.",
            ShareError::OutOfRange => "This summary link holds values the app can't trust, so it isn't shown.",
        }
    }
}

/// The fragment: base64url of the summary, a dot, then the mornings, which
/// are URL-safe already and would only grow in base64.
pub fn encode(s: &Summary) -> String {
    let position = |id: &str| exercises().position(|(_, _, e)| e.id == id).unwrap_or(0) as u16;
    let wire = Wire {
        v: 1,
        m: s.made,
        g: s.goal,
        a: s.affected,
        st: s.stage,
        t: s.test,
        b: s.baseline,
        c: s.ceiling,
        e: s.exercises
            .iter()
            .map(|d| {
                (
                    position(d.exercise),
                    side_code(d.side),
                    d.dose.0,
                    d.dose.1,
                    d.dose.2,
                )
            })
            .collect(),
        f: s.from,
        fl: s.flares.clone(),
        rf: s.red_flags.clone(),
        n: s.notes.clone(),
    };
    let json = crate::json::to_string(&wire).into_bytes();
    format!("{}.{}", base64url(&json), s.mornings)
}

pub fn decode(text: &str) -> Result<Summary, ShareError> {
    if text.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong);
    }
    let (head, mornings) = text.trim().split_once('.').ok_or(ShareError::NotALink)?;
    let bytes = unbase64url(head).ok_or(ShareError::NotALink)?;
    // Text, not bytes, so the app carries one JSON parser rather than two.
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Damaged)?;
    let value = crate::json::parse(&text).map_err(|_| ShareError::Damaged)?;
    if value
        .get("v")
        .and_then(|v| v.as_u64())
        .is_some_and(|v| v > 1)
    {
        return Err(ShareError::NewerVersion);
    }
    let w = Wire::from_json(&value).map_err(|_| ShareError::Damaged)?;
    let all: Vec<&'static str> = exercises().map(|(_, _, e)| e.id).collect();
    let mut list = Vec::with_capacity(w.e.len());
    for &(i, side, sets, amount, kg) in &w.e {
        let exercise = *all.get(usize::from(i)).ok_or(ShareError::OutOfRange)?;
        let side = [Side::Left, Side::Right, Side::Both]
            .get(usize::from(side))
            .copied()
            .ok_or(ShareError::OutOfRange)?;
        if !(kg.is_finite() && (0.0..=500.0).contains(&kg)) {
            return Err(ShareError::OutOfRange);
        }
        list.push(Dosed {
            exercise,
            side,
            dose: (sets, amount, kg),
        });
    }
    let ok = w.v == 1
        && (1..=4).contains(&w.st)
        && w.b <= 10
        && w.c <= 5
        && list.len() <= 40
        && mornings.chars().count() <= SUMMARY_DAYS
        && mornings.chars().all(|c| c == '-' || c.is_digit(11))
        && w.fl.len() <= SUMMARY_DAYS
        && w.fl.iter().all(|&f| usize::from(f) < SUMMARY_DAYS)
        && w.n.len() <= SUMMARY_NOTES
        && w.n.iter().all(|(_, n)| n.chars().count() <= NOTE_CHARS)
        && w.rf.len() <= RedFlag::ALL.len();
    if !ok {
        return Err(ShareError::OutOfRange);
    }
    Ok(Summary {
        made: w.m,
        goal: w.g,
        affected: w.a,
        stage: w.st,
        test: w.t,
        baseline: w.b,
        ceiling: w.c,
        exercises: list,
        from: w.f,
        mornings: mornings.to_string(),
        flares: w.fl,
        red_flags: w.rf,
        notes: w.n,
    })
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding, so the link needs no escaping.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let digits: Option<Vec<u32>> = text
        .bytes()
        .map(|c| B64.iter().position(|&b| b == c).map(|p| p as u32))
        .collect();
    let digits = digits?;
    if digits.len() % 4 == 1 {
        return None;
    }
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &d)| acc | d << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i) & 0xff) as u8);
        }
    }
    Some(out)
}
