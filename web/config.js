// Where this build's runtime files are, and what the worker is told.
// tools/build_site.py writes __LC_CONFIG__ into boot.js when it bundles it:
// {pyodide: Pyodide's folder from the site root, snapshot: whether there is one,
//  version: the digest of py.zip, build: the name of the runtime's folder}.
/* global __LC_CONFIG__ */
import CONTRACT from "./contract.json";

const CONFIG = __LC_CONFIG__;
const FILES = CONTRACT.files;
const SCRIPT = document.currentScript; // boot.js, read while it runs

export const HERE = new URL(".", SCRIPT.src); // assets/livecells/<build>/: this build's runtime files
export const ROOT = new URL("../../../", HERE); // the site's root
export const BUILD = CONFIG.build;
// The template marks boot.js with data-start on a page with cells (overrides/main.html).
export const PAGE_HAS_CELLS = SCRIPT.hasAttribute("data-start");

// The runtime's time limits in ms (web/contract.json, "timeouts"): silentMs
// for a starting worker that says nothing (web/worker_client.js), stallMs for
// a download without a byte (web/download.mjs), snapshotSetupMs from the
// snapshot's last byte to a started Python (web/worker.mjs), pythonFirstMs
// before the page's other scripts load even if Python is not ready (web/boot.js).  A page may
// change them by setting window.lcTimeouts before boot.js runs; the tests
// shorten them, so that none of them waits for the real limits.
export function timeouts() {
  const asked = globalThis.lcTimeouts ?? {};
  const known = Object.keys(CONTRACT.timeouts).filter((key) => Number.isFinite(asked[key]) && asked[key] > 0);
  return { ...CONTRACT.timeouts, ...Object.fromEntries(known.map((key) => [key, asked[key]])) };
}

// The worker's script and its configuration, which rides in the worker's name
// so that the worker can start booting before any message reaches it
// (web/worker.mjs reads it).
export function workerSettings() {
  let snapshot = CONFIG.snapshot;
  // `make bench` compares with a plain start: ?no-snapshot in the page's address.
  BENCH: if (new URLSearchParams(location.search).has("no-snapshot")) snapshot = false;
  const config = {
    pyodide: new URL(CONFIG.pyodide, ROOT).href,
    archive: new URL(FILES.archive, HERE).href,
    snapshot: snapshot && {
      file: new URL(FILES.snapshot, HERE).href,
      manifest: new URL(FILES.manifest, HERE).href,
    },
    version: CONFIG.version,
    lang: document.documentElement.lang, // the worker's words (web/words.js)
    timeouts: timeouts(),
  };
  return { url: new URL(FILES.worker, HERE), name: JSON.stringify(config) };
}
