// The plan map and Learn, through the real app: a runner who has done one
// session and one check-in, a daily-life user, and the Learn pages. The page's
// clock is Playwright's, so "the next morning" is a clock jump and a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./serve.mjs";
import { DIST, ROOT, appReady, checkIn, onboard, openBrowser } from "./browser.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SCREENS = join(ROOT, "test-results", "screens");
/** A Monday, 08:00 UTC (the browser runs in UTC). */
const DAY1 = new Date("2026-01-05T08:00:00Z");
const DAY2 = new Date("2026-01-06T08:00:00Z");

async function start(t) {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser({ timezoneId: "UTC" });
  t.after(() => browser.close());
  const { page } = browser;
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  t.after(() => assert.deepEqual(errors, [], "errors in the page"));
  await page.clock.install({ time: DAY1 });
  await page.goto(server.url);
  await appReady(page);
  return { page, browser };
}

/** Today's session through the logger, every set at `pain`; returns the steps' headings and targets. */
async function doSession(page, pain) {
  await page.getByRole("button", { name: "Start session" }).click();
  const steps = [];
  for (;;) {
    const heading = page.getByRole("heading", { level: 2, name: /^\d+ of \d+: / });
    await heading.waitFor();
    const title = (await heading.textContent()).trim();
    const [, index, count] = title.match(/^(\d+) of (\d+)/).map(Number);
    steps.push(`${title} | ${(await page.getByText(/^Target: /).textContent()).trim()}`);
    const planned = Number((await page.getByText(/ planned sets saved$/).textContent()).match(/of (\d+) planned/)[1]);
    for (let n = 1; n <= planned; n++) {
      await page.getByRole("group", { name: "Pain during, 0 to 10" }).getByRole("radio", { name: new RegExp(`^${pain}(,|$)`) }).check();
      await page.getByRole("button", { name: `Save set ${n}` }).click();
      await page.getByText(`${n} of ${planned} planned sets saved`).waitFor();
    }
    if (index === count) break;
    await page.getByRole("button", { name: "Next exercise" }).click();
    await page.getByRole("heading", { level: 2, name: new RegExp(`^${index + 1} of ${count}: `) }).waitFor();
  }
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("radio", { name: "The same" }).check();
  await page.getByRole("button", { name: "Save and finish" }).click();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  return steps;
}

async function openTab(page, tab, heading) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: tab, exact: true }).click();
  await page.getByRole("heading", { level: 2, name: heading, exact: true }).waitFor();
}

/** A ladder's block: found by its heading, as a screen-reader user would. */
function ladder(page, name) {
  return page.locator("section.map-ladder").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

async function items(locator) {
  // The "Show how" under each level is its demonstration, not its text.
  return (await locator.getByRole("listitem").allInnerTexts()).map((s) => s.replace(/\s+/g, " ").replace(/ Show how$/, "").trim());
}

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), []);
  assert.ok(result.passes.length > 10, "axe really checked the page");
}

/** axe in both colour schemes (their colours differ), back to light after. */
async function axeBothSchemes(page) {
  await axe(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await axe(page);
  await page.emulateMedia({ colorScheme: "light" });
}

test("a runner's plan map: four stages, stage 2 current, jumps locked with the reason, where they stand on the bridges", async (t) => {
  const { page, browser } = await start(t);
  await onboard(page, { goal: "Running" });
  const steps = await doSession(page, 2);
  assert.deepEqual(steps, ["1 of 2: Double-leg bridge | Target: 3 x 10 reps", "2 of 2: Double-leg calf raise | Target: 3 x 12 reps"]);
  // The next morning at baseline: the bridge moves one step, 3 x 10 to 3 x 12.
  await page.clock.setSystemTime(DAY2);
  await page.reload();
  await appReady(page);
  await checkIn(page, 2);

  await openTab(page, "Plan", "Your plan");
  const plan = page.getByRole("region", { name: "Your plan" });
  await assert.doesNotReject(plan.getByText("Stage 2 of 4: Heavy slow resistance", { exact: true }).waitFor());
  const stages = plan.getByRole("list", { name: "Stages" });
  assert.deepEqual(
    (await items(stages)).map((s) => s.split(/(?<=[a-z])(?= ?(Skipped|You are here|Still to come))/)[0].trim()),
    ["Stage 1: Isometrics", "Stage 2: Heavy slow resistance", "Stage 3: Energy storage", "Stage 4: Return to running and sport"],
  );
  const current = stages.locator('li[aria-current="step"]');
  assert.equal(await current.count(), 1);
  assert.match(await current.innerText(), /^Stage 2: Heavy slow resistance\s+You are here/);
  assert.match(await stages.getByRole("listitem").first().innerText(), /Skipped/);
  // The gate to stage 3, with nothing met yet after one session.
  await plan.getByRole("heading", { name: "What stage 3 needs" }).waitFor();
  const checks = (await items(plan.locator("ul.checks"))).filter(Boolean);
  assert.equal(checks.length, 3);
  assert.ok(checks.every((c) => c.startsWith("Not yet: ")), checks.join("\n"));

  // The map opens at stage 2: the other stages are folded, one line each.
  const folds = page.locator("details.map-fold");
  assert.equal(await folds.count(), 3);
  assert.equal(await page.getByRole("list", { name: "Vertical jumps: levels" }).isVisible(), false);
  assert.equal(await page.getByRole("heading", { name: "Vertical jumps", exact: true }).isVisible(), false);
  await page.getByText("Show stage 3's exercises").click();

  // Jumps: locked, the reason in plain words, the levels folded away until asked for.
  const jumps = ladder(page, "Vertical jumps");
  assert.match(await jumps.innerText(), /Locked\. Jumps unlock when single-leg work is nearly pain-free \(1\/10 or less\) and both sides match\./);
  const jumpLevels = page.getByRole("list", { name: "Vertical jumps: levels" });
  assert.equal(await jumpLevels.isVisible(), false);
  await jumps.getByText("Show its 4 levels").click();
  assert.deepEqual(
    (await items(jumpLevels)).map((s) => s.replace(/ Target.*/, "")),
    ["Double-leg jump, about 80%", "Double-leg jump, maximal", "Single-leg jump, about 80%", "Single-leg jump, maximal"],
  );
  assert.equal(await jumps.getByText(/^Next step/).count(), 0, "a locked ladder has no next step");

  // The bridge ladder: every level in order, the user on the first, at the progressed dose.
  const bridge = await items(page.getByRole("list", { name: "Bridge to hip thrust: levels" }));
  assert.deepEqual(
    bridge.map((s) => s.split(" Target")[0]),
    ["Double-leg bridge", "Single-leg bridge", "Double-leg hip thrust", "Single-leg hip thrust"],
  );
  assert.match(bridge[0], /You are here \(both legs\): 3 x 12 reps$/);
  assert.ok(bridge.slice(1).every((s) => !s.includes("You are here")), bridge.join("\n"));
  assert.match(
    await ladder(page, "Bridge to hip thrust").getByText(/^Next step/).innerText(),
    /^Next step: 3 x 15 reps with pain during at or under your ceiling and a next-morning test at or under your baseline\. Then: Single-leg bridge\.$/,
  );
  // A ladder not done yet starts at its first level; one its equipment rules out says so.
  assert.match((await items(page.getByRole("list", { name: "Foot-elevated long-lever bridge: levels" })))[0], /Start here: 3 x 10 reps$/);
  assert.match(await ladder(page, "Prone hamstring curl").innerText(), /This needs a hamstring curl machine, which is not on your equipment list\./);
  assert.match(await ladder(page, "Deadlift").innerText(), /Locked\. It opens once you reach Eccentric foot-elevated long-lever bridge/);

  await axeBothSchemes(page);
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, "plan-map.png"), fullPage: true });
  assert.deepEqual(browser.foreignRequests(), []);
});

