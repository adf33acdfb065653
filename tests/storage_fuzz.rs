#![cfg(not(target_arch = "wasm32"))]
//! Import under fire: thousands of random and mutated backup files. None
//! may panic, and none may change the stored log unless it is a valid
//! backup, in which case the store then holds exactly what it contains.

mod storage_support;

use chrono::Datelike;
use hamstring_rehab::engine::model::Log;
use hamstring_rehab::storage::{parse_backup, MemoryStore, Repository};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;
use storage_support::*;

/// A real backup of three weeks of use, made once.
fn valid_backup() -> &'static str {
    static BACKUP: OnceLock<String> = OnceLock::new();
    BACKUP.get_or_init(|| {
        let store = MemoryStore::new();
        let mut repo = Repository::new(store);
        let mut log = synthetic_log(21);
        repo.save(&mut log).unwrap();
        repo.export_backup(&log, day("2024-01-22")).1
    })
}

fn device_log() -> Log {
    let mut log = new_log("2026-11-02");
    log.entries.push(morning(2, "2026-11-03", 3));
    log.entries
        .push(session(3, "2026-11-03", vec![set(12, 0.0, 2)]));
    log
}

/// Import `text` over a device that holds a log; check the one rule.
fn import_keeps_the_rule(text: &str) -> Result<(), TestCaseError> {
    let store = MemoryStore::new();
    let mut repo = Repository::new(store.clone());
    repo.save(&mut device_log()).unwrap();
    let before = store.snapshot();
    let parsed = parse_backup(text.as_bytes());
    match repo.import_text(text) {
        Err(err) => {
            prop_assert!(parsed.is_err());
            prop_assert_eq!(store.snapshot(), before, "refused with {:?}", err);
        }
        Ok(imported) => {
            // What the backup holds, in the order the store keeps it.
            let mut expected = parsed.unwrap().log().clone();
            expected
                .entries
                .sort_by_key(|e| (e.date.year(), e.date.month()));
            prop_assert_eq!(&imported, &expected);
            let reloaded = Repository::new(store.clone()).load().unwrap();
            prop_assert_eq!(reloaded, Some(imported));
        }
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Cut {
    Truncate(usize),
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, char),
}

fn cut() -> impl Strategy<Value = Cut> {
    prop_oneof![
        any::<usize>().prop_map(Cut::Truncate),
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Cut::Delete(a, n)),
        (any::<usize>(), r#"[\[\]{}":,0-9a-z\-. ]{1,12}"#).prop_map(|(a, s)| Cut::Insert(a, s)),
        (
            any::<usize>(),
            prop_oneof![Just('"'), Just('}'), Just('9'), Just('-'), any::<char>()]
        )
            .prop_map(|(a, c)| Cut::Replace(a, c)),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &mut String, cut: &Cut) {
    match cut {
        Cut::Truncate(at) => text.truncate(boundary(text, *at)),
        Cut::Delete(at, n) => {
            let a = boundary(text, *at);
            let b = boundary(text, (a + n).min(text.len()));
            if b > a {
                text.replace_range(a..b, "");
            }
        }
        Cut::Insert(at, s) => text.insert_str(boundary(text, *at), s),
        Cut::Replace(at, c) => {
            let a = boundary(text, *at);
            if let Some(old) = text[a..].chars().next() {
                text.replace_range(a..a + old.len_utf8(), &c.to_string());
            }
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        prop_oneof![Just(0u8), Just(10), Just(11), Just(255)].prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        prop_oneof![
            Just("2026-02-30"),
            Just("2024-01-09"),
            Just("session"),
            Just("sleep")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Walk `path` choices into the document and replace or remove what is
/// there: mutations that stay valid JSON and so reach the validation.
fn mutate(doc: &mut Value, path: &[usize], replacement: Option<Value>) {
    let Some((&choice, rest)) = path.split_first() else {
        if let Some(v) = replacement {
            *doc = v;
        }
        return;
    };
    match doc {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(choice % map.len()).unwrap().clone();
            if rest.is_empty() && replacement.is_none() {
                map.remove(&key);
            } else {
                mutate(map.get_mut(&key).unwrap(), rest, replacement);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let at = choice % items.len();
            if rest.is_empty() && replacement.is_none() {
                items.remove(at);
            } else {
                mutate(&mut items[at], rest, replacement);
            }
        }
        _ => {
            if let Some(v) = replacement {
                *doc = v;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_text_is_refused_without_touching_the_store(text in ".{0,300}") {
        import_keeps_the_rule(&text)?;
    }

    #[test]
    fn backups_cut_and_spliced_never_slip_through(cuts in prop::collection::vec(cut(), 1..4)) {
        let mut text = valid_backup().to_string();
        for c in &cuts {
            apply(&mut text, c);
        }
        import_keeps_the_rule(&text)?;
    }

    #[test]
    fn backups_with_wrong_values_never_slip_through(
        edits in prop::collection::vec(
            (prop::collection::vec(any::<usize>(), 1..7), prop::option::weighted(0.8, json_value())),
            1..4,
        )
    ) {
        let mut doc: Value = serde_json::from_str(valid_backup()).unwrap();
        for (path, replacement) in edits {
            mutate(&mut doc, &path, replacement);
        }
        import_keeps_the_rule(&doc.to_string())?;
    }
}

#[test]
fn the_unmutated_backup_imports() {
    import_keeps_the_rule(valid_backup()).unwrap();
    assert!(parse_backup(valid_backup().as_bytes()).is_ok());
}
