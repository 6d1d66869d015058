"""Every lesson's cells run in headless Chromium: page load -> Python ready -> all cells done.

For each page with live cells, a fresh browser opens the page (snapshot start,
first visit), waits until Python and the editors are ready, then presses Run on
the page's last cell, which runs every cell above it first, as a reader's first
Run does.  Printed per page: the time to ready, and the time from the click
until the last cell shows its output (the whole lesson computed in Pyodide).
The same cells are timed in CPython (this process, ``livecells.runner``) for the
ratio browser / CPython.

Issue goals: the NCI60 lesson within ~3 s of "ready" in the browser.

Run: ``.venv/bin/python bench/bench_lessons.py [--runs 3] [--page nci60/]`` after ``make build``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "py"))
import build_site
import serve
from cdp_pipe import Browser

from livecells.runner import new_namespace, run_cell

RUN_ALL = """(async () => {
    const cells = document.querySelectorAll('.lc-cell');
    const last = cells[cells.length - 1];
    const out = last.querySelector('.lc-output');
    out.innerHTML = '';
    const t0 = performance.now();
    last.querySelector('.lc-btn--run').click();
    while (!out.innerHTML || last.classList.contains('lc-cell--running'))
        await new Promise(r => setTimeout(r, 5));
    return performance.now() - t0;
})()"""


def lesson_pages(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if not rel.startswith("assets") and 'class="lc-cell"' in html.read_text():
            pages.append("" if rel == "." else rel + "/")
    return pages


def cpython_seconds(site: Path, page: str) -> float:
    """Run the page's cells (hidden ones included, in page order) in this CPython."""
    text = (site / page / "index.html").read_text()
    codes = re.findall(r'<div class="lc-cell" [^>]*data-lc-code="([^"]*)"', text)
    if not codes:
        return float("nan")
    import html as _html

    ns = new_namespace()
    t0 = time.perf_counter()
    for code in codes:
        run_cell(_html.unescape(code), ns)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", help="only these pages (e.g. nci60/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-lessons-") as folder:
        site = build_site.bench_copy(Path(folder) / "site")
        pages = args.page or lesson_pages(site)
        server, base = serve.start(site)
        print(f"Every cell of a lesson, run from its last cell; headless Chromium, median of {args.runs} runs")
        print(f"  {'page':<28} {'ready (s)':>9} {'all cells (s)':>14} {'CPython (s)':>12} {'ratio':>6}")
        for page in pages:
            ready, run = [], []
            for _ in range(args.runs):
                with Browser() as browser:
                    tab = browser.new_tab()
                    tab.navigate(base + page)
                    ready.append(tab.wait_for("window.__lcReadyAt") / 1000)
                    tab.wait_for("document.querySelectorAll('.lc-btn--run').length > 0")
                    run.append(tab.evaluate(RUN_ALL) / 1000)
                    tab.close()
            cpy = cpython_seconds(site, page)
            r = statistics.median(run)
            print(f"  {page:<28} {statistics.median(ready):9.2f} {r:14.2f} {cpy:12.2f} {r / cpy:6.1f}")
        server.shutdown()


if __name__ == "__main__":
    main()
