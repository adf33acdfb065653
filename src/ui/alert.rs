//! The end-of-hold signal: a short beep and a buzz, where the device allows.
//! Both are best effort; a silent phone still shows the timer reach zero.

pub fn finished() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let _ = window.navigator().vibrate_with_duration(300);
    beep();
}

fn beep() {
    let Ok(ctx) = web_sys::AudioContext::new() else {
        return;
    };
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
