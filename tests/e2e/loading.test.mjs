// Loading on any day (issue 14 point 5): runs, walks, sitting, cycling and
// sport are logged from Today for today or yesterday, listed with an undo,
// and counted in the next morning's confounder note. The form is its own
// part of Today: what is typed in it survives the plan being redrawn.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, doSession, lookAtBothSizes, morning, nextDay, onToday, region } from "./days.mjs";
import { startStory } from "./days.mjs";

const FORM = "Other loading (optional)";
const LOGGED = "Loading logged";

async function logged(page) {
  const list = region(page, LOGGED);
  if ((await list.count()) === 0) return [];
  return (await list.getByRole("listitem").allTextContents()).map((s) => s.replace(/\s+/g, " ").replace(/ Undo$/, "").trim());
}

test("loading logged from Today for today or yesterday is listed, can be undone, and explains the next morning", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await morning(page, 2);
  await doSession(page, { pain: 1, response: "Better" });

  const form = region(page, FORM);
  const save = form.getByRole("button", { name: "Save loading" });
  // Nothing filled in: nothing saved, and it says so.
  await save.click();
  await form.getByRole("status").filter({ hasText: /^Nothing filled in yet, so nothing was saved\.$/ }).waitFor();

  // Today's fast run, saved as one.
  assert.equal(await form.getByRole("radio", { name: "Today" }).isChecked(), true, "today is the default day");
  await form.getByLabel("Distance (km)").fill("6");
  // Typed, not yet saved: a redraw of the plan's cards (another tab or this
  // one marking a flare day) leaves the field as typed.
  await page.getByRole("button", { name: "Mark today as a flare day" }).click();
  await region(page, "Bad day?").getByText(/^Today is marked as a flare day/).waitFor();
  assert.equal(await form.getByLabel("Distance (km)").inputValue(), "6", "typed text survives the redraw");
  await form.getByLabel("Time (minutes)").fill("35");
  await form.getByRole("checkbox", { name: "Fast running or sprints" }).check();
  await save.click();
  await form.getByRole("status").filter({ hasText: /^Saved\.$/ }).waitFor();
  assert.equal(await form.getByLabel("Distance (km)").inputValue(), "", "emptied once saved");
  assert.deepEqual(await logged(page), ["Today: Run: 6 km in 35 min, fast"]);

  // Yesterday's walk and sitting, from the same form in one save.
  await form.getByRole("radio", { name: "Yesterday" }).check();
  await form.getByLabel("Walking (minutes)").fill("40");
  await form.getByLabel("Hours of sitting").fill("9");
  await save.click();
  await form.getByRole("status").filter({ hasText: /^Saved\.$/ }).waitFor();
  const all = await logged(page);
  assert.equal(all.length, 3, JSON.stringify(all));
  assert.ok(all.includes("Yesterday: Walk: 40 min"), JSON.stringify(all));
  assert.ok(all.includes("Yesterday: Sitting: 9 hours"), JSON.stringify(all));

  // A mis-tap is undone from the list.
  await page.getByRole("button", { name: "Undo Yesterday: Walk: 40 min" }).click();
  await form.getByRole("status").filter({ hasText: /^Taken back\.$/ }).waitFor();
  assert.deepEqual((await logged(page)).sort(), ["Today: Run: 6 km in 35 min, fast", "Yesterday: Sitting: 9 hours"]);

  const found = {};
  await page.getByRole("heading", { name: LOGGED }).scrollIntoViewIfNeeded();
  await lookAtBothSizes(page, "today-loading", found);
  assert.deepEqual(found, {}, "axe on Today with the loading card");

  // The next morning is above baseline: the note names the session and
  // the fast run logged from Today, and the run is now yesterday's.
  await nextDay(page);
  await onToday(page);
  assert.deepEqual((await logged(page)).sort(), ["Yesterday: Run: 6 km in 35 min, fast"]);
  const shown = await morning(page, 5, { stay: true });
  assert.match(shown.text, /The day before your 5\/10 morning had a rehab session and fast running\./, shown.text);
  // The check-in's form is about yesterday only.
  const checkinForm = region(page, "Yesterday's other loading (optional)");
  assert.equal(await checkinForm.getByRole("radio").count(), 0);
  await checkinForm.getByRole("button", { name: "Save yesterday's loading" }).waitFor();
});
