//! The form that corrects one past entry: a morning's rating on the 0-10
//! scale; a session's sets (reps or seconds, kg, pain) and how it felt
//! after; an activity's numbers. Saving sends one `Edit::Replace` under the
//! entry's own id, with fields this build does not know kept as they were.

use super::entries::kind_words;
use crate::engine::catalogue::{find_exercise, Measure};
use crate::engine::dose::kg;
use crate::engine::edit::Edit;
use crate::engine::model::{ActivityKind, Entry, EntryKind, Log, Response, Side};
use crate::ui::charts::day_label;
use crate::ui::state::use_app;
use crate::ui::widgets::changed;
use crate::ui::widgets::click;
use crate::ui::widgets::Scale;
use crate::ui::widgets::{radios, tick, CollectAny};
use chrono::{Datelike, NaiveDate};
use leptos::html;
use leptos::prelude::*;

/// Reads the form back into the entry's new contents, or says what is wrong.
type Build = Box<dyn Fn() -> Result<EntryKind, String>>;

/// The baseline in force on `date`: the latest one set on or before it.
fn baseline_on(log: &Log, date: NaiveDate) -> Option<u8> {
    log.entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Baseline(b) if e.date <= date => Some((e.date, b.rating)),
            _ => None,
        })
        .max_by_key(|(d, _)| *d)
        .map(|(_, r)| r)
}

fn number(text: &str) -> Option<f32> {
    crate::ui::widgets::parse_decimal(text)
        .map(|v| v as f32)
        .filter(|v| v.is_finite())
}

fn whole(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok()
}

fn text_field(
    id: String,
    label: &'static str,
    value: RwSignal<String>,
    mode: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" inputmode=mode autocomplete="off"
                prop:value=move || value.get() on:input=changed(move |ev| value.set(event_target_value(&ev))) />
        </div>
    }
}

#[component]
pub fn Correct(entry: Entry, done: Callback<Option<String>>) -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let when = day_label(entry.date, app.today.get_untracked().year());
    let what = kind_words(&entry.kind);
    let (form, build): (AnyView, Build) = match &entry.kind {
        EntryKind::Morning(m) => {
            let baseline = app
                .log
                .with_untracked(|l| l.as_ref().and_then(|l| baseline_on(l, entry.date)));
            let rating = RwSignal::new(Some(m.rating));
            let legend = format!("Morning test on {when}, 0 to 10");
            let form = match baseline {
                Some(b) => view! { <Scale legend=legend value=rating mark=(b, "your baseline") /> }
                    .into_any(),
                None => view! { <Scale legend=legend value=rating /> }.into_any(),
            };
            let m = m.clone();
            let build: Build = Box::new(move || {
                let mut m = m.clone();
                m.rating = rating
                    .get_untracked()
                    .ok_or("Choose a rating from 0 to 10.")?;
                Ok(EntryKind::Morning(m))
            });
            (form, build)
        }
        EntryKind::Session(s) => session_form(entry.id, s.clone()),
        EntryKind::Activity(a) => activity_form(entry.id, a.clone()),
        _ => (
            ().into_any(),
            Box::new(|| Err("This entry cannot be corrected here.".to_string())),
        ),
    };
    let entry = StoredValue::new(entry);
    let label = format!("Correct the {what} of {when}");
    let save = click(move || match build() {
        Ok(kind) => {
            let fixed = Entry {
                kind,
                ..entry.get_value()
            };
            if app.send(Edit::Replace(fixed)) {
                done.run(Some(format!(
                    "Corrected the {what} of {when}. Today's plan has been worked out again."
                )));
            } else {
                problem.set(app.error.get_untracked());
            }
        }
        Err(message) => problem.set(Some(message)),
    });
    let group = NodeRef::<html::Div>::new();
    // Focus moves into the form that replaced the Correct button.
    crate::ui::widgets::effect(move || {
        if let Some(g) = group.get() {
            let _ = g.focus();
        }
    });
    view! {
        <div class="correct" role="group" tabindex="-1" node_ref=group aria-label=label>
            {form}
            <p class="error" role="alert">{move || problem.get()}</p>
            <button type="button" class="primary" on:click=save>"Save correction"</button>
            <button type="button" class="link" on:click=click(move || done.run(None))>"Cancel"</button>
        </div>
    }
}

struct SetFields {
    n: RwSignal<String>,
    kg: RwSignal<String>,
    pain: RwSignal<String>,
}

