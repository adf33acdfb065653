// Safer bad-day buttons (issue 14): a red flag is reported only once
// confirmed, and a report made by mistake can be taken back the same day
// (not later); a 9 or 10 morning is asked again ("did you mean 9?") and,
// once confirmed, points to the flare day and a clinician.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, morning, nextDay, onToday, region, startStory } from "./days.mjs";

const FLAG = "Pain at night or at rest that keeps getting worse";

test("a red flag asks to confirm, and a mis-tap is taken back the same day", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await morning(page, 2);
  const stop = page.getByRole("heading", { name: "Please see a clinician" });

  // Picked, then cancelled: nothing reported.
  await page.getByRole("button", { name: "Report a red flag" }).click();
  assert.equal(await page.getByRole("button", { name: "Report a red flag" }).getAttribute("aria-expanded"), "true");
  await page.getByRole("button", { name: FLAG }).click();
  const ask = page.getByRole("alert").filter({ hasText: "Report this?" });
  await ask.waitFor();
  assert.match(await ask.innerText(), new RegExp(FLAG));
  await page.getByRole("button", { name: "Cancel" }).click();
  await ask.waitFor({ state: "detached" });
  assert.equal(await stop.count(), 0);
  await page.getByRole("button", { name: "Start session" }).waitFor();

  // Confirmed: the plan stops. Taken back the same day: it goes on.
  await page.getByRole("button", { name: FLAG }).click();
  await page.getByRole("button", { name: "Yes, report it" }).click();
  await stop.waitFor();
  await page.getByRole("button", { name: "Take back today's report" }).click();
  await onToday(page);
  await page.getByRole("button", { name: "Start session" }).waitFor();
  assert.equal(await stop.count(), 0);

  // Reported again and left overnight: no taking it back the next day.
  await page.getByRole("button", { name: "Report a red flag" }).click();
  await page.getByRole("button", { name: FLAG }).click();
  await page.getByRole("button", { name: "Yes, report it" }).click();
  await stop.waitFor();
  await nextDay(page);
  await stop.waitFor();
  assert.equal(await page.getByRole("button", { name: "Take back today's report" }).count(), 0);
  await page.getByRole("button", { name: "Resume my plan" }).waitFor();
});

test("a 9 morning asks 'did you mean 9?', and once confirmed points to the flare day and a clinician", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  const scale = page.getByRole("group", { name: /^How much did the/ });
  await scale.getByRole("radio", { name: "9", exact: true }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  const ask = page.getByRole("alert").filter({ hasText: "Did you mean 9?" });
  await ask.waitFor();
  // "No": nothing saved, the rating can be changed.
  await page.getByRole("button", { name: "No, change it" }).click();
  await ask.waitFor({ state: "detached" });
  assert.equal(await page.getByRole("button", { name: "Save check-in" }).count(), 1, "not saved");
  assert.equal(await page.getByRole("heading", { name: "A very bad morning" }).count(), 0);

  // "Yes, 9": saved, and the way to a flare day and a clinician shown.
  await page.getByRole("button", { name: "Save check-in" }).click();
  await page.getByRole("button", { name: "Yes, 9" }).click();
  await page.getByRole("button", { name: "Update check-in" }).waitFor();
  const card = region(page, "A very bad morning");
  await card.waitFor();
  assert.match(await card.innerText(), /flare day/);
  assert.match(await card.innerText(), /see a clinician/);
  await card.getByRole("button", { name: "Mark today as a flare day" }).click();
  await page.getByText("Today is marked as a flare day.").waitFor();
  await page.getByRole("button", { name: "Back to today" }).click();
  await region(page, "Bad day?").getByText(/^Today is marked as a flare day/).waitFor();

  // A 10 asks the same; an 8 is saved at once.
  await nextDay(page);
  await page.getByRole("button", { name: "Start morning check-in" }).click();
  await scale.getByRole("radio", { name: "8", exact: true }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await page.getByRole("button", { name: "Update check-in" }).waitFor();
  assert.equal(await page.getByRole("alert").filter({ hasText: "Did you mean" }).count(), 0);
  await scale.getByRole("radio", { name: "10", exact: true }).check();
  await page.getByRole("button", { name: "Update check-in" }).click();
  await page.getByRole("alert").filter({ hasText: "Did you mean 10?" }).waitFor();
});
