// The Python runtime of the tab: Pyodide in a module Web Worker, so a runaway
// cell never freezes the page (Stop terminates this worker and starts another).
//
// Started with its name set to the JSON of {pyodide, archive, snapshot: {file, manifest} | null, version, build}
// Messages in:  {type: "run", id, session, index, code}
// Messages out: {type: "status", state, detail}
//               {type: "result", id, html, ok, error}
const SITE_PACKAGES = "/home/pyodide/lib";
let pyodide = null;
let bootNote = ""; // why the snapshot was not used, if it was not
let afterReady = null; // keeps the unpacked snapshot for the next visit, once Python is ready

function status(state, detail = "") {
  postMessage({ type: "status", state, detail, timings });
}

async function fetchBytes(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${what} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

const timings = {}; // milliseconds since the worker started, per boot stage (for `make bench`)
const mark = (name) => (timings[name] = Math.round(performance.now()));

// The snapshot file leaves out the heap's pages of zeros (about half of it):
// it holds the other bytes back to back, and the manifest's runs, [offset,
// length] pairs, say where each stretch goes in the heap.

// A function that puts the file's next bytes where they belong in `heap`, and
// says whether the heap is complete.  Bytes beyond the runs reject.
function placer(heap, runs) {
  let run = 0;
  let within = 0;
  return (chunk) => {
    for (let from = 0; from < chunk.length; ) {
      if (run === runs.length) throw new Error("it is damaged (wrong size)");
      const [offset, length] = runs[run];
      const n = Math.min(length - within, chunk.length - from);
      heap.set(chunk.subarray(from, from + n), offset + within);
      from += n;
      within += n;
      if (within === length) [run, within] = [run + 1, 0];
    }
    return run === runs.length;
  };
}

// After the first start, the unpacked snapshot is kept in the origin private
// file system, which a worker reads synchronously straight into place: a
// return visit neither downloads nor unpacks it.  The copy is named after the
// snapshot's SHA-256 (from the manifest), so it can only ever be read with the
// manifest it was written for.  One copy is kept.
const KEPT_PREFIX = "clusterlab-snapshot-";
const keptName = (manifest) => `${KEPT_PREFIX}${manifest.sha256}.bin`;
const shippedBytes = (runs) => runs.reduce((sum, [, length]) => sum + length, 0);

// The origin's file system can take a while to answer the first time, so it is
// asked for first thing; null where there is none (old browser, private mode).
const keptFolder = () => navigator.storage?.getDirectory?.().catch(() => null) ?? Promise.resolve(null);

// Open the kept copy for reading, or resolve to null if there is none (or it
// is locked by another tab's write).
async function openKept(folder, manifest) {
  try {
    const file = await (await folder).getFileHandle(keptName(manifest));
    // read-only lets two tabs read at once; a browser without that option takes
    // an exclusive lock, and a second tab then downloads instead.
    return await file.createSyncAccessHandle({ mode: "read-only" });
  } catch {
    return null;
  }
}

// Fill `heap` from the kept copy (an open handle, or null), closing it; false
// if that fails.  A copy of the wrong size is deleted.
async function readKept(folder, manifest, handle, heap) {
  if (!handle) return false;
  let ok = false;
  try {
    if (handle.getSize() === shippedBytes(manifest.runs)) {
      let at = 0;
      ok = true;
      for (const [offset, length] of manifest.runs) {
        if (handle.read(heap.subarray(offset, offset + length), { at }) !== length) ok = false;
        at += length;
      }
    }
  } catch {
    ok = false;
  } finally {
    handle.close();
  }
  if (!ok) await forgetKept(folder, manifest);
  return ok;
}

async function keepForNextVisit(folder, manifest, heap) {
  const dir = await folder;
  if (!dir) return;
  // Written under a name of its own and renamed once complete, so a tab closed
  // while writing never leaves a truncated copy behind, and two tabs never
  // write the same file.
  const temporary = `${KEPT_PREFIX}${crypto.randomUUID()}.part`;
  try {
    for await (const name of dir.keys()) {
      if (name.startsWith(KEPT_PREFIX)) await dir.removeEntry(name).catch(() => {}); // another tab's write is locked
    }
    const part = await dir.getFileHandle(temporary, { create: true });
    const handle = await part.createSyncAccessHandle();
    try {
      let at = 0;
      for (const [offset, length] of manifest.runs) at += handle.write(heap.subarray(offset, offset + length), { at });
      handle.flush();
    } finally {
      handle.close();
    }
    await part.move(keptName(manifest));
  } catch {
    await dir.removeEntry(temporary).catch(() => {}); // best effort: the next visit downloads
  }
  // Builds before 2026-11-26 kept the whole heap in Cache Storage.
  await globalThis.caches?.delete("clusterlab-snapshot").catch(() => {});
}

async function forgetKept(folder, manifest) {
  try {
    await (await folder).removeEntry(keptName(manifest));
  } catch {
    /* nothing kept */
  }
}

// The snapshot's manifest says which Pyodide and clusterlab it was made from,
// the heap's size and where the file's bytes go.  A missing or mismatched one
// rejects (boot() also compares the Pyodide version), before Pyodide starts.
async function readManifest(cfg) {
  const response = await fetch(cfg.snapshot.manifest);
  if (!response.ok) throw new Error(`its manifest is missing (HTTP ${response.status})`);
  const manifest = await response.json();
  if (manifest.archive !== cfg.version) throw new Error("it was made for another version of clusterlab");
  const { bytes, runs } = manifest;
  let end = 0;
  const valid =
    Number.isSafeInteger(bytes) &&
    bytes > 0 &&
    Array.isArray(runs) &&
    runs.every(([offset, length]) => {
      const ok = Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= end && length > 0;
      end = offset + length;
      return ok;
    }) &&
    end <= bytes &&
    /^[0-9a-f]{64}$/.test(manifest.sha256);
  if (!valid) throw new Error("its manifest does not describe the heap");
  return manifest;
}

// The snapshot's unpacked bytes, chunk by chunk, with the download's progress
// in the status line in steps of 10 %.
async function* unpack(url, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`it could not be downloaded (HTTP ${response.status})`);
  const total = Number(response.headers.get("Content-Length")) || 0;
  let seen = 0;
  let shown = -1;
  const counted = new TransformStream({
    transform(chunk, controller) {
      seen += chunk.length;
      const step = total ? Math.min(10, Math.floor((10 * seen) / total)) : -1;
      if (step > shown) status("loading", `downloading Python… ${10 * (shown = step)} %`);
      controller.enqueue(chunk);
    },
  });
  // DecompressionStream checks gzip's CRC, so a damaged download fails while reading.
  const reader = response.body.pipeThrough(counted).pipeThrough(new DecompressionStream("gzip")).getReader();
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      throw new Error("it is damaged (not valid gzip)");
    }
    if (chunk.done) return;
    yield chunk.value;
  }
}