test("an everyday-life plan map has no stage 3, no jumps and no running; an irritable start is stage 1", async (t) => {
  const { page } = await start(t);
  await onboard(page, { goal: "Everyday life: sitting, walking, work", irritable: ["It aches even at rest"] });
  await openTab(page, "Plan", "Your plan");
  const stages = page.getByRole("list", { name: "Stages" });
  assert.equal(await stages.getByRole("listitem").count(), 2);
  assert.match(await stages.locator('li[aria-current="step"]').innerText(), /^Stage 1: Isometrics\s+You are here/);
  await page.getByRole("heading", { name: "What stage 2 needs" }).waitFor();
  const text = await page.locator("#app").innerText();
  for (const absent of [/Stage 3/, /Energy storage/, /jump/i, /Return to running/, /Stage 4/]) {
    assert.doesNotMatch(text, absent);
  }
  // Stage 2 is shown folded, locked until the holds have gone well.
  await page.getByText("Show stage 2's exercises").click();
  assert.match(await ladder(page, "Bridge to hip thrust").innerText(), /Locked\. Strength work unlocks after 4 days of holds within your pain ceiling/);
  assert.match((await items(page.getByRole("list", { name: "Isometric holds: levels" })))[0], /Start here: 3 x 30 s hold$/);
});

test("Learn: seven short sections, contents links that stay on the screen and move focus", async (t) => {
  const { page, browser } = await start(t);
  await onboard(page, { goal: "Running" });
  await openTab(page, "Learn", "Learn");
  // The pages come from their own file, fetched when Learn opens.
  await page.getByRole("navigation", { name: "On this page" }).waitFor();
  const titles = [
    "What this condition is",
    "Why load and the next morning matter",
    "Sitting",
    "Running changes",
    "What to avoid early on",
    "How long it takes",
    "When to see a clinician",
  ];
  assert.deepEqual(await page.locator("#app").getByRole("heading", { level: 2 }).allInnerTexts(), ["Learn", ...titles]);
  const toc = page.getByRole("navigation", { name: "On this page" });
  assert.deepEqual(await toc.getByRole("link").allInnerTexts(), titles);

  for (const name of ["Sitting", "When to see a clinician"]) {
    await toc.getByRole("link", { name, exact: true }).click();
    const heading = page.getByRole("heading", { level: 2, name, exact: true });
    await page.waitForFunction((n) => document.activeElement?.textContent === n, name);
    const box = await heading.boundingBox();
    assert.ok(box.y >= 0 && box.y < 200, `${name} is at the top of the screen (y=${box.y})`);
    assert.equal(await page.evaluate(() => location.hash), "#/learn", "still on Learn");
  }
  const sitting = await page.getByRole("region", { name: "Sitting" }).innerText();
  assert.match(sitting, /2 to 5 minutes every 30 to 40 minutes/);
  assert.match(await page.getByRole("region", { name: "Running changes" }).innerText(), /cadence by 5 to 10%/);
  // Said once, in the clinician section only.
  assert.equal(await page.getByText(/not a diagnosis/).count(), 1);
  await page.getByRole("region", { name: "When to see a clinician" }).getByText(/not a diagnosis/).waitFor();

  await axeBothSchemes(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, "learn.png"), fullPage: true });
  assert.deepEqual(browser.foreignRequests(), []);
});
