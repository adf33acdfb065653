//! The writers of the log model's types: each field in the order and with
//! the names `model.rs` declares, left out where the derived `Serialize`
//! skips it, `extra` fields last.

use crate::engine::model::*;
use crate::json::{ObjectWriter, ToJson};

impl ToJson for Log {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("version", &self.version)
            .field("settings", &self.settings)
            .field("entries", &self.entries)
            .fields(&self.extra)
            .end();
    }
}

impl ToJson for Settings {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("affected", &self.affected)
            .field("goal", &self.goal)
            .field("pain_ceiling", &self.pain_ceiling)
            .field("equipment", &self.equipment)
            .field("irritability", &self.irritability)
            .field("red_flags", &self.red_flags)
            .field("start_date", &self.start_date)
            .field_if(self.morning_reminder, "morning_reminder", &true)
            .fields(&self.extra)
            .end();
    }
}

impl ToJson for Irritability {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("pain_at_rest", &self.pain_at_rest)
            .field("pain_lasts_past_next_day", &self.pain_lasts_past_next_day)
            .field(
                "sitting_under_30_min_hurts",
                &self.sitting_under_30_min_hurts,
            )
            .field("worsening_for_months", &self.worsening_for_months)
            .field("cannot_run", &self.cannot_run)
            .fields(&self.extra)
            .end();
    }
}

impl ToJson for RedFlagAnswers {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("present", &self.present)
            .fields(&self.extra)
            .end();
    }
}

impl ToJson for Entry {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        o.field("id", &self.id).field("date", &self.date);
        // The kind's tag and fields sit beside the id and date.
        match &self.kind {
            EntryKind::Session(s) => {
                o.field("type", "session")
                    .field("blocks", &s.blocks)
                    .field_if(s.response.is_some(), "response", &s.response)
                    .field_if(s.note.is_some(), "note", &s.note)
                    .fields(&s.extra);
            }
            EntryKind::Morning(m) => {
                o.field("type", "morning")
                    .field("rating", &m.rating)
                    .fields(&m.extra);
            }
            EntryKind::Baseline(b) => {
                o.field("type", "baseline")
                    .field("test", &b.test)
                    .field("two_legs", &b.two_legs)
                    .field("rating", &b.rating)
                    .fields(&b.extra);
            }
            EntryKind::Activity(a) => {
                o.field("type", "activity");
                activity(&a.kind, &mut o);
            }
            EntryKind::Flare(f) => {
                o.field("type", "flare").fields(&f.extra);
            }
            EntryKind::RedFlag(r) => {
                o.field("type", "red_flag")
                    .field("flag", &r.flag)
                    .fields(&r.extra);
            }
            EntryKind::RedFlagCleared(r) => {
                o.field("type", "red_flag_cleared").fields(&r.extra);
            }
        }
        o.end();
    }
}

fn activity(kind: &ActivityKind, o: &mut ObjectWriter) {
    match kind {
        ActivityKind::Run {
            km,
            minutes,
            hills,
            fast,
        } => o
            .field("what", "run")
            .field("km", km)
            .field("minutes", minutes)
            .field("hills", hills)
            .field("fast", fast),
        ActivityKind::Sitting { hours } => o.field("what", "sitting").field("hours", hours),
        ActivityKind::Cycling { minutes } => o.field("what", "cycling").field("minutes", minutes),
        ActivityKind::Sport { minutes } => o.field("what", "sport").field("minutes", minutes),
        ActivityKind::Walk { minutes } => o.field("what", "walk").field("minutes", minutes),
        ActivityKind::Stretching { deep_hip_flexion } => o
            .field("what", "stretching")
            .field("deep_hip_flexion", deep_hip_flexion),
    };
}

impl ToJson for Block {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("ex", &self.exercise)
            .field("side", &self.side)
            .field("sets", &self.sets)
            .fields(&self.extra)
            .end();
    }
}

impl ToJson for SetLog {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out)
            .field("n", &self.n)
            .field_if(self.kg != 0.0, "kg", &self.kg)
            .field("pain", &self.pain)
            .field_if(self.effort.is_some(), "effort", &self.effort)
            .end();
    }
}
