//! The session logger: one exercise at a time, every set saved the moment it
//! is entered, hold and rest timers on absolute end times, then how it felt.

mod clock;
mod finish;

use super::markup::markup;
use super::state::{use_app, AppState, Screen};
use super::timer::{rest_end_after, seconds_left, Running};
use super::widgets::{scale, show, show_or, Stepper};
use crate::engine::catalogue::Measure;
use crate::engine::edit::{done_for_today, open_session, Edit};
use crate::engine::limits::{MAX_LOAD_KG, MAX_SET_AMOUNT, MIN_SET_AMOUNT};
use crate::engine::model::{SetLog, Side};
use crate::engine::plan::Item;
use crate::engine::rules::HOLD_REST_SECONDS;
use crate::ui::charts::esc;
use crate::ui::widgets::click;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::fmt::Write;

/// Kept for this tab only (sessionStorage): where the logger was and what
/// was running, so a reload, or a phone reopening a tab it discarded in the
/// background, lands on the same exercise with its timers. The log itself
/// is in the repository; this is only what is on screen.
pub(super) fn recall(key: &str) -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok()??;
    storage.get_item(key).ok()?
}

pub(super) fn remember(key: &str, value: Option<String>) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.session_storage()) {
        let _ = match value {
            Some(v) => storage.set_item(key, &v),
            None => storage.remove_item(key),
        };
    }
}

fn step_key(today: NaiveDate) -> String {
    format!("rehab.logger.step.{today}")
}

fn timers_key(today: NaiveDate, item: &Item) -> String {
    format!(
        "rehab.logger.timers.{today}.{}.{}",
        item.exercise.id,
        item.side.label()
    )
}

#[component]
pub fn SessionLogger() -> impl IntoView {
    let app = use_app();
    // The list is fixed when the logger opens; saving sets must not move it.
    let items: Vec<Item> = app
        .plan
        .get_untracked()
        // A rest day's optional holds are logged like any session.
        .map(|p| if p.items.is_empty() { p.holds } else { p.items })
        .unwrap_or_default();
    let count = items.len();
    let step = step_key(app.today.get_untracked());
    let index = RwSignal::new(
        recall(&step)
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|i| *i < count)
            .unwrap_or(0),
    );
    crate::ui::widgets::effect(move || remember(&step, Some(index.get().to_string())));
    let finishing = RwSignal::new(false);
    // Reached by the back button or an old link after today's heavy session
    // or run was finished: logging it again would count it twice.
    let done = app.plan.with_untracked(|p| {
        p.as_ref().is_some_and(|p| {
            app.log.with_untracked(|l| {
                l.as_ref()
                    .is_some_and(|l| done_for_today(l, p.date, p.stage))
            })
        })
    });
    if count == 0 || done {
        let said = if done {
            "<h2>Done for today</h2><p>Today's session is logged. Tomorrow morning's check-in tells how the tendon took it.</p>"
        } else {
            "<h2>Nothing to log today</h2>"
        };
        let card = format!(
            r#"<section class="card">{said}<button type="button" data-act="today">Back to today</button></section>"#
        );
        return markup(card, move |_, _| app.go(Screen::Today)).into_any();
    }
    // The screen stays on while the logger is open, as at the gym the phone
    // lies on the floor between sets; it may sleep again once it closes.
    super::alert::keep_awake(true);
    on_cleanup(|| super::alert::keep_awake(false));
    let items = StoredValue::new(items);
    view! {
        {show_or(move || !finishing.get(), ViewFn::from(move || view! {
            {move || {
                let i = index.get();
                let item = items.with_value(|v| v[i].clone());
                view! { <ExerciseStep item=item position=(i + 1, count) /> }
            }}
            <nav class="step-nav" aria-label="Exercises">
                <button type="button" prop:disabled=move || index.get() == 0 on:click=click(move || index.set(index.get_untracked().saturating_sub(1)))>
                    "Previous exercise"
                </button>
                <button type="button" class="primary" on:click=click(move || {
                    if index.get_untracked() + 1 < count {
                        index.set(index.get_untracked() + 1);
                    } else {
                        finishing.set(true);
                    }
                })>
                    {move || if index.get() + 1 < count { "Next exercise" } else { "Finish session" }}
                </button>
            </nav>
        }), ViewFn::from(|| view! { <finish::Finish /> }))}
    }
    .into_any()
}

/// The sets already saved today for this exercise and side.
fn saved_sets(app: &AppState, item: &Item) -> Vec<SetLog> {
    let today = app.today.get();
    app.log.with(|log| {
        let Some((_, s)) = log.as_ref().and_then(|l| open_session(l, today)) else {
            return Vec::new();
        };
        s.blocks
            .iter()
            .find(|b| b.exercise == item.exercise.id && b.side == item.side)
            .map(|b| b.sets.clone())
            .unwrap_or_default()
    })
}

