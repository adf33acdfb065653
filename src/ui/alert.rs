//! What the phone does for a session beyond the screen: a beep and a buzz
//! at the end of a hold or a rest, optional spoken cues, and keeping the
//! screen awake while the logger is open. All best effort: a silent phone,
//! or one without these features, still shows the timers reach zero.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// One audio context, made on a tap (browsers keep one made later
    /// silent), so the beep at a rest's end sounds with no tap of its own.
    static AUDIO: RefCell<Option<web_sys::AudioContext>> = const { RefCell::new(None) };
    /// The screen wake lock while a session wants one: `Some(None)` while
    /// asked for but not (or no longer) held, `Some(Some(lock))` once held.
    static AWAKE: RefCell<Option<Option<JsValue>>> = const { RefCell::new(None) };
}

/// Kept outside the log's `phtrehab:` keys: a choice for this phone, which
/// a backup does not carry.
const SPOKEN: &str = "phtrehab_spoken_cues";

/// `target.method(args…)` for browser features web-sys leaves out or keeps
/// behind unstable flags; `None` where the browser lacks it.
pub fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Option<JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let list: js_sys::Array = args.iter().copied().collect();
    js_sys::Reflect::apply(&f, target, &list).ok()
}

/// Called on a tap (start a hold, save a set): makes or wakes the audio
/// context the end-of-timer beep will use.
pub fn prime() {
    AUDIO.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = web_sys::AudioContext::new().ok();
        }
        if let Some(ctx) = a.as_ref() {
            let _ = ctx.resume();
        }
    });
}

/// The end of a hold or a rest: a short beep and a buzz, then `cue` spoken
/// if the person asked for spoken cues.
pub fn finished(cue: &str) {
    let _ = window().navigator().vibrate_with_duration(300);
    prime();
    AUDIO.with(|a| {
        if let Some(ctx) = a.borrow().as_ref() {
            beep(ctx);
        }
    });
    speak(cue);
}

fn beep(ctx: &web_sys::AudioContext) {
    let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
        return;
    };
    osc.frequency().set_value(880.0);
    gain.gain().set_value(0.2);
    let _ = osc.connect_with_audio_node(&gain);
    let _ = gain.connect_with_audio_node(&ctx.destination());
    let t = ctx.current_time();
    let _ = osc.start_with_when(t);
    let _ = osc.stop_with_when(t + 0.25);
}

/// Says `text` through the browser's speech synthesis, when spoken cues
/// are on.
pub fn speak(text: &str) {
    let w: JsValue = window().into();
    let class = js_sys::Reflect::get(&w, &"SpeechSynthesisUtterance".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok());
    if let (true, Ok(synth), Some(class)) = (
        spoken(),
        js_sys::Reflect::get(&w, &"speechSynthesis".into()),
        class,
    ) {
        let args = js_sys::Array::of1(&text.into());
        if let Ok(u) = js_sys::Reflect::construct(&class, &args) {
            call(&synth, "speak", &[&u]);
        }
    }
}

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Whether spoken cues are on (off unless chosen).
pub fn spoken() -> bool {
    local().is_some_and(|s| s.get_item(SPOKEN).ok().flatten().is_some())
}

/// The spoken-cues choice, for Settings: a checkbox drawn as markup.
pub fn spoken_setting() -> AnyView {
    let checked = if spoken() { " checked" } else { "" };
    let html = format!(
        r#"<section class="card" aria-labelledby="cues-heading"><h2 id="cues-heading">During a session</h2><label class="check"><input type="checkbox" id="cues" data-change="cues"{checked}> Speak the timer cues ("ten seconds", "rest", "next set")</label><p class="hint">Off unless you turn it on; kept on this phone only. The screen stays on while a session is open.</p></section>"#
    );
    super::markup::markup(html, |act, _| {
        if let (Some(s), true) = (local(), act == "cues") {
            let _ = if super::markup::ticked("cues") {
                s.set_item(SPOKEN, "1")
            } else {
                s.remove_item(SPOKEN)
            };
        }
    })
}

/// Keep the screen on (`true`, the logger opened) or let it sleep again
/// (`false`, the session ended or the logger closed).
pub fn keep_awake(on: bool) {
    let old = AWAKE.with(|a| a.replace(on.then_some(None)));
    if let Some(Some(lock)) = old {
        call(&lock, "release", &[]);
    }
    renew();
}

/// Asks for the wake lock again when it is wanted and not held: the
/// browser drops it whenever the page is hidden, so this runs each time
/// the page comes back to the foreground. While a request is under way
/// the state holds `true` in place of the lock, so none is asked twice.
pub fn renew() {
    let ask = !document().hidden()
        && AWAKE.with(|a| match &mut *a.borrow_mut() {
            Some(held) if held.as_ref().is_none_or(released) => {
                *held = Some(JsValue::TRUE);
                true
            }
            _ => false,
        });
    if !ask {
        return;
    }
    let lock = js_sys::Reflect::get(&window().navigator(), &"wakeLock".into())
        .ok()
        .and_then(|w| call(&w, "request", &[&"screen".into()]));
    let promise = js_sys::Promise::resolve(&lock.unwrap_or_default());
    leptos::task::spawn_local(async move {
        let lock = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .filter(JsValue::is_object);
        // Kept if still waited for; else let go at once. Refused (or no
        // such feature), the next return to the page asks again.
        let spare = AWAKE.with(|a| match &mut *a.borrow_mut() {
            Some(held) if held.as_ref().is_some_and(|h| !h.is_object()) => {
                std::mem::replace(held, lock).and(None)
            }
            _ => lock,
        });
        if let Some(spare) = spare {
            call(&spare, "release", &[]);
        }
    });
}

/// A lock the browser has let go of; a request under way is not one.
fn released(lock: &JsValue) -> bool {
    lock.is_object() && js_sys::Reflect::get(lock, &"released".into()).is_ok_and(|r| r.is_truthy())
}
