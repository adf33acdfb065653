//! The root component: opens storage, starts the clock, and shows the screen
//! the state asks for, with the update prompt and storage notices above it.
//! It also keeps the data alive: other tabs' changes merged in, persistent
//! storage asked for once there is data worth keeping.

use super::markup::markup;
use super::state::{now, AppState, Repo, Screen};
use super::widgets::show;
use super::{
    checkin, data, history, learn, onboarding, opening, planmap, recovery, session, settings,
    summary, sw, today, update_banner,
};
use crate::storage::durability;
use crate::storage::Begun;
use crate::storage::{Level, Notice};
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn open_repo() -> (Repo, Begun) {
    #[cfg(target_arch = "wasm32")]
    {
        crate::storage::browser::open()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let repo: Repo =
            crate::storage::Repository::new(Box::new(crate::storage::MemoryStore::new()));
        (repo, Begun::Done(None))
    }
}

#[component]
pub fn App() -> impl IntoView {
    let update_ready = RwSignal::new(false);
    sw::register(update_ready);
    let (repo, begun) = open_repo();
    let app = match begun {
        Begun::Done(log) => AppState::new(repo, log),
        Begun::Reading(loading) => {
            let app = AppState::new(repo, None);
            opening::read_rest(app, loading);
            app
        }
    };
    provide_context(app);
    start_clock(app);
    follow_hash(app);
    listen_for_other_tabs(app);
    super::reminder::badge_when_due(app);
    super::reminder::notify_when_due(app);
    ask_for_persistence(app);
    // Memos, so saving a set (which changes the log) does not rebuild the
    // screen and lose what is on it; only these answers switch screens.
    let blocked = crate::ui::widgets::memo(move || {
        app.notices
            .with(|n| n.iter().any(|n| n.level() == Level::Blocking))
    });
    let has_log = crate::ui::widgets::memo(move || app.log.with(|l| l.is_some()));
    // After data vanished, restoring a backup comes before starting afresh.
    let vanished = crate::ui::widgets::memo(move || {
        app.notices
            .with(|n| n.iter().any(|n| matches!(n, Notice::DataVanished { .. })))
    });
    view! {
        <update_banner::UpdateBanner ready=update_ready on_reload=Callback::new(|_| sw::reload_into_update()) />
        <Notices />
        <p class="error" role="alert">{move || app.error.get()}</p>
        <p class="status" role="status">{move || app.status.get()}</p>
        {move || {
            if app.screen.get() == Screen::Shared {
                view! { <summary::SharedSummary /> }.into_any()
            } else if blocked.get() {
                view! { <recovery::Recovery /> }.into_any()
            } else if !has_log.get() {
                if app.opening.get() {
                    view! { <p class="status" role="status">"Opening your log\u{2026}"</p> }.into_any()
                } else if vanished.get() {
                    view! { <data::RestoreCard /> {onboarding::onboarding()} }.into_any()
                } else {
                    view! { {onboarding::onboarding()} <data::RestoreCard /> }.into_any()
                }
            } else {
                match app.screen.get() {
                    Screen::Today => view! { <today::Today /> }.into_any(),
                    Screen::CheckIn => view! { <checkin::CheckIn /> }.into_any(),
                    Screen::Session => view! { <session::SessionLogger /> }.into_any(),
                    Screen::History => view! { <history::History /> }.into_any(),
                    Screen::PlanMap => view! { <planmap::PlanMap /> }.into_any(),
                    Screen::Learn => view! { <learn::Learn /> }.into_any(),
                    Screen::Summary => view! { <summary::Summary /> }.into_any(),
                    Screen::Settings => view! { <settings::SettingsScreen /> }.into_any(),
                    Screen::Shared => ().into_any(),
                }
            }
        }}
        {show(move || has_log.get() && !blocked.get() && app.screen.get() != Screen::Shared, ViewFn::from(|| view! { <Tabs /> }))}
        <super::install::InstallCard />
        <p class="version">"Version " {super::build_id()}</p>
    }
}

