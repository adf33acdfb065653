// History: its tables show exactly what was logged, and correcting or
// deleting a past entry there changes Today's plan. Three simulated days of
// isometric holds (an irritable start, so the same exercise every day).
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import {
  axeViolations,
  doSession,
  morning,
  nextDay,
  onToday,
  openTab,
  parseDose,
  screenshot,
  startStory,
  todaysSession,
} from "./days.mjs";

const MORNINGS = "Morning self-test (0 to 10) against your baseline, newest first";
const PAIN = "Worst pain during Bridge hold, 0 to 10, newest first";
const WEEKS = "Weekly volume and load, newest first (weeks start on Monday)";

/** Today's hold time: "Bridge hold 3 x 25 s hold" -> 25. */
async function holdSeconds(page) {
  return (await holdDose(page)).amount;
}

/** Today's holds: "Bridge hold 3 x 25 s hold" -> { sets: 3, amount: 25 }. */
async function holdDose(page) {
  await openTab(page, "Today");
  const { items } = await todaysSession(page);
  assert.equal(items.length, 1, items.join("\n"));
  assert.match(items[0], /^Bridge hold /);
  return parseDose(items[0]);
}

async function openHistory(page) {
  await openTab(page, "History");
  await page.getByRole("heading", { name: "History", level: 2 }).waitFor();
}

/** A table's body as [[date, ...cells]], unfolding "Show the numbers" as a person would. */
async function tableRows(page, caption) {
  const table = page.getByRole("table", { name: caption, includeHidden: true });
  const details = table.locator("xpath=ancestor::details");
  if ((await details.count()) && !(await details.evaluate((d) => d.open))) {
    await details.getByText("Show the numbers").click();
  }
  await table.waitFor();
  return table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader") })
    .evaluateAll((rows) =>
      rows.map((r) => [r.querySelector("time")?.getAttribute("datetime") ?? r.cells[0].textContent, ...[...r.cells].slice(1).map((c) => c.textContent)]),
    );
}

async function saidStatus(page, start) {
  await page.getByRole("status").filter({ hasText: new RegExp(`^${start}`) }).waitFor();
}

test("history tables match the log, and a correction or delete there changes Today's plan", async (t) => {
  const { page } = await startStory(t);

  // Mon: start irritable (holds daily), test at baseline, hold at 2/10.
  await onboard(page, { irritable: ["It aches even at rest"], baseline: 2 });
  await morning(page, 2);
  const first = await holdDose(page);
  const planned = first.amount;
  await doSession(page, { pain: 2 });
  // Tue: a mistyped 9 (3+ above baseline) scales Monday's holds back.
  await nextDay(page);
  const tuesday = await morning(page, 9);
  assert.deepEqual(tuesday.decisions.map((d) => d.kind), ["Scale back"]);
  // Wed: back at baseline; no session Tuesday, so still scaled back.
  await nextDay(page);
  await morning(page, 2);
  const scaledBack = await holdSeconds(page);
  assert.ok(scaledBack < planned, `a 9/10 morning scaled ${planned} s back, got ${scaledBack} s`);

  await openHistory(page);
  assert.deepEqual(await tableRows(page, MORNINGS), [
    ["2026-01-07", "2", "2", ""],
    ["2026-01-06", "9", "2", ""],
    ["2026-01-05", "2", "2", ""],
  ]);
  const chart = page.getByRole("img", { name: "Morning self-test against your baseline" });
  assert.equal(await chart.locator(".ink-main .dot").count(), 3, "one dot per morning");
  assert.deepEqual(await tableRows(page, PAIN), [["2026-01-05", "2"]]);
  assert.deepEqual(await tableRows(page, WEEKS), [["2026-01-05", "1", String(first.sets), "0", "0"]]);
  assert.deepEqual(await axeViolations(page), [], "history with data, light");
  await screenshot(page, "history");

  // Correct Tuesday's 9 to 2: Monday's holds now progress instead.
  await page.getByRole("button", { name: "Correct morning check-in, Tue 6 Jan" }).click();
  const fix = page.getByRole("group", { name: "Correct the morning check-in of Tue 6 Jan" });
  await fix.getByRole("radio", { name: "2, your baseline" }).check();
  assert.deepEqual(await axeViolations(page), [], "history with a correction form open");
  await fix.getByRole("button", { name: "Save correction" }).click();
  await saidStatus(page, "Corrected the morning check-in of Tue 6 Jan");
  assert.deepEqual((await tableRows(page, MORNINGS)).map((r) => r[1]), ["2", "2", "2"]);
  const progressed = await holdSeconds(page);
  assert.ok(progressed > planned, `corrected to baseline, ${planned} s progressed, got ${progressed} s`);

  // Correct Monday's session: set 1 really hurt 6/10, 3 over the ceiling: scaled back again.
  await openHistory(page);
  await page.getByRole("button", { name: "Correct session, Mon 5 Jan" }).click();
  const session = page.getByRole("group", { name: "Correct the session of Mon 5 Jan" });
  await session.getByRole("group", { name: "Bridge hold" }).getByRole("group", { name: "Set 1" }).getByLabel("Pain").selectOption("6");
  await session.getByRole("button", { name: "Save correction" }).click();
  await saidStatus(page, "Corrected the session of Mon 5 Jan");
  assert.deepEqual(await tableRows(page, PAIN), [["2026-01-05", "6"]]);
  assert.ok((await holdSeconds(page)) < planned, "pain 6/10 in the corrected session scales back");

  // Delete Wednesday's check-in: gone from the table, and due again today.
  await openHistory(page);
  const focused = () => page.evaluate(() => document.activeElement?.textContent);
  // The question takes focus; "Keep it" puts it back on the list's heading.
  await page.getByRole("button", { name: "Delete morning check-in, Wed 7 Jan" }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === "Yes, delete");
  await page.getByRole("group", { name: "Confirm delete" }).getByRole("button", { name: "Keep it" }).click();
  assert.equal(await focused(), "Your entries");
  assert.equal(await page.getByRole("group", { name: "Confirm delete" }).count(), 0);
  await page.getByRole("button", { name: "Delete morning check-in, Wed 7 Jan" }).click();
  await page.getByRole("group", { name: "Confirm delete" }).getByRole("button", { name: "Yes, delete" }).click();
  await saidStatus(page, "Deleted the morning check-in of Wed 7 Jan");
  assert.deepEqual((await tableRows(page, MORNINGS)).map((r) => r[0]), ["2026-01-06", "2026-01-05"]);
  assert.equal(await page.getByRole("button", { name: "Delete morning check-in, Wed 7 Jan" }).count(), 0);

  // At 360 px with every table unfolded, nothing on History is wider than
  // the phone (the tab bar is the shell's); tables scroll in their own box.
  await tableRows(page, WEEKS);
  await page.setViewportSize({ width: 360, height: 780 });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("#app section *")]
      .filter((e) => !e.closest(".table-scroll")?.contains(e.parentElement) && e.getBoundingClientRect().right > innerWidth)
      .map((e) => `${e.tagName}.${e.className.baseVal ?? e.className}`),
  );
  assert.deepEqual(wide, [], "nothing on History is wider than a 360 px phone");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await axeViolations(page), [], "history with data, dark");
  await screenshot(page, "history-dark");

  await page.getByRole("button", { name: "Summary for your clinician" }).click();
  await page.waitForURL(/#\/summary$/);
  await openTab(page, "Today");
  await onToday(page);
  await page.getByRole("button", { name: "Start morning check-in" }).waitFor();
});

