// The hold and rest timers run on absolute end times: a phone that hides the
// app (locked screen, another app in front) during a hold must, on coming
// back, find the hold recorded and the rest already under way, counted from
// the moment the hold ended.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import { PEOPLE, exerciseStep, morning, openTab, painScale, pauseClock, setsDone, startStory } from "./days.mjs";

/** What a hidden page sees: visibilityState flips and the event fires. */
async function setVisibility(page, state) {
  await page.evaluate((state) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => state === "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("a 30 s hold left running while the page is hidden is recorded, and the rest shows the right time left", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.irritableRunner);
  await morning(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  assert.equal(step.target, "Target: 3 x 30 s hold");
  const holdTimer = page.getByRole("timer", { name: "Hold timer" });
  const restTimer = page.getByRole("timer", { name: "Rest timer" });

  // From here on the clock moves only when the test moves it.
  const start = await pauseClock(page);
  await painScale(page).getByRole("radio", { name: /^2(,|$)/ }).check();
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  // A 3-2-1 lead-in first, then the hold counts down.
  await holdTimer.getByText("Get ready").waitFor();
  await holdTimer.getByText("3", { exact: true }).waitFor();
  await page.clock.runFor(3_000);
  await assert.doesNotReject(holdTimer.getByText("0:30").waitFor());
  await page.clock.runFor(10_000);
  await holdTimer.getByText("0:20").waitFor();
  assert.deepEqual(await setsDone(page), [], "nothing recorded mid-hold");

  // Hidden at 0:20 left. A hidden page gets no ticks: the clock jumps
  // without running the app's timers. It comes back 73 s after the start,
  // 40 s after the hold (and its 3 s lead-in) ended.
  await setVisibility(page, "hidden");
  await page.clock.setSystemTime(new Date(start.getTime() + 73_000));
  assert.equal(await holdTimer.getByText("0:20").count(), 1, "no tick while hidden");
  await setVisibility(page, "visible");

  // The hold is recorded as done, at its full 30 s and the pain chosen...
  await step.card.getByText("1 of 3 planned sets saved").waitFor();
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 2/10"]);
  // ...and the 2-minute rest started when the hold ended: 120 - 40 = 80 s.
  assert.equal((await restTimer.innerText()).replace(/\s+/g, " ").trim(), "Rest 1:20");
  await page.getByRole("button", { name: "Skip rest" }).waitFor();
  // The rest's countdown stands in the hold's place while it runs; the
  // next hold can still be started.
  assert.equal((await holdTimer.innerText()).trim(), "");
  assert.equal(await page.getByRole("button", { name: "Start 30 s hold" }).count(), 1);

  // The rest counts on, second by second, and disappears at its end.
  await page.clock.runFor(5_000);
  await restTimer.getByText("1:15").waitFor();
  await page.clock.runFor(75_000);
  await restTimer.getByText(/^Rest/).waitFor({ state: "detached" });
  assert.equal((await restTimer.innerText()).trim(), "");
  // Then the hold's countdown is back, ready for the next hold.
  await holdTimer.getByText("0:30").waitFor();
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 2/10"], "still one set");

  // The set is in the log, not only on screen: it survives a reload.
  await page.reload();
  await exerciseStep(page);
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 2/10"]);
  await openTab(page, "Today");
  await page.getByRole("button", { name: "Resume session" }).waitFor();
});

test("a hold stopped before its end records nothing", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.irritableRunner);
  await morning(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  await pauseClock(page);
  await painScale(page).getByRole("radio", { name: /^3(,|$)/ }).check();
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  await page.clock.runFor(15_000);
  await page.getByRole("timer", { name: "Hold timer" }).getByText("0:18").waitFor();
  await page.getByRole("button", { name: "Stop hold" }).click();
  await page.clock.runFor(40_000);
  assert.deepEqual(await setsDone(page), []);
  await step.card.getByText("0 of 3 planned sets saved").waitFor();
  assert.equal(await page.getByRole("timer", { name: "Rest timer" }).innerText(), "");
});

test("a hold running when the phone discards the tab: reopened after its end, it is recorded and the rest runs on", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.irritableRunner);
  await morning(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  const start = await pauseClock(page);
  await painScale(page).getByRole("radio", { name: /^3(,|$)/ }).check();
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  await page.clock.runFor(8_000);
  await page.getByRole("timer", { name: "Hold timer" }).getByText("0:25").waitFor();

  // The phone drops the tab; 48 s after the start (3 s lead-in, 30 s hold,
  // 15 s more) the person comes back and the browser loads the page again.
  await page.clock.setSystemTime(new Date(start.getTime() + 48_000));
  await page.reload();
  await step.card.getByText("1 of 3 planned sets saved").waitFor();
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 3/10"]);
  // Rest from the hold's end: 120 - 15 = 105 s.
  await page.getByRole("timer", { name: "Rest timer" }).getByText("1:45").waitFor();
  // Nothing stays picked for the next hold; the last rating is one tap away.
  assert.equal(await painScale(page).getByRole("radio", { name: /^3(,|$)/ }).isChecked(), false);
  await page.getByRole("button", { name: "Same as last set: 3/10" }).waitFor();

  // Reopened again mid-rest: the rest goes on, nothing is recorded twice.
  await page.clock.setSystemTime(new Date(start.getTime() + 63_000));
  await page.reload();
  await page.getByRole("timer", { name: "Rest timer" }).getByText("1:30").waitFor();
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 3/10"]);
});

test("pain is asked, never assumed: a set cannot be saved unrated, and a hold done unrated waits for its rating", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.irritableRunner);
  await morning(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  const step = await exerciseStep(page);
  await pauseClock(page);

  // A hold started without a rating runs to its end, then asks for one.
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  await page.clock.fastForward(34_000);
  await step.card.getByText("Hold done. How much did it hurt?").waitFor();
  assert.deepEqual(await setsDone(page), [], "not saved as 0/10");
  const saveHold = step.card.getByRole("button", { name: "Save hold 1" });
  assert.equal(await saveHold.isDisabled(), true);
  // It waits across a reload too.
  await page.reload();
  await step.card.getByText("Hold done. How much did it hurt?").waitFor();
  await painScale(page).getByRole("radio", { name: /^1(,|$)/ }).check();
  await saveHold.click();
  await step.card.getByText("1 of 3 planned sets saved").waitFor();
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 1/10"]);

  // The next hold: rated with one tap on "Same as last set", then saved at
  // its end as before.
  await page.getByRole("button", { name: "Skip rest" }).click();
  await page.getByRole("button", { name: "Same as last set: 1/10" }).click();
  assert.equal(await painScale(page).getByRole("radio", { name: /^1(,|$)/ }).isChecked(), true);
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  await page.clock.fastForward(34_000);
  await step.card.getByText("2 of 3 planned sets saved").waitFor();
  assert.deepEqual(await setsDone(page), ["Set 1: 30 s hold, pain 1/10", "Set 2: 30 s hold, pain 1/10"]);
});

test("a reload mid-session reopens the exercise the person was on", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.runner);
  await morning(page, 2);
  await page.getByRole("button", { name: "Start session" }).click();
  await exerciseStep(page);
  await page.getByRole("button", { name: "Next exercise" }).click();
  assert.equal((await exerciseStep(page)).index, 2);
  await page.reload();
  const step = await exerciseStep(page);
  assert.equal(step.title, "2 of 2: Double-leg calf raise");
});
