"""Site start-up in headless Chromium on localhost, in one run (medians of several).

Prints:
- bare ``loadPyodide`` of the site's own Pyodide files (a page that does nothing else);
- page load -> runtime ready, plain start (snapshot disabled) and snapshot start,
  cold (new browser profile) and warm (second visit, service worker + cache);
- click -> output for a trivial cell once Python is ready;
- bytes the first visit transfers (counted by the server, the worker's too): until
  Python is ready, and in all once the service worker has its offline copy.  (The
  test profile's small in-memory HTTP cache does not keep the two largest files,
  so the precache downloads them again; a browser's disk cache usually does.)

Run: ``.venv/bin/python bench/bench_site.py [--runs 5]`` after ``make build``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import find_chromium
import serve

LESSON = "distances/"
BARE_PAGE = """<!doctype html><meta charset=utf-8><title>bare</title><script type=module>
const t0 = performance.now();
const { loadPyodide } = await import("%(pyodide)spyodide.mjs");
await loadPyodide({ indexURL: "%(pyodide)s" });
window.__bare = performance.now();
</script>"""


class CountingHandler(serve.SiteHandler):
    sent = 0

    def copyfile(self, source, outputfile):
        before = source.tell()
        super().copyfile(source, outputfile)
        CountingHandler.sent += source.tell() - before


def pyodide_dir() -> str:
    return next(p.name for p in (ROOT / "site/assets/vendor").iterdir() if p.name.startswith("pyodide-"))


def median(values):
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server, base = serve.start(ROOT / "site", handler_class=CountingHandler)
    pyodide = f"/assets/vendor/{pyodide_dir()}/"

    results: dict[str, list[float]] = {}
    stages: dict[tuple[str, str], list[float]] = {}
    first_visit_bytes = []
    page_bytes = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium.find(), args=find_chromium.LAUNCH_ARGS)

        def bare(context):
            page = context.new_page()
            page.route(base + "__bare.html", lambda r: r.fulfill(content_type="text/html", body=BARE_PAGE % {"pyodide": pyodide}))
            page.goto(base + "__bare.html")
            page.wait_for_function("window.__bare !== undefined", timeout=60_000)
            t = page.evaluate("window.__bare")
            page.close()
            return t / 1000

        def site(context, plain=False, phase=None):
            page = context.new_page()
            page.goto(base + LESSON + ("?no-snapshot" if plain else ""))
            page.wait_for_function("window.__lcReadyAt !== undefined", timeout=60_000)
            t = page.evaluate("window.__lcReadyAt") / 1000
            if phase:  # where the worker's time went, for the snapshot start
                for stage, ms in page.evaluate("window.__lcBootTimings").items():
                    stages.setdefault((phase, stage), []).append(ms)
            return page, t

        for _ in range(args.runs):
            for label, kind in (("bare loadPyodide", "bare"), ("site, plain start", "plain"), ("site, snapshot start", "snap")):
                context = browser.new_context(service_workers="allow")
                CountingHandler.sent = 0
                if kind == "bare":
                    cold = bare(context)
                    warm = bare(context)
                else:
                    page, cold = site(context, plain=(kind == "plain"), phase="cold" if kind == "snap" else None)
                    if kind == "snap":
                        page_bytes.append(CountingHandler.sent)
                    # The service worker precaches the site once Python is up; let it finish
                    # so the warm visit is served from its cache and not slowed by its downloads.
                    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
                    page.wait_for_load_state("networkidle")
                    if kind == "snap":
                        first_visit_bytes.append(CountingHandler.sent)
                        # click -> output for a trivial cell, Python warm
                        clicks = []
                        for _ in range(5):
                            clicks.append(page.evaluate("""async () => {
                                const cell = document.querySelectorAll('.lc-cell')[2];
                                const out = cell.querySelector('.lc-output');
                                out.innerHTML = '';
                                const t0 = performance.now();
                                cell.querySelector('.lc-btn--run').click();
                                while (!out.innerHTML) await new Promise(r => setTimeout(r, 0));
                                return performance.now() - t0;
                            }"""))
                        results.setdefault("click -> output (ms)", []).append(median(clicks))
                    page.close()
                    page, warm = site(context, plain=(kind == "plain"), phase="warm" if kind == "snap" else None)
                    page.close()
                results.setdefault(f"{label}, cold (s)", []).append(cold)
                results.setdefault(f"{label}, warm (s)", []).append(warm)
                context.close()
        browser.close()
    server.shutdown()

    print(f"Site start-up in headless Chromium, localhost, median of {args.runs} runs")
    width = max(len(k) for k in results) + 2
    for key, values in results.items():
        print(f"  {key:<{width}} {median(values):8.3f}   (min {min(values):.3f}, max {max(values):.3f})")
    for phase in ("cold", "warm"):
        bare_t = median(results[f"bare loadPyodide, {phase} (s)"])
        plain = median(results[f"site, plain start, {phase} (s)"])
        snap = median(results[f"site, snapshot start, {phase} (s)"])
        print(f"  ratio plain start / bare, {phase}:     {plain / bare_t:.2f}   (goal <= 1.15)")
        print(f"  ratio snapshot start / bare, {phase}:  {snap / bare_t:.2f}   (goal <= 0.35)")
    for phase in ("cold", "warm"):
        seen = sorted({stage for p, stage in stages if p == phase}, key=lambda st: median(stages[(phase, st)]))
        steps = ", ".join(f"{st} {median(stages[(phase, st)]):.0f}" for st in seen)
        print(f"  snapshot start, {phase}: worker stages, ms after the worker started (median): {steps}")
    print(f"  first visit, until Python is ready: {median(page_bytes) / 1e6:.1f} MB transferred")
    print(f"  first visit, with the service worker's offline copy of the site: "
          f"{median(first_visit_bytes) / 1e6:.1f} MB transferred")


if __name__ == "__main__":
    main()
