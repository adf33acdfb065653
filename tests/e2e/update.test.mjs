// Deploying a new version while the app is open: the app offers it, and only
// switches when asked, keeping what the person typed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./serve.mjs";
import { DIST, ROOT, appReady, checkIn, checkedInToday, offlineReady, onboard, openBrowser, shownVersion } from "./browser.mjs";

/** Build B: build A's files re-stamped by the post-build hook with a new id. */
async function makeBuildB(t, buildA) {
  const dir = await mkdtemp(join(tmpdir(), "rehab-build-b-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(buildA, dir, { recursive: true });
  const id = `${await buildIdOf(buildA)}-b`;
  execFileSync("node", [join(ROOT, "scripts", "sw-precache.mjs")], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: "release", BUILD_ID: id },
  });
  return { dir, id };
}

async function buildIdOf(dir) {
  const html = await readFile(join(dir, "index.html"), "utf8");
  return html.match(/<meta name="build-id" content="([^"]+)"/)[1];
}

test("a new deploy shows the update prompt; Reload moves to it and keeps what was entered", async (t) => {
  const idA = await buildIdOf(DIST);
  const buildB = await makeBuildB(t, DIST);
  assert.notEqual(buildB.id, idA);

  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, context } = browser;

  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  assert.equal(await shownVersion(page), idA);
  await onboard(page);
  await checkIn(page, 3);
  assert.equal(await page.getByRole("button", { name: "Reload" }).count(), 0, "no prompt before a deploy");

  server.setRoot(buildB.dir);
  // The app asks the host for a new version when the phone gets signal back.
  await context.setOffline(true);
  await context.setOffline(false);

  const prompt = page.getByRole("status", { name: "App update" });
  await prompt.getByText("New version ready").waitFor({ timeout: 20_000 });
  // Nothing was swapped under the open app: same version, entries untouched.
  assert.equal(await shownVersion(page), idA);
  assert.ok(await checkedInToday(page));
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], "the prompt is accessible");

  await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
  await appReady(page);
  assert.equal(await shownVersion(page), buildB.id);
  assert.ok(await checkedInToday(page), "the check-in survives the reload");
  assert.equal(await page.getByRole("button", { name: "Reload" }).count(), 0, "prompt gone after updating");

  // Build A's cache was deleted when B took over; B's alone remains.
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `one cache left: ${caches}`);
  assert.ok(caches[0].endsWith(`:${buildB.id}`), caches[0]);
  assert.deepEqual(browser.foreignRequests(), []);
});
