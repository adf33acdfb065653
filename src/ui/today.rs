//! Today: what is due now, in order: the morning check-in, the session or
//! rest day, a tip or two, the flare-day button and the red-flag report.

use super::state::{use_app, Screen};
use super::widgets::{show, CollectAny, DecisionCard};
use crate::engine::catalogue::Stage;
use crate::engine::decide::Phase;
use crate::engine::edit::{open_session, Edit};
use crate::engine::model::{EntryKind, Log, RedFlag, Side};
use crate::engine::plan::{DayPlan, Item, Plan};
use crate::engine::rules::MAX_ISOMETRIC_SESSIONS_PER_DAY;
use chrono::NaiveDate;
use leptos::prelude::*;

/// How many tips Today shows; the rest wait for another day.
const TIPS_SHOWN: usize = 2;

#[component]
pub fn Today() -> impl IntoView {
    let app = use_app();
    move || {
        app.plan.get().map(|p| match p.day {
            DayPlan::Stop { .. } => view! { <super::stop::Stop /> }.into_any(),
            _ => today_view(p).into_any(),
        })
    }
}

fn today_view(p: Plan) -> impl IntoView {
    let app = use_app();
    // Count only the stages this goal reaches: daily life stops at stage 2.
    let goal = app
        .log
        .with_untracked(|l| l.as_ref().map(|l| l.settings.goal));
    let of = goal.map_or(4, |g| crate::engine::stage::stages_for(g).len());
    let stage_line = format!("Stage {} of {of}: {}", p.stage.number(), p.stage.name());
    let resuming = app.log.with_untracked(|l| {
        l.as_ref()
            .and_then(|l| open_session(l, p.date).map(|_| ()))
            .is_some()
    });
    let finished = app
        .log
        .with_untracked(|l| l.as_ref().map_or(0, |l| finished_sessions(l, p.date)));
    let after: Vec<_> = p
        .decisions
        .iter()
        .filter(|d| d.phase == Phase::AfterSession)
        .cloned()
        .collect();
    let morning: Vec<_> = p
        .decisions
        .iter()
        .filter(|d| d.phase == Phase::NextMorning)
        .cloned()
        .collect();
    // The advice comes most relevant first, the confounder note included.
    let tips: Vec<String> = p
        .advice
        .iter()
        .map(|a| a.text.clone())
        .take(TIPS_SHOWN)
        .collect();
    view! {
        <section aria-labelledby="today-heading" class="card">
            <h2 id="today-heading">"Today"</h2>
            <p class="stage-line">{stage_line}</p>
        </section>
        {p.check_in_due.then(|| check_in_card(&p))}
        {(!morning.is_empty() && !p.check_in_due).then(|| view! {
            <section aria-labelledby="changes-heading" class="card">
                <h2 id="changes-heading">"After this morning's test"</h2>
                <ul class="decisions">{morning.into_iter().map(|d| view! { <DecisionCard decision=d /> }).collect_any()}</ul>
            </section>
        }.into_any())}
        {session_card(&p, resuming, finished)}
        {(!after.is_empty()).then(|| view! {
            <section aria-labelledby="done-heading" class="card">
                <h2 id="done-heading">"Today's session"</h2>
                <ul class="decisions">{after.into_iter().map(|d| view! { <DecisionCard decision=d /> }).collect_any()}</ul>
            </section>
        }.into_any())}
        <section aria-labelledby="tips-heading" class="card">
            <h2 id="tips-heading">"Tips for today"</h2>
            <ul class="tips">{tips.into_iter().map(|t| view! { <li>{t}</li> }).collect_any()}</ul>
        </section>
        {gate_card(&p)}
        {flare_card(p.flare_today)}
        <RedFlagReport />
    }
}

fn check_in_card(p: &Plan) -> impl IntoView {
    let app = use_app();
    let why = match p.pending_session {
        Some(_) => "It decides what yesterday's session means for today.",
        None => "It keeps the plan honest about how the tendon is doing.",
    };
    view! {
        <section aria-labelledby="checkin-heading" class="card due">
            <h2 id="checkin-heading">"Morning check-in"</h2>
            <p>{format!("Do one {} and rate the pain. Your baseline is {}/10. {why}", p.test.name(), p.baseline)}</p>
            <button type="button" class="primary" on:click=move |_| app.go(Screen::CheckIn)>
                "Start morning check-in"
            </button>
        </section>
    }
}

/// Sessions finished today (the logger closes one with "Save and finish").
fn finished_sessions(log: &Log, date: NaiveDate) -> usize {
    log.entries
        .iter()
        .filter(|e| e.date == date)
        .filter(|e| matches!(&e.kind, EntryKind::Session(s) if s.response.is_some()))
        .count()
}

