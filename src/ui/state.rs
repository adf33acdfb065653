//! The app's state, shared by context: the log, the clock, the plan derived
//! from them, the screen, and the storage behind the log.
//!
//! Screens read `plan` and `log`, and write by sending one [`Edit`]; every
//! edit is applied at once and saved under the cross-tab write lock a
//! moment later (`storage::browser::locked`), replayed on top of whatever
//! another tab stored meanwhile. A save that failed (storage full) is
//! tried again when space may have come back: another tab's storage
//! change, the page shown again, a back-off timer, and, without the lock,
//! as the page goes away.

use crate::engine::edit::{apply, Edit};
use crate::engine::model::{Baseline, Log, Settings};
use crate::engine::plan::{plan_with, Completeness, Plan};
use crate::storage::kv::KeyValue;
use crate::storage::notice::Notice;
use crate::storage::{Pending, Repository};
use chrono::NaiveDate;
use leptos::prelude::*;

mod saving;

pub type Repo = Repository<Box<dyn KeyValue>>;

/// The screens of the daily flow. Onboarding and recovery are not here:
/// they show whenever there is no log, or it cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Today,
    CheckIn,
    Session,
    History,
    PlanMap,
    Learn,
    Summary,
    Settings,
    /// A summary someone shared: read-only, never touches this phone's log.
    Shared,
}

/// Where a shared summary sits in the address: `#/shared/<payload>`.
pub const SHARED_PREFIX: &str = "#/shared/";

