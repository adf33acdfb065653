// Installable to a home screen: Chromium's own installability check, the
// manifest it parsed, and the icons it points to; and the app's own way of
// offering it, an Install button or, on iPhone Safari, the steps.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./serve.mjs";
import { DIST, appReady, offlineReady, onboard, openBrowser } from "./browser.mjs";
import { SCREENS } from "./days.mjs";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), "PNG", "a real PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("Chromium reports no installability errors and reads the whole manifest", async (t) => {
  const server = await serve({ root: DIST, base: "/rehab/" });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, context } = browser;

  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);

  const { url, errors, data } = await cdp.send("Page.getAppManifest");
  assert.equal(url, `${server.url}manifest.webmanifest`);
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, "Hamstring rehab");
  assert.equal(manifest.short_name, "Rehab");
  assert.ok(manifest.description.length > 20);
  assert.equal(manifest.start_url, "./", "relative, so it works under any sub-path");
  assert.equal(manifest.scope, "./");
  assert.equal(manifest.display, "standalone");
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);

  const icons = manifest.icons.map(({ src, sizes, purpose }) => ({ src, sizes, purpose }));
  for (const wanted of [
    { sizes: "192x192", purpose: "any" },
    { sizes: "512x512", purpose: "any" },
    { sizes: "512x512", purpose: "maskable" },
  ]) {
    const icon = icons.find((i) => i.sizes === wanted.sizes && i.purpose === wanted.purpose);
    assert.ok(icon, `an icon ${wanted.sizes} for ${wanted.purpose}`);
    assert.equal(pngSize(await readFile(join(DIST, icon.src))), wanted.sizes, icon.src);
  }

  // iOS ignores the manifest's icons and display mode; the page says them.
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  assert.equal(pngSize(await readFile(join(DIST, touchIcon))), "180x180");
  assert.equal(await page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute("content"), "yes");
  assert.ok(await page.locator('meta[name="apple-mobile-web-app-title"]').getAttribute("content"));
  assert.deepEqual(browser.foreignRequests(), []);
});

// Getting it onto the phone from inside the app (src/ui/install.rs).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/**
 * Runs in the page before its own scripts. Chromium here may make a real
 * install offer at any moment; it is held back before the page sees it, so
 * the only offers are the test's: an event with a stub prompt() that counts
 * its calls. The first one comes as soon as the HTML is parsed, before the
 * app's code has started (as a browser may), and says whether it did.
 */
function stubInstallOffers() {
  addEventListener("beforeinstallprompt", (event) => event.isTrusted && event.stopImmediatePropagation(), true);
  window.promptCalls = 0;
  window.offerInstall = () => {
    const offer = new Event("beforeinstallprompt", { cancelable: true });
    offer.prompt = () => {
      window.promptCalls += 1;
      return Promise.resolve({ outcome: "accepted" });
    };
    offer.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
    dispatchEvent(offer);
    return offer.defaultPrevented;
  };
  addEventListener("DOMContentLoaded", () => {
    window.offeredBeforeTheApp = document.querySelector("#app h2") === null;
    window.firstOfferKept = window.offerInstall();
  });
}

async function axeClean(page, what) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), [], what);
}

test("where the browser offers installing, Today shows an Install button that opens the browser's dialog", async (t) => {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page } = browser;
  await page.addInitScript(stubInstallOffers);

  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.evaluate(() => window.offeredBeforeTheApp), true, "the offer came before the app started");
  assert.equal(await page.evaluate(() => window.firstOfferKept), true, "the page kept it for its own button");
  assert.equal(await page.getByRole("button", { name: "Install" }).count(), 0, "not in the way of the first run");
  await onboard(page);
  const install = page.getByRole("button", { name: "Install", exact: true });
  await install.waitFor();
  assert.equal(await page.getByRole("heading", { name: "Add it to your home screen" }).count(), 0, "no iPhone steps here");
  await axeClean(page, "Today with the Install card");

  await install.click();
  assert.equal(await page.evaluate(() => window.promptCalls), 1, "the browser's dialog was asked for once");
  assert.equal(await install.count(), 0, "an offer is used once");

  // A new offer brings it back; once the app is installed it goes.
  await page.evaluate(() => window.offerInstall());
  await install.waitFor();
  await page.evaluate(() => dispatchEvent(new Event("appinstalled")));
  await page.getByRole("heading", { name: "Keep it on your home screen" }).waitFor({ state: "detached" });
  assert.equal(await install.count(), 0);

  // "No thanks" puts it away for good on this phone, new offers or not.
  await page.reload();
  await install.waitFor();
  await page.getByRole("button", { name: "No thanks" }).click();
  assert.equal(await install.count(), 0);
  await page.reload();
  await appReady(page);
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.firstOfferKept), true, "offered again after the reload");
  assert.equal(await install.count(), 0, "still put away after a reload");
  assert.equal(await page.evaluate(() => window.promptCalls), 0);
  assert.deepEqual(browser.foreignRequests(), []);
});

test("on iPhone Safari, Today shows the Add to Home Screen steps once, accessible in light and dark", async (t) => {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser({ userAgent: IPHONE_SAFARI });
  t.after(() => browser.close());
  const { page } = browser;

  await page.goto(server.url);
  await appReady(page);
  await onboard(page);
  const card = page.getByRole("region", { name: "Add it to your home screen" });
  await card.waitFor();
  const steps = await card.getByRole("listitem").allTextContents();
  assert.equal(steps.length, 3, `three steps: ${steps}`);
  assert.match(steps[0], /Share/);
  assert.match(steps[1], /Add to Home Screen/);
  assert.equal(await page.getByRole("button", { name: "Install", exact: true }).count(), 0, "Safari has no install offer");
  await mkdir(SCREENS, { recursive: true });
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    await axeClean(page, `Today with the iPhone steps (${colorScheme})`);
    await card.screenshot({ path: join(SCREENS, `install-iphone-${colorScheme}.png`) });
  }

  await card.getByRole("button", { name: "Got it" }).click();
  assert.equal(await card.count(), 0);
  await page.reload();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  assert.equal(await card.count(), 0, "shown once: put away stays away");

  // Opened from the home screen (Safari's own flag): nothing to suggest.
  await page.evaluate(() => localStorage.removeItem("phtrehab_install_card"));
  await page.reload();
  await card.waitFor();
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "standalone", { get: () => true }));
  await page.reload();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  assert.equal(await card.count(), 0, "nothing shown when running installed");
  assert.deepEqual(browser.foreignRequests(), []);
});
