// Helpers for the storage end-to-end tests: a phone browser on a profile
// that can be closed and opened again on the same data, what localStorage
// holds, the session logger, and backups through the real settings screen.
// Elements are found by role and accessible name.
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_FLAGS, PHONE, ROOT, appReady } from "./browser.mjs";

export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const SCREENS = join(ROOT, "test-results", "screens");
/** Our keys in localStorage; anything else belongs to someone else. */
export const PREFIX = "phtrehab:";
export const META = "phtrehab:meta";
export const BACKUP_NAME = /^phtrehab-backup-\d{4}-\d{2}-\d{2}\.json$/;

/** A profile directory for {@link launch}, removed when the test ends. */
export async function newProfile(t) {
  const dir = await mkdtemp(join(tmpdir(), "rehab-storage-"));
  t.after(() => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  return dir;
}

/**
 * Chromium as a phone on `profile`, closed when the test ends. Errors thrown
 * in any of its pages (a wasm panic among them) fail the test.
 */
export async function launch(t, profile, options = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
    ...PHONE,
    ...options,
  });
  const errors = [];
  const watch = (page) => page.on("pageerror", (e) => errors.push(String(e)));
  context.pages().forEach(watch);
  context.on("page", watch);
  let closed = false;
  t.after(async () => {
    if (!closed) await context.close();
    if (errors.length) throw new Error(`errors in the page: ${errors.join("; ")}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      closed = true;
      await context.close();
    },
  };
}

/**
 * Fill the rest of the site's localStorage with someone else's keys
 * (`filler-N`), to the last character it takes.
 */
export async function fillStorage(page) {
  const filled = await page.evaluate(() => {
    let chunk = "x".repeat(1 << 20);
    let n = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${n}`, chunk);
        n += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return n;
  });
  if (filled <= 4) throw new Error(`localStorage took only ${filled} MB of filler`);
}

/** A fresh phone browser with the app open on `url`. */
export async function openApp(t, url, options = {}) {
  const { context, page } = await launch(t, await newProfile(t), options);
  await page.goto(url);
  await appReady(page);
  return { context, page };
}

/** Another tab of the same browser, on the app. */
export async function openTab(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await appReady(page);
  return page;
}

/**
 * Everything in localStorage, as `{ key: value }`, once the saves asked for
 * so far have run. The app saves under a cross-tab write lock a moment after
 * each edit (src/storage/browser.rs, `LOCKED`): the lock is granted in turn,
 * so holding it here comes after every save already waiting for it; then,
 * as the app does, wait until this tab's copy of localStorage shows the
 * last save's count (another tab's write reaches it a moment later).
 */
export function stored(page) {
  return page.evaluate(async () => {
    const count = () =>
      new Promise((done) => {
        try {
          const q = indexedDB.open("phtrehab", 1);
          q.onupgradeneeded = () => q.result.createObjectStore("s");
          q.onerror = () => done(0);
          q.onsuccess = () => {
            try {
              const r = q.result.transaction("s").objectStore("s").get("phtrehab-seq");
              r.onsuccess = () => (q.result.close(), done(r.result || 0));
              r.onerror = () => done(0);
            } catch {
              done(0);
            }
          };
        } catch {
          done(0);
        }
      });
    const caughtUp = async () => {
      const n = await count();
      for (let i = 0; i < 100 && (+localStorage.getItem("phtrehab-seq") || 0) < n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    if (navigator.locks) await navigator.locks.request("phtrehab-write", caughtUp).catch(() => {});
    return Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  });
}

/** Our keys only, with month parts and the index parsed. */
export async function storedDocs(page) {
  const all = await stored(page);
  return Object.fromEntries(
    Object.entries(all)
      .filter(([k]) => k.startsWith(PREFIX))
      .map(([k, v]) => [k, JSON.parse(v)]),
  );
}

/** Every entry stored, across month parts. */
export async function storedEntries(page) {
  const docs = await storedDocs(page);
  return Object.entries(docs)
    .filter(([k]) => k !== META)
    .flatMap(([, doc]) => doc.entries);
}

/** The date on the page's clock, YYYY-MM-DD in its time zone. */
export function pageDate(page) {
  return page.evaluate(() => new Date().toLocaleDateString("en-CA"));
}

// The session logger.

// Actions bring their tab to the front first: in a background tab
// Playwright's checks wait on animation frames that do not come.

export async function openLogger(page) {
  await page.bringToFront();
  await page.getByRole("button", { name: /^(Start|Resume) session$/ }).click();
  await page.getByRole("heading", { name: /^1 of \d+: / }).waitFor();
}

/** The sets the logger lists for this exercise, as shown. */
export function loggedSets(page) {
  return page.getByRole("listitem").filter({ hasText: /^Set \d+: / }).allInnerTexts();
}

/** Pick the pain and tap "Save set N"; waits until the list shows it. */
export async function saveSet(page, pain) {
  await page.bringToFront();
  const before = (await loggedSets(page)).length;
  await page.getByRole("group", { name: "Pain during, 0 to 10" }).getByRole("radio", { name: new RegExp(`^${pain}(,|$)`) }).check();
  await page.getByRole("button", { name: `Save set ${before + 1}` }).click();
  await waitForSets(page, before + 1);
}

/** Waits until the logger lists `n` sets (saved here or in another tab). */
export async function waitForSets(page, n) {
  await page.getByRole("listitem").filter({ hasText: new RegExp(`^Set ${n}: `) }).waitFor();
}

export async function goTo(page, tab) {
  await page.bringToFront();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: new RegExp(`^${tab}`) }).click();
}

// Downloads and backups.

/** Click `button` and return the file it downloads as `{ name, text }`. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** The "Your data" card in settings. */
export function yourData(page) {
  return page.getByRole("region", { name: "Your data" });
}

/** Export a backup from settings: `{ name, text, json }`. */
export async function exportBackup(page) {
  await goTo(page, "Settings");
  const file = await download(page, yourData(page).getByRole("button", { name: "Export a backup" }));
  return { ...file, json: JSON.parse(file.text) };
}

/** Choose a file in the first "Restore from a backup file" input shown. */
export async function chooseBackup(page, name, text) {
  await page
    .getByLabel("Restore from a backup file")
    .first()
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

// Accessibility and screenshots.

/** axe's WCAG 2.2 AA violations on the page as `id: targets` lines, after a screenshot. */
export async function axeAndScreenshot(page, name) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  if (result.passes.length < 10) throw new Error("axe did not really check the page");
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}
