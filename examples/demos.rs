//! Writes the files the app fetches after the first paint into a build
//! folder, at build time.
//!
//! `cargo run --example demos -- <dir>` draws every demonstration natively
//! (`pose::sprite`) into `<dir>/demos-<hash>.svg`, writes the Learn pages
//! (`ui::learn::pages_html`) into `<dir>/learn-<hash>.html`, and names each
//! in `<dir>/index.html`'s `<meta name="demos">` and `<meta name="learn">`,
//! which the app reads to fetch them. Trunk's post_build hook runs it
//! before the service worker's precache list is written, so both files are
//! precached like every other: there offline, yet not in the wasm.

use hamstring_rehab::pose::sprite::{hashed_name, sprite};
use hamstring_rehab::ui::learn::pages_html;
use std::{env, fs, path::Path, process::ExitCode};

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: demos <build dir>");
        return ExitCode::FAILURE;
    };
    let dir = Path::new(&dir);
    let files = [("demos", sprite(), "svg"), ("learn", pages_html(), "html")];
    for (stem, content, ext) in files {
        if let Err(e) = place(dir, stem, &content, ext) {
            eprintln!("demos: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Writes `content` as `{stem}-{hash}.{ext}` and names it in index.html's
/// `<meta name="{stem}">`.
fn place(dir: &Path, stem: &str, content: &str, ext: &str) -> Result<(), String> {
    let name = hashed_name(stem, content, ext);
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let meta = format!(r#"<meta name="{stem}" content=""#);
    let at = html
        .find(&meta)
        .ok_or_else(|| format!("{} has no {meta}\">", index.display()))?;
    let start = at + meta.len();
    let end = start + html[start..].find('"').unwrap_or(0);
    let html = format!("{}{name}{}", &html[..start], &html[end..]);
    // Files of an earlier build in the same folder (trunk serve) go.
    if let Ok(list) = fs::read_dir(dir) {
        for f in list.flatten() {
            let n = f.file_name().to_string_lossy().into_owned();
            if n.starts_with(&format!("{stem}-")) && n.ends_with(&format!(".{ext}")) && n != name {
                let _ = fs::remove_file(f.path());
            }
        }
    }
    fs::write(dir.join(&name), content)
        .and_then(|()| fs::write(&index, html))
        .map_err(|e| format!("cannot write into {}: {e}", dir.display()))?;
    println!("demos: {name} ({} bytes)", content.len());
    Ok(())
}
