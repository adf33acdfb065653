//! The plan map's words and per-side positions: on positions made by hand,
//! and on logs written by the simulated user, as the app would write them.

use super::model::*;
use crate::engine::catalogue::{ladder, Category, Stage};
use crate::engine::dose::{first_usable, Dose, Position};
use crate::engine::model::{Equipment, Goal, Response, SelfTest, Side};
use crate::engine::synthetic::{settings, Sim};
use crate::sorted::SortedSet;
use chrono::NaiveDate;

fn at(level: usize, sets: u8, amount: u16) -> Position {
    Position {
        level,
        dose: Dose {
            sets,
            amount,
            load_kg: 0.0,
        },
    }
}

fn day1() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

#[test]
fn an_untouched_ladder_starts_at_its_first_level_the_equipment_allows() {
    let l = ladder("iso").unwrap();
    let none = SortedSet::new();
    let start = Standing::Start(first_usable(l, 0, &none));
    assert_eq!(
        marks(l, start, false),
        [(0, "Start here: 3 x 30 s hold".into())]
    );
    // The curl machine ladder has no level without the machine.
    let curl = ladder("prone_curl").unwrap();
    let view = ladder_view(
        curl,
        Standing::Start(first_usable(curl, 0, &none)),
        None,
        &none,
    );
    assert!(view.levels.iter().all(|v| v.here.is_empty()));
    assert_eq!(
        view.levels[0].missing.as_deref(),
        Some("Skipped for now: needs a hamstring curl machine.")
    );
    assert_eq!(
        view.next,
        ["This needs a hamstring curl machine, which is not on your equipment list. You can add it in Settings."]
    );
    assert!(view.folded);
    // Only what is missing is named: with a bench, the loaded calf raise
    // lacks just the weights.
    let calf = ladder("calf").unwrap();
    let bench: SortedSet<Equipment> = [Equipment::Bench].into();
    let view = ladder_view(calf, Standing::Start(Some(0)), None, &bench);
    assert_eq!(
        view.levels[3].missing.as_deref(),
        Some("Skipped for now: needs a kettlebell or dumbbells.")
    );
    assert!(!view.folded);
}

#[test]
fn legs_on_different_levels_are_shown_each_with_their_own_next_step() {
    let l = ladder("bridge").unwrap();
    let standing = Standing::Touched {
        left: at(1, 3, 12),
        right: at(1, 3, 8),
    };
    assert_eq!(
        marks(l, standing, false),
        [
            (1, "You are here (left): 3 x 12 reps".into()),
            (1, "You are here (right): 3 x 8 reps".into())
        ]
    );
    let eq: SortedSet<Equipment> = [Equipment::Bench].into();
    // Same level: one criterion. Different levels: one each.
    assert_eq!(next_steps(l, standing, &eq).len(), 1);
    let apart = Standing::Touched {
        left: at(3, 3, 10),
        right: at(1, 3, 8),
    };
    let next = next_steps(l, apart, &eq);
    assert!(
        next[0].starts_with("Left leg: Next step: 4 x 15 reps each leg"),
        "{}",
        next[0]
    );
    assert!(
        next[0].ends_with("This is the last level here."),
        "{}",
        next[0]
    );
    assert!(next[1].starts_with("Right leg: Next step: 3 x 15 reps each leg"));
    assert!(
        next[1].ends_with("Then: Double-leg hip thrust."),
        "{}",
        next[1]
    );
    // Without a bench, the hip thrusts are skipped: nothing follows.
    let bare = next_steps(l, apart, &SortedSet::new());
    assert!(
        bare[1].ends_with("This is the last level here."),
        "{}",
        bare[1]
    );
}

#[test]
fn both_legs_together_show_once() {
    let l = ladder("bridge").unwrap();
    let p = at(0, 3, 12);
    let standing = Standing::Touched { left: p, right: p };
    assert_eq!(
        marks(l, standing, false),
        [(0, "You are here (both legs): 3 x 12 reps".into())]
    );
}

#[test]
fn later_stages_say_what_opens_them() {
    let jumps = ladder("vertical_jump").unwrap();
    let words = lock_words(
        jumps,
        "It starts in stage 3, energy storage.",
        Stage::HeavySlow,
    );
    assert_eq!(
        words,
        "Jumps unlock when single-leg work is nearly pain-free (1/10 or less) and both sides match."
    );
    // A ladder of the current stage keeps the engine's own reason.
    let dl = ladder("deadlift").unwrap();
    assert_eq!(
        lock_words(dl, "It opens once …", Stage::HeavySlow),
        "It opens once …"
    );
}

