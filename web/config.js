// Where this build's runtime files are, and what the worker is told.
// tools/build_site.py writes __LC_CONFIG__ into boot.js when it bundles it:
// {pyodide: Pyodide's folder from the site root, snapshot: whether there is one,
//  version: the digest of py.zip, build: the name of the runtime's folder}.
/* global __LC_CONFIG__ */
const CONFIG = __LC_CONFIG__;
const SCRIPT = document.currentScript; // boot.js, read while it runs

export const HERE = new URL(".", SCRIPT.src); // assets/livecells/<build>/: this build's runtime files
export const ROOT = new URL("../../../", HERE); // the site's root
export const BUILD = CONFIG.build;
// The template marks boot.js with data-start on a page with cells (overrides/main.html).
export const PAGE_HAS_CELLS = SCRIPT.hasAttribute("data-start");

// The worker's script and its configuration, which rides in the worker's name
// so that the worker can start booting before any message reaches it
// (web/worker.mjs reads it).
export function workerSettings() {
  let snapshot = CONFIG.snapshot;
  // `make bench` compares with a plain start: ?no-snapshot in the page's address.
  BENCH: if (new URLSearchParams(location.search).has("no-snapshot")) snapshot = false;
  const config = {
    pyodide: new URL(CONFIG.pyodide, ROOT).href,
    archive: new URL("py.zip", HERE).href,
    snapshot: snapshot && {
      file: new URL("snapshot.bin.gz", HERE).href,
      manifest: new URL("snapshot.json", HERE).href,
    },
    version: CONFIG.version,
    lang: document.documentElement.lang, // the worker's words (web/words.js)
  };
  return { url: new URL("worker.mjs", HERE), name: JSON.stringify(config) };
}
