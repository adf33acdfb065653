// The demonstrations on screen (issue 13): every exercise of a full stage-2
// and a stage-3 session shows its figure in the logger, named by role and
// name, above the fold on a 390x844 phone; reduced motion shows the start
// and end poses still; the figure pauses; axe finds nothing; the check-in,
// onboarding, the plan map and Learn show theirs; and with the network off
// after one visit they are still there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, appReady, offlineReady, onboard, toStep } from "./browser.mjs";
import { axeViolations, doStep, exerciseStep, importBackup, morning, nextDay, openTab, startStory } from "./days.mjs";

const FOLD = 844;

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The current step's figure: an image named for the exercise. */
async function stepFigure(page) {
  const step = await exerciseStep(page);
  // The heading says "Short side plank, left leg"; the figure's name says
  // which leg in its own words ("lying on your left side").
  const exercise = step.name.replace(/, (left|right) leg$/, "");
  const img = step.card.getByRole("img", { name: new RegExp(`^${escapeRe(exercise)}[,:]`) });
  await img.waitFor();
  return { step, img };
}

/** The figure's bottom edge, measured from the top of the page. */
async function bottomOnPage(locator) {
  return locator.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
}

/** Walks today's session: each step's figure checked, then every set done. */
async function walkSession(page) {
  await page.getByRole("button", { name: /^(Start|Resume) session$/ }).click();
  const seen = [];
  for (;;) {
    const { step, img } = await stepFigure(page);
    const name = await img.getAttribute("aria-label");
    assert.ok((await bottomOnPage(img)) <= FOLD, `${step.title}: the figure is above the fold`);
    // The words the figure comes with: where to feel it, what to watch for.
    assert.match(await step.card.locator(".demo-feel").innerText(), /^Feel it: \S/);
    assert.match(await step.card.locator(".demo-mistake").innerText(), /^Watch for: \S/);
    // One-leg work names the leg; the picture is mirrored for the right one.
    const side = step.title.match(/, (left|right) leg$/);
    if (side) assert.match(name, new RegExp(`\\b${side[1]}\\b`), `${step.title}: ${name}`);
    seen.push({ title: step.title, name });
    await doStep(page, 1);
    if (step.index === step.count) break;
    await page.getByRole("button", { name: "Next exercise" }).click();
    await page.getByRole("heading", { level: 2, name: new RegExp(`^${step.index + 1} of `) }).waitFor();
  }
  return seen;
}

test("each exercise of a stage-2 and a stage-3 session shows its demonstration above the fold", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, { test: "Single-leg long-lever foot-elevated bridge" });
  const stage2 = await walkSession(page);
  assert.ok(stage2.length >= 2, JSON.stringify(stage2));
  console.log(`stage 2: ${stage2.map((s) => s.name).join(" | ")}`);
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("radio", { name: "Better", exact: true }).check();
  await page.getByRole("button", { name: "Save and finish" }).click();

  // Eleven weeks on (tests/e2e_fixtures.rs), then the check-in that opens stage 3.
  await page.clock.setSystemTime(new Date("2026-03-27T08:00:00Z"));
  await page.reload();
  await appReady(page);
  await importBackup(page, "mild-runner-day-82.json");
  await morning(page, 2);
  await nextDay(page);
  await morning(page, 2);
  const stage3 = await walkSession(page);
  assert.ok(stage3.some((s) => /jump/i.test(s.name)), JSON.stringify(stage3));
  console.log(`stage 3: ${stage3.map((s) => s.name).join(" | ")}`);
});

test("the figure moves at its tempo and pauses; axe finds nothing in light or dark", async (t) => {
  for (const colorScheme of ["light", "dark"]) {
    const { page } = await startStory(t, { colorScheme });
    await onboard(page);
    await page.getByRole("button", { name: "Start session" }).click();
    const { step, img } = await stepFigure(page);
    const svg = img.locator("svg");
    const animating = () => svg.evaluate((s) => s.animationsPaused() === false && s.querySelector("animate") !== null);
    assert.ok(await animating(), `${step.name} moves`);
    const pause = step.card.getByRole("button", { name: "Pause figure" });
    await pause.click();
    assert.equal(await pause.getAttribute("aria-pressed"), "true");
    assert.equal(await animating(), false, "paused");
    await pause.click();
    assert.ok(await animating(), "playing again");
    // The working leg is drawn in its own colour, unlike the rest of the body.
    const colours = await svg.evaluate((s) => {
      const work = s.querySelector(".work");
      const trunk = s.querySelector(".trunk");
      return [work && getComputedStyle(work).stroke, getComputedStyle(trunk).stroke];
    });
    if (colours[0]) assert.notEqual(colours[0], colours[1]);
    assert.deepEqual(await axeViolations(page), [], colorScheme);
  }
});

