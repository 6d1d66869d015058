// Python's status line above a page's first cell.  The build writes it into
// the page in the "loading" state (py/livecells/fence.py), so nothing moves when
// it comes alive.  Its texts, a word per state and the details the page and the
// worker add, are all in web/contract.json (the fence reads the words too).
import { status as WORDS, statusDetails as DETAILS } from "./contract.json";

export function showStatus(state, detail) {
  const status = document.querySelector(".lc-status");
  if (!status) return;
  status.dataset.state = state;
  status.textContent = detail ? `${WORDS[state]} — ${detail}` : WORDS[state];
  // The download's progress shows, but screen readers announce only the outcome.
  status.setAttribute("aria-busy", String(state === "loading"));
}

// The detail `key` of the contract, its {fields} filled in from `fields`.
export function statusDetail(key, fields = {}) {
  return DETAILS[key].replace(/\{(\w+)\}/g, (_, name) => fields[name]);
}
