//! An exercise's demonstration on screen, from the demonstrations file the
//! build drew (`pose::sprite`, named in the page's `<meta name="demos">`).
//!
//! The file is fetched once, after the first paint, and kept for the
//! session; the service worker precaches it, so it is there offline. Each
//! figure is inserted inline so the page's CSS colours it (dark mode, the
//! working leg's accent). It moves by itself at its tempo (SMIL in the
//! file) with a pause button, stands still for holds, and shows the start
//! and end poses side by side for people who ask for reduced motion.

use crate::engine::model::Side;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::sync::Arc;

/// The file's text once fetched: `None` while loading, empty if it failed.
type File = ArcRwSignal<Option<Arc<str>>>;

thread_local! {
    static FILE: std::cell::OnceCell<File> = const { std::cell::OnceCell::new() };
}

async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let resp = JsFuture::from(window().fetch_with_str(url)).await.ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    JsFuture::from(resp.text().ok()?).await.ok()?.as_string()
}

/// The file, fetched on first use by any figure.
fn file() -> File {
    FILE.with(|cell| {
        cell.get_or_init(|| {
            let file = File::new(None);
            let name = document()
                .query_selector(r#"meta[name="demos"]"#)
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .unwrap_or_default();
            let set = file.clone();
            leptos::task::spawn_local(async move {
                let text = if name.is_empty() {
                    None
                } else {
                    fetch_text(&name).await
                };
                set.set(Some(Arc::from(text.unwrap_or_default())));
            });
            file
        })
        .clone()
    })
}

fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The nested `<svg>` after `<!--name-->` in the file.
fn entry<'a>(file: &'a str, name: &str) -> Option<&'a str> {
    let mark = format!("<!--{name}-->");
    let start = file.find(&mark)? + mark.len();
    let len = file[start..].find("</svg>")? + "</svg>".len();
    Some(&file[start..start + len])
}

/// An attribute of the entry's opening tag, still escaped as in the file.
fn attr<'a>(svg: &'a str, name: &str) -> Option<&'a str> {
    let open = &svg[..svg.find('>')?];
    let key = format!(" {name}=\"");
    let start = open.find(&key)? + key.len();
    let len = open[start..].find('"')?;
    Some(&open[start..start + len])
}

/// The figure, its accessible name and its words, as markup; `None` when
/// the file has no such demonstration (or could not be fetched).
fn figure_html(file: &str, key: &str, side: Side, still: bool) -> Option<(String, bool)> {
    let moving = entry(file, key)?;
    let right = side == Side::Right && attr(moving, "data-r").is_some();
    let label = attr(moving, if right { "data-r" } else { "data-l" })?;
    let (art, class, label) = if still {
        let name = format!("{key}.still{}", if right { ".right" } else { "" });
        let art = entry(file, &name)?;
        (
            art,
            "demo-art still",
            format!("{label}. Start and end positions."),
        )
    } else {
        let class = if right { "demo-art mirror" } else { "demo-art" };
        (moving, class, label.to_string())
    };
    let html = format!(
        r#"<div class="{class}" role="img" aria-label="{label}">{art}</div><figcaption><p class="demo-feel"><strong>Feel it:</strong> {}</p><p class="demo-mistake"><strong>Watch for:</strong> {}</p></figcaption>"#,
        attr(moving, "data-feel").unwrap_or_default(),
        attr(moving, "data-mistake").unwrap_or_default(),
    );
    Some((html, !still && attr(moving, "data-m").is_some()))
}

/// The demonstration named `key` (`pose::sprite::exercise_key` or
/// `self_test_key`) for the leg `side`.
#[component]
pub fn DemoFigure(key: String, side: Side) -> impl IntoView {
    let file = file();
    let still = reduced_motion();
    let shown = Memo::new(move |_| {
        file.with(|f| match f {
            None => Some(None),
            Some(text) => figure_html(text, &key, side, still).map(Some),
        })
    });
    let playing = RwSignal::new(true);
    let art = NodeRef::<leptos::html::Figure>::new();
    let toggle = move || {
        let svg = art
            .get_untracked()
            .and_then(|f| f.query_selector("svg").ok().flatten())
            .and_then(|s| s.dyn_into::<web_sys::SvgsvgElement>().ok());
        if let Some(svg) = svg {
            if playing.get_untracked() {
                svg.pause_animations();
            } else {
                svg.unpause_animations();
            }
            playing.set(!playing.get_untracked());
        }
    };
    // While the file loads, an empty box of the figure's shape holds its
    // place, so nothing below it moves when it arrives.
    let placeholder = if still {
        r#"<div class="demo-art still"></div>"#
    } else {
        r#"<div class="demo-art"></div>"#
    };
    move || {
        match shown.get() {
        None => ().into_any(),
        Some(None) => view! { <figure class="demo" inner_html=placeholder></figure> }.into_any(),
        Some(Some((html, moves))) => view! {
            <div class="demo-wrap">
                <figure class="demo" node_ref=art inner_html=html></figure>
                {moves.then(|| view! {
                    <button type="button" class="link demo-pause" aria-pressed=move || (!playing.get()).to_string()
                        on:click=crate::ui::widgets::click(toggle)>
                        "Pause figure"
                    </button>
                })}
            </div>
        }
        .into_any(),
    }
    }
}

/// For screens drawn as markup (onboarding): keeps the element `id`
/// showing the demonstration `pick` names, or nothing.
pub fn show_in(id: &'static str, pick: impl Fn() -> Option<(String, Side)> + 'static) {
    let file = file();
    let still = reduced_motion();
    Effect::new(move |_| {
        let picked = pick();
        let html = file
            .with(|f| {
                let (key, side) = picked?;
                figure_html(f.as_deref()?, &key, side, still)
            })
            .map(|(h, _)| format!(r#"<figure class="demo">{h}</figure>"#))
            .unwrap_or_default();
        if let Some(el) = document().get_element_by_id(id) {
            el.set_inner_html(&html);
        }
    });
}

/// Appends the demonstration `key` (for the left leg) to `el`, once the
/// file is there: for "Show how" in markup screens (the plan map).
pub fn append_to(el: web_sys::Element, key: String) {
    let file = file();
    let still = reduced_motion();
    Effect::new(move |_| {
        if let Some(text) = file.get() {
            if let Some((h, _)) = figure_html(&text, &key, Side::Left, still) {
                let _ = el.insert_adjacent_html(
                    "beforeend",
                    &format!(r#"<figure class="demo">{h}</figure>"#),
                );
            }
        }
    });
}
