// The Python runtime of the tab: Pyodide in a module Web Worker, so a runaway
// cell never freezes the page (Stop terminates this worker and starts another).
//
// Messages in:  {type: "init", pyodide, archive, snapshot: {file, manifest} | null, version}
//               {type: "run", id, session, index, code}
// Messages out: {type: "status", state, detail}
//               {type: "result", id, html, ok, error}
const SITE_PACKAGES = "/home/pyodide/lib";
let pyodide = null;
let ready = null;
let bootNote = ""; // why the snapshot was not used, if it was not
let keepForNextVisit = null; // stores the unpacked snapshot once Python is ready

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

// Pass bytes through, reporting the download's progress in steps of 10 %.
function progress(total) {
  let seen = 0;
  let shown = -1;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.length;
      const step = total ? Math.min(10, Math.floor((10 * seen) / total)) : -1;
      if (step > shown) {
        shown = step;
        status("loading", `downloading Python… ${step * 10} %`);
      }
      controller.enqueue(chunk);
    },
  });
}

// After the first start, the unpacked snapshot is kept in Cache Storage, so a
// return visit skips downloading and unpacking it.  One version is kept.
const RAW_CACHE = "clusterlab-snapshot";

async function rawFromCache(url) {
  try {
    const hit = await (await caches.open(RAW_CACHE)).match(url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null; // no Cache Storage (private mode, old browser): download instead
  }
}

async function keepRaw(url, raw) {
  try {
    const cache = await caches.open(RAW_CACHE);
    for (const request of await cache.keys()) if (request.url !== url) await cache.delete(request);
    await cache.put(url, new Response(raw));
  } catch {
    /* best effort: the next visit downloads the snapshot again */
  }
}

// The snapshot's manifest says which Pyodide and clusterlab it was made from.
// A missing or mismatched one rejects, before Pyodide is started at all.
async function readManifest(cfg, versionPromise) {
  const response = await fetch(cfg.snapshot.manifest);
  if (!response.ok) throw new Error(`its manifest is missing (HTTP ${response.status})`);
  const manifest = await response.json();
  const version = await versionPromise;
  if (manifest.pyodide !== version) throw new Error(`it was made for Pyodide ${manifest.pyodide}, this is ${version}`);
  if (manifest.archive !== cfg.version) throw new Error("it was made for another version of clusterlab");
  return manifest;
}

// The build-time memory snapshot (clusterlab already imported), from Cache
// Storage or downloaded and unpacked, checked against the manifest's size.
// Damage rejects, and boot() falls back to a plain start.  Resolves to {raw, cached}.
async function snapshotBytes(cfg, manifestPromise) {
  let raw = await rawFromCache(cfg.snapshot.file);
  const cached = raw !== null;
  if (!cached) {
    const response = await fetch(cfg.snapshot.file);
    if (!response.ok) throw new Error(`it could not be downloaded (HTTP ${response.status})`);
    try {
      // DecompressionStream checks gzip's CRC, so a damaged download fails here.
      const body = response.body.pipeThrough(progress(Number(response.headers.get("Content-Length")) || 0));
      raw = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    } catch {
      throw new Error("it is damaged (not valid gzip)");
    }
  }
  if (raw.length !== (await manifestPromise).bytes) throw new Error("it is damaged (wrong size)");
  mark(cached ? "snapshot read from cache" : "snapshot downloaded");
  return { raw, cached };
}

async function boot(cfg) {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is unavailable or blocked in this browser, so Python cannot run here.");
  }
  status("loading", "downloading the Python runtime…");
  // Everything is requested at once: the runtime, the library and the snapshot.
  const modPromise = import(`${cfg.pyodide}pyodide.mjs`);
  const archive = fetchBytes(cfg.archive, "the clusterlab library");
  const manifest = cfg.snapshot ? readManifest(cfg, modPromise.then((m) => m.version)) : null;
  const snapshot = manifest ? snapshotBytes(cfg, manifest) : null;
  manifest?.catch(() => {}); // both handled below
  snapshot?.catch(() => {});
  const mod = await modPromise;
  mark("pyodide.mjs imported");
  let note = "";
  if (snapshot) {
    try {
      await manifest;
      // loadPyodide takes the snapshot as a promise, so its own downloads overlap ours.
      const raw = snapshot.then((s) => s.raw);
      pyodide = await mod.loadPyodide({ indexURL: cfg.pyodide, packages: [], _loadSnapshot: raw });
      if (!pyodide.runPython("'livecells.runner' in __import__('sys').modules")) {
        throw new Error("it does not contain the cell runner");
      }
      const { raw: bytes, cached } = await snapshot;
      if (!cached) keepForNextVisit = () => keepRaw(cfg.snapshot.file, bytes);
    } catch (error) {
      globalThis.caches?.open(RAW_CACHE).then((c) => c.delete(cfg.snapshot.file)).catch(() => {});
      const reason = await manifest
        .then(() => snapshot)
        .then(() => error.message, (e) => e.message);
      note = `started without the snapshot, more slowly: ${reason}`;
      pyodide = null;
    }
  }
  const plain = !pyodide;
  if (plain) pyodide = await mod.loadPyodide({ indexURL: cfg.pyodide, packages: [] });
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

onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    ready = boot(msg).then(
      (note) => {
        bootNote = note;
        status("ready", note);
        keepForNextVisit?.();
      },
      (error) => {
        status("error", `Python could not start: ${error.message}. The lesson and its pre-computed outputs stay readable.`);
        throw error;
      },
    );
    return;
  }
  if (msg.type === "run") {
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
  }
};
