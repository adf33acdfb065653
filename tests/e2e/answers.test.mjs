// The answers a person gives: the first-run form stores each one as given
// (read back from localStorage), a red flag there stops the plan at once,
// and Settings changes the answers and the baseline, kept across a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appReady, onboard } from "./browser.mjs";
import { axeViolations, openTab, startStory } from "./days.mjs";
import { META, storedDocs, storedEntries } from "./storage-helpers.mjs";

const settingsOf = async (page) => (await storedDocs(page))[META].settings;
const baselines = async (page) => (await storedEntries(page)).filter((e) => e.type === "baseline");

test("the first-run answers are stored as given, and settings change them and the baseline", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, {
    twoLegs: true,
    side: "Right",
    goal: "Sport, sprinting included",
    irritable: ["Sitting for less than 30 minutes hurts", "Running hurts even when slow, short and flat"],
    ceiling: 4,
    equipment: ["A bench, sturdy chair or step", "A barbell"],
    test: "Single-leg RDL",
    baseline: 3,
  });
  const first = await settingsOf(page);
  assert.equal(first.affected, "right");
  assert.equal(first.goal, "sport");
  assert.equal(first.pain_ceiling, 4);
  assert.deepEqual([...first.equipment].sort(), ["barbell", "bench"]);
  assert.deepEqual(first.irritability, {
    pain_at_rest: false,
    pain_lasts_past_next_day: false,
    sitting_under_30_min_hurts: true,
    worsening_for_months: false,
    cannot_run: true,
  });
  assert.deepEqual(first.red_flags.present, []);
  assert.equal(first.start_date, "2026-01-05");
  const [baseline] = await baselines(page);
  assert.deepEqual([baseline.test, baseline.two_legs, baseline.rating], ["rdl", true, 3]);

  // Settings shows the answers as they are, and changes them.
  await openTab(page, "Settings");
  const answers = page.getByRole("region", { name: "Your answers" });
  const side = answers.getByRole("group", { name: "Which side hurts?" });
  assert.equal(await side.getByRole("radio", { name: "Right", exact: true }).isChecked(), true);
  const goal = answers.getByRole("group", { name: "What do you want to get back to?" });
  assert.equal(await goal.getByRole("radio", { name: "Sport, sprinting included" }).isChecked(), true);
  const ceiling = answers.getByRole("group", { name: "Your pain ceiling during exercise" });
  assert.equal(await ceiling.getByRole("radio", { name: "4", exact: true }).isChecked(), true);
  assert.equal(await answers.getByRole("checkbox", { name: "A barbell" }).isChecked(), true);
  assert.deepEqual(await axeViolations(page), [], "settings");
  await side.getByRole("radio", { name: "Both", exact: true }).check();
  await ceiling.getByRole("radio", { name: "2", exact: true }).check();
  await answers.getByRole("checkbox", { name: "A barbell" }).uncheck();
  await answers.getByRole("checkbox", { name: "A resistance band" }).check();
  await answers.getByRole("button", { name: "Save answers" }).click();
  await answers.getByRole("status").filter({ hasText: "Saved. Your plan follows these from today on; past days keep the answers they had." }).waitFor();
  const changed = await settingsOf(page);
  assert.equal(changed.affected, "both");
  assert.equal(changed.goal, "sport");
  assert.equal(changed.pain_ceiling, 2);
  assert.deepEqual([...changed.equipment].sort(), ["band", "bench"]);
  assert.deepEqual(changed.irritability, first.irritability, "what Settings does not show is kept");

  // A new baseline needs a rating first, then applies from today.
  const card = page.getByRole("region", { name: "Self-test and baseline" });
  assert.equal(await card.getByRole("radio", { name: "Single-leg RDL" }).isChecked(), true);
  await card.getByRole("radio", { name: "Single-leg bridge", exact: true }).check();
  await card.getByRole("button", { name: "Set new baseline" }).click();
  await card.getByRole("status").filter({ hasText: "Rate the test first, 0 to 10." }).waitFor();
  assert.equal((await baselines(page)).length, 1, "nothing saved without a rating");
  await card.getByRole("group", { name: /Do it once now/ }).getByRole("radio", { name: "5", exact: true }).check();
  await card.getByRole("button", { name: "Set new baseline" }).click();
  await card.getByRole("status").filter({ hasText: "New baseline saved." }).waitFor();
  const latest = (await baselines(page)).at(-1);
  assert.deepEqual([latest.test, latest.two_legs, latest.rating], ["bridge", false, 5]);
  await card.getByText("Now: bridge, baseline 5/10.", { exact: false }).waitFor();

  // After a reload, Settings shows the saved answers.
  await page.reload();
  await appReady(page);
  await openTab(page, "Settings");
  assert.equal(await side.getByRole("radio", { name: "Both", exact: true }).isChecked(), true);
  assert.equal(await goal.getByRole("radio", { name: "Sport, sprinting included" }).isChecked(), true);
  assert.equal(await ceiling.getByRole("radio", { name: "2", exact: true }).isChecked(), true);
  assert.equal(await answers.getByRole("checkbox", { name: "A resistance band" }).isChecked(), true);
  assert.equal(await answers.getByRole("checkbox", { name: "A barbell" }).isChecked(), false);
});

test("a red flag ticked on the first-run form stops the plan and says to see a clinician", async (t) => {
  const { page } = await startStory(t);
  const flag = "Numbness, tingling or weakness spreading below the knee";
  await onboard(page, { redFlags: [flag] });
  assert.deepEqual((await settingsOf(page)).red_flags.present, ["numbness_below_knee"]);
  const alert = page.getByRole("alert").filter({ hasText: "Please see a clinician" });
  await alert.getByText(flag).waitFor();
});
