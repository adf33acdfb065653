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
  throw new Error(`${DIST} is not a release build: run trunk build --release --offline=true first`);
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
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:") return true;
  return (protocol === "http:" || protocol === "https:") && hostname === "127.0.0.1";
}

/** Waits for the wasm app (not just the HTML shell) to be on screen. */
export async function appReady(page) {
  await page.getByRole("heading", { name: "Your programme" }).waitFor();
}

/** Waits until a service worker controls the page, i.e. the build is cached. */
export async function offlineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

/** The note box on the first screen. */
export function noteBox(page) {
  return page.getByRole("textbox", { name: "Notes for your physio" });
}

/** The build id the page says it runs ("Version <id>"). */
export async function shownVersion(page) {
  const text = await page.getByText(/^Version /).textContent();
  return text.replace(/^Version /, "").trim();
}
