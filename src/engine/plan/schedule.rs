//! Which exercises a day offers: the session of the stage and slot, rest
//! days, the return-to-running week, and each item's dose for today.

use super::*;

pub(super) fn schedule(r: &Replay, today: NaiveDate, calls: &Calls) -> (DayPlan, Vec<Item>) {
    let items_for = |l: &'static Ladder| items_for(r, l, calls, today);
    let eq = &r.settings.equipment;
    let in_slot = |slot: Slot| {
        move |l: &&'static Ladder| {
            l.slot == slot && usable(r.position(l, Side::Left).exercise(l), eq)
        }
    };
    if r.stage == Stage::Isometric {
        let sessions = r.day(today).map_or(0, |d| d.sessions.len());
        if sessions >= MAX_ISOMETRIC_SESSIONS_PER_DAY {
            return rest(format!("You have done holds {sessions} times today, the most that helps. Rest until tomorrow."));
        }
        let items = r
            .offered()
            .filter(|l| l.stage == Stage::Isometric)
            .flat_map(&items_for)
            .collect();
        return (
            DayPlan::Load {
                label: "Isometric holds".into(),
            },
            items,
        );
    }
    let heavy_today = r.day(today).is_some_and(|d| d.heavy());
    let heavy_yesterday = r.day(days_back(today, 1)).is_some_and(|d| d.heavy());
    let heavy_this_week = r
        .days
        .map
        .range(days_back(today, 6)..today)
        .filter(|(_, d)| d.heavy())
        .count();
    let heavy_before = r.days.map.range(..today).filter(|(_, d)| d.heavy()).count();
    if r.stage == Stage::ReturnToRunning && !heavy_today {
        if let Some(day) = running_week_day(r, today, heavy_this_week, items_for) {
            return day;
        }
    } else if !heavy_today && (heavy_yesterday || heavy_this_week >= MAX_HEAVY_SESSIONS_PER_WEEK) {
        let reason = if heavy_yesterday {
            "Rest day: heavy sessions need a day between them so the tendon can adapt.".to_string()
        } else {
            format!("Rest day: you have done {MAX_HEAVY_SESSIONS_PER_WEEK} heavy sessions this week, the most that helps.")
        };
        return rest(reason);
    }
    // Alternate the two sessions of the example week in `000_…`.
    let (slot, label) = if heavy_before % 2 == 0 {
        (Slot::A, "Session A")
    } else {
        (Slot::B, "Session B")
    };
    let mut items: Vec<Item> = Vec::new();
    // Jumps come first in a session, while fresh (`000_…`).
    for l in r
        .offered()
        .filter(|l| l.stage == Stage::EnergyStorage)
        .filter(in_slot(slot))
    {
        items.extend(items_for(l));
    }
    // One ladder per category a session, the most advanced one offered, so a
    // session stays about as long as the example week's (`000_…`). Work in
    // deep hip flexion comes beside it, never in place of the neutral
    // option; and the single-leg hamstring bridge stays until running
    // starts, since running waits for it (issue 12 point 7).
    let heavy: Vec<&'static Ladder> = r
        .offered()
        .filter(|l| l.stage == Stage::HeavySlow)
        .filter(in_slot(slot))
        .collect();
    let keep_bridge = r.settings.goal.needs_energy_storage() && r.stage < Stage::ReturnToRunning;
    let beside = |l: &'static Ladder| {
        let deep = [Side::Left, Side::Right]
            .iter()
            .any(|&s| r.position(l, s).exercise(l).flexion == Flexion::Deep);
        deep || (keep_bridge && l.levels.iter().any(|e| e.id == RUNNING_BRIDGE))
    };
    for (i, &l) in heavy.iter().enumerate() {
        let last = heavy
            .iter()
            .rposition(|c| c.category == l.category && !beside(c));
        if beside(l) || last == Some(i) {
            items.extend(items_for(l));
        }
    }
    (
        DayPlan::Load {
            label: label.into(),
        },
        items,
    )
}

