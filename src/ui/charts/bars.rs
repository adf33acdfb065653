//! Bars: a vertical bar chart over weeks, and left-against-right pairs of
//! horizontal bars.

use super::{esc, figure, grid, markup, nice_max, x_labels, Frame, H, RIGHT, W};
use crate::num::n;
use leptos::prelude::*;
use std::fmt::Write;

/// One bar: its label (in the table and under the first and last bars).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f32,
}

/// The bar chart as markup; see [`BarChart`].
pub fn bars_html(name: &str, summary: &str, id: &str, bars: &[Bar]) -> String {
    let top = nice_max(bars.iter().map(|b| b.value).fold(0.0, f32::max));
    let f = Frame {
        x_max: bars.len().saturating_sub(1) as f32,
        y_max: top,
    };
    let width = ((f.x(1.0) - f.x(0.0)) * 0.7).min(28.0);
    let mut body = String::new();
    grid(&mut body, &f, &[0.0, top / 2.0, top]);
    for (i, b) in bars.iter().enumerate() {
        let (x, y) = (f.x(i as f32) - width / 2.0, f.y(b.value));
        let _ = write!(
            body,
            r#"<rect class="bar" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/>"#,
            n(x),
            n(y),
            n(width),
            n(f.y(0.0) - y)
        );
    }
    // Only the first and last bars are named under the chart: more would
    // not fit at phone size, and the table names every one.
    let mut labels: Vec<(f32, String)> = bars
        .first()
        .map(|b| (0.0, b.label.clone()))
        .into_iter()
        .collect();
    if let (Some(b), true) = (bars.last(), bars.len() > 1) {
        labels.push((f.x_max, b.label.clone()));
    }
    x_labels(&mut body, &f, &labels);
    figure(id, name, H, &body, summary, "")
}

/// A bar chart on a scale from 0 to a round number above the tallest bar.
#[component]
pub fn BarChart(name: String, summary: String, id: &'static str, bars: Vec<Bar>) -> impl IntoView {
    markup(bars_html(&name, &summary, id, &bars))
}

/// Left against right on one ladder: how far up it each leg is, 0 to 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub label: String,
    pub left: f32,
    pub right: f32,
}

/// The pairs as markup; see [`PairChart`].
pub fn pairs_html(name: &str, summary: &str, id: &str, pairs: &[Pair]) -> String {
    const ROW: f32 = 56.0;
    let (x0, span) = (22.0, W - 22.0 - RIGHT);
    let mut body = String::new();
    for (i, p) in pairs.iter().enumerate() {
        let y = ROW * i as f32;
        let _ = write!(
            body,
            r#"<text class="pair-label" x="0" y="{:.1}">{}</text>"#,
            n(y + 13.0),
            esc(&p.label)
        );
        for (row, share, letter, class) in [
            (18.0, p.left, "L", "bar"),
            (34.0, p.right, "R", "bar bar-second"),
        ] {
            let top = y + row;
            let _ = write!(
                body,
                r#"<text class="tick" x="0" y="{:.1}">{letter}</text><rect class="track" x="{x0}" y="{top:.1}" width="{span}" height="12"/><rect class="{class}" x="{x0}" y="{top:.1}" width="{:.1}" height="12"/>"#,
                n(top + 10.0),
                n(span * share.clamp(0.0, 1.0)),
                x0 = n(x0),
                top = n(top),
                span = n(span)
            );
        }
    }
    figure(id, name, ROW * pairs.len() as f32 + 4.0, &body, summary, "")
}

/// Pairs of horizontal bars, left leg above right, each on a full-length
/// track so the length reads as "how far along".
#[component]
pub fn PairChart(
    name: String,
    summary: String,
    id: &'static str,
    pairs: Vec<Pair>,
) -> impl IntoView {
    markup(pairs_html(&name, &summary, id, &pairs))
}
