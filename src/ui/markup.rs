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
use crate::engine::stage::Check;
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// `html` in a wrapper that takes no room of its own (`display: contents`),
/// calling `act(name, id)` when an element inside with a `data-act` is
/// clicked (`id` is its `data-id`, or empty), and `act(name, value)` when a
/// field with a `data-change` changes. A click's default action is
/// cancelled, so a link can run in-page code instead of navigating.
pub fn markup(html: String, act: impl Fn(&str, &str) + 'static) -> AnyView {
    markup_with(html, Rc::new(act))
}

/// What a markup part does with an action's name and its id or value.
type Act = Rc<dyn Fn(&str, &str)>;

// Not generic, so the view and its listeners are compiled once for every
// screen that uses them.
fn markup_with(html: String, act: Act) -> AnyView {
    let on_change = act.clone();
    view! {
        <div class="markup" inner_html=html on:click=move |ev| {
            if let Some(t) = closest(ev.target(), "[data-act]") {
                ev.prevent_default();
                let attr = |name| t.get_attribute(name).unwrap_or_default();
                act(&attr("data-act"), &attr("data-id"));
            }
        } on:change=move |ev| {
            if let Some(t) = closest(ev.target(), "[data-change]") {
                on_change(&t.get_attribute("data-change").unwrap_or_default(), &value(&t));
            }
        }></div>
    }
    .into_any()
}

/// The value of the page's field `id` (a select's chosen value too), or
/// empty: forms drawn as markup are read back when they are saved.
pub fn text(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .map(|el| value(&el))
        .unwrap_or_default()
}

/// A field's `value` (empty for an element without one).
fn value(el: &web_sys::Element) -> String {
    js_sys::Reflect::get(el, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether the page's checkbox or radio `id` is ticked.
pub fn ticked(id: &str) -> bool {
    document()
        .get_element_by_id(id)
        .and_then(|el| js_sys::Reflect::get(&el, &"checked".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// A labelled text field holding `value`; `mode` is the phone keyboard
/// to offer ("numeric", "decimal").
pub fn input(out: &mut String, id: &str, label: &str, value: &str, mode: &str) {
    let _ = write!(
        out,
        r#"<label for="{id}">{label}</label><input id="{id}" type="text" inputmode="{mode}" autocomplete="off" value="{}">"#,
        esc(value)
    );
}

/// A checkbox with its label.
pub fn tick(out: &mut String, id: &str, label: &str, on: bool) {
    let checked = if on { " checked" } else { "" };
    let _ = write!(
        out,
        r#"<label class="check"><input id="{id}" type="checkbox"{checked}> {label}</label>"#
    );
}

/// Radios `{name}-0`, `{name}-1`, … under `legend`, one per label, with
/// the `chosen` one ticked; [`chosen`] reads the answer back.
pub fn radios(out: &mut String, legend: &str, name: &str, labels: &[&str], chosen: Option<usize>) {
    let _ = write!(out, "<fieldset><legend>{legend}</legend>");
    for (i, label) in labels.iter().enumerate() {
        let checked = if chosen == Some(i) { " checked" } else { "" };
        let _ = write!(
            out,
            r#"<label class="choice"><input type="radio" name="{name}" id="{name}-{i}"{checked}> {label}</label>"#
        );
    }
    out.push_str("</fieldset>");
}

/// Which of radios `{name}-0` to `{name}-{last}` is ticked.
pub fn chosen(name: &str, last: usize) -> Option<usize> {
    (0..=last).find(|i| ticked(&format!("{name}-{i}")))
}

/// A 0-to-`max` scale as `ui::widgets::scale` draws it, with radios
/// `{name}-0` to `{name}-{max}` ([`chosen`] reads it), `value` ticked,
/// an optional hint and an optional value marked with a word for it.
pub struct Scale<'a> {
    pub name: &'a str,
    pub legend: &'a str,
    pub max: u8,
    pub value: Option<u8>,
    pub hint: &'a str,
    pub mark: Option<(u8, &'a str)>,
}

impl Scale<'_> {
    pub fn draw(&self, out: &mut String) {
        let name = self.name;
        out.push_str(r#"<fieldset class="scale""#);
        if !self.hint.is_empty() {
            let _ = write!(out, r#" aria-describedby="{name}-hint""#);
        }
        let _ = write!(out, "><legend>{}</legend>", esc(self.legend));
        if !self.hint.is_empty() {
            let _ = write!(
                out,
                r#"<p class="hint" id="{name}-hint">{}</p>"#,
                esc(self.hint)
            );
        }
        out.push_str(r#"<div class="scale-row">"#);
        for n in 0..=self.max {
            let word = self.mark.filter(|(m, _)| *m == n).map(|(_, w)| w);
            let _ = write!(
                out,
                r#"<label class="scale-option{}"><input type="radio" name="{name}" id="{name}-{n}" value="{n}" aria-label="{n}{}{}"{}><span aria-hidden="true">{n}</span></label>"#,
                if word.is_some() { " marked" } else { "" },
                if word.is_some() { ", " } else { "" },
                word.unwrap_or_default(),
                if self.value == Some(n) {
                    " checked"
                } else {
                    ""
                },
            );
        }
        out.push_str("</div>");
        if let Some((m, word)) = self.mark {
            let _ = write!(
                out,
                r#"<p class="scale-mark" aria-hidden="true">▲ {m} is {word}</p>"#
            );
        }
        out.push_str("</fieldset>");
    }
}

/// Puts `message` in the page's element `id` (a status or alert line), or
/// empties it.
pub fn say(id: &str, message: &str) {
    if let Some(p) = document().get_element_by_id(id) {
        p.set_text_content(Some(message));
    }
}

fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
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
        r#"<li class="decision {class}"><p class="decision-head"><strong>{}{}</strong><span class="badge">{}</span></p>"#,
        esc(name),
        esc(&side),
        esc(d.kind.label()),
    );
    // The new dose in numbers, first: what the user will do next time.
    if let Some(dose) = d.new_dose() {
        let _ = write!(out, r#"<p class="decision-dose">{}</p>"#, esc(&dose));
    }
    let _ = write!(
        out,
        r#"<p class="decision-reason">{}</p></li>"#,
        esc(&d.reason())
    );
}

/// A stage gate's checks as a `<ul class="checks">`, each said done or not
/// yet in words as well as by its class.
pub fn checks(out: &mut String, checks: &[Check]) {
    out.push_str(r#"<ul class="checks">"#);
    for c in checks {
        let (class, mark) = if c.met {
            (r#" class="met""#, "Done: ")
        } else {
            ("", "Not yet: ")
        };
        let _ = write!(out, "<li{class}>{mark}{}</li>", esc(&c.label()));
    }
    out.push_str("</ul>");
}

/// A list of decisions, or nothing when there are none.
pub fn decisions(out: &mut String, list: &[&Decision]) {
    out.push_str(r#"<ul class="decisions">"#);
    for d in list {
        decision(out, d);
    }
    out.push_str("</ul>");
}