// Fill `heap`, a zeroed buffer of the manifest's size, with the build-time
// memory snapshot (clusterlab already imported): from the kept copy, or
// downloaded and unpacked as it streams in.  Damage rejects, and boot() falls
// back to a plain start.  Resolves to true if the bytes were the kept copy.
async function fillSnapshot(cfg, folder, manifest, heap, signal) {
  if (await readKept(folder, manifest, await openKept(folder, manifest), heap)) {
    mark("snapshot read from the kept copy");
    return true;
  }
  const place = placer(heap, manifest.runs);
  let complete = false;
  for await (const chunk of unpack(cfg.snapshot.file, signal)) complete = place(chunk);
  if (!complete) throw new Error("it is damaged (wrong size)");
  mark("snapshot downloaded");
  return false;
}

async function boot(cfg) {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is unavailable or blocked in this browser, so Python cannot run here.");
  }
  status("loading", "downloading the Python runtime…");
  // Everything is requested at once: the runtime, the library, the manifest.
  const modPromise = import(`${cfg.pyodide}pyodide.mjs`);
  const archive = fetchBytes(cfg.archive, "the clusterlab library");
  const manifest = cfg.snapshot ? readManifest(cfg) : null;
  manifest?.catch(() => {}); // handled below
  const folder = cfg.snapshot ? keptFolder() : null;
  modPromise.then(() => mark("pyodide.mjs imported"), () => {});
  const options = { indexURL: cfg.pyodide, packages: [] };
  let note = "";
  if (manifest) {
    const abort = new AbortController();
    let fromKept = false;
    try {
      const made = await manifest;
      const raw = new Uint8Array(made.bytes);
      const snapshot = fillSnapshot(cfg, folder, made, raw, abort.signal);
      snapshot.then((kept) => (fromKept = kept), () => {}); // a failure surfaces in the start below
      const mod = await modPromise;
      if (made.pyodide !== mod.version) throw new Error(`it was made for Pyodide ${made.pyodide}, this is ${mod.version}`);
      // loadPyodide takes the snapshot as a promise, so its own downloads overlap ours.
      pyodide = await mod.loadPyodide({ ...options, _loadSnapshot: snapshot.then(() => raw) });
      if (!pyodide.runPython("'livecells.runner' in __import__('sys').modules")) {
        throw new Error("it does not contain the cell runner");
      }
      if (!fromKept) afterReady = () => keepForNextVisit(folder, made, raw);
    } catch (error) {
      abort.abort(); // a download still under way is not needed now
      if (fromKept) forgetKept(folder, await manifest); // the kept copy did not work: download next time
      note = `started without the snapshot, more slowly: ${error.message}`;
      pyodide = null;
    }
  }
  const plain = !pyodide;
  if (plain) pyodide = await (await modPromise).loadPyodide(options);
  mark("python started");
  status("loading", "unpacking clusterlab…");
  // The sources go into the file system even after a snapshot start, so that
  // tracebacks and inspect can show the library's lines.
  pyodide.FS.mkdirTree(SITE_PACKAGES);
  pyodide.unpackArchive(await archive, "zip", { extractDir: SITE_PACKAGES });
  if (plain) {
    pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(SITE_PACKAGES)})
import livecells.runner
`);
  }
  mark("ready");
  return note;
}

const sessions = new Map(); // session -> Python dict (the page's namespace)

function runCell({ id, session, index, code }) {
  const runner = pyodide.pyimport("livecells.runner");
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
    status("error", `Python could not start: ${error.message}. The lesson and its pre-computed outputs stay readable.`);
    throw error;
  },
);
ready.catch(() => {}); // reported by the status above

onmessage = async ({ data: msg }) => {
  if (msg.type !== "run") return;
  try {
    await ready;
  } catch {
    return; // the error status was already sent
  }
  try {
    runCell(msg);
  } catch (error) {
    postMessage({ type: "result", id: msg.id, html: "", ok: false, error: String(error) });
  }
};
