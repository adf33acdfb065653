#![cfg(target_arch = "wasm32")]
//! Browser tests for the physio note: it saves as it is typed and is there
//! again when the screen is next drawn (a reload, an accepted update).
use hamstring_rehab::ui::{NoteField, NOTE_KEY};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_note() -> HtmlElement {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), NoteField).forget();
    root
}

fn text_box(root: &HtmlElement) -> HtmlTextAreaElement {
    root.query_selector("textarea")
        .unwrap()
        .expect("a text box")
        .unchecked_into()
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn typing_saves_and_the_next_screen_shows_it_again() {
    storage().remove_item(NOTE_KEY).unwrap();
    let first = mount_note();
    leptos::task::tick().await;
    let typed = text_box(&first);
    assert_eq!(typed.value(), "");

    typed.set_value("Sitting for 40 minutes was fine today");
    typed
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(
        storage().get_item(NOTE_KEY).unwrap().as_deref(),
        Some("Sitting for 40 minutes was fine today")
    );

    let second = mount_note();
    leptos::task::tick().await;
    assert_eq!(
        text_box(&second).value(),
        "Sitting for 40 minutes was fine today"
    );
    assert!(second
        .text_content()
        .unwrap()
        .contains("Saved on this phone only"));
    storage().remove_item(NOTE_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn the_text_box_is_named_by_its_heading() {
    let root = mount_note();
    leptos::task::tick().await;
    let text_box = text_box(&root);
    let heading = document()
        .get_element_by_id(&text_box.get_attribute("aria-labelledby").unwrap())
        .expect("the labelling heading exists");
    assert_eq!(heading.text_content().unwrap(), "Notes for your physio");
}
