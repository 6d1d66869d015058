// What the page's JavaScript does besides Python waits until Python is ready or
// has failed, or pythonFirstMs at the latest (web/config.js, timeouts; web/boot.js):
// on a machine with few cores it
// would otherwise compete with Python's start, which is what the reader waits
// for.  Meanwhile the page shows the lesson's code, its outputs, the status
// line and the cells' toolbars, whose Run already works.  Two scripts wait, in
// this order:
// - Material's bundle, which the template leaves unrun on a page with cells
//   (web/material.js);
// - the cell editors (cells.js, with CodeMirror).
// pythonFirstMs covers the start without the snapshot (the fallback: 2 to
// 4 s on a two-core machine, where loading the scripts at 1.5 s slowed it by
// 7 to 15 %; bench/README.md); a start that takes longer is waiting for the
// network, and the page need not wait with it.
// A Run the reader pressed before (web/live_cell.js) is answered first: its
// output would otherwise wait behind these scripts on the main thread.  A run
// still going EARLY_RUN_FIRST_MS later (a long cell, a loop in a saved edit)
// keeps them waiting no longer.
import CONTRACT from "./contract.json";
import { runsSettled } from "./live_cell.js";
import { deferredBundle } from "./material.js";

const EARLY_RUN_FIRST_MS = 1500;

function addScript(url, onload = null) {
  const script = document.createElement("script");
  script.src = url;
  script.async = false; // scripts added this way run in the order added
  script.onload = onload;
  document.head.append(script);
}

let requested = false;

// Load the rest of the page's scripts (once; `here` is the runtime's folder).
export async function loadAfterPython(here) {
  if (requested) return;
  requested = true;
  await Promise.race([runsSettled(), new Promise((resolve) => setTimeout(resolve, EARLY_RUN_FIRST_MS))]);
  const material = deferredBundle();
  if (material) addScript(material.url, material.onload);
  addScript(new URL(CONTRACT.files.cells, here).href);
}
