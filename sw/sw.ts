/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { PERSONAL_CACHE } from "../components/pwa/offline-names";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

const OFFLINE_PAGE = "/offline";

// The app shell: Next's hashed static files and the offline page, fetched once per build.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Only the signed-in citizen's own pages and JSON; sign-in, staff and identity-provider routes never.
const citizenPage = /^\/(?:dossiers(?:\/HS-\d{4}-\d{6})?|notifications|my-data)?$/;
const citizenJson = /^\/api\/v1\/dossiers(?:\/HS-\d{4}-\d{6})?$/;

const personal = new NetworkFirst({
  cacheName: PERSONAL_CACHE,
  networkTimeoutSeconds: 6,
  // Next varies pages on its router headers; offline, the last copy of the page is what we want.
  matchOptions: { ignoreVary: true },
  plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 14 * 24 * 3600 })],
});

registerRoute(({ request, url }) => request.method === "GET" && url.origin === self.location.origin && request.mode === "navigate" && citizenPage.test(url.pathname), personal);
registerRoute(({ request, url }) => request.method === "GET" && url.origin === self.location.origin && citizenJson.test(url.pathname), personal);

setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error();
  return Response.error();
});

self.addEventListener("message", (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === "SKIP_WAITING") void self.skipWaiting();
  // A page reached by client-side navigation never passed through here as a document: fetch and keep it.
  if (type === "CACHE_PAGE") {
    const url = new URL(String((event.data as { url?: string }).url), self.location.origin);
    if (url.origin === self.location.origin && citizenPage.test(url.pathname)) {
      event.waitUntil(personal.handle({ event, request: new Request(url.href, { credentials: "same-origin" }) }).catch(() => undefined));
    }
  }
  // Sign-out: nothing of this person may stay on the phone.
  if (type === "CLEAR_PERSONAL_DATA") event.waitUntil(caches.delete(PERSONAL_CACHE));
});

clientsClaim();
