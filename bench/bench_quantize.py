"""Where ``quantize``'s time goes, in Pyodide (under Node) and in CPython: a quick loop for its speed.

The photo is bench_kmeans.py's (scikit-learn's china.jpg resized to 1024 x 1024, RGBA), K = 8.
``quantize``'s stages (py/clusterlab/quantize.py) run one by one, then ``quantize()``
as a whole, ``--runs`` times in one Pyodide (Node 20 with the npm ``pyodide`` package
from node_modules/: the WebAssembly Chromium runs, with py/ mounted from this checkout,
so no site rebuild is needed) and in this CPython.  Printed per stage: the first run
and the median of the later ones in Pyodide, the median in CPython, as wall seconds
and as CPU seconds of the thread running Python (Node: /proc/self/task/<pid>/schedstat,
which leaves out V8's compiler and GC threads; CPython: ``time.thread_time``).  On a
loaded machine the CPU seconds are the steadier figure.

Node tiers the WebAssembly up while Pyodide loads, so its first run is not the
browser's first run in a page; bench_lab.py measures that one (in Chromium).

Run: ``.venv/bin/python bench/bench_quantize.py [--runs 5] [--py DIR]`` after ``make deps``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# quantize's stages one by one, on `image` (.data, .width, .height: RGBA), then the whole call.
# Sets `stages` (wall seconds) and `stages_cpu` (CPU seconds of this thread, `cpu_clock` if
# the caller defines one; else time.thread_time, or process_time where there is none).  bench_lab.py runs the same code in the Image lab's page.
STAGES = """
import time
from collections import Counter
from clusterlab import quantize as _qm
try:
    _cpu = cpu_clock
except NameError:  # Pyodide's time module has no thread_time
    _cpu = getattr(time, "thread_time", time.process_time)
_n, stages, stages_cpu = image.width * image.height, {}, {}
_t, _c = time.perf_counter(), _cpu()
def _lap(name):
    global _t, _c
    stages[name], stages_cpu[name] = time.perf_counter() - _t, _cpu() - _c
    _t, _c = time.perf_counter(), _cpu()
_data = _qm._as_bytes(image.data)
_keys = _qm._colour_keys(_data, _n, 4); _lap("colour keys")
_hist = Counter(_keys); _lap("histogram (Counter)")
_bins = _qm._Bins(_hist, _n, _qm._BIN_BITS); _lap("bins")
_bl, _centres, _ = _qm._fit(_bins, 8, "k-means++", 0, 4, 300, 0.0); _lap("K-means on cells and bins")
_qm._label(_bins, _bl, _centres, _keys, _n); _lap("labels")
_qm.quantize(_data, image.width, image.height, 8); _lap("quantize()")
del _data, _keys, _hist, _bins, _bl, _centres
"""


def run_cpython(rgba, w, h, runs, py_dir):
    sys.path.insert(0, str(py_dir))
    out = []
    for _ in range(runs):
        namespace = {"image": types.SimpleNamespace(data=rgba, width=w, height=h)}
        exec(STAGES, namespace)
        out.append({"wall": namespace["stages"], "cpu": namespace["stages_cpu"]})
    return out


def run_pyodide(rgba, w, h, runs, py_dir):
    with tempfile.TemporaryDirectory(prefix="bench-quantize-") as folder:
        (Path(folder) / "photo.rgba").write_bytes(rgba)
        (Path(folder) / "stages.py").write_text(STAGES)
        proc = subprocess.run(["node", str(HERE / "quantize_pyodide.mjs"), str(py_dir), str(Path(folder) / "photo.rgba"),
                               str(w), str(h), str(runs), str(Path(folder) / "stages.py")],
                              capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise RuntimeError(f"node failed:\n{proc.stderr[-3000:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs in each Python (default 5)")
    parser.add_argument("--py", default=str(ROOT / "py"), help="folder holding the clusterlab package (default py/)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from bench_kmeans import photo
    from PIL import Image

    raw, (w, h) = photo()
    rgba = Image.frombytes("RGB", (w, h), raw).convert("RGBA").tobytes()
    t = time.perf_counter()
    pyo = run_pyodide(rgba, w, h, args.runs, args.py)
    cpy = run_cpython(rgba, w, h, args.runs, args.py)
    print(f"quantize's stages, {w} x {h} photo (RGBA), K = 8; {args.runs} runs in Pyodide (Node {node_version()}) "
          f"and in CPython {sys.version.split()[0]}; py = {args.py}; {time.perf_counter() - t:.0f} s")
    print(f"  {'seconds':28} {'Pyodide wall':>22} {'Pyodide CPU':>22} {'CPython':>15} {'ratio':>6}")
    print(f"  {'':28} {'first':>10} {'later':>11} {'first':>10} {'later':>11} {'wall':>7} {'CPU':>7} {'CPU':>6}")
    for stage in pyo[0]["wall"]:
        later = {m: statistics.median(r[m][stage] for r in pyo[1:]) if len(pyo) > 1 else float("nan")
                 for m in ("wall", "cpu")}
        here = {m: statistics.median(r[m][stage] for r in cpy) for m in ("wall", "cpu")}
        print(f"  {stage:28} {pyo[0]['wall'][stage]:10.3f} {later['wall']:11.3f} {pyo[0]['cpu'][stage]:10.3f} "
              f"{later['cpu']:11.3f} {here['wall']:7.3f} {here['cpu']:7.3f} {later['cpu'] / here['cpu']:6.1f}")
    print("  later = median of the runs after the first; ratio = Pyodide later CPU / CPython CPU")


def node_version():
    return subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
