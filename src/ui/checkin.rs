//! The morning check-in: the self-test against the baseline, then what it
//! means for yesterday's exercises, and yesterday's other loading.

use super::markup::{self, markup};
use super::state::{use_app, Screen};
use super::widgets::{show, tick, Scale};
use crate::engine::decide::Phase;
use crate::engine::edit::Edit;
use crate::engine::model::ActivityKind;
use crate::ui::charts::esc;
use crate::ui::widgets::changed;
use crate::ui::widgets::click;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn CheckIn() -> impl IntoView {
    let app = use_app();
    let rating = RwSignal::new(None::<u8>);
    let plan = move || app.plan.get();
    let done = move || plan().is_some_and(|p| !p.check_in_due);
    let save = click(move || {
        if let Some(r) = rating.get_untracked() {
            app.send(Edit::Morning { rating: r });
        }
    });
    view! {
        <section aria-labelledby="morning-heading" class="card">
            <h2 id="morning-heading">"Morning check-in"</h2>
            {move || plan().map(|p| {
                let legend = format!("How much did the {} hurt, 0 to 10?", p.test.name());
                let hint = format!("Do one {} now, the same way as always. Your baseline is {}/10.", p.test.name(), p.baseline);
                view! { <Scale legend=legend value=rating mark=(p.baseline, "your baseline") hint=hint /> }
            })}
            <button type="button" class="primary" prop:disabled=move || rating.get().is_none() on:click=save>
                {move || if done() { "Update check-in" } else { "Save check-in" }}
            </button>
        </section>
        {show(done, ViewFn::from(|| view! { <Decisions /> <YesterdayLoading /> }))}
        <button type="button" on:click=click(move || app.go(Screen::Today))>"Back to today"</button>
    }
}

/// Yesterday's exercises, each with its decision and the reason.
#[component]
fn Decisions() -> impl IntoView {
    let app = use_app();
    move || {
        let p = app.plan.get()?;
        let decisions: Vec<_> = p
            .decisions
            .iter()
            .filter(|d| d.phase == Phase::NextMorning)
            .collect();
        let mut out = String::from(
            r#"<section aria-labelledby="decisions-heading" class="card"><h2 id="decisions-heading">What this means for yesterday's exercises</h2>"#,
        );
        if decisions.is_empty() {
            out.push_str("<p>No session yesterday, so nothing changes. The check-in still counts towards your next stage.</p>");
        }
        markup::decisions(&mut out, &decisions);
        if let Some(c) = &p.confounder {
            let _ = write!(out, r#"<p class="note" role="note">{}</p>"#, esc(c));
        }
        out.push_str("</section>");
        Some(markup(out, |_, _| {}))
    }
}

/// Optional: what else loaded the tendon yesterday.
#[component]
fn YesterdayLoading() -> impl IntoView {
    let app = use_app();
    let km = RwSignal::new(String::new());
    let minutes = RwSignal::new(String::new());
    let hills = RwSignal::new(false);
    let fast = RwSignal::new(false);
    let sitting = RwSignal::new(String::new());
    let cycling = RwSignal::new(String::new());
    let sport = RwSignal::new(String::new());
    let stretch = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let num = |s: RwSignal<String>| {
        super::widgets::parse_decimal(&s.get_untracked())
            .map(|v| v as f32)
            .filter(|v| *v > 0.0)
    };
    let save = click(move || {
        let Some(date) = app.today.get_untracked().pred_opt() else {
            return;
        };
        let mut kinds = Vec::new();
        if num(km).is_some() || num(minutes).is_some() {
            kinds.push(ActivityKind::Run {
                km: num(km).unwrap_or(0.0),
                minutes: num(minutes).unwrap_or(0.0) as u16,
                hills: hills.get_untracked(),
                fast: fast.get_untracked(),
            });
        }
        if let Some(hours) = num(sitting) {
            kinds.push(ActivityKind::Sitting { hours });
        }
        if let Some(m) = num(cycling) {
            kinds.push(ActivityKind::Cycling { minutes: m as u16 });
        }
        if let Some(m) = num(sport) {
            kinds.push(ActivityKind::Sport { minutes: m as u16 });
        }
        if stretch.get_untracked() {
            kinds.push(ActivityKind::Stretching {
                deep_hip_flexion: true,
            });
        }
        let all = kinds
            .into_iter()
            .all(|kind| app.send(Edit::Activity { date, kind }));
        // Emptied once saved, so a second tap cannot log the same run twice.
        if all {
            for s in [km, minutes, sitting, cycling, sport] {
                s.set(String::new());
            }
            hills.set(false);
            fast.set(false);
            stretch.set(false);
        }
        saved.set(all);
    });
    let nothing = move || {
        [km, minutes, sitting, cycling, sport]
            .iter()
            .all(|s| s.with(|v| v.trim().is_empty()))
            && !stretch.get()
    };
    let field = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <label for=id>{label}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off"
                prop:value=move || value.get() on:input=changed(move |ev| value.set(event_target_value(&ev))) />
        }
    };
    view! {
        <section aria-labelledby="loading-heading" class="card">
            <h2 id="loading-heading">"Yesterday's other loading (optional)"</h2>
            <p class="hint">"Runs, long sitting and sport load the tendon too. Logging them helps the app tell what caused a bad morning."</p>
            <fieldset>
                <legend>"Run"</legend>
                {field("run-km", "Distance (km)", km)}
                {field("run-min", "Time (minutes)", minutes)}
                {tick("Hills", hills)}
                {tick("Fast running or sprints", fast)}
            </fieldset>
            {field("sitting", "Hours of sitting", sitting)}
            {field("cycling", "Cycling (minutes)", cycling)}
            {field("sport", "Sport (minutes)", sport)}
            {tick("Stretches that fold forward at the hip", stretch)}
            <button type="button" prop:disabled=nothing on:click=save>"Save yesterday's loading"</button>
            {show(move || saved.get(), ViewFn::from(|| view! { <p role="status">"Saved."</p> }))}
        </section>
    }
}
