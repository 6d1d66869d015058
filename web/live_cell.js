// A live cell without its editor: the toolbar the build wrote (Run, Reset, Stop,
// py/livecells/fence.py), the reader's saved edit, runs and output.  It is part
// of boot.js's bundle, so Run works from the first paint: a Run pressed while
// Python is still starting is queued and honoured the moment Python is ready,
// on the code the page shows (the reader's saved edit, if any).  The CodeMirror
// editor arrives later (web/cells.js, after Python) and takes the code's place;
// until then the code is the build's highlighted text.
import { cell as cellWords } from "./words.json";
import { decimal, say } from "./words.js";

const STORE_PREFIX = "clusterlab:cell:";

// The words the cells show are web/words.json's "cell" part, in the page's
// language (the toolbar's buttons are the build's: fence.py).

function hashText(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function storageGet(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || "null");
  } catch {
    return null;
  }
}

function storageSet(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false; // storage full or blocked: the edit stays in the page
  }
}

const running = new Set(); // the runs asked for and not yet finished, on any page

class Cell {
  constructor(el, page, runtime) {
    this.el = el;
    this.page = page;
    this.runtime = runtime;
    this.index = Number(el.dataset.lcIndex);
    this.authored = el.dataset.lcCode;
    this.storeKey = `${STORE_PREFIX}${page.session}#${this.index}`;
    this.output = el.querySelector(".lc-output");
    const find = (name) => el.querySelector(`.lc-toolbar .lc-${name}`);
    [this.runBtn, this.resetBtn, this.stopBtn] = ["run", "reset", "stop"].map((name) => find(`btn--${name}`));
    [this.badge, this.state] = [find("badge"), find("state")];
    this.editor = null;
    this.busy = false;
    this.stopped = false;

    const saved = storageGet(this.storeKey);
    this.text = saved && typeof saved.code === "string" ? saved.code : this.authored;
    // The build's highlighted code, shown until the editor comes; a saved edit replaces it.
    this.shown = el.querySelector(".lc-source pre > code");
    this.highlighted = this.shown?.innerHTML;
    if (this.text !== this.authored) this.showText(this.text);
    this.showEdited(this.text !== this.authored, saved && saved.authored !== hashText(this.authored));
  }

  code() {
    return this.editor ? this.editor.state.doc.toString() : this.text;
  }

  // Put the editor in the code's place: makeEditor(parent, code, label, onChange, onRun).
  attachEditor(makeEditor) {
    if (this.editor) return;
    const source = this.el.querySelector(".lc-source");
    const holder = document.createElement("div");
    holder.className = "lc-editor";
    source.replaceWith(holder);
    const label = say(cellWords, "editor", { index: this.index, total: this.page.cells.length });
    this.editor = makeEditor(holder, this.text, label, (text) => this.saveEdit(text), () => this.run());
  }

  showText(text) {
    if (this.shown) this.shown.textContent = text.endsWith("\n") ? text : `${text}\n`;
  }

  saveEdit(text) {
    this.text = text;
    const edited = text !== this.authored;
    const ok = storageSet(this.storeKey, edited ? { code: text, authored: hashText(this.authored) } : null);
    this.showEdited(edited, false, ok);
  }

  showEdited(edited, stale = false, saved = true) {
    this.el.classList.toggle("lc-cell--edited", edited);
    let text = "";
    if (edited) text = say(cellWords, saved ? "editedSaved" : "editedNotSaved");
    if (edited && stale) text += say(cellWords, "stale");
    this.badge.textContent = text;
  }

