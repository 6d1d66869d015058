// The site's service worker (bundled by esbuild, manifest injected by Workbox).
//
// - Every file of the site is precached, so after one visit everything,
//   Python included, works offline.
// - Pages (navigations) are network-first: online, a reader gets the newest
//   build; offline (or after 4 s without an answer) the precached copy.  A page
//   only names runtime files inside a folder named by their content hash
//   (assets/livecells/<hash>/), so a new page never runs with an old runtime.
import { precacheAndRoute, cleanupOutdatedCaches, matchPrecache } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { clientsClaim } from "workbox-core";

const NETWORK_TIMEOUT_MS = 4000;

async function networkFirstPage({ request, url }) {
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), NETWORK_TIMEOUT_MS)),
    ]);
    if (response.ok) return response;
    throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    const path = url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname;
    const cached = await matchPrecache(path);
    if (cached) return cached;
    throw error;
  }
}

// Registered before the precache route, so it wins for pages: navigations and
// the fetches of Material's instant navigation alike.
const isPage = ({ request, url }) =>
  url.origin === self.location.origin &&
  (request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html"));
registerRoute(isPage, networkFirstPage);
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: "index.html" });
cleanupOutdatedCaches();
clientsClaim();
