// The four worked examples of rehab-model.md §8, walked through the real
// app over simulated days: what the person is shown each morning (the
// decision and its reason, the stage, what is offered and what is not).
// tests/engine_examples.rs proves the engine decides them; these prove the
// screens say so. Each walks the fewest days that make the point.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import {
  PEOPLE,
  axeViolations,
  decisionsIn,
  doSession,
  exerciseStep,
  importBackup,
  morning,
  nextDay,
  nextStageCard,
  onToday,
  openTab,
  parseDose,
  region,
  screenshot,
  simulatedDate,
  stageLine,
  startStory,
  tips,
  todaysSession,
} from "./days.mjs";

const JUMPS_OR_RUNS = /jump|hop|run/i;

test("example 1: 2/10, a session that feels fine, 7/10 next morning: scaled back, with the reason, and the next Session A is lighter", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, { ...PEOPLE.runner, test: "Single-leg foot-elevated bridge" });

  // Monday: the test at baseline, then Session A, fine during and after.
  const monday = await morning(page, 2);
  assert.deepEqual(monday.decisions, []);
  assert.match(monday.text, /No session yesterday/);
  const sessionA = await todaysSession(page);
  assert.equal(sessionA.title, "Today: Session A");
  const bridgeBefore = sessionA.items.find((i) => i.startsWith("Double-leg bridge "));
  assert.ok(bridgeBefore, sessionA.items.join(" | "));
  await doSession(page, { pain: 2, response: "The same" });
  // Nothing steps up before the next morning, and no exercise is badged
  // "Hold" for it: one plain line says the morning decides.
  assert.deepEqual(await decisionsIn(page, "Today's session"), []);
  assert.match(
    await region(page, "Today's session").innerText(),
    /Pain stayed within your ceiling on every exercise\. Tomorrow morning's check-in decides/,
  );
  const done = await todaysSession(page);
  assert.equal(done.title, "Today: Session A, done");
  assert.equal(done.startable, false, "a finished heavy session is not offered again");

  // Tuesday: 7/10 against a baseline of 2. Each of Monday's exercises is
  // scaled back, and the reason quotes both numbers.
  await nextDay(page);
  assert.match(await region(page, "Morning check-in").innerText(), /It decides what yesterday's session means for today/);
  const tuesday = await morning(page, 7);
  assert.deepEqual(
    tuesday.decisions.map((d) => [d.exercise, d.kind]),
    [
      ["Double-leg bridge", "Scale back"],
      ["Double-leg calf raise", "Scale back"],
    ],
  );
  for (const d of tuesday.decisions) {
    assert.match(d.reason, /foot-elevated bridge test was 7\/10/);
    assert.match(d.reason, /your baseline is 2\/10/);
  }
  // Today repeats them, and it is a rest day.
  assert.deepEqual(await decisionsIn(page, "After this morning's test"), tuesday.decisions);
  assert.equal((await todaysSession(page)).title, "Rest day");

  // Wednesday: Session B, which has no bridge. Thursday: rest.
  await nextDay(page);
  await morning(page, 2);
  const sessionB = await todaysSession(page);
  assert.equal(sessionB.title, "Today: Session B");
  assert.ok(!sessionB.items.some((i) => i.startsWith("Double-leg bridge ")), sessionB.items.join(" | "));
  await doSession(page, { pain: 1, response: "Better" });
  await nextDay(page);
  await morning(page, 2);
  assert.equal((await todaysSession(page)).title, "Rest day");

  // Friday: the next Session A carries a lower bridge dose, and the logger
  // says why, quoting Tuesday's 7/10.
  await nextDay(page);
  await morning(page, 2);
  const nextA = await todaysSession(page);
  assert.equal(nextA.title, "Today: Session A");
  const bridgeAfter = nextA.items.find((i) => i.startsWith("Double-leg bridge "));
  const [before, after] = [parseDose(bridgeBefore), parseDose(bridgeAfter)];
  assert.ok(after.amount < before.amount && after.sets <= before.sets, `${bridgeBefore} -> ${bridgeAfter}`);
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  assert.equal(step.name, "Double-leg bridge");
  assert.equal(parseDose(step.target).amount, after.amount);
  const why = await step.card.getByText(/^Why this dose/).textContent();
  assert.match(why, /^Why this dose: your check-in on Tue 6 Jan\. /);
  assert.match(why, /Scaled back/);
  assert.match(why, /7\/10/);
  assert.match(why, /baseline is 2\/10/);
  // Read on a later day: "that morning's test", not "this morning's".
  assert.match(why, /that morning's foot-elevated bridge test was 7\/10/);
  assert.doesNotMatch(why, /this morning/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "session-why-this-dose");
});

