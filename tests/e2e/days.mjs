// Simulated days for the end-to-end tests of the daily flow: the page's
// clock is Playwright's, so the date the app reads (`Date.now()`) and its
// one-second tick are ours to move. Elements are found by role and name.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { DIST, ROOT, appReady, openBrowser } from "./browser.mjs";
import { serve } from "./serve.mjs";

/** Day 1 of every story: a Monday, as in tests/engine_examples.rs. */
export const DAY1 = "2026-01-05";
export const MORNING = "08:00:00";
export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const SCREENS = join(ROOT, "test-results", "screens");
/** The seconds of "get ready" before a hold starts counting (src/ui/timer.rs). */
export const LEAD_IN = 3;

/** The instant `date` (YYYY-MM-DD) at `time`, in UTC (the browser runs in UTC). */
export function at(date, time = MORNING) {
  return new Date(`${date}T${time}Z`);
}

/** `date` plus `n` days, as YYYY-MM-DD. */
export function addDays(date, n) {
  const d = at(date);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A served build and a fresh phone browser whose clock starts at `date`
 * 08:00 and then runs on its own. Closed by the test's `after`.
 */
export async function startStory(t, { date = DAY1, root, colorScheme, reducedMotion } = {}) {
  const server = await serve({ root: root ?? DIST });
  t.after(() => server.stop());
  const browser = await openBrowser({
    timezoneId: "UTC",
    ...(colorScheme ? { colorScheme } : {}),
    ...(reducedMotion ? { reducedMotion } : {}),
  });
  t.after(() => browser.close());
  const { page } = browser;
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  t.after(() => {
    if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
  });
  await page.clock.install({ time: at(date) });
  await page.goto(server.url);
  await appReady(page);
  return { server, browser, page };
}

/** The date the app sees now, as YYYY-MM-DD. */
export async function simulatedDate(page) {
  return page.evaluate(() => new Date(Date.now()).toISOString().slice(0, 10));
}

/**
 * The next morning: the clock jumps to 08:00 tomorrow (as a phone left
 * overnight) and the app is opened again. Returns the new date.
 */
export async function nextDay(page, days = 1) {
  const date = addDays(await simulatedDate(page), days);
  await page.clock.setSystemTime(at(date));
  await page.reload();
  await appReady(page);
  return date;
}

export function region(page, name) {
  return page.getByRole("region", { name, exact: true });
}

/** The heading "Today" is on screen. */
export async function onToday(page) {
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
}

/** "Stage 2 of 4: Heavy slow resistance", as Today shows it (of 2 for everyday life). */
export async function stageLine(page) {
  await onToday(page);
  return (await region(page, "Today").getByText(/^Stage \d of \d: /).textContent()).trim();
}

/** The loading day's card: its heading ("Today: Session A", "Rest day") and lines. */
export async function todaysSession(page) {
  await onToday(page);
  const card = page.getByRole("region", { name: /^(Today: |Rest day$)/ });
  const title = (await card.getByRole("heading").first().textContent()).trim();
  const items = (await card.getByRole("listitem").allTextContents()).map((s) => s.trim().replace(/\s+/g, " "));
  const start = card.getByRole("button", { name: /^(Start|Resume) session$/ });
  return { title, items, text: (await card.innerText()).trim(), startable: (await start.count()) === 1 };
}

/** The tips Today shows. */
export async function tips(page) {
  await onToday(page);
  return (await region(page, "Tips for today").getByRole("listitem").allTextContents()).map((s) => s.trim());
}

/** The "Next: stage N" card, or null when there is none. */
export async function nextStageCard(page) {
  await onToday(page);
  const card = page.getByRole("region", { name: /^Next: stage / });
  if ((await card.count()) === 0) return null;
  return {
    title: (await card.getByRole("heading").textContent()).trim(),
    checks: (await card.getByRole("listitem").allTextContents()).map((s) => s.trim()),
  };
}

/**
 * Decision cards in a region: [{ exercise, kind, reason }], with `dose`
 * too on a morning's card ("Next time: 3 x 12 reps, up from 3 x 10.").
 * `kind` is the badge ("Progress", "Hold", "Scale back").
 */
export async function decisionsIn(page, name) {
  const cards = region(page, name).getByRole("listitem");
  const out = [];
  for (const card of await cards.all()) {
    const lines = await card.getByRole("paragraph").allTextContents();
    const [head, reason] = [lines[0], lines[lines.length - 1]];
    // The first line is the exercise, then its badge.
    const [, exercise, kind] = head.trim().match(/^(.*?)\s*(Progress|Hold|Scale back)$/);
    const decision = { exercise, kind, reason: reason.trim() };
    if (lines.length > 2) decision.dose = lines[1].trim();
    out.push(decision);
  }
  return out;
}

/**
 * The morning check-in through the real screen: rate, save, and return
 * what it shows for yesterday's exercises (then back to Today).
 */
export async function morning(page, rating, { stay = false } = {}) {
  await onToday(page);
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  const scale = page.getByRole("group", { name: /^How much did the .* hurt, 0 to 10\?$/ });
  await scale.getByRole("radio", { name: new RegExp(`^${rating}(,|$)`) }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  // A 9 or 10 is asked again ("did you mean 9?") before it is saved.
  if (rating >= 9) await page.getByRole("button", { name: `Yes, ${rating}` }).click();
  await page.getByRole("heading", { name: "What this means for yesterday's exercises" }).waitFor();
  const shown = {
    decisions: await decisionsIn(page, "What this means for yesterday's exercises"),
    text: (await region(page, "What this means for yesterday's exercises").innerText()).trim(),
  };
  if (!stay) {
    await page.getByRole("button", { name: "Back to today" }).click();
    await onToday(page);
  }
  return shown;
}

/** The exercise step on screen: "1 of 2: Double-leg bridge", its target and planned sets. */
export async function exerciseStep(page) {
  const heading = page.getByRole("heading", { level: 2, name: /^\d+ of \d+: / });
  await heading.waitFor();
  const title = (await heading.textContent()).trim();
  const [, index, count, name] = title.match(/^(\d+) of (\d+): (.*)$/);
  const card = page.getByRole("region", { name: title });
  const target = (await card.getByText(/^Target: /).textContent()).trim();
  const planned = Number((await card.getByText(/ planned sets saved$/).textContent()).match(/of (\d+) planned/)[1]);
  return { title, index: Number(index), count: Number(count), name, target, planned, card };
}

/** The sets saved so far on this step, as the list shows them. */
export async function setsDone(page) {
  const list = page.getByRole("list").filter({ has: page.getByText(/^Set 1: /) });
  if ((await list.count()) === 0) return [];
  return (await list.getByRole("listitem").allTextContents()).map((s) => s.trim());
}

export function painScale(page) {
  return page.getByRole("group", { name: "Pain during, 0 to 10" });
}

/**
 * Do the current exercise step in full: every planned set at `pain`. Reps
 * are saved with the button; holds run their timer, moved on by the clock.
 */
export async function doStep(page, pain) {
  const step = await exerciseStep(page);
  const hold = step.card.getByRole("button", { name: /^Start \d+ s hold$/ });
  const saved = (await setsDone(page)).length;
  for (let n = saved + 1; n <= step.planned; n++) {
    // Every set is rated on its own: nothing stays picked after a save.
    await painScale(page).getByRole("radio", { name: new RegExp(`^${pain}(,|$)`) }).check();
    if ((await hold.count()) === 1) {
      const seconds = Number((await hold.textContent()).match(/\d+/)[0]);
      await hold.click();
      // The 3-2-1 lead-in, the hold, and a second to notice its end.
      await page.clock.fastForward((LEAD_IN + seconds) * 1000 + 1000);
    } else {
      await step.card.getByRole("button", { name: `Save set ${n}` }).click();
    }
    await step.card.getByText(new RegExp(`^${n} of ${step.planned} planned sets saved$`)).waitFor();
  }
  return step;
}

/**
 * Today's whole session through the logger: every set of every exercise at
 * `pain`, then how it felt. Returns the steps as shown.
 */
export async function doSession(page, { pain = 2, response = "The same" } = {}) {
  await onToday(page);
  await page.getByRole("button", { name: /^(Start|Resume) session$/ }).click();
  const steps = [];
  for (;;) {
    const step = await doStep(page, pain);
    steps.push({ name: step.name, target: step.target });
    if (step.index === step.count) break;
    await page.getByRole("button", { name: "Next exercise" }).click();
    await page.getByRole("heading", { level: 2, name: new RegExp(`^${step.index + 1} of `) }).waitFor();
  }
  await page.getByRole("button", { name: "Finish session" }).click();
  await finishSession(page, response);
  return steps;
}

export async function finishSession(page, response) {
  await page.getByRole("heading", { name: "How does it feel now?" }).waitFor();
  await page.getByRole("radio", { name: response, exact: true }).check();
  await page.getByRole("button", { name: "Save and finish" }).click();
  await onToday(page);
}

/** "3 x 10 reps" -> { sets: 3, amount: 10, unit: "reps" }. */
export function parseDose(text) {
  const m = text.match(/(\d+) x (\d+) (\S+)/);
  if (!m) throw new Error(`no dose in ${JSON.stringify(text)}`);
  return { sets: Number(m[1]), amount: Number(m[2]), unit: m[3] };
}

/** axe-core with the WCAG 2.2 AA tags; returns "rule: targets" lines. */
export async function axeViolations(page) {
  // axe waits on the page's timers: a paused clock would stall it for good.
  await page.clock.resume();
  let timer;
  const stalled = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error("axe did not finish in 30 s")), 30_000);
  });
  const result = await Promise.race([new AxeBuilder({ page }).withTags(TAGS).analyze(), stalled]).finally(() =>
    clearTimeout(timer),
  );
  if (result.passes.length < 10) throw new Error("axe checked almost nothing");
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A full-page picture at the phone's width, test-results/screens/<name>.png. */
export async function screenshot(page, name) {
  await mkdir(SCREENS, { recursive: true });
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, scale: "css", animations: "disabled", caret: "hide" });
  return path;
}

