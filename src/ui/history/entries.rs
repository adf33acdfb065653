//! Every past entry, newest first, each with Correct and Delete. A
//! correction replaces the entry under its own id, so the plan (recomputed
//! from the log) follows it; a delete asks first.

use super::super::charts::day_label;
use super::super::state::use_app;
use super::correct;
use crate::engine::catalogue::find_exercise;
use crate::engine::dose::kg;
use crate::engine::edit::Edit;
use crate::engine::model::{ActivityKind, Entry, EntryKind, Response, Side};
use crate::ui::charts::esc;
use crate::ui::markup::markup;
use crate::ui::widgets::click;
use crate::ui::widgets::CollectAny;
use chrono::Datelike;
use leptos::html;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// Entries shown at first, and added by each "Show more".
const PAGE: usize = 30;

/// Kinds the list offers to correct: what the user logs day to day. The
/// onboarding baseline and red flags have their own screens.
fn listed(kind: &EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Morning(_)
            | EntryKind::Session(_)
            | EntryKind::Activity(_)
            | EntryKind::Flare(_)
    )
}

/// What the entry is, in a few words ("morning check-in", "run").
pub fn kind_words(kind: &EntryKind) -> &'static str {
    match kind {
        EntryKind::Morning(_) => "morning check-in",
        EntryKind::Session(_) => "session",
        EntryKind::Flare(_) => "flare day",
        EntryKind::Activity(a) => match a.kind {
            ActivityKind::Run { .. } => "run",
            ActivityKind::Sitting { .. } => "sitting",
            ActivityKind::Cycling { .. } => "cycling",
            ActivityKind::Sport { .. } => "sport",
            ActivityKind::Walk { .. } => "walk",
            ActivityKind::Stretching { .. } => "stretching",
        },
        _ => "entry",
    }
}

fn response_words(r: Response) -> &'static str {
    match r {
        Response::Better => "felt better after",
        Response::Same => "felt the same after",
        Response::Worse => "felt worse after",
    }
}

/// The entry's contents as lines of text.
pub fn describe(kind: &EntryKind) -> Vec<String> {
    match kind {
        EntryKind::Morning(m) => vec![match m.legs {
            Some(l) => format!("Morning check-in: left {}/10, right {}/10", l.left, l.right),
            None => format!("Morning check-in: {}/10", m.rating),
        }],
        EntryKind::Flare(_) => vec!["Flare day".into()],
        EntryKind::Session(s) => {
            let mut lines = vec![match s.response {
                Some(r) => format!("Session, {}", response_words(r)),
                None => "Session, not finished".into(),
            }];
            lines.extend(s.blocks.iter().map(|b| {
                let (name, unit) = find_exercise(&b.exercise)
                    .map_or((b.exercise.as_str(), ""), |(_, _, e)| {
                        (e.name, e.measure.unit())
                    });
                let side = match b.side {
                    Side::Both => String::new(),
                    s => format!(", {}", s.label()),
                };
                let amounts: Vec<String> = b.sets.iter().map(|s| s.n.to_string()).collect();
                let load = b.sets.iter().map(|s| s.kg).fold(0.0, f32::max);
                let load = if load > 0.0 {
                    format!(" at up to {} kg", kg(load))
                } else {
                    String::new()
                };
                let pain = match b.sets.iter().filter_map(|s| s.pain).max() {
                    Some(p) => format!("pain up to {p}/10"),
                    None => "pain not rated".into(),
                };
                format!("{name}{side}: {} {unit}{load}, {pain}", amounts.join(", "))
            }));
            // The user's own words, last (escaped where they are drawn).
            if let Some(note) = s.note.as_deref().filter(|n| !n.trim().is_empty()) {
                lines.push(format!("Note: {note}"));
            }
            lines
        }
        EntryKind::Activity(a) => vec![match &a.kind {
            ActivityKind::Run {
                km,
                minutes,
                hills,
                fast,
            } => {
                let mut s = format!("Run: {} km in {minutes} min", kg(*km));
                if *hills {
                    s.push_str(", hills");
                }
                if *fast {
                    s.push_str(", fast");
                }
                s
            }
            ActivityKind::Sitting { hours } => format!("Sitting: {} hours", kg(*hours)),
            ActivityKind::Cycling { minutes } => format!("Cycling: {minutes} min"),
            ActivityKind::Sport { minutes } => format!("Sport: {minutes} min"),
            ActivityKind::Walk { minutes } => format!("Walk: {minutes} min"),
            ActivityKind::Stretching { deep_hip_flexion } => {
                if *deep_hip_flexion {
                    "Stretching, folding forward at the hip".into()
                } else {
                    "Stretching".into()
                }
            }
        }],
        _ => Vec::new(),
    }
}

/// Which entry is open for correcting or waiting for a delete to be confirmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Correct(u64),
    Delete(u64),
}

