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
// the fetches of Material's instant navigation alike.  So is the route of
// WebAssembly below.
const isPage = ({ request, url }) =>
  url.origin === self.location.origin &&
  (request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html"));
registerRoute(isPage, networkFirstPage);

// WebAssembly from the browser's HTTP cache when it is there, else from the
// precache.  Chromium keeps the compiled code of a WebAssembly file with its
// HTTP cache entry, and not with a Cache Storage copy: served from the
// precache, Pyodide's runtime was compiled again on every visit (the cost is
// in bench/README.md).  "only-if-cached" never goes to the network, so a
// return visit depends on it no more than before.
async function wasmFromHttpCache({ request }) {
  try {
    const cached = await fetch(request.url, { cache: "only-if-cached", mode: "same-origin" });
    if (cached.ok && cached.headers.get("Content-Type")?.startsWith("application/wasm")) return cached;
  } catch {
    /* not in the HTTP cache (or this browser cannot say): the precache has it */
  }
  return (await matchPrecache(request.url)) ?? fetch(request);
}
const isWasm = ({ url }) => url.origin === self.location.origin && url.pathname.endsWith(".wasm");
registerRoute(isWasm, wasmFromHttpCache);
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: "index.html" });
cleanupOutdatedCaches();
clientsClaim();
