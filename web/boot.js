// The live cells' boot script: the first script in <head> (overrides/main.html),
// so that Python starts booting before the rest of the page has even been
// parsed.  tools/build_site.py bundles it with the modules it imports into one
// file, assets/livecells/<build>/boot.js: one request on the critical path.
//
// On a page with cells it starts the Python worker at once, then, once Python
// is ready or has failed (or after 4 s), loads the rest of the page's
// scripts; the service worker is registered once Python has then had nothing
// to do for 1.5 s.  Elsewhere those two wait for the page's load event.
// README.md, "How the browser side works", shows the order.
import { loadAfterPython } from "./after_python.js";
import { BUILD, HERE, PAGE_HAS_CELLS, ROOT, timeouts, workerSettings } from "./config.js";
import { pageCells, startCells } from "./live_cell.js";
import { showStatus, statusDetail } from "./status_line.js";
import { registerServiceWorker } from "./sw_register.js";
import { Runtime } from "./worker_client.js";

const IDLE_BEFORE_OFFLINE_COPY_MS = 1500;

// One runtime per tab: boot.js runs again on a page that Material's instant
// navigation does not handle, but never twice in one document.
if (!window.__lcRuntime) {
  const { silentMs, pythonFirstMs } = timeouts();
  const runtime = new Runtime({ workerSettings, show: showStatus, build: BUILD, silentMs, cellsOf: pageCells });
  window.__lcRuntime = runtime;
  document.documentElement.classList.add("lc-js"); // shows the status line (cells.css)
  startCells(runtime); // Run works before the editors come

  const keepOffline = () => registerServiceWorker(ROOT, () => runtime.addNote(statusDetail("offlineNotKept")));
  if (PAGE_HAS_CELLS) {
    const stopListening = runtime.onState((state) => {
      if (state !== "ready" && state !== "error") return;
      stopListening();
      // The offline copy's downloads (tens of megabytes) wait until Python has had
      // nothing to do for a moment: they made the reader's first runs much slower.
      if (state === "ready") runtime.whenIdle(IDLE_BEFORE_OFFLINE_COPY_MS).then(keepOffline);
      else keepOffline();
      loadAfterPython(HERE);
    });
    setTimeout(() => loadAfterPython(HERE), pythonFirstMs);
    runtime.start();
    document.addEventListener("DOMContentLoaded", () => runtime.showStatus());
  } else {
    window.addEventListener("load", () => {
      keepOffline();
      loadAfterPython(HERE);
    });
  }
}
