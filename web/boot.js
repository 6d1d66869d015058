// The live cells' boot script: the first script in <head> (overrides/main.html),
// so that Python starts booting before the rest of the page has even been
// parsed.  tools/build_site.py bundles it with the modules it imports into one
// file, assets/livecells/<build>/boot.js: one request on the critical path.
//
// On a page with cells it starts the Python worker at once, then, once Python
// is ready or has failed (or after 1.5 s), registers the service worker and
// loads the rest of the page's scripts.  Elsewhere those two wait for the
// page's load event.  README.md, "How the browser side works", shows the order.
import { loadAfterPython, LATER_AT_THE_LATEST_MS } from "./after_python.js";
import { BUILD, HERE, PAGE_HAS_CELLS, ROOT, workerSettings } from "./config.js";
import { startCells } from "./live_cell.js";
import { showStatus, statusDetail } from "./status_line.js";
import { registerServiceWorker } from "./sw_register.js";
import { Runtime, StoppedError } from "./worker_client.js";

// One runtime per tab: boot.js runs again on a page that Material's instant
// navigation does not handle, but never twice in one document.
if (!window.__lcRuntime) {
  const runtime = new Runtime(workerSettings, showStatus);
  runtime.StoppedError = StoppedError;
  runtime.build = BUILD; // cells.js reloads a page built for another runtime
  window.__lcRuntime = runtime;
  document.documentElement.classList.add("lc-js"); // shows the status line (cells.css)
  startCells(runtime); // Run works before the editors come

  const afterPython = () => {
    registerServiceWorker(ROOT, () => runtime.addNote(statusDetail("offlineNotKept")));
    loadAfterPython(HERE);
  };
  if (PAGE_HAS_CELLS) {
    const whenSettled = (state) => {
      if (state !== "ready" && state !== "error") return;
      runtime.listeners.delete(whenSettled);
      afterPython();
    };
    runtime.listeners.add(whenSettled);
    setTimeout(() => loadAfterPython(HERE), LATER_AT_THE_LATEST_MS);
    runtime.start();
    document.addEventListener("DOMContentLoaded", () => runtime.showStatus());
  } else {
    window.addEventListener("load", afterPython);
  }
}
