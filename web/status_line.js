// Python's status line above a page's first cell.  The build writes it into
// the page in the "loading" state (py/livecells/fence.py), so nothing moves when
// it comes alive; the words for each state are in web/contract.json, read by both.
import { status as WORDS } from "./contract.json";

export function showStatus(state, detail) {
  const status = document.querySelector(".lc-status");
  if (!status) return;
  status.dataset.state = state;
  status.textContent = detail ? `${WORDS[state]} — ${detail}` : WORDS[state];
  // The download's progress shows, but screen readers announce only the outcome.
  status.setAttribute("aria-busy", String(state === "loading"));
}
