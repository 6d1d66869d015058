// "Download notebook (.ipynb)" and "Download script (.py)" at the end of a page
// with cells.  The file is made in the page's Python worker by the same
// module the build uses (py/livecells/notebook.py), from the page's model
// (notebook.json next to the page, written by the build) and the reader's
// current code, so the download carries their edits; a checkbox gives the
// lesson's code instead.  cells.js calls addDownloads once the editors exist.
// The files follow the page's language: its text, its code, and the notebook's
// own cells (the model carries their words); the box's words are web/words.json's.
import CONTRACT from "./contract.json";
import { downloads as downloadWords } from "./words.json";
import { said, say } from "./words.js";

function siteRoot(model) {
  // The model's url is the page's address from the site's root ("kmeans/", or "" for home).
  const depth = model.url.split("/").length - 1;
  return new URL("../".repeat(depth) || "./", new URL(".", location.href)).href;
}

function fileName(model, kind) {
  // "nb/kmeans/" gives clusterlab-nb-kmeans.ipynb: a translation does not overwrite the English file.
  const slug = model.url.replace(/\/$/, "").replace(/\//g, "-") || "index";
  return `clusterlab-${slug}.${kind}`;
}

function save(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const TYPES = { ipynb: "application/x-ipynb+json", py: "text/x-python" };

// page: {session, cells: [{index, authored, code()}]} (cells.js); runtime: web/worker_client.js.
export function addDownloads(page, runtime) {
  const article = document.querySelector("article") || document.body;
  const box = document.createElement("div");
  box.className = "lc-downloads";
  box.setAttribute("role", "group");
  const texts = said(downloadWords);
  box.setAttribute("aria-label", texts.group);
  const intro = document.createElement("p");
  intro.innerHTML = texts.intro; // the words file's own markup: <strong> and <code>
  const authored = document.createElement("input");
  authored.type = "checkbox";
  authored.id = "lc-downloads-authored";
  const label = document.createElement("label");
  label.className = "lc-downloads__authored";
  label.append(authored, texts.authored);
  const note = document.createElement("span");
  note.className = "lc-downloads__note";
  note.setAttribute("role", "status");
  let model = null;

  async function download(kind, btn) {
    btn.disabled = true;
    note.textContent = texts.making;
    try {
      if (!model) {
        const response = await fetch(new URL(CONTRACT.pageModel.file, location.href));
        if (!response.ok) throw new Error(say(downloadWords, "noModel", { status: response.status }));
        model = await response.json();
      }
      const edits = {};
      if (!authored.checked) {
        for (const cell of page.cells) if (cell.code() !== cell.authored) edits[cell.index] = cell.code();
      }
      const args = [JSON.stringify(model), kind, siteRoot(model), JSON.stringify(edits)];
      const text = await runtime.convert(args);
      const name = fileName(model, kind);
      save(text, name, TYPES[kind]);
      const count = Object.keys(edits).length;
      const key = count > 1 ? "withEdits" : count === 1 ? "withEdit" : "lessonCode";
      note.textContent = say(downloadWords, key, { name, count });
    } catch (error) {
      note.textContent = say(downloadWords, "failed", { reason: error.message });
    } finally {
      btn.disabled = false;
    }
  }

  const buttons = ["ipynb", "py"].map((kind) => {
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = `lc-btn lc-btn--download lc-btn--${kind}`;
    btn.textContent = texts[kind];
    btn.addEventListener("click", () => download(kind, btn));
    return btn;
  });
  const row = document.createElement("div");
  row.className = "lc-downloads__row";
  row.append(...buttons, label, note);
  box.append(intro, row);
  article.append(box);
}
