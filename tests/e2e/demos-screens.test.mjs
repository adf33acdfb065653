// Pictures of every demonstration for a person to look at (issue 13):
// test-results/demos/<key>-<light|dark>.png, each at a 320 px phone's
// width with the app's own stylesheet: the start and end poses side by
// side (what reduced motion shows), and the moving figure stopped halfway
// through its cycle.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./browser.mjs";
import { startStory } from "./days.mjs";

const OUT = join(ROOT, "test-results", "demos");

for (const colorScheme of ["light", "dark"]) {
  test(`every demonstration drawn at 320 px (${colorScheme})`, async (t) => {
    await mkdir(OUT, { recursive: true });
    const { page } = await startStory(t, { colorScheme });
    await page.setViewportSize({ width: 320, height: 640 });
    const keys = await page.evaluate(async () => {
      const name = document.querySelector('meta[name="demos"]').content;
      const text = await (await fetch(name)).text();
      const keys = [...text.matchAll(/<!--([a-z0-9_-]+)-->/g)].map((m) => m[1]);
      // One card at a time in the app's own main area, so its CSS applies.
      window.__demos = text;
      return keys;
    });
    assert.ok(keys.length >= 61, `${keys.length} demonstrations`);
    for (const key of keys) {
      const box = await page.evaluate((key) => {
        const text = window.__demos;
        const cut = (mark) => {
          const at = text.indexOf(mark) + mark.length;
          return text.slice(at, text.indexOf("</svg>", at) + 6);
        };
        const moving = cut(`<!--${key}-->`);
        const still = cut(`<!--${key}.still-->`);
        const label = moving.match(/ data-l="([^"]*)"/)[1];
        const app = document.getElementById("app");
        app.innerHTML = `<section class="card"><h2>${label}</h2><figure class="demo"><div class="demo-art" role="img" aria-label="moving">${moving}</div><div class="demo-art still" role="img" aria-label="still">${still}</div></figure></section>`;
        const svg = app.querySelector(".demo-art svg");
        const dur = svg.querySelector("animate")?.getAttribute("dur");
        svg.pauseAnimations();
        if (dur) svg.setCurrentTime(parseInt(dur, 10) / 1000 / 2 - 0.75);
        return app.querySelector(".card").getBoundingClientRect().width;
      }, key);
      assert.ok(box <= 320, `${key} fits a 320 px screen`);
      await page.locator("#app .card").screenshot({ path: join(OUT, `${key}-${colorScheme}.png`) });
    }
  });
}
