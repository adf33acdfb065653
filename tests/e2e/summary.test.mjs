// The clinician summary: it prints, its share link round-trips into another
// browser, and a garbled link shows a message and touches nothing stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./serve.mjs";
import { DIST, ROOT, appReady, checkIn, onboard, openBrowser } from "./browser.mjs";

const SHOTS = join(ROOT, "test-results", "screens");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function axeClean(page, what) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), [], what);
}

async function storedData(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** A few days of use: onboarding, check-ins, a session with a note. */
async function someHistory(page, server) {
  await page.clock.install({ time: new Date("2026-03-02T08:00:00") });
  await page.goto(server.url);
  await onboard(page, { goal: "Running", baseline: 2 });
  await checkIn(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  await page.getByRole("group", { name: /Pain during/ }).getByRole("radio", { name: "1", exact: true }).check();
  await page.getByRole("button", { name: "Save set 1" }).click();
  await page.getByRole("button", { name: "Next exercise" }).click();
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("radio", { name: "Better" }).check();
  await page.getByRole("textbox", { name: "Note (optional)" }).fill("Left side a bit tight after bridges");
  // The note's length is shown as it is typed, against what a backup keeps.
  await page.getByText("35 of 10000 characters").waitFor();
  await page.getByRole("button", { name: "Save and finish" }).click();
  await page.clock.setSystemTime(new Date("2026-03-03T08:00:00"));
  await page.reload();
  await appReady(page);
  await checkIn(page, 4);
}

test("the summary prints, and its share link opens the same summary read-only elsewhere", async (t) => {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page } = browser;
  await someHistory(page, server);

  await page.goto(`${server.url}#/summary`);
  const heading = page.getByRole("heading", { name: "Summary for your clinician" });
  await heading.waitFor();
  const facts = await page.locator(".facts").innerText();
  assert.match(facts, /2 of 4: Heavy slow resistance/);
  assert.match(facts, /bridge, baseline 2\/10/);
  const rows = await page.locator(".summary-table").first().locator("tbody tr").allInnerTexts();
  assert.ok(rows.some((r) => r.includes("Double-leg bridge")), rows.join("\n"));
  assert.match(await page.locator(".summary").innerText(), /Left side a bit tight after bridges/);
  // The mornings chart: an image named for what it shows, one point per
  // check-in (2/10 on the first day at the left edge, 4/10 on the second at
  // the right) in a 320 x 120 box with 8 of margin.
  const chart = page
    .locator(".summary")
    .getByRole("img", { name: "Morning self-test from 2026-03-02 to 2026-03-03, baseline 2/10" });
  await chart.waitFor();
  assert.equal(await chart.locator("polyline.chart-line").getAttribute("points"), "8.0,91.2 312.0,70.4");
  await axeClean(page, "the summary screen");

  // Print: only the summary, no tabs or buttons.
  await mkdir(SHOTS, { recursive: true });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".tabs").isVisible(), false, "tabs are not printed");
  assert.equal(await page.getByRole("button", { name: "Make a share link" }).isVisible(), false);
  await page.screenshot({ path: join(SHOTS, "summary-print.png"), fullPage: true });
  assert.ok(await heading.isVisible());
  await page.screenshot({ path: join(SHOTS, "summary-print.png"), fullPage: true });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 1000, "prints to an A4 PDF");
  await page.pdf({ format: "Letter" });
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("button", { name: "Make a share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link" }).inputValue();
  console.log(`share link: ${link.length} characters`);
  assert.ok(link.length < 2000, `${link.length} characters`);
  assert.ok(link.startsWith(`${server.url}#/shared/`), link);
  const copy = page.getByRole("button", { name: "Copy link" });
  await copy.click();
  await page.getByRole("status").filter({ hasText: /^Copied\.$/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Copy link", "focus stays on the button");

  // Another phone: a fresh browser opens the link, with no log of its own.
  const other = await openBrowser();
  t.after(() => other.close());
  await other.page.goto(link);
  await other.page.getByRole("heading", { name: "A shared summary" }).waitFor();
  assert.equal(await other.page.locator(".facts").innerText(), facts, "the same facts");
  const sharedRows = await other.page.locator(".summary-table").first().locator("tbody tr").allInnerTexts();
  assert.deepEqual(sharedRows, rows, "the same exercises and doses");
  assert.deepEqual(await storedData(other.page), {}, "opening a link stores nothing");
  await axeClean(other.page, "the shared summary");
  await other.page.screenshot({ path: join(SHOTS, "shared-summary.png"), fullPage: true });
  assert.deepEqual(browser.foreignRequests(), []);
  assert.deepEqual(other.foreignRequests(), []);
});

test("a garbled or cut link shows a message and leaves stored data exactly as it was", async (t) => {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page } = browser;
  await someHistory(page, server);
  const before = await storedData(page);
  assert.ok(Object.keys(before).length > 0);

  for (const bad of ["garbage", "eyJ2Ijox.22", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"]) {
    await page.goto(`${server.url}#/shared/${bad}`);
    await page.getByRole("heading", { name: "A shared summary" }).waitFor();
    const alert = page.getByRole("alert").filter({ hasText: /link/ });
    await alert.waitFor();
    assert.match(await alert.innerText(), /doesn't look like a summary link|damaged|can't trust/);
    assert.deepEqual(await storedData(page), before, `nothing stored changed for ${bad}`);
  }
  await page.goto(`${server.url}#/today`);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole("button", { name: "Start morning check-in" }).count(), 0, "the own log is intact");
});
