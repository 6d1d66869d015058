// The service worker (web/sw.js: the offline copy of the site) is registered
// once Python is up and idle (web/boot.js), so that its downloads do not compete
// with the first start or the reader's first runs.
// notKept() is called when the offline copy cannot be kept: no service worker
// in this browser window (a private one, say), or its install failed (no Cache
// Storage, storage full, a file that would not download).  A failed install
// keeps nothing: Workbox's next install starts over.
import CONTRACT from "./contract.json";

export function registerServiceWorker(root, notKept = () => {}) {
  if (!/^https?:$/.test(location.protocol)) return;
  if (!("serviceWorker" in navigator)) return notKept();
  navigator.serviceWorker.register(new URL(CONTRACT.files.serviceWorker, root).href).then((registration) => {
    const installing = registration?.installing; // undefined where a test harness stubs register()
    installing?.addEventListener("statechange", () => installing.state === "redundant" && notKept());
  }, notKept);
}