fn session_form(id: u64, s: crate::engine::model::Session) -> (AnyView, Build) {
    let fields: Vec<Vec<SetFields>> = s
        .blocks
        .iter()
        .map(|b| {
            b.sets
                .iter()
                .map(|set| SetFields {
                    n: RwSignal::new(set.n.to_string()),
                    kg: RwSignal::new(kg(set.kg)),
                    pain: RwSignal::new(set.pain.to_string()),
                })
                .collect()
        })
        .collect();
    let response = RwSignal::new(s.response);
    let blocks = s.blocks.iter().zip(&fields).enumerate().map(|(bi, (b, sets))| {
        let found = find_exercise(&b.exercise);
        let name = found.map_or(b.exercise.clone(), |(_, _, e)| e.name.to_string());
        let side = if b.side == Side::Both { String::new() } else { format!(", {} leg", b.side.label()) };
        let unit = match found.map(|(_, _, e)| e.measure) {
            Some(Measure::HoldSeconds) => "Seconds",
            Some(Measure::Minutes) => "Minutes",
            _ => "Reps",
        };
        let loaded = found.is_some_and(|(_, _, e)| e.dose.loadable()) || b.sets.iter().any(|s| s.kg > 0.0);
        view! {
            <fieldset class="block-edit">
                <legend>{format!("{name}{side}")}</legend>
                {sets.iter().enumerate().map(|(i, f)| {
                    let (n, weight, pain) = (f.n, f.kg, f.pain);
                    let key = format!("fix-{id}-{bi}-{i}");
                    view! {
                        <div class="set-row" role="group" aria-label=format!("Set {}", i + 1)>
                            <span class="set-no" aria-hidden="true">{format!("Set {}", i + 1)}</span>
                            {text_field(format!("{key}-n"), unit, n, "numeric")}
                            {loaded.then(|| text_field(format!("{key}-kg"), "kg", weight, "decimal"))}
                            <div class="field">
                                <label for=format!("{key}-pain")>"Pain"</label>
                                <select id=format!("{key}-pain") class="select" on:change=changed(move |ev| pain.set(event_target_value(&ev)))>
                                    {(0..=10u8).map(|p| view! {
                                        <option value=p.to_string() selected=move || pain.get() == p.to_string()>{p.to_string()}</option>
                                    }).collect_any()}
                                </select>
                            </div>
                        </div>
                    }
                }).collect_any()}
            </fieldset>
        }
    });
    let choices = [
        (Response::Better, "Better"),
        (Response::Same, "The same"),
        (Response::Worse, "Worse"),
    ];
    let form = view! {
        {blocks.collect_any()}
        {radios("Right after, the tendon felt", format!("fix-{id}-response"), &choices, response)}
    }
    .into_any();
    let build: Build = Box::new(move || {
        let mut s = s.clone();
        for (b, sets) in s.blocks.iter_mut().zip(&fields) {
            let name = find_exercise(&b.exercise)
                .map_or(b.exercise.clone(), |(_, _, e)| e.name.to_string());
            for (i, (set, f)) in b.sets.iter_mut().zip(sets).enumerate() {
                let at = format!("Set {} of {name}", i + 1);
                set.n = whole(&f.n.get_untracked())
                    .filter(|n| *n >= 1)
                    .ok_or(format!("{at}: enter a whole number from 1 to 600."))?;
                set.kg = number(&f.kg.get_untracked())
                    .ok_or(format!("{at}: enter the weight in kg, such as 12.5, or 0."))?;
                set.pain = f.pain.get_untracked().parse().unwrap_or(set.pain);
            }
        }
        s.response = response.get_untracked();
        Ok(EntryKind::Session(s))
    });
    (form, build)
}

fn activity_form(id: u64, a: crate::engine::model::Activity) -> (AnyView, Build) {
    let key = |f: &str| format!("fix-{id}-{f}");
    let minutes_of = |m: u16| RwSignal::new(m.to_string());
    let bad = |what: &str| format!("Enter the {what} as a number.");
    match a.kind.clone() {
        ActivityKind::Run {
            km,
            minutes,
            hills,
            fast,
        } => {
            let (d, m, h, f) = (
                RwSignal::new(kg(km)),
                minutes_of(minutes),
                RwSignal::new(hills),
                RwSignal::new(fast),
            );
            let form = view! {
                {text_field(key("km"), "Distance (km)", d, "decimal")}
                {text_field(key("min"), "Time (minutes)", m, "numeric")}
                {tick("Hills", h)}
                {tick("Fast running or sprints", f)}
            };
            let build: Build = Box::new(move || {
                Ok(EntryKind::Activity(crate::engine::model::Activity {
                    kind: ActivityKind::Run {
                        km: number(&d.get_untracked()).ok_or(bad("distance"))?,
                        minutes: whole(&m.get_untracked()).ok_or(bad("time"))?,
                        hills: h.get_untracked(),
                        fast: f.get_untracked(),
                    },
                }))
            });
            (form.into_any(), build)
        }
        ActivityKind::Sitting { hours } => {
            let v = RwSignal::new(kg(hours));
            let build: Build = Box::new(move || {
                let hours = number(&v.get_untracked()).ok_or(bad("hours"))?;
                Ok(EntryKind::Activity(crate::engine::model::Activity {
                    kind: ActivityKind::Sitting { hours },
                }))
            });
            (
                text_field(key("hours"), "Hours of sitting", v, "decimal").into_any(),
                build,
            )
        }
        ActivityKind::Stretching { deep_hip_flexion } => {
            let v = RwSignal::new(deep_hip_flexion);
            let build: Build = Box::new(move || {
                let deep_hip_flexion = v.get_untracked();
                Ok(EntryKind::Activity(crate::engine::model::Activity {
                    kind: ActivityKind::Stretching { deep_hip_flexion },
                }))
            });
            (
                tick("Stretches that fold forward at the hip", v).into_any(),
                build,
            )
        }
        ActivityKind::Cycling { minutes }
        | ActivityKind::Sport { minutes }
        | ActivityKind::Walk { minutes } => {
            let v = minutes_of(minutes);
            let kind = a.kind;
            let build: Build = Box::new(move || {
                let m = whole(&v.get_untracked()).ok_or(bad("minutes"))?;
                let kind = match kind {
                    ActivityKind::Cycling { .. } => ActivityKind::Cycling { minutes: m },
                    ActivityKind::Sport { .. } => ActivityKind::Sport { minutes: m },
                    _ => ActivityKind::Walk { minutes: m },
                };
                Ok(EntryKind::Activity(crate::engine::model::Activity { kind }))
            });
            (
                text_field(key("min"), "Minutes", v, "numeric").into_any(),
                build,
            )
        }
    }
}
