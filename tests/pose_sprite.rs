#![cfg(not(target_arch = "wasm32"))]
//! The demonstrations file the build writes (`pose::sprite`): every
//! catalogue exercise and self-test is in it under the key the app looks
//! up, with its words, well-formed, moving where the tempo moves and still
//! for holds. (The browser's own XML parser reads it in
//! tests/e2e/demos.test.mjs too.)

use hamstring_rehab::engine::catalogue::exercises;
use hamstring_rehab::engine::model::SelfTest;
use hamstring_rehab::pose::sprite::{demo_key, exercise_key, file_name, self_test_key, sprite};
use hamstring_rehab::pose::{all, for_exercise, Tempo};

/// The text between `<!--key-->` and the end of the nested `<svg>` after it.
fn entry<'a>(file: &'a str, key: &str) -> &'a str {
    let mark = format!("<!--{key}-->");
    assert_eq!(file.matches(&mark).count(), 1, "{key}: exactly one entry");
    let start = file.find(&mark).unwrap() + mark.len();
    let end = start + file[start..].find("</svg>").unwrap() + "</svg>".len();
    &file[start..end]
}

/// A small XML well-formedness check: tags nest and close, attributes are
/// quoted, and `&` only starts an entity.
fn check_well_formed(s: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find('<') {
        let text = &rest[..at];
        assert!(!text.contains('>'), "a stray '>' in {text:?}");
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            let end = after.find("-->").expect("a closed comment");
            assert!(!after[..end].contains("--"), "'--' inside a comment");
            rest = &after[end + 3..];
            continue;
        }
        let end = rest.find('>').expect("a closed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "</{name}> closes what is open");
            continue;
        }
        let closed = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric()),
            "tag {name:?}"
        );
        let mut seen = Vec::new();
        while !attrs.trim().is_empty() {
            let (a, after) = attrs.split_once("=\"").expect("name=\"value\"");
            let a = a.trim();
            assert!(!seen.contains(&a), "{name}: attribute {a} twice");
            seen.push(a);
            let (value, next) = after.split_once('"').expect("a closing quote");
            assert!(!value.contains('<'), "'<' in {a}");
            for (i, _) in value.match_indices('&') {
                let ent = &value[i..value[i..].find(';').map_or(value.len(), |e| i + e + 1)];
                assert!(
                    ["&amp;", "&quot;", "&lt;", "&gt;", "&apos;"].contains(&ent),
                    "{a}: entity {ent}"
                );
            }
            attrs = next;
        }
        if !closed {
            stack.push(name);
        }
    }
    assert!(rest.trim().is_empty(), "text after the root");
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn the_file_is_well_formed_svg() {
    let file = sprite();
    assert!(file.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg">"#));
    check_well_formed(&file);
}

#[test]
fn every_exercise_and_self_test_is_in_the_file_with_its_words() {
    let file = sprite();
    let mut keys: Vec<String> = exercises().map(|(_, _, e)| exercise_key(e.id)).collect();
    for t in SelfTest::ALL {
        for two in [false, true] {
            keys.push(self_test_key(t, two));
        }
    }
    keys.extend(all().map(demo_key));
    keys.sort();
    keys.dedup();
    assert!(
        keys.len() >= 59,
        "53 exercises and the self-tests' own: {}",
        keys.len()
    );
    for key in &keys {
        let svg = entry(&file, key);
        assert!(svg.contains(" data-l=\""), "{key}: an accessible name");
        assert!(
            svg.contains(" data-feel=\"") && svg.contains(" data-mistake=\""),
            "{key}"
        );
        assert!(
            svg.contains(r#"aria-hidden="true""#),
            "{key}: the page names it"
        );
        let still = entry(&file, &format!("{key}.still"));
        assert!(
            !still.contains("<animate"),
            "{key}: the still poses are still"
        );
    }
}

#[test]
fn reps_and_loops_move_holds_stay_still() {
    let file = sprite();
    for d in all() {
        let key = demo_key(d);
        let svg = entry(&file, &key);
        let moves = d.tempo != Tempo::Hold;
        assert_eq!(svg.contains("<animate "), moves, "{key}");
        assert_eq!(svg.contains(r#" data-m="1""#), moves, "{key}");
        if let Tempo::Rep {
            there_ds, back_ds, ..
        } = d.tempo
        {
            // Both halves of a rep plus a moment's pause at each end.
            let ms = (u32::from(there_ds) + u32::from(back_ds)) * 100 + 1000;
            assert!(
                svg.contains(&format!(r#"dur="{ms}ms""#)),
                "{key}: {ms} ms a rep"
            );
        }
    }
    // Heavy slow resistance: 3 s up, 3 s down (rules.rs), so 7 s a rep.
    let bridge = entry(&file, &exercise_key("single_leg_bridge"));
    assert!(bridge.contains(r#"dur="7000ms""#));
}

#[test]
fn one_leg_work_names_each_side_and_draws_the_right_still_apart() {
    let file = sprite();
    for (_, _, e) in exercises() {
        let key = exercise_key(e.id);
        let svg = entry(&file, &key);
        assert_eq!(svg.contains(" data-r=\""), e.one_leg, "{key}");
        assert_eq!(svg.contains(r#"class="leg work""#), e.one_leg, "{key}");
        assert_eq!(
            file.contains(&format!("<!--{key}.still.right-->")),
            e.one_leg,
            "{key}"
        );
        if e.one_leg {
            assert!(
                svg.contains("left leg working") || svg.contains("on your left side"),
                "{key}"
            );
            assert!(
                svg.contains("right leg working") || svg.contains("on your right side"),
                "{key}"
            );
        }
    }
    let d = for_exercise("single_leg_bridge").unwrap();
    assert!(d.one_leg);
}

#[test]
fn the_file_name_follows_its_content() {
    let file = sprite();
    let name = file_name(&file);
    assert!(name.starts_with("demos-") && name.ends_with(".svg") && name.len() == 26);
    assert_eq!(name, file_name(&sprite()), "the same build, the same name");
    assert_ne!(
        name,
        file_name(&file.replacen("0", "1", 1)),
        "a changed drawing, a new name"
    );
}
