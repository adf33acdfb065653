//! The first run's steps: which there are, the section each is drawn in
//! with its count and Back and Next, moving between them, and the draft
//! that keeps a half-done first run over a reload.

use crate::ui::markup::say;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// The first run's steps, one topic each, in order: safety first, then
/// what shapes the plan, the self-test last so it is shown before it is
/// rated. Each step's one needed answer, if it has one, is named.
pub const STEPS: [Option<&str>; 9] = [
    None,
    None,
    Some("side"),
    Some("goal"),
    None,
    None,
    None,
    Some("self-test"),
    Some("baseline"),
];

/// Where a half-done first run is kept for this tab (sessionStorage), so a
/// reload or a phone discarding the tab loses nothing: the step, then the
/// ids of the ticked fields.
pub const DRAFT: &str = "rehab.onboarding";

/// The draft read back: the step shown and the ids ticked.
pub struct Draft {
    pub step: usize,
    ticked: Vec<String>,
}

impl Draft {
    pub fn load() -> Self {
        let text = crate::ui::session::recall(DRAFT).unwrap_or_default();
        let (step, ids) = text.split_once(';').unwrap_or(("0", ""));
        Draft {
            step: step.parse().unwrap_or(0).min(STEPS.len() - 1),
            ticked: ids
                .split(',')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.ticked.iter().any(|t| t == id)
    }

    /// The radio of group `name` ticked in the draft.
    pub fn choice(&self, name: &str, last: usize) -> Option<usize> {
        (0..=last).find(|i| self.has(&format!("{name}-{i}")))
    }
}

/// Keeps the step shown and every ticked field of the form.
pub fn save_draft(step: usize) {
    let mut text = format!("{step};");
    if let Ok(list) = document().query_selector_all(".onboarding input:checked") {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                text.push_str(&el.id());
                text.push(',');
            }
        }
    }
    crate::ui::session::remember(DRAFT, Some(text));
}

/// Opens step `i`'s section (and its count), closing the others.
pub fn open_step(html: &mut String, i: usize, shown: usize) {
    let hidden = if i == shown { "" } else { " hidden" };
    let _ = write!(
        html,
        r#"<section class="card step" data-step="{i}" tabindex="-1" aria-label="Step {} of {}"{hidden}><p class="step-count" aria-hidden="true">Step {} of {}<progress max="{}" value="{}"></progress></p>"#,
        i + 1,
        STEPS.len(),
        i + 1,
        STEPS.len(),
        STEPS.len(),
        i + 1,
    );
}

/// Closes step `i`'s section with its Back and Next (Start on the last).
pub fn close_step(html: &mut String, i: usize, ready: bool) {
    html.push_str(r#"<div class="step-nav">"#);
    if i > 0 {
        html.push_str(r#"<button type="button" data-act="back">Back</button>"#);
    }
    if i + 1 < STEPS.len() {
        html.push_str(r#"<button type="button" class="primary" data-act="next">Next</button>"#);
    } else {
        let off = if ready { "" } else { " disabled" };
        let _ = write!(
            html,
            r#"<button type="submit" class="primary" id="start" data-act="start"{off}>Start my plan</button>"#
        );
    }
    html.push_str("</div></section>");
}

/// The step shown now: the one section not hidden.
pub fn shown_step() -> usize {
    document()
        .query_selector(".onboarding [data-step]:not([hidden])")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("data-step")?.parse().ok())
        .unwrap_or(0)
}

/// Shows step `to` instead of `from`, moving focus to it so a screen
/// reader starts there and the page is at its top.
pub fn go(from: usize, to: usize) {
    for (i, hide) in [(from, true), (to, false)] {
        if let Ok(Some(el)) = document().query_selector(&format!(r#"[data-step="{i}"]"#)) {
            let _ = js_sys::Reflect::set(&el, &"hidden".into(), &hide.into());
            if !hide {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }
    say("step-need", "");
    save_draft(to);
}
