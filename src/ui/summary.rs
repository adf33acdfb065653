//! The clinician summary: a printable page and a share link that carries it
//! in the URL fragment, plus the read-only view such a link opens.

use super::markup::markup;
use super::state::{use_app, Screen, SHARED_PREFIX};
use crate::engine::share::{decode, encode, summary, Summary as Data};
use crate::ui::charts::esc;
use leptos::prelude::*;

mod markup;

#[component]
pub fn Summary() -> impl IntoView {
    let app = use_app();
    let data = move || {
        app.log
            .with(|l| l.as_ref().map(|l| summary(l, app.today.get())))
    };
    let link = RwSignal::new(None::<String>);
    let bar = r#"<div class="summary-actions no-print"><button type="button" class="primary" data-act="print">Print or save as PDF</button><button type="button" data-act="link">Make a share link</button><button type="button" class="link" data-act="back">Back to history</button></div>"#;
    let act = move |act: &str, _: &str| match act {
        "print" => {
            let _ = web_sys::window().map(|w| w.print());
        }
        "link" => {
            if let (Some(d), Some(w)) = (data(), web_sys::window()) {
                let loc = w.location();
                let base = format!(
                    "{}{}",
                    loc.origin().unwrap_or_default(),
                    loc.pathname().unwrap_or_default()
                );
                link.set(Some(format!("{base}{SHARED_PREFIX}{}", encode(&d))));
            }
        }
        "back" => app.go(Screen::History),
        _ => {}
    };
    // Drawn again only when a new link is made; "Copied." is written into
    // its status line directly, so the Copy button keeps focus.
    let share = move || {
        link.get().map(|l| {
            let html = format!(
                r#"<section class="card no-print" aria-labelledby="link-heading"><h2 id="link-heading">Share link</h2><p class="hint">The summary travels inside the link itself; it is not uploaded anywhere. Anyone with the link can read it.</p><label for="share-link">Link</label><input id="share-link" type="text" readonly value="{}"><p class="hint">{} characters</p><button type="button" data-act="copy">Copy link</button><p role="status" id="copy-status"></p></section>"#,
                esc(&l),
                l.len()
            );
            markup(html, move |_, _| {
                let said = if copy_text(&l) { "Copied." } else { "" };
                if let Some(status) = document().get_element_by_id("copy-status") {
                    status.set_text_content(Some(said));
                }
            })
        })
    };
    view! {
        {markup(bar.to_string(), act)}
        {share}
        {move || data().map(|d| view! { <SummaryView data=d shared=false /> }.into_any())}
    }
}

/// A summary opened from a link: read-only, and this phone's own log is
/// never read or written for it.
#[component]
pub fn SharedSummary() -> impl IntoView {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let payload = hash
        .strip_prefix(SHARED_PREFIX)
        .unwrap_or_default()
        .to_string();
    let mut html = String::from(
        r#"<section class="card shared-banner no-print" aria-labelledby="shared-heading"><h2 id="shared-heading">A shared summary</h2><p>Someone shared this rehab summary with you. It is read-only, and nothing on this phone was changed.</p><button type="button" class="link" data-act="close">Close it</button></section>"#,
    );
    let decoded = decode(&payload);
    if let Err(e) = &decoded {
        html.push_str(&format!(
            r#"<p class="error" role="alert">{}</p>"#,
            esc(e.message())
        ));
    }
    let leave = |_: &str, _: &str| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(Screen::Today.hash());
        }
    };
    view! {
        {markup(html, leave)}
        {decoded.ok().map(|d| view! { <SummaryView data=d shared=true /> })}
    }
}

fn copy_text(text: &str) -> bool {
    // Clipboard access varies by browser; fall back to selecting the text.
    js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .ok()
        .and_then(|c| super::alert::call(&c, "writeText", &[&text.into()]))
        .is_some()
}

/// The summary itself, drawn once from its data (see `markup`).
#[component]
fn SummaryView(data: Data, shared: bool) -> impl IntoView {
    view! {
        <article class="summary" aria-labelledby="summary-heading" inner_html=markup::summary_html(&data, shared)></article>
    }
}
