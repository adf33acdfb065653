// Moving between screens moves keyboard and screen-reader focus to the new
// screen's heading, as a new page would: the tab or button that was pressed
// is gone or elsewhere, and focus left on it would strand the person.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, onToday, openTab, startStory } from "./days.mjs";

/** The focused element's tag and text, once focus has settled. */
async function focused(page) {
  return page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const el = document.activeElement;
            done({ tag: el?.tagName ?? "", text: (el?.textContent ?? "").trim(), inApp: !!el?.closest("#app") });
          }),
        ),
      ),
  );
}

test("each tab and the way back to Today put focus on the new screen's heading", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await onToday(page);

  for (const [tab, heading] of [
    ["History", /history/i],
    ["Plan", /plan/i],
    ["Learn", /learn|contents/i],
    ["Settings", /^Your answers$/],
  ]) {
    await openTab(page, tab);
    const now = await focused(page);
    assert.equal(now.tag, "H2", `${tab}: focus is on ${now.tag} "${now.text}"`);
    assert.ok(now.inApp, `${tab}: the heading is the screen's`);
    assert.match(now.text, heading, `${tab}: focus is on "${now.text}"`);
  }

  await openTab(page, "Today");
  const home = await focused(page);
  assert.equal(home.tag, "H2");
  assert.ok(home.inApp);

  // A button that changes screen, not only the tabs.
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  const checkIn = await focused(page);
  assert.deepEqual([checkIn.tag, checkIn.text], ["H2", "Morning check-in"]);

  // Headings stay out of the tab order: focusable by script only.
  const tabindex = await page.evaluate(() => document.activeElement.getAttribute("tabindex"));
  assert.equal(tabindex, "-1");
});
