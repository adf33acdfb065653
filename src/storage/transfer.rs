//! Export and import of whole backups through the repository.

use super::backup::{backup_filename, backup_text, parse_backup, Backup, ImportError};
use super::kv::KeyValue;
use super::layout::{encode_log, entry_text, settings_value, Stored};
use super::repo::{states_of, stored_order, Repository};
use crate::engine::model::Log;
use crate::sorted::SortedMap;
use chrono::NaiveDate;

impl<S: KeyValue> Repository<S> {
    /// The backup file for `log` as `(filename, JSON)`. Entries kept for a
    /// newer version go in too, so a backup never loses what this build
    /// cannot show. Call [`Repository::record_backup`] (and save) once it is saved.
    pub fn export_backup(&self, log: &Log, today: NaiveDate) -> (String, String) {
        (
            backup_filename(today),
            backup_text(&self.log_json(log), today),
        )
    }

    /// The log as one JSON document, unchanged entries exactly as stored.
    pub fn log_json(&self, log: &Log) -> String {
        let stored: SortedMap<u64, &Stored> =
            self.stored_entries().map(|s| (s.entry.id, s)).collect();
        let settings = settings_value(
            &log.settings,
            self.meta.as_ref().map(|m| (&m.settings, &m.settings_raw)),
        );
        let entries = log
            .entries
            .iter()
            .map(|e| entry_text(e, stored.get(&e.id).copied()))
            .chain(self.kept_entries().map(|k| k.raw.clone()));
        encode_log(settings, &log.extra, entries)
    }

    /// Check a backup file and, if it is valid, replace the stored log
    /// with it. Any failure leaves the store exactly as it was.
    pub fn import_text(&mut self, text: &str) -> Result<Log, ImportError> {
        let backup = parse_backup(text.as_bytes())?;
        self.import_backup(&backup)
    }

    /// Replace the stored log with a checked backup (see
    /// [`super::parse_backup`] for the preview to show first).
    pub fn import_backup(&mut self, backup: &Backup) -> Result<Log, ImportError> {
        if self.newer.is_some() {
            return Err(ImportError::NewerDataStored);
        }
        if !self.unreadable.is_empty() {
            return Err(ImportError::UnreadableDataFirst);
        }
        // Everything stored now and not in the backup is deleted, so other
        // tabs drop it rather than write it back.
        let mut deleted = self
            .meta
            .as_ref()
            .map(|m| m.deleted.clone())
            .unwrap_or_default();
        deleted.extend(self.stored_entries().map(|s| s.entry.id));
        for id in backup.decoded.log.entries.iter().map(|e| e.id) {
            deleted.remove(&id);
        }
        for kept in &backup.decoded.kept {
            deleted.remove(&kept.id);
        }
        let (meta, parts) = states_of(&backup.decoded, self.marks, deleted);
        self.write_all(meta, parts, true)
            .map_err(ImportError::Storage)?;
        if self.store.remove(super::layout::LEGACY_KEY).is_err() {
            self.legacy_pending = true;
        }
        self.save_error = None;
        // The backup is what the user restores after losing data.
        self.dismiss_vanished();
        Ok(stored_order(backup.decoded.log.clone()))
    }
}