export const FIXTURES = join(ROOT, "tests", "e2e", "fixtures");

/** A tab of the main navigation ("Today", "Settings"). */
export async function openTab(page, name) {
  // Today's tab may add "(check-in due)" to its name.
  const label = new RegExp(`^${name}( \\(.*\\))?$`);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
}

/**
 * Restore a backup file through Settings, as a person would: pick the file,
 * read the preview, confirm. Returns the preview's summary line.
 */
export async function importBackup(page, file) {
  await openTab(page, "Settings");
  await page.getByLabel("Restore from a backup file").setInputFiles(join(FIXTURES, file));
  const confirm = page.getByRole("button", { name: "Replace my log with this backup" });
  await confirm.waitFor();
  const summary = (await page.getByText(/^Backup saved on /).textContent()).trim();
  await confirm.click();
  await onToday(page);
  return summary;
}

/** The people of rehab-model.md §8, as they answer the first-run form. */
export const PEOPLE = {
  // Example 1 and case 1: a runner whose tendon is not irritable.
  runner: {
    goal: "Running",
    equipment: ["A bench, sturdy chair or step", "Sliders, or a towel on a smooth floor", "A kettlebell or dumbbells"],
    baseline: 2,
  },
  // Case 2: pain for months, running hurts even easy.
  irritableRunner: {
    goal: "Running",
    test: "Single-leg bridge",
    baseline: 2,
    irritable: ["It has been getting worse for months", "Running hurts even when slow, short and flat"],
  },
  // Case 3: sitting hurts, no running goal.
  deskWorker: {
    goal: "Everyday life",
    test: "Your morning walk",
    baseline: 3,
    irritable: ["Sitting for less than 30 minutes hurts"],
  },
};

/**
 * Stop the page's clock a moment from now, on a whole second, so the test
 * moves time itself from here on. Returns the instant it stopped at.
 */
export async function pauseClock(page) {
  const now = await page.evaluate(() => Date.now());
  const stop = new Date(Math.ceil((now + 1000) / 1000) * 1000);
  await page.clock.pauseAt(stop);
  return stop;
}

/** The two phone sizes every screen is checked at. */
export const SIZES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
];

/** axe and a picture of the screen at both sizes, light and dark. */
export async function lookAtBothSizes(page, name, found) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      const label = `${name}-${size.width}${scheme === "dark" ? "-dark" : ""}`;
      const violations = await axeViolations(page);
      if (violations.length) found[label] = violations;
      await screenshot(page, label);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(SIZES[0]);
}
