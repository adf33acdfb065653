// Good news looks good (issue 14 point 4), over two weeks of a desk
// worker's simulated days: the stage change is told once, on its day; the
// preview after a session says the morning decides, with no "Hold" badge on
// every exercise; each morning card says its new dose in numbers; Today's
// weekly line counts the week. The screens are checked by axe and pictured
// at 390x844 and 320x640, light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onboard } from "./browser.mjs";
import {
  PEOPLE,
  axeViolations,
  decisionsIn,
  doSession,
  morning,
  nextDay,
  onToday,
  region,
  screenshot,
  stageLine,
  startStory,
  todaysSession,
  lookAtBothSizes,
} from "./days.mjs";

async function stageNews(page) {
  return page.getByRole("heading", { name: /^You've moved up to stage / }).count();
}

test("a two-week journey shows a stage-change message once and numeric new doses on the morning cards", async (t) => {
  const { page } = await startStory(t);
  await onboard(page, PEOPLE.deskWorker);
  const found = {};
  const told = [];
  const cards = [];

  // Monday to Thursday: the holds, mornings under the baseline of 3.
  for (let day = 1; day <= 4; day++) {
    if (day > 1) await nextDay(page);
    await morning(page, 2);
    told.push(await stageNews(page));
    await doSession(page, { pain: 2, response: "Better" });
  }
  assert.match(
    await region(page, "Today").innerText(),
    /This week: 4 sessions, and 4 of 4 mornings at or under your baseline\./,
  );

  // Friday: stage 2 opens, and Today says so as good news.
  await nextDay(page);
  await morning(page, 2);
  assert.equal(await stageLine(page), "Stage 2 of 2: Heavy slow resistance");
  told.push(await stageNews(page));
  const news = page.locator("section.news-good").filter({ hasText: "You've moved up to stage 2" });
  assert.equal(await news.count(), 1, "the stage change is drawn as good news");
  await lookAtBothSizes(page, "news-stage-up", found);

  // Friday's first heavy session: straight after, one plain line says the
  // morning decides; no exercise carries a "Hold" badge for it.
  assert.equal((await todaysSession(page)).title, "Today: Session A");
  await doSession(page, { pain: 1, response: "Better" });
  assert.deepEqual(await decisionsIn(page, "Today's session"), []);
  const preview = await region(page, "Today's session").innerText();
  assert.match(preview, /Pain stayed within your ceiling on every exercise\. Tomorrow morning's check-in decides whether the doses go up\./);
  assert.doesNotMatch(preview, /\bHold\b/);
  await lookAtBothSizes(page, "news-after-session", found);

  // Saturday to the second Sunday: a check-in every morning, the sessions
  // the plan offers; every morning card says its new dose in numbers.
  for (let day = 6; day <= 14; day++) {
    await nextDay(page);
    const shown = await morning(page, 2, { stay: day === 6 });
    if (day === 6) {
      assert.ok(shown.decisions.some((d) => d.kind === "Progress"), JSON.stringify(shown.decisions));
      await lookAtBothSizes(page, "news-morning-cards", found);
      await page.getByRole("button", { name: "Back to today" }).click();
      await onToday(page);
    }
    cards.push(...shown.decisions);
    told.push(await stageNews(page));
    if ((await todaysSession(page)).startable) await doSession(page, { pain: 1, response: "Better" });
  }

  assert.deepEqual(told, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], "the stage change is told on its day only");
  assert.ok(cards.length > 0);
  for (const d of cards) {
    assert.ok(d.dose, `a new dose on ${JSON.stringify(d)}`);
    if (d.kind === "Progress") {
      assert.match(d.dose, /^Next time: (.+, )?\d+ x \d+ (reps|s hold)( at [\d.]+ kg)?, up from .*\d+ x \d+/, d.dose);
    } else if (d.kind === "Hold") {
      assert.match(d.dose, /^Next time: .*\d+ x \d+ .* again/, d.dose);
    }
  }
  const ups = cards.filter((d) => d.kind === "Progress");
  assert.ok(ups.length > 0, JSON.stringify(cards));
  // "3 x 12 reps, up from 3 x 10": the old dose without its unit again.
  assert.ok(
    ups.some((d) => /^Next time: \d+ x \d+ reps, up from \d+ x \d+\.$/.test(d.dose)),
    ups.map((d) => d.dose).join(" | "),
  );
  // The week so far, on the second Sunday: something done, counted.
  assert.match(await region(page, "Today").innerText(), /This week: \d+ sessions?, and 7 of 7 mornings at or under your baseline\./);
  await lookAtBothSizes(page, "news-today-week", found);
  assert.deepEqual(found, {});
});
