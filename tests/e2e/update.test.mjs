// Deploying a new version while the app is open: the app offers it, and only
// switches when asked, keeping what the person typed. One version at a time:
// a page always comes with the stylesheet and code of the worker that serves
// it, whatever the host has meanwhile, until Reload is tapped or every tab of
// the app has closed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "./serve.mjs";
import { DIST, ROOT, appReady, checkIn, checkedInToday, offlineReady, onboard, openBrowser, shownVersion } from "./browser.mjs";

const STYLE = /<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="([^"]*)"/;

/**
 * Build B: build A's files with a changed stylesheet (so a new hashed name,
 * carrying B's id in a custom property the test reads back), re-stamped by
 * the post-build hook with a new id, as a real second deploy would be.
 */
async function makeBuildB(t, buildA) {
  const dir = await mkdtemp(join(tmpdir(), "rehab-build-b-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(buildA, dir, { recursive: true });
  const id = `${await buildIdOf(buildA)}-b`;

  const html = await readFile(join(dir, "index.html"), "utf8");
  const [link, oldName] = html.match(STYLE);
  const css = `${await readFile(join(dir, oldName), "utf8")}:root{--build:${id}}`;
  const name = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  const sri = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  await rm(join(dir, oldName));
  await writeFile(join(dir, name), css);
  await writeFile(join(dir, "index.html"), html.replace(link, `<link rel="stylesheet" href="./${name}" integrity="${sri}"`));

  execFileSync("node", [join(ROOT, "scripts", "sw-precache.mjs")], {
    env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: "release", BUILD_ID: id },
  });
  return { dir, id, stylesheet: name };
}

async function buildIdOf(dir) {
  const html = await readFile(join(dir, "index.html"), "utf8");
  return html.match(/<meta name="build-id" content="([^"]+)"/)[1];
}

/** Build A as served: its id and its stylesheet's name. */
async function buildA() {
  const html = await readFile(join(DIST, "index.html"), "utf8");
  return { dir: DIST, id: await buildIdOf(DIST), stylesheet: html.match(STYLE)[1] };
}

/**
 * Which version the open page is, by every part of it: the page's build-id
 * meta, the version the app (its wasm) shows, the stylesheet the page links
 * and the one the browser actually applied (B's says its id; A's says none).
 */
async function versionOnScreen(page) {
  await appReady(page);
  const parts = await page.evaluate(() => ({
    meta: document.querySelector('meta[name="build-id"]').content,
    stylesheet: document.querySelector('link[rel="stylesheet"]').getAttribute("href").replace("./", ""),
    applied: getComputedStyle(document.documentElement).getPropertyValue("--build").trim(),
  }));
  return { ...parts, shown: await shownVersion(page) };
}

function expected(build, marked) {
  return { meta: build.id, shown: build.id, stylesheet: build.stylesheet, applied: marked ? build.id : "" };
}

/** Serves A, opens it once (cached, controlled), then deploys B. */
async function deployWhileOpen(t) {
  const a = await buildA();
  const b = await makeBuildB(t, DIST);
  assert.notEqual(b.id, a.id);
  assert.notEqual(b.stylesheet, a.stylesheet);
  const server = await serve({ root: DIST });
  t.after(() => server.stop());
  const browser = await openBrowser();
  t.after(() => browser.close());
  const { page, context } = browser;
  const errors = [];
  context.on("weberror", (e) => errors.push(String(e.error())));
  t.after(() => assert.deepEqual(errors, [], "no errors in any page"));

  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  assert.deepEqual(await versionOnScreen(page), expected(a, false));
  await onboard(page);
  await checkIn(page, 3);
  assert.equal(await page.getByRole("button", { name: "Reload" }).count(), 0, "no prompt before a deploy");

  server.setRoot(b.dir);
  // The app asks the host for a new version when the phone gets signal back.
  await context.setOffline(true);
  await context.setOffline(false);
  await promptOf(page).getByText("New version ready").waitFor({ timeout: 20_000 });
  return { a, b, server, browser, page, context };
}

function promptOf(page) {
  return page.getByRole("status", { name: "App update" });
}

