//! The tendon's answers: the morning self-test against the baseline, with
//! flare days and level changes marked, and pain during each exercise.

use super::{empty, section, View};
use crate::engine::catalogue::find_exercise;
use crate::engine::model::Side;
use crate::sorted::SortedSet;
use crate::ui::charts::{DataTable, Ink, Line, LineChart, LinePlot, Mark, Row};
use crate::ui::widgets::CollectAny;
use chrono::NaiveDate;
use leptos::prelude::*;

pub fn mornings(v: &View) -> impl IntoView {
    let points: Vec<_> = v.p.mornings.iter().filter(|m| v.shows(m.date)).collect();
    let flares: Vec<NaiveDate> = v.p.flares.iter().copied().filter(|d| v.shows(*d)).collect();
    let changes: Vec<_> =
        v.p.level_changes
            .iter()
            .filter(|c| v.shows(c.date))
            .collect();
    let dates: SortedSet<NaiveDate> = points
        .iter()
        .map(|m| m.date)
        .chain(flares.iter().copied())
        .chain(changes.iter().map(|c| c.date))
        .collect();
    let Some(&first) = dates.first() else {
        return section("mornings-heading", "Morning self-test", empty("No check-ins in this time span yet. Each morning's self-test shows here, against your baseline."));
    };
    let (x, x_max, x_ticks) = v.axis(first);
    let mut marks: Vec<(f32, Mark)> = changes
        .iter()
        .map(|c| (x(c.date), if c.up { Mark::Up } else { Mark::Down }))
        .collect();
    marks.dedup();
    let plot = LinePlot {
        x_max,
        y_max: 10.0,
        y_ticks: vec![0.0, 5.0, 10.0],
        x_ticks,
        lines: vec![
            Line {
                name: "Your baseline".into(),
                ink: Ink::Reference,
                points: points
                    .iter()
                    .map(|m| (x(m.date), f32::from(m.baseline)))
                    .collect(),
            },
            Line {
                name: "Morning test, 0 to 10".into(),
                ink: Ink::Main,
                points: points
                    .iter()
                    .map(|m| (x(m.date), f32::from(m.rating)))
                    .collect(),
            },
        ],
        bands: flares.iter().map(|d| x(*d)).collect(),
        band_name: "Flare day",
        marks,
    };
    let above = points.iter().filter(|m| m.excess() > 0).count();
    let latest = points
        .last()
        .map(|m| {
            format!(
                " Latest: {}/10 against a baseline of {}/10.",
                m.rating, m.baseline
            )
        })
        .unwrap_or_default();
    let summary = format!(
        "{} check-ins, {above} above your baseline.{latest} {} flare days and {} level changes marked.",
        points.len(),
        flares.len(),
        changes.len()
    );
    let rows = dates
        .iter()
        .rev()
        .map(|&d| {
            let m = points.iter().find(|m| m.date == d);
            let mut notes: Vec<String> = Vec::new();
            if flares.contains(&d) {
                notes.push("Flare day".into());
            }
            for c in changes.iter().filter(|c| c.date == d) {
                let way = if c.up { "Up" } else { "Down" };
                let side = if c.side == Side::Both {
                    String::new()
                } else {
                    format!(", {} leg", c.side.label())
                };
                notes.push(format!("{way} to {}{side}", c.to));
            }
            Row {
                date: Some(d),
                cells: vec![
                    v.label(d),
                    m.map_or("no test".into(), |m| m.rating.to_string()),
                    m.map_or(String::new(), |m| m.baseline.to_string()),
                    notes.join("; "),
                ],
            }
        })
        .collect();
    let body = view! {
        <LineChart name="Morning self-test against your baseline".into() summary=summary id="mornings-chart" plot=plot />
        <DataTable caption="Morning self-test (0 to 10) against your baseline, newest first".into()
            head=vec!["Date", "Test", "Baseline", "Marked"] rows=rows />
    };
    section("mornings-heading", "Morning self-test", body.into_any())
}

fn side_name(s: Side) -> &'static str {
    match s {
        Side::Left => "Left leg",
        Side::Right => "Right leg",
        Side::Both => "Both legs",
    }
}

