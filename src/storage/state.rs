//! What this tab knows is in the store, document by document.
//!
//! The repository diffs against this to write only changed parts, merges
//! against it when another tab writes, and reads raw JSON from it so entries
//! it does not change are written back with every field they had.

use super::layout::{
    encode_part, read_entry, EntryRead, Kept, Marks, MetaDoc, Month, PartDoc, Stored, META_KIND,
    PART_KIND,
};
use super::migrate::version_of;
use crate::engine::json::FromJson;
use crate::engine::model::{Extra, Settings, SCHEMA_VERSION};
use crate::json::{ObjectWriter, Value};
use crate::sorted::{SortedMap, SortedSet};
use chrono::NaiveDate;

#[derive(Clone, Debug)]
pub(super) struct MetaState {
    /// The text in the store, or `None` when this state is not stored yet.
    pub text: Option<String>,
    pub settings: Settings,
    pub settings_raw: Value,
    pub parts: SortedMap<String, usize>,
    pub deleted: SortedSet<u64>,
    pub marks: Marks,
    pub log_extra: Extra,
    pub extra: Extra,
}

#[derive(Clone, Debug)]
pub(super) struct PartState {
    pub text: Option<String>,
    pub entries: Vec<Stored>,
    pub kept: Vec<Kept>,
    pub extra: Extra,
}

pub(super) enum ReadError {
    Newer(u32),
    Bad(String),
}

fn check_version(doc: &Value) -> Result<(), ReadError> {
    match version_of(doc) {
        _ if doc.get("version").is_none() => Err(ReadError::Bad("no version".into())),
        Ok(v) if v > SCHEMA_VERSION => Err(ReadError::Newer(v)),
        Ok(v) if v < SCHEMA_VERSION => Err(ReadError::Bad(format!(
            "version {v} in a layout that starts at version 1"
        ))),
        Ok(_) => Ok(()),
        Err(e) => Err(ReadError::Bad(e.to_string())),
    }
}

/// A stored document parsed, unless its shape is far past anything the app
/// writes (then it is unreadable, kept raw like any other).
fn parse_stored(text: &str) -> Result<crate::json::Value, ReadError> {
    crate::json::shape::check(text, &super::backup::SHAPE)
        .map_err(|_| ReadError::Bad("a shape far past what the app writes".into()))?;
    crate::json::parse(text).map_err(|e| ReadError::Bad(e.to_string()))
}

pub(super) fn read_meta(text: &str) -> Result<MetaState, ReadError> {
    let value = parse_stored(text)?;
    check_version(&value)?;
    let doc = MetaDoc::from_json(&value).map_err(|e| ReadError::Bad(e.to_string()))?;
    if doc.kind != META_KIND {
        return Err(ReadError::Bad(format!(
            "kind \"{}\" in the index",
            doc.kind
        )));
    }
    let settings =
        Settings::from_json(&doc.settings).map_err(|e| ReadError::Bad(format!("settings: {e}")))?;
    Ok(MetaState {
        text: Some(text.to_string()),
        settings,
        settings_raw: doc.settings,
        parts: doc.parts,
        deleted: doc.deleted,
        marks: Marks {
            last_backup: doc.last_backup,
            persistence_asked: doc.persistence_asked,
        },
        log_extra: doc.log_extra,
        extra: doc.extra,
    })
}

pub(super) fn read_part(text: &str, month: Month) -> Result<PartState, ReadError> {
    let value = parse_stored(text)?;
    check_version(&value)?;
    let doc = PartDoc::from_json(&value).map_err(|e| ReadError::Bad(e.to_string()))?;
    if doc.kind != PART_KIND || Month::parse(&doc.month) != Some(month) {
        return Err(ReadError::Bad("the part does not match its key".into()));
    }
    let mut part = PartState {
        text: Some(text.to_string()),
        entries: Vec::with_capacity(doc.entries.len()),
        kept: Vec::new(),
        extra: doc.extra,
    };
    for value in &doc.entries {
        match read_entry(value).map_err(ReadError::Bad)? {
            EntryRead::Known(stored) => part.entries.push(stored),
            EntryRead::Kept(kept) => part.kept.push(kept),
        }
    }
    Ok(part)
}

impl MetaState {
    /// A state for these contents, with `text` set to their encoding.
    pub fn new(
        settings: Settings,
        settings_raw: Value,
        parts: SortedMap<String, usize>,
        deleted: SortedSet<u64>,
        marks: Marks,
        log_extra: Extra,
        extra: Extra,
    ) -> MetaState {
        let doc = MetaDoc {
            version: SCHEMA_VERSION,
            kind: META_KIND.into(),
            settings: settings_raw,
            parts,
            deleted,
            last_backup: marks.last_backup,
            persistence_asked: marks.persistence_asked,
            log_extra,
            extra,
        };
        let text = crate::json::to_string(&doc);
        MetaState {
            text: Some(text),
            settings,
            settings_raw: doc.settings,
            parts: doc.parts,
            deleted: doc.deleted,
            marks,
            log_extra: doc.log_extra,
            extra: doc.extra,
        }
    }
}

impl PartState {
    pub fn new(month: Month, entries: Vec<Stored>, kept: Vec<Kept>, extra: Extra) -> PartState {
        let texts = entries
            .iter()
            .map(|s| s.raw.as_str())
            .chain(kept.iter().map(|k| k.raw.as_str()));
        let text = encode_part(SCHEMA_VERSION, month, &extra, texts);
        PartState {
            text: Some(text),
            entries,
            kept,
            extra,
        }
    }

    pub fn count(&self) -> usize {
        self.entries.len() + self.kept.len()
    }
}

/// A rescue file: every stored key of ours, raw, in one JSON document.
pub(super) fn rescue_text(keys: &SortedMap<String, String>, today: NaiveDate) -> String {
    let mut compact = String::new();
    ObjectWriter::new(&mut compact)
        .field("app", "phtrehab")
        .field("kind", "rescue")
        .field("saved", &today)
        .field("note", "Everything the app had stored, exactly as stored. Not a backup: keep it and ask for help restoring it.")
        .field("keys", keys)
        .end();
    // Pretty, so a person or a helper can read it; through a parse of what
    // was just written, which cannot fail.
    crate::json::parse(&compact)
        .map(|v| crate::json::pretty(&v))
        .unwrap_or(compact)
}
