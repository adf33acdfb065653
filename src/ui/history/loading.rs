//! What was done: weekly volume and load, and where each leg stands on the
//! one-leg ladders.

use super::{empty, section, View};
use crate::engine::catalogue::Ladder;
use crate::engine::dose::{Dose, Position};
use crate::engine::progress::WeekVolume;
use crate::ui::charts::{
    esc, short_day, short_number, Bar, BarChart, DataTable, Pair, PairChart, Row,
};
use crate::ui::markup::markup;
use chrono::Days;
use leptos::prelude::*;

pub fn volume(v: &View) -> impl IntoView {
    let logged: Vec<_> =
        v.p.weeks
            .iter()
            .filter(|w| v.from.is_none_or(|f| w.week + Days::new(6) >= f))
            .collect();
    let (Some(first), Some(last)) = (logged.first(), logged.last()) else {
        return section(
            "volume-heading",
            "Weekly volume and load",
            empty("No sessions in this time span yet."),
        );
    };
    // Weeks with nothing logged count as zero, so gaps show as gaps.
    let mut weeks: Vec<WeekVolume> = Vec::new();
    let mut week = first.week;
    while week <= last.week {
        weeks.push(match logged.iter().find(|w| w.week == week) {
            Some(w) => (*w).clone(),
            None => WeekVolume {
                week,
                sessions: 0,
                sets: 0,
                reps: 0,
                load_kg: 0.0,
            },
        });
        week = week + Days::new(7);
    }
    let bars = |value: fn(&WeekVolume) -> f32| -> Vec<Bar> {
        weeks
            .iter()
            .map(|w| Bar {
                label: short_day(w.week),
                value: value(w),
            })
            .collect()
    };
    let sets: u32 = weeks.iter().map(|w| w.sets).sum();
    let load: f32 = weeks.iter().map(|w| w.load_kg).sum();
    let n = weeks.len();
    let sets_summary = format!(
        "{sets} sets over {n} weeks; the most in one week was {}.",
        weeks.iter().map(|w| w.sets).max().unwrap_or(0)
    );
    // Bodyweight-only work lifts no kg: no empty load chart.
    let load_chart = (load > 0.0).then(|| {
        let top = weeks.iter().map(|w| w.load_kg).fold(0.0, f32::max);
        let summary = format!("{} kg lifted over {n} weeks (reps times kg); the most in one week was {} kg.", short_number(load.round()), short_number(top.round()));
        view! { <BarChart name="Load lifted per week, in kg".into() summary=summary id="load-chart" bars=bars(|w| w.load_kg) /> }
    });
    let rows = weeks
        .iter()
        .rev()
        .map(|w| Row {
            date: Some(w.week),
            cells: vec![
                v.label(w.week),
                w.sessions.to_string(),
                w.sets.to_string(),
                w.reps.to_string(),
                short_number(w.load_kg.round()),
            ],
        })
        .collect();
    let body = view! {
        <BarChart name="Sets per week".into() summary=sets_summary id="sets-chart" bars=bars(|w| w.sets as f32) />
        {load_chart}
        <DataTable caption="Weekly volume and load, newest first (weeks start on Monday)".into()
            head=vec!["Week of", "Sessions", "Sets", "Reps", "Load (kg)"] rows=rows />
    };
    section("volume-heading", "Weekly volume and load", body.into_any())
}

/// "Level 2: Single-leg bridge, 3 x 10 reps".
fn position_words(l: &Ladder, p: &Position) -> String {
    let e = l.level(p.level);
    format!("Level {}: {}, {}", p.level + 1, e.name, p.dose.describe(e))
}

/// How far up the ladder a leg is, 0 to 1: whole levels done, plus the
/// share of the way from this level's start dose to its target.
fn ladder_share(l: &Ladder, p: &Position) -> f32 {
    let e = l.level(p.level);
    let (start, target) = (Dose::start(e).volume(), Dose::target(e).volume());
    let within = if target > start {
        ((p.dose.volume() - start) / (target - start)).clamp(0.0, 1.0)
    } else {
        1.0
    };
    (p.level as f32 + within) / l.levels.len().max(1) as f32
}

pub fn sides(v: &View) -> impl IntoView {
    let pairs: Vec<_> = v.p.one_leg().collect();
    if pairs.is_empty() {
        return section("sides-heading", "Left against right", empty("No one-leg exercises yet. Once you work one leg at a time, each leg's level and dose show here."));
    }
    let uneven: Vec<String> = pairs
        .iter()
        .filter(|s| s.left != s.right)
        .map(|s| {
            let (l, r) = (s.ladder.level(s.left.level), s.ladder.level(s.right.level));
            format!(
                "{}: left at level {}, {}; right at level {}, {}.",
                s.ladder.name,
                s.left.level + 1,
                s.left.dose.describe(l),
                s.right.level + 1,
                s.right.dose.describe(r)
            )
        })
        .collect();
    let summary = format!(
        "Both legs are at the same level and dose on {} of {} one-leg exercises. {}",
        pairs.len() - uneven.len(),
        pairs.len(),
        uneven.join(" ")
    );
    let chart_pairs = pairs
        .iter()
        .map(|s| Pair {
            label: s.ladder.name.into(),
            left: ladder_share(s.ladder, &s.left),
            right: ladder_share(s.ladder, &s.right),
        })
        .collect();
    // A row a leg under its exercise's name: three columns side by side
    // (exercise, left, right) squeezed to a word a line at 320 px.
    let caption = "Where each leg stands on one-leg exercises";
    let mut table = format!(
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table sides-table"><caption>{caption}</caption><thead><tr><th scope="col">Leg</th><th scope="col">Level and dose</th></tr></thead>"#
    );
    for s in &pairs {
        table.push_str(r#"<tbody><tr><th scope="rowgroup" colspan="2">"#);
        table.push_str(&esc(s.ladder.name));
        table.push_str("</th></tr>");
        for (leg, p) in [("Left", &s.left), ("Right", &s.right)] {
            table.push_str(r#"<tr><th scope="row">"#);
            table.push_str(leg);
            table.push_str("</th><td>");
            table.push_str(&esc(&position_words(s.ladder, p)));
            table.push_str("</td></tr>");
        }
        table.push_str("</tbody>");
    }
    table.push_str("</table></div>");
    let body = view! {
        {markup(table, |_, _| {})}
        <PairChart name="How far up each ladder each leg is".into() summary=summary id="sides-chart" pairs=chart_pairs />
    };
    section("sides-heading", "Left against right", body.into_any())
}
