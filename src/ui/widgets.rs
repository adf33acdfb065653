//! Small shared controls: the 0-10 scale, the stepper, radio groups and
//! checkboxes, and showing a part on a condition; and the effect, memo and
//! click helpers that let every use share one compiled copy.
//!
//! Every control is a native form element with a visible label, so screen
//! readers and the end-to-end tests find it by role and name.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A number as people type it: digits with an optional decimal point or
/// comma ("12.5", "12,5", " 40 "); no sign, no exponent. Read by hand
/// because the standard float parser brings about 14 KB of tables into the
/// wasm for inputs this simple.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim();
    let (whole, frac) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let digits = whole.len() + frac.len();
    let all_digits = whole
        .chars()
        .chain(frac.chars())
        .all(|c| c.is_ascii_digit());
    // At most 18 digits, so the mantissa fits a u64 exactly.
    if digits == 0 || digits > 18 || !all_digits {
        return None;
    }
    let mantissa = whole
        .bytes()
        .chain(frac.bytes())
        .fold(0u64, |m, c| m * 10 + u64::from(c - b'0'));
    Some(mantissa as f64 / 10f64.powi(frac.len() as i32))
}

static NEXT_SCALE: AtomicUsize = AtomicUsize::new(0);

/// A 0-10 rating bound to `value`: drawn as markup (`markup::Scale`, the
/// one scale control), with one value marked (the pain ceiling, or the
/// baseline) so the user sees where the line is. A tap sets `value`;
/// setting `value` (cleared after a save, "same as last set") ticks the
/// matching radio.
pub fn scale(
    legend: &str,
    value: RwSignal<Option<u8>>,
    mark: Option<(u8, &str)>,
    hint: &str,
) -> AnyView {
    // Unique per scale on the page: two groups sharing a name would uncheck
    // each other, and a shared hint id would describe the wrong group.
    let name = format!("scale-{}", NEXT_SCALE.fetch_add(1, Ordering::Relaxed));
    let mut html = String::from(r#"<div data-change="scale">"#);
    super::markup::Scale {
        name: &name,
        legend,
        max: 10,
        value: value.get_untracked(),
        hint,
        mark,
    }
    .draw(&mut html);
    html.push_str("</div>");
    let read = name.clone();
    effect(move || {
        let v = value.get();
        for n in 0..=10u8 {
            if let Some(el) = document().get_element_by_id(&format!("{name}-{n}")) {
                let _ = js_sys::Reflect::set(&el, &"checked".into(), &(v == Some(n)).into());
            }
        }
    });
    super::markup::markup(html, move |_, _| {
        value.set(super::markup::chosen(&read, 10).map(|n| n as u8))
    })
}

/// A number with big minus and plus buttons.
#[component]
pub fn Stepper(
    label: String,
    value: RwSignal<f32>,
    step: f32,
    #[prop(default = 0.0)] min: f32,
    #[prop(default = 600.0)] max: f32,
    /// The unit after the number ("reps", "kg").
    unit: &'static str,
) -> impl IntoView {
    let group = label.clone();
    let less = format!("Less: {label}");
    let more = format!("More: {label}");
    let show = move || crate::num::short(value.get());
    view! {
        <div class="stepper" role="group" aria-label=group>
            <button type="button" aria-label=less on:click=click(move || value.set((value.get_untracked() - step).max(min)))>
                "−"
            </button>
            <output aria-live="polite" aria-label=label>
                <span class="stepper-value">{show}</span>
                " "
                {unit}
            </output>
            <button type="button" aria-label=more on:click=click(move || value.set((value.get_untracked() + step).min(max)))>
                "+"
            </button>
        </div>
    }
}

/// A checkbox with its label.
pub fn tick(label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || value.get() on:change=changed(move |ev| value.set(event_target_checked(&ev))) />
            " " {label}
        </label>
    }
}

/// `<Show>` without its per-use copy of the component: `when` is memoised
/// the same way, so the view is built again only when the answer changes,
/// and every use shares one view type (a `<Show>` is a new type each time).
pub fn show(when: impl Fn() -> bool + Send + Sync + 'static, view: ViewFn) -> AnyView {
    show_or(when, view, ViewFn::default())
}

/// [`show`] with a `fallback` while `when` is false.
pub fn show_or(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: ViewFn,
    fallback: ViewFn,
) -> AnyView {
    switch(Box::new(when), view, fallback)
}

// Not generic: the memo and the view are compiled once for every use.
fn switch(when: Box<dyn Fn() -> bool + Send + Sync>, view: ViewFn, fallback: ViewFn) -> AnyView {
    let when = memo_with(when);
    (move || {
        if when.get() {
            view.run()
        } else {
            fallback.run()
        }
    })
    .into_any()
}

/// `Effect::new` through one compiled copy of the effect: each direct use
/// compiles its own around its closure.
pub fn effect(f: impl Fn() + 'static) {
    run_effect(Box::new(f));
}

fn run_effect(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// `Memo::new` through one compiled copy per value type rather than one
/// per use, as [`effect`] does for effects.
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    memo_with(Box::new(f))
}

fn memo_with<T: PartialEq + Send + Sync + 'static>(f: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T> {
    Memo::new(move |_| f())
}

/// A click handler: every button given one shares a single compiled
/// listener type, where each closure of its own compiled its own.
pub fn click(f: impl Fn() + 'static) -> Box<dyn FnMut(leptos::ev::MouseEvent)> {
    Box::new(move |_| f())
}

/// A change handler, sharing one compiled listener type as [`click`] does.
pub fn changed(f: impl Fn(leptos::ev::Event) + 'static) -> Box<dyn FnMut(leptos::ev::Event)> {
    Box::new(f)
}

/// `collect_view` with every item erased: each `collect_view` over a new
/// item type compiles its own list code (build, rebuild, mount), while
/// lists of `AnyView` share one.
pub trait CollectAny {
    fn collect_any(self) -> Vec<AnyView>;
}

impl<I> CollectAny for I
where
    I: Iterator,
    I::Item: IntoAny,
{
    fn collect_any(self) -> Vec<AnyView> {
        self.map(IntoAny::into_any).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn decimals_read_as_typed() {
        assert_eq!(parse_decimal("12.5"), Some(12.5));
        assert_eq!(parse_decimal(" 12,5 "), Some(12.5));
        assert_eq!(parse_decimal("40"), Some(40.0));
        assert_eq!(parse_decimal(".5"), Some(0.5));
        assert_eq!(parse_decimal("7."), Some(7.0));
        assert_eq!(parse_decimal("1767600030000"), Some(1_767_600_030_000.0));
        assert_eq!(parse_decimal("2.25").map(|v| v as f32), Some(2.25f32));
        assert_eq!(parse_decimal("0.1").map(|v| v as f32), Some(0.1f32));
        for bad in [
            "",
            ".",
            "-1",
            "+1",
            "1e3",
            "NaN",
            "inf",
            "1.2.3",
            "1,2.3",
            "12 5",
            "1234567890123456789",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}