#[component]
pub fn Entries() -> impl IntoView {
    let app = use_app();
    let limit = RwSignal::new(PAGE);
    let open = RwSignal::new(None::<Open>);
    let status = RwSignal::new(None::<String>);
    let heading = NodeRef::<html::H2>::new();
    // Only the shown entries are cloned: the log can hold years of them.
    let page = crate::ui::widgets::memo(move || {
        let n = limit.get();
        app.log.with(|l| {
            let Some(l) = l else { return (Vec::new(), 0) };
            let mut all: Vec<&Entry> = l.entries.iter().filter(|e| listed(&e.kind)).collect();
            // Newest first: both parts of the key reversed.
            crate::sorted::sort_by(&mut all, &|e| (-crate::sorted::day_key(e.date), !e.id));
            let total = all.len();
            (all.into_iter().take(n).cloned().collect::<Vec<_>>(), total)
        })
    });
    // Back to the list's heading when a form closes, so focus is not lost.
    let done = move |message: Option<String>| {
        open.set(None);
        if message.is_some() {
            status.set(message);
        }
        if let Some(h) = heading.get_untracked() {
            let _ = h.focus();
        }
    };
    let this_year = move || app.today.get_untracked().year();
    view! {
        <section class="card history-section" aria-labelledby="entries-heading">
            <h2 id="entries-heading" tabindex="-1" node_ref=heading>"Your entries"</h2>
            <p class="hint">"Check-ins, sessions, other loading and flare days, newest first. Correct a mistake and today's plan is worked out again from the corrected log."</p>
            <p role="status" class="entries-status">{move || status.get()}</p>
            {move || {
                let (shown, total) = page.get();
                if total == 0 {
                    return view! { <p>"Nothing logged yet."</p> }.into_any();
                }
                view! {
                    <ol class="entries">
                        {shown.into_iter().map(|e| row(e, this_year(), open, Callback::new(done))).collect_any()}
                    </ol>
                    {(total > limit.get()).then(|| view! {
                        <button type="button" class="link" on:click=click(move || limit.set(limit.get_untracked() + PAGE))>
                            {format!("Show more ({} older)", total - limit.get_untracked())}
                        </button>
                    }.into_any())}
                }
                .into_any()
            }}
        </section>
    }
}

/// One entry: its date and contents as markup, then what can be done with
/// it. Only a correction form keeps a typed view: it has state of its own.
fn row(
    e: Entry,
    year: i32,
    open: RwSignal<Option<Open>>,
    done: Callback<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let id = e.id;
    let when = day_label(e.date, year);
    let what = kind_words(&e.kind);
    let mut head = format!(
        r#"<p class="entry-date"><time datetime="{}">{}</time></p>"#,
        e.date,
        esc(&when)
    );
    for line in describe(&e.kind) {
        let _ = write!(head, r#"<p class="entry-line">{}</p>"#, esc(&line));
    }
    let state = crate::ui::widgets::memo(move || {
        open.get()
            .filter(|o| matches!(o, Open::Correct(i) | Open::Delete(i) if *i == id))
    });
    let correctable = !matches!(e.kind, EntryKind::Flare(_));
    let entry = StoredValue::new(e);
    let actions = move || match state.get() {
        Some(Open::Correct(_)) => correct::correct(entry.get_value(), done),
        Some(Open::Delete(_)) => {
            // Focus the confirm button, so keyboard and screen-reader users
            // land on the question.
            request_animation_frame(|| {
                let button = document()
                    .query_selector(".entries .confirm .danger")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = button {
                    let _ = b.focus();
                }
            });
            let html = format!(
                r#"<div class="confirm" role="group" aria-label="Confirm delete"><p>Delete the {what} of {}? Today's plan will be worked out again without it.</p><button type="button" class="danger" data-act="delete">Yes, delete</button><button type="button" class="link" data-act="keep">Keep it</button></div>"#,
                esc(&when)
            );
            let when = when.clone();
            markup(html, move |act, _| match act {
                "delete" if app.send(Edit::Delete(id)) => done.run(Some(format!(
                    "Deleted the {what} of {when}. Today's plan has been worked out again."
                ))),
                "keep" => done.run(None),
                _ => {}
            })
            .into_any()
        }
        None => {
            let mut html = String::from(r#"<div class="entry-actions">"#);
            let label = esc(&when);
            if correctable {
                let _ = write!(
                    html,
                    r#"<button type="button" class="link" aria-label="Correct {what}, {label}" data-act="correct">Correct</button>"#
                );
            }
            let _ = write!(
                html,
                r#"<button type="button" class="link" aria-label="Delete {what}, {label}" data-act="ask">Delete</button></div>"#
            );
            markup(html, move |act, _| match act {
                "correct" => open.set(Some(Open::Correct(id))),
                "ask" => open.set(Some(Open::Delete(id))),
                _ => {}
            })
            .into_any()
        }
    };
    view! {
        <li class="entry">
            <div class="markup" inner_html=head></div>
            {actions}
        </li>
    }
}
