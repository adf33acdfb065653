// The backup reminder (issue 14 point 8): it never shows during a session
// nor right after a restore, and "Remind me in a week" puts it off for a
// week, across reloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, exerciseStep, importBackup, morning, nextDay, onToday, openTab, startStory } from "./days.mjs";

test("the backup reminder stays out of a session, can be put off for a week, and is quiet after a restore", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await morning(page, 2);
  const reminder = page.locator(".notice").filter({ hasText: "You haven't saved a backup yet." });
  assert.equal(await reminder.count(), 0, "not on day one");

  // Three weeks on, a Monday: due on Today, gone in the session, back after.
  await nextDay(page, 21);
  await reminder.waitFor();
  await morning(page, 2);
  await page.getByRole("button", { name: /^(Start|Resume) session$/ }).click();
  await exerciseStep(page);
  assert.equal(await reminder.count(), 0, "never during a session");
  await openTab(page, "Today");
  await onToday(page);
  await reminder.waitFor();

  // Put off: gone now, after a reload, and for six days; back on the seventh.
  await reminder.getByRole("button", { name: "Remind me in a week" }).click();
  await reminder.waitFor({ state: "detached" });
  await page.reload();
  await onToday(page);
  assert.equal(await reminder.count(), 0, "put off across a reload");
  await nextDay(page, 6);
  assert.equal(await reminder.count(), 0, "still put off on day six");
  await nextDay(page, 1);
  await reminder.waitFor();

  // A restore: the file just restored is a backup of this log, so no
  // reminder right after it, nor after a reload.
  await importBackup(page, "mild-runner-day-82.json");
  await onToday(page);
  assert.equal(await page.locator(".notice").filter({ hasText: /backup/i }).count(), 0, "quiet after a restore");
  await page.reload();
  await onToday(page);
  assert.equal(await page.locator(".notice").filter({ hasText: /backup/i }).count(), 0);
});
