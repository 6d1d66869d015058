"""Site start-up in headless Chromium on localhost, in one run (medians of several).

Prints:
- bare ``loadPyodide`` of the site's own Pyodide files (a page that does nothing else);
- page load -> runtime ready, plain start (snapshot disabled) and snapshot start,
  cold (first visit, new browser profile) and warm (second visit: service worker,
  HTTP cache and the kept snapshot);
- click -> output for a trivial cell once Python is ready;
- page load -> first output when the reader clicks Run as early as possible (the
  page's first visible cell, as the page is parsed, long before Python is ready),
  snapshot start, cold and warm, and how long after "ready" that output came;
- bytes the first visit transfers (counted by the server, the worker's too): until
  Python is ready, and in all once the service worker has its offline copy.

Chromium runs with a fresh profile per measurement and is driven over a pipe with
no DevTools domain enabled (bench/cdp_pipe.py), so that, as for a reader, nothing
watches its requests.  Times are ``performance.now()`` in the page, from the start
of the navigation.

What is timed is a copy of the built site whose runtime keeps its benchmark hooks
(``tools/build_site.py``, ``bench_copy``): the time Python was ready
(``window.__lcReadyAt``), the worker's stages (``window.__lcBootTimings``) and
``?no-snapshot`` for the plain start.  The site itself ships without them.

Run: ``.venv/bin/python bench/bench_site.py [--runs 5]`` after ``make build``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_site
import serve
from cdp_pipe import Browser

LESSON = "distances/"
BARE_PAGE = """<!doctype html><meta charset=utf-8><title>bare</title><script type=module>
const t0 = performance.now();
const { loadPyodide } = await import("%(pyodide)spyodide.mjs");
await loadPyodide({ indexURL: "%(pyodide)s" });
window.__bare = performance.now();
</script>"""


class CountingHandler(serve.SiteHandler):
    """Serves the site and the bare page, and counts the bytes of the files it sends.

    A page asked for with ``?early-click`` gets EARLY_CLICK as the first script
    of its head (the page is still the network's: the service worker fetches
    pages network-first).
    """

    sent = 0
    bare_page = b""

    def do_GET(self):
        if self.path == "/__bare.html":
            return self.send_page(self.bare_page)
        if self.path.endswith("?" + EARLY_CLICK_QUERY):
            page = (Path(self.translate_path(self.path)) / "index.html").read_text()
            return self.send_page(page.replace("<head>", f"<head><script>{EARLY_CLICK}</script>", 1).encode())
        return super().do_GET()

    def send_page(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        CountingHandler.sent += len(body)

    def copyfile(self, source, outputfile):
        before = source.tell()
        super().copyfile(source, outputfile)
        CountingHandler.sent += source.tell() - before


def pyodide_dir(site: Path) -> str:
    return next(p.name for p in (site / "assets/vendor").iterdir() if p.name.startswith("pyodide-"))


def median(values):
    return statistics.median(values)


def wait_until_quiet(seconds: float = 1.0) -> None:
    """Wait until the server has sent nothing for `seconds` (the precache is done)."""
    last = -1
    while CountingHandler.sent != last:
        last = CountingHandler.sent
        time.sleep(seconds)


CLICK_TO_OUTPUT = """(async () => {
    const cell = document.querySelectorAll('.lc-cell')[2];
    const out = cell.querySelector('.lc-output');
    out.innerHTML = '';
    const t0 = performance.now();
    cell.querySelector('.lc-btn--run').click();
    while (!out.innerHTML) await new Promise(r => setTimeout(r, 0));
    return performance.now() - t0;
})()"""


# Clicks the first visible cell's Run as soon as the page is parsed (a reader
# cannot click sooner), and notes when that click's output is in the page.  The
# server puts it in the page (CountingHandler): adding it through the DevTools
# protocol would need its Page domain switched on.
EARLY_CLICK_QUERY = "early-click"
EARLY_CLICK = """document.addEventListener("DOMContentLoaded", () => {
    const cell = document.querySelector(".lc-cell:not(.lc-setup .lc-cell)");
    const state = cell.querySelector(".lc-state");
    new MutationObserver((changes, observer) => {
        if (!state.textContent.startsWith("ran in")) return;
        window.__earlyOutput = performance.now();
        observer.disconnect();
    }).observe(state, { childList: true, characterData: true, subtree: true });
    window.__earlyClick = performance.now();
    cell.querySelector(".lc-btn--run").click();
}, { once: true });"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as folder:
        site = build_site.bench_copy(Path(folder) / "site")
        measure(site, args.runs)


