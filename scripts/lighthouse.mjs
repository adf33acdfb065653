#!/usr/bin/env node
// Lighthouse on the release build, served as a static host would serve it:
// mobile form factor with Lighthouse's default (simulated) throttling. Prints
// the four category scores and LCP; fails below the budgets.
//
//   node scripts/lighthouse.mjs [dist]
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serve } from "../tests/e2e/serve.mjs";
import { CHROMIUM, ROOT } from "../tests/e2e/browser.mjs";

const BUDGET = { performance: 90, accessibility: 100 };
// toolchain.md's flags: root, closed network, no background traffic.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const dist = resolve(process.argv[2] ?? join(ROOT, "dist"));
const outDir = join(ROOT, ".tmp", "lighthouse");
mkdirSync(outDir, { recursive: true });
const reportPath = join(outDir, "report.json");

const server = await serve({ root: dist });
// Asynchronous on purpose: the server runs in this process and must answer.
const status = await new Promise((done) => {
  const child = spawn(
    join(ROOT, "node_modules", ".bin", "lighthouse"),
    [server.url, "--output=json", `--output-path=${reportPath}`, "--quiet", `--chrome-flags=${FLAGS.join(" ")}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: "inherit" },
  );
  child.on("exit", (code, signal) => done(code ?? signal));
});
await server.stop();
if (status !== 0) {
  console.error(`lighthouse exited with ${status}`);
  process.exit(1);
}

const report = JSON.parse(readFileSync(reportPath, "utf8"));
if (report.runtimeError) {
  console.error(`lighthouse could not audit the page: ${report.runtimeError.message}`);
  process.exit(1);
}
const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
const scores = {
  performance: score("performance"),
  accessibility: score("accessibility"),
  "best-practices": score("best-practices"),
  seo: score("seo"),
};
const lcp = report.audits["largest-contentful-paint"];
console.log(`Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling, ${server.url}`);
for (const [id, value] of Object.entries(scores)) console.log(`  ${id.padEnd(15)} ${String(value).padStart(3)}`);
console.log(`  ${"LCP".padEnd(15)} ${lcp.displayValue} (${Math.round(lcp.numericValue)} ms)`);
for (const id of ["first-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
  console.log(`  ${report.audits[id].title.padEnd(26)} ${report.audits[id].displayValue}`);
}

// Name what cost points, so a failure says where to look.
for (const [id, category] of Object.entries(report.categories)) {
  const failed = category.auditRefs
    .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
    .map((ref) => `${ref.id} (${report.audits[ref.id].displayValue ?? report.audits[ref.id].score})`);
  if (failed.length) console.log(`  ${id}: below full marks on ${failed.join(", ")}`);
}

const misses = Object.entries(BUDGET).filter(([id, min]) => scores[id] < min);
if (misses.length) {
  for (const [id, min] of misses) console.error(`Lighthouse ${id} ${scores[id]} is below the budget of ${min}`);
  process.exit(1);
}
console.log(`Lighthouse budgets met (performance >= ${BUDGET.performance}, accessibility >= ${BUDGET.accessibility}); full report: ${reportPath}`);
