"""Python's start-up in Firefox and WebKit: bare ``loadPyodide`` and the snapshot start, cold and warm.

``python bench/bench_engines.py [--runs 3] [--engines firefox webkit]``; part of
``make bench``, which skips an engine that is not installed.  Cold is
a fresh browser context (or session); warm is a reload of the same page, with
the browser's cache and, where the engine has one, the kept snapshot.  Times
are the page's own ``performance.now()`` when Python is ready, from the start
of the navigation.  The drivers are the tests' (tests/e2e/engines.py); the
bare page and the site's bench copy are bench_site.py's.  Figures are in
bench/README.md.  Chromium's are bench_site.py's (without a driver in the way).
Bare ``loadPyodide`` is timed on the page's main thread (bench_site.py's page)
and in a module worker, as the site starts Python; the ratios are the snapshot
start's median over each, cold and warm.  A start that is not ready within
180 s is reported with what the status line says, the other figures are still
taken, and the script exits with status 1.
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

# bench_site.py's bare page runs loadPyodide on the page's main thread; the site starts
# Python in a worker, and so does this page.
BARE_IN_WORKER = """<!doctype html><meta charset=utf-8><title>bare, in a worker</title><script type=module>
const pyodide = new URL("%(pyodide)s", location.href).href;
const source = `import { loadPyodide } from "${pyodide}pyodide.mjs";
await loadPyodide({ indexURL: "${pyodide}" });
postMessage("ready");`;
const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })), { type: "module" });
worker.onmessage = () => { window.__bare = performance.now(); };
</script>"""

TIMED = {  # what: (the page, a script that gives the time Python was ready)
    "bare loadPyodide": ("__bare.html", "() => window.__bare"),
    "bare, in a worker": ("__bare_worker.html", "() => window.__bare"),
    "snapshot start": ("distances/", "() => window.__lcReadyAt"),
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
        pyodide = {"pyodide": f"/assets/vendor/{pyodide_dir(site)}/"}
        CountingHandler.bare_page = (BARE_PAGE % pyodide).encode()
        (site / "__bare_worker.html").write_text(BARE_IN_WORKER % pyodide)
        server, base = serve.start(site, handler_class=CountingHandler)
        failed = []
        try:
            for name in args.engines:
                if missing(name):
                    print(f"{name}: skipped ({missing(name)})")
                    continue
                engine = FirefoxEngine() if name == "firefox" else WebKitEngine()
                try:
                    medians = {}
                    for label, (page, ready) in TIMED.items():
                        try:
                            runs = [measure(engine, base + page, ready) for _ in range(args.runs)]
                        except TimeoutError as error:
                            print(f"{name:8} {label:17} {error}", flush=True)
                            failed.append(f"{name} {label}")
                            continue
                        cold = [c for c, _ in runs]
                        warm = [w for _, w in runs]
                        print(f"{name:8} {label:17} cold {median(cold):.2f} s ({min(cold):.2f}–{max(cold):.2f})"
                              f"   warm {median(warm):.2f} s ({min(warm):.2f}–{max(warm):.2f})", flush=True)
                        medians[label] = (median(cold), median(warm))
                    snap_cold, snap_warm = medians.get("snapshot start", (None, None))
                    for label in ("bare loadPyodide", "bare, in a worker"):
                        if snap_cold is None or label not in medians:
                            continue
                        bare_cold, bare_warm = medians[label]
                        print(f"{name:8} snapshot start / {label}: cold {snap_cold / bare_cold:.2f}, "
                              f"warm {snap_warm / bare_warm:.2f}", flush=True)
                finally:
                    engine.close()
        finally:
            server.shutdown()
    if failed:
        raise SystemExit(f"not ready within 180 s: {', '.join(failed)}")


if __name__ == "__main__":
    main()