#[test]
fn a_runner_in_stage_2_sees_four_stages_locked_jumps_and_their_bridges() {
    let mut sim = Sim::new(settings(Goal::Running, day1()), SelfTest::Bridge, 2);
    // The right leg hurts past the ceiling on one-leg work, so it holds
    // while the left moves on.
    for _ in 0..40 {
        sim.morning(2);
        sim.train_with(Response::Same, |item, n| {
            (n, if item.side == Side::Right { 5 } else { 1 })
        });
        sim.next_day();
    }
    sim.morning(2);
    let plan = sim.plan();
    let map = MapModel::build(&sim.log, &plan, sim.today);
    let statuses: Vec<_> = map
        .stages
        .iter()
        .map(|r| (r.stage.number(), r.status))
        .collect();
    assert_eq!(
        statuses,
        [
            (1, StageStatus::Skipped),
            (2, StageStatus::Current),
            (3, StageStatus::Ahead),
            (4, StageStatus::Ahead)
        ]
    );
    assert_eq!(map.gate.as_ref().map(|g| g.to), Some(Stage::EnergyStorage));
    let jumps = &map.sections[2].groups[0].1[0];
    assert!(jumps.locked.as_deref().unwrap().starts_with("Jumps unlock"));
    assert!(jumps.next.is_empty());
    assert!(jumps.folded);
    assert_eq!(
        jumps.levels[0].here,
        ["Start here once it opens: 2 x 6 reps"]
    );
    let bridge = &map.sections[1].groups[0].1[0];
    assert_eq!(bridge.ladder.id, "bridge");
    let here: Vec<&String> = bridge.levels.iter().flat_map(|v| &v.here).collect();
    assert_eq!(here.len(), 2, "{here:?}");
    assert!(here[0].starts_with("You are here (left)"), "{here:?}");
    assert!(here[1].starts_with("You are here (right)"), "{here:?}");
}

#[test]
fn everyday_life_has_no_stage_3_or_jumps() {
    let sim = Sim::new(settings(Goal::DailyLife, day1()), SelfTest::Bridge, 2);
    let map = MapModel::build(&sim.log, &sim.plan(), sim.today);
    assert_eq!(map.stages.len(), 2);
    assert!(map.gate.is_none());
    assert!(map
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .all(|(c, _)| *c != Category::Jumps && *c != Category::Running));
    // Nothing done yet: every ladder on offer shows where it starts, not
    // "you are here", though progress already lists it at that position.
    let bridge = &map.sections[1].groups[0].1[0];
    assert_eq!(bridge.levels[0].here, ["Start here: 3 x 10 reps"]);
}

#[test]
fn the_markup_keeps_every_stage_ladder_and_lock_of_the_model() {
    let mut sim = Sim::new(settings(Goal::Running, day1()), SelfTest::Bridge, 2);
    sim.morning(2);
    let map = MapModel::build(&sim.log, &sim.plan(), sim.today);
    let html = super::markup::map_html(&map);
    assert!(html.starts_with(r#"<section aria-labelledby="map-heading" class="card map"><h2 id="map-heading">Your plan</h2>"#));
    for s in &map.sections {
        let id = format!(r#"<h2 id="map-stage-{}">"#, s.stage.number());
        assert!(html.contains(&id), "{id}");
        for (_, ladders) in &s.groups {
            for l in ladders {
                assert!(html.contains(&format!(r#" id="ladder-{}">"#, l.ladder.id)));
                if let Some(why) = &l.locked {
                    assert!(html.contains(&crate::ui::charts::esc(why)), "{why}");
                }
            }
        }
    }
    // Sections and lists are balanced, so the page's structure holds.
    for (open, close) in [
        ("<section", "</section>"),
        ("<ol", "</ol>"),
        ("<li", "</li>"),
        ("<details", "</details>"),
    ] {
        assert_eq!(
            html.matches(open).count(),
            html.matches(close).count(),
            "{open}"
        );
    }
    assert!(html.contains(r#"<li class="current" aria-current="step">"#));
}

/// The map opens at the user's stage, the others folded; a stage left
/// behind is "done" and its ladders say where they were left, never
/// "you are here" (issue 14 point 8).
#[test]
fn the_map_opens_at_the_current_stage_and_a_done_stage_is_not_here() {
    let mut s = settings(Goal::DailyLife, day1());
    s.irritability.sitting_under_30_min_hurts = true;
    let mut sim = Sim::new(s, SelfTest::MorningWalk, 3);
    for _ in 0..4 {
        sim.morning(2);
        sim.train(2, Response::Better);
        sim.next_day();
    }
    sim.morning(2);
    let plan = sim.plan();
    assert_eq!(plan.stage, Stage::HeavySlow);
    let map = MapModel::build(&sim.log, &plan, sim.today);
    let holds = &map.sections[0].groups[0].1[0];
    let here: Vec<&String> = holds.levels.iter().flat_map(|v| &v.here).collect();
    assert!(!here.is_empty());
    assert!(here.iter().all(|h| h.starts_with("Last done")), "{here:?}");
    let html = super::markup::map_html(&map);
    assert!(html.contains(r#"<span class="map-status">Done</span>"#));
    assert!(!html.contains("You are here ("), "{html}");
    // Stage 1 folded, stage 2 open.
    assert_eq!(html.matches(r#"<details class="map-fold">"#).count(), 1);
    let stage1 = html.find(r#"id="map-stage-1""#).unwrap();
    let stage2 = html.find(r#"id="map-stage-2""#).unwrap();
    assert!(html[stage1..stage2].contains("map-fold"));
    assert!(!html[stage2..].contains("map-fold"));
}
