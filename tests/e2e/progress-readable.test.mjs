// Readable progress (issue 14 point 8), on the mild runner's eleven weeks:
// History's left-against-right table fits 320 px with no word-a-line
// cells, the pain chart opens on more than one point, a session's note is
// listed, and the plan map opens at the current stage with the others
// folded. axe-clean and pictured at 390x844 and 320x640, light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { onboard } from "./browser.mjs";
import {
  PEOPLE,
  SCREENS,
  axeViolations,
  doStep,
  importBackup,
  morning,
  nextDay,
  onToday,
  openTab,
  region,
  screenshot,
  startStory,
  todaysSession,
  SIZES,
  lookAtBothSizes,
} from "./days.mjs";

/** Cells of a table whose text runs about one word a line, as "text (n lines)". */
async function wordALine(table) {
  return table.evaluate((el) =>
    [...el.querySelectorAll("th, td")]
      .map((cell) => {
        const words = cell.textContent.trim().split(/\s+/).length;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { text: cell.textContent.trim(), words, lines: tops.size };
      })
      .filter((c) => c.lines > 1 && c.words / c.lines < 1.5)
      .map((c) => `${c.text} (${c.lines} lines)`),
  );
}

test("history and the plan map read well at 320 px: legs side by side in words, notes listed, the map at the current stage", async (t) => {
  const { page } = await startStory(t, { date: "2026-03-27" });
  await onboard(page, PEOPLE.runner);
  await importBackup(page, "mild-runner-day-82.json");
  const found = {};

  // A session with a note, on the next loading day.
  await morning(page, 2);
  for (let i = 0; i < 3 && !(await todaysSession(page)).startable; i++) {
    await nextDay(page);
    await morning(page, 2);
  }
  await page.getByRole("button", { name: /^(Start|Resume) session$/ }).click();
  for (;;) {
    const step = await doStep(page, 1);
    if (step.index === step.count) break;
    await page.getByRole("button", { name: "Next exercise" }).click();
    await page.getByRole("heading", { level: 2, name: new RegExp(`^${step.index + 1} of `) }).waitFor();
  }
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("radio", { name: "Better", exact: true }).check();
  await page.getByLabel("Note (optional)").fill("Hamstring felt strong on the hinges.");
  await page.getByRole("button", { name: "Save and finish" }).click();
  await onToday(page);

  await openTab(page, "History");
  await page.getByRole("heading", { name: "History", exact: true }).waitFor();
  await region(page, "Your entries").getByText("Note: Hamstring felt strong on the hinges.").waitFor();

  // The pain chart's default span shows a line, not one lone point.
  const dots = await page.locator("#pain-chart .dot").count();
  assert.ok(dots > 1, `the pain chart opens on ${dots} point(s)`);

  // Left against right: a row a leg, in words as well as in bars.
  const sides = page.getByRole("region", { name: "Where each leg stands on one-leg exercises" });
  const rows = await sides.getByRole("row").allInnerTexts();
  assert.ok(rows.some((r) => /^Left\s+Level \d+: /.test(r)), rows.join(" | "));
  assert.ok(rows.some((r) => /^Right\s+Level \d+: /.test(r)), rows.join(" | "));
  const chart = page.locator("#sides-chart");
  assert.equal(await chart.locator("text", { hasText: /^L$/ }).count() > 0, true, "bars lettered L and R");
  await page.setViewportSize(SIZES[1]);
  const box = await sides.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(box.scroll <= box.client, `the table fits 320 px: ${JSON.stringify(box)}`);
  assert.deepEqual(await wordALine(sides), []);
  // The part a person checks, pictured on its own at 320 px.
  await page.locator("section.history-section").filter({ has: page.getByRole("heading", { name: "Left against right" }) }).screenshot({ path: join(SCREENS, "history-legs-part-320.png") });
  await page.setViewportSize(SIZES[0]);
  await lookAtBothSizes(page, "history-legs", found);

  // The plan map opens at the current stage; the others are one line each.
  await openTab(page, "Plan");
  await page.getByRole("heading", { name: "Your plan", exact: true }).waitFor();
  const current = await page.locator('li[aria-current="step"]').innerText();
  const n = current.match(/^Stage (\d)/)[1];
  const folds = page.locator("details.map-fold");
  assert.equal(await folds.count(), 3);
  assert.equal(await page.locator(`section[aria-labelledby="map-stage-${n}"] details.map-fold`).count(), 0);
  assert.equal(await page.locator("details.map-fold[open]").count(), 0);
  const text = await page.locator("#app").innerText();
  // A stage marked done is never "you are here".
  for (const li of await page.getByRole("list", { name: "Stages" }).getByRole("listitem").allInnerTexts()) {
    assert.ok(!(/Done/.test(li) && /You are here/.test(li)), li);
  }
  assert.ok(text.includes("You are here"), "the current stage says so");
  await lookAtBothSizes(page, "plan-map-folded", found);
  assert.deepEqual(found, {});
});
