// The Python runtime of the tab, loaded in <head> so that Python starts booting
// before the rest of the page has even been parsed.  One Web Worker per tab
// (web/worker.mjs); it outlives Material's instant navigation.  The cell UI
// (web/cells.js) uses it through window.__lcRuntime.
/* global __LC_CONFIG__ */
const CONFIG = __LC_CONFIG__; // {pyodide: path from the site root, snapshot: bool, version, build}
const SCRIPT = document.currentScript;
const HERE = new URL(".", SCRIPT.src); // assets/livecells/<hash>/: this build's runtime files
const ROOT = new URL("../../../", HERE);

class StoppedError extends Error {
  constructor(active) {
    super("stopped");
    this.name = "StoppedError";
    this.active = active; // the run that was executing when Stop was pressed
  }
}

// One worker for the tab; it outlives Material's instant navigation.
const runtime = {
  worker: null,
  state: "idle", // idle | loading | ready | running | error
  detail: "",
  nextId: 1,
  pending: new Map(), // run id -> {resolve, reject}
  sessionsRun: new Map(), // session -> Set of cell indices already run
  queue: Promise.resolve(),
  active: null, // {session, index} of the run in progress
  listeners: new Set(),

  supported() {
    return typeof WebAssembly === "object" && typeof Worker === "function";
  },

  setState(state, detail = "") {
    if (state === "ready" && !window.__lcReadyAt) window.__lcReadyAt = performance.now(); // for `make bench`
    this.state = state;
    this.detail = detail;
    this.showStatus();
    for (const fn of this.listeners) fn(state, detail);
  },

  // The status line above the page's first cell (written into the page at
  // build time, py/livecells/fence.py) shows the runtime's state.
  showStatus() {
    const status = document.querySelector(".lc-status");
    if (!status) return;
    const words = { idle: "Python: not started", loading: "Python: loading", ready: "Python: ready", running: "Python: running", error: "Python unavailable" };
    status.dataset.state = this.state;
    status.textContent = this.detail ? `${words[this.state]} — ${this.detail}` : words[this.state];
    // The download's progress shows, but screen readers announce only the outcome.
    status.setAttribute("aria-busy", String(this.state === "loading"));
  },

  start() {
    if (this.worker) return;
    if (!this.supported()) {
      this.setState(
        "error",
        "This browser cannot run Python here (WebAssembly or Web Workers are unavailable or blocked). " +
          "The lesson and its pre-computed outputs stay readable.",
      );
      return;
    }
    this.setState("loading", "starting Python…");
    const config = {
      pyodide: new URL(CONFIG.pyodide, ROOT).href,
      archive: new URL("py.zip", HERE).href,
      // ?no-snapshot in the page's address starts Python the plain way (for comparison).
      snapshot: CONFIG.snapshot && !new URLSearchParams(location.search).has("no-snapshot") && {
        file: new URL("snapshot.bin.gz", HERE).href,
        manifest: new URL("snapshot.json", HERE).href,
      },
      version: CONFIG.version,
    };
    // The configuration rides in the worker's name, so the worker can start
    // booting before any message reaches it.
    const worker = new Worker(new URL("worker.mjs", HERE), { type: "module", name: JSON.stringify(config) });
    worker.onmessage = (event) => this.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.setState("error", `The Python runtime failed to start: ${event.message || "unknown error"}.`);
      this.failAll(new Error("The Python runtime failed."));
    };
    this.worker = worker;
  },

  onMessage(msg) {
    if (msg.type === "status") {
      if (msg.state === "ready") window.__lcBootTimings = msg.timings; // for `make bench`
      this.setState(msg.state, msg.detail || "");
      if (msg.state === "error") this.failAll(new Error(msg.detail));
    } else if (msg.type === "result") {
      const job = this.pending.get(msg.id);
      if (job) {
        this.pending.delete(msg.id);
        job.resolve(msg);
      }
    }
  },

  failAll(error) {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  },

  hasRun(session, index) {
    return this.sessionsRun.get(session)?.has(index) ?? false;
  },

  markRun(session, index) {
    if (!this.sessionsRun.has(session)) this.sessionsRun.set(session, new Set());
    this.sessionsRun.get(session).add(index);
  },

  // Queue a run; runs happen one at a time, in the order asked.
  run(session, index, code) {
    const job = this.queue.then(() => this.execute(session, index, code));
    this.queue = job.catch(() => {});
    return job;
  },

  execute(session, index, code) {
    if (this.state === "error") return Promise.reject(new Error(this.detail));
    this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.active = { session, index };
      this.worker.postMessage({ type: "run", id, session, index, code });
    }).then((result) => {
      this.active = null;
      this.markRun(session, index);
      return result;
    });
  },

  // Stop: the only sure way to end a runaway loop is to replace the worker.
  stop() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.failAll(new StoppedError(this.active));
    this.active = null;
    this.queue = Promise.resolve();
    this.sessionsRun.clear();
    this.setState("idle");
    this.start();
  },
};


runtime.StoppedError = StoppedError;
runtime.build = CONFIG.build; // the folder name of this runtime's files

// The service worker (offline copy of the site) is registered once Python is
// up, so its downloads do not compete with the first start.
function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(new URL("sw.js", ROOT).href).catch(() => {});
}

// What the page's JavaScript does besides Python waits until Python is ready or
// has failed, or LATER_AT_THE_LATEST_MS at the latest: on a machine with few
// cores it would otherwise compete with Python's start, which is what the
// reader waits for.  Meanwhile the page shows the lesson's code, its outputs and
// the status line.  Two scripts wait, in this order:
// - Material's bundle (search, table of contents, instant navigation), which
//   the template leaves unrun on a page with cells (overrides/main.html);
// - the cell editors (cells.js, with CodeMirror).
const LATER_AT_THE_LATEST_MS = 1500;

function addScript(url, onload = null) {
  const script = document.createElement("script");
  script.src = url;
  script.async = false; // scripts added this way run in the order added
  script.onload = onload;
  document.head.append(script);
}

let laterRequested = false;
function loadLater() {
  if (laterRequested) return;
  laterRequested = true;
  const material = document.querySelector('script[type="text/x-after-python"]');
  if (material) {
    // Material starts on DOMContentLoaded, so the page, parsed long ago, says
    // so again (cells.js, which runs after it, does not listen by then).
    const parsed = () => document.readyState !== "loading" && document.dispatchEvent(new Event("DOMContentLoaded"));
    addScript(new URL(material.dataset.src, document.baseURI).href, parsed);
  }
  addScript(new URL("cells.js", HERE).href);
}

if (!window.__lcRuntime) {
  window.__lcRuntime = runtime;
  document.documentElement.classList.add("lc-js"); // shows the status line (cells.css)
  if (SCRIPT.hasAttribute("data-start")) {
    const whenSettled = (state) => {
      if (state !== "ready" && state !== "error") return;
      runtime.listeners.delete(whenSettled);
      registerServiceWorker();
      loadLater();
    };
    runtime.listeners.add(whenSettled);
    setTimeout(loadLater, LATER_AT_THE_LATEST_MS);
    runtime.start();
    document.addEventListener("DOMContentLoaded", () => runtime.showStatus());
  } else {
    window.addEventListener("load", () => {
      registerServiceWorker();
      loadLater();
    });
  }
}
