// The Python runtime of the tab: Pyodide in a module Web Worker, so a runaway
// cell never freezes the page (Stop terminates this worker and starts another).
//
// Started with its name set to the JSON of its settings (web/config.js,
// workerSettings): {pyodide, archive, snapshot: {file, manifest} | null,
// version, lang, timeouts}.
//
// The protocol (web/worker_client.js is the page's end; the kinds are in
// web/contract.json, "messages"):
//   in:  {type: "run", id, session, index, code}          value: {html, raised}
//        {type: "set", id, session, name, data (ArrayBuffer), width, height, channels}
//                                                          value: null
//        {type: "get", id, session, name}                  value: {value (its JSON), data (ArrayBuffer | null)}
//        {type: "convert", id, args}                       value: the page as a notebook or script (text)
//   out: {type: "result", id, ok: true, value} or {type: "result", id, ok: false, error}:
//          one per request.  ok is false only when the request could not be carried
//          out (error: one line); a cell that raises was run: value.raised names
//          the exception and value.html shows the traceback.
//        {type: "status", state, detail} (and timings, in the bench copy)
//        {type: "crashed", reason}: Python died (a fatal error of Pyodide, such as
//          a recursion deeper than the browser's stack); the page replaces this worker
//        {type: "alive"} every ALIVE_EVERY_MS while Python starts (web/worker_client.js)
import CONTRACT from "./contract.json";
import { importLibrary, unpackLibrary } from "./python_setup.mjs";
import { describe, DownloadError, importWithin, siteUnreachable, watchedFetch, within } from "./download.mjs";
import { fillSnapshot, forgetKept, keepForNextVisit, keptFolder, readManifest } from "./snapshot.mjs";
import { statusDetail } from "./status_line.js";

// The page passes the settings as the worker's name, so booting starts the
// moment this module runs.  A message would arrive later: the page's main
// thread, busy laying out the page, is what delivers it.
const config = JSON.parse(self.name);
const { stallMs, snapshotSetupMs } = config.timeouts;
const pyodideBase = new URL(config.pyodide, self.location.href).href;

// Every download of the worker, Pyodide's own included, has a deadline (web/download.mjs).
// Pyodide only logs a failed download of its WebAssembly and then waits for
// ever, so each start races against the failure of any of Pyodide's files.
const plainFetch = self.fetch.bind(self);
let pyodideFileFailed = () => {};
const onFailure = (error, url) => {
  if (new URL(url, self.location.href).href.startsWith(pyodideBase)) pyodideFileFailed(error);
};
self.fetch = (input, init = {}) => watchedFetch(plainFetch, input, init, onFailure, stallMs);
const MODULE_DEADLINE_MS = 3 * stallMs;
const ALIVE_EVERY_MS = 1000; // well below the page's silentMs (web/worker_client.js)

// Pyodide's loadPyodide(options), rejected as soon as one of its files fails.
function loadPyodideWatched(mod, options) {
  const failure = new Promise((_, reject) => (pyodideFileFailed = reject));
  return Promise.race([mod.loadPyodide(options), failure]);
}

let pyodide = null;
let bootNote = ""; // why the snapshot was not used, if it was not
let afterReady = null; // keeps the unpacked snapshot for the next visit, once Python is ready

