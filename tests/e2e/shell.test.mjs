// The static hosting contract: the HTML shell paints before any script, and a
// deep link answered by the host's 404.html still opens the app, at a root and
// under a sub-path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./serve.mjs";
import { DIST, appReady, openBrowser } from "./browser.mjs";

test("the HTML shell shows the title and header with no script at all", async (t) => {
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser({ javaScriptEnabled: false });
  t.after(() => browser.close());
  const { page } = browser;

  await page.goto(server.url);
  assert.equal(await page.title(), "Hamstring rehab");
  await page.getByRole("banner").getByRole("heading", { level: 1, name: "Hamstring rehab" }).waitFor();
  await page.getByText("Getting today ready").waitFor();
  assert.deepEqual(browser.foreignRequests(), []);
});

for (const base of ["/", "/rehab/"]) {
  test(`a deep link under ${base} opens the app through the host's 404.html`, async (t) => {
    const server = await serve({ root: DIST, base });
    t.after(() => server.stop());
    const browser = await openBrowser();
    t.after(() => browser.close());
    const { page } = browser;

    const deep = `${server.url}history/2025/week-3`;
    const response = await page.goto(deep);
    assert.equal(response.status(), 404, "the host knows nothing of this path");
    await appReady(page);
    assert.equal(page.url(), deep, "the address keeps the deep link");
    // The app found its own folder: the worker is registered there, not deeper.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);
    assert.deepEqual(browser.foreignRequests(), []);
  });
}
