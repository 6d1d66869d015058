// What the page's JavaScript does besides Python waits until Python is ready or
// has failed, or LATER_AT_THE_LATEST_MS at the latest: on a machine with few
// cores it would otherwise compete with Python's start, which is what the
// reader waits for.  Meanwhile the page shows the lesson's code, its outputs and
// the status line.  Two scripts wait, in this order:
// - Material's bundle, which the template leaves unrun on a page with cells
//   (web/material.js);
// - the cell editors (cells.js, with CodeMirror).
import { deferredBundle } from "./material.js";

export const LATER_AT_THE_LATEST_MS = 1500;

function addScript(url, onload = null) {
  const script = document.createElement("script");
  script.src = url;
  script.async = false; // scripts added this way run in the order added
  script.onload = onload;
  document.head.append(script);
}

let requested = false;

// Load the rest of the page's scripts (once; `here` is the runtime's folder).
export function loadAfterPython(here) {
  if (requested) return;
  requested = true;
  const material = deferredBundle();
  if (material) addScript(material.url, material.onload);
  addScript(new URL("cells.js", here).href);
}
