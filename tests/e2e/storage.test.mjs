// Data that is never lost, end to end in Chromium as a phone: sets survive
// a crashed page and a restarted browser; a backup exported from settings
// restores the identical log after site data is cleared; bad files change
// nothing; two tabs see each other's entries and never overwrite them.
// Unreadable data is in recovery.test.mjs; a full or refusing storage,
// persistence and the backup reminder in storage-limits.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, appReady, checkIn, firstRun, onboard } from "./browser.mjs";
import { serve } from "./serve.mjs";
import {
  BACKUP_NAME,
  axeAndScreenshot,
  chooseBackup,
  download,
  exportBackup,
  goTo,
  launch,
  loggedSets,
  newProfile,
  openApp,
  openLogger,
  openTab,
  pageDate,
  saveSet,
  stored,
  storedEntries,
  waitForSets,
  yourData,
} from "./storage-helpers.mjs";

let server;
before(async () => {
  server = await serve({ root: DIST });
});
after(() => server?.stop());

test("sets saved mid-session survive a crashed page and a restarted browser", async (t) => {
  const profile = await newProfile(t);
  let browser = await launch(t, profile);
  let { page } = browser;
  await page.goto(server.url);
  await appReady(page);
  await onboard(page);
  await openLogger(page);
  await saveSet(page, 1);
  await saveSet(page, 2);
  await saveSet(page, 0);
  const shown = await loggedSets(page);
  assert.equal(shown.length, 3);

  // The renderer dies mid-session, with the rest timer running: no unload
  // handler, nothing gets a chance to run.
  const cdp = await browser.context.newCDPSession(page);
  const crashed = page.waitForEvent("crash");
  cdp.send("Page.crash").catch(() => {});
  await crashed;
  page = await openTab(browser.context, server.url);
  await openLogger(page);
  assert.deepEqual(await loggedSets(page), shown);

  // And the whole browser, then opened again on the same profile.
  await browser.close();
  browser = await launch(t, profile);
  page = browser.page;
  await page.goto(server.url);
  await page.getByRole("button", { name: "Resume session" }).click();
  await waitForSets(page, 3);
  assert.deepEqual(await loggedSets(page), shown);
});

test("a backup exported from settings restores the identical log after site data is cleared", async (t) => {
  const { context, page } = await openApp(t, server.url);
  await onboard(page);
  await checkIn(page, 2);
  await openLogger(page);
  await saveSet(page, 1);
  await saveSet(page, 3);

  const today = await pageDate(page);
  const backup = await exportBackup(page);
  assert.match(backup.name, BACKUP_NAME);
  assert.equal(backup.name, `phtrehab-backup-${today}.json`);
  assert.equal(backup.json.app, "phtrehab");
  assert.equal(backup.json.kind, "backup");
  assert.equal(typeof backup.json.version, "number");
  assert.equal(backup.json.exported, today);
  assert.deepEqual(
    backup.json.log.entries.map((e) => e.type),
    ["baseline", "morning", "session"],
  );
  const sets = backup.json.log.entries[2].blocks[0].sets;
  assert.deepEqual(sets.map((s) => s.pain), [1, 3]);
  await yourData(page).getByText(`Last backup: ${today}.`).waitFor();
  // And for a spreadsheet: one row per set, one per check-in.
  const sessionsCsv = await download(page, yourData(page).getByRole("button", { name: "Sessions as CSV" }));
  assert.equal(sessionsCsv.name, `phtrehab-sessions-${today}.csv`);
  const rows = sessionsCsv.text.trim().split(/\r?\n/);
  assert.match(rows[0], /^date,exercise,side,set,reps_or_seconds,kg,pain,/);
  assert.equal(rows.length, 3);
  const checkinsCsv = await download(page, yourData(page).getByRole("button", { name: "Check-ins as CSV" }));
  assert.equal(checkinsCsv.name, `phtrehab-check-ins-${today}.csv`);
  assert.equal(checkinsCsv.text.trim().split(/\r?\n/).length, 2);

  // The browser evicts localStorage (the marker cookie survives): the app
  // says the log vanished and offers the restore first.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await firstRun(page);
  await page.getByText("Your saved log seems to have been cleared by the browser.").waitFor();
  await restore(page, backup, `Backup saved on ${today}: 1 session (2 sets) and 1 morning check-in, from ${today} to ${today}.`);
  await page.getByRole("status").getByText(/^Backup restored\./).waitFor();
  assert.equal(await page.getByText(/seems to have been cleared/).count(), 0, "the warning went with the restore");
  assert.deepEqual((await exportBackup(page)).json.log, backup.json.log);
  assert.equal(await page.getByText(/^Backup restored/).count(), 0, "the status line stays with its screen");

  // "Clear site data" in the browser's settings: everything, cookies too.
  // With the app closed: an open page still holds the log and saves it
  // again (the two-tab test shows that).
  await page.goto("about:blank");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.clearDataForOrigin", { origin: server.origin, storageTypes: "all" });
  await page.goto(server.url);
  await firstRun(page);
  assert.equal(await page.getByText(/seems to have been cleared/).count(), 0, "no marker left to tell");
  assert.deepEqual(await stored(page), {});
  await restore(page, backup, /^Backup saved on /);
  const again = await exportBackup(page);
  assert.deepEqual(again.json.log, backup.json.log);

  // The restored log is the app's, not just a file: the logger lists its sets.
  await goTo(page, "Today");
  await openLogger(page);
  assert.deepEqual(await loggedSets(page), ["Set 1: 10 reps, pain 1/10", "Set 2: 10 reps, pain 3/10"]);
});

