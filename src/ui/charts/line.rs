//! The line chart: series over days, a dashed reference drawn as steps,
//! shaded days and markers for level changes, with a legend in words.

use super::{esc, figure, grid, markup, x_labels, Frame, BOTTOM, H, TOP};
use crate::num::n;
use leptos::prelude::*;
use std::fmt::Write;

/// How a series is drawn. Second differs from Main in dash and dot shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Main,
    Second,
    /// A dashed step line, such as the baseline or the pain ceiling.
    Reference,
}

impl Ink {
    fn class(self) -> &'static str {
        match self {
            Ink::Main => "ink-main",
            Ink::Second => "ink-second",
            Ink::Reference => "ink-reference",
        }
    }
}

/// One named series of (x, y) points, x ascending.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    pub ink: Ink,
    pub points: Vec<(f32, f32)>,
}

/// A marker above the plot: a move up or down a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Up,
    Down,
}

/// What a line chart shows. x is a whole-number position (a day), from 0
/// to `x_max`; y runs from 0 to `y_max`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinePlot {
    pub x_max: f32,
    pub y_max: f32,
    pub y_ticks: Vec<f32>,
    pub x_ticks: Vec<(f32, String)>,
    pub lines: Vec<Line>,
    /// Positions shaded whole (flare days), and what the shading means.
    pub bands: Vec<f32>,
    pub band_name: &'static str,
    pub marks: Vec<(f32, Mark)>,
}

/// A dot: a circle on the main series, a square on the second, so the two
/// differ in shape as well as colour.
fn dot(out: &mut String, ink: Ink, x: f32, y: f32) {
    let _ = match ink {
        Ink::Second => write!(
            out,
            r#"<rect class="dot" x="{:.1}" y="{:.1}" width="7" height="7"/>"#,
            n(x - 3.5),
            n(y - 3.5)
        ),
        _ => write!(
            out,
            r#"<circle class="dot" cx="{:.1}" cy="{:.1}" r="3.5"/>"#,
            n(x),
            n(y)
        ),
    };
}

fn series(out: &mut String, f: &Frame, line: &Line) {
    let class = line.ink.class();
    if line.ink == Ink::Reference {
        // Steps: a reference holds until it changes, then runs to the edge.
        let mut d = String::new();
        for (i, &(x, y)) in line.points.iter().enumerate() {
            let _ = match i {
                0 => write!(d, "M{:.1} {:.1}", n(f.x(-0.5)), n(f.y(y))),
                _ => write!(d, " H{:.1} V{:.1}", n(f.x(x)), n(f.y(y))),
            };
        }
        let _ = write!(d, " H{:.1}", n(f.x(f.x_max + 0.5)));
        let _ = write!(out, r#"<path class="series {class}" d="{d}"/>"#);
        return;
    }
    let pts: Vec<(f32, f32)> = line.points.iter().map(|&(x, y)| (f.x(x), f.y(y))).collect();
    let _ = write!(out, r#"<g class="series {class}"><polyline points=""#);
    for (x, y) in &pts {
        let _ = write!(out, "{:.1},{:.1} ", n(*x), n(*y));
    }
    out.push_str(r#""/>"#);
    // Dots as well as the line, so a single point still shows.
    for (x, y) in pts {
        dot(out, line.ink, x, y);
    }
    out.push_str("</g>");
}

fn triangle(mark: Mark, cx: f32, base_y: f32) -> String {
    let (tip, base) = match mark {
        Mark::Up => (base_y - 9.0, base_y),
        Mark::Down => (base_y, base_y - 9.0),
    };
    let base = n(base);
    format!(
        "{:.1},{base:.1} {:.1},{base:.1} {:.1},{:.1}",
        n(cx - 5.0),
        n(cx + 5.0),
        n(cx),
        n(tip)
    )
}

fn mark_class(mark: Mark) -> &'static str {
    match mark {
        Mark::Up => "mark mark-up",
        Mark::Down => "mark mark-down",
    }
}

/// The legend in words, each with a small sample of how it is drawn.
fn legend(plot: &LinePlot) -> String {
    let mut out = String::from(r#"<ul class="chart-legend">"#);
    let mut item = |sample: String, words: &str| {
        let _ = write!(
            out,
            r#"<li><svg class="swatch" viewBox="0 0 24 12" aria-hidden="true">{sample}</svg>{}</li>"#,
            esc(words)
        );
    };
    for l in &plot.lines {
        let mut sample = format!(
            r#"<g class="series {}"><line x1="1" x2="23" y1="6" y2="6"/>"#,
            l.ink.class()
        );
        if l.ink != Ink::Reference {
            dot(&mut sample, l.ink, 12.0, 6.0);
        }
        sample.push_str("</g>");
        item(sample, &l.name);
    }
    if !plot.bands.is_empty() {
        let band = r#"<rect class="band" x="6" y="0.5" width="12" height="11"/>"#;
        item(band.into(), plot.band_name);
    }
    for (mark, words) in [
        (Mark::Up, "Moved up a level"),
        (Mark::Down, "Moved down a level"),
    ] {
        if plot.marks.iter().any(|(_, m)| *m == mark) {
            let sample = format!(
                r#"<polygon class="{}" points="{}"/>"#,
                mark_class(mark),
                triangle(mark, 12.0, 11.0)
            );
            item(sample, words);
        }
    }
    out.push_str("</ul>");
    out
}

/// The whole chart as markup; see [`LineChart`].
pub fn line_html(name: &str, summary: &str, id: &str, plot: &LinePlot) -> String {
    let f = Frame {
        x_max: plot.x_max,
        y_max: plot.y_max,
    };
    let mut body = String::new();
    let width = f.x(1.0) - f.x(0.0);
    for &x in &plot.bands {
        let _ = write!(
            body,
            r#"<rect class="band" x="{:.1}" y="{}" width="{:.1}" height="{}"/>"#,
            n(f.x(x - 0.5)),
            n(TOP),
            n(width),
            n(H - TOP - BOTTOM)
        );
    }
    grid(&mut body, &f, &plot.y_ticks);
    for &(x, mark) in &plot.marks {
        let cx = f.x(x);
        let _ = write!(
            body,
            r#"<line class="mark-guide" x1="{:.1}" x2="{:.1}" y1="{}" y2="{}"/><polygon class="{}" points="{}"/>"#,
            n(cx),
            n(cx),
            n(TOP),
            n(H - BOTTOM),
            mark_class(mark),
            triangle(mark, cx, TOP - 2.0)
        );
    }
    for line in &plot.lines {
        series(&mut body, &f, line);
    }
    x_labels(&mut body, &f, &plot.x_ticks);
    figure(id, name, H, &body, summary, &legend(plot))
}

/// A line chart: an image named `name`, described by `summary` (shown
/// under it), with a legend in words. `id` must be unique on the page.
#[component]
pub fn LineChart(name: String, summary: String, id: &'static str, plot: LinePlot) -> impl IntoView {
    markup(line_html(&name, &summary, id, &plot))
}