fn rest(reason: String) -> (DayPlan, Vec<Item>) {
    (DayPlan::Rest { reason }, Vec::new())
}

/// In return to running a run is tendon loading too, so heavy sessions and
/// runs take turns with a day off after each: never two loading days in a
/// row, and at least [`MIN_REST_DAYS_PER_WEEK`] days a week with neither
/// (rehab-model §4). `None` means today is a heavy session day.
fn running_week_day(
    r: &Replay,
    today: NaiveDate,
    heavy_this_week: usize,
    items_for: impl Fn(&'static Ladder) -> Vec<Item>,
) -> Option<(DayPlan, Vec<Item>)> {
    let loading = |d: &crate::engine::days::Day| d.heavy() || d.ran();
    let ran_today = r.day(today).is_some_and(|d| d.ran());
    let run = r.offered().find(|l| l.stage == Stage::ReturnToRunning);
    let run_day = || {
        Some((
            DayPlan::Load {
                label: "Run".into(),
            },
            items_for(run?),
        ))
    };
    // A run already logged today stays today's plan, so its sets show.
    if ran_today {
        return run_day();
    }
    let week: Vec<_> = r.days.map.range(days_back(today, 6)..today).collect();
    if let Some((_, yesterday)) = week.last().filter(|(d, _)| **d == days_back(today, 1)) {
        if loading(yesterday) {
            let what = if yesterday.heavy() {
                "heavy session"
            } else {
                "run"
            };
            return Some(rest(format!(
                "Rest day: yesterday's {what} loaded the tendon, and a day off between loading days lets it adapt."
            )));
        }
    }
    let loaded = week.iter().filter(|(_, d)| loading(d)).count();
    if loaded + MIN_REST_DAYS_PER_WEEK >= 7 {
        return Some(rest(format!(
            "Rest day: keep at least {MIN_REST_DAYS_PER_WEEK} days a week free of heavy work and runs."
        )));
    }
    let runs = week.iter().filter(|(_, d)| d.ran()).count();
    let last_was_heavy = week
        .iter()
        .rev()
        .find(|(_, d)| loading(d))
        .is_some_and(|(_, d)| d.heavy());
    let may_run = run.is_some() && runs < MAX_RUNS_PER_WEEK;
    let may_lift = heavy_this_week < MAX_HEAVY_SESSIONS_PER_WEEK;
    if may_run && (last_was_heavy || !may_lift) {
        return run_day();
    }
    if may_lift {
        return None;
    }
    Some(rest(format!(
        "Rest day: this week's {MAX_HEAVY_SESSIONS_PER_WEEK} heavy sessions and {runs} runs are the most that helps."
    )))
}

pub(super) fn items_for(
    r: &Replay,
    l: &'static Ladder,
    calls: &Calls,
    today: NaiveDate,
) -> Vec<Item> {
    let last = |side: Side| {
        r.decisions
            .iter()
            .rev()
            .find(|d| {
                d.phase == Phase::NextMorning
                    && d.ladder == l.id
                    && (d.side == side || d.side == Side::Both || side == Side::Both)
            })
            .cloned()
    };
    let call = |s: Side| {
        let one_leg = l.level(r.position(l, s).level).one_leg;
        calls[if one_leg { s as usize } else { 2 }].as_ref()
    };
    let [left, right] = [Side::Left, Side::Right]
        .map(|s| today::offered(r, l, s, last(s).as_ref(), call(s), today));
    let item = |side: Side,
                (p, planned): (
        crate::engine::dose::Position,
        Option<crate::engine::dose::Position>,
    )| Item {
        ladder: l,
        exercise: l.level(p.level),
        level: p.level,
        side,
        dose: p.dose,
        last: last(side),
        planned,
    };
    if left.0 == right.0 && !l.level(left.0.level).one_leg {
        vec![item(Side::Both, left)]
    } else {
        vec![item(Side::Left, left), item(Side::Right, right)]
    }
}
