// Each leg's own morning (issue 12 point 2): with both legs sore and a
// one-leg self-test, the check-in asks for one tap per leg, left first;
// each leg's work follows its own morning, and the reasons name the leg.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, axeViolations, doSession, nextDay, onToday, openTab, region, startStory } from "./days.mjs";

const DECISIONS = "What this means for yesterday's exercises";

/** Rate each leg on the check-in (left, then right) and save. */
async function legsMorning(page, left, right) {
  await onToday(page);
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  const groups = page.getByRole("group", { name: /^(Left|Right) leg: how much did the .* hurt, 0 to 10\?$/ });
  assert.deepEqual(
    (await groups.evaluateAll((gs) => gs.map((g) => g.querySelector("legend").textContent.trim()))).map((l) => l.split(":")[0]),
    ["Left leg", "Right leg"],
    "one scale per leg, left first",
  );
  assert.equal(await page.getByRole("group", { name: /^How much did the/ }).count(), 0, "no one-rating scale");
  const save = page.getByRole("button", { name: "Save check-in" });
  await groups.nth(0).getByRole("radio", { name: new RegExp(`^${left}(,|$)`) }).check();
  assert.equal(await save.isDisabled(), true, "both legs are rated before saving");
  assert.deepEqual(await axeViolations(page), [], "the two-leg check-in");
  await groups.nth(1).getByRole("radio", { name: new RegExp(`^${right}(,|$)`) }).check();
  await save.click();
  await page.getByRole("heading", { name: DECISIONS }).waitFor();
  return (await region(page, DECISIONS).innerText()).replace(/\s+/g, " ");
}

test("both legs sore: one tap per leg, and each leg's work follows its own morning", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, { ...PEOPLE.runner, side: "Both", test: "Single-leg bridge" });
  await legsMorning(page, 2, 2);
  await page.getByRole("button", { name: "Back to today" }).click();
  await doSession(page, { pain: 1, response: "Better" });

  await nextDay(page);
  const said = await legsMorning(page, 5, 2);
  // Two-leg work follows the worse leg, and says which leg that was.
  assert.match(said, /left-leg bridge test was 5\/10/, said);
  assert.doesNotMatch(said, /Stepped up/, said);

  await page.getByRole("button", { name: "Back to today" }).click();
  const call = (await region(page, "Today's plan follows this morning").innerText()).replace(/\s+/g, " ");
  assert.match(call, /left-leg bridge test was 5\/10, well above your baseline of 2\/10/, call);

  // History shows both legs, and corrects each on its own: the left leg
  // was really 2/10, so today's plan no longer changes.
  await openTab(page, "History");
  await page.getByText("Morning check-in: left 5/10, right 2/10").waitFor();
  await page.getByRole("button", { name: "Correct morning check-in, Tue 6 Jan" }).click();
  const fix = page.getByRole("group", { name: "Correct the morning check-in of Tue 6 Jan" });
  await fix.getByRole("group", { name: /^Left leg's morning test/ }).getByRole("radio", { name: "2, your baseline" }).check();
  await fix.getByRole("button", { name: "Save correction" }).click();
  await page.getByText("Morning check-in: left 5/10, right 2/10").waitFor({ state: "detached" });
  assert.equal(await page.getByText("Morning check-in: left 2/10, right 2/10").count(), 2, "Monday's and the corrected Tuesday's");
  await openTab(page, "Today");
  await onToday(page);
  assert.equal(await region(page, "Today's plan follows this morning").count(), 0);
});

test("one sore leg keeps the one-rating check-in", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, { ...PEOPLE.runner, test: "Single-leg bridge" });
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  await page.getByRole("group", { name: /^How much did the .* hurt, 0 to 10\?$/ }).waitFor();
  assert.equal(await page.getByRole("group", { name: /^(Left|Right) leg:/ }).count(), 0);
});
