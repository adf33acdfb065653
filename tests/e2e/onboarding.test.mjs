// The first run, a step at a time: one topic a screen with where you are,
// Back and Next, a needed answer asked for before going on, the self-test
// drawn before it is rated, the red-flag questions up front, and nothing
// lost on a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstRun, nextStep, stepShown, toStep } from "./browser.mjs";
import { axeViolations, startStory } from "./days.mjs";

const next = (page) => page.getByRole("button", { name: "Next", exact: true });
const status = (page, text) => page.getByRole("status").filter({ hasText: text });

test("the first run goes a step at a time, asks for what it needs and keeps it over a reload", async (t) => {
  const { page } = await startStory(t);
  await firstRun(page);
  assert.equal(await stepShown(page), 1);
  await page.getByText("A self-management aid, not a diagnosis.").waitFor();
  assert.match(await page.locator("section.step:not([hidden]) .step-count").innerText(), /^Step 1 of 9/);
  assert.equal(await page.getByRole("button", { name: "Back", exact: true }).count(), 0, "nothing to go back to");

  // The red flags come straight after the welcome.
  await nextStep(page);
  await page.getByRole("group", { name: "Have you had any of these?" }).waitFor();

  // Side is needed: Next says so and stays.
  await nextStep(page);
  await next(page).click();
  await status(page, "Choose one to go on.").waitFor();
  assert.equal(await stepShown(page), 3);
  await page.getByRole("radio", { name: "Both", exact: true }).check();
  assert.equal(await status(page, "Choose one to go on.").count(), 0, "the ask goes once answered");
  await nextStep(page);
  await page.getByRole("button", { name: "Back", exact: true }).click();
  assert.equal(await stepShown(page), 3);
  assert.equal(await page.getByRole("radio", { name: "Both", exact: true }).isChecked(), true);

  // A reload keeps the step and every answer.
  await nextStep(page);
  await page.getByRole("radio", { name: "Sport, sprinting included" }).check();
  await nextStep(page);
  await page.getByRole("checkbox", { name: "It aches even at rest" }).check();
  await page.reload();
  await firstRun(page);
  assert.equal(await stepShown(page), 5);
  assert.equal(await page.getByRole("checkbox", { name: "It aches even at rest" }).isChecked(), true);
  await toStep(page, 3);
  assert.equal(await page.getByRole("radio", { name: "Both", exact: true }).isChecked(), true);
  await toStep(page, 4);
  assert.equal(await page.getByRole("radio", { name: "Sport, sprinting included" }).isChecked(), true);

  // The self-test: picked and drawn, then drawn again above its rating.
  await toStep(page, 8);
  await page.getByRole("radio", { name: "Single-leg RDL", exact: true }).check();
  await page.locator("#test-demo").getByRole("img", { name: /^Single-leg RDL, left leg working: / }).waitFor();
  await nextStep(page);
  await page.locator("#rate-demo").getByRole("img", { name: /^Single-leg RDL, left leg working: / }).waitFor();
  const start = page.getByRole("button", { name: "Start my plan" });
  assert.equal(await start.isDisabled(), true);
  assert.equal(await status(page, /^Still needed/).textContent(), "Still needed: a first rating of that test.");
  assert.deepEqual(await axeViolations(page), []);

  // Reloaded with everything but the rating, then rated: the plan starts.
  await page.reload();
  await firstRun(page);
  assert.equal(await stepShown(page), 9);
  await page.locator("#rate-demo").getByRole("img", { name: /^Single-leg RDL/ }).waitFor();
  await page.getByRole("group", { name: /Do it once now/ }).getByRole("radio", { name: "3", exact: true }).check();
  assert.equal(await start.isDisabled(), false);
  await start.click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  // The draft goes with the first run: a reload opens the plan, not the form.
  assert.equal(await page.evaluate(() => sessionStorage.getItem("rehab.onboarding")), null);
});
