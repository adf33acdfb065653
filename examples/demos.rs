//! Writes the demonstrations file into a build folder, at build time.
//!
//! `cargo run --example demos -- <dir>` draws every demonstration natively
//! (`pose::sprite`), writes `<dir>/demos-<hash>.svg` and names it in
//! `<dir>/index.html`'s `<meta name="demos">`, which the app reads to fetch
//! it. Trunk's post_build hook runs it before the service worker's precache
//! list is written, so the file is precached like every other.

use hamstring_rehab::pose::sprite::{file_name, sprite};
use std::{env, fs, path::Path, process::ExitCode};

const META: &str = r#"<meta name="demos" content=""#;

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: demos <build dir>");
        return ExitCode::FAILURE;
    };
    let dir = Path::new(&dir);
    let content = sprite();
    let name = file_name(&content);
    let index = dir.join("index.html");
    let html = match fs::read_to_string(&index) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("demos: cannot read {}: {e}", index.display());
            return ExitCode::FAILURE;
        }
    };
    let Some(at) = html.find(META) else {
        eprintln!("demos: {} has no {META}\">", index.display());
        return ExitCode::FAILURE;
    };
    let start = at + META.len();
    let end = start + html[start..].find('"').unwrap_or(0);
    let html = format!("{}{name}{}", &html[..start], &html[end..]);
    // Files of an earlier build in the same folder (trunk serve) go.
    if let Ok(list) = fs::read_dir(dir) {
        for f in list.flatten() {
            let n = f.file_name().to_string_lossy().into_owned();
            if n.starts_with("demos-") && n.ends_with(".svg") && n != name {
                let _ = fs::remove_file(f.path());
            }
        }
    }
    if let Err(e) = fs::write(dir.join(&name), &content).and_then(|()| fs::write(&index, html)) {
        eprintln!("demos: cannot write into {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!("demos: {name} ({} bytes)", content.len());
    ExitCode::SUCCESS
}
