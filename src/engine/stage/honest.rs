//! Gates stay honest (issue 12 point 4): what a gate unlocked (deep hip
//! flexion, jumps, running) locks again when repeated flares scale the work
//! it rests on back below what the gate needed, and the reason says so.

use super::done::the;
use super::Standing;
use crate::engine::catalogue::{ladder, Ladder, Stage, Unlock, LADDERS};
use crate::engine::model::Side;
use crate::engine::rules::DEEP_FLEXION_AFTER_LEVEL;
use chrono::NaiveDate;

/// A leg stands below `level`, or below its target there when `target`.
fn below(r: &dyn Standing, l: &'static Ladder, level: usize, target: bool, s: Side) -> bool {
    let p = r.position(l, s);
    p.level < level || (p.level == level && target && !p.at_target(l))
}

/// The leg a repeated flare on `d` took below the requirement, if any.
fn knocked_below(
    r: &dyn Standing,
    l: &'static Ladder,
    level: usize,
    target: bool,
    d: NaiveDate,
) -> Option<Side> {
    [Side::Left, Side::Right]
        .into_iter()
        .find(|&s| r.knocked(l, s) == Some(d) && below(r, l, level, target, s))
}

/// Some ladder still stands at the requirement on both legs, after a leg of
/// one of them was knocked below it on `d`: (exercise, leg knocked) when
/// none does.
fn lost(
    r: &dyn Standing,
    d: NaiveDate,
    needs: &dyn Fn(&Ladder, usize) -> bool,
    target: bool,
) -> Option<(&'static str, Side)> {
    let mut knocked = None;
    let mut holds = false;
    for l in LADDERS {
        for level in (0..l.levels.len()).filter(|&i| needs(l, i)) {
            if let Some(s) = knocked_below(r, l, level, target, d) {
                knocked = Some((l.level(level).name, s));
            } else if r.touched(l)
                && still_open(r, l)
                && [Side::Left, Side::Right]
                    .iter()
                    .all(|&s| !below(r, l, level, target, s))
            {
                holds = true;
            }
        }
    }
    knocked.filter(|_| !holds)
}

/// Whether what opened the ladder still stands: work on a ladder locked
/// again (the single-leg RDL once the bridge under it is knocked back a
/// level) can no longer be done, so it holds no gate open.
fn still_open(r: &dyn Standing, l: &Ladder) -> bool {
    match l.unlock {
        Unlock::WithStage => true,
        Unlock::DeepFlexion => r.deep_open(),
        Unlock::AfterLevel { ladder: id, level } => ladder(id).is_some_and(|o| {
            [Side::Left, Side::Right]
                .iter()
                .all(|&s| r.position(o, s).level + 1 >= usize::from(level))
        }),
    }
}

/// "Jumps are on hold again: repeated flares took the single-leg RDL on
/// your left leg below its target. …": one sentence shape for every lock.
fn on_hold(what: &str, name: &str, s: Side, below: &str, back: &str) -> String {
    format!(
        "{what} on hold again: repeated flares took {} on your {} leg {below}. {back}",
        the(name),
        s.label()
    )
}

/// The stage a repeated flare on `d` sends the user back to, with why.
pub(super) fn stage_knocked(r: &dyn Standing, d: NaiveDate) -> Option<(Stage, String)> {
    if r.stage() >= Stage::EnergyStorage {
        if let Some((name, s)) = lost(r, d, &super::advanced, true) {
            let what = if r.stage() == Stage::ReturnToRunning {
                "Jumps and running are"
            } else {
                "Jumps are"
            };
            let back = "They return once it is at its target on both legs again, nearly pain-free.";
            return Some((
                Stage::HeavySlow,
                on_hold(what, name, s, "below its target", back),
            ));
        }
    }
    if r.stage() == Stage::ReturnToRunning {
        let top = |l: &Ladder, i: usize| l.stage == Stage::EnergyStorage && i + 1 == l.levels.len();
        if let Some((name, s)) = lost(r, d, &top, false) {
            let back =
                "It returns once single-leg maximal jumps are nearly pain-free on both legs again.";
            return Some((
                Stage::EnergyStorage,
                on_hold("Running is", name, s, "back a level", back),
            ));
        }
    }
    None
}

