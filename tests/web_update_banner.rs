#![cfg(target_arch = "wasm32")]
//! Browser tests for the update prompt: hidden until a version waits, then a
//! message and a Reload button that hands control to the caller.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use hamstring_rehab::ui::UpdateBanner;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn appears_when_a_version_waits_and_reload_runs_the_handler() {
    let ready = RwSignal::new(false);
    let taps = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&taps);
    let on_reload = Callback::new(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
    });

    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <UpdateBanner ready on_reload /> },
    )
    .forget();
    leptos::task::tick().await;

    let status = root
        .query_selector("[role=status]")
        .unwrap()
        .expect("live region");
    assert_eq!(status.text_content().unwrap(), "", "nothing to say yet");
    assert!(root.query_selector("button").unwrap().is_none());

    ready.set(true);
    leptos::task::tick().await;
    assert!(status.text_content().unwrap().contains("New version ready"));
    let button: HtmlElement = status
        .query_selector("button")
        .unwrap()
        .expect("a Reload button inside the live region")
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Reload");
    assert_eq!(taps.load(Ordering::SeqCst), 0, "nothing reloads on its own");

    button.click();
    assert_eq!(taps.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
async fn not_now_hides_the_prompt_without_reloading() {
    let ready = RwSignal::new(true);
    let taps = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&taps);
    let on_reload = Callback::new(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
    });

    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <UpdateBanner ready on_reload /> },
    )
    .forget();
    leptos::task::tick().await;

    let buttons = root.query_selector_all("button").unwrap();
    let names: Vec<String> = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(names, ["Reload", "Not now"]);
    let not_now: HtmlElement = buttons.item(1).unwrap().unchecked_into();
    not_now.click();
    leptos::task::tick().await;

    assert_eq!(taps.load(Ordering::SeqCst), 0, "declining reloads nothing");
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(status.text_content().unwrap(), "", "the prompt is gone");
    assert!(
        root.query_selector("[role=status]").unwrap().is_some(),
        "the live region stays, ready for the next page's offer"
    );
}