/** Whether a new version is installed and waiting behind the running one. */
/** Waits until the worker of build `id` is the active one (the handover done). */
async function activated(context, id) {
  const deadline = Date.now() + 15000;
  for (;;) {
    for (const worker of context.serviceWorkers()) {
      const state = await worker
        .evaluate((want) => (BUILD_ID === want ? self.serviceWorker.state : null), id)
        .catch(() => null);
      if (state === "activated") return;
    }
    assert.ok(Date.now() < deadline, `build ${id}'s worker never became active after the last tab closed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waiting(page) {
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting != null);
}

test("declining an update keeps the old version whole, online and offline, until Reload; then all is the new one", async (t) => {
  const { a, b, server, browser, page, context } = await deployWhileOpen(t);
  // Nothing was swapped under the open app: same version, entries untouched.
  assert.deepEqual(await versionOnScreen(page), expected(a, false));
  assert.ok(await checkedInToday(page));
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), [], "the prompt is accessible");

  await promptOf(page).getByRole("button", { name: "Not now" }).click();
  assert.equal(await promptOf(page).getByRole("button").count(), 0, "declined: the prompt is put away");
  assert.deepEqual(await versionOnScreen(page), expected(a, false));

  // Online, with B on the host: a reload, and the app's address opened
  // again from within it, still get A whole. (Leaving the app in its only
  // tab, say for about:blank, closes its last page: the next test's case.)
  const served = server.log.length;
  await page.reload();
  assert.deepEqual(await versionOnScreen(page), expected(a, false), "reloaded online");
  await page.goto(server.url);
  assert.deepEqual(await versionOnScreen(page), expected(a, false), "opened again online");
  assert.ok(
    server.log.slice(served).every((path) => path.endsWith("/sw.js")),
    `A's pages and files came from A's cache; the host was only asked for a new worker: ${server.log.slice(served)}`,
  );
  assert.ok(await waiting(page), "B still waits");
  await promptOf(page).getByText("New version ready").waitFor();
  assert.ok(await checkedInToday(page));

  await context.setOffline(true);
  await page.reload();
  assert.deepEqual(await versionOnScreen(page), expected(a, false), "reloaded offline");
  await context.setOffline(false);

  // A second tab of the same app, also on A.
  const other = await context.newPage();
  await other.goto(server.url);
  assert.deepEqual(await versionOnScreen(other), expected(a, false), "a second tab opens A too");

  // Accept: this page moves to B, and so does the other tab, on its own.
  const otherMoved = other.waitForEvent("load");
  await Promise.all([page.waitForEvent("load"), promptOf(page).getByRole("button", { name: "Reload" }).click()]);
  assert.deepEqual(await versionOnScreen(page), expected(b, true), "accepted: B's page, stylesheet and code");
  await otherMoved;
  assert.deepEqual(await versionOnScreen(other), expected(b, true), "the other tab followed");
  assert.ok(await checkedInToday(page), "the check-in survives the reload");
  assert.equal(await page.getByRole("button", { name: "Reload" }).count(), 0, "prompt gone after updating");

  // B stays B, offline too.
  await context.setOffline(true);
  await page.reload();
  assert.deepEqual(await versionOnScreen(page), expected(b, true), "B offline");
  await context.setOffline(false);

  // Build A's cache was deleted when B took over; B's alone remains.
  const caches = await page.evaluate(() => caches.keys());
  assert.equal(caches.length, 1, `one cache left: ${caches}`);
  assert.ok(caches[0].endsWith(`:${b.id}`), caches[0]);
  assert.deepEqual(browser.foreignRequests(), []);
});

test("once every tab of the app has closed, the next opening is the new version", async (t) => {
  const { a, b, server, browser, page, context } = await deployWhileOpen(t);
  const other = await context.newPage();
  await other.goto(server.url);
  assert.deepEqual(await versionOnScreen(other), expected(a, false));

  // One of two tabs closed: the other keeps A, reloaded too.
  await page.close();
  await other.reload();
  assert.deepEqual(await versionOnScreen(other), expected(a, false), "a tab of A is still open");

  // The last one closed: the browser hands over to B by itself. It does so
  // a moment after the tab is gone (Chromium counts the page's clients off
  // asynchronously), so a page opened in that moment still gets A; wait for
  // the handover itself, as a person reopening the app a second later would.
  await other.close();
  await activated(context, b.id);
  const again = await context.newPage();
  await again.goto(server.url);
  assert.deepEqual(await versionOnScreen(again), expected(b, true), "opened after all tabs closed");
  assert.ok(await checkedInToday(again), "the log is untouched");
  assert.equal(await again.getByRole("button", { name: "Reload" }).count(), 0, "nothing left to offer");
  assert.equal(await waiting(again), false);
  assert.deepEqual(browser.foreignRequests(), []);
});
