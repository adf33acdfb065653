// axe-core on the first screen, in light and dark mode (the colours differ).
import { test } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./serve.mjs";
import { DIST, appReady, openBrowser } from "./browser.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds no WCAG 2.2 AA violations on the first screen (${colorScheme})`, async (t) => {
    const server = await serve({ root: DIST });
    t.after(() => server.stop());
    const browser = await openBrowser({ colorScheme });
    t.after(() => browser.close());
    const { page } = browser;

    await page.goto(server.url);
    await appReady(page);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
    assert.deepEqual(summary, []);
    assert.ok(result.passes.length > 10, "axe really checked the page");
    assert.deepEqual(browser.foreignRequests(), []);
  });
}
