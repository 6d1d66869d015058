"""Python's start-up in Firefox and WebKit: bare ``loadPyodide`` and the snapshot start, cold and warm.

``python bench/bench_engines.py [--runs 3] [--engines firefox webkit]``.  Cold is
a fresh browser context (or session); warm is a reload of the same page, with
the browser's cache and, where the engine has one, the kept snapshot.  Times
are the page's own ``performance.now()`` when Python is ready, from the start
of the navigation.  The drivers are the tests' (tests/e2e/engines.py); the
bare page and the site's bench copy are bench_site.py's.  Figures are in
bench/README.md.  Chromium's are bench_site.py's (without a driver in the way).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tools"), str(HERE.parent / "tests" / "e2e")]

import build_site  # noqa: E402
import serve  # noqa: E402
from bench_site import BARE_PAGE, CountingHandler, median, pyodide_dir  # noqa: E402
from engines import FirefoxEngine, WebKitEngine, missing  # noqa: E402

READY = {
    "bare loadPyodide": "() => window.__bare",
    "snapshot start": "() => window.__lcReadyAt",
}


def ready_after(engine, ready: str) -> float:
    try:
        return engine.wait_for(ready, timeout=180) / 1000
    except TimeoutError:
        status = engine.js("() => document.querySelector('.lc-status')?.textContent")
        raise TimeoutError(f"{engine.name}: not ready; the status line says {status!r}") from None


def measure(engine, url: str, ready: str) -> tuple[float, float]:
    engine.open(url)
    cold = ready_after(engine, ready)
    engine.wait_for("() => new Promise((done) => setTimeout(() => done(true), 3000))")  # let it keep the snapshot
    engine.reload()
    return cold, ready_after(engine, ready)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", nargs="+", default=["firefox", "webkit"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as folder:
        site = build_site.bench_copy(Path(folder) / "site")
        CountingHandler.bare_page = (BARE_PAGE % {"pyodide": f"/assets/vendor/{pyodide_dir(site)}/"}).encode()
        server, base = serve.start(site, handler_class=CountingHandler)
        try:
            for name in args.engines:
                if missing(name):
                    print(f"{name}: skipped ({missing(name)})")
                    continue
                engine = FirefoxEngine() if name == "firefox" else WebKitEngine()
                try:
                    for label, ready in READY.items():
                        url = base + ("__bare.html" if label.startswith("bare") else "distances/")
                        runs = [measure(engine, url, ready) for _ in range(args.runs)]
                        cold = [c for c, _ in runs]
                        warm = [w for _, w in runs]
                        print(f"{name:8} {label:17} cold {median(cold):.2f} s ({min(cold):.2f}–{max(cold):.2f})"
                              f"   warm {median(warm):.2f} s ({min(warm):.2f}–{max(warm):.2f})", flush=True)
                finally:
                    engine.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
