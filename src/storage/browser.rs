//! Browser glue around the repository (wasm only): opening storage with an
//! in-memory fallback, `storage` events, persistent storage, downloads.

use super::durability::vanished_at_start;
use super::kv::KeyValue;
use super::layout::PREFIX;
use super::load::Begun;
use super::local::LocalStore;
use super::memory::MemoryStore;
use super::notice::Notice;
use super::repo::Repository;
use crate::engine::model::Log;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub type BrowserRepository = Repository<Box<dyn KeyValue>>;

/// Open localStorage and read its index; if storage cannot be used at all,
/// run in memory and say so. A [`Begun::Reading`] goes on with
/// [`Repository::read_some`] and ends with [`loaded`].
pub fn open() -> (BrowserRepository, Begun) {
    if let Ok(store) = LocalStore::open() {
        let mut repo: BrowserRepository = Repository::new(Box::new(store));
        if let Ok(begun) = repo.begin_load() {
            if let Begun::Done(log) = &begun {
                loaded(&mut repo, log);
            }
            return (repo, begun);
        }
    }
    (in_memory(), Begun::Done(None))
}

/// The repository to run on when localStorage cannot be used, saying so.
pub fn in_memory() -> BrowserRepository {
    let mut repo: BrowserRepository = Repository::new(Box::new(MemoryStore::new()));
    repo.pin_notice(Notice::InMemoryOnly);
    repo
}

/// What start-up notes once the log is read: that this browser has data,
/// or, when it finds none where it had some, that the data vanished. The
/// notices are pinned on the repository.
pub fn loaded(repo: &mut BrowserRepository, log: &Option<Log>) {
    match log {
        Some(_) => set_had_data_marker(),
        // No log and nothing to report means an empty store; a log
        // that is unreadable or newer is still there, not cleared.
        None if repo.notices().is_empty() => {
            if let Some(notice) = vanished_at_start(false, had_data_marker()) {
                repo.pin_notice(notice);
            }
        }
        None => {}
    }
}

const MARKER: &str = "phtrehab_had_data";

/// A cookie that outlives localStorage when the browser evicts site storage
/// under pressure, so the app can tell "cleared" from "never used". It holds
/// no data, only that this browser had a log.
pub fn set_had_data_marker() {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let cookie = format!("{MARKER}=1; max-age=34560000; path=/; samesite=strict");
        let _ = js_sys::Reflect::set(&doc, &"cookie".into(), &cookie.into());
    }
}

pub fn had_data_marker() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|doc| js_sys::Reflect::get(&doc, &"cookie".into()).ok())
        .and_then(|c| c.as_string())
        .is_some_and(|c| c.split(';').any(|kv| kv.trim() == format!("{MARKER}=1")))
}

/// The write lock, in JS: the Web Locks API and IndexedDB through bindings
/// would cost the wasm several times this text.
///
/// Chromium keeps a copy of localStorage in each tab's process and brings
/// it up to date asynchronously, so a tab that has just been given the
/// lock may still read the previous holder's write as it was before.
/// IndexedDB is read consistently across processes: every writer counts
/// its saves there and beside them in localStorage (`phtrehab-seq`, after
/// its documents), and the next holder first waits, up to a second, until
/// its localStorage shows that count. `w(n)` does the work with the count
/// (`null` without IndexedDB) and says whether it wrote. With no Web Locks
/// (Safari before 15.4), or should the lock be refused, it runs at once,
/// unserialised.
const LOCKED: &str = r#"let K="phtrehab-seq",
seen=()=>+localStorage.getItem(K)||0,
db=(mode,f)=>new Promise(done=>{try{const q=indexedDB.open("phtrehab",1);
q.onupgradeneeded=()=>q.result.createObjectStore("s");q.onerror=()=>done(null);
q.onsuccess=()=>{try{const t=q.result.transaction("s",mode),r=f(t.objectStore("s"));
t.oncomplete=()=>{q.result.close();done(r.result||0)};t.onabort=()=>done(null)}catch(e){done(null)}}}catch(e){done(null)}}),
c=0,run=async()=>{if(c++)return;let n=await db("readonly",s=>s.get(K));
for(let i=0;n!==null&&seen()<n&&i<100;i++)await new Promise(r=>setTimeout(r,10));
if(n!==null)n=Math.max(n,seen());
if(w(n)&&n!==null){try{localStorage.setItem(K,String(n+1).padStart(15,"0"))}catch(e){return}
await db("readwrite",s=>s.put(n+1,K))}};
return navigator.locks?navigator.locks.request("phtrehab-write",run).catch(run):run()"#;

