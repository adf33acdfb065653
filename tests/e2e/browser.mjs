// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core, as a phone, with a log of every request it makes.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The release build under test (scripts/test.sh builds it first). */
export const DIST = resolve(ROOT, process.env.DIST ?? "dist");
export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// `trunk serve` leaves a debug build (no service worker) in dist/.
if (!existsSync(resolve(DIST, "sw.js"))) {
  throw new Error(`${DIST} is not a release build: run bash scripts/build-release.sh first`);
}

// Root on a closed network (see toolchain.md). The resolver rule makes any
// other host fail on this machine, so a stray request is seen, never sent.
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/**
 * A fresh Chromium profile. A persistent context, because an incognito one is
 * never installable. `foreignRequests()` lists every request, from pages and
 * from the service worker, that went anywhere but 127.0.0.1.
 */
export async function openBrowser(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), "rehab-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    ...PHONE,
    ...options,
  });
  const requests = [];
  context.on("request", (request) => requests.push(request));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    foreignRequests: () => requests.map((r) => r.url()).filter((url) => !isLocal(url)),
    async close() {
      await context.close();
      // Chromium may still be writing its profile as it exits; retry briefly.
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

export function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:") return true;
  return (protocol === "http:" || protocol === "https:") && hostname === "127.0.0.1";
}

/** Waits for the wasm app (not just the HTML shell): any screen's heading. */
export async function appReady(page) {
  await page.locator("#app h2").first().waitFor();
}

/** Waits until a service worker controls the page, i.e. the build is cached. */
export async function offlineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

/**
 * First run through the real form. `options`: side, goal (as labelled),
 * test (self-test label), baseline, irritable (labels to tick), equipment
 * (labels to tick), redFlags (questions to tick), ceiling, twoLegs (the
 * self-test on two legs).
 */
export async function onboard(page, options = {}) {
  const o = {
    side: "Left",
    goal: "Running",
    test: "Single-leg bridge",
    baseline: 2,
    irritable: [],
    equipment: ["A bench, sturdy chair or step"],
    redFlags: [],
    ...options,
  };
  await firstRun(page);
  await toStep(page, 2);
  for (const label of o.redFlags) await page.getByRole("checkbox", { name: label }).check();
  await nextStep(page);
  await page.getByRole("radio", { name: o.side, exact: true }).check();
  await nextStep(page);
  await page.getByRole("radio", { name: o.goal }).check();
  await nextStep(page);
  for (const label of o.irritable) await page.getByRole("checkbox", { name: label }).check();
  await nextStep(page);
  if (o.ceiling !== undefined) {
    await page.getByRole("group", { name: "Your pain ceiling during exercise" }).getByRole("radio", { name: new RegExp(`^${o.ceiling}\\b`) }).check();
  }
  await nextStep(page);
  for (const label of o.equipment) await page.getByRole("checkbox", { name: label }).check();
  await nextStep(page);
  await page.getByRole("radio", { name: o.test, exact: true }).check();
  if (o.twoLegs) await page.getByRole("checkbox", { name: "I'll do it on two legs (one leg is too painful)" }).check();
  await nextStep(page);
  await page.getByRole("group", { name: /Do it once now/ }).getByRole("radio", { name: String(o.baseline), exact: true }).check();
  await page.getByRole("button", { name: "Start my plan" }).click();
  await appReady(page);
}

/** The first run is on screen (at whichever step a draft left it). */
export async function firstRun(page) {
  await page.locator("form.onboarding section.step:not([hidden])").waitFor();
}

/** The first-run step on screen, 1-based. */
export async function stepShown(page) {
  const label = await page.locator("form.onboarding section.step:not([hidden])").getAttribute("aria-label");
  return Number(label.match(/^Step (\d+) of/)[1]);
}

/** Moves the first run on to the next step (its answer must be there). */
export async function nextStep(page) {
  const from = await stepShown(page);
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.locator(`form.onboarding section.step[aria-label^="Step ${from + 1} of"]:not([hidden])`).waitFor();
}

/** Walks the first run, back or on, to step `n` (1-based). */
export async function toStep(page, n) {
  for (let at = await stepShown(page); at !== n; at = await stepShown(page)) {
    if (at > n) await page.getByRole("button", { name: "Back", exact: true }).click();
    else await nextStep(page);
  }
}

/** The morning check-in from Today: rate the self-test and save. */
export async function checkIn(page, rating) {
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  const scale = page.getByRole("group", { name: /How much did the/ });
  await scale.getByRole("radio", { name: new RegExp(`^${rating}(,|$)`) }).check();
  await page.getByRole("button", { name: /(Save|Update) check-in/ }).click();
  // A 9 or 10 is asked again ("did you mean 9?") before it is saved.
  if (rating >= 9) await page.getByRole("button", { name: `Yes, ${rating}` }).click();
  await page.getByRole("heading", { name: /What this means for yesterday/ }).waitFor();
  await page.getByRole("button", { name: "Back to today" }).click();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
}

/** Today, once this morning's check-in is in: the due card is gone. */
export async function checkedInToday(page) {
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  return (await page.getByRole("button", { name: "Start morning check-in" }).count()) === 0;
}

/** The build id the page says it runs ("Version <id>"). */
export async function shownVersion(page) {
  const text = await page.getByText(/^Version /).textContent();
  return text.replace(/^Version /, "").trim();
}