/// Why deep hip flexion closes on `d`: a repeated flare took a leg of the
/// bridge it rests on below its single-leg level.
pub(super) fn deep_knocked(r: &dyn Standing, d: NaiveDate) -> Option<String> {
    let hb = ladder("hamstring_bridge")?;
    let s = knocked_below(r, hb, DEEP_FLEXION_AFTER_LEVEL, false, d)?;
    let back = "It reopens once that leg is back at the single-leg bridge.";
    Some(on_hold(
        "Deep hip bending is",
        hb.levels[0].name,
        s,
        "back a level",
        back,
    ))
}

/// A change the user is told about on Today, the day it happens (issue 12
/// point 13).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct News {
    pub title: String,
    pub text: String,
    /// Good news (a stage gained, a new level), drawn as a celebration
    /// rather than as a caution.
    pub good: bool,
}

fn news(title: impl Into<String>, text: impl Into<String>) -> News {
    News {
        title: title.into(),
        text: text.into(),
        good: false,
    }
}

fn good(title: impl Into<String>, text: impl Into<String>) -> News {
    News {
        good: true,
        ..news(title, text)
    }
}

/// What changed on `today`: stages gained or lost (from the stage log),
/// deep hip flexion opened or closed again.
pub fn today_news(
    log: &[super::StageChange],
    deep_open: Option<NaiveDate>,
    deep_closed: Option<&(NaiveDate, String)>,
    today: NaiveDate,
) -> Vec<News> {
    let mut out = Vec::new();
    for w in log.windows(2).filter(|w| w[1].date == today) {
        let (from, to) = (w[0].stage, w[1].stage);
        out.push(if to == Stage::ReturnToRunning && to > from {
            good(
                "Back to running",
                "Running starts again today, built up bit by bit. Well earned.",
            )
        } else if to > from {
            good(
                format!("You've moved up to stage {}", to.number()),
                format!("{} starts today. Well done.", to.name()),
            )
        } else {
            news(
                format!("Back to stage {}", to.number()),
                w[1].reason.clone(),
            )
        });
    }
    if deep_open == Some(today) {
        out.push(good(
            "Deep hip bending opens",
            "Exercises that bend the hip further can join your plan now.",
        ));
    }
    if let Some((_, why)) = deep_closed.filter(|c| c.0 == today) {
        out.push(news("Deep hip bending on hold", why.clone()));
    }
    out
}

/// Locks again still in force, each with its reason: a stage lost and not
/// regained, deep hip flexion closed and not reopened.
pub fn setbacks(
    log: &[super::StageChange],
    deep_closed: Option<&(NaiveDate, String)>,
) -> Vec<String> {
    let lost = log
        .windows(2)
        .last()
        .filter(|w| w[1].stage < w[0].stage)
        .map(|w| w[1].reason.clone());
    lost.into_iter()
        .chain(deep_closed.map(|c| c.1.clone()))
        .collect()
}

/// The levels yesterday's session earned, said as good news the morning
/// they open (issue 14 point 4): one line however many opened.
pub fn level_news(decisions: &[crate::engine::decide::Decision]) -> Option<News> {
    use crate::engine::decide::{Change, DecisionKind, Phase};
    let mut text = String::from("You've earned the next step: ");
    let mut count = 0;
    for d in decisions {
        if let (Phase::NextMorning, DecisionKind::Progress, Some(Change::NextLevel(name))) =
            (d.phase, d.kind, &d.change)
        {
            if count > 0 {
                text.push_str(", ");
            }
            count += 1;
            text.push_str(name);
            if d.side != Side::Both {
                text.push_str(" (");
                text.push_str(d.side.label());
                text.push_str(" leg)");
            }
        }
    }
    text.push('.');
    let title = match count {
        0 => return None,
        1 => "A new level",
        _ => "New levels",
    };
    Some(good(title, text))
}
