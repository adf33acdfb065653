#![cfg(target_arch = "wasm32")]
//! Browser tests of the localStorage store: a real full store, corrupt data
//! in each key, storage that throws on access, a change made by another
//! document. The time of one save of a three-year log is in
//! `web_storage_timing.rs`.

mod storage_support;

use hamstring_rehab::engine::model::Log;
use hamstring_rehab::storage::{
    browser, KeyValue, KvError, LocalStore, Notice, Repository, SaveError,
};
use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Poll, Waker};
use storage_support::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

/// What start-up does, in one go: open, read every slice, finish.
fn open_all() -> (browser::BrowserRepository, Option<Log>) {
    let (mut repo, begun) = browser::open();
    let log = match begun {
        hamstring_rehab::storage::Begun::Done(log) => log,
        hamstring_rehab::storage::Begun::Reading(mut loading) => {
            while repo.read_some(&mut loading, 64 * 1024).unwrap() {}
            let log = repo.finish_load(loading);
            browser::loaded(&mut repo, &log);
            log
        }
    };
    (repo, log)
}

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Every test starts from an empty localStorage.
fn clean() -> LocalStore {
    storage().clear().unwrap();
    LocalStore::open().expect("localStorage works here")
}

fn two_months() -> Log {
    let mut log = new_log("2026-10-26");
    log.entries.push(morning(2, "2026-10-27", 3));
    log.entries
        .push(session(3, "2026-10-27", vec![set(12, 0.0, 2)]));
    log.entries.push(morning(4, "2026-11-02", 2));
    log
}

fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("test script runs")
}