/// Run `work` under the cross-tab write lock (see [`LOCKED`]), soon rather
/// than now. It gets the store's write count and returns whether it wrote.
pub fn locked(work: impl FnOnce(Option<f64>) -> bool + 'static) {
    thread_local! {
        static RUN: js_sys::Function = js_sys::Function::new_with_args("w", LOCKED);
    }
    let work = Closure::once_into_js(work);
    RUN.with(|run| {
        let _ = run.call1(&JsValue::NULL, &work);
    });
}

/// Keeps a `storage` listener registered; dropping it removes the listener.
pub struct StorageListener {
    closure: Closure<dyn Fn(web_sys::StorageEvent)>,
}

impl Drop for StorageListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let f = self.closure.as_ref().unchecked_ref();
            let _ = window.remove_event_listener_with_callback("storage", f);
        }
    }
}

/// Call `handler` when another tab changes localStorage: `Some(key)` for
/// one of our keys, `None` for the whole store cleared, and `Some("")`
/// for anyone else's key (space may have come back).
pub fn on_storage_change(handler: impl Fn(Option<String>) + 'static) -> Option<StorageListener> {
    let closure = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        let key = e.key();
        handler(key.map(|k| {
            if k.starts_with(PREFIX) {
                k
            } else {
                String::new()
            }
        }));
    });
    let window = web_sys::window()?;
    window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(StorageListener { closure })
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing outside secure contexts and in some embedded browsers.
    js_sys::Reflect::has(&navigator, &"storage".into())
        .ok()?
        .then(|| navigator.storage())
}

/// Settle `promise`, calling `done` once with the value or `None`.
fn settle(promise: Result<js_sys::Promise, JsValue>, done: impl FnOnce(Option<JsValue>) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let promise = match promise {
        Ok(p) => p,
        Err(_) => {
            if let Some(f) = done.borrow_mut().take() {
                f(None);
            }
            return;
        }
    };
    let on_ok = done.clone();
    let ok = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        if let Some(f) = on_ok.borrow_mut().take() {
            f(Some(v));
        }
    });
    let err = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        if let Some(f) = done.borrow_mut().take() {
            f(None);
        }
    });
    let _ = promise.then2(&ok, &err);
    // Two small closures per call, and calls are rare (a settings screen,
    // once after onboarding): leaking them is simpler than tracking them.
    ok.forget();
    err.forget();
}

/// `navigator.storage.persist()`: `Some(true)` when the browser agrees to
/// keep our data under storage pressure, `None` when it cannot say.
pub fn request_persistence(done: impl FnOnce(Option<bool>) + 'static) {
    match storage_manager() {
        Some(m) => settle(m.persist(), move |v| done(v.and_then(|v| v.as_bool()))),
        None => done(None),
    }
}

/// `navigator.storage.persisted()`: whether the browser already agreed to
/// keep our data. Asks nothing of the user, so it is fine on every start.
pub fn persisted(done: impl FnOnce(Option<bool>) + 'static) {
    match storage_manager() {
        Some(m) => settle(m.persisted(), move |v| done(v.and_then(|v| v.as_bool()))),
        None => done(None),
    }
}

/// `navigator.storage.estimate()` as `(usage, quota)` in bytes, for the
/// whole site (app files included).
pub fn estimate(done: impl FnOnce(Option<(f64, f64)>) + 'static) {
    let Some(m) = storage_manager() else {
        return done(None);
    };
    settle(m.estimate(), move |v| {
        let field = |v: &JsValue, name: &str| {
            js_sys::Reflect::get(v, &name.into())
                .ok()
                .and_then(|x| x.as_f64())
        };
        done(v.and_then(|v| Some((field(&v, "usage")?, field(&v, "quota")?))))
    });
}

/// Offer `text` as a file download (backups, CSV, the rescue file).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}
