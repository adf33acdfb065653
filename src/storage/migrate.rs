//! Ordered, pure migrations of the log document, oldest first.
//!
//! A migration takes the whole log as JSON at version `from` and returns it
//! at `from + 1`. It moves only the fields it knows about, so anything a
//! newer app added rides along untouched. A document from a version newer
//! than this build is refused, never rewritten.
//!
//! Version 0 was the first prototype: the whole log in one key
//! (`phtrehab:log`), the baseline inside the settings, sets as a flat list.

use crate::engine::model::SCHEMA_VERSION;
use crate::json::{Map, Value};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrateError {
    /// Written by a newer build: leave it exactly as it is.
    FromTheFuture { found: u32 },
    /// The document does not have the shape its version promises.
    Malformed(String),
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrateError::FromTheFuture { found } => write!(
                f,
                "saved by a newer version of the app (data version {found}, this app reads up to {SCHEMA_VERSION})"
            ),
            MigrateError::Malformed(why) => write!(f, "{why}"),
        }
    }
}

pub struct Migration {
    pub from: u32,
    pub what: &'static str,
    pub run: fn(Value) -> Result<Value, MigrateError>,
}

/// Every migration, in order; `from` runs 0, 1, 2… up to `SCHEMA_VERSION - 1`.
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 0,
    what: "baseline becomes a dated entry; flat sets become blocks per exercise and side",
    run: v0_to_v1,
}];

/// The version a document declares; the v0 prototype wrote none.
pub fn version_of(doc: &Value) -> Result<u32, MigrateError> {
    match doc.get("version") {
        None => Ok(0),
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| bad("the version is not a whole number")),
    }
}

/// Bring a log document up to [`SCHEMA_VERSION`].
pub fn migrate(mut doc: Value) -> Result<Value, MigrateError> {
    if !doc.is_object() {
        return Err(bad("the log is not a JSON object"));
    }
    let found = version_of(&doc)?;
    if found > SCHEMA_VERSION {
        return Err(MigrateError::FromTheFuture { found });
    }
    for step in MIGRATIONS.iter().filter(|m| m.from >= found) {
        doc = (step.run)(doc)?;
        if let Some(obj) = doc.as_object_mut() {
            obj.insert("version".into(), Value::from(step.from + 1));
        }
    }
    Ok(doc)
}

fn bad(why: &str) -> MigrateError {
    MigrateError::Malformed(why.to_string())
}

fn rename(obj: &mut Map, from: &str, to: &str) {
    if let Some(v) = obj.remove(from) {
        obj.insert(to.to_string(), v);
    }
}

fn v0_to_v1(mut doc: Value) -> Result<Value, MigrateError> {
    let root = doc.as_object_mut().ok_or_else(|| bad("not an object"))?;
    let settings = root
        .get_mut("settings")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| bad("no settings"))?;
    rename(settings, "side", "affected");
    rename(settings, "start", "start_date");
    let start = settings
        .get("start_date")
        .cloned()
        .ok_or_else(|| bad("no start date"))?;
    let baseline = settings.remove("baseline");

    let mut entries = match root.remove("entries") {
        None => Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(bad("the entries are not a list")),
    };
    for entry in entries.iter_mut() {
        if entry.get("type").and_then(Value::as_str) == Some("session") {
            let session = entry.as_object_mut().ok_or_else(|| bad("bad session"))?;
            let sets = match session.remove("sets") {
                None => Vec::new(),
                Some(Value::Array(sets)) => sets,
                Some(_) => return Err(bad("a session's sets are not a list")),
            };
            session.insert("blocks".into(), Value::Array(blocks_of(sets)?));
        }
    }
    if let Some(Value::Object(mut baseline)) = baseline {
        let id = entries
            .iter()
            .filter_map(|e| e.get("id").and_then(Value::as_u64))
            .max()
            .unwrap_or(0)
            + 1;
        baseline.insert("id".into(), Value::from(id));
        baseline.insert("date".into(), start);
        baseline.insert("type".into(), Value::from("baseline"));
        entries.insert(0, Value::Object(baseline));
    }
    root.insert("entries".into(), Value::Array(entries));
    Ok(doc)
}

/// Group consecutive v0 sets of one exercise and side into a block.
fn blocks_of(sets: Vec<Value>) -> Result<Vec<Value>, MigrateError> {
    let mut blocks: Vec<Value> = Vec::new();
    for set in sets {
        let Value::Object(mut set) = set else {
            return Err(bad("a set is not an object"));
        };
        let ex = set
            .remove("ex")
            .ok_or_else(|| bad("a set without exercise"))?;
        let side = set
            .remove("side")
            .ok_or_else(|| bad("a set without side"))?;
        let n = ["reps", "secs", "minutes"]
            .iter()
            .find_map(|k| set.remove(k))
            .ok_or_else(|| bad("a set without reps or seconds"))?;
        set.insert("n".into(), n);
        if set.get("kg").and_then(Value::as_f64) == Some(0.0) {
            set.remove("kg");
        }
        let same = blocks
            .last()
            .is_some_and(|b| b.get("ex") == Some(&ex) && b.get("side") == Some(&side));
        if !same {
            let mut block = Map::new();
            block.insert("ex".into(), ex);
            block.insert("side".into(), side);
            block.insert("sets".into(), Value::Array(Vec::new()));
            blocks.push(Value::Object(block));
        }
        let sets = blocks
            .last_mut()
            .and_then(Value::as_object_mut)
            .and_then(|b| b.get_mut("sets"));
        if let Some(Value::Array(sets)) = sets {
            sets.push(Value::Object(set));
        }
    }
    Ok(blocks)
}
