//! The plan map: the stages the user's goal reaches, what the next one needs,
//! and every ladder in them, with where each leg stands, what moves it on,
//! and what is locked and why. Read only; the words come from `model.rs`.

mod model;
#[cfg(test)]
mod tests;

use super::state::use_app;
use crate::engine::catalogue::Stage;
use crate::engine::stage::Gate;
use crate::ui::widgets::CollectAny;
use leptos::prelude::*;
use model::{LadderView, LevelView, MapModel, Section, StageRow, StageStatus};

#[component]
pub fn PlanMap() -> impl IntoView {
    let app = use_app();
    // Progress replays the log once more for the positions the plan does not
    // keep; a few ms, and only while this screen is open.
    let map = Memo::new(move |_| {
        let plan = app.plan.get()?;
        let today = app.today.get();
        app.log
            .with(|l| l.as_ref().map(|log| MapModel::build(log, &plan, today)))
    });
    move || map.get().map(map_view)
}

fn map_view(m: MapModel) -> impl IntoView {
    let total = m.stages.len();
    let at = m
        .stages
        .iter()
        .position(|r| r.status == StageStatus::Current)
        .map_or(1, |i| i + 1);
    view! {
        <section aria-labelledby="map-heading" class="card map">
            <h2 id="map-heading">"Your plan"</h2>
            <p class="stage-line">{format!("Stage {at} of {total}: {}", m.current.name())}</p>
            {m.paused.then(|| view! { <p class="notice warning">"Nothing moves on while a red flag is open."</p> }.into_any())}
            <h3 id="map-stages-heading">"Stages"</h3>
            <ol class="map-stages" aria-labelledby="map-stages-heading">
                {m.stages.iter().map(stage_row).collect_any()}
            </ol>
            {gate_view(m.gate.as_ref(), m.current)}
        </section>
        {m.sections.into_iter().map(section_view).collect_any()}
    }
}

fn stage_blurb(s: Stage) -> &'static str {
    match s {
        Stage::Isometric => "Holds without movement, to settle an irritable tendon.",
        Stage::HeavySlow => "Slow, heavy strength work, two or three times a week.",
        Stage::EnergyStorage => "Jumps, so the tendon copes with speed again.",
        Stage::ReturnToRunning => "Running and sport, built back up bit by bit.",
    }
}

fn stage_row(r: &StageRow) -> impl IntoView {
    let status = match r.status {
        StageStatus::Done => "Done",
        StageStatus::Skipped => "Skipped: not needed at your start",
        StageStatus::Current => "You are here",
        StageStatus::Ahead => "Still to come",
    };
    let current = r.status == StageStatus::Current;
    view! {
        <li class:current=current aria-current=current.then_some("step")>
            <p class="map-stage-name">
                <strong>{format!("Stage {}: {}", r.stage.number(), r.stage.name())}</strong>
                <span class="map-status">{status}</span>
            </p>
            <p class="hint">{stage_blurb(r.stage)}</p>
        </li>
    }
}

fn gate_view(gate: Option<&Gate>, current: Stage) -> impl IntoView {
    match gate {
        Some(g) => view! {
            <h3>{format!("What stage {} needs", g.to.number())}</h3>
            <ul class="checks">
                {g.checks.iter().map(|c| {
                    let mark = if c.met { "Done: " } else { "Not yet: " };
                    view! { <li class:met=c.met>{format!("{mark}{}", c.label())}</li> }
                }).collect_any()}
            </ul>
        }
        .into_any(),
        None => view! {
            <p>{format!(
                "Stage {} is the last stage for your goal. Keep building at your own pace.",
                current.number()
            )}</p>
        }
        .into_any(),
    }
}

fn section_view(s: Section) -> impl IntoView {
    let id = format!("map-stage-{}", s.stage.number());
    let labelled_by = id.clone();
    let title = format!("Stage {}: {}", s.stage.number(), s.stage.name());
    // Stages with one category (holds, jumps, running) need no extra heading.
    let grouped = s.groups.len() > 1;
    view! {
        <section aria-labelledby=labelled_by class="card map-section">
            <h2 id=id>{title}</h2>
            {s.groups.into_iter().map(|(category, ladders)| {
                let ladders = ladders.into_iter().map(|l| ladder_view(l, grouped)).collect_any();
                if grouped {
                    view! { <h3 class="map-category">{category.name()}</h3>{ladders} }.into_any()
                } else {
                    ladders.into_any()
                }
            }).collect_any()}
        </section>
    }
}

fn ladder_view(l: LadderView, nested: bool) -> impl IntoView {
    let id = format!("ladder-{}", l.ladder.id);
    let name = l.ladder.name;
    let heading = if nested {
        view! { <h4 id=id>{name}</h4> }.into_any()
    } else {
        view! { <h3 id=id>{name}</h3> }.into_any()
    };
    let count = l.levels.len();
    let locked = l.locked.is_some();
    let folded = l.folded;
    let levels = view! {
        <ol class="map-levels" aria-label=format!("{name}: levels")>
            {l.levels.into_iter().map(level_view).collect_any()}
        </ol>
    };
    // A ladder with nothing to do today folds its levels away so a phone
    // screen stays short; its name and the reason stay visible.
    let levels = if folded {
        let summary = match count {
            1 => "Show its level".to_string(),
            n => format!("Show its {n} levels"),
        };
        view! {
            <details>
                <summary>{summary}</summary>
                {levels}
            </details>
        }
        .into_any()
    } else {
        levels.into_any()
    };
    let next: Vec<_> = l
        .next
        .into_iter()
        .map(|n| view! { <p class="map-next">{n}</p> }.into_any())
        .collect();
    // Folded, the note on what is missing is all there is to read, so it
    // goes above the closed list rather than below it.
    let (before, after) = if folded {
        (next, Vec::new())
    } else {
        (Vec::new(), next)
    };
    view! {
        // Unnamed, so not a landmark: a dozen ladder regions would drown the
        // page's real landmarks; headings are how to move between them.
        <section class="map-ladder" class:locked=locked>
            {heading}
            {l.locked.map(|why| view! {
                <p class="map-locked"><strong>"Locked. "</strong>{why}</p>
            }.into_any())}
            {before}
            {levels}
            {after}
        </section>
    }
}

fn level_view(v: LevelView) -> impl IntoView {
    let here = !v.here.is_empty();
    view! {
        <li class:here=here>
            <span class="map-level-name">{v.name}</span>
            " "
            <span class="hint">{v.target}</span>
            {v.here.into_iter().map(|h| view! { <strong class="map-here">{h}</strong> }).collect_any()}
            {v.missing.map(|m| view! { <span class="hint map-missing">{m}</span> }.into_any())}
        </li>
    }
}
