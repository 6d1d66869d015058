// The Python runtime of the tab: Pyodide in a module Web Worker, so a runaway
// cell never freezes the page (Stop terminates this worker and starts another).
//
// Messages in:  {type: "init", pyodide, archive, snapshot, version}
//               {type: "run", id, session, index, code}
// Messages out: {type: "status", state, detail}
//               {type: "result", id, html, ok, error}
const SITE_PACKAGES = "/home/pyodide/lib";
let pyodide = null;
let ready = null;

function status(state, detail = "") {
  postMessage({ type: "status", state, detail });
}

async function fetchBytes(url, what) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${what} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

async function boot(cfg) {
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is unavailable or blocked in this browser, so Python cannot run here.");
  }
  status("loading", "downloading the Python runtime…");
  const { loadPyodide } = await import(`${cfg.pyodide}pyodide.mjs`);
  const archive = fetchBytes(cfg.archive, "the clusterlab library");
  pyodide = await loadPyodide({ indexURL: cfg.pyodide, packages: [] });
  status("loading", "unpacking clusterlab…");
  pyodide.FS.mkdirTree(SITE_PACKAGES);
  pyodide.unpackArchive(await archive, "zip", { extractDir: SITE_PACKAGES });
  pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(SITE_PACKAGES)})
import livecells.runner
`);
  return pyodide;
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
    status("ready");
  }
}

onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    ready = boot(msg).then(
      () => status("ready"),
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