fn session_card(p: &Plan, resuming: bool, finished: usize) -> AnyView {
    let app = use_app();
    match &p.day {
        // Heavy work and runs are once a day: a finished one is done, and
        // offering it again would log a second one.
        DayPlan::Load { label } if finished > 0 && !resuming && p.stage != Stage::Isometric => {
            view! {
                <section aria-labelledby="session-heading" class="card">
                    <h2 id="session-heading">{format!("Today: {label}, done")}</h2>
                    <p>"Done for today. Tomorrow morning's check-in tells how the tendon took it."</p>
                </section>
            }
            .into_any()
        }
        DayPlan::Load { label } => {
            let items: Vec<Item> = p.items.clone();
            // Holds may be repeated, up to a few times a day (`000_…`).
            let again = (finished > 0 && !resuming).then(|| {
                format!(
                    "Done {} today. You can do the holds up to {MAX_ISOMETRIC_SESSIONS_PER_DAY} times a day, a few hours apart, or leave it there.",
                    if finished == 1 { "once".to_string() } else { format!("{finished} times") }
                )
            });
            let button = if resuming {
                "Resume session"
            } else if again.is_some() {
                "Start another round"
            } else {
                "Start session"
            };
            let flare = p
                .flare_today
                .then_some("Flare day: same doses, and go lighter if it feels right.");
            view! {
                <section aria-labelledby="session-heading" class="card">
                    <h2 id="session-heading">{format!("Today: {label}")}</h2>
                    {flare.map(|f| view! { <p class="hint">{f}</p> }.into_any())}
                    {again.map(|a| view! { <p>{a}</p> }.into_any())}
                    <ul class="plan-items">{items.iter().map(item_line).collect_any()}</ul>
                    <button type="button" class="primary" on:click=move |_| app.go(Screen::Session)>{button}</button>
                </section>
            }
            .into_any()
        }
        DayPlan::Rest { reason } => view! {
            <section aria-labelledby="session-heading" class="card">
                <h2 id="session-heading">"Rest day"</h2>
                <p>{reason.clone()}</p>
            </section>
        }
        .into_any(),
        DayPlan::Stop { .. } => ().into_any(),
    }
}

pub fn item_line(item: &Item) -> impl IntoView {
    let side = match item.side {
        Side::Both => String::new(),
        s => format!(" ({} leg)", s.label()),
    };
    view! {
        <li>
            <strong>{format!("{}{side}", item.exercise.name)}</strong>
            " "
            <span>{item.dose.describe(item.exercise)}</span>
        </li>
    }
}

fn gate_card(p: &Plan) -> Option<impl IntoView> {
    let gate = p.next_gate.clone()?;
    let title = format!(
        "Next: stage {}, {}",
        gate.to.number(),
        gate.to.name().to_ascii_lowercase()
    );
    let jumps_note = (gate.to == Stage::EnergyStorage)
        .then_some("Jumps come once heavy work is nearly pain-free on both legs.");
    Some(view! {
        <section aria-labelledby="gate-heading" class="card">
            <h2 id="gate-heading">{title}</h2>
            {jumps_note.map(|n| view! { <p>{n}</p> }.into_any())}
            <ul class="checks">
                {gate.checks.iter().map(|c| {
                    let mark = if c.met { "Done: " } else { "Not yet: " };
                    view! { <li class:met=c.met>{format!("{mark}{}", c.label())}</li> }
                }).collect_any()}
            </ul>
        </section>
    })
}

fn flare_card(flare_today: bool) -> impl IntoView {
    let app = use_app();
    view! {
        <section aria-labelledby="flare-heading" class="card">
            <h2 id="flare-heading">"Bad day?"</h2>
            {if flare_today {
                view! { <p role="status">"Today is marked as a flare day. Everything holds, and it does not count against you."</p> }.into_any()
            } else {
                view! {
                    <p>"If the tendon is having a flare, mark the day: everything holds, with no penalty."</p>
                    <button type="button" on:click=move |_| { app.send(Edit::Flare); }>"Mark today as a flare day"</button>
                }
                .into_any()
            }}
        </section>
    }
}

/// Report a red flag any day: a plain list, one tap to report.
#[component]
fn RedFlagReport() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    view! {
        <section aria-labelledby="redflag-heading" class="card">
            <h2 id="redflag-heading">"Something new or worrying?"</h2>
            <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                "Report a red flag"
            </button>
            {show(move || open.get(), ViewFn::from(move || view! {
                <p>"Tap the one that fits. The app will stop progressing and ask you to see a clinician."</p>
                <ul class="red-flags">
                    {RedFlag::ALL.iter().map(|&f| view! {
                        <li><button type="button" class="danger" on:click=move |_| { app.send(Edit::RedFlag(f)); }>{f.question()}</button></li>
                    }).collect_any()}
                </ul>
            }))}
        </section>
    }
}
