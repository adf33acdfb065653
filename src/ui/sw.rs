//! Service worker glue: registers `sw.js` in release builds, notices when a new
//! version is installed and waiting, and hands over to it only when asked.
//!
//! The worker itself (`public/sw.js`) never activates on its own while the app
//! is open, so the code under an open session never changes; this module turns
//! the waiting worker into the "New version ready" prompt. Once a new version
//! does take over (Reload tapped here or in another tab), every open page
//! reloads into it: a page is only ever run by the worker that served it.
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an app left open asks the host whether a new version is out, on
/// top of asking whenever it comes back to the screen or back online.
const UPDATE_CHECK_INTERVAL_MS: i32 = 30 * 60 * 1000;

/// The message `public/sw.js` answers with `skipWaiting()`.
const SKIP_WAITING: &str = "skip-waiting";

/// Registers the service worker and sets `update_ready` once a newer version
/// is installed and waiting behind the one that runs this page.
///
/// Debug builds (`trunk serve`) remove any worker instead: a developer must
/// always see the build they just made, never a cached one.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(container) = container() else {
        return;
    };
    if cfg!(debug_assertions) {
        unregister_all(&container);
        return;
    }
    follow_takeover(&container);
    when_resolved(&container.register("./sw.js"), move |registration| {
        watch(registration.unchecked_into(), update_ready);
    });
}

/// Reloads the page when a new version takes over from the one that served
/// it, here or from another tab: the old page's files are gone with the old
/// cache, and everything typed is already saved. The first install taking
/// control of an uncontrolled page is not a change of version.
fn follow_takeover(container: &ServiceWorkerContainer) {
    let mut served_by_a_worker = has_controller();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if served_by_a_worker {
            reload();
        }
        served_by_a_worker = true;
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // For the page's lifetime.
    on_change.forget();
}

/// Moves the page to the waiting version: the worker takes over, then the page
/// reloads into it ([`follow_takeover`]). Anything typed is already saved, so
/// nothing is lost.
pub fn reload_into_update() {
    let Some(container) = container() else {
        reload();
        return;
    };
    let registration = container.get_registration();
    when_resolved(&registration, move |registration| {
        let waiting = registration
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|registration| registration.waiting());
        let Some(waiting) = waiting else {
            // Another tab already switched versions; a reload picks it up.
            reload();
            return;
        };
        if waiting
            .post_message(&JsValue::from_str(SKIP_WAITING))
            .is_err()
        {
            reload();
        }
    });
}

fn watch(registration: ServiceWorkerRegistration, update_ready: RwSignal<bool>) {
    // Opened while a new version was already waiting (say, installed by
    // another tab): offer it straight away.
    if registration.waiting().is_some() && has_controller() {
        update_ready.set(true);
    }

    let found = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(worker) = found.installing() else {
            return;
        };
        let installed = worker.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            // Without a controller this is the first install, not an update.
            if installed.state() == ServiceWorkerState::Installed && has_controller() {
                update_ready.set(true);
            }
        });
        worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();

    // A phone app stays open for days: ask again when it is looked at or the
    // gym's signal comes back, and now and then. Offline, the check just fails.
    let ignore_failure = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    let check = Closure::<dyn FnMut()>::new(move || {
        if document().hidden() {
            return;
        }
        if let Ok(checking) = registration.update() {
            let _ = checking.catch(&ignore_failure);
        }
    });
    let callback: &js_sys::Function = check.as_ref().unchecked_ref();
    let window = window();
    let _ = document().add_event_listener_with_callback("visibilitychange", callback);
    let _ = window.add_event_listener_with_callback("online", callback);
    let _ = window
        .set_interval_with_callback_and_timeout_and_arguments_0(callback, UPDATE_CHECK_INTERVAL_MS);
    check.forget();
}

fn unregister_all(container: &ServiceWorkerContainer) {
    when_resolved(&container.get_registrations(), |registrations| {
        for registration in js_sys::Array::from(&registrations).iter() {
            if let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() {
                let _ = registration.unregister();
            }
        }
    });
}

/// `navigator.serviceWorker`, absent on plain http and in some private modes.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn reload() {
    let _ = window().location().reload();
}

/// Runs `then` with the promise's value. A rejection (no network, worker
/// script missing) leaves things as they are: the app works without a worker.
fn when_resolved(promise: &js_sys::Promise, then: impl FnOnce(JsValue) + 'static) {
    let on_value = Closure::once(then);
    let on_error = Closure::once(|_: JsValue| {});
    let _ = promise.then2(&on_value, &on_error);
    // Each runs at most once; these calls happen a handful of times a session.
    on_value.forget();
    on_error.forget();
}
