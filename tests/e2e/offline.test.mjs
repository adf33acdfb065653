// After one visit the app opens and works with no network and with no server,
// at a site root and under a sub-path, from the same build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";
import { DIST, appReady, checkIn, checkedInToday, offlineReady, onboard, openBrowser } from "./browser.mjs";

for (const base of ["/", "/rehab/"]) {
  test(`after one visit at ${base} the app works with the network off and with the server stopped`, async (t) => {
    const server = await serve({ root: DIST, base });
    t.after(() => server.stop().catch(() => {}));
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page, context } = browser;

    await page.goto(server.url);
    await appReady(page);
    await offlineReady(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url, "the worker covers exactly the app's folder");

    // Network off: the page and every file come from this build's cache.
    await context.setOffline(true);
    const served = server.log.length;
    const offline = await page.reload();
    assert.ok(offline.fromServiceWorker(), "the page came from the service worker");
    await onboard(page);
    await checkIn(page, 2);
    await page.reload();
    await appReady(page);
    assert.ok(await checkedInToday(page), "the app still saves offline");
    assert.deepEqual(server.log.slice(served), [], "nothing reached the server while offline");
    await context.setOffline(false);

    // No server at all: a fresh navigation, as when opening the installed app.
    await server.stop();
    await page.goto("about:blank");
    const noServer = await page.goto(server.url);
    assert.ok(noServer.fromServiceWorker());
    await appReady(page);
    assert.ok(await checkedInToday(page), "the check-in is still there with no server");

    // A deep link still opens the app from the cache.
    await page.goto(`${server.url}history/week-3`);
    await appReady(page);
    assert.equal(new URL(page.url()).pathname, `${base}history/week-3`);

    assert.deepEqual(browser.foreignRequests(), []);
  });
}
