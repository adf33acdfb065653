#![cfg(target_arch = "wasm32")]
//! Browser tests of the UI wiring: state in, view out, edits saved.

use chrono::NaiveDate;
use hamstring_rehab::engine::edit::Edit;
use hamstring_rehab::engine::model::*;
use hamstring_rehab::engine::synthetic::settings;
use hamstring_rehab::storage::{MemoryStore, Repository};
use hamstring_rehab::ui::state::{AppState, Repo};
use hamstring_rehab::ui::widgets::scale;
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

fn new_log() -> Log {
    let today = hamstring_rehab::ui::state::local_date(js_sys::Date::now());
    let start = today.pred_opt().unwrap_or(NaiveDate::MIN);
    let baseline = Baseline {
        test: SelfTest::Bridge,
        two_legs: false,
        rating: 2,
        legs: None,
        extra: Extra::new(),
    };
    Log::new(settings(Goal::Running, start), baseline)
}

#[wasm_bindgen_test]
async fn the_scale_offers_zero_to_ten_and_marks_the_ceiling() {
    let value = RwSignal::new(None::<u8>);
    let root = mount(move || scale("Pain during", value, Some((3, "your ceiling")), ""));
    leptos::task::tick().await;
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 11);
    let marked = root
        .query_selector("input[aria-label='3, your ceiling']")
        .unwrap();
    assert!(marked.is_some(), "the ceiling is named for screen readers");
    let four: HtmlElement = root
        .query_selector("input[value='4']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    four.click();
    assert_eq!(value.get_untracked(), Some(4));
    // Cleared from the code (after a save), the page follows.
    value.set(None);
    leptos::task::tick().await;
    assert_eq!(root.query_selector("input:checked").unwrap(), None);
    value.set(Some(7));
    leptos::task::tick().await;
    let seven = root.query_selector("input:checked").unwrap().unwrap();
    assert_eq!(seven.get_attribute("value").as_deref(), Some("7"));
}

#[wasm_bindgen_test]
async fn a_check_in_is_saved_and_the_view_follows() {
    let store = MemoryStore::new();
    let repo: Repo = Repository::new(Box::new(store.clone()));
    let app = AppState::new(repo, Some(new_log()));
    provide_context(app);
    let root = mount(move || {
        provide_context(app);
        view! { <p id="due">{move || app.plan.get().map(|p| p.check_in_due.to_string())}</p> }
    });
    leptos::task::tick().await;
    let due = || {
        root.query_selector("#due")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(due(), "true");
    assert!(app.send(Edit::Morning { rating: 2 }));
    leptos::task::tick().await;
    assert_eq!(due(), "false");
    // Saving waits for the cross-tab write lock, granted a moment later.
    let saved = || {
        store
            .snapshot()
            .keys()
            .any(|k| k.starts_with("phtrehab:entries:"))
    };
    for _ in 0..100 {
        if saved() {
            break;
        }
        sleep(10).await;
    }
    let stored = store.snapshot();
    assert!(
        stored.keys().any(|k| k.starts_with("phtrehab:entries:")),
        "saved within a second: {:?}",
        stored.keys().collect::<Vec<_>>()
    );
    assert!(
        !app.send(Edit::Morning { rating: 12 }),
        "out of range is refused"
    );
    assert!(app
        .error
        .get_untracked()
        .unwrap()
        .contains("morning rating"));
}

#[wasm_bindgen_test]
async fn a_partial_log_reaches_the_plan() {
    use hamstring_rehab::storage::Notice;
    let repo: Repo = Repository::new(Box::new(MemoryStore::new()));
    let app = AppState::new(repo, Some(new_log()));
    assert_eq!(app.plan.get_untracked().map(|p| p.partial), Some(false));
    // What storage reports when one month's part does not read back.
    app.notices.set(vec![Notice::Unreadable {
        keys: vec!["phtrehab:entries:2026-11".into()],
        whole_log: false,
    }]);
    let p = app.plan.get_untracked().unwrap();
    assert!(p.partial);
    assert!(p.caution().unwrap().contains("may be wrong"));
}

/// Waits `ms` milliseconds on the browser's clock.
async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}
