// Installable to a home screen: Chromium's own installability check, the
// manifest it parsed, and the icons it points to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "./serve.mjs";
import { DIST, appReady, offlineReady, openBrowser } from "./browser.mjs";

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
