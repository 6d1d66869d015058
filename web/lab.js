// The Image lab (docs/image-lab.md): decode the reader's image in the browser,
// hand its RGBA bytes to the page's Python (Runtime.setVariable, README.md
// "Handing a buffer to Python"), run clusterlab.quantize there, and show the
// palette, the images, the scatter plots and the comparison.
// Loaded only on that page (overrides/main.html); bundled by tools/build_site.py.
// Its words, and those of the controls the build writes (py/livecells/lab.py),
// are web/words.json's part "lab", in the page's language.
import { lab as labWords } from "./words.json";
import { decimal, language, said, say, sayCount } from "./words.js";

const MAX_PIXELS = 4_000_000; // larger images are scaled down to this first
const INITS = ["k-means++", "random"]; // clusterlab.quantize's init

// What runs in Python: the steps of clusterlab.image_lab, on `image`, the
// handed-over picture (which the page's own cells use too).  Everything else
// the lab keeps in the page's session has a name of its own, starting with
// _lab, so that it never replaces a reader's variable (`q`, say).
// The titles and names it writes are the page's words, as Python strings.
const py = (value) => JSON.stringify(value);
const quantizeCode = (k, seed, init) => `
from clusterlab.image_lab import LabRun as _lab_LabRun
_lab = _lab_LabRun(image, k=${k}, init=${py(init)}, seed=${seed})
_lab_result, _lab_pixels = _lab.report, _lab.pixels`;

// Then, once the quantized image is shown: the lecture's scatter plots of a
// sample of the pixels, in their own colour and in their centroid's.
const pick = (...keys) => py(Object.fromEntries(keys.map((key) => [key, said(labWords)[key]])));
const scatterCode = () => `
__import__("clusterlab").set_language(${py(language())})  # the figures' descriptions
_lab_scatter = _lab.scatter_svg(${pick("ownColour", "centroidColour")})`;

// The random palette and median cut beside K-means, with the same K.
const compareCode = () => `_lab_compare = _lab.comparison(${pick("randomPalette", "medianCut")})`;

// The warm-up (setUp's warmUp): quantize a bundled sample once, keeping nothing.
const WARM_UP = `
__import__("clusterlab.image_lab").image_lab.warm_up(_lab_warm)
del _lab_warm`;