#[component]
fn ExerciseStep(item: Item, position: (usize, usize)) -> impl IntoView {
    let app = use_app();
    let e = item.exercise;
    let side = match item.side {
        Side::Both => String::new(),
        s => format!(", {} leg", s.label()),
    };
    let ceiling = app
        .log
        .with_untracked(|l| l.as_ref().map_or(3, |l| l.settings.pain_ceiling));
    let amount = RwSignal::new(f32::from(item.dose.amount));
    let kg = RwSignal::new(item.dose.load_kg);
    let key = timers_key(app.today.get_untracked(), &item);
    let kept = recall(&key)
        .and_then(|s| Running::decode(&s))
        .unwrap_or_default()
        .fresh(super::state::now());
    let pain = RwSignal::new(kept.pain);
    let rest_end = RwSignal::new(kept.rest_end);
    let hold_end = RwSignal::new(kept.hold_end);
    let unrated = RwSignal::new(kept.unrated);
    crate::ui::widgets::effect(move || {
        let running = Running {
            hold_end: hold_end.get(),
            rest_end: rest_end.get(),
            pain: pain.get(),
            unrated: unrated.get(),
        };
        remember(
            &key,
            (running != Running::default()).then(|| running.encode()),
        );
    });
    let stored = StoredValue::new(item.clone());
    let sets = move || stored.with_value(|it| saved_sets(&app, it));
    let save_set = move |n: u16, pain_now: u8| {
        let it = stored.get_value();
        let set = SetLog {
            n,
            kg: kg.get_untracked(),
            pain: Some(pain_now),
            effort: None,
        };
        app.send(Edit::AddSet {
            exercise: it.exercise.id.to_string(),
            side: it.side,
            set,
        })
    };
    // Each set gets its own rating: after a save nothing stays picked, and
    // "Same as last set" offers the previous one in one tap.
    let save_hold = move |p: u8| {
        let n = stored.with_value(|it| it.dose.amount);
        if save_set(n, p) {
            unrated.set(None);
            pain.set(None);
        }
    };
    // When a hold's end time passes, while watching or not, the rest starts
    // from the moment the hold ended. A hold rated during it is saved; one
    // not yet rated waits for its rating, never assumed to be painless.
    // A rest's end sounds too, and either timer may say "ten seconds".
    let last_left = StoredValue::new(0);
    crate::ui::widgets::effect(move || {
        let now = app.now_ms.get();
        if let Some(end) = hold_end.get() {
            if now >= end {
                hold_end.set(None);
                rest_end.set(Some(rest_end_after(end, HOLD_REST_SECONDS)));
                super::alert::finished("rest");
                unrated.set(Some(end));
                if let Some(p) = pain.get_untracked() {
                    save_hold(p);
                }
            }
        }
        if let Some(end) = rest_end.get() {
            if now >= end {
                rest_end.set(None);
                super::alert::finished("next set");
            }
        }
        let left = hold_end
            .get()
            .or(rest_end.get())
            .map(|end| seconds_left(end, now));
        if left == Some(10) && last_left.get_value() != 10 {
            super::alert::speak("ten seconds");
        }
        last_left.set_value(left.unwrap_or(0));
    });
    let last_pain = move || sets().last().and_then(|s| s.pain);
    let target = format!("Target: {}{side}", item.dose.describe(e));
    // Why the dose is what it is: the decision that set it, with its numbers.
    // It was made at the check-in after that session ("that morning's test"
    // in its reason), or without one.
    let day = |d: NaiveDate| super::charts::day_label(d, d.year());
    let why = item.last.as_ref().map(|d| {
        let when = match (d.morning, d.session_date.succ_opt()) {
            (Some(_), Some(next)) => format!("your check-in on {}", day(next)),
            _ => format!("your session on {}", day(d.session_date)),
        };
        format!("Why this dose: {when}. {}", d.reason_later())
    });
    // The exercise, its target and its figure first, then what the thumb
    // needs (steppers, pain, the button); the words on how to do it and why
    // come under the button, so it stays in reach on a small phone.
    let head = format!(
        r#"<h2 id="exercise-heading">{} of {}: {}{}</h2><p class="target">{}</p>"#,
        position.0,
        position.1,
        esc(e.name),
        esc(&side),
        esc(&target)
    );
    let mut how = String::new();
    let call = app.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.morning_call.as_ref().map(|c| c.reason()))
    });
    for line in [call, why].into_iter().flatten() {
        let _ = write!(how, r#"<p class="why">{}</p>"#, esc(&line));
    }
    how.push_str(r#"<p class="how">"#);
    for line in e.how.lines() {
        let _ = write!(how, "<span>{}</span><br>", esc(line));
    }
    how.push_str("</p>");
    let unit = e.measure.unit();
    let loaded = item.dose.load_kg > 0.0 || e.dose.loadable();
    let is_hold = e.measure == Measure::HoldSeconds;
    let planned_sets = usize::from(item.dose.sets);
    let (figure, words) =
        super::demo::split_figure(crate::pose::sprite::exercise_key(e.id), item.side);
    view! {
        <section aria-labelledby="exercise-heading" class="card exercise">
            {markup(head, |_, _| {})}
            <div class="stage">
                {figure}
                <clock::Clock hold=is_hold.then_some(item.dose.amount) hold_end=hold_end rest_end=rest_end />
            </div>
            <div class="steppers">
                {(!is_hold).then(|| view! { <Stepper label=format!("{}", if e.measure == Measure::Minutes { "Minutes" } else { "Reps" }) value=amount step=1.0 min=f32::from(MIN_SET_AMOUNT) max=f32::from(MAX_SET_AMOUNT) unit=unit /> }.into_any())}
                {loaded.then(|| view! { <Stepper label="Weight".to_string() value=kg step=e.dose.load_step_kg.max(0.5) unit="kg" max=MAX_LOAD_KG /> }.into_any())}
            </div>
            {scale("Pain during, 0 to 10", pain, Some((ceiling, "your ceiling")), "A little discomfort is fine.")}
            {if is_hold {
                view! {
                    {show_or(move || unrated.get().is_none(),
                        ViewFn::from(move || view! { <clock::HoldButton seconds=item.dose.amount hold_end=hold_end /> }),
                        ViewFn::from(move || view! {
                            <p class="hint" role="status">"Hold done. How much did it hurt? Pick a number, then save it."</p>
                            <button type="button" class="primary big" prop:disabled=move || pain.get().is_none()
                                on:click=click(move || if let Some(p) = pain.get_untracked() { save_hold(p) })>
                                {move || format!("Save hold {}", sets().len() + 1)}
                            </button>
                        }))}
                }.into_any()
            } else {
                view! {
                    <button type="button" class="primary big" prop:disabled=move || pain.get().is_none()
                        on:click=click(move || {
                            let n = amount.get_untracked().round().clamp(f32::from(MIN_SET_AMOUNT), f32::from(MAX_SET_AMOUNT)) as u16;
                            if let Some(p) = pain.get_untracked() {
                                if save_set(n, p) {
                                    pain.set(None);
                                    super::alert::prime();
                                    let t = super::state::now();
                                    app.now_ms.set(t);
                                    rest_end.set(Some(t + f64::from(HOLD_REST_SECONDS) * 1000.0));
                                }
                            }
                        })>
                        {move || format!("Save set {}", sets().len() + 1)}
                    </button>
                }.into_any()
            }}
            {move || match (pain.get(), last_pain()) {
                (None, Some(last)) => view! {
                    <button type="button" class="link same" on:click=click(move || pain.set(Some(last)))>
                        {format!("Same as last set: {last}/10")}
                    </button>
                }.into_any(),
                _ => ().into_any(),
            }}
            <p class="hint">{move || format!("{} of {planned_sets} planned sets saved", sets().len())}</p>
            <h3>"Sets done"</h3>
            <ol class="sets" aria-live="polite" inner_html=move || {
                let mut out = String::new();
                for (i, s) in sets().iter().enumerate() {
                    let load = if s.kg > 0.0 { format!(" at {} kg", crate::engine::dose::kg(s.kg)) } else { String::new() };
                    let pain = s.pain.map_or("not rated".to_string(), |p| format!("{p}/10"));
                    let _ = write!(out, "<li>Set {}: {} {unit}{load}, pain {pain}</li>", i + 1, s.n);
                }
                out
            }></ol>
            {show(move || !sets().is_empty(), ViewFn::from(move || view! {
                <button type="button" class="link" on:click=click(move || {
                    let it = stored.get_value();
                    app.send(Edit::UndoSet { exercise: it.exercise.id.to_string(), side: it.side });
                })>"Undo last set"</button>
            }))}
            // Live, unlike the lines below: it goes as soon as the unreadable
            // part is sorted out, without leaving the exercise.
            {move || app.plan.with(|p| p.as_ref().and_then(|p| p.caution())).map(|c| view! { <p class="why">{c}</p> })}
            {markup(words + &how, |_, _| {})}
        </section>
    }
}