  reset() {
    this.text = this.authored;
    if (this.editor) this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: this.authored } });
    else if (this.shown) this.shown.innerHTML = this.highlighted;
    storageSet(this.storeKey, null);
    this.showEdited(false);
  }

  setBusy(busy, label = "") {
    this.busy = busy;
    this.stopBtn.disabled = !busy;
    this.el.classList.toggle("lc-cell--running", busy);
    this.state.textContent = label;
  }

  run() {
    const job = this.runChain();
    running.add(job);
    job.finally(() => running.delete(job));
    return job;
  }

  async runChain() {
    if (this.busy) return;
    // Cells on a page form one session: earlier cells not yet run in it run first.
    // A cell stopped by the reader is left out until the reader runs it again.
    this.stopped = false;
    const earlier = this.page.cells.filter(
      (c) => c.index < this.index && !c.stopped && !this.runtime.hasRun(this.page.session, c.index),
    );
    const chain = [...earlier, this];
    for (const cell of chain) cell.setBusy(true, say(cellWords, "queued"));
    const results = this.runtime.runAll(this.page.session, chain.map((c) => ({ index: c.index, code: c.code() })));
    for (const [i, cell] of chain.entries()) {
      const error = await cell.execute(results[i]);
      if (error) {
        // Python stopped or could not start: the rest of the chain does not run.
        for (const rest of chain) {
          if (!rest.busy) continue;
          rest.setBusy(false);
          if (rest === this) this.showNote(error);
        }
        return;
      }
    }
  }

  showNote(text) {
    const note = document.createElement("p");
    note.className = "lc-note";
    note.setAttribute("role", "alert");
    note.textContent = text;
    this.output.replaceChildren(note);
  }

  // Show this cell's run (`pending`: Runtime.runAll's promise for it); return
  // null, or the message shown when it could not run.
  async execute(pending) {
    const runtime = this.runtime;
    const started = performance.now();
    if (runtime.state !== "ready") this.setBusy(true, say(cellWords, "waiting"));
    try {
      const result = await pending;
      this.output.innerHTML = result.html;
      this.setBusy(false, say(cellWords, "ran", { seconds: decimal((performance.now() - started) / 1000, 2) }));
      return null;
    } catch (error) {
      const stopped = runtime.isStop(error);
      const wasRunning = stopped && error.active?.session === this.page.session && error.active?.index === this.index;
      if (wasRunning) this.stopped = true;
      const text = !stopped
        ? say(cellWords, "couldNotRun", { reason: error.message })
        : error.crash
          ? say(cellWords, wasRunning ? "crashed" : "crashedElsewhere", { reason: error.crash })
          : say(cellWords, "stopped");
      this.showNote(text);
      this.setBusy(false);
      return text;
    }
  }
}

// The page's cells, {session, cells}, each made once: those already made (by
// an early click, or before the editors came) are kept with their state.
export function pageCells(runtime) {
  const elements = [...document.querySelectorAll(".lc-cell")];
  const page = elements.find((el) => el.lcCell)?.lcCell.page ?? { session: location.pathname, cells: [] };
  page.cells = elements.map((el) => (el.lcCell ??= new Cell(el, page, runtime)));
  return page;
}

// Resolves once every run asked for so far has finished.
export function runsSettled() {
  return Promise.allSettled([...running]);
}

const ACTIONS = { run: (cell) => cell.run(), reset: (cell) => cell.reset(), stop: (cell) => cell.runtime.stop() };

// The toolbars work from the start: one listener for the document's lifetime
// (instant navigation keeps the document); the page's saved edits show as soon
// as it is parsed.  Called once per document, by boot.js; cells.js, a bundle of
// its own, reaches the page's cells as runtime.pageCells().
export function startCells(runtime) {
  // The "ran in 0.01 s" number format, made while Python starts (web/words.js).
  document.addEventListener("DOMContentLoaded", () => (window.requestIdleCallback ?? setTimeout)(() => decimal(0, 2)));
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".lc-toolbar .lc-btn");
    const el = button?.closest(".lc-cell");
    if (!el || button.disabled) return;
    const action = Object.keys(ACTIONS).find((name) => button.classList.contains(`lc-btn--${name}`));
    if (!action) return;
    pageCells(runtime);
    ACTIONS[action](el.lcCell);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => pageCells(runtime), { once: true });
  else pageCells(runtime);
}
