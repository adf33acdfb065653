//! The clinician summary: a printable page and a share link that carries it
//! in the URL fragment, plus the read-only view such a link opens.

use super::charts::esc;
use super::state::{use_app, Screen, SHARED_PREFIX};
use super::widgets::{show, CollectAny};
use crate::engine::catalogue::find_exercise;
use crate::engine::dose::kg;
use crate::engine::model::{AffectedSide, Goal, Side};
use crate::engine::share::{decode, encode, summary, Summary as Data};
use crate::num::n;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn Summary() -> impl IntoView {
    let app = use_app();
    let data = move || {
        app.log
            .with(|l| l.as_ref().map(|l| summary(l, app.today.get())))
    };
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let make_link = move |_| {
        if let (Some(d), Some(w)) = (data(), web_sys::window()) {
            let loc = w.location();
            let base = format!(
                "{}{}",
                loc.origin().unwrap_or_default(),
                loc.pathname().unwrap_or_default()
            );
            link.set(Some(format!("{base}{SHARED_PREFIX}{}", encode(&d))));
            copied.set(false);
        }
    };
    let copy = move |_| {
        if let Some(text) = link.get_untracked() {
            copied.set(copy_text(&text));
        }
    };
    view! {
        <div class="summary-actions no-print">
            <button type="button" class="primary" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"Print or save as PDF"</button>
            <button type="button" on:click=make_link>"Make a share link"</button>
            <button type="button" class="link" on:click=move |_| app.go(Screen::History)>"Back to history"</button>
        </div>
        {move || link.get().map(|l| view! {
            <section class="card no-print" aria-labelledby="link-heading">
                <h2 id="link-heading">"Share link"</h2>
                <p class="hint">"The summary travels inside the link itself; it is not uploaded anywhere. Anyone with the link can read it."</p>
                <label for="share-link">"Link"</label>
                <input id="share-link" type="text" readonly prop:value=l.clone() />
                <p class="hint">{format!("{} characters", l.len())}</p>
                <button type="button" on:click=copy>"Copy link"</button>
                {show(move || copied.get(), ViewFn::from(|| view! { <p role="status">"Copied."</p> }))}
            </section>
        }.into_any())}
        {move || data().map(|d| view! { <SummaryView data=d shared=false /> }.into_any())}
    }
}

/// A summary opened from a link: read-only, and this phone's own log is
/// never read or written for it.
#[component]
pub fn SharedSummary() -> impl IntoView {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let payload = hash
        .strip_prefix(SHARED_PREFIX)
        .unwrap_or_default()
        .to_string();
    let decoded = decode(&payload);
    let leave = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(Screen::Today.hash());
        }
    };
    view! {
        <section class="card shared-banner no-print" aria-labelledby="shared-heading">
            <h2 id="shared-heading">"A shared summary"</h2>
            <p>"Someone shared this rehab summary with you. It is read-only, and nothing on this phone was changed."</p>
            <button type="button" class="link" on:click=leave>"Close it"</button>
        </section>
        {match decoded {
            Ok(d) => view! { <SummaryView data=d shared=true /> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.message()}</p> }.into_any(),
        }}
    }
}

fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    // Clipboard access varies by browser; fall back to selecting the text.
    let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined());
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok());
    match (
        clipboard,
        write.and_then(|f| f.dyn_into::<js_sys::Function>().ok()),
    ) {
        (Some(c), Some(f)) => f.call1(&c, &text.into()).is_ok(),
        _ => false,
    }
}

use wasm_bindgen::JsCast;

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

