// Live cells on the page: a CodeMirror editor, Run / Reset / Stop, and output.
// Python runs in one Web Worker per browser tab (see worker.mjs); this file is
// bundled with CodeMirror by esbuild at build time (tools/build_site.py).
import { EditorView, keymap, lineNumbers, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { syntaxHighlighting, HighlightStyle, indentOnInput, bracketMatching } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { addDownloads } from "./downloads.js";
import { followLanguage, nameSearchDialog, onEveryPage } from "./material.js";
import { cell as cellWords } from "./words.json";
import { decimal, say } from "./words.js";

const STORE_PREFIX = "clusterlab:cell:";

const runtime = window.__lcRuntime; // started early by boot.js (web/boot.js, web/worker_client.js)
const { StoppedError } = runtime;

// ------------------------------------------------------------------ editor ---
const highlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--md-code-hl-keyword-color)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--md-code-hl-string-color)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--lc-number)" },
  { tag: tags.comment, color: "var(--lc-comment)", fontStyle: "italic" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--md-code-hl-function-color)" },
  { tag: [tags.operator, tags.punctuation], color: "var(--md-code-hl-operator-color)" },
  { tag: [tags.className, tags.definition(tags.variableName)], color: "var(--md-code-hl-name-color)" },
  { tag: tags.special(tags.variableName), color: "var(--md-code-hl-constant-color)" },
]);

function makeEditor(parent, doc, label, onChange, onRun) {
  const runKeys = [
    { key: "Mod-Enter", run: () => (onRun(), true) },
    { key: "Shift-Enter", run: () => (onRun(), true) },
  ];
  return new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        python(),
        EditorView.lineWrapping,
        syntaxHighlighting(highlightStyle),
        keymap.of([...runKeys, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": "lc-keys-help" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

// ------------------------------------------------------------------- cells ---
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

// A toolbar button: its words are those of web/words.json's "cell" part, `kind` and `kind`Title.
function button(kind, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `lc-btn lc-btn--${kind}`;
  b.textContent = say(cellWords, kind);
  b.title = say(cellWords, `${kind}Title`);
  b.addEventListener("click", onClick);
  return b;
}

class Cell {
  constructor(el, page, total) {
    this.el = el;
    this.page = page;
    this.index = Number(el.dataset.lcIndex);
    this.authored = el.dataset.lcCode;
    this.storeKey = `${STORE_PREFIX}${page.session}#${this.index}`;
    this.output = el.querySelector(".lc-output");
    this.busy = false;
    this.stopped = false;

    const saved = storageGet(this.storeKey);
    const code = saved && typeof saved.code === "string" ? saved.code : this.authored;
    const staleNote = saved && saved.authored !== hashText(this.authored);

    const source = el.querySelector(".lc-source");
    const holder = document.createElement("div");
    holder.className = "lc-editor";
    source.replaceWith(holder);
    this.editor = makeEditor(
      holder,
      code,
      say(cellWords, "editor", { index: this.index, total }),
      (text) => this.saveEdit(text),
      () => this.run(),
    );

    const bar = document.createElement("div");
    bar.className = "lc-toolbar";
    this.runBtn = button("run", () => this.run());
    this.resetBtn = button("reset", () => this.reset());
    this.stopBtn = button("stop", () => runtime.stop());
    this.stopBtn.disabled = true;
    this.badge = document.createElement("span");
    this.badge.className = "lc-badge";
    this.state = document.createElement("span");
    this.state.className = "lc-state";
    bar.append(this.runBtn, this.resetBtn, this.stopBtn, this.badge, this.state);
    holder.after(bar);
    this.showEdited(code !== this.authored, staleNote);
  }

  code() {
    return this.editor.state.doc.toString();
  }

  saveEdit(text) {
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
    this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: this.authored } });
    storageSet(this.storeKey, null);
    this.showEdited(false);
  }

  setBusy(busy, label = "") {
    this.busy = busy;
    this.stopBtn.disabled = !busy;
    this.el.classList.toggle("lc-cell--running", busy);
    this.state.textContent = label;
  }

  async run() {
    if (this.busy) return;
    // Cells on a page form one session: earlier cells not yet run in it run first.
    // A cell stopped by the reader is left out until the reader runs it again.
    this.stopped = false;
    const earlier = this.page.cells.filter(
      (c) => c.index < this.index && !c.stopped && !runtime.hasRun(this.page.session, c.index),
    );
    const chain = [...earlier, this];
    for (const cell of chain) cell.setBusy(true, say(cellWords, "queued"));
    for (const cell of chain) {
      const error = await cell.execute();
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

  // Run this cell's code; return null, or the message shown when it could not run.
  async execute() {
    const started = performance.now();
    if (runtime.state !== "ready") this.setBusy(true, say(cellWords, "waiting"));
    try {
      const result = await runtime.run(this.page.session, this.index, this.code());
      this.output.innerHTML = result.html;
      this.setBusy(false, say(cellWords, "ran", { seconds: decimal((performance.now() - started) / 1000, 2) }));
      return null;
    } catch (error) {
      const stopped = error instanceof StoppedError;
      const wasRunning = stopped && error.active?.session === this.page.session && error.active?.index === this.index;
      if (wasRunning) this.stopped = true;
      const text = stopped ? say(cellWords, "stopped") : say(cellWords, "couldNotRun", { reason: error.message });
      this.showNote(text);
      this.setBusy(false);
      return text;
    }
  }
}

// -------------------------------------------------------------------- page ---
function enhancePage() {
  const elements = [...document.querySelectorAll(".lc-cell")];
  if (!elements.length) return;
  // A page from a newer build, reached by instant navigation, must not run on
  // this older runtime: load it afresh, with its own runtime.
  // (Once per page and runtime, so a broken deployment cannot loop.)
  const reloadKey = `clusterlab:reloaded:${location.pathname}`;
  if (elements.some((el) => el.dataset.lcBuild !== runtime.build) && sessionStorage.getItem(reloadKey) !== runtime.build) {
    sessionStorage.setItem(reloadKey, runtime.build);
    location.reload();
    return;
  }
  runtime.showStatus(); // the status line of a page reached by instant navigation is new
  const page = { session: location.pathname, cells: [] };
  page.cells = elements.map((el) => new Cell(el, page, elements.length));
  addDownloads(page, runtime); // the page as a notebook or script, with the reader's edits
  runtime.start();
}

// boot.js loads this file once Python is up (web/after_python.js), usually
// after Material's bundle, whose instant navigation brings new pages.
onEveryPage(() => {
  nameSearchDialog();
  followLanguage();
  enhancePage();
});
