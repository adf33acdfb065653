#!/usr/bin/env node
// Trunk post_build hook, before sw-precache.mjs: in a release build, the
// stylesheets become one minified file, the wasm loses exports the app never
// uses and its imports get short names (scripts/wasm-glue.mjs), and the JS
// glue is minified, with index.html's
// links and integrity hashes rewritten to match.
//
// Why: every first visit downloads them. One stylesheet compresses better
// than six; together these take about 7 KB (brotli) off the first visit
// (README, "Size"). The sources stay separate and readable, and
// `trunk serve` (a debug build) is left alone. Trunk's own `minify` option
// also rewrote the HTML shell and sw.js, and offline loading broke with it.
//
// It can be re-run on a finished dist/ as well:
//   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node scripts/minify.mjs
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { dropExports, shortenExports, shortenImports } from "./wasm-glue.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("TRUNK_STAGING_DIR is not set; run this from Trunk or set it to a dist folder");
if (process.env.TRUNK_PROFILE !== "release") {
  console.log("minify: debug build, left as it is");
  process.exit(0);
}

const indexPath = join(staging, "index.html");
let index = readFileSync(indexPath, "utf8");

// Stylesheets, in the order the page lists them: the cascade depends on it.
const STYLE = /<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="[^"]*"\s*\/?>\s*/g;
const sheets = [...index.matchAll(STYLE)];
if (sheets.length > 0) {
  const source = sheets.map(([, name]) => readFileSync(join(staging, name), "utf8")).join("\n");
  const css = transformSync(source, { loader: "css", minify: true }).code;
  const name = `app-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  writeFileSync(join(staging, name), css);
  for (const [, old] of sheets) rmSync(join(staging, old));
  const link = `<link rel="stylesheet" href="./${name}" integrity="${sri(css)}"/>\n    `;
  let first = true;
  index = index.replace(STYLE, () => {
    const out = first ? link : "";
    first = false;
    return out;
  });
  console.log(`minify: ${sheets.length} stylesheets -> ${name} (${source.length} -> ${css.length} bytes)`);
}

// The wasm-bindgen glue keeps its hashed name; its integrity changes.
const PRELOAD = /<link rel="modulepreload" href="\.\/([^"]+\.js)"([^>]*?) integrity="[^"]*"/;
const glue = index.match(PRELOAD);
if (!glue) fail(`${indexPath} preloads no JS glue`);
const WASM = /(<link rel="preload" href="\.\/([^"]+_bg\.wasm)"[^>]*? integrity=")([^"]*)"/;
const wasmLink = index.match(WASM);
if (!wasmLink) fail(`${indexPath} preloads no wasm`);
const wasmPath = join(staging, wasmLink[2]);
const jsPath = join(staging, glue[1]);
const original = readFileSync(jsPath, "utf8");
const lean = dropExports(readFileSync(wasmPath), original, /intounderlying/i);
console.log(`minify: dropped ${lean.dropped.length} unused wasm-streams exports`);
const short = shortenImports(lean.wasm, lean.js);
const named = shortenExports(short.wasm, short.js);
writeFileSync(wasmPath, named.wasm);
index = index.replace(WASM, `$1${sri(named.wasm)}"`);
console.log(`minify: ${short.count} wasm imports and ${named.count} exports renamed`);
const js = transformSync(named.js, { loader: "js", format: "esm", minify: true }).code;
writeFileSync(jsPath, js);
index = index.replace(PRELOAD, `<link rel="modulepreload" href="./${glue[1]}"${glue[2]} integrity="${sri(js)}"`);
console.log(`minify: ${glue[1]} (${original.length} -> ${js.length} bytes)`);

writeFileSync(indexPath, index);

function sri(text) {
  return `sha384-${createHash("sha384").update(text).digest("base64")}`;
}

function fail(message) {
  console.error(`minify: ${message}`);
  process.exit(1);
}
