// No request leaves the origin: a whole visit (page, worker install, offline
// reload) touches 127.0.0.1 only. Every other test checks the same log.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";
import { DIST, appReady, checkIn, offlineReady, onboard, openBrowser } from "./browser.mjs";

test("a visit, the worker's install and an offline reload stay on the origin", async (t) => {
  const server = await serve({ root: DIST, base: "/rehab/" });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, context, requests } = browser;

  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  await onboard(page);
  await checkIn(page, 2);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await context.setOffline(false);

  const urls = requests.map((r) => r.url());
  assert.ok(urls.length >= 10, `the log saw the visit: ${urls.length} requests`);
  assert.ok(requests.some((r) => r.serviceWorker()), "the log sees the worker's own requests too");
  assert.deepEqual(browser.foreignRequests(), []);
  assert.ok(urls.every((url) => url.startsWith(server.origin)), "every request went to the app's origin");
});

test("the request log does catch a request to another host", async (t) => {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page } = browser;

  await page.goto(server.url);
  await appReady(page);
  // .invalid never resolves, and the resolver rule stops it on this machine.
  await page.evaluate(() => fetch("https://cdn.example.invalid/font.woff2").catch(() => {}));
  assert.deepEqual(browser.foreignRequests(), ["https://cdn.example.invalid/font.woff2"]);
});
