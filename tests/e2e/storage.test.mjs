// Data that is never lost, end to end in Chromium as a phone: sets survive
// a crashed page and a restarted browser; a backup exported from settings
// restores the identical log after site data is cleared; bad files change
// nothing; two tabs see each other's entries and never overwrite them;
// unreadable data is kept for rescue; a full or refusing storage keeps the
// log in memory and says so; persistence and the backup reminder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, appReady, checkIn, onboard } from "./browser.mjs";
import { serve } from "./serve.mjs";
import {
  BACKUP_NAME,
  META,
  PREFIX,
  axeAndScreenshot,
  chooseBackup,
  download,
  exportBackup,
  fillStorage,
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
  storedDocs,
  storedEntries,
  waitForSets,
  yourData,
} from "./storage-helpers.mjs";

let server;
before(async () => {
  server = await serve({ root: DIST });
});
after(() => server?.stop());

const ONBOARDING = { name: "Start my plan" };

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
  await page.getByRole("button", ONBOARDING).waitFor();
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
  await page.getByRole("button", ONBOARDING).waitFor();
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
    ["impossible.json", JSON.stringify(impossible), /This backup has something the app can't use: entry 2 .* has values out of range/],
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

test("unreadable data gets the recovery screen and is never written over until removed", async (t) => {
  const { page } = await openApp(t, server.url);
  await onboard(page);
  await checkIn(page, 3);
  const backup = await exportBackup(page);
  const good = await stored(page);
  const part = Object.keys(good).find((k) => k.startsWith(`${PREFIX}entries:`));

  // The index cut off mid-write: no log can be shown at all.
  const corrupt = { ...good, [META]: good[META].slice(0, 40) };
  await page.evaluate((v) => localStorage.setItem("phtrehab:meta", v), corrupt[META]);
  await page.reload();
  await page.getByRole("heading", { name: "Your log needs attention" }).waitFor();
  await page.getByText(/Your saved log couldn't be read\. Nothing has been deleted or changed\./).waitFor();
  assert.equal(await page.getByText(/cleared/).count(), 0, "unreadable is not reported as cleared");
  assert.deepEqual(await axeAndScreenshot(page, "recovery"), []);

  const rescue = await download(page, page.getByRole("button", { name: "Download the saved data" }));
  assert.match(rescue.name, /^phtrehab-rescue-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(rescue.text);
  assert.equal(file.kind, "rescue");
  assert.deepEqual(file.keys, { [META]: corrupt[META], [part]: corrupt[part] });
  await page.getByText("Downloaded. Keep that file somewhere safe.").waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Your log needs attention" }).waitFor();
  assert.deepEqual(await stored(page), corrupt, "nothing written over the unreadable data");

  // Removing or replacing it comes only after saying it was downloaded.
  assert.equal(await page.getByRole("button", { name: "Remove the unreadable data" }).count(), 0);
  await page.getByRole("checkbox", { name: "I have downloaded the saved data" }).check();
  await chooseBackup(page, backup.name, backup.text);
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  assert.deepEqual((await exportBackup(page)).json.log, backup.json.log);

  // Only one month unreadable: the rest of the log shows, with a warning.
  const broken = "{\"version\":1,\"kind\":\"entries\",\"entr";
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [part, broken]);
  await page.reload();
  await page.getByText(/Part of your saved log couldn't be read \(phtrehab:entries:/).waitFor();
  // Today's session would go in that month: it is kept in memory, and said so.
  await goTo(page, "Today");
  await openLogger(page);
  await saveSet(page, 1);
  await page.getByText(/Your latest entries for \d{4}-\d{2} are kept only while this page stays open/).waitFor();
  assert.equal((await stored(page))[part], broken);
  // Removing is offered only once the data has been downloaded.
  const remove = page.getByRole("button", { name: "Remove the unreadable part" });
  assert.equal(await remove.count(), 0);
  await download(page, page.getByRole("button", { name: "Download the saved data" }));
  await remove.click();
  await page.getByText(/couldn't be read/).waitFor({ state: "detached" });
  const sessions = (await storedEntries(page)).filter((e) => e.type === "session");
  assert.deepEqual(sessions.map((s) => s.blocks[0].sets.map((x) => x.pain)), [[1]], "the set kept in memory is saved");

  // The whole log unreadable again, and removed: a fresh start.
  await page.evaluate(() => localStorage.setItem("phtrehab:meta", "not json"));
  await page.reload();
  await page.getByRole("checkbox", { name: "I have downloaded the saved data" }).check();
  await page.getByRole("button", { name: "Remove the unreadable data" }).click();
  await page.getByRole("button", ONBOARDING).waitFor();
  assert.deepEqual(await storedDocs(page), {});
});

test("a full storage keeps new sets in memory, says so and offers a backup", async (t) => {
  const { page } = await openApp(t, server.url);
  await onboard(page);
  await openLogger(page);
  await saveSet(page, 1);
  await fillStorage(page);
  const full = await stored(page);

  await saveSet(page, 2);
  const warning = page.locator(".notice").filter({ hasText: "This device's storage for the app is full" });
  await warning.waitFor();
  assert.equal((await loggedSets(page)).length, 2, "the set is still shown");
  const after = await stored(page);
  for (const [k, v] of Object.entries(full)) assert.equal(after[k], v, `${k} unchanged`);
  const file = await download(page, warning.getByRole("button", { name: "Export a backup" }));
  assert.match(file.name, BACKUP_NAME);
  const session = JSON.parse(file.text).log.entries.find((e) => e.type === "session");
  assert.deepEqual(session.blocks[0].sets.map((s) => s.pain), [1, 2], "the backup has the set storage refused");
  await axeAndScreenshot(page, "storage-full").then((v) => assert.deepEqual(v, []));

  // Room again: the next save writes everything, the warning goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
  await saveSet(page, 3);
  await warning.waitFor({ state: "detached" });
  await page.reload();
  await waitForSets(page, 3);
  assert.equal((await loggedSets(page)).length, 3);
});

test("storage that refuses access runs the app in memory with a warning", async (t) => {
  // Blocked storage (a strict privacy setting): the getter itself throws.
  const blocked = await launch(t, await newProfile(t));
  await blocked.context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  let page = blocked.page;
  await page.goto(server.url);
  const inMemory = page.getByText(/This browser isn't letting the app save anything/);
  await inMemory.waitFor();
  await onboard(page);
  await openLogger(page);
  await saveSet(page, 2);
  await inMemory.waitFor();
  await goTo(page, "Settings");
  await yourData(page).getByText(/^Nothing is stored on this device/).waitFor();
  const notice = page.locator(".notice").filter({ has: inMemory });
  const file = await download(page, notice.getByRole("button", { name: "Export a backup" }));
  assert.equal(JSON.parse(file.text).log.entries.filter((e) => e.type === "session").length, 1);
  await axeAndScreenshot(page, "in-memory").then((v) => assert.deepEqual(v, []));

  // Storage that can be read but throws on every write.
  page = (await launch(t, await newProfile(t))).page;
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new Error("writes are blocked");
    };
  });
  await page.goto(server.url);
  await onboard(page);
  await page.getByText(/The browser stopped the app from saving/).waitFor();
  await checkIn(page, 1);
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
});

test("persistent storage is asked for once there is data, and an old backup gets a reminder", async (t) => {
  const profile = await newProfile(t);
  const { context, page } = await launch(t, profile, { timezoneId: "UTC" });
  // Count the requests; the browser says yes.
  await context.addInitScript(() => {
    const calls = () => Number(sessionStorage.getItem("persist-calls") ?? 0);
    navigator.storage.persist = async () => {
      sessionStorage.setItem("persist-calls", String(calls() + 1));
      return true;
    };
    navigator.storage.persisted = async () => calls() > 0;
  });
  const persistCalls = () => page.evaluate(() => Number(sessionStorage.getItem("persist-calls") ?? 0));
  const now = Date.now();
  await page.clock.install({ time: new Date(now - 20 * 86_400_000) });
  await page.goto(server.url);
  await appReady(page);
  await onboard(page);
  assert.equal(await persistCalls(), 0, "not for onboarding answers alone");
  await checkIn(page, 2);
  await page.waitForFunction(() => sessionStorage.getItem("persist-calls") === "1");
  await goTo(page, "Settings");
  await yourData(page).getByText(/^Your log uses \d+ KB of this device's storage .* The browser has agreed to keep it\./).waitFor();
  await yourData(page).getByText("No backup yet.").waitFor();
  assert.equal(await page.getByText(/haven't saved a backup yet/).count(), 0, "no reminder on day one");

  // Twenty days on, with no backup: a reminder with the button right there.
  await page.clock.setSystemTime(new Date(now));
  await page.reload();
  await appReady(page);
  const reminder = page.locator(".notice").filter({ hasText: "You haven't saved a backup yet." });
  await reminder.waitFor();
  await yourData(page).getByText("No backup yet. Time for a fresh one.").waitFor();
  const file = await download(page, reminder.getByRole("button", { name: "Export a backup" }));
  assert.match(file.name, BACKUP_NAME);
  await reminder.waitFor({ state: "detached" });
  await yourData(page).getByText(`Last backup: ${await pageDate(page)}.`).waitFor();
  assert.equal(await persistCalls(), 1, "asked once, not on every visit");
});
