// The service worker (web/sw.js: the offline copy of the site) is registered
// once Python is up, so that its downloads do not compete with the first start.
export function registerServiceWorker(root) {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(new URL("sw.js", root).href).catch(() => {});
}
