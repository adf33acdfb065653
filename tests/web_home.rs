#![cfg(target_arch = "wasm32")]
//! Browser tests for the first screen and the app root: the date, the
//! disclaimer, the stages and the running build, as rendered by Leptos.
use hamstring_rehab::ui::{App, Home, STAGES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), view).forget();
    root
}

fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn shows_todays_date_from_the_phones_clock() {
    let root = mount(Home);
    leptos::task::tick().await;

    let now = js_sys::Date::new_0();
    let expected = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    let time = root
        .query_selector("h2 time")
        .unwrap()
        .expect("a <time> in the heading");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some(expected.as_str())
    );
    let words = time.text_content().unwrap();
    assert!(
        words.contains(&now.get_date().to_string()),
        "the date in words names the day of the month: {words}"
    );
}

#[wasm_bindgen_test]
async fn lists_the_programme_in_order_each_with_a_plain_line() {
    let root = mount(Home);
    leptos::task::tick().await;

    assert_eq!(
        texts(&root, "ol.stages h3"),
        [
            "Isometrics",
            "Heavy slow resistance",
            "Energy storage",
            "Return to running"
        ]
    );
    let lines = texts(&root, "ol.stages p");
    assert_eq!(lines.len(), STAGES.len());
    assert!(lines
        .iter()
        .all(|line| line.ends_with('.') && line.len() > 20));
}

#[wasm_bindgen_test]
async fn says_once_that_it_is_not_a_diagnosis() {
    let root = mount(Home);
    leptos::task::tick().await;

    let notices = texts(&root, ".notice");
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("not a diagnosis"));
    assert!(notices[0].contains("See a clinician"));
}

#[wasm_bindgen_test]
async fn app_shows_the_build_it_runs_and_no_prompt_without_an_update() {
    let root = mount(App);
    leptos::task::tick().await;

    // The test page has no build-id meta, as under `trunk serve`.
    assert_eq!(texts(&root, ".version"), ["Version dev"]);
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(
        status.get_attribute("aria-label").as_deref(),
        Some("App update")
    );
    assert!(root.query_selector("button").unwrap().is_none());
}
