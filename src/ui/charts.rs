//! Small SVG charts drawn by the app, no chart library: a line chart with a
//! reference line, shaded days and level markers; a bar chart; left and
//! right bars side by side; and the data table that goes with each.
//!
//! Every chart is an image with a name and a one-line summary, and its
//! numbers are also in a table, so nothing lives only in a picture. Colours
//! come from CSS classes (style/history.css), so dark mode follows the page;
//! series also differ in shape and dash, never in colour alone.

mod bars;
mod line;
mod table;

pub use bars::{bars_html, pairs_html, Bar, BarChart, Pair, PairChart};
pub use line::{line_html, Ink, Line, LineChart, LinePlot, Mark};
pub use table::{table_html, DataTable, Row};

use crate::num::n;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::fmt::Write;

/// The drawing box in SVG units; the SVG scales to its container's width,
/// about 1.1 px a unit on a 390 px phone.
const W: f32 = 320.0;
const H: f32 = 180.0;
/// Room for the y labels, the level markers on top and the dates below.
const LEFT: f32 = 30.0;
const RIGHT: f32 = 8.0;
const TOP: f32 = 16.0;
const BOTTOM: f32 = 22.0;

/// Maps data to the drawing box. x gets half a step of room either side, so
/// a single day sits in the middle and a shaded day is a full column.
struct Frame {
    x_max: f32,
    y_max: f32,
}

impl Frame {
    fn x(&self, x: f32) -> f32 {
        LEFT + (x + 0.5) / (self.x_max.max(0.0) + 1.0) * (W - LEFT - RIGHT)
    }

    fn y(&self, y: f32) -> f32 {
        let share = (y / self.y_max.max(f32::EPSILON)).clamp(0.0, 1.0);
        TOP + (1.0 - share) * (H - TOP - BOTTOM)
    }
}

/// A round number at or above `v`, for the top of a bar chart's scale.
pub fn nice_max(v: f32) -> f32 {
    if v.is_nan() || v <= 0.0 {
        return 1.0;
    }
    let mag = 10f32.powi(v.log10().floor() as i32);
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|t| *t >= v)
        .unwrap_or(10.0 * mag)
}

/// "12", "2.5", "1.5k": short enough for the axis, whatever the load.
pub fn axis_number(v: f32) -> String {
    if v >= 1000.0 {
        format!("{}k", short_number((v / 100.0).round() / 10.0))
    } else {
        short_number(v)
    }
}

/// "12" or "2.5", never "12.0".
pub fn short_number(v: f32) -> String {
    crate::num::short(v)
}

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "5 Jan": short enough for an axis label.
pub fn short_day(d: NaiveDate) -> String {
    format!("{} {}", d.day(), MONTHS[d.month0() as usize])
}

/// "Mon 5 Jan", with the year when it is not `this_year`.
pub fn day_label(d: NaiveDate, this_year: i32) -> String {
    let day = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    if d.year() == this_year {
        format!("{day} {}", short_day(d))
    } else {
        format!("{day} {} {}", short_day(d), d.year())
    }
}

/// Escapes text for markup: the words are ours, but exercise names and
/// labels must never be read as tags.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Horizontal grid lines with their values on the left.
fn grid(out: &mut String, f: &Frame, ticks: &[f32]) {
    for &t in ticks {
        let y = f.y(t);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{}" x2="{}" y1="{:.1}" y2="{:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            n(LEFT),
            n(W - RIGHT),
            n(y),
            n(y),
            n(LEFT - 4.0),
            n(y + 4.0),
            axis_number(t)
        );
    }
}

/// Labels under the plot, at positions on the x axis.
fn x_labels(out: &mut String, f: &Frame, ticks: &[(f32, String)]) {
    let last = ticks.len().saturating_sub(1);
    for (i, (x, label)) in ticks.iter().enumerate() {
        // The outer labels hug the edges so they never leave the box.
        let (at, anchor) = match i {
            0 if last > 0 => (LEFT, "start"),
            i if i == last && last > 0 => (W - RIGHT, "end"),
            _ => (f.x(*x), "middle"),
        };
        let _ = write!(
            out,
            r#"<text class="tick" x="{:.1}" y="{}" text-anchor="{anchor}">{}</text>"#,
            n(at),
            n(H - 6.0),
            esc(label)
        );
    }
}

/// A chart as a figure: the image with its name, the summary that
/// describes it, and whatever follows (a legend).
fn figure(id: &str, name: &str, height: f32, body: &str, summary: &str, after: &str) -> String {
    format!(
        r#"<figure class="chart" id="{id}"><svg class="chart-svg" viewBox="0 0 {W} {height}" role="img" aria-label="{}" aria-describedby="{id}-summary">{body}</svg><figcaption id="{id}-summary" class="chart-summary">{}</figcaption>{after}</figure>"#,
        esc(name),
        esc(summary),
        W = n(W),
        height = n(height)
    )
}

/// Markup built here, put into the page as it is. Charts are drawn as one
/// string rather than as Leptos views: nothing in them changes on its own,
/// and typed views of every SVG element cost far more wasm.
fn markup(html: String) -> impl IntoView {
    view! { <div class="chart-wrap" inner_html=html></div> }
}