async fn sleep(ms: i32) {
    let state: Rc<RefCell<(bool, Option<Waker>)>> = Rc::default();
    let fired = state.clone();
    let callback = Closure::once_into_js(move || {
        let mut s = fired.borrow_mut();
        s.0 = true;
        if let Some(w) = s.1.take() {
            w.wake();
        }
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .unwrap();
    std::future::poll_fn(|cx| {
        let mut s = state.borrow_mut();
        if s.0 {
            Poll::Ready(())
        } else {
            s.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

#[wasm_bindgen_test]
fn a_log_saved_in_local_storage_loads_back() {
    let store = clean();
    let mut log = two_months();
    Repository::new(store).save(&mut log).unwrap();
    let keys = LocalStore::open().unwrap().keys().unwrap();
    assert_eq!(keys.len(), 3, "{keys:?}");
    let (repo, loaded) = open_all();
    assert_eq!(loaded, Some(log));
    assert_eq!(repo.notices(), vec![]);
    assert!(browser::had_data_marker());
}

#[wasm_bindgen_test]
fn a_really_full_local_storage_keeps_the_log_in_memory() {
    let store = clean();
    let mut log = two_months();
    let mut repo = Repository::new(LocalStore::open().unwrap());
    repo.save(&mut log).unwrap();
    let before = storage().get_item("phtrehab:entries:2026-11").unwrap();

    // Fill what is left, big chunks first, until the browser refuses.
    let mut n = 0;
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4, 1] {
        let chunk = "x".repeat(size);
        loop {
            match store.set(&format!("filler:{n}"), &chunk) {
                Ok(()) => n += 1,
                Err(KvError::QuotaExceeded) => break,
                Err(e) => panic!("expected a quota error, got {e:?}"),
            }
        }
    }
    assert!(n > 0);

    log.entries.push(morning(5, "2026-11-03", 1));
    let err = repo.save(&mut log).unwrap_err();
    assert_eq!(err, SaveError::Store(KvError::QuotaExceeded));
    assert_eq!(repo.notices(), vec![Notice::QuotaExceeded]);
    assert_eq!(
        storage().get_item("phtrehab:entries:2026-11").unwrap(),
        before
    );
    assert_eq!(log.entries.len(), 5, "still in memory");

    for i in 0..n {
        store.remove(&format!("filler:{i}")).unwrap();
    }
    repo.save(&mut log).unwrap();
    assert_eq!(repo.notices(), vec![]);
    assert_eq!(
        Repository::new(LocalStore::open().unwrap()).load().unwrap(),
        Some(log)
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn corrupt_data_in_each_key_is_kept_and_never_written_over() {
    let store = clean();
    let mut log = two_months();
    Repository::new(store).save(&mut log).unwrap();
    for key in [
        "phtrehab:meta",
        "phtrehab:entries:2026-10",
        "phtrehab:entries:2026-11",
    ] {
        let good = storage().get_item(key).unwrap().unwrap();
        let corrupt = &good[..good.len() / 2];
        storage().set_item(key, corrupt).unwrap();

        let (mut repo, loaded) = open_all();
        let notices = repo.notices();
        assert!(
            matches!(&notices[0], Notice::Unreadable { keys, .. } if keys.contains(&key.to_string())),
            "{key}: {notices:?}"
        );
        assert_eq!(loaded.is_none(), key == "phtrehab:meta");
        assert!(repo.unreadable().any(|u| u.key == key && u.raw == corrupt));
        let mut changed = loaded.unwrap_or_else(two_months);
        changed.entries.push(morning(9, "2026-10-30", 1));
        changed.entries.push(morning(10, "2026-11-03", 1));
        assert!(repo.save(&mut changed).is_err(), "{key}");
        assert_eq!(storage().get_item(key).unwrap().unwrap(), corrupt, "{key}");

        storage().clear().unwrap();
        Repository::new(LocalStore::open().unwrap())
            .save(&mut log.clone())
            .unwrap();
    }
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_store_emptied_behind_the_apps_back_is_reported_as_cleared() {
    let store = clean();
    Repository::new(store).save(&mut two_months()).unwrap();
    browser::set_had_data_marker();
    storage().clear().unwrap();
    let (repo, loaded) = open_all();
    assert_eq!(loaded, None);
    assert!(matches!(
        repo.notices().as_slice(),
        [Notice::DataVanished {
            kept_in_memory: false,
            ..
        }]
    ));
}

#[wasm_bindgen_test]
fn an_unreadable_log_is_not_reported_as_cleared() {
    let store = clean();
    Repository::new(store).save(&mut two_months()).unwrap();
    browser::set_had_data_marker();
    storage()
        .set_item("phtrehab:meta", "{\"version\":1,\"kind\"")
        .unwrap();
    let (repo, loaded) = open_all();
    assert_eq!(loaded, None);
    assert!(
        matches!(
            repo.notices().as_slice(),
            [Notice::Unreadable {
                whole_log: true,
                ..
            }]
        ),
        "{:?}",
        repo.notices()
    );
    storage().clear().unwrap();
}

/// Swap `Storage.prototype` methods for ones that throw a SecurityError,
/// as blocked storage does, and put them back afterwards.
fn with_throwing_storage(test: impl FnOnce()) {
    js("const p = Storage.prototype; window.__saved = {};
        for (const m of ['getItem', 'setItem', 'removeItem', 'key']) {
            window.__saved[m] = p[m];
            p[m] = function () { throw new DOMException('The operation is insecure.', 'SecurityError'); };
        }");
    test();
    js("for (const m in window.__saved) Storage.prototype[m] = window.__saved[m];");
}

#[wasm_bindgen_test]
fn storage_that_throws_on_access_runs_the_app_in_memory() {
    let store = clean();
    Repository::new(store).save(&mut two_months()).unwrap();
    with_throwing_storage(|| {
        let store = LocalStore::open().unwrap();
        assert!(matches!(
            store.get("phtrehab:meta"),
            Err(KvError::Unavailable(_))
        ));
        assert!(matches!(store.set("a", "b"), Err(KvError::Unavailable(_))));

        let (mut repo, loaded) = open_all();
        assert_eq!(loaded, None);
        assert_eq!(repo.notices(), vec![Notice::InMemoryOnly]);
        // Onboarding works and saves to memory.
        let mut log = new_log("2026-11-05");
        repo.save(&mut log).unwrap();
        assert_eq!(repo.load().unwrap(), Some(log));
    });
    assert!(
        storage().get_item("phtrehab:meta").unwrap().is_some(),
        "nothing was lost"
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_local_storage_getter_that_throws_is_unavailable() {
    clean();
    js(
        "window.__ls = Object.getOwnPropertyDescriptor(window, 'localStorage');
        Object.defineProperty(window, 'localStorage', { configurable: true,
            get() { throw new DOMException('Access is denied', 'SecurityError'); } });",
    );
    let opened = LocalStore::open();
    let (repo, _) = open_all();
    js("Object.defineProperty(window, 'localStorage', window.__ls);");
    assert!(
        matches!(opened, Err(KvError::Unavailable(_))),
        "{:?}",
        opened.err()
    );
    assert_eq!(repo.notices(), vec![Notice::InMemoryOnly]);
}

#[wasm_bindgen_test]
async fn a_change_made_in_another_document_reaches_this_one() {
    let store = clean();
    let mut first = two_months();
    Repository::new(store).save(&mut first).unwrap();
    let (repo_a, log_a) = open_all();
    let tab_a = Rc::new(RefCell::new((repo_a, log_a.unwrap())));

    let heard = Rc::new(RefCell::new(Vec::new()));
    let (a, h) = (tab_a.clone(), heard.clone());
    let _listener = browser::on_storage_change(move |key| {
        let (repo, log) = &mut *a.borrow_mut();
        repo.on_storage_event(log, key.as_deref()).unwrap();
        repo.save(log).unwrap();
        h.borrow_mut().push(key);
    })
    .expect("listening");

    // A same-origin frame is another document: its writes fire `storage` here.
    let frame = js("const f = document.createElement('iframe');
        document.body.appendChild(f); return f.contentWindow.localStorage;");
    let mut tab_b = Repository::new(LocalStore::from_storage(frame.unchecked_into()));
    let mut log_b = tab_b.load().unwrap().unwrap();
    log_b.entries.push(morning(5, "2026-11-03", 1));
    tab_b.save(&mut log_b).unwrap();

    // One event per key B wrote: its month and the index.
    for _ in 0..100 {
        if heard.borrow().len() >= 2 {
            break;
        }
        sleep(20).await;
    }
    let mut keys: Vec<Option<String>> = heard.borrow().clone();
    keys.sort();
    assert_eq!(
        keys,
        [
            Some("phtrehab:entries:2026-11".to_string()),
            Some("phtrehab:meta".to_string())
        ]
    );
    let (_, log_a) = &*tab_a.borrow();
    assert!(log_a.entry(5).is_some(), "B's rating reached A");
    assert_eq!(log_a, &log_b);
    storage().clear().unwrap();
}
