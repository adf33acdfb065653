// Times every built variant in headless Chromium: each variant in a fresh
// page, the three-year log parsed and written RUNS times (median), then
// the hostile shapes once each, each in its own page so a crash in one
// cannot spoil the next. Prints one JSON line per variant.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [outDir, inputs, pwDir, ...variants] = process.argv.slice(2);
const require = createRequire(path.join(pwDir, 'package.json'));
const { chromium } = require('playwright-core');
const RUNS = 9;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  const file = url.startsWith('/in/') ? path.join(inputs, url.slice(4)) : path.join(outDir, url);
  fs.readFile(file, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'text/plain' });
    res.end(data);
  });
});
server.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}`;
fs.writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>json-compare</title>');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function inPage(variant, fn, arg) {
  const page = await browser.newPage();
  await page.goto(`${base}/index.html`);
  try {
    return await page.evaluate(fn, { variant, arg });
  } catch (e) {
    return { crash: String(e.message || e).split('\n')[0].slice(0, 160) };
  } finally {
    await page.close();
  }
}

async function timeLog({ variant, arg }) {
  const m = await import(`/${variant}/json_compare.js`);
  await m.default();
  const text = await (await fetch('/in/three-year.json')).text();
  const parse = [], write = [];
  let summary = '', same = false, diff = '';
  for (let i = 0; i < arg + 1; i++) {
    let t = performance.now();
    summary = m.parse(text);
    const p = performance.now() - t;
    t = performance.now();
    const out = m.write();
    const w = performance.now() - t;
    if (i > 0) { parse.push(p); write.push(w); } // the first run warms up
    same = out === text;
    if (!same && !diff) {
      let at = 0;
      while (at < text.length && out[at] === text[at]) at++;
      diff = `at ${at}: wrote ${JSON.stringify(String(out).slice(Math.max(0, at - 30), at + 40))} for ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 40))}`;
    }
  }
  const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { summary, same, diff, parse: med(parse), write: med(write), bytes: text.length };
}

async function hostile({ variant, arg }) {
  const m = await import(`/${variant}/json_compare.js`);
  await m.default();
  const text = await (await fetch(`/in/${arg}`)).text();
  const t = performance.now();
  let summary;
  try { summary = m.parse(text); } catch (e) { summary = `threw: ${String(e.message || e).slice(0, 120)}`; }
  return { ms: performance.now() - t, summary };
}

for (const v of variants) {
  const log = await inPage(v, timeLog, RUNS);
  const wide = await inPage(v, hostile, 'wide.json');
  const deep = await inPage(v, hostile, 'deep.json');
  console.log(JSON.stringify({ variant: v, log, wide, deep }));
}
await browser.close();
server.close();
