//! The morning check-in: the self-test against the baseline, then what it
//! means for yesterday's exercises, and yesterday's other loading.

use super::markup::{self, input, markup, say, text, tick, ticked};
use super::state::{use_app, Screen};
use super::widgets::{show, Scale, ScaleProps};
use crate::engine::decide::Phase;
use crate::engine::edit::Edit;
use crate::engine::model::{ActivityKind, AffectedSide, EntryKind, Side};
use crate::ui::charts::esc;
use crate::ui::widgets::click;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

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
                let hint = format!("Do one {} now, the same way as always.{}", p.test.name(), super::today::baseline_words(&p));
                let (two_legs, side) = test_form(&app);
                let key = crate::pose::sprite::self_test_key(p.test, two_legs);
                view! {
                    <super::demo::DemoFigure key=key side=side />
                    // No mark for a baseline that could not be read.
                    {Scale(ScaleProps { legend, value: rating, max: 10, mark: p.baseline_known.then_some((p.baseline, "your baseline")), hint: Some(hint) })}
                }
            })}
            <button type="button" class="primary" prop:disabled=move || rating.get().is_none() on:click=save>
                {move || if done() { "Update check-in" } else { "Save check-in" }}
            </button>
        </section>
        {show(done, ViewFn::from(|| view! { <Decisions /> {yesterday_loading()} }))}
        <button type="button" on:click=click(move || app.go(Screen::Today))>"Back to today"</button>
    }
}

/// How the test is done: on two legs or one (as the latest baseline says),
/// and on which leg, the sore one.
fn test_form(app: &crate::ui::state::AppState) -> (bool, Side) {
    app.log.with_untracked(|log| {
        let Some(log) = log else {
            return (false, Side::Left);
        };
        let two = log.entries.iter().rev().find_map(|e| match &e.kind {
            EntryKind::Baseline(b) => Some(b.two_legs),
            _ => None,
        });
        let side = match log.settings.affected {
            AffectedSide::Right => Side::Right,
            _ => Side::Left,
        };
        (two.unwrap_or(false), side)
    })
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

/// Optional: what else loaded the tendon yesterday. Drawn as markup, and
/// read back from the page on Save; a `<form>` so Enter in a field saves
/// too, and so one `reset()` empties it once saved: a second tap cannot log
/// the same run twice.
fn yesterday_loading() -> AnyView {
    let app = use_app();
    let mut html = String::from(
        r#"<section aria-labelledby="loading-heading" class="card"><h2 id="loading-heading">Yesterday's other loading (optional)</h2><p class="hint">Runs, long sitting and sport load the tendon too. Logging them helps the app tell what caused a bad morning.</p><form id="loading"><fieldset><legend>Run</legend>"#,
    );
    input(&mut html, "run-km", "Distance (km)", "", "decimal");
    input(&mut html, "run-min", "Time (minutes)", "", "decimal");
    tick(&mut html, "run-hills", "Hills", false);
    tick(&mut html, "run-fast", "Fast running or sprints", false);
    html.push_str("</fieldset>");
    input(&mut html, "sitting", "Hours of sitting", "", "decimal");
    input(&mut html, "cycling", "Cycling (minutes)", "", "decimal");
    input(&mut html, "sport", "Sport (minutes)", "", "decimal");
    tick(
        &mut html,
        "stretch",
        "Stretches that fold forward at the hip",
        false,
    );
    html.push_str(r#"<button type="submit" data-act="save">Save yesterday's loading</button><p role="status" id="loading-status"></p></form></section>"#);
    markup(html, move |act, _| {
        let Some(date) = app
            .today
            .get_untracked()
            .pred_opt()
            .filter(|_| act == "save")
        else {
            return;
        };
        let num = |id| {
            super::widgets::parse_decimal(&text(id))
                .map(|v| v as f32)
                .filter(|v| *v > 0.0)
        };
        let mut kinds = Vec::new();
        let (km, minutes) = (num("run-km"), num("run-min"));
        if km.is_some() || minutes.is_some() {
            kinds.push(ActivityKind::Run {
                km: km.unwrap_or(0.0),
                minutes: minutes.unwrap_or(0.0) as u16,
                hills: ticked("run-hills"),
                fast: ticked("run-fast"),
            });
        }
        if let Some(hours) = num("sitting") {
            kinds.push(ActivityKind::Sitting { hours });
        }
        if let Some(m) = num("cycling") {
            kinds.push(ActivityKind::Cycling { minutes: m as u16 });
        }
        if let Some(m) = num("sport") {
            kinds.push(ActivityKind::Sport { minutes: m as u16 });
        }
        if ticked("stretch") {
            kinds.push(ActivityKind::Stretching {
                deep_hip_flexion: true,
            });
        }
        let said = if kinds.is_empty() {
            "Nothing filled in yet, so nothing was saved."
        } else if kinds
            .into_iter()
            .all(|kind| app.send(Edit::Activity { date, kind }))
        {
            if let Some(form) = document().get_element_by_id("loading") {
                let reset = js_sys::Reflect::get(&form, &"reset".into());
                if let Ok(f) = reset.and_then(|f| f.dyn_into::<js_sys::Function>()) {
                    let _ = f.call0(&form);
                }
            }
            "Saved."
        } else {
            // app.send has put the problem on screen.
            ""
        };
        say("loading-status", said);
    })
}
