//! An exercise's demonstration on screen: the figure from `pose`, moving at
//! the exercise's own tempo (heavy slow reps about 3 s up and 3 s down,
//! holds still), with a pause button, and the start and end poses side by
//! side, still, for people who ask their phone for reduced motion.

use crate::engine::model::Side;
use crate::pose::{svg, Demo, Tempo};
use leptos::prelude::*;
use std::time::Duration;

/// Frames a second while a rep moves: smooth enough for a slow movement,
/// cheap enough for a phone at the gym.
const FRAME_MS: u64 = 100;

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The demonstration of `demo` for `side`, with its two lines of words.
#[component]
pub fn DemoFigure(demo: &'static Demo, side: Side) -> impl IntoView {
    let still = reduced_motion() || demo.tempo == Tempo::Hold;
    let words = format!(
        r#"<p class="demo-feel"><strong>Feel it:</strong> {}</p><p class="demo-mistake"><strong>Watch for:</strong> {}</p>"#,
        crate::ui::charts::esc(demo.feel),
        crate::ui::charts::esc(demo.mistake)
    );
    if still {
        let art = if reduced_motion() {
            svg::svg_still(demo, side)
        } else {
            svg::svg(demo, side, demo.t_at(0))
        };
        return view! {
            <figure class="demo">
                <div class="demo-art" inner_html=art></div>
                <figcaption inner_html=words></figcaption>
            </figure>
        }
        .into_any();
    }
    // Time runs only while playing: a pause freezes the pose where it is.
    let shown_ms = RwSignal::new(0u32);
    let playing = RwSignal::new(true);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if playing.get_untracked() {
                shown_ms.set(shown_ms.get_untracked().wrapping_add(FRAME_MS as u32));
            }
        },
        Duration::from_millis(FRAME_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <figure class="demo">
            <div class="demo-art" inner_html=move || svg::svg(demo, side, demo.t_at(shown_ms.get()))></div>
            <button type="button" class="link demo-pause"
                on:click=crate::ui::widgets::click(move || playing.set(!playing.get_untracked()))>
                {move || if playing.get() { "Pause" } else { "Play" }}
            </button>
            <figcaption inner_html=words></figcaption>
        </figure>
    }
    .into_any()
}