def measure(site: Path, runs: int) -> None:
    pyodide = f"/assets/vendor/{pyodide_dir(site)}/"
    CountingHandler.bare_page = (BARE_PAGE % {"pyodide": pyodide}).encode()
    server, base = serve.start(site, handler_class=CountingHandler)

    results: dict[str, list[float]] = {}
    stages: dict[tuple[str, str], list[float]] = {}
    early: dict[tuple[str, str], list[float]] = {}  # (phase, what) -> the early click's figures
    first_visit_bytes = []
    page_bytes = []

    def load(browser, url, ready, phase=None):
        tab = browser.new_tab()
        tab.navigate(url + ("?" + EARLY_CLICK_QUERY if phase else ""))  # the snapshot start: Run clicked at once
        t = tab.wait_for(ready) / 1000
        if phase:  # where the worker's time went, and when the early click's output came
            output = tab.wait_for("window.__earlyOutput") / 1000
            # the worker's stages, with its first run's (sent with the "ready" after that run)
            tab.wait_for("window.__lcBootTimings && 'first run done' in window.__lcBootTimings")
            timings = tab.evaluate("window.__lcBootTimings")
            # on the worker's clock, taking "ready" as seen by the page when the worker said it
            timings["first output shown (page)"] = timings["ready"] + (output - t) * 1000
            for stage, ms in timings.items():
                stages.setdefault((phase, stage), []).append(ms)
            clicked = tab.evaluate("window.__earlyClick") / 1000
            if clicked >= t:
                raise RuntimeError(f"the early click came at {clicked:.3f} s, after Python was ready ({t:.3f} s)")
            early.setdefault((phase, "clicked"), []).append(clicked)
            early.setdefault((phase, "output"), []).append(output)
            early.setdefault((phase, "after ready"), []).append((output - t) * 1000)
        return tab, t

    for _ in range(runs):
        for label, kind in (("bare loadPyodide", "bare"), ("site, plain start", "plain"), ("site, snapshot start", "snap")):
            with Browser() as browser:
                CountingHandler.sent = 0
                if kind == "bare":
                    tab, cold = load(browser, base + "__bare.html", "window.__bare")
                    tab.close()
                    tab, warm = load(browser, base + "__bare.html", "window.__bare")
                    tab.close()
                else:
                    url = base + LESSON + ("?no-snapshot" if kind == "plain" else "")
                    snap = kind == "snap"
                    tab, cold = load(browser, url, "window.__lcReadyAt", "cold" if snap else None)
                    if snap:
                        page_bytes.append(CountingHandler.sent)
                    # The service worker precaches the site once Python is up; let it finish
                    # so the warm visit is served from its cache and not slowed by its downloads.
                    tab.wait_for("navigator.serviceWorker.controller !== null")
                    wait_until_quiet()
                    if snap:
                        first_visit_bytes.append(CountingHandler.sent)
                        tab.wait_for("document.querySelectorAll('.cm-editor').length > 2")
                        clicks = [tab.evaluate(CLICK_TO_OUTPUT) for _ in range(5)]
                        results.setdefault("click -> output (ms)", []).append(median(clicks))
                    tab.close()
                    tab, warm = load(browser, url, "window.__lcReadyAt", "warm" if snap else None)
                    tab.close()
            results.setdefault(f"{label}, cold (s)", []).append(cold)
            results.setdefault(f"{label}, warm (s)", []).append(warm)
    server.shutdown()

    print(f"Site start-up in headless Chromium, localhost, median of {runs} runs")
    width = max(len(k) for k in results) + 2
    for key, values in results.items():
        print(f"  {key:<{width}} {median(values):8.3f}   (min {min(values):.3f}, max {max(values):.3f})")
    for phase in ("cold", "warm"):
        output, late = early[(phase, "output")], early[(phase, "after ready")]
        print(f"  snapshot start, {phase}: navigation -> first output, Run clicked as early as possible "
              f"(at {median(early[(phase, 'clicked')]):.3f} s): {median(output):.3f} s (min {min(output):.3f}, "
              f"max {max(output):.3f}); that is {median(late):.0f} ms after ready (max {max(late):.0f}; goal <= 50)")
    for phase in ("cold", "warm"):
        bare_t = median(results[f"bare loadPyodide, {phase} (s)"])
        plain = median(results[f"site, plain start, {phase} (s)"])
        snap = median(results[f"site, snapshot start, {phase} (s)"])
        print(f"  ratio plain start / bare, {phase}:     {plain / bare_t:.2f}   (goal <= 1.15)")
        print(f"  ratio snapshot start / bare, {phase}:  {snap / bare_t:.2f}   (goal <= 0.35)")
    first, back = (median(results[f"site, snapshot start, {ph} (s)"]) for ph in ("cold", "warm"))
    print(f"  snapshot start, return visit / first visit: {back / first:.2f}   (goal: about 0.5)")
    for phase in ("cold", "warm"):
        seen = sorted({stage for p, stage in stages if p == phase}, key=lambda st: median(stages[(phase, st)]))
        steps = ", ".join(f"{st} {median(stages[(phase, st)]):.0f}" for st in seen)
        print(f"  snapshot start, {phase}: worker stages, ms after the worker started (median): {steps}")
    print(f"  first visit, until Python is ready: {median(page_bytes) / 1e6:.1f} MB transferred")
    print(f"  first visit, with the service worker's offline copy of the site: "
          f"{median(first_visit_bytes) / 1e6:.1f} MB transferred")


if __name__ == "__main__":
    main()