test("correcting a run: a bad number is refused and says why, and the fixed numbers and ticks are saved", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, { baseline: 2 });
  // Mon: Sunday's hilly run, logged on the check-in, saved with Enter: the
  // form saves in place and the page does not navigate.
  await morning(page, 2, { stay: true });
  await page.getByLabel("Distance (km)").fill("12");
  await page.getByRole("checkbox", { name: "Hills" }).check();
  const url = page.url();
  let navigations = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  await page.evaluate(() => (window.stillThisPage = true));
  await page.getByLabel("Time (minutes)").fill("70");
  await page.getByLabel("Time (minutes)").press("Enter");
  await page.getByRole("status").filter({ hasText: /^Saved\.$/ }).waitFor();
  // A form submission would load the page again a moment later.
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.stillThisPage), true, "the page was not reloaded");
  assert.equal(navigations, 0);
  assert.equal(page.url(), url);

  await openHistory(page);
  const runLine = page.locator(".entry-line", { hasText: /^Run: / });
  assert.equal(await runLine.textContent(), "Run: 12 km in 70 min, hills");
  await page.getByRole("button", { name: "Correct run, Sun 4 Jan" }).click();
  const fix = page.getByRole("group", { name: "Correct the run of Sun 4 Jan" });
  // Focus moves into the form that replaced the button.
  await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Correct the run of Sun 4 Jan");
  assert.equal(await fix.getByLabel("Distance (km)").inputValue(), "12");
  assert.equal(await fix.getByRole("checkbox", { name: "Hills" }).isChecked(), true);
  assert.deepEqual(await axeViolations(page), [], "history with a run's correction form open");

  await fix.getByLabel("Distance (km)").fill("twelve");
  await fix.getByRole("button", { name: "Save correction" }).click();
  await fix.getByRole("alert").filter({ hasText: "Enter the distance as a number." }).waitFor();
  assert.equal(await runLine.textContent(), "Run: 12 km in 70 min, hills", "a refused correction changes nothing");

  await fix.getByLabel("Distance (km)").fill("10.5");
  await fix.getByRole("checkbox", { name: "Hills" }).uncheck();
  await fix.getByRole("checkbox", { name: "Fast running or sprints" }).check();
  await fix.getByRole("button", { name: "Save correction" }).click();
  await saidStatus(page, "Corrected the run of Sun 4 Jan");
  assert.equal(await runLine.textContent(), "Run: 10.5 km in 70 min, fast");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Your entries");

  // Cancel leaves the entry as it was.
  await page.getByRole("button", { name: "Correct run, Sun 4 Jan" }).click();
  await fix.getByLabel("Time (minutes)").fill("5");
  await fix.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await fix.count(), 0);
  assert.equal(await runLine.textContent(), "Run: 10.5 km in 70 min, fast");
});
