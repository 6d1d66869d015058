// The cells' CodeMirror editors.  The cells themselves (toolbar, saved edits,
// runs and output) work from the first paint (web/live_cell.js, in boot.js's
// bundle); this file, bundled with CodeMirror by esbuild at build time
// (tools/build_site.py), comes after Python (web/after_python.js) and puts an
// editor in each cell's code's place.  Python runs in one Web Worker per
// browser tab (see worker.mjs).
import { EditorView, keymap, lineNumbers, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { syntaxHighlighting, HighlightStyle, indentOnInput, bracketMatching } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { addDownloads } from "./downloads.js";
import { followLanguage, onEveryPage } from "./material.js";

const runtime = window.__lcRuntime; // started early by boot.js (web/boot.js, web/worker_client.js)

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
  const page = runtime.pageCells(); // web/live_cell.js
  for (const cell of page.cells) cell.attachEditor(makeEditor);
  addDownloads(page, runtime); // the page as a notebook or script, with the reader's edits
  runtime.start();
}

// boot.js loads this file once Python is up (web/after_python.js), usually
// after Material's bundle, whose instant navigation brings new pages.
onEveryPage(() => {
  followLanguage();
  enhancePage();
});
