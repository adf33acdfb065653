// The recovery screen, end to end: unreadable data is kept for rescue and
// never written over until the person has downloaded it; and a restore
// there that fails after the unreadable data was removed says so rather
// than "nothing has changed".
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, checkIn, firstRun, onboard } from "./browser.mjs";
import { serve } from "./serve.mjs";
import {
  META,
  PREFIX,
  axeAndScreenshot,
  chooseBackup,
  download,
  exportBackup,
  fillStorage,
  goTo,
  openApp,
  openLogger,
  saveSet,
  stored,
  storedDocs,
  storedEntries,
} from "./storage-helpers.mjs";

let server;
before(async () => {
  server = await serve({ root: DIST });
});
after(() => server?.stop());

test("a restore on the recovery screen that finds no room says the unreadable data was removed", async (t) => {
  const { page } = await openApp(t, server.url);
  await onboard(page);
  await checkIn(page, 3);
  const backup = await exportBackup(page);

  // Only a small unreadable index is left, so removing it frees almost
  // nothing for the backup that follows.
  await page.evaluate(
    ([prefix, meta]) => {
      for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
      localStorage.setItem(meta, "not json");
    },
    [PREFIX, META],
  );
  await page.reload();
  await page.getByRole("heading", { name: "Your log needs attention" }).waitFor();
  await download(page, page.getByRole("button", { name: "Download the saved data" }));
  await page.getByRole("checkbox", { name: "I have downloaded the saved data" }).check();
  await chooseBackup(page, backup.name, backup.text);
  const restore = page.getByRole("button", { name: "Restore this backup" });
  await restore.waitFor();

  // Someone else's data fills the rest of this site's storage.
  await fillStorage(page);

  await restore.click();
  const alert = page.getByRole("alert").filter({ hasText: /no room to store it/ });
  await alert.waitFor();
  const said = (await alert.textContent()).trim();
  assert.equal(
    said,
    "The backup is fine, but this device had no room to store it. The unreadable data has been removed, as you asked; the file you downloaded still has it.",
  );
  const ours = Object.keys(await stored(page)).filter((k) => k.startsWith(PREFIX));
  assert.deepEqual(ours, [], "the unreadable index is gone, as the message says");
  // With the unreadable data gone, the first-run screen offers the restore
  // again; once there is room, it works.
  await page.getByRole("heading", { name: "Used this app before?" }).waitFor();
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("filler-")) localStorage.removeItem(k);
  });
  await chooseBackup(page, backup.name, backup.text);
  await page.getByRole("button", { name: "Restore this backup" }).click();
  await page.getByRole("heading", { name: "Today", exact: true }).waitFor();
  assert.equal(await alert.count(), 0, "the failed restore's message is gone");
  assert.deepEqual((await exportBackup(page)).json.log, backup.json.log);
});

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
  // The storage warning and the plan's "couldn't be read" go; the baseline
  // was in the removed month, and the plan says that instead.
  await page.getByText(/couldn't be read/).first().waitFor({ state: "detached" });
  await page.getByText(/no baseline for the morning self-test/).first().waitFor();
  const sessions = (await storedEntries(page)).filter((e) => e.type === "session");
  assert.deepEqual(sessions.map((s) => s.blocks[0].sets.map((x) => x.pain)), [[1]], "the set kept in memory is saved");

  // The whole log unreadable again, and removed: a fresh start.
  await page.evaluate(() => localStorage.setItem("phtrehab:meta", "not json"));
  await page.reload();
  await page.getByRole("checkbox", { name: "I have downloaded the saved data" }).check();
  await page.getByRole("button", { name: "Remove the unreadable data" }).click();
  await firstRun(page);
  assert.deepEqual(await storedDocs(page), {});
});
