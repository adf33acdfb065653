// Prints the markdown table from run.sh's files: sizes, browser timings,
// and the host round-trip check of each variant.
import fs from 'node:fs';
const [out, ...variants] = process.argv.slice(2);
const times = Object.fromEntries(fs.readFileSync(`${out}/times.jsonl`, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((t) => [t.variant, t]));
const num = (f) => Number(fs.readFileSync(f, 'utf8').trim());
const base = num(`${out}/baseline/brotli.txt`);
const ms = (x) => (typeof x === 'number' ? x.toFixed(1) : 'n/a');
const hostile = (h) => (h.crash ? `crash: ${h.crash}` : `${ms(h.ms)} ms, ${h.summary}`);
console.log('| variant | wasm raw B | wasm brotli B | diff vs hand-written | 3-year parse ms | write ms | writes input back | 200k keys | 10k deep |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const v of variants) {
  const b = num(`${out}/${v}/brotli.txt`);
  const t = times[v] || {};
  const log = t.log || {};
  const same = log.crash ? `crash: ${log.crash}` : String(log.same);
  console.log(`| ${v} | ${num(`${out}/${v}/raw.txt`)} | ${b} | ${b - base >= 0 ? '+' : ''}${b - base} | ${ms(log.parse)} | ${ms(log.write)} | ${same} | ${t.wide ? hostile(t.wide) : 'n/a'} | ${t.deep ? hostile(t.deep) : 'n/a'} |`);
}
for (const v of variants) {
  const t = times[v] || {};
  console.log(`\n### ${v}\nbrowser: ${JSON.stringify(t.log && { summary: t.log.summary, diff: t.log.diff })}`);
  console.log(`\n#### ${v} (host check)\n\`\`\`\n${fs.readFileSync(`${out}/${v}.check`, 'utf8').trim()}\n\`\`\``);
}