function status(state, detail = "") {
  const message = { type: "status", state, detail };
  BENCH: message.timings = timings;
  postMessage(message);
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(statusDetail("httpFailed", { what: describe(url), status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}

// Milliseconds since the worker started, per boot stage, for `make bench`.
// Only `BENCH:` statements use them, and a production build drops those
// (esbuild's --drop-labels, tools/build_site.py), so they ship only in the
// copy of the site that bench/bench_site.py times.
const timings = {};
const mark = (name) => (timings[name] = Math.round(performance.now()));

// Start Python from the build-time memory snapshot; rejects with the reason if
// it cannot be used (the caller then starts Python the plain way).
async function startFromSnapshot(cfg, manifest, folder, modPromise, options) {
  const abort = new AbortController();
  let fromKept = false;
  try {
    const made = await manifest;
    const raw = new Uint8Array(made.bytes);
    const onProgress = (percent) => status("loading", statusDetail("downloadingSnapshot", { percent }));
    const snapshot = fillSnapshot(cfg, folder, made, raw, { signal: abort.signal, onProgress });
    const filled = (kept) => {
      fromKept = kept;
      BENCH: mark(kept ? "snapshot read from the kept copy" : "snapshot downloaded");
    };
    snapshot.then(filled, () => {}); // a failure surfaces in the start below
    const mod = await modPromise;
    if (made.pyodide !== mod.version) {
      throw new Error(statusDetail("otherPyodide", { made: made.pyodide, running: mod.version }));
    }
    // Pyodide sets up its WebAssembly runtime while the snapshot is still
    // arriving: that needs only the heap's size.  Restoring the heap from the
    // snapshot waits for it, in the hook that makes the runtime.
    const createPyodideModule = async (settings) => {
      const asm = await importWithin(`${cfg.pyodide}pyodide.asm.mjs`, MODULE_DEADLINE_MS);
      const runtime = await asm.default(settings);
      BENCH: mark("runtime set up");
      await snapshot;
      return runtime;
    };
    // Once the snapshot has all arrived, the rest of this start must end within
    // snapshotSetupMs.  A start that hangs after the last byte while the
    // worker stays alive (seen in WebKit, cause unknown) falls back to the
    // plain start, with the reason in the status line, instead of loading for ever.
    const loading = loadPyodideWatched(mod, { ...options, _loadSnapshot: raw, createPyodideModule });
    const seconds = Math.round(snapshotSetupMs / 1000);
    const hung = () => new Error(statusDetail("snapshotHung", { seconds }));
    const afterLastByte = snapshot.then(() => within(loading, snapshotSetupMs, hung));
    afterLastByte.catch(() => {}); // a failed download surfaces in the start below
    const started = await Promise.race([loading, afterLastByte]);
    if (!started.runPython(`${JSON.stringify(CONTRACT.runner)} in __import__('sys').modules`)) {
      throw new Error(statusDetail("noRunner"));
    }
    if (!fromKept) afterReady = () => keepForNextVisit(folder, made, raw);
    return started;
  } catch (error) {
    abort.abort(); // a download still under way is not needed now
    if (fromKept) forgetKept(folder, await manifest); // the kept copy did not work: download next time
    throw error;
  }
}

async function boot(cfg) {
  if (typeof WebAssembly !== "object") {
    throw new Error(statusDetail("noWasm"));
  }
  status("loading", statusDetail("downloadingRuntime"));
  // Everything is requested at once: the runtime, the library, the manifest.
  const modPromise = importWithin(`${cfg.pyodide}pyodide.mjs`, MODULE_DEADLINE_MS);
  modPromise.catch(() => {}); // handled where it is awaited
  const archive = fetchBytes(cfg.archive);
  archive.catch(() => {}); // handled where it is awaited
  const manifest = cfg.snapshot ? readManifest(cfg) : null;
  manifest?.catch(() => {}); // handled below
  const folder = cfg.snapshot ? keptFolder() : null;
  BENCH: modPromise.then(() => mark("pyodide.mjs imported"), () => {});
  const options = { indexURL: cfg.pyodide, packages: [] };
  let note = "";
  try {
    pyodide = manifest && (await startFromSnapshot(cfg, manifest, folder, modPromise, options));
  } catch (error) {
    note = statusDetail("withoutSnapshot", { reason: error.message });
  }
  const plain = !pyodide;
  if (plain) pyodide = await loadPyodideWatched(await modPromise, options);
  BENCH: mark("python started");
  status("loading", statusDetail("unpacking"));
  // The sources go into the file system even after a snapshot start, so that
  // tracebacks and inspect can show the library's lines.
  unpackLibrary(pyodide, CONTRACT, await archive);
  if (plain) importLibrary(pyodide, CONTRACT);
  BENCH: mark("ready");
  return note;
}

const sessions = new Map(); // session -> Python dict (the page's namespace)

function session(runner, name) {
  if (!sessions.has(name)) sessions.set(name, runner.new_namespace());
  return sessions.get(name);
}

// Each kind of request, carried out: {value, transfer} for its reply, or a
// throw that the reply reports (onmessage, below).  `runner` is livecells.runner.
const HANDLERS = {
  run(runner, { session: name, index, code }) {
    BENCH: if (!timings["first run started"]) mark("first run started");
    status("running");
    const result = runner.run_cell(code, session(runner, name), `<cell ${index}>`);
    try {
      BENCH: if (!timings["first run done"]) mark("first run done");
      return { value: { html: result.html, raised: result.error ?? null } };
    } finally {
      result.destroy();
    }
  },
  // The buffer hand-over (Runtime.setVariable / getVariable, livecells.runner).
  set(runner, { session: name, name: variable, data, width, height, channels }) {
    runner.set_buffer(session(runner, name), variable, new Uint8Array(data), width, height, channels).destroy();
    return { value: null };
  },
  get(runner, { session: name, name: variable }) {
    const out = runner.export_variable(session(runner, name), variable);
    try {
      const [json, bytes] = out.toJs();
      const whole = bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const data = bytes ? (whole ? bytes.buffer : bytes.slice().buffer) : null;
      return { value: { value: JSON.parse(json), data }, transfer: data ? [data] : [] };
    } finally {
      out.destroy();
    }
  },
  // The page as a notebook or script (web/downloads.js): livecells.notebook.convert(...args).
  convert(_runner, { args }) {
    const { module, function: name } = CONTRACT.pageModel;
    const converter = pyodide.pyimport(module);
    try {
      return { value: converter[name](...args) };
    } finally {
      converter.destroy();
    }
  },
};

// A failed request's error in one line: a Python exception's last line
// ("KeyError: 'image'"), else the JavaScript error's message.
function oneLine(error) {
  return String(error?.message || error).trim().split("\n").pop();
}

// Cells run once Python has started; keeping the snapshot for the next visit
// (a write of its bytes, not of the live heap) goes on beside them.
const started = boot(config);
started.catch(() => {}); // reported by the status below
// While Python starts, the page hears from the worker every second, even when
// a download or a compilation has nothing new to report: a worker that falls
// silent has stopped, and the page replaces it (web/worker_client.js).
const alive = setInterval(() => postMessage({ type: "alive" }), ALIVE_EVERY_MS);
started.finally(() => clearInterval(alive)).catch(() => {});
const ready = started.then(
  async (note) => {
    bootNote = note;
    status("ready", note);
    const keep = afterReady;
    afterReady = null; // so that the heap's buffer can be freed once kept
    const notKept = await keep?.(); // why the snapshot could not be kept, if it could not
    if (notKept) {
      bootNote = note ? statusDetail("notKept", { detail: note, reason: notKept }) : statusDetail("notKeptAlone", { reason: notKept });
      status("ready", bootNote);
    }
  },
  async (error) => {
    // A first visit without network: say what helps instead of what failed.
    const offline =
      (error instanceof DownloadError && error.kind === "offline") || (await siteUnreachable(plainFetch, config.archive));
    status("error", offline ? statusDetail("needsOnlineVisit") : statusDetail("cannotStart", { reason: error.message }));
    throw error;
  },
);
ready.catch(() => {}); // reported by the status above

// A fatal error of Pyodide (the browser's stack overflowed under a deep
// recursion, say) leaves a Python that answers nothing ever again: every later
// call throws "Pyodide already fatally failed".  Say so once; the page replaces
// this worker (web/worker_client.js) and tells the reader.
let crashed = null;
function isFatal(error) {
  return Boolean(error?.pyodide_fatal_error) || /already fatally failed/.test(String(error?.message ?? error));
}
function crash(error) {
  crashed ??= String(error?.message ?? error).split("\n")[0];
  postMessage({ type: "crashed", reason: crashed });
}

// One reply per request, made here: the handler's value, or its error.
onmessage = async ({ data: msg }) => {
  const handle = CONTRACT.messages.requests.includes(msg.type) && HANDLERS[msg.type];
  if (!handle) return;
  if (crashed) return crash(crashed);
  BENCH: if (msg.type === "run" && !timings["first run asked"]) mark("first run asked");
  try {
    await started;
  } catch {
    return; // the error status was already sent
  }
  let runner = null;
  try {
    runner = pyodide.pyimport(CONTRACT.runner);
    const { value, transfer = [] } = handle(runner, msg);
    postMessage({ type: "result", id: msg.id, ok: true, value }, transfer);
  } catch (error) {
    if (isFatal(error)) return crash(error);
    postMessage({ type: "result", id: msg.id, ok: false, error: oneLine(error) });
  } finally {
    if (!crashed) {
      runner?.destroy();
      if (msg.type === "run") status("ready", bootNote);
    }
  }
};
