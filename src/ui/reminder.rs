//! The morning check-in reminder: a badge on the installed app's icon (where
//! the platform has the Badging API) and in the page title while it is due.
//! Never required; it only reflects what Today already shows.

use super::state::AppState;
use crate::ui::widgets::changed;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const TITLE: &str = "Hamstring rehab";

pub fn badge_when_due(app: AppState) {
    crate::ui::widgets::effect(move || {
        let due = app
            .plan
            .with(|p| p.as_ref().is_some_and(|p| p.check_in_due));
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&if due {
                format!("(1) {TITLE}")
            } else {
                TITLE.to_string()
            });
        }
        app_badge(due);
    });
}

/// `navigator.setAppBadge(1)` / `clearAppBadge()`, when the browser has them.
/// A rejected promise (no permission, not installed) changes nothing.
fn app_badge(on: bool) {
    let nav = window().navigator();
    if on {
        super::alert::call(&nav, "setAppBadge", &[&1.into()]);
    } else {
        super::alert::call(&nav, "clearAppBadge", &[]);
    }
}

/// Once a day, when the check-in falls due while the app is open but out
/// of sight (left open overnight, say), a notification, if the user opted
/// in and the browser allows. A closed app cannot be woken without a
/// server, so the badge above is the reminder that always works.
pub fn notify_when_due(app: AppState) {
    let shown_on = StoredValue::new(None::<chrono::NaiveDate>);
    crate::ui::widgets::effect(move || {
        let today = app.today.get();
        let due = app
            .plan
            .with(|p| p.as_ref().filter(|p| p.check_in_due).map(|p| p.test.name()));
        let wanted = app
            .log
            .with_untracked(|l| l.as_ref().is_some_and(|l| l.settings.morning_reminder));
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if let (Some(test), true, true) = (due, wanted, hidden) {
            if shown_on.get_value() != Some(today) && permission() == "granted" {
                shown_on.set_value(Some(today));
                show(&format!(
                    "Do one {test} and rate it. It takes half a minute."
                ));
            }
        }
    });
}

fn notification_class() -> Option<js_sys::Function> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &"Notification".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// "granted", "denied", "default", or "" where notifications do not exist.
pub fn permission() -> String {
    notification_class()
        .and_then(|n| js_sys::Reflect::get(&n, &"permission".into()).ok())
        .and_then(|p| p.as_string())
        .unwrap_or_default()
}

/// Ask for permission; `done` gets whether it was granted.
pub fn request_permission(done: impl FnOnce(bool) + 'static) {
    let Some(class) = notification_class() else {
        return done(false);
    };
    let Some(promise) = super::alert::call(&class, "requestPermission", &[]) else {
        return done(false);
    };
    let promise = js_sys::Promise::resolve(&promise);
    leptos::task::spawn_local(async move {
        let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(answer.ok().and_then(|a| a.as_string()).as_deref() == Some("granted"));
    });
}

/// Through the service worker where there is one (phones need that), else
/// directly.
fn show(body: &str) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"body".into(), &body.into());
    let _ = js_sys::Reflect::set(&options, &"tag".into(), &"morning-check-in".into());
    let title = wasm_bindgen::JsValue::from_str("Morning check-in");
    let sw = web_sys::window().map(|w| w.navigator().service_worker());
    let ready = sw
        .as_ref()
        .and_then(|c| c.controller())
        .and(sw.and_then(|c| c.ready().ok()));
    match ready {
        Some(ready) => leptos::task::spawn_local(async move {
            if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await {
                super::alert::call(&reg, "showNotification", &[&title, &options]);
            }
        }),
        None => {
            if let Some(class) = notification_class() {
                let args = js_sys::Array::of2(&title, &options);
                let _ = js_sys::Reflect::construct(&class, &args);
            }
        }
    }
}

/// The opt-in, for the settings screen.
#[component]
pub fn ReminderSetting() -> impl IntoView {
    let app = super::state::use_app();
    let on = crate::ui::widgets::memo(move || {
        app.log
            .with(|l| l.as_ref().is_some_and(|l| l.settings.morning_reminder))
    });
    let message = RwSignal::new(None::<&'static str>);
    let set = move |want: bool| {
        let save = move |value: bool| {
            if let Some(mut s) = app.log.get_untracked().map(|l| l.settings) {
                s.morning_reminder = value;
                app.send(crate::engine::edit::Edit::Settings(s));
            }
        };
        if !want {
            save(false);
            return;
        }
        request_permission(move |granted| {
            save(granted);
            message.set((!granted).then_some("This browser did not allow notifications. The badge on Today still shows when the check-in is due."));
        });
    };
    view! {
        <section class="card" aria-labelledby="reminder-heading">
            <h2 id="reminder-heading">"Morning reminder"</h2>
            <p class="hint">"Optional. Today, the tab and the app icon show a badge while the check-in is due. A notification can also come while the app is open in the background; a closed app cannot send one."</p>
            <label class="check">
                <input type="checkbox" prop:checked=move || on.get() on:change=changed(move |ev| set(event_target_checked(&ev))) />
                " Notify me when the morning check-in is due"
            </label>
            <p role="status">{move || message.get()}</p>
        </section>
    }
}