test("case 1, mild runner: stage 2 with flat easy running, no jumps until the gate opens weeks later, then jumps first", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, { ...PEOPLE.runner, test: "Single-leg long-lever foot-elevated bridge" });

  // Day 1: heavy slow resistance straight away, bridges and calf raises,
  // running kept flat and easy; no jumps, and the stage-3 card says why.
  assert.equal(await stageLine(page), "Stage 2 of 4: Heavy slow resistance");
  await morning(page, 2);
  const first = await todaysSession(page);
  assert.equal(first.title, "Today: Session A");
  assert.ok(first.items.some((i) => /bridge/i.test(i)), first.items.join(" | "));
  assert.ok(first.items.some((i) => /calf raise/i.test(i)), first.items.join(" | "));
  assert.ok(!first.items.some((i) => JUMPS_OR_RUNS.test(i) || /\bhold\b/.test(i)), first.items.join(" | "));
  assert.ok((await tips(page)).some((tip) => tip.includes("flat and easy")));
  const gate = await nextStageCard(page);
  assert.equal(gate.title, "Next: stage 3, energy storage");
  assert.ok(gate.checks.some((c) => c.startsWith("Not yet: Advanced one-leg work")), gate.checks.join(" | "));
  await doSession(page, { pain: 1, response: "Better" });

  // Eleven weeks of steady mornings, sessions on Mondays and Thursdays and an
  // easy Saturday run, restored from the engine's simulation
  // (tests/e2e_fixtures.rs) on the morning after a Thursday session.
  await page.clock.setSystemTime(new Date("2026-03-27T08:00:00Z"));
  await page.reload();
  const summary = await importBackup(page, "mild-runner-day-82.json");
  assert.match(summary, /^Backup saved on 2026-03-27: \d+ sessions .* from 2026-01-05 to 2026-03-26\.$/);
  assert.equal(await simulatedDate(page), "2026-03-27");

  // Before the check-in: still stage 2, the gate nearly met.
  assert.equal(await stageLine(page), "Stage 2 of 4: Heavy slow resistance");
  const nearly = await nextStageCard(page);
  assert.deepEqual(
    nearly.checks.map((c) => c.split(":")[0]),
    ["Not yet", "Not yet", "Done"],
    nearly.checks.join(" | "),
  );
  assert.match(nearly.checks[2], /morning tests at or below your baseline/);
  assert.ok(!(await todaysSession(page)).items.some((i) => JUMPS_OR_RUNS.test(i)));

  // This morning's check-in decides Thursday's work: it steps up to the
  // full target, which opens stage 3. Today is a rest day after it.
  const friday = await morning(page, 2);
  assert.ok(friday.decisions.length > 0);
  assert.ok(friday.decisions.some((d) => d.kind === "Progress"), JSON.stringify(friday.decisions));
  for (const d of friday.decisions) assert.notEqual(d.kind, "Scale back");
  assert.equal(await stageLine(page), "Stage 3 of 4: Energy storage");
  // Said on Today the day it happens, and only then.
  await page.getByRole("heading", { name: "You've moved up to stage 3" }).waitFor();
  assert.equal((await todaysSession(page)).title, "Rest day");
  const toRunning = await nextStageCard(page);
  assert.equal(toRunning.title, "Next: stage 4, return to running and sport");
  assert.ok(toRunning.checks.some((c) => /^Not yet: Single-leg maximal jumps/.test(c)), toRunning.checks.join(" | "));

  // Saturday: the next session opens with jumps, while fresh.
  await nextDay(page);
  await morning(page, 2);
  assert.equal(await page.getByRole("heading", { name: /^You've moved up/ }).count(), 0, "told once");
  const withJumps = await todaysSession(page);
  assert.match(withJumps.title, /^Today: Session [AB]$/);
  assert.match(withJumps.items[0], /jump/i, withJumps.items.join(" | "));
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  assert.equal(step.index, 1);
  assert.match(step.name, /jump/i);
});

test("case 2, irritable runner: isometrics and no running; still stage 1 after unsettled mornings, stage 2 on the fifth steady one", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.irritableRunner);

  assert.equal(await stageLine(page), "Stage 1 of 4: Isometrics");
  const holds = await todaysSession(page);
  assert.equal(holds.title, "Today: Isometric holds");
  assert.ok(holds.items.length > 0);
  for (const item of holds.items) assert.match(item, /\d+ x \d+ s hold$/);
  const firstTips = await tips(page);
  assert.ok(firstTips.some((tip) => tip.startsWith("Pause running for now")), firstTips.join(" | "));
  assert.ok(!firstTips.some((tip) => tip.includes("flat and easy")), "running is paused, not advised");
  const gate = await nextStageCard(page);
  assert.equal(gate.title, "Next: stage 2, heavy slow resistance");
  assert.deepEqual(gate.checks, [
    "Not yet: 4 days of holds within your pain ceiling (0 so far)",
    "Not yet: Your last 5 morning tests at or below your baseline",
  ]);

  // Four days of holds, mornings unsettled (3/10 against a baseline of 2).
  const unsettled = [3, 2, 3, 3];
  for (const [i, rating] of unsettled.entries()) {
    if (i > 0) await nextDay(page);
    await morning(page, rating);
    await doSession(page, { pain: 2, response: "The same" });
    assert.equal(await stageLine(page), "Stage 1 of 4: Isometrics");
  }
  // The holds are done; the mornings are not steady yet.
  assert.deepEqual((await nextStageCard(page)).checks, [
    "Done: 4 days of holds within your pain ceiling (4 so far)",
    "Not yet: Your last 5 morning tests at or below your baseline",
  ]);
  assert.match((await todaysSession(page)).text, /Done once today/);

  // Steady mornings: stage 1 through the fourth, stage 2 on the fifth.
  for (let n = 1; n <= 5; n++) {
    await nextDay(page);
    await morning(page, 2);
    if (n < 5) {
      assert.equal(await stageLine(page), "Stage 1 of 4: Isometrics", `steady morning ${n}`);
      assert.equal((await todaysSession(page)).title, "Today: Isometric holds");
    }
  }
  assert.equal(await stageLine(page), "Stage 2 of 4: Heavy slow resistance");
  await page.getByRole("heading", { name: "You've moved up to stage 2" }).waitFor();
  const heavy = await todaysSession(page);
  assert.equal(heavy.title, "Today: Session A");
  assert.ok(heavy.items.some((i) => i.startsWith("Double-leg bridge ")), heavy.items.join(" | "));
  assert.ok(!heavy.items.some((i) => JUMPS_OR_RUNS.test(i)));
  assert.ok(!(await tips(page)).some((tip) => tip.startsWith("Pause running")));
});

