//! The clinician summary: a printable page and a share link that carries it
//! in the URL fragment, plus the read-only view such a link opens.

use super::state::{use_app, Screen, SHARED_PREFIX};
use super::widgets::show;
use crate::engine::share::{decode, encode, summary, Summary as Data};
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
    let copied = RwSignal::new(false);
    let make_link = move |_| {
        if let (Some(d), Some(w)) = (data(), web_sys::window()) {
            let loc = w.location();
            let base = format!(
                "{}{}",
                loc.origin().unwrap_or_default(),
                loc.pathname().unwrap_or_default()
            );
            link.set(Some(format!("{base}{SHARED_PREFIX}{}", encode(&d))));
            copied.set(false);
        }
    };
    let copy = move |_| {
        if let Some(text) = link.get_untracked() {
            copied.set(copy_text(&text));
        }
    };
    view! {
        <div class="summary-actions no-print">
            <button type="button" class="primary" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"Print or save as PDF"</button>
            <button type="button" on:click=make_link>"Make a share link"</button>
            <button type="button" class="link" on:click=move |_| app.go(Screen::History)>"Back to history"</button>
        </div>
        {move || link.get().map(|l| view! {
            <section class="card no-print" aria-labelledby="link-heading">
                <h2 id="link-heading">"Share link"</h2>
                <p class="hint">"The summary travels inside the link itself; it is not uploaded anywhere. Anyone with the link can read it."</p>
                <label for="share-link">"Link"</label>
                <input id="share-link" type="text" readonly prop:value=l.clone() />
                <p class="hint">{format!("{} characters", l.len())}</p>
                <button type="button" on:click=copy>"Copy link"</button>
                {show(move || copied.get(), ViewFn::from(|| view! { <p role="status">"Copied."</p> }))}
            </section>
        }.into_any())}
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
    let decoded = decode(&payload);
    let leave = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(Screen::Today.hash());
        }
    };
    view! {
        <section class="card shared-banner no-print" aria-labelledby="shared-heading">
            <h2 id="shared-heading">"A shared summary"</h2>
            <p>"Someone shared this rehab summary with you. It is read-only, and nothing on this phone was changed."</p>
            <button type="button" class="link" on:click=leave>"Close it"</button>
        </section>
        {match decoded {
            Ok(d) => view! { <SummaryView data=d shared=true /> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.message()}</p> }.into_any(),
        }}
    }
}

fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    // Clipboard access varies by browser; fall back to selecting the text.
    let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined());
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok());
    match (
        clipboard,
        write.and_then(|f| f.dyn_into::<js_sys::Function>().ok()),
    ) {
        (Some(c), Some(f)) => f.call1(&c, &text.into()).is_ok(),
        _ => false,
    }
}

use wasm_bindgen::JsCast;

/// The summary itself, drawn once from its data (see `markup`).
#[component]
fn SummaryView(data: Data, shared: bool) -> impl IntoView {
    view! {
        <article class="summary" aria-labelledby="summary-heading" inner_html=markup::summary_html(&data, shared)></article>
    }
}