impl Screen {
    pub fn hash(self) -> &'static str {
        match self {
            Screen::Today => "#/today",
            Screen::CheckIn => "#/check-in",
            Screen::Session => "#/session",
            Screen::History => "#/history",
            Screen::PlanMap => "#/plan",
            Screen::Learn => "#/learn",
            Screen::Summary => "#/summary",
            Screen::Settings => "#/settings",
            Screen::Shared => SHARED_PREFIX,
        }
    }

    pub fn from_hash(hash: &str) -> Screen {
        if hash.starts_with(SHARED_PREFIX) {
            return Screen::Shared;
        }
        match hash {
            "#/check-in" => Screen::CheckIn,
            "#/session" => Screen::Session,
            "#/history" => Screen::History,
            "#/plan" => Screen::PlanMap,
            "#/learn" => Screen::Learn,
            "#/summary" => Screen::Summary,
            "#/settings" => Screen::Settings,
            _ => Screen::Today,
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub log: RwSignal<Option<Log>>,
    /// Milliseconds since the epoch, ticking once a second; timers and the
    /// date read it, so a backgrounded app catches up when it wakes.
    pub now_ms: RwSignal<f64>,
    pub today: Memo<NaiveDate>,
    pub plan: Memo<Option<Plan>>,
    pub screen: RwSignal<Screen>,
    /// What storage needs the user to know, newest state after every save.
    pub notices: RwSignal<Vec<Notice>>,
    /// The last edit that was refused, in words.
    pub error: RwSignal<Option<String>>,
    /// What just happened, when the screen alone does not say (a restored
    /// backup). Cleared by [`AppState::go`].
    pub status: RwSignal<Option<String>>,
    /// Stored parts that could not be read and that hold entries of this
    /// page's log: those entries live in memory until the part is removed.
    pub unsaved: RwSignal<Vec<String>>,
    /// Whether the browser agreed to keep our data under storage pressure
    /// (`None`: it cannot say, or we have not asked).
    pub persisted: RwSignal<Option<bool>>,
    /// Whether the stored log is still being read at start-up (see
    /// `ui::opening`); the screens wait for it rather than offer a first run.
    pub opening: RwSignal<bool>,
    /// Whether another tab wrote while the log was being read: then the
    /// whole store is merged in once it is read.
    pub missed_while_opening: StoredValue<bool>,
    repo: StoredValue<Repo, LocalStorage>,
    /// A save waits for the lock; later edits ride on it.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    queued: StoredValue<bool>,
    /// The next save must read in what another tab wrote.
    reread: StoredValue<bool>,
    /// Back-off before retrying a failed save, in ms, and whether a retry
    /// is already set.
    retry: StoredValue<(u64, bool)>,
    /// The page is going away: saves cannot wait for the lock.
    leaving: StoredValue<bool>,
    /// Whether this page has set the "this device had data" marker.
    marked: StoredValue<bool>,
}

/// Today's date on this device from a timestamp in ms, in local time.
pub fn local_date(ms: f64) -> NaiveDate {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

impl AppState {
    /// Build the state around an opened repository and the log it loaded.
    pub fn new(repo: Repo, log: Option<Log>) -> AppState {
        let notices = RwSignal::new(repo.notices());
        let log = RwSignal::new(log);
        let now_ms = RwSignal::new(now());
        let today = crate::ui::widgets::memo(move || local_date(now_ms.get()));
        // Part of the stored log unread: the plan must know (issue 12 point 11).
        let partial = crate::ui::widgets::memo(move || {
            notices.with(|n| {
                n.iter().any(|n| {
                    matches!(
                        n,
                        Notice::Unreadable { .. }
                            | Notice::DataVanished {
                                kept_in_memory: false,
                                ..
                            }
                    )
                })
            })
        });
        let plan = crate::ui::widgets::memo(move || {
            let read = match partial.get() {
                true => Completeness::Partial,
                false => Completeness::Whole,
            };
            log.with(|l| l.as_ref().map(|l| plan_with(l, today.get(), read)))
        });
        AppState {
            log,
            now_ms,
            today,
            plan,
            screen: RwSignal::new(Screen::Today),
            notices,
            error: RwSignal::new(None),
            status: RwSignal::new(None),
            unsaved: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            opening: RwSignal::new(false),
            missed_while_opening: StoredValue::new(false),
            repo: StoredValue::new_local(repo),
            queued: StoredValue::new(false),
            reread: StoredValue::new(false),
            retry: StoredValue::new((0, false)),
            leaving: StoredValue::new(false),
            marked: StoredValue::new(false),
        }
    }

    /// Whether nothing reaches the device's storage at all.
    pub fn in_memory(&self) -> bool {
        self.notices
            .with_untracked(|n| n.contains(&Notice::InMemoryOnly))
    }

    /// Apply one edit and save it at once. Returns whether it was applied.
    pub fn send(&self, edit: Edit) -> bool {
        let today = self.today.get_untracked();
        let mut result = Ok(0);
        self.log.update(|log| {
            if let Some(log) = log {
                let pending = Pending::new(log, today, &edit);
                result = apply(log, today, edit);
                if result.is_ok() {
                    self.repo.update_value(|r| r.note_edit(pending));
                }
            }
        });
        match result {
            Ok(_) => {
                self.error.set(None);
                self.save();
                true
            }
            Err(e) => {
                self.error.set(Some(e.message()));
                false
            }
        }
    }

    /// First run: the settings and first baseline become a new log, held
    /// to the same rules as every later edit (`engine::limits`).
    pub fn onboard(&self, settings: Settings, baseline: Baseline) -> bool {
        match crate::engine::edit::start(settings, baseline) {
            Ok(log) => {
                self.error.set(None);
                self.log.set(Some(log));
                self.save();
                true
            }
            Err(e) => {
                self.error.set(Some(e.message()));
                false
            }
        }
    }

    /// A backup was restored into storage: show it, and say so.
    pub fn restored(&self, log: Log, message: String) {
        self.log.set(Some(log));
        self.unsaved.set(Vec::new());
        // An earlier failed restore's message no longer applies.
        self.error.set(None);
        self.mark_had_data();
        self.notices.set(self.repo.with_value(|r| r.notices()));
        self.go(Screen::Today);
        self.status.set(Some(message));
    }

    /// Run something with the repository (backups, rescue files, usage).
    pub fn with_repo<T>(&self, f: impl FnOnce(&mut Repo) -> T) -> Option<T> {
        let out = self.repo.try_update_value(f);
        self.notices.set(self.repo.with_value(|r| r.notices()));
        out
    }

    /// Run something with the repository without touching the notices
    /// (start-up reads the log in steps and shows the notices at the end).
    pub fn with_repo_quiet<T>(&self, f: impl FnOnce(&mut Repo) -> T) -> Option<T> {
        self.repo.try_update_value(f)
    }

    /// Run on another repository from now on (storage failed mid-read).
    pub fn replace_repo(&self, repo: Repo) {
        self.repo.set_value(repo);
        self.notices.set(self.repo.with_value(|r| r.notices()));
    }

    /// Read the repository without touching the notices.
    pub fn with_repo_untracked<T>(&self, f: impl FnOnce(&Repo) -> T) -> Option<T> {
        self.repo.try_with_value(f)
    }

    /// Run something that needs both the repository and the log (recording
    /// a backup or a persistence request saves the log's index).
    pub fn with_repo_and_log<T>(
        &self,
        f: impl FnOnce(&mut Repo, &mut crate::engine::model::Log) -> T,
    ) -> Option<T> {
        let mut out = None;
        self.repo.try_update_value(|repo| {
            self.log.update(|log| {
                if let Some(log) = log {
                    out = Some(f(repo, log));
                }
            });
        });
        self.notices.set(self.repo.with_value(|r| r.notices()));
        out
    }

    pub fn go(&self, screen: Screen) {
        self.status.set(None);
        let changed = self.screen.get_untracked() != screen;
        // Set only when it changes: setting a signal redraws whatever reads
        // it, even to the same value, and the screen would be built twice
        // (once here, once when the address catches up).
        if changed {
            self.screen.set(screen);
        }
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(screen.hash());
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if changed {
            focus_screen_heading();
        }
    }
}

/// After a change of screen, move focus to the new screen's first heading:
/// the button or link that was pressed is gone, and keyboard and
/// screen-reader users should start at the top of what they asked for, as
/// they would on a new page. Once the screen has been drawn, hence the
/// animation frame.
pub fn focus_screen_heading() {
    request_animation_frame(|| {
        let Ok(Some(heading)) = document().query_selector("#app h2") else {
            return;
        };
        // Focusable by script only, not a tab stop.
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
            let _ = heading.focus();
        }
    });
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
