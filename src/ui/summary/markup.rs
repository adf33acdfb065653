//! The summary as markup: it is built once from the summary data and
//! never changes while shown, so it is one string rather than typed views,
//! as History's charts are (typed views of every element cost far more
//! wasm). Every piece of text from the log, notes above all, is escaped.

use crate::engine::catalogue::find_exercise;
use crate::engine::dose::kg;
use crate::engine::model::{AffectedSide, Goal, Side};
use crate::engine::share::Summary as Data;
use crate::num::n;
use crate::ui::charts::esc;
use chrono::NaiveDate;
use std::fmt::Write;

fn goal_words(g: Goal) -> &'static str {
    match g {
        Goal::DailyLife => "everyday life",
        Goal::Running => "running",
        Goal::Sport => "sport, sprinting included",
    }
}

fn side_words(s: AffectedSide) -> &'static str {
    match s {
        AffectedSide::Left => "left",
        AffectedSide::Right => "right",
        AffectedSide::Both => "both sides",
    }
}

/// The inside of the summary's `<article>`: heading, facts, doses, the
/// mornings (chart and numbers), flare days, red flags and notes.
pub fn summary_html(data: &Data, shared: bool) -> String {
    let points = data.morning_points();
    let flares = data.flare_dates();
    let recent: Vec<(NaiveDate, u8)> = points.iter().rev().take(84).rev().copied().collect();
    let above = recent.iter().filter(|(_, r)| *r > data.baseline).count();
    let title = if shared {
        "Rehab summary"
    } else {
        "Summary for your clinician"
    };
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        r#"<h2 id="summary-heading">{title}</h2><p class="hint">Made {} with a self-guided app for proximal hamstring tendinopathy. A self-management aid, not a diagnosis.</p><dl class="facts"><dt>Goal</dt><dd>{}</dd><dt>Painful side</dt><dd>{}</dd><dt>Stage</dt><dd>{} of {}: {}</dd><dt>Daily self-test</dt><dd>{}, baseline {}/10</dd><dt>Pain ceiling during exercise</dt><dd>{}/10</dd></dl>"#,
        data.made,
        goal_words(data.goal),
        side_words(data.affected),
        data.stage,
        crate::engine::stage::stages_for(data.goal).len(),
        esc(data.stage().name()),
        esc(data.test.name()),
        data.baseline,
        data.ceiling,
    );
    out.push_str(r#"<h3>Current exercises and doses</h3><table class="summary-table"><thead><tr><th scope="col">Exercise</th><th scope="col">Side</th><th scope="col">Dose</th></tr></thead><tbody>"#);
    for d in &data.exercises {
        let (name, unit) = find_exercise(d.exercise)
            .map_or((d.exercise, ""), |(_, _, e)| (e.name, e.measure.unit()));
        let side = match d.side {
            Side::Both => "both legs",
            s => s.label(),
        };
        let (sets, amount, load) = d.dose;
        let load = if load > 0.0 {
            format!(" at {} kg", kg(load))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{side}</td><td>{sets} x {amount} {unit}{load}</td></tr>",
            esc(name)
        );
    }
    let _ = write!(
        out,
        "</tbody></table><h3>Morning self-test</h3><p>{} check-ins in the last 12 weeks, {above} of them above baseline.</p>",
        recent.len()
    );
    out.push_str(&morning_chart(&recent, data.baseline, &flares));
    out.push_str(r#"<details><summary>Show the numbers</summary><table class="summary-table"><caption>Morning self-test, last 12 weeks</caption><thead><tr><th scope="col">Date</th><th scope="col">Rating</th></tr></thead><tbody>"#);
    for (d, r) in &recent {
        let _ = write!(out, "<tr><td>{d}</td><td>{r}/10</td></tr>");
    }
    out.push_str("</tbody></table></details><h3>Flare days</h3>");
    list(
        &mut out,
        flares.iter().map(|d| d.to_string()),
        "None marked.",
    );
    out.push_str("<h3>Red flags reported</h3>");
    list(
        &mut out,
        data.red_flags.iter().map(|f| esc(f.question())),
        "None.",
    );
    out.push_str("<h3>Notes</h3>");
    list(
        &mut out,
        data.notes
            .iter()
            .map(|(d, note)| format!("<strong>{d}</strong>: {}", esc(note))),
        "No session notes yet.",
    );
    out
}

/// A list of items already in markup, or a line saying there are none.
fn list(out: &mut String, items: impl Iterator<Item = String>, none: &str) {
    let mut any = false;
    for item in items {
        out.push_str(if any { "<li>" } else { "<ul><li>" });
        out.push_str(&item);
        out.push_str("</li>");
        any = true;
    }
    if any {
        out.push_str("</ul>");
    } else {
        let _ = write!(out, "<p>{none}</p>");
    }
}

/// A plain line chart of mornings against the baseline, with flare days.
fn morning_chart(points: &[(NaiveDate, u8)], baseline: u8, flares: &[NaiveDate]) -> String {
    let (w, h) = (320.0_f32, 120.0_f32);
    let (Some(&(first, _)), Some(&(last, _))) = (points.first(), points.last()) else {
        return "<p>No check-ins yet.</p>".into();
    };
    let span = (last - first).num_days().max(1) as f32;
    let x = move |d: NaiveDate| 8.0 + (d - first).num_days() as f32 / span * (w - 16.0);
    let y = move |r: u8| h - 8.0 - f32::from(r) / 10.0 * (h - 16.0);
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="Morning self-test from {first} to {last}, baseline {baseline}/10"><line class="chart-baseline" x1="8" x2="{}" y1="{:.1}" y2="{:.1}"/><polyline class="chart-line" points=""#,
        n(w),
        n(h),
        n(w - 8.0),
        n(y(baseline)),
        n(y(baseline))
    );
    for (i, (d, r)) in points.iter().enumerate() {
        let gap = if i == 0 { "" } else { " " };
        let _ = write!(svg, "{gap}{:.1},{:.1}", n(x(*d)), n(y(*r)));
    }
    svg.push_str(r#""/>"#);
    for &d in flares.iter().filter(|d| **d >= first) {
        let _ = write!(
            svg,
            r#"<line class="chart-flare" x1="{:.1}" x2="{:.1}" y1="8" y2="{}"/>"#,
            n(x(d)),
            n(x(d)),
            n(h - 8.0)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{RedFlag, SelfTest};
    use crate::engine::share::Dosed;

    fn data() -> Data {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        Data {
            made: day(10),
            goal: Goal::Running,
            affected: AffectedSide::Left,
            stage: 2,
            test: SelfTest::Bridge,
            baseline: 2,
            ceiling: 3,
            exercises: vec![Dosed {
                exercise: "double_leg_bridge",
                side: Side::Both,
                dose: (3, 10, 12.5),
            }],
            from: day(1),
            mornings: "23-4".into(),
            flares: vec![2],
            red_flags: vec![RedFlag::NumbnessBelowKnee],
            notes: vec![(day(3), "<script>alert(1)</script> & \"more\"".into())],
        }
    }

    #[test]
    fn text_from_the_log_is_escaped_never_markup() {
        let html = summary_html(&data(), true);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"));
    }

    #[test]
    fn it_holds_every_part_of_the_summary() {
        let html = summary_html(&data(), false);
        for part in [
            r#"<h2 id="summary-heading">Summary for your clinician</h2>"#,
            "<dt>Stage</dt><dd>2 of 4: ",
            "<td>Double-leg bridge</td><td>both legs</td><td>3 x 10 reps at 12.5 kg</td>",
            "3 check-ins in the last 12 weeks, 2 of them above baseline.",
            r#"aria-label="Morning self-test from 2026-03-01 to 2026-03-04, baseline 2/10""#,
            r#"<line class="chart-flare""#,
            "<tr><td>2026-03-04</td><td>4/10</td></tr>",
            "<h3>Flare days</h3><ul><li>2026-03-03</li></ul>",
            "<li>Numbness, tingling or weakness spreading below the knee</li>",
            "<li><strong>2026-03-03</strong>: ",
        ] {
            assert!(html.contains(part), "missing {part} in {html}");
        }
        let none = Data {
            red_flags: vec![],
            notes: vec![],
            flares: vec![],
            ..data()
        };
        let html = summary_html(&none, false);
        assert!(html.contains("<h3>Red flags reported</h3><p>None.</p>"));
        assert!(html.contains("<h3>Notes</h3><p>No session notes yet.</p>"));
    }
}