#[component]
fn SummaryView(data: Data, shared: bool) -> impl IntoView {
    let points = data.morning_points();
    let flares = data.flare_dates();
    let recent: Vec<(chrono::NaiveDate, u8)> =
        points.iter().rev().take(84).rev().copied().collect();
    let above = recent.iter().filter(|(_, r)| *r > data.baseline).count();
    let title = if shared {
        "Rehab summary"
    } else {
        "Summary for your clinician"
    };
    view! {
        <article class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{title}</h2>
            <p class="hint">{format!("Made {} with a self-guided app for proximal hamstring tendinopathy. A self-management aid, not a diagnosis.", data.made)}</p>
            <dl class="facts">
                <dt>"Goal"</dt><dd>{goal_words(data.goal)}</dd>
                <dt>"Painful side"</dt><dd>{side_words(data.affected)}</dd>
                <dt>"Stage"</dt><dd>{format!("{} of {}: {}", data.stage, crate::engine::stage::stages_for(data.goal).len(), data.stage().name())}</dd>
                <dt>"Daily self-test"</dt><dd>{format!("{}, baseline {}/10", data.test.name(), data.baseline)}</dd>
                <dt>"Pain ceiling during exercise"</dt><dd>{format!("{}/10", data.ceiling)}</dd>
            </dl>
            <h3>"Current exercises and doses"</h3>
            <table class="summary-table">
                <thead><tr><th scope="col">"Exercise"</th><th scope="col">"Side"</th><th scope="col">"Dose"</th></tr></thead>
                <tbody>
                    {data.exercises.iter().map(|d| {
                        let (name, unit) = find_exercise(d.exercise).map_or((d.exercise, ""), |(_, _, e)| (e.name, e.measure.unit()));
                        let side = match d.side { Side::Both => "both legs", s => s.label() };
                        let (sets, amount, load) = d.dose;
                        let load = if load > 0.0 { format!(" at {} kg", kg(load)) } else { String::new() };
                        view! { <tr><td>{name}</td><td>{side}</td><td>{format!("{sets} x {amount} {unit}{load}")}</td></tr> }
                    }).collect_any()}
                </tbody>
            </table>
            <h3>"Morning self-test"</h3>
            <p>{format!("{} check-ins in the last 12 weeks, {above} of them above baseline.", recent.len())}</p>
            <MorningChart points=recent.clone() baseline=data.baseline flares=flares.clone() />
            <details>
                <summary>"Show the numbers"</summary>
                <table class="summary-table">
                    <caption>"Morning self-test, last 12 weeks"</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Rating"</th></tr></thead>
                    <tbody>{recent.iter().map(|(d, r)| view! { <tr><td>{d.to_string()}</td><td>{format!("{r}/10")}</td></tr> }).collect_any()}</tbody>
                </table>
            </details>
            <h3>"Flare days"</h3>
            {if flares.is_empty() {
                view! { <p>"None marked."</p> }.into_any()
            } else {
                view! { <ul>{flares.iter().map(|d| view! { <li>{d.to_string()}</li> }).collect_any()}</ul> }.into_any()
            }}
            <h3>"Red flags reported"</h3>
            {if data.red_flags.is_empty() {
                view! { <p>"None."</p> }.into_any()
            } else {
                view! { <ul>{data.red_flags.iter().map(|f| view! { <li>{f.question()}</li> }).collect_any()}</ul> }.into_any()
            }}
            <h3>"Notes"</h3>
            {if data.notes.is_empty() {
                view! { <p>"No session notes yet."</p> }.into_any()
            } else {
                view! { <ul>{data.notes.iter().map(|(d, n)| view! { <li><strong>{d.to_string()}</strong>": "{n.clone()}</li> }).collect_any()}</ul> }.into_any()
            }}
        </article>
    }
}

/// A plain line chart of mornings against the baseline, with flare days.
/// Drawn as markup, like History's charts: nothing in it changes once shown,
/// and typed views of each SVG element cost more wasm.
#[component]
fn MorningChart(
    points: Vec<(chrono::NaiveDate, u8)>,
    baseline: u8,
    flares: Vec<chrono::NaiveDate>,
) -> impl IntoView {
    let (w, h) = (320.0_f32, 120.0_f32);
    let Some(&(first, _)) = points.first() else {
        return view! { <p>"No check-ins yet."</p> }.into_any();
    };
    let span = points
        .last()
        .map_or(1, |(d, _)| (*d - first).num_days().max(1)) as f32;
    let x = move |d: chrono::NaiveDate| 8.0 + (d - first).num_days() as f32 / span * (w - 16.0);
    let y = move |r: u8| h - 8.0 - f32::from(r) / 10.0 * (h - 16.0);
    let label = format!(
        "Morning self-test from {first} to {}, baseline {baseline}/10",
        points.last().map_or(first, |p| p.0)
    );
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}"><line class="chart-baseline" x1="8" x2="{}" y1="{:.1}" y2="{:.1}"/><polyline class="chart-line" points=""#,
        n(w),
        n(h),
        esc(&label),
        n(w - 8.0),
        n(y(baseline)),
        n(y(baseline))
    );
    for (i, (d, r)) in points.iter().enumerate() {
        let gap = if i == 0 { "" } else { " " };
        let _ = write!(svg, "{gap}{:.1},{:.1}", n(x(*d)), n(y(*r)));
    }
    svg.push_str(r#""/>"#);
    for d in flares.into_iter().filter(|d| *d >= first) {
        let _ = write!(
            svg,
            r#"<line class="chart-flare" x1="{:.1}" x2="{:.1}" y1="8" y2="{}"/>"#,
            n(x(d)),
            n(x(d)),
            n(h - 8.0)
        );
    }
    svg.push_str("</svg>");
    view! { <div inner_html=svg></div> }.into_any()
}
