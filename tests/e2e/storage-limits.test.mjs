// Storage at its limits, end to end in Chromium as a phone: a full or
// refusing storage keeps the log in memory and says so; persistent storage
// is asked for once there is data; an old backup gets a reminder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, appReady, checkIn, onboard } from "./browser.mjs";
import { serve } from "./serve.mjs";
import {
  BACKUP_NAME,
  axeAndScreenshot,
  download,
  fillStorage,
  goTo,
  launch,
  loggedSets,
  newProfile,
  openApp,
  openLogger,
  pageDate,
  saveSet,
  stored,
  waitForSets,
  yourData,
} from "./storage-helpers.mjs";

let server;
before(async () => {
  server = await serve({ root: DIST });
});
after(() => server?.stop());

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
