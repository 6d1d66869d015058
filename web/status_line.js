// Python's status line above a page's first cell.  The build writes it into
// the page in the "loading" state (py/livecells/fence.py), so nothing moves when
// it comes alive.  Its texts, a word per state and the details the page and the
// worker add, are in web/words.json, in the page's language (web/words.js).
import { status as stateWords, statusDetails as detailWords } from "./words.json";
import { said, say } from "./words.js";

export function showStatus(state, detail) {
  const status = document.querySelector(".lc-status");
  if (!status) return;
  status.dataset.state = state;
  const word = said(stateWords)[state];
  status.textContent = detail ? `${word} — ${detail}` : word;
  // The download's progress shows, but screen readers announce only the outcome.
  status.setAttribute("aria-busy", String(state === "loading"));
}

// The detail `key` of the status line, its {fields} filled in from `fields`.
export function statusDetail(key, fields = {}) {
  return say(detailWords, key, fields);
}