/** On the first-run screen: choose the backup, check the preview, confirm. */
async function restore(page, backup, preview) {
  await page.getByRole("heading", { name: "Used this app before?" }).waitFor();
  await chooseBackup(page, backup.name, backup.text);
  await page.getByText(preview).waitFor();
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
}

test("a file that is not a valid backup is refused plainly and changes nothing", async (t) => {
  const { page } = await openApp(t, server.url);
  await onboard(page);
  await checkIn(page, 2);
  const backup = await exportBackup(page);
  const before = await stored(page);

  const future = { ...backup.json, version: 999 };
  const impossible = structuredClone(backup.json);
  impossible.log.entries[1].rating = 99;
  const bad = [
    ["notes.txt", "my rehab notes", /This isn't a backup from this app\. Look for a file named like phtrehab-backup-/],
    ["cut.json", backup.text.slice(0, Math.floor(backup.text.length / 2)), /seems to be cut off/],
    ["future.json", JSON.stringify(future), /made by a newer version of the app\. Reload the page to update/],
    ["other.json", JSON.stringify({ app: "another-app", kind: "backup", version: 1 }), /This isn't a backup from this app/],
    ["impossible.json", JSON.stringify(impossible), /This backup has something the app can't use: entry 2 on .* has .*out of range/],
  ];
  for (const [name, text, message] of bad) {
    await chooseBackup(page, name, text);
    const alert = page.getByRole("alert").filter({ hasText: message });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Your current log hasn't changed\.$/, name);
    assert.equal(await page.getByRole("button", { name: /Replace my log/ }).count(), 0, name);
    assert.deepEqual(await stored(page), before, `${name} left storage exactly as it was`);
  }

  // A valid one shows what it holds; cancelling changes nothing either.
  await chooseBackup(page, backup.name, backup.text);
  await page.getByText(/^Backup saved on .*: 0 sessions \(0 sets\) and 1 morning check-in/).waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.getByRole("button", { name: /Replace my log/ }).count(), 0);
  assert.deepEqual(await stored(page), before);

  assert.deepEqual(await axeAndScreenshot(page, "settings"), []);
});

test("two tabs: each sees the other's entries at once, and neither overwrites the other", async (t) => {
  const { context, page: a } = await openApp(t, server.url);
  // A tab can be made deaf to storage events, as if both saved at once.
  await context.addInitScript(() => {
    window.addEventListener("storage", (e) => window.deaf && e.stopImmediatePropagation(), true);
  });
  await onboard(a);
  const b = await openTab(context, server.url);
  await b.getByRole("button", { name: "Start morning check-in" }).waitFor();

  await a.bringToFront();
  await checkIn(a, 2);
  await b.getByRole("button", { name: "Start morning check-in" }).waitFor({ state: "detached" });

  await openLogger(a);
  await openLogger(b);
  await saveSet(b, 1);
  await waitForSets(a, 1);
  await saveSet(a, 2);
  await waitForSets(b, 2);

  // B hears nothing while A marks a flare day, then saves a set on its
  // stale log: the save merges first, so both the flare and the set stay.
  await b.evaluate(() => (window.deaf = true));
  await goTo(a, "Today");
  await a.getByRole("button", { name: "Mark today as a flare day" }).click();
  await a.getByText("Today is marked as a flare day.").waitFor();
  await saveSet(b, 3);
  await b.evaluate(() => (window.deaf = false));
  await openLogger(a);
  await waitForSets(a, 3);
  assert.deepEqual(await loggedSets(a), await loggedSets(b));
  await goTo(b, "Today");
  await b.getByText("Today is marked as a flare day.").waitFor();

  // Both add an entry under the same next id: one moves to a fresh id.
  await b.evaluate(() => (window.deaf = true));
  await newBaseline(a, 4);
  await newBaseline(b, 5);
  await b.evaluate(() => (window.deaf = false));
  const entries = await storedEntries(a);
  const ids = entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, "no two entries share an id");
  assert.deepEqual(
    entries.filter((e) => e.type === "baseline").map((e) => e.rating),
    [2, 4, 5],
  );
  assert.deepEqual(entries.filter((e) => e.type === "flare").length, 1);
  const sessions = entries.filter((e) => e.type === "session");
  assert.deepEqual(sessions.map((s) => s.blocks[0].sets.map((x) => x.pain)), [[1, 2, 3]]);
  // A's own copy took B's entry in too: its export holds what storage does.
  await a.getByText(/baseline 5\/10/).waitFor();
  assert.deepEqual((await exportBackup(a)).json.log.entries, entries);
  for (const tab of [a, b]) {
    await tab.bringToFront();
    await tab.reload();
    await appReady(tab);
    assert.deepEqual(await storedEntries(tab), entries);
  }

  // Another tab clears the store: this one still holds the log, says so
  // and saves it again.
  await b.evaluate(() => localStorage.clear());
  await a.getByText(/this page still had it and has saved it again/).waitFor();
  assert.deepEqual(await storedEntries(b), entries);
});

/** Settings: a new baseline of `rating` for the current self-test. */
async function newBaseline(page, rating) {
  await goTo(page, "Settings");
  const card = page.getByRole("region", { name: "Self-test and baseline" });
  await card.getByRole("group", { name: /Do it once now/ }).getByRole("radio", { name: String(rating), exact: true }).check();
  await card.getByRole("button", { name: "Set new baseline" }).click();
  await card.getByText("New baseline saved.").waitFor();
}
