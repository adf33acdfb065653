// One hand, no scrolling (issue 14): at 390x844 and at 320x640, the main
// button of the moment (start the check-in, save it, save the set or start
// the hold of each exercise, finish) lies inside the viewport with the page
// scrolled to the top, above the tab bar, with the exercise's target and
// figure above it; the tab bar is in view on every screen and no tab label
// wraps. A picture of each moment goes to test-results/thumb/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, onboard } from "./browser.mjs";
import { PEOPLE, doStep, exerciseStep, finishSession, onToday, openTab, painScale, startStory } from "./days.mjs";

const SIZES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];
const PICTURES = join(ROOT, "test-results", "thumb");

/** The tab bar's box, and each tab label's line count and overflow. */
async function tabBar(page) {
  return page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label="Main"]');
    const box = nav.getBoundingClientRect();
    const tabs = [...nav.querySelectorAll("a")].map((a) => {
      // The lines of the visible text (not the badge's words for screen readers).
      const tops = new Set();
      const walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n.parentElement.closest(".visually-hidden") || !n.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) tops.add(Math.round(r.top + r.height / 2));
      }
      return { label: a.textContent.trim(), lines: tops.size, overflows: a.scrollWidth > a.clientWidth };
    });
    return { top: box.top, bottom: box.bottom, height: innerHeight, tabs };
  });
}

async function assertTabs(page, where) {
  const bar = await tabBar(page);
  assert.ok(bar.top >= 0 && bar.bottom <= bar.height + 0.5, `${where}: tab bar in view (${bar.top}-${bar.bottom} of ${bar.height})`);
  assert.equal(bar.tabs.length, 5, where);
  for (const t of bar.tabs) {
    assert.equal(t.lines, 1, `${where}: tab "${t.label}" on one line`);
    assert.equal(t.overflows, false, `${where}: tab "${t.label}" fits its box`);
  }
  return bar;
}

/**
 * With the page scrolled to the top, `button` lies wholly in the viewport,
 * above the tab bar; and any of `above` (locators) lies above it.
 */
async function inReach(page, button, where, above = []) {
  await button.waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const bar = await assertTabs(page, where);
  const box = await button.boundingBox();
  assert.ok(box, `${where}: button shown`);
  assert.ok(box.y >= 0, `${where}: button top ${box.y} in view`);
  assert.ok(box.y + box.height <= bar.top + 0.5, `${where}: button bottom ${box.y + box.height} above the tab bar at ${bar.top}`);
  for (const a of above) {
    const b = await a.boundingBox();
    assert.ok(b && b.y >= 0 && b.y + b.height <= box.y + 0.5, `${where}: ${a} above the button`);
  }
}

async function picture(page, name, size) {
  await mkdir(PICTURES, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(PICTURES, `${name}-${size.width}x${size.height}.png`), animations: "disabled", caret: "hide" });
}

/** Every step of today's session: its main button in reach, then done. */
async function walkSession(page, size, label, started = false) {
  if (!started) await page.getByRole("button", { name: /^(Start|Resume) session$/ }).click();
  for (;;) {
    const step = await exerciseStep(page);
    const primary = step.card.getByRole("button", { name: /^(Save set 1|Start \d+ s hold)$/ });
    const target = step.card.getByText(/^Target: /);
    const figure = step.card.getByRole("figure");
    await inReach(page, primary, `${label} ${step.title}`, [target, figure]);
    await picture(page, `${label}-exercise-${step.index}`, size);
    // A set saved: the next one's button is in reach too, rest running.
    await painScale(page).getByRole("radio", { name: "2", exact: true }).check();
    await inReach(page, primary, `${label} ${step.title}, rated`, [target, figure]);
    await doStep(page, 2);
    if (step.index === step.count) break;
    await page.getByRole("button", { name: "Next exercise" }).click();
    await page.getByRole("heading", { level: 2, name: new RegExp(`^${step.index + 1} of `) }).waitFor();
  }
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("heading", { name: "How does it feel now?" }).waitFor();
  await page.getByRole("radio", { name: "The same", exact: true }).check();
  await inReach(page, page.getByRole("button", { name: "Save and finish" }), `${label} finish`);
  await picture(page, `${label}-finish`, size);
  await finishSession(page, "The same");
}

for (const size of SIZES) {
  test(`at ${size.width}x${size.height} the main button of each moment is in thumb reach, and the tab bar in view`, async (t) => {
    const { page } = await startStory(t);
    await page.setViewportSize(size);
    await onboard(page, PEOPLE.runner);

    // Today, the check-in due.
    await inReach(page, page.getByRole("button", { name: "Start morning check-in" }), "today");
    await picture(page, "today", size);
    await page.getByRole("button", { name: "Start morning check-in" }).click();
    await page.getByRole("group", { name: /^How much did the/ }).getByRole("radio", { name: "2, your baseline" }).check();
    await inReach(page, page.getByRole("button", { name: "Save check-in" }), "check-in", [page.getByRole("figure")]);
    await picture(page, "check-in", size);
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("button", { name: "Back to today" }).click();
    await onToday(page);

    // A reps session (bridge, calf raise), then how it felt.
    await walkSession(page, size, "reps");

    // Every tab: the bar in view, no label wrapped.
    for (const tab of ["History", "Plan", "Learn", "Settings", "Today"]) {
      await openTab(page, tab);
      await page.waitForFunction((tab) => document.querySelector('nav[aria-label="Main"] [aria-current="page"]')?.textContent.startsWith(tab), tab);
      await page.evaluate(() => window.scrollTo(0, 0));
      await assertTabs(page, tab);
      // Scrolled to the foot, the bar is still there.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await assertTabs(page, `${tab}, scrolled down`);
      await picture(page, `tab-${tab.toLowerCase()}`, size);
    }
  });

  test(`at ${size.width}x${size.height} a hold session keeps its start button in reach, the countdown beside the figure`, async (t) => {
    const { page } = await startStory(t);
    await page.setViewportSize(size);
    await onboard(page, PEOPLE.irritableRunner);
    await page.getByRole("button", { name: "Start morning check-in" }).click();
    await page.getByRole("group", { name: /^How much did the/ }).getByRole("radio", { name: "2, your baseline" }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("button", { name: "Back to today" }).click();
    await onToday(page);
    await page.getByRole("button", { name: "Start session" }).click();
    const step = await exerciseStep(page);
    // The countdown beside the figure, not under it.
    await step.card.getByRole("img").first().waitFor();
    const art = await step.card.getByRole("img").first().boundingBox();
    const clock = await page.getByRole("timer", { name: "Hold timer" }).boundingBox();
    assert.ok(clock.x >= art.x + art.width - 0.5, `countdown (x ${clock.x}) right of the figure (ends ${art.x + art.width})`);
    assert.ok(clock.y < art.y + art.height && clock.y + clock.height > art.y, "countdown level with the figure");
    await walkSession(page, size, "holds", true);
  });
}