test("with reduced motion the logger shows the start and end poses side by side, still", async (t) => {
  const { page } = await startStory(t, { reducedMotion: "reduce" });
  await onboard(page);
  await page.getByRole("button", { name: "Start session" }).click();
  const { img, step } = await stepFigure(page);
  assert.match(await img.getAttribute("aria-label"), /Start and end positions\.$/);
  const svg = img.locator("svg");
  assert.equal(await svg.locator(".head").count(), 2, "two figures");
  assert.equal(await svg.locator("animate").count(), 0, "nothing moves");
  assert.equal(await step.card.getByRole("button", { name: "Pause figure" }).count(), 0);
  assert.ok((await bottomOnPage(img)) <= FOLD);
  assert.deepEqual(await axeViolations(page), []);
});

test("onboarding, the check-in, the plan map and Learn show their demonstrations", async (t) => {
  const { page } = await startStory(t);
  // Onboarding: the test picked is drawn as soon as it is picked.
  await toStep(page, 3);
  await page.getByRole("radio", { name: "Right", exact: true }).check();
  await toStep(page, 4);
  await page.getByRole("radio", { name: "Running" }).check();
  await toStep(page, 8);
  await page.getByRole("radio", { name: "Single-leg RDL", exact: true }).check();
  await page.getByRole("img", { name: /^Single-leg RDL, right leg working: / }).waitFor();
  await page.getByRole("checkbox", { name: "I'll do it on two legs (one leg is too painful)" }).check();
  await page.getByRole("img", { name: /^Romanian deadlift: / }).waitFor();
  await page.getByRole("radio", { name: "Single-leg bridge", exact: true }).check();
  await page.getByRole("img", { name: /^Double-leg bridge: / }).waitFor();
  await page.getByRole("checkbox", { name: "I'll do it on two legs (one leg is too painful)" }).uncheck();
  // And again on the next step, right above the scale that rates it.
  await toStep(page, 9);
  await page.locator("#rate-demo").getByRole("img", { name: /^Single-leg bridge, right leg working: / }).waitFor();
  await onboard(page, { side: "Right", test: "Single-leg bridge" });

  // The check-in the next morning: the same test, on the sore leg.
  await nextDay(page);
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  await page.getByRole("img", { name: /^Single-leg bridge, right leg working: / }).waitFor();
  await page.getByRole("button", { name: "Back to today" }).click();

  // The plan map: each level's "Show how", drawn when opened.
  await openTab(page, "Plan");
  // The first level of the stage the map opens at (the others are folded).
  const first = page.locator("details.map-demo").filter({ visible: true }).first();
  assert.equal(await first.getByRole("img").count(), 0, "nothing drawn until asked");
  await first.getByText("Show how").click();
  await first.getByRole("img").waitFor();
  assert.match(await first.getByRole("img").getAttribute("aria-label"), /: \w/);

  await openTab(page, "Learn");
  await page.getByRole("img", { name: /^Sitting on a cushion: / }).waitFor();
  await page.getByRole("img", { name: /^A deep hip bend: / }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
});

test("the demonstrations and Learn files are precached and show with the network off", async (t) => {
  const index = readFileSync(join(DIST, "index.html"), "utf8");
  const name = index.match(/<meta name="demos" content="(demos-[0-9a-f]{16}\.svg)"/)?.[1];
  assert.ok(name, "index.html names the demonstrations file");
  assert.ok(readFileSync(join(DIST, "sw.js"), "utf8").includes(JSON.stringify(name)), "sw.js precaches it");
  const learn = index.match(/<meta name="learn" content="(learn-[0-9a-f]{16}\.html)"/)?.[1];
  assert.ok(learn, "index.html names the Learn file");
  assert.ok(readFileSync(join(DIST, "sw.js"), "utf8").includes(JSON.stringify(learn)), "sw.js precaches it");

  const { page, browser } = await startStory(t);
  await offlineReady(page);
  // The browser's own XML parser reads it whole.
  const parsed = await page.evaluate(async (n) => {
    const text = await (await fetch(n)).text();
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return { error: doc.querySelector("parsererror")?.textContent ?? null, figures: doc.documentElement.children.length };
  }, name);
  assert.equal(parsed.error, null);
  assert.ok(parsed.figures > 100, `${parsed.figures} figures`);
  await onboard(page);
  await browser.context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.getByRole("button", { name: "Start session" }).click();
  await stepFigure(page);
  // Learn's pages and their figures, never fetched before, offline.
  await openTab(page, "Learn");
  await page.getByRole("heading", { name: "When to see a clinician" }).waitFor();
  await page.getByRole("img", { name: /^Sitting on a cushion: / }).waitFor();
});