/// The main tabs; Today carries a badge while the morning check-in is due.
/// Plain links, redrawn whole when the screen or the badge changes: the
/// new screen's heading takes focus then anyway.
#[component]
fn Tabs() -> impl IntoView {
    let app = use_context::<AppState>().expect("app state");
    let due = crate::ui::widgets::memo(move || {
        app.plan
            .with(|p| p.as_ref().is_some_and(|p| p.check_in_due))
    });
    move || {
        let (current, due) = (app.screen.get(), due.get());
        let mut out = String::from(r#"<nav class="tabs" aria-label="Main">"#);
        for (screen, label) in [
            (Screen::Today, "Today"),
            (Screen::History, "History"),
            (Screen::PlanMap, "Plan"),
            (Screen::Learn, "Learn"),
            (Screen::Settings, "Settings"),
        ] {
            let here = if screen == current {
                r#" aria-current="page""#
            } else {
                ""
            };
            let badge = if screen == Screen::Today && due {
                r#"<span class="due-badge"> <span class="dot" aria-hidden="true">●</span><span class="visually-hidden">(check-in due)</span></span>"#
            } else {
                ""
            };
            let _ = write!(
                out,
                r#"<a href="{}"{here}>{label}{badge}</a>"#,
                screen.hash()
            );
        }
        out.push_str("</nav>");
        super::markup::markup(out, |_, _| {})
    }
}

/// Storage notices that are not blocking, each with its message and what
/// the user can do about it there and then, and the backup reminder when
/// one is due. Drawn as markup, again whenever the list changes.
#[component]
fn Notices() -> impl IntoView {
    let app = use_context::<AppState>().expect("app state");
    // Removing unreadable data is offered only once it has been downloaded;
    // read untracked, as the download shows the button directly.
    let rescued = RwSignal::new(false);
    // The backup reminder put off until this day ("Remind me in a week").
    let later = RwSignal::new(data::backup_put_off());
    // A memo, so saving a set re-renders (and a screen reader re-reads)
    // the notices only when they change. With them: whether there is a
    // log to export.
    let shown = crate::ui::widgets::memo(move || {
        let mut list: Vec<_> = app
            .notices
            .get()
            .into_iter()
            .filter(|n| n.level() != Level::Blocking)
            .collect();
        // Never in the middle of a session, nor while put off.
        let today = app.today.get();
        let quiet = app.screen.get() == Screen::Session || later.get().is_some_and(|d| today < d);
        let due = app.log.with(|l| {
            let last = app.with_repo_untracked(|r| r.last_backup()).flatten();
            l.as_ref()
                .and_then(|l| durability::backup_due(l, last, today))
                .filter(|_| !quiet)
        });
        list.extend(due);
        (list, app.log.with(Option::is_some))
    });
    let unsaved = move || {
        let months: Vec<String> = app.unsaved.with(|keys| {
            keys.iter()
                .map(|k| k.rsplit(':').next().unwrap_or(k).to_string())
                .collect()
        });
        (!months.is_empty()).then(|| {
            let html = format!(
                r#"<div class="notice warning"><p>Your latest entries for {} are kept only while this page stays open: that part of your saved log couldn't be read, and the app won't write over it. Download it and remove it to save again, or export a backup.</p>{EXPORT}</div>"#,
                esc(&months.join(", "))
            );
            markup(html, move |_, _| settings::export_backup(app))
        })
    };
    let list = move || {
        let (list, has_log) = shown.get();
        let mut out = String::new();
        for n in &list {
            notice_html(&mut out, n, has_log, rescued.get_untracked());
        }
        markup(out, move |act, _| match act {
            "export" => settings::export_backup(app),
            "rescue" if data::download_rescue(app) => {
                rescued.set(true);
                if let Ok(Some(b)) = document().query_selector(".notices [data-act=discard]") {
                    let _ = b.remove_attribute("hidden");
                }
            }
            "discard" => data::discard_unreadable(app),
            "later" => later.set(data::put_off_backup(app.today.get_untracked())),
            "dismiss" => {
                app.with_repo(|r| r.dismiss_vanished());
                // The index stops listing the lost months.
                app.save();
            }
            _ => {}
        })
    };
    view! {
        <div class="notices" aria-live="polite">
            {list}
            {unsaved}
        </div>
    }
}

const EXPORT: &str = r#"<button type="button" data-act="export">Export a backup</button>"#;

fn notice_html(out: &mut String, n: &Notice, has_log: bool, rescued: bool) {
    let class = if n.level() == Level::Warning {
        "warning"
    } else {
        "info"
    };
    let _ = write!(
        out,
        r#"<div class="notice {class}"><p>{}</p>"#,
        esc(&n.message())
    );
    // Nothing to export before onboarding or a restore.
    if n.offers_export() && has_log {
        out.push_str(EXPORT);
    }
    match n {
        Notice::Unreadable { .. } => {
            let hidden = if rescued { "" } else { " hidden" };
            let _ = write!(
                out,
                r#"<button type="button" data-act="rescue">Download the saved data</button><button type="button" class="danger" data-act="discard"{hidden}>Remove the unreadable part</button>"#
            );
        }
        Notice::DataVanished { .. } => {
            out.push_str(r#"<button type="button" data-act="dismiss">Dismiss</button>"#)
        }
        Notice::BackupDue { .. } => out.push_str(
            r#"<button type="button" class="link" data-act="later">Remind me in a week</button>"#,
        ),
        _ => {}
    }
    out.push_str("</div>");
}

/// Tick once a second; also on waking, so timers and the date catch up at
/// once after the phone was locked or the app was in the background.
fn start_clock(app: AppState) {
    let tick = move || app.now_ms.set(now());
    let _ = set_interval_with_handle(tick, Duration::from_millis(1000));
    // Back in front, a session's screen wake lock (dropped by the browser
    // while hidden) is asked for again.
    let on_wake = Closure::<dyn Fn()>::new(move || {
        tick();
        super::alert::renew();
    });
    if let Some(w) = web_sys::window() {
        for (target, event) in [
            (w.clone().unchecked_into::<web_sys::EventTarget>(), "focus"),
            (w.clone().into(), "pageshow"),
        ] {
            let _ =
                target.add_event_listener_with_callback(event, on_wake.as_ref().unchecked_ref());
        }
        if let Some(doc) = w.document() {
            let _ = doc.add_event_listener_with_callback(
                "visibilitychange",
                on_wake.as_ref().unchecked_ref(),
            );
        }
    }
    // The app lives as long as the page, and so does the listener.
    on_wake.forget();
}

/// Keep the screen and the address in step, so the phone's back button works.
fn follow_hash(app: AppState) {
    let read = move || {
        if let Some(w) = web_sys::window() {
            let hash = w.location().hash().unwrap_or_default();
            let screen = Screen::from_hash(&hash);
            // A status line ("Backup restored") belongs to the screen it
            // was said on; the address catching up with `go` keeps it.
            let changed = app.screen.get_untracked() != screen;
            if changed {
                app.status.set(None);
                app.screen.set(screen);
                super::state::focus_screen_heading();
            }
        }
    };
    read();
    let _ = window_event_listener(leptos::ev::hashchange, move |_| read());
}

fn listen_for_other_tabs(app: AppState) {
    #[cfg(target_arch = "wasm32")]
    {
        let listener =
            crate::storage::browser::on_storage_change(move |key| app.sync_from_other_tab(key));
        // Kept for the page's lifetime.
        std::mem::forget(listener);
    }
    // A save still owed (storage was full) is tried again when the page is
    // shown or hidden, and as it goes away: then at once, without the lock,
    // which cannot be waited for there (nor for any save until it is back).
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if app.owes_save() {
            app.save();
        }
    });
    let _ = window_event_listener_untyped("pagehide", move |_| app.leaving(true));
    let _ = window_event_listener_untyped("pageshow", move |_| app.leaving(false));
}

/// Once there is something worth keeping, ask the browser not to evict it;
/// and say whether it already agreed (the settings screen shows it).
fn ask_for_persistence(app: AppState) {
    if app.in_memory() {
        return;
    }
    #[cfg(target_arch = "wasm32")]
    crate::storage::browser::persisted(move |p| app.persisted.set(p));
    crate::ui::widgets::effect(move || {
        // A shared summary is read-only: nothing of ours is written for it.
        if app.screen.get() == Screen::Shared {
            return;
        }
        let worth = app.log.with(|l| {
            let asked = app
                .with_repo_untracked(|r| r.persistence_asked().is_some())
                .unwrap_or(true);
            l.as_ref()
                .is_some_and(|l| durability::should_request_persistence(l, asked))
        });
        if worth {
            let today = app.today.get_untracked();
            app.with_repo(|r| r.record_persistence_asked(today));
            app.save();
            #[cfg(target_arch = "wasm32")]
            crate::storage::browser::request_persistence(move |granted| {
                if granted.is_some() {
                    app.persisted.set(granted);
                }
            });
        }
    });
}
