// The post-build hook, run as Trunk runs it, on copies of the release build:
// the precache list is exactly the build's files, the id follows the content,
// and a debug build gets no service worker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, ROOT } from "./browser.mjs";

async function copyOfBuild(t) {
  const dir = await mkdtemp(join(tmpdir(), "rehab-hook-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true });
  return dir;
}

function runHook(dir, profile) {
  // BUILD_ID is dropped so the id is the content hash, as in a real build.
  const { BUILD_ID, ...inherited } = process.env;
  const env = { ...inherited, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile };
  return execFileSync("node", [join(ROOT, "scripts", "sw-precache.mjs")], { env, encoding: "utf8" });
}

async function stamped(dir) {
  const worker = await readFile(join(dir, "sw.js"), "utf8");
  const html = await readFile(join(dir, "index.html"), "utf8");
  return {
    id: worker.match(/const BUILD_ID = "([^"]+)";/)[1],
    precache: JSON.parse(worker.match(/const PRECACHE = (\[.*\]);/)[1]),
    pageId: html.match(/<meta name="build-id" content="([^"]*)"/)[1],
  };
}

test("the precache list is every file of the build but the worker, and the page carries the same id", async (t) => {
  const dir = await copyOfBuild(t);
  runHook(dir, "release");
  const { id, precache, pageId } = await stamped(dir);
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => path !== "sw.js")
    .sort();
  assert.deepEqual(precache, files);
  for (const wanted of ["index.html", "404.html", "manifest.webmanifest"]) assert.ok(precache.includes(wanted), wanted);
  assert.ok(precache.some((path) => /_bg\.wasm$/.test(path)), "the hashed wasm");
  assert.match(id, /^[0-9a-f]{12}$/);
  assert.equal(pageId, id);
  assert.equal(id, (await stamped(DIST)).id, "re-running on the same files gives the same id");
});

test("changing any file of the build changes the id, so the cache name", async (t) => {
  const dir = await copyOfBuild(t);
  const before = (await stamped(dir)).id;
  const css = (await readdir(dir)).find((name) => name.endsWith(".css"));
  await writeFile(join(dir, css), "/* changed */", { flag: "a" });
  runHook(dir, "release");
  assert.notEqual((await stamped(dir)).id, before);
});

test("a debug build (trunk serve) ships no service worker", async (t) => {
  const dir = await copyOfBuild(t);
  const output = runHook(dir, "debug");
  assert.match(output, /no service worker/);
  assert.equal(existsSync(join(dir, "sw.js")), false);
  assert.equal((await readFile(join(dir, "index.html"), "utf8")).includes('content="dev"'), true);
});
