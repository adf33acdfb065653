// Every screen of the daily flow, in light and dark mode: axe-core finds no
// WCAG 2.2 AA violations, and a picture of each at the phone's 390x844
// viewport goes to test-results/screens/<name>.png (and <name>-dark.png)
// for a person to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { firstRun, nextStep, onboard } from "./browser.mjs";
import {
  PEOPLE,
  axeViolations,
  doStep,
  exerciseStep,
  finishSession,
  morning,
  nextDay,
  onToday,
  openTab,
  painScale,
  pauseClock,
  region,
  screenshot,
  startStory,
} from "./days.mjs";

/**
 * axe and a screenshot of what is on screen now, light then dark. Returns
 * the violations by screen, so one run reports every screen at once.
 */
function looker(page) {
  const found = {};
  const look = async (name) => {
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(page);
      if (violations.length) found[`${name} (${scheme})`] = violations;
      await screenshot(page, scheme === "dark" ? `${name}-dark` : name);
    }
    await page.emulateMedia({ colorScheme: "light" });
  };
  return { look, found };
}

test("the daily screens of a runner's first two days pass axe, light and dark, and are pictured", async (t) => {
  const { page } = await startStory(t);
  const { look, found } = looker(page);

  // Each first-run step, as it looks before it is answered.
  await firstRun(page);
  await look("onboarding");
  for (const [n, answer] of [[2], [3, "Left"], [4, "Running"], [5], [6], [7], [8, "Single-leg bridge"], [9]]) {
    await nextStep(page);
    await look(`onboarding-${n}`);
    if (answer) await page.getByRole("radio", { name: answer, exact: true }).check();
  }
  await onboard(page, PEOPLE.runner);

  await region(page, "Morning check-in").waitFor();
  await look("today-check-in-due");

  await page.getByRole("button", { name: "Start morning check-in" }).click();
  await page.getByRole("group", { name: /^How much did the/ }).getByRole("radio", { name: "2, your baseline" }).check();
  await look("check-in");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await page.getByRole("button", { name: "Update check-in" }).waitFor();
  await look("check-in-saved");
  await page.getByRole("button", { name: "Back to today" }).click();
  await onToday(page);

  // The logger on a reps exercise, one set saved and the rest running.
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  await painScale(page).getByRole("radio", { name: "2", exact: true }).check();
  await page.getByRole("button", { name: "Save set 1" }).click();
  await page.getByRole("timer", { name: "Rest timer" }).getByText("Rest", { exact: true }).waitFor();
  await look("session-reps");
  // The rest of the session, then how it felt.
  for (let i = step.index; ; i++) {
    const current = await doStep(page, 2);
    if (current.index === current.count) break;
    await page.getByRole("button", { name: "Next exercise" }).click();
    await page.getByRole("heading", { level: 2, name: new RegExp(`^${i + 1} of `) }).waitFor();
  }
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("heading", { name: "How does it feel now?" }).waitFor();
  await page.getByRole("radio", { name: "Better", exact: true }).check();
  await page.getByLabel("Note (optional)").fill("Bridges felt easy.");
  await look("session-finish");
  await finishSession(page, "Better");
  await region(page, "Today's session").waitFor();
  await look("today-after-session");

  await openTab(page, "Settings");
  await page.getByRole("heading", { name: "Your answers" }).waitFor();
  await look("settings-after-a-session");

  // Day 2: the check-in with yesterday's decisions, then a rest day.
  await openTab(page, "Today");
  await nextDay(page);
  const shown = await morning(page, 4, { stay: true });
  assert.ok(shown.decisions.length > 0);
  await look("check-in-decisions");
  await page.getByRole("button", { name: "Back to today" }).click();
  await page.getByRole("heading", { name: "Rest day" }).waitFor();
  await look("today-rest-day");

  // A red flag: the report list, then the stop screen.
  await page.getByRole("button", { name: "Report a red flag" }).click();
  await look("today-red-flag-report");
  await page.getByRole("button", { name: "Numbness, tingling or weakness spreading below the knee" }).click();
  await look("today-red-flag-confirm");
  await page.getByRole("button", { name: "Yes, report it" }).click();
  await page.getByRole("heading", { name: "Please see a clinician" }).waitFor();
  await look("stop");

  assert.deepEqual(found, {});
});

test("the hold screen with its timer running passes axe, light and dark, and is pictured", async (t) => {
  const { page } = await startStory(t);
  const { look, found } = looker(page);
  await onboard(page, PEOPLE.irritableRunner);
  await look("today-holds");
  await morning(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  await exerciseStep(page);
  await pauseClock(page);
  await painScale(page).getByRole("radio", { name: "2", exact: true }).check();
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  // 3 s of lead-in, then 5 s of the hold.
  await page.clock.runFor(8_000);
  await page.getByRole("timer", { name: "Hold timer" }).getByText("0:25").waitFor();
  await look("session-hold-timer");
  assert.deepEqual(found, {});
});
