//! Persistence of the rehab log: versioned documents behind a small store trait.
//!
//! # Shape
//! - [`KeyValue`] is the port: `LocalStore` (browser localStorage, wasm
//!   only) and [`MemoryStore`] (fallback and test double that can be told
//!   to run out of quota or to throw).
//! - [`Repository`] owns one store and knows, key by key, what this tab
//!   last read or wrote there. The log is split by month
//!   (`phtrehab:entries:YYYY-MM`) plus an index (`phtrehab:meta`), all
//!   versioned; see [`layout`].
//!
//! # How the shell uses it
//! 1. `browser::open()` gives the repository and starts a [`Loading`]
//!    (read across tasks, see [`load`]) that ends in `Some(log)`, or `None`
//!    for onboarding or the recovery screen, depending on
//!    [`Repository::notices`]. It falls back to [`MemoryStore`] (with
//!    [`Notice::InMemoryOnly`]) when localStorage cannot be used.
//! 2. Every change is an `Edit`: [`Repository::note_edit`] then apply it,
//!    then, under `browser::locked`, [`Repository::commit`]`(&mut log,
//!    seq)`. If another tab wrote since, `log` becomes what is stored plus
//!    this tab's pending edits (see [`journal`]); then [`Repository::save`]
//!    writes only the documents that changed, all or nothing. After the
//!    first save of a new log, `browser::set_had_data_marker()`.
//! 3. `browser::on_storage_change`: with a log, commit again with no
//!    `seq` (read in what the other tab wrote); with no log yet
//!    (onboarding in two tabs), [`Repository::load`] instead. After a
//!    failed save, retry on any storage change, visibility change, a
//!    back-off timer, and (unlocked) on `pagehide`; from `pagehide` until
//!    `pageshow` every save is unlocked, as the lock's grant would come
//!    too late.
//! 4. Show [`Repository::notices`], plus [`durability::backup_due`] and
//!    [`durability::usage_text`], each with [`Notice::message`] at its
//!    [`Level`]. Recovery screen: [`Repository::rescue_file`] to download
//!    (`browser::download`), then [`Repository::discard_unreadable`].
//! 5. Once there is data ([`durability::should_request_persistence`]):
//!    `browser::request_persistence`, then
//!    [`Repository::record_persistence_asked`] and a save.
//! 6. Backups: [`Repository::export_backup`] then
//!    [`Repository::record_backup`] and a save; import with [`parse_backup`] on the
//!    file's bytes as read (`File.arrayBuffer()`, not `text()`, so a file
//!    that is not UTF-8 is refused rather than misread; show
//!    [`Preview::summary`]) then [`Repository::import_backup`]; errors have
//!    [`ImportError::message`]. CSV: [`sessions_csv`], [`checkins_csv`].
//!    A backup is held to the same rules as every edit
//!    (`engine::limits`), so what the app stores it restores.
//! 7. The engine's `Log::next_id` cannot see entries kept for a newer
//!    version nor the ids of deleted entries; a save moves a new entry
//!    that took one of them to a free id (in `SaveReport::renumbered`), so
//!    ids are never shared nor reused. [`Repository::next_id`] avoids them
//!    in the first place. Ids never pass `engine::limits::MAX_ID`: past it
//!    nothing new is added rather than an id wrapping round.
//!
//! # Guarantees
//! - Nothing unreadable is written over: a key that does not decode is kept
//!   raw ([`Repository::unreadable`], [`Repository::rescue_file`]) and
//!   skipped by every save until the user discards it.
//! - A store from a newer version is never written.
//! - Unknown fields survive: every entry keeps the JSON it was read as and
//!   is written back as read while unchanged; entries of unknown types are
//!   kept raw in their part and in backups.
//! - A failed save keeps the log in memory and says so; a failed import
//!   restores every key it touched.
//! - Two tabs: saves are serialised by the Web Locks API and each re-reads
//!   what the previous one wrote (see `browser::locked` for why that needs
//!   a count in IndexedDB); pending edits are replayed onto it. Without
//!   Web Locks (or from `pagehide`) saves still re-read and replay, but are
//!   not serialised: two at the same moment can lose one.
//!   [`Repository::save`] keeps the older merge by id (see [`merge`]) for
//!   stores shared with no lock at all; deletions are listed in the index, so an entry
//!   lost to two tabs writing at once is written back, not taken as
//!   deleted.

pub mod backup;
pub mod csv;
pub mod durability;
pub mod journal;
pub mod kv;
pub mod layout;
mod load;
pub mod memory;
pub mod merge;
pub mod migrate;
pub mod notice;
mod repo;
mod save;
mod state;
mod status;
mod sync;
mod transfer;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod local;

pub use backup::{parse_backup, Backup, ImportError, Preview};
pub use csv::{checkins_csv, csv_filename, sessions_csv};
pub use journal::{replay, Pending};
pub use kv::{KeyValue, KvError};
pub use load::{Begun, Loading};
#[cfg(target_arch = "wasm32")]
pub use local::LocalStore;
pub use memory::MemoryStore;
pub use notice::{Level, Notice};
pub use repo::{Repository, Unreadable};
pub use save::{SaveError, SaveReport};
pub use sync::SyncReport;
