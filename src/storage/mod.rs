//! Persistence of the rehab log: versioned documents behind a small store trait.