test("case 3, desk worker: holds, then stage 2; sitting and walking advice; no jumps or running, even on a log that opens stage 3 for a runner", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.deskWorker);

  assert.equal(await stageLine(page), "Stage 1 of 2: Isometrics");
  const shown = await tips(page);
  const sitting = shown.find((tip) => tip.startsWith("Sitting:"));
  assert.ok(sitting, shown.join(" | "));
  assert.match(sitting, /towel/);
  assert.match(sitting, /30-40 minutes/);
  assert.ok(shown.some((tip) => /^Walk 5-10 minutes every day/.test(tip)), shown.join(" | "));
  assert.ok(!shown.some((tip) => /running/i.test(tip)), shown.join(" | "));
  assert.equal((await nextStageCard(page)).title, "Next: stage 2, heavy slow resistance");

  // Four days of holds with steady mornings (2/10, baseline 3): stage 2 on
  // the fifth morning, and no card for a stage beyond it.
  for (let day = 1; day <= 5; day++) {
    if (day > 1) await nextDay(page);
    await morning(page, 2);
    const offer = await todaysSession(page);
    assert.ok(!offer.items.some((i) => JUMPS_OR_RUNS.test(i)), offer.items.join(" | "));
    if (day < 5) {
      assert.equal(await stageLine(page), "Stage 1 of 2: Isometrics", `day ${day}`);
      await doSession(page, { pain: 2, response: "Better" });
    }
  }
  assert.equal(await stageLine(page), "Stage 2 of 2: Heavy slow resistance");
  assert.equal(await nextStageCard(page), null, "no next stage for everyday life");
  const sessionA = await todaysSession(page);
  assert.equal(sessionA.title, "Today: Session A");
  assert.ok(!sessionA.items.some((i) => JUMPS_OR_RUNS.test(i)), sessionA.items.join(" | "));
  const later = await tips(page);
  assert.ok(later.some((tip) => tip.startsWith("Sitting:")) && later.some((tip) => tip.startsWith("Walk 5-10")), later.join(" | "));

  // The mild runner's eleven weeks, which open stage 3 for a runner at the
  // next check-in, with the goal set to everyday life: stage 2 stays, and
  // the Saturday session is jump-free.
  await page.clock.setSystemTime(new Date("2026-03-27T08:00:00Z"));
  await page.reload();
  await importBackup(page, "mild-runner-day-82.json");
  await openTab(page, "Settings");
  await page.getByRole("group", { name: "What do you want to get back to?" }).getByRole("radio", { name: /^Everyday life/ }).check();
  await page.getByRole("button", { name: "Save answers" }).click();
  await page.getByText(/^Saved\./).waitFor();
  await openTab(page, "Today");
  await onToday(page);
  assert.equal(await nextStageCard(page), null);
  await morning(page, 2);
  assert.equal(await stageLine(page), "Stage 2 of 2: Heavy slow resistance");
  await nextDay(page);
  await morning(page, 2);
  assert.equal(await stageLine(page), "Stage 2 of 2: Heavy slow resistance");
  const saturday = await todaysSession(page);
  assert.match(saturday.title, /^Today: Session [AB]$/);
  assert.ok(saturday.items.length > 0);
  assert.ok(!saturday.items.some((i) => JUMPS_OR_RUNS.test(i)), saturday.items.join(" | "));
  assert.equal(await nextStageCard(page), null);
});
