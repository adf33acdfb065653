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
  // person taps "Reload" (the page then sends "skip-waiting").
});

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

// Pages: the network first so a deploy is seen on the next load, this build's
// copy when there is no network, no server, or a failing one.
async function page(request) {
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.status < 500) return response;
  } catch (offline) {
    // fall through to the cached copy
  }
  const cache = await caches.open(CACHE);
  const url = request.url.split(/[?#]/)[0];
  const shell = url === self.registration.scope || url === SHELL;
  return (await cache.match(shell ? SHELL : DEEP_LINK_PAGE)) || Response.error();
}

// Files of this build: names carry a content hash, so a cached copy is right.
async function asset(request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(request));
  return cached || fetch(request);
}
