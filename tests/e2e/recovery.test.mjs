// The recovery screen's restore when storing the backup fails: the
// unreadable data was already removed (the person downloaded it first), so
// the message must say so rather than "nothing has changed".
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { DIST, checkIn, onboard } from "./browser.mjs";
import { serve } from "./serve.mjs";
import {
  META,
  PREFIX,
  chooseBackup,
  download,
  exportBackup,
  fillStorage,
  openApp,
  stored,
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
