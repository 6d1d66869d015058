// Step players (py/clusterlab/player.py): Previous/Next buttons and a slider
// that show one frame at a time.  Loaded on every page, deferred, independent
// of Python.  The listeners sit on `document`, so they serve players that were
// in the page when it was built, players a cell inserts after it runs, and
// pages reached by Material's instant navigation, without looking for them.
// "Step i of n" is in the page's language (web/words.json, "player"); esbuild
// bundles this file (tools/build_site.py).
import { player as playerWords } from "./words.json";
import { say } from "./words.js";

(() => {
  if (window.__clpPlayer) return; // one set of listeners per tab
  window.__clpPlayer = true;

  const frames = (player) => player.querySelectorAll(":scope > .clp-frames > .clp-frame");
  const current = (player) => Number(player.querySelector(":scope > .clp-player-controls > .clp-player-slider").value) - 1;

  // Show frame i (0-based) of a player and bring its controls up to date.
  function show(player, i) {
    const all = frames(player);
    const n = all.length;
    i = Math.max(0, Math.min(n - 1, i));
    const controls = player.querySelector(":scope > .clp-player-controls");
    all.forEach((frame, j) => frame.classList.toggle("clp-frame--current", j === i));
    const slider = controls.querySelector(".clp-player-slider");
    slider.value = String(i + 1);
    const caption = all[i].querySelector(":scope > .clp-caption");
    const text = say(playerWords, "step", { step: i + 1, steps: n });
    slider.setAttribute("aria-valuetext", text + (caption ? `: ${caption.textContent}` : ""));
    // aria-disabled rather than disabled: a button keeps the focus at either end.
    const [prev, next] = controls.querySelectorAll(".clp-player-btn");
    for (const [button, end] of [[prev, i === 0], [next, i === n - 1]]) {
      if (end) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }
    const status = controls.querySelector(".clp-player-status");
    if (status.textContent !== text) status.textContent = text;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".clp-player-btn[data-clp-go]");
    if (!button) return;
    const player = button.closest(".clp-player");
    if (!player || button.getAttribute("aria-disabled") === "true") return;
    show(player, current(player) + Number(button.dataset.clpGo));
  });

  // The slider is a native range input: mouse, touch and the arrow, Home, End
  // and Page keys all move it and fire "input".
  document.addEventListener("input", (event) => {
    const slider = event.target;
    if (!slider.classList?.contains("clp-player-slider")) return;
    const player = slider.closest(".clp-player");
    if (player) show(player, Number(slider.value) - 1);
  });
})();
