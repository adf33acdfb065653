#!/usr/bin/env node
// Trunk post_build hook: stamps this build into the service worker and page.
//
// Trunk runs it with TRUNK_STAGING_DIR (the files about to become dist/) and
// TRUNK_PROFILE. In a release build it writes, from public/sw.js, a sw.js whose
// precache list is every file of the build and whose cache name carries a build
// id, and puts the same id in index.html's <meta name="build-id">. The id is a
// hash of the build's files unless BUILD_ID is set (the update test uses that
// to make a second deploy). A debug build (`trunk serve`) gets no service
// worker, so a developer never sees a stale cached build.
//
// It can be re-run on a finished dist/ as well:
//   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release BUILD_ID=x node scripts/sw-precache.mjs
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const BUILD_META = /<meta name="build-id" content="[^"]*"\s*\/?>/;

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("TRUNK_STAGING_DIR is not set; run this from Trunk or set it to a dist folder");
const source = process.env.TRUNK_SOURCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), "..");
const release = process.env.TRUNK_PROFILE === "release";

const indexPath = join(staging, "index.html");
const index = readFileSync(indexPath, "utf8");
if (!BUILD_META.test(index)) fail(`${indexPath} has no <meta name="build-id">`);

if (!release) {
  rmSync(join(staging, "sw.js"), { force: true });
  writeFileSync(indexPath, stamp(index, "dev"));
  console.log("sw-precache: debug build, no service worker");
  process.exit(0);
}

const files = listFiles(staging).filter((path) => path !== "sw.js");
const buildId = process.env.BUILD_ID || contentHash(files);
writeFileSync(indexPath, stamp(index, buildId));

const template = readFileSync(join(source, "public", "sw.js"), "utf8");
const worker = fill(fill(template, '"__BUILD_ID__"', JSON.stringify(buildId)), '["__PRECACHE__"]', JSON.stringify(files));
writeFileSync(join(staging, "sw.js"), worker);
console.log(`sw-precache: build ${buildId}, ${files.length} files precached`);

function stamp(html, id) {
  return html.replace(BUILD_META, `<meta name="build-id" content="${id}" />`);
}

// Paths relative to the folder, with forward slashes, sorted so the list (and
// the hash) does not depend on directory order.
function listFiles(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join("/"))
    .sort();
}

// The page's own build-id is blanked first: it is the output of this hash.
function contentHash(paths) {
  const hash = createHash("sha256");
  for (const path of paths) {
    const bytes = readFileSync(join(staging, path));
    hash.update(path).update("\0");
    hash.update(path === "index.html" ? stamp(bytes.toString("utf8"), "") : bytes).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}

function fill(text, placeholder, value) {
  if (!text.includes(placeholder)) fail(`public/sw.js lost its ${placeholder} placeholder`);
  return text.replace(placeholder, () => value);
}

function fail(message) {
  console.error(`sw-precache: ${message}`);
  process.exit(1);
}
