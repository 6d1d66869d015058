// The Python runtime of the tab: Pyodide in a module Web Worker, so a runaway
// cell never freezes the page (Stop terminates this worker and starts another).
//
// Started with its name set to the JSON of {pyodide, archive, snapshot: {file, manifest} | null, version}
// Messages in:  {type: "run", id, session, index, code}
//               {type: "convert", id, args}: the page as a notebook or script (contract's pageModel)
// Messages out: {type: "status", state, detail} (and timings, in the bench copy)
//               {type: "result", id, html, ok, error}  ({id, text, ok, error} for convert)
import CONTRACT from "./contract.json";
import { importLibrary, unpackLibrary } from "./python_setup.mjs";
import { fillSnapshot, forgetKept, keepForNextVisit, keptFolder, readManifest } from "./snapshot.mjs";
import { statusDetail } from "./status_line.js";

let pyodide = null;
let bootNote = ""; // why the snapshot was not used, if it was not
let afterReady = null; // keeps the unpacked snapshot for the next visit, once Python is ready

function status(state, detail = "") {
  const message = { type: "status", state, detail };
  BENCH: message.timings = timings;
  postMessage(message);
}

async function fetchBytes(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${what} (HTTP ${response.status})`);
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
    if (made.pyodide !== mod.version) throw new Error(`it was made for Pyodide ${made.pyodide}, this is ${mod.version}`);
    // Pyodide sets up its WebAssembly runtime while the snapshot is still
    // arriving: that needs only the heap's size.  Restoring the heap from the
    // snapshot waits for it, in the hook that makes the runtime.
    const createPyodideModule = async (settings) => {
      const runtime = await (await import(`${cfg.pyodide}pyodide.asm.mjs`)).default(settings);
      BENCH: mark("runtime set up");
      await snapshot;
      return runtime;
    };
    const started = await mod.loadPyodide({ ...options, _loadSnapshot: raw, createPyodideModule });
    if (!started.runPython(`${JSON.stringify(CONTRACT.runner)} in __import__('sys').modules`)) {
      throw new Error("it does not contain the cell runner");
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
    throw new Error("WebAssembly is unavailable or blocked in this browser, so Python cannot run here.");
  }
  status("loading", statusDetail("downloadingRuntime"));
  // Everything is requested at once: the runtime, the library, the manifest.
  const modPromise = import(`${cfg.pyodide}pyodide.mjs`);
  const archive = fetchBytes(cfg.archive, "the clusterlab library");
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
  if (plain) pyodide = await (await modPromise).loadPyodide(options);
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

function runCell({ id, session, index, code }) {
  const runner = pyodide.pyimport(CONTRACT.runner);
  if (!sessions.has(session)) sessions.set(session, runner.new_namespace());
  status("running");
  let result;
  try {
    result = runner.run_cell(code, sessions.get(session), `<cell ${index}>`);
    postMessage({ type: "result", id, html: result.html, ok: result.ok, error: result.error ?? null });
  } finally {
    result?.destroy?.();
    runner.destroy();
    status("ready", bootNote);
  }
}

// The page passes the configuration as the worker's name, so booting starts the
// moment this module runs.  A message would arrive later: the page's main
// thread, busy laying out the page, is what delivers it.
const config = JSON.parse(self.name);
const ready = boot(config).then(
  (note) => {
    bootNote = note;
    status("ready", note);
    const keep = afterReady;
    afterReady = null; // so that the heap's buffer can be freed once kept
    keep?.();
  },
  (error) => {
    status("error", statusDetail("cannotStart", { reason: error.message }));
    throw error;
  },
);
ready.catch(() => {}); // reported by the status above

// The page's notebook or script (web/downloads.js): livecells.notebook.convert(...args).
function convert({ id, args }) {
  const { module, function: name } = CONTRACT.pageModel;
  const converter = pyodide.pyimport(module);
  try {
    postMessage({ type: "result", id, text: converter[name](...args), ok: true, error: null });
  } finally {
    converter.destroy();
  }
}

onmessage = async ({ data: msg }) => {
  if (msg.type !== "run" && msg.type !== "convert") return;
  try {
    await ready;
  } catch {
    return; // the error status was already sent
  }
  try {
    if (msg.type === "convert") convert(msg);
    else runCell(msg);
  } catch (error) {
    postMessage({ type: "result", id: msg.id, html: "", ok: false, error: String(error) });
  }
};
