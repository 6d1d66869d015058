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

// Download, check and unpack the build-time memory snapshot (clusterlab already
// imported).  Any mismatch or damage rejects, and boot() falls back to a plain start.
async function fetchSnapshot(cfg, versionPromise) {
  const [manifestResponse, response] = await Promise.all([fetch(cfg.snapshot.manifest), fetch(cfg.snapshot.file)]);
  if (!manifestResponse.ok) throw new Error(`its manifest is missing (HTTP ${manifestResponse.status})`);
  const manifest = await manifestResponse.json();
  const version = await versionPromise;
  if (manifest.pyodide !== version) throw new Error(`it was made for Pyodide ${manifest.pyodide}, this is ${version}`);
  if (manifest.archive !== cfg.version) throw new Error("it was made for another version of clusterlab");
  if (!response.ok) throw new Error(`it could not be downloaded (HTTP ${response.status})`);
  let raw;
  try {
    // DecompressionStream checks gzip's CRC, so a damaged download fails here.
    const body = response.body.pipeThrough(progress(Number(response.headers.get("Content-Length")) || 0));
    raw = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  } catch {
    throw new Error("it is damaged (not valid gzip)");
  }
  if (raw.length !== manifest.bytes) throw new Error("it is damaged (wrong size)");
  mark("snapshot ready");
  return raw;
}

async function boot(cfg) {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is unavailable or blocked in this browser, so Python cannot run here.");
  }
  status("loading", "downloading the Python runtime…");
  // Everything is requested at once: the runtime, the library and the snapshot.
  const modPromise = import(`${cfg.pyodide}pyodide.mjs`);
  const archive = fetchBytes(cfg.archive, "the clusterlab library");
  const snapshot = cfg.snapshot ? fetchSnapshot(cfg, modPromise.then((m) => m.version)) : null;
  snapshot?.catch(() => {}); // handled below
  const mod = await modPromise;
  mark("pyodide.mjs imported");
  let note = "";
  if (snapshot) {
    try {
      // loadPyodide takes the snapshot as a promise, so its own downloads overlap ours.
      pyodide = await mod.loadPyodide({ indexURL: cfg.pyodide, packages: [], _loadSnapshot: snapshot });
      if (!pyodide.runPython("'livecells.runner' in __import__('sys').modules")) {
        throw new Error("it does not contain the cell runner");
      }
    } catch (error) {
      const reason = await snapshot.then(() => error.message, (e) => e.message);
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