function setUp(root) {
  const runtime = window.__lcRuntime;
  const $ = (id) => root.querySelector(`#${id}`);
  const session = location.pathname; // the page's cells share it (web/cells.js)
  const els = {
    status: $("lab-status"), notice: $("lab-notice"), results: $("lab-results"),
    kRange: $("lab-k-range"), k: $("lab-k"), seed: $("lab-seed"), init: $("lab-init"), run: $("lab-run"), stop: $("lab-stop"),
    file: $("lab-file"), drop: $("lab-drop"), original: $("lab-original"), quantized: $("lab-quantized"),
    before: $("lab-before"), after: $("lab-after"), split: $("lab-split"), download: $("lab-download"),
    stats: $("lab-stats"), palette: $("lab-palette"), comparison: $("lab-comparison"), scatter: $("lab-scatter"),
    caption: $("lab-quantized-caption"),
  };
  root.classList.add("lab--ready");
  let image = null; // {pixels: Uint8ClampedArray, width, height, name, notes}
  let generation = 0; // bumped by every new run, so a stale one shows nothing
  let running = false;
  let downloadUrl = null;

  const status = (text) => (els.status.textContent = text);
  function notice(text) {
    els.notice.hidden = !text;
    els.notice.textContent = text || "";
  }

  // ------------------------------------------------------------- decoding ---
  // Two common files a browser will not turn into pixels, told apart by their
  // first bytes (a name or type can lie): an iPhone's HEIC photo (an ISO box
  // "ftyp" of brand heic, heix, mif1...) and an SVG drawing (XML text).
  async function drawingOrHeic(blob, name) {
    const head = new Uint8Array(await blob.slice(0, 256).arrayBuffer());
    const text = new TextDecoder("latin1").decode(head);
    if (/^ftyp(hei[cxms]|hev[cxms]|mif1|msf1|avci)/.test(text.slice(4, 12)) && !/avif/.test(text.slice(8, 32))) return "heic";
    if (blob.type === "image/svg+xml" || /\.svgz?$/i.test(name) || /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) {
      return "svg";
    }
    if (/^image\/hei[cf]/.test(blob.type) || /\.hei[cf]$/i.test(name)) return "heic";
    return null;
  }

  async function decode(blob, name) {
    if (!blob || blob.size === 0) throw new Error(say(labWords, "empty", { name }));
    if (blob.type && !blob.type.startsWith("image/")) {
      throw new Error(say(labWords, "notImage", { name, type: blob.type }));
    }
    const kind = await drawingOrHeic(blob, name);
    if (kind) throw new Error(say(labWords, kind, { name }));
    if (await truncated(blob)) throw new Error(say(labWords, "truncated", { name }));
    let bitmap;
    try {
      bitmap = await createImageBitmap(blob);
    } catch {
      throw new Error(say(labWords, "unreadable", { name }));
    }
    const notes = [];
    let { width, height } = bitmap;
    if (width * height > MAX_PIXELS) {
      const scale = Math.sqrt(MAX_PIXELS / (width * height));
      const w = Math.max(1, Math.floor(width * scale));
      const h = Math.max(1, Math.floor(height * scale));
      notes.push(say(labWords, "scaledDown", {
        name, width, height, megapixels: decimal((width * height) / 1e6, 1), w, h, most: decimal(MAX_PIXELS / 1e6, 0),
      }));
      width = w;
      height = h;
    }
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(bitmap, 0, 0, width, height);
    let pixels = ctx.getImageData(0, 0, width, height).data;
    let transparent = false;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] < 255) { transparent = true; break; }
    if (transparent) { // composite onto white, so hidden colours of transparent pixels do not count
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(bitmap, 0, 0, width, height);
      pixels = ctx.getImageData(0, 0, width, height).data;
      notes.push(say(labWords, "transparent", { name }));
    }
    bitmap.close?.();
    if (allGrey(pixels)) notes.push(say(labWords, "greyscale", { name }));
    return { pixels, width, height, name, notes }; // Python counts the distinct colours (Quantized.colours)
  }

  // Whether every pixel is a grey (r = g = b); a colour photo stops at its first colourful pixel.
  function allGrey(pixels) {
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] !== pixels[i + 1] || pixels[i] !== pixels[i + 2]) return false;
    }
    return true;
  }

  // Browsers show as much of a cut-off PNG or JPEG as they can; say so instead.
  async function truncated(blob) {
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    const tail = new Uint8Array(await blob.slice(-64).arrayBuffer());
    const text = String.fromCharCode(...tail);
    if (head[0] === 0x89 && String.fromCharCode(...head.slice(1, 4)) === "PNG") return !text.includes("IEND");
    if (head[0] === 0xff && head[1] === 0xd8) return !/\xff\xd9/.test(text);
    return false;
  }

  let loads = 0; // bumped by every new image, so only the last one picked is shown
  async function load(blob, name) {
    const before = image;
    const mine = ++loads;
    try {
      notice("");
      status(say(labWords, "reading", { name }));
      const decoded = await decode(blob, name);
      if (mine !== loads) return; // another image was picked while this one was read
      if (running) {
        runtime.stop(); // a run of the previous image is of no use now
        decoded.notes.unshift(say(labWords, "previousStopped"));
      }
      image = decoded;
      await quantizeNow(() => { // the original is drawn while Python quantizes it
        draw(els.original, image.pixels, image.width, image.height);
        copy(els.original, els.before);
      });
    } catch (error) {
      if (mine !== loads) return;
      image = before;
      notice(error.message);
      status(image ? say(labWords, "stillShowing", { name: image.name }) : say(labWords, "pickImage"));
    }
  }

  function draw(canvas, pixels, width, height) {
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("2d").putImageData(new ImageData(pixels, width, height), 0, 0); // pixels: a Uint8ClampedArray
  }

  function copy(from, to) { // a canvas onto another: cheaper than drawing the pixels twice
    to.width = from.width;
    to.height = from.height;
    to.getContext("2d").drawImage(from, 0, 0);
  }

  // ------------------------------------------------------------- running ---
  // K's range is the one the build wrote into the control (py/livecells/lab.py).
  const [kMin, kMax] = [Number(els.k.min), Number(els.k.max)];
  const kIsValid = (k) => Number.isInteger(k) && k >= kMin && k <= kMax;
  const badK = () => say(labWords, "badK", { min: kMin, max: kMax, value: els.k.value });
  function readK() {
    const k = Number(els.k.value);
    if (!kIsValid(k)) throw new Error(badK());
    const seed = Number(els.seed.value);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(say(labWords, "badSeed", { value: els.seed.value }));
    const init = els.init.value;
    if (!INITS.includes(init)) {
      throw new Error(say(labWords, "badStart", { choices: INITS.join(said(labWords).or), value: init }));
    }
    return { k, seed, init };
  }

  // `meanwhile` (drawing a new image) is done once Python has started, or at the latest when this ends.
  async function quantizeNow(meanwhile = null) {
    if (!image) return;
    const whilePythonWorks = () => {
      meanwhile?.();
      meanwhile = null;
    };
    let k, seed, init;
    try {
      ({ k, seed, init } = readK());
    } catch (error) {
      whilePythonWorks();
      notice(error.message);
      return;
    }
    if (running) runtime.stop(); // a new K: the run in progress is of no use
    const mine = ++generation;
    running = true;
    els.stop.disabled = false;
    root.classList.add("lab--busy");
    notice(image.notes.join(" "));
    const started = performance.now();
    status(say(labWords, "quantizing", { name: image.name, width: image.width, height: image.height, k }) +
      (runtime.state === "ready" ? "" : say(labWords, "waiting")));
    try {
      const copy = new Uint8Array(image.pixels).buffer; // transferred to Python
      await runtime.setVariable(session, "image", { data: copy, width: image.width, height: image.height });
      // Each step runs in the page's Python and hands back the value it made.
      const step = async (name, code, variable) => {
        const run = await runtime.run(session, name, code);
        if (run.raised) throw new Error(say(labWords, "pythonSaid", { message: textOf(run.html) }));
        return runtime.getVariable(session, variable);
      };
      const quantized = step("lab", quantizeCode(k, seed, init), "_lab_result");
      quantized.catch(() => {}); // (awaited below)
      await new Promise((resolve) => setTimeout(resolve)); // the run is on its way to Python
      whilePythonWorks();
      const { value: result } = await quantized;
      const { data } = await runtime.getVariable(session, "_lab_pixels");
      if (mine !== generation) return;
      show(result, new Uint8ClampedArray(data), k);
      status(say(labWords, "comparing", { seconds: seconds(started) }));
      const { value: scatter } = await step("lab-scatter", scatterCode(), "_lab_scatter");
      if (mine !== generation) return;
      els.scatter.innerHTML = scatter; // SVG made by clusterlab.plot
      const { value: rows } = await step("lab-compare", compareCode(), "_lab_compare");
      if (mine !== generation) return;
      showComparison(rows);
      status(sayCount(labWords, "done", result.palette.length, { name: image.name, seconds: seconds(started) }));
    } catch (error) {
      if (mine !== generation) return;
      if (runtime.isStop(error)) {
        status(error.crash ? say(labWords, "crashed", { reason: error.crash }) : say(labWords, "stopped"));
      } else {
        notice(error.message);
        status(say(labWords, "failed"));
      }
    } finally {
      whilePythonWorks();
      if (mine === generation) {
        running = false;
        els.stop.disabled = true;
        root.classList.remove("lab--busy");
      }
    }
  }

  function textOf(html) {
    const div = document.createElement("div");
    div.innerHTML = html;
    return div.textContent.trim().split("\n").pop();
  }

  // ------------------------------------------------------------- results ---
  const fmt = (v, d = 1) => (v === null || v === undefined ? "∞" : decimal(v, d));
  const whole = (n) => decimal(n, 0, true);
  const seconds = (since) => decimal((performance.now() - since) / 1000, 2);

  function show(result, quantized, k) {
    els.results.hidden = false;
    draw(els.quantized, quantized, image.width, image.height);
    copy(els.quantized, els.after);
    els.caption.textContent = sayCount(labWords, "colours", result.palette.length);
    const notes = [...image.notes, ...result.notes.map((note) => say(labWords, "kNote", { k, note }))];
    notice(notes.join(" "));
    els.stats.replaceChildren(...[
      [said(labWords).statMse, fmt(result.mse, 2)],
      ["PSNR", `${fmt(result.psnr, 2)} dB`],
      [said(labWords).statIterations, String(result.n_iter)],
      [said(labWords).statTime, `${decimal(result.seconds, 2)} s`],
      [said(labWords).statPixels, `${image.width} × ${image.height} = ${whole(image.width * image.height)}`],
      [said(labWords).statDistinct, whole(result.colours)],
    ].map(([a, b]) => row([a, b], "th")));
    const total = result.counts.reduce((a, b) => a + b, 0);
    const counts = result.counts.map(whole);
    const wide = Math.max(...counts.map((c) => c.length)); // the swatches' text is monospace: pad to align
    els.palette.replaceChildren(...result.palette.map(([r, g, b], j) => {
      const li = document.createElement("li");
      li.className = "lab-swatch";
      const chip = document.createElement("span");
      chip.className = "lab-chip";
      chip.style.background = `rgb(${r}, ${g}, ${b})`;
      const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
      const colour = document.createElement("span");
      colour.textContent = `${hex} rgb(${[r, g, b].map((v) => String(v).padStart(3)).join(", ")})`;
      const count = document.createElement("span"); // wraps below the colour as a whole on a narrow screen
      count.textContent = `${counts[j].padStart(wide)} px ${decimal((100 * result.counts[j]) / total, 1).padStart(5)} %`;
      const text = document.createElement("span");
      text.append(colour, " ", count);
      li.append(chip, text);
      return li;
    }));
    els.scatter.replaceChildren();
    els.comparison.replaceChildren();
    els.quantized.toBlob((blob) => {
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(blob);
      els.download.href = downloadUrl;
      els.download.download = `${image.name.replace(/\.[^.]*$/, "")}-k${k}.png`;
    }, "image/png");
  }

  function row(cells, first = "td") {
    const tr = document.createElement("tr");
    cells.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? first : "td");
      cell.textContent = c;
      tr.append(cell);
    });
    return tr;
  }

  function showComparison(rows) {
    els.comparison.replaceChildren(...rows.map(([name, mse, psnr]) => row([name, fmt(mse, 2), `${fmt(psnr, 2)} dB`])));
  }

  // -------------------------------------------------------------- inputs ---
  for (const button of root.querySelectorAll("[data-sample]")) {
    button.addEventListener("click", async () => {
      try {
        const response = await fetch(button.dataset.sample);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await load(await response.blob(), button.dataset.name);
      } catch (error) {
        notice(say(labWords, "sampleFailed", { name: button.textContent, reason: error.message }));
      }
    });
  }
  els.file.addEventListener("change", () => {
    const file = els.file.files[0];
    if (file) load(file, file.name);
    els.file.value = "";
  });
  root.addEventListener("dragover", (event) => {
    event.preventDefault();
    root.classList.add("lab--drop");
  });
  root.addEventListener("dragleave", () => root.classList.remove("lab--drop"));
  root.addEventListener("drop", (event) => {
    event.preventDefault();
    root.classList.remove("lab--drop");
    const file = event.dataTransfer?.files?.[0];
    if (file) load(file, file.name);
    else notice(say(labWords, "notAFile"));
  });
  const onPaste = (event) => {
    if (!document.body.contains(root)) return document.removeEventListener("paste", onPaste);
    const item = [...(event.clipboardData?.items || [])].find((i) => i.kind === "file");
    if (!item) return;
    // text pasted into a field or a cell's editor stays there; a bare image is the lab's wherever it lands
    const field = event.target.closest?.(".cm-editor, input, textarea");
    if (field && event.clipboardData.types.includes("text/plain")) return;
    event.preventDefault();
    const file = item.getAsFile();
    load(file, file.name || "pasted.png");
  };
  document.addEventListener("paste", onPaste);

  const setK = (value) => {
    els.k.value = value;
    els.kRange.value = value;
    quantizeNow(); // changing K runs again, cancelling a run in progress
  };
  els.kRange.addEventListener("change", () => setK(els.kRange.value));
  els.kRange.addEventListener("input", () => (els.k.value = els.kRange.value));
  els.k.addEventListener("change", () => {
    if (kIsValid(Number(els.k.value))) {
      setK(els.k.value);
    } else {
      notice(badK());
    }
  });
  els.init.addEventListener("change", () => image && quantizeNow());
  els.run.addEventListener("click", () => (image ? quantizeNow() : notice(say(labWords, "pickFirst"))));
  els.stop.addEventListener("click", () => runtime.stop());
  els.split.addEventListener("input", () => {
    els.after.style.clipPath = `inset(0 ${100 - Number(els.split.value)}% 0 0)`;
  });
  els.split.dispatchEvent(new Event("input"));
  status(say(labWords, runtime?.supported() ? "pickImage" : "unsupported"));

  // Once Python is ready, quantize the first bundled sample once, out of sight,
  // while the reader picks an image.  WebAssembly compiles and optimises
  // Python's loops on their first use, which made a reader's first run about
  // twice as slow as later ones (bench/README.md, "The Image lab in the browser").
  // Only a head start: if anything fails, the reader's own run works as before.
  let warmed = false;
  async function warmUp() {
    if (warmed || image) return;
    warmed = true;
    const sample = root.querySelector("[data-sample]");
    try {
      const response = await fetch(sample.dataset.sample);
      if (!response.ok || image) return;
      const { pixels, width, height } = await decode(await response.blob(), sample.dataset.name);
      if (image) return; // the reader's own run warms it as well
      await runtime.setVariable(session, "_lab_warm", { data: new Uint8Array(pixels).buffer, width, height });
      await runtime.run(session, "lab-warm-up", WARM_UP);
    } catch {
      // stopped, or the sample out of reach: no head start
    } finally {
      root.dataset.warm = "done";
    }
  }
  if (runtime.state === "ready") warmUp();
  else {
    const stopListening = runtime.onState((state) => {
      if (state !== "ready") return;
      stopListening();
      warmUp();
    });
  }
}

const root = document.getElementById("lab");
if (root && !root.classList.contains("lab--ready") && window.__lcRuntime) setUp(root);
