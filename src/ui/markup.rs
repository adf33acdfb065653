//! Screens drawn as markup: one escaped HTML string per screen part, with
//! its buttons wired by a single delegated click listener.
//!
//! Why: every element of a typed Leptos view compiles to its own build and
//! rebuild code, and every button to its own listener type; drawn as a
//! string, a card costs little more than its text. Parts that are rebuilt
//! whole when their data changes (Today's cards, History's rows) lose
//! nothing by it. A button names what it does in `data-act`; the handler
//! gets that name and the button's `data-id`.

use crate::engine::catalogue::find_exercise;
use crate::engine::decide::{Decision, DecisionKind};
use crate::engine::model::Side;
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// `html` in a wrapper that takes no room of its own (`display: contents`),
/// calling `act(name, id)` when an element inside with a `data-act` is
/// clicked (`id` is its `data-id`, or empty). The click's default action is
/// cancelled, so a link can run in-page code instead of navigating.
pub fn markup(html: String, act: impl Fn(&str, &str) + 'static) -> impl IntoView {
    view! {
        <div class="markup" inner_html=html on:click=move |ev| {
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("[data-act]").ok().flatten());
            if let Some(t) = target {
                ev.prevent_default();
                let attr = |name| t.get_attribute(name).unwrap_or_default();
                act(&attr("data-act"), &attr("data-id"));
            }
        }></div>
    }
}

/// A decision as an item of a `<ul class="decisions">`: the exercise, the
/// call (progress, hold or scale back) and the reason with its numbers.
pub fn decision(out: &mut String, d: &Decision) {
    let name = find_exercise(d.exercise).map_or(d.exercise, |(_, _, e)| e.name);
    let side = match d.side {
        Side::Both => String::new(),
        s => format!(", {} leg", s.label()),
    };
    let class = match d.kind {
        DecisionKind::Progress => "progress",
        DecisionKind::Hold => "hold",
        DecisionKind::ScaleBack => "scale-back",
    };
    let _ = write!(
        out,
        r#"<li class="decision {class}"><p class="decision-head"><strong>{}{}</strong><span class="badge">{}</span></p><p class="decision-reason">{}</p></li>"#,
        esc(name),
        esc(&side),
        esc(d.kind.label()),
        esc(&d.reason()),
    );
}

/// A list of decisions, or nothing when there are none.
pub fn decisions(out: &mut String, list: &[&Decision]) {
    out.push_str(r#"<ul class="decisions">"#);
    for d in list {
        decision(out, d);
    }
    out.push_str("</ul>");
}
