//! Getting the app onto the home screen, at the foot of Today: an Install
//! button where the browser offers one (`beforeinstallprompt`: Chrome and
//! Edge, Android and desktop), short "Add to Home Screen" steps on iPhone
//! and iPad Safari, which never offer it, and nothing once the app runs
//! installed or after the person put the card away.
//!
//! The browser's offer may come before this code has loaded, so the page
//! shell (`index.html`) catches it and keeps it as `window.installOffer`;
//! this module reads it from there.
use super::markup::markup;
use super::state::{AppState, Screen};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Where the shell keeps the browser's install offer (the event itself).
const OFFER: &str = "installOffer";
/// Set once the card was put away. Outside the log's `phtrehab:` keys, so
/// storage never reads it as log data and a backup does not carry it.
const PUT_AWAY: &str = "phtrehab_install_card";

/// The card, drawn only on Today while there is something to offer.
#[component]
pub fn InstallCard() -> impl IntoView {
    let app = use_context::<AppState>().expect("app state");
    let offered = RwSignal::new(offer().is_some());
    let put_away = RwSignal::new(installed() || remembered_put_away());
    // The app lives as long as the page, so the listeners are never removed.
    let _ = window_event_listener_untyped("beforeinstallprompt", move |_| offered.set(true));
    let _ = window_event_listener_untyped("appinstalled", move |_| put_away.set(true));
    let apple = ios_safari();
    move || {
        // Not during the first run: Today comes once there is a log.
        let on_today = app.screen.get() == Screen::Today && app.log.with(Option::is_some);
        let html = if put_away.get() || !on_today {
            ""
        } else if apple {
            IOS_STEPS
        } else if offered.get() {
            INSTALL
        } else {
            ""
        };
        markup(html.to_string(), move |act, _| match act {
            "install" => {
                prompt();
                offered.set(false);
            }
            _ => {
                remember_put_away();
                put_away.set(true);
            }
        })
    }
}

const INSTALL: &str = r#"<section aria-labelledby="install-heading" class="card install"><h2 id="install-heading">Keep it on your home screen</h2><p>Installed, it opens like any app and works with no signal, at the gym too.</p><button type="button" class="primary" data-act="install">Install</button><button type="button" class="link" data-act="put-away">No thanks</button></section>"#;

const IOS_STEPS: &str = r#"<section aria-labelledby="install-heading" class="card install"><h2 id="install-heading">Add it to your home screen</h2><p>Then it opens like any app and works with no signal. In Safari:</p><ol><li>Tap Share, the square with an arrow pointing up.</li><li>Scroll down and tap Add to Home Screen.</li><li>Tap Add.</li></ol><p class="hint">The home-screen app keeps its own log. To take this one along, export a backup in Settings and restore it there.</p><button type="button" class="link" data-act="put-away">Got it</button></section>"#;

/// The browser's kept offer, if it made one and it is still unused.
fn offer() -> Option<JsValue> {
    js_sys::Reflect::get(&window(), &OFFER.into())
        .ok()
        .filter(|o| o.is_object())
}

/// Opens the browser's own install dialog. An offer works once: whatever
/// the answer, it is dropped, and the browser makes a new one if it wants.
fn prompt() {
    let Some(offer) = offer() else {
        return;
    };
    let _ = js_sys::Reflect::delete_property(&window(), &OFFER.into());
    super::alert::call(&offer, "prompt", &[]);
}

/// Running from the home screen already: the standard display mode, or
/// Safari's own flag.
fn installed() -> bool {
    let standalone = window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    standalone
        || js_sys::Reflect::get(&window().navigator(), &"standalone".into())
            .is_ok_and(|s| s.is_truthy())
}

/// Safari on an iPhone or iPad (iPadOS calls itself a Mac, with touch),
/// where adding to the home screen is done by hand from the Share menu.
fn ios_safari() -> bool {
    let navigator = window().navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let apple_touch = agent.contains("iPhone")
        || agent.contains("iPad")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    // Other browsers on iOS name themselves (CriOS, FxiOS, EdgiOS, …).
    let other = ["CriOS", "FxiOS", "EdgiOS", "OPiOS"]
        .iter()
        .any(|name| agent.contains(name));
    apple_touch && agent.contains("Safari") && !other
}

fn remembered_put_away() -> bool {
    local().is_some_and(|s| s.get_item(PUT_AWAY).ok().flatten().is_some())
}

fn remember_put_away() {
    if let Some(s) = local() {
        // If storage is full or blocked, the card stays away for this page.
        let _ = s.set_item(PUT_AWAY, "1");
    }
}

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
