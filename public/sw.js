// Service worker: keeps one build of the app on the phone so it opens with no
// signal. This file is a template: scripts/sw-precache.mjs (Trunk's post_build
// hook) replaces the two placeholders below with the build id and the list of
// files that build wrote. Debug builds ship no service worker at all.
"use strict";

const BUILD_ID = "__BUILD_ID__";
const PRECACHE = ["__PRECACHE__"];

// Several copies of the app can share an origin (say /rehab/ and /rehab-beta/
// on one static host); the scope in the name keeps each one's caches its own.
const CACHE_PREFIX = `hamstring-rehab:${self.registration.scope}:`;
const CACHE = CACHE_PREFIX + BUILD_ID;
const SHELL = new URL("index.html", self.registration.scope).href;
const DEEP_LINK_PAGE = new URL("404.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  // `no-cache` so the copy kept is this build's, never a stale HTTP-cache one.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "no-cache" })))),
  );
  // No skipWaiting here: an open app keeps the code it started with until the
  // person taps "Reload" (the page then sends "skip-waiting"), or until every
  // tab of the app has closed, when the browser activates this one itself.
});

// Only now that this version controls the app is the previous one's cache
// unused: until then an open page may still ask it for a file.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      // The first visit's page becomes controlled at once, so it works offline
      // without a second load and later versions wait behind it.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});

// Pages: this build's own copy, never the network's, so a page always comes
// from the worker that controls it and matches the files that worker keeps.
// Fetched past the worker, a reload after a deploy would get the new page
// (and its new stylesheet) under the old worker. A deploy is still seen: the
// browser checks sw.js on every navigation and the app asks now and then; the
// new version installs beside this one and waits until the person taps
// "Reload" or every tab of the app has closed.
async function page(request) {
  const cache = await caches.open(CACHE);
  const url = request.url.split(/[?#]/)[0];
  const shell = url === self.registration.scope || url === SHELL;
  const cached =
    (await cache.match(shell ? SHELL : request, { ignoreSearch: true })) || (await cache.match(DEEP_LINK_PAGE));
  // Only when this build's cache was evicted: the host's page is better than
  // none, and the files it asks for then come from the host too.
  return cached || fetch(request);
}

// Files of this build: names carry a content hash, so a cached copy is right.
async function asset(request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(request));
  return cached || fetch(request);
}
