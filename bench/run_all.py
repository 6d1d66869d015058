"""`make bench`: every benchmark, one after the other, each printing ratios against its reference.

- bench_hierarchy.py  clusterlab.hierarchy.linkage vs scipy, n = 250 ... 2000
- bench_wide.py       wide data (NCI60, 64 x 6830): pdist, linkage, KMeans vs scipy / scikit-learn
- bench_kmeans.py     clusterlab KMeans / quantize vs scikit-learn on a 1-megapixel photo
- bench_quantize.py   quantize's stages on that photo in Pyodide (Node) and in CPython
- bench_lab.py        the same photo in the Image lab in headless Chromium (K = 8), and median cut
- bench_site.py       Python start-up in headless Chromium: bare loadPyodide, plain and snapshot start
- bench_lessons.py    every lesson's cells in headless Chromium, against the same cells in CPython
- bench_engines.py    Python start-up in Firefox and WebKit (skips an engine that is not installed)
"""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for name in ("bench_hierarchy.py", "bench_wide.py", "bench_kmeans.py", "bench_quantize.py", "bench_lab.py", "bench_site.py",
             "bench_lessons.py", "bench_engines.py"):
    print(f"\n=== {name} ===", flush=True)
    sys.argv = [name]
    runpy.run_path(str(HERE / name), run_name="__main__")