pub fn pains(v: &View, ceiling: u8, chosen: RwSignal<Option<&'static str>>) -> impl IntoView {
    let shown: Vec<_> =
        v.p.pains
            .iter()
            .filter(|p| v.shows(p.date))
            .cloned()
            .collect();
    // Most recently done first, so the select opens on what matters now.
    let mut exercises: Vec<&'static str> = Vec::new();
    for p in shown.iter().rev() {
        if !exercises.contains(&p.exercise) {
            exercises.push(p.exercise);
        }
    }
    if exercises.is_empty() {
        return section(
            "pain-heading",
            "Pain during exercise",
            empty("No sets logged in this time span yet."),
        );
    }
    let name = |id: &'static str| find_exercise(id).map_or(id, |(_, _, e)| e.name);
    // The chart opens on the latest exercise with more than one day in
    // the span, so it shows a line rather than one lone dot when it can
    // (a level just begun has one day).
    let many_days = |ex: &str| {
        let mut dates = shown.iter().filter(|p| p.exercise == ex).map(|p| p.date);
        let first = dates.next();
        dates.any(|d| Some(d) != first)
    };
    let fallback = exercises
        .iter()
        .copied()
        .find(|e| many_days(e))
        .unwrap_or(exercises[0]);
    let list = StoredValue::new(exercises);
    let current = move || {
        let c = chosen.get();
        list.with_value(|l| c.filter(|c| l.contains(c)).unwrap_or(fallback))
    };
    let v = v.clone();
    let chart = move || {
        let ex = current();
        let points: Vec<_> = shown.iter().filter(|p| p.exercise == ex).collect();
        let first = points.first().map_or(v.today, |p| p.date);
        let (x, x_max, x_ticks) = v.axis(first);
        let sides: Vec<Side> = [Side::Left, Side::Right, Side::Both]
            .into_iter()
            .filter(|s| points.iter().any(|p| p.side == *s))
            .collect();
        let mut lines = vec![Line {
            name: format!("Your ceiling, {ceiling}/10"),
            ink: Ink::Reference,
            points: vec![(0.0, f32::from(ceiling))],
        }];
        lines.extend(sides.iter().map(|&s| {
            Line {
                name: side_name(s).into(),
                ink: if s == Side::Right {
                    Ink::Second
                } else {
                    Ink::Main
                },
                points: points
                    .iter()
                    .filter(|p| p.side == s)
                    .map(|p| (x(p.date), f32::from(p.pain)))
                    .collect(),
            }
        }));
        let worst = points.iter().map(|p| p.pain).max().unwrap_or(0);
        let over = points.iter().filter(|p| p.pain > ceiling).count();
        let summary = format!(
            "{} on {} days; worst pain {worst}/10; {over} over your ceiling of {ceiling}/10.",
            name(ex),
            points
                .iter()
                .map(|p| p.date)
                .collect::<SortedSet<_>>()
                .len()
        );
        let dates: SortedSet<NaiveDate> = points.iter().map(|p| p.date).collect();
        let rows = dates
            .iter()
            .rev()
            .map(|&d| {
                let mut cells = vec![v.label(d)];
                cells.extend(sides.iter().map(|&s| {
                    points
                        .iter()
                        .find(|p| p.date == d && p.side == s)
                        .map_or("–".into(), |p| p.pain.to_string())
                }));
                Row {
                    date: Some(d),
                    cells,
                }
            })
            .collect();
        let mut head = vec!["Date"];
        head.extend(sides.iter().map(|&s| side_name(s)));
        let plot = LinePlot {
            x_max,
            y_max: 10.0,
            y_ticks: vec![0.0, 5.0, 10.0],
            x_ticks,
            lines,
            ..Default::default()
        };
        view! {
            <LineChart name=format!("Worst pain during {} by day", name(ex)) summary=summary id="pain-chart" plot=plot />
            <DataTable caption=format!("Worst pain during {}, 0 to 10, newest first", name(ex)) head=head rows=rows />
        }
    };
    let body = view! {
        <label for="pain-exercise">"Exercise"</label>
        <select id="pain-exercise" class="select" on:change=move |ev| {
            let v = event_target_value(&ev);
            chosen.set(list.with_value(|l| l.iter().copied().find(|e| *e == v)));
        }>
            {list.with_value(|l| l.iter().map(|&e| view! { <option value=e selected=move || current() == e>{name(e)}</option> }).collect_any())}
        </select>
        {chart}
    };
    section("pain-heading", "Pain during exercise", body.into_any())
}
