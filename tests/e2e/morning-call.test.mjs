// Today's morning governs today (issue 12): a morning well above baseline
// changes that day's plan even with no session the day before, and Today
// and the logger both say why, with the numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, morning, onToday, region, startStory } from "./days.mjs";

test("a 7/10 first morning changes today's plan, and Today and the logger say why", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await morning(page, 7);
  await onToday(page);
  const call = region(page, "Today's plan follows this morning");
  const text = (await call.innerText()).replace(/\s+/g, " ");
  assert.match(text, /7\/10/, text);
  assert.match(text, /baseline of 2\/10/, text);
  assert.match(text, /Today (is a little lighter|stays at the dose you last did)/, text);

  await page.getByRole("button", { name: "Start session" }).click();
  const why = page.getByText(/7\/10.*baseline of 2\/10/).first();
  await why.waitFor();
});
