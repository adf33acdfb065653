// Two real tabs of one browser profile writing at the same moment (issue
// 17): every save runs under the cross-tab write lock and re-reads first,
// so no set is lost or doubled, even by a tab that hears no storage events;
// a check-in another tab changed first wins, and the losing tab says so.
// A save that did not fit is tried again once space comes back, without
// another edit, and as the page closes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, checkIn, onboard } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { fillStorage, loggedSets, openApp, openLogger, openTab, saveSet, storedEntries } from "./storage-helpers.mjs";

let server;
before(async () => {
  server = await serve({ root: DIST });
});
after(() => server?.stop());

/** A tab can be made deaf to storage events, as if it missed them all. */
function deafening(context) {
  return context.addInitScript(() => {
    window.addEventListener("storage", (e) => window.deaf && e.stopImmediatePropagation(), true);
  });
}

/**
 * In the logger: from the wall-clock moment `at`, pick pain `pain` and tap
 * "Save set" `n` times, a task apart, as fast as the page takes them.
 */
function burst(page, pain, n, at) {
  return page.evaluate(
    async ({ pain, n, at }) => {
      const tick = () => new Promise((r) => setTimeout(r, 0));
      while (Date.now() < at) await tick();
      const scale = [...document.querySelectorAll("fieldset")].find((f) => f.querySelector("legend")?.textContent === "Pain during, 0 to 10");
      for (let i = 0; i < n; i++) {
        scale.querySelector(`input[value="${pain}"]`).click();
        await tick();
        [...document.querySelectorAll("button")].find((b) => /^Save set \d+$/.test(b.textContent.trim())).click();
        await tick();
      }
    },
    { pain, n, at },
  );
}

/** Today's sessions as stored, each as its sets' pain ratings. */
async function storedSessions(page) {
  const entries = await storedEntries(page);
  return entries.filter((e) => e.type === "session").map((s) => s.blocks.flatMap((b) => b.sets.map((x) => x.pain)));
}

/** Waits until storage holds `total` sets (and then no more writes come). */
async function settled(page, total) {
  let last = "";
  for (let i = 0; i < 200; i++) {
    const now = JSON.stringify(await storedSessions(page));
    if (now === last && JSON.parse(now).flat().length >= total) return JSON.parse(now);
    last = now;
    await page.waitForTimeout(100);
  }
  return JSON.parse(last);
}

async function twoLoggers(t, { deaf = false } = {}) {
  const { context, page: a } = await openApp(t, server.url);
  await deafening(context);
  await onboard(a);
  await checkIn(a, 2);
  const b = await openTab(context, server.url);
  if (deaf) await b.evaluate(() => (window.deaf = true));
  await openLogger(a);
  await openLogger(b);
  return { context, a, b };
}

async function fortyAtOnce(t, options) {
  const { a, b } = await twoLoggers(t, options);
  for (let round = 1; round <= 10; round++) {
    const at = Date.now() + 300;
    await Promise.all([burst(a, 1, 20, at), burst(b, 2, 20, at)]);
    const sessions = await settled(a, 40 * round);
    assert.equal(sessions.length, 1, `round ${round}: one session`);
    const pains = sessions[0];
    assert.equal(pains.filter((p) => p === 1).length, 20 * round, `round ${round}: tab A's sets, each once`);
    assert.equal(pains.filter((p) => p === 2).length, 20 * round, `round ${round}: tab B's sets, each once`);
    assert.equal(pains.length, 40 * round, `round ${round}: nothing else`);
    // What tab A shows is what is stored (B too, when it hears A).
    await a.getByRole("listitem").filter({ hasText: new RegExp(`^Set ${40 * round}: `) }).waitFor();
    assert.equal((await loggedSets(a)).length, 40 * round);
    if (!options?.deaf) assert.equal((await loggedSets(b)).length, 40 * round);
  }
}

test("two tabs saving 40 sets at the same moment, ten times, lose and double nothing", async (t) => {
  await fortyAtOnce(t);
});

test("the same with one tab hearing none of the other's storage events", async (t) => {
  await fortyAtOnce(t, { deaf: true });
});

test("a check-in corrected in two tabs keeps the first stored, and the other tab says what it now reads", async (t) => {
  const { context, page: a } = await openApp(t, server.url);
  await deafening(context);
  await onboard(a);
  await checkIn(a, 2);
  const b = await openTab(context, server.url);
  await b.evaluate(() => (window.deaf = true));
  await correctCheckIn(a, 5);
  // B never heard of the 5 and corrects the 2 it shows.
  await correctCheckIn(b, 3);
  await b.getByRole("alert").getByText("This check-in was changed in another tab: it now reads 5/10.").waitFor();
  const mornings = (await storedEntries(b)).filter((e) => e.type === "morning");
  assert.deepEqual(mornings.map((m) => m.rating), [5]);
});

/** Correct this morning's check-in to `rating` (the check-in screen's own address). */
async function correctCheckIn(page, rating) {
  await page.bringToFront();
  await page.evaluate(() => (location.hash = "#/check-in"));
  await page.getByRole("group", { name: /How much did the/ }).getByRole("radio", { name: new RegExp(`^${rating}(,|$)`) }).check();
  await page.getByRole("button", { name: "Update check-in" }).click();
}

/** Remove the filler keys from `page`'s localStorage: space comes back. */
function freeSpace(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
}

const FULL = /storage for the app is full/;

test("storage full, then space freed in another tab: the sets are stored without another edit", async (t) => {
  const { context, page: a } = await openApp(t, server.url);
  await onboard(a);
  await checkIn(a, 2);
  await openLogger(a);
  await fillStorage(a);
  await saveSet(a, 1);
  await saveSet(a, 2);
  await a.getByText(FULL).waitFor();
  assert.deepEqual(await storedSessions(a), []);
  const b = await openTab(context, server.url);
  await freeSpace(b);
  await a.getByText(FULL).waitFor({ state: "detached" });
  // B's copy of localStorage catches up with A's write a moment later.
  assert.deepEqual(await settled(b, 2), [[1, 2]]);
});

test("a page closed right after a failed save stores what it could once space is back", async (t) => {
  const { context, page: a } = await openApp(t, server.url);
  await deafening(context);
  await a.reload();
  await onboard(a);
  await checkIn(a, 2);
  await openLogger(a);
  await a.evaluate(() => (window.deaf = true));
  const b = await openTab(context, server.url);
  await fillStorage(a);
  await saveSet(a, 3);
  await a.getByText(FULL).waitFor();
  // Past the first retry (1 s), inside the second's back-off (2 s more).
  await a.waitForTimeout(1500);
  await freeSpace(b);
  await a.close();
  assert.deepEqual(await settled(b, 1), [[3]]);
});
