// The release build's minify step (scripts/minify.mjs): one stylesheet with
// every rule of the sources, integrity hashes that match the files the page
// loads, a wasm and glue that agree on short import and export names, and a
// debug build left alone. That the app then runs, offline included, is what
// the browser tests check on this same build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportNames, importNames } from "../../scripts/wasm-glue.mjs";
import { DIST, ROOT } from "./browser.mjs";

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

async function built() {
  const html = await readFile(join(DIST, "index.html"), "utf8");
  const files = await readdir(DIST);
  const js = files.find((f) => /^hamstring-rehab-[0-9a-f]+\.js$/.test(f));
  const wasm = files.find((f) => f.endsWith("_bg.wasm"));
  return { html, files, js, wasm };
}

test("the page links one stylesheet holding every class the sources style, and its hash matches", async () => {
  const { html, files } = await built();
  const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)" integrity="([^"]+)"/g)];
  assert.equal(links.length, 1, "one stylesheet");
  assert.deepEqual(files.filter((f) => f.endsWith(".css")), [links[0][1]]);
  const css = await readFile(join(DIST, links[0][1]));
  assert.equal(links[0][2], sri(css));
  const sources = await readdir(join(ROOT, "style"));
  for (const name of sources.filter((f) => f.endsWith(".css"))) {
    const source = (await readFile(join(ROOT, "style", name), "utf8")).replace(/\/\*[\s\S]*?\*\//g, "");
    for (const [, cls] of source.matchAll(/\.([a-z][a-z0-9-]*)/gi)) {
      assert.ok(css.includes(`.${cls}`), `.${cls} from style/${name}`);
    }
  }
  assert.ok(css.length < (await Promise.all(sources.map((f) => readFile(join(ROOT, "style", f))))).reduce((n, b) => n + b.length, 0));
});

test("the glue and the wasm the page preloads match their integrity hashes", async () => {
  const { html, js, wasm } = await built();
  const jsLink = html.match(new RegExp(`<link rel="modulepreload" href="\\./${js}"[^>]* integrity="([^"]+)"`));
  const wasmLink = html.match(new RegExp(`<link rel="preload" href="\\./${wasm}"[^>]* integrity="([^"]+)"`));
  assert.equal(jsLink?.[1], sri(await readFile(join(DIST, js))));
  assert.equal(wasmLink?.[1], sri(await readFile(join(DIST, wasm))));
});

test("the wasm imports and exports short names, each defined or called by the glue", async () => {
  const { js, wasm } = await built();
  const glue = await readFile(join(DIST, js), "utf8");
  const bytes = await readFile(join(DIST, wasm));
  const imports = importNames(bytes);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  for (const name of imports) {
    assert.match(name, /^[a-zA-Z]{1,2}$/);
    assert.ok(new RegExp(`[{,]${name}:`).test(glue), `the glue defines import ${name}`);
  }
  const exports = exportNames(bytes);
  assert.ok(!exports.some((name) => /intounderlying/i.test(name)), "no wasm-streams exports");
  assert.ok(!/IntoUnderlying/.test(glue), "no wasm-streams classes");
  for (const name of exports.filter((n) => n.startsWith("_") && /^_[a-zA-Z]{1,2}$/.test(n))) {
    assert.ok(glue.includes(`.${name}`), `the glue calls export ${name}`);
  }
  assert.ok(!/_[0-9a-f]{16}\b/.test(glue), "no hashed wasm-bindgen names left in the glue");
});

test("a debug build (trunk serve) is left as it is", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "rehab-minify-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true });
  const before = await readFile(join(dir, "index.html"), "utf8");
  const env = { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: "debug" };
  const out = execFileSync("node", [join(ROOT, "scripts", "minify.mjs")], { env, encoding: "utf8" });
  assert.match(out, /debug build, left as it is/);
  assert.equal(await readFile(join(dir, "index.html"), "utf8"), before);
});
