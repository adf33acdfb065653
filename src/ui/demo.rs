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
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Something to draw once the file is there.
type Call = Box<dyn FnOnce(&str)>;

/// What waits for the file, then the file itself (empty if it failed).
enum File {
    Loading(Vec<Call>),
    Ready(Rc<str>),
}

thread_local! {
    static FILE: RefCell<Option<File>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
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

/// The text of the file the page's `<meta name="{meta}">` names (the
/// build fills it in), or `None` when it is not there.
pub async fn fetch_named(meta: &str) -> Option<String> {
    let name = document()
        .query_selector(&format!(r#"meta[name="{meta}"]"#))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|n| !n.is_empty())?;
    fetch_text(&name).await
}

async fn load() {
    let text = fetch_named("demos").await;
    let text: Rc<str> = Rc::from(text.unwrap_or_default());
    let waiting = FILE.with(|f| f.borrow_mut().replace(File::Ready(text.clone())));
    if let Some(File::Loading(calls)) = waiting {
        for call in calls {
            call(&text);
        }
    }
}

/// Runs `f` with the file's text, fetching it on first use; always later
/// than now, so markup drawn in the same turn is on the page by then.
fn when_loaded(f: Call) {
    let ready = FILE.with(|cell| {
        let mut file = cell.borrow_mut();
        match &mut *file {
            Some(File::Ready(text)) => Some((text.clone(), f)),
            Some(File::Loading(calls)) => {
                calls.push(f);
                None
            }
            None => {
                *file = Some(File::Loading(vec![f]));
                leptos::task::spawn_local(load());
                None
            }
        }
    });
    if let Some((text, f)) = ready {
        leptos::task::spawn_local(async move { f(&text) });
    }
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

/// A fresh element id for a figure.
fn next_id() -> String {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("demo-{}", n.get())
    })
}

/// Fills the element `id` with the demonstration `key` for the leg `side`
/// once the file is there (nothing if it has no such demonstration).
pub fn fill(id: String, key: String, side: Side) {
    let still = reduced_motion();
    when_loaded(Box::new(move |text| {
        if let Some(el) = document().get_element_by_id(&id) {
            let html = figure_html(text, &key, side, still).map(|(art, moves)| {
                if moves {
                    format!(
                        r#"<button type="button" class="link demo-pause" aria-pressed="false" data-act="demo-pause" data-id="{id}">Pause figure</button>{art}"#
                    )
                } else {
                    art
                }
            });
            el.set_inner_html(&html.unwrap_or_default());
            // Where the screen keeps the words apart (under its main
            // button), they move there and the figure keeps the drawing.
            let words = document().get_element_by_id(&format!("{id}-c"));
            if let (Some(words), Ok(Some(cap))) = (words, el.query_selector("figcaption")) {
                words.set_inner_html(&cap.inner_html());
                cap.remove();
            }
        }
    }));
}

/// Pauses or restarts the figure in the element `id`.
pub fn toggle(id: &str) {
    let Some(fig) = document().get_element_by_id(id) else {
        return;
    };
    let svg = fig
        .query_selector("svg")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::SvgsvgElement>().ok());
    let button = fig.query_selector(".demo-pause").ok().flatten();
    if let (Some(svg), Some(button)) = (svg, button) {
        let pause = !svg.animations_paused();
        if pause {
            svg.pause_animations();
        } else {
            svg.unpause_animations();
        }
        let _ = button.set_attribute("aria-pressed", if pause { "true" } else { "false" });
    }
}

/// A figure element for markup screens: `<figure id>` to [`fill`], its box
/// reserved at the figure's shape so nothing below moves when it arrives.
pub fn placeholder(id: &str) -> String {
    let class = if reduced_motion() {
        "demo-art still"
    } else {
        "demo-art"
    };
    format!(r#"<figure class="demo" id="{id}"><div class="{class}"></div></figure>"#)
}

/// Adds a figure of the demonstration `key` (left leg) at the end of `el`:
/// "Show how" in the plan map.
pub fn append_to(el: &web_sys::Element, key: String) {
    let id = next_id();
    let _ = el.insert_adjacent_html("beforeend", &placeholder(&id));
    fill(id, key, Side::Left);
}

/// The demonstration named `key` (`pose::sprite::exercise_key` or
/// `self_test_key`) for the leg `side`, with its pause button; and a
/// holder for its words ("Feel it", "Watch for") to place lower down the
/// screen, so a phone shows the drawing and the main button together.
pub fn split_figure(key: String, side: Side) -> (AnyView, String) {
    let id = next_id();
    let html = placeholder(&id);
    let words = format!(r#"<div class="demo-words" id="{id}-c"></div>"#);
    fill(id, key, side);
    let figure = crate::ui::markup::markup(html, |act, id| {
        if act == "demo-pause" {
            toggle(id);
        }
    });
    (figure, words)
}
