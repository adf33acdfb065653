//! The engine's tunable numbers, each named, documented and sourced.
//!
//! `docs/engine.md` has the same list as a traceability table; keep the two
//! in step when a number changes.

/// Default tolerable pain during exercise (`000_…`: 3/10 or 5/10; `004_…`: 2-3/10).
pub const DEFAULT_PAIN_CEILING: u8 = 3;
/// The highest ceiling a user may pick; Silbernagel 2007 allows up to 5/10.
pub const MAX_PAIN_CEILING: u8 = 5;

/// Morning test this many points above baseline, or more, is a large flare:
/// scale back at once (`000_…`: 2/10 to 7/10 means scale back).
pub const LARGE_FLARE_POINTS: u8 = 3;
/// Pain during this far above the ceiling trims the dose rather than holding
/// it (`000_…`: "scale back the volume or intensity").
pub const PAIN_OVER_CEILING_SCALE_BACK: u8 = 3;
/// A second scale back on the same exercise within this many days is a
/// repeated flare: one level down the ladder (rehab-model §3).
pub const REPEAT_FLARE_WINDOW_DAYS: i64 = 14;

/// Silbernagel's weekly rule: the mean morning rating (above baseline) of the
/// last 7 days may not rise over the 7 days before by more than this.
pub const WEEKLY_RISE_TOLERANCE: f32 = 0.5;
/// Mornings needed in each of the two weeks before the weekly rule applies.
pub const WEEKLY_TREND_MIN_MORNINGS: usize = 3;

/// One run of mornings above baseline (an episode) takes a leg at most this
/// many levels down its ladder, however long it lasts (issue 12 point 6).
/// Clinical judgement: Silbernagel 2007 accepts stable symptoms, so a long
/// plateau must not detrain level by level; one level is the seeds' own
/// response to a repeated flare (`000_…`, rehab-model §3).
pub const MAX_LEVELS_DOWN_PER_EPISODE: usize = 1;
/// Weeks of mornings sitting above baseline without climbing before the plan
/// suggests a new baseline or a clinician. Clinical judgement: three weekly
/// comparisons is the shortest run that is a plateau rather than noise, and
/// well short of the "no improvement over many weeks" red flag (rehab-model §7).
pub const FLAT_WEEKS_BEFORE_REVIEW: i64 = 3;

/// Mornings at or below baseline, in a row, that count as "stable".
pub const STABLE_MORNINGS: usize = 5;
/// Isometric session days, within the ceiling, before stage 2 opens
/// (`000_…` case 2: isometrics first, then heavy slow resistance once tolerated).
pub const ISOMETRIC_DAYS_BEFORE_STAGE_2: usize = 4;
/// Any "yes" to the irritability questions starts at stage 1 (rehab-model §4).
pub const IRRITABLE_MIN_ANSWERS: usize = 1;

/// Pain during that counts as "minimal" for the stage-3 gate (`000_…`, `004_…`:
/// minimal or no pain on advanced stage-2 work such as the single-leg RDL).
pub const MINIMAL_PAIN: u8 = 1;
/// Left and right must be within this share of each other's volume (reps x
/// load) on one-leg work for the stage-3 gate ("comparable strength", `000_…`).
pub const SYMMETRY_TOLERANCE: f32 = 0.10;
/// How recent the advanced stage-2 work must be to open stage 3.
pub const GATE_LOOKBACK_DAYS: i64 = 14;

/// Deep hip flexion (compressive work) opens once the foot-elevated
/// long-lever bridge ladder reaches this 0-based level, the single-leg bridge,
/// on both legs: Rich et al. 2025 (via `003_…`) put compressive load after
/// isotonic and kinetic-chain work; `002_…` keeps deep flexion out early.
pub const DEEP_FLEXION_AFTER_LEVEL: usize = 2;

/// Running waits for the single-leg hamstring bridge at its target on both
/// legs, left and right even (`001_…`: equal single-leg hamstring bridges
/// before running again); this catalogue exercise is that bridge.
pub const RUNNING_BRIDGE: &str = "fe_ll_bridge_single";
/// The same check without a bench for the heel: the single-leg bridge
/// from the floor (clinical judgement: the nearest one-leg bridge the user
/// can do, so the gate never waits on equipment).
pub const RUNNING_BRIDGE_FLOOR: &str = "single_leg_bridge";

/// Heavy slow resistance 2-3 times a week with a rest day between (`000_…`).
pub const MAX_HEAVY_SESSIONS_PER_WEEK: usize = 3;
/// Isometrics may be done up to three times a day (`000_…`).
pub const MAX_ISOMETRIC_SESSIONS_PER_DAY: usize = 3;
/// Runs in return to running: at most this many a week, never two days running.
pub const MAX_RUNS_PER_WEEK: usize = 3;
/// In return to running, days a week with neither a heavy session nor a run
/// (rehab-model §4: runs are tendon loading too; at least two days without).
pub const MIN_REST_DAYS_PER_WEEK: usize = 2;
/// Rest between isometric holds, in seconds (`000_…`: 2 minutes).
pub const HOLD_REST_SECONDS: u32 = 120;

/// Sitting this long in a day calls for the sitting advice (`003_…`, `000_…`).
pub const LONG_SITTING_HOURS: f32 = 4.0;
/// Standing breaks: 2-5 minutes every 30-40 minutes (`003_…`).
pub const SITTING_BREAK_EVERY_MINUTES: (u8, u8) = (30, 40);
/// Provocative exposures on one day that make the next morning hard to
/// attribute (`000_…`): rehab, a demanding run, long sitting, deep stretching, sport.
pub const CONFOUNDER_EXPOSURES: usize = 2;
/// A run longer than this counts as a demanding exposure even when flat and easy.
pub const LONG_RUN_MINUTES: u16 = 45;
/// How far back the advice looks for long sitting or runs.
pub const ADVICE_LOOKBACK_DAYS: i64 = 3;
/// Remind about the morning check-in when there are this many sessions in a
/// row without one.
pub const MISSING_CHECKINS_NUDGE: usize = 2;

/// Heavy slow resistance tempo, seconds up and down (Beyer 2015 via
/// rehab-model §4); the exercise demonstrations pace their reps to it.
pub const HSR_SECONDS_UP: u8 = 3;
pub const HSR_SECONDS_DOWN: u8 = 3;
/// The most hip flexion, in degrees, a demonstration may draw for an
/// exercise the catalogue marks neutral (the unloaded bottom of a floor
/// bridge), and for one it marks moderate (up to about a right angle, as in
/// a hip thrust or a short hinge); past it is deep. Clinical judgement: the
/// seeds name the levels (`002_…`, `003_…`) but no angles.
pub const NEUTRAL_HIP_FLEXION_MAX_DEGREES: u8 = 50;
pub const MODERATE_HIP_FLEXION_MAX_DEGREES: u8 = 95;

/// The self-test moves up (rehab-model §3): the span over which mornings
/// must sit at or under baseline, on one test, before a harder test is
/// suggested. Clinical judgement: four weeks is long enough that a settled
/// test is not a lucky fortnight, and matches the stage-2 progression pace
/// of `000_…` (weeks, not days). See docs/engine.md.
pub const SELF_TEST_REVIEW_DAYS: i64 = 28;
/// Mornings checked within that span (about five days a week): a test
/// rarely done says little. Clinical judgement.
pub const SELF_TEST_REVIEW_MIN_MORNINGS: usize = 20;
/// Days within that span with training beyond the next test done with
/// minimal pain: "grown well past it" is more than one good day. Clinical
/// judgement (about one heavy session a week).
pub const SELF_TEST_EVIDENCE_DAYS: usize = 4;
