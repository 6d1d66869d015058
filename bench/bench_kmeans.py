"""Benchmark: clusterlab K-means and colour quantization vs scikit-learn.

Run:  .venv/bin/python bench/bench_kmeans.py

1. Quantization of a 1-megapixel photo to K=8 colours: scikit-learn's
   china.jpg (427 x 640) resized with Pillow (bicubic) to 1024 x 1024, RGB.
   clusterlab.quantize (bytes in, palette + labels out) against
   scikit-learn KMeans(8, n_init=1, random_state=0) fit + predict on the
   same pixels as a float64 (n, 3) array.  mse for both: mean over pixels
   and r, g, b of (original - palette colour)^2, palette rounded half up to
   integers (what an 8-bit image can show).
2. clusterlab.kmeans.KMeans(8, random_state=0) on 20 000 x 2 points from a
   Gaussian mixture against scikit-learn KMeans(8, n_init=1, random_state=0).

Times are medians of ``REPEAT`` runs: wall clock (perf_counter, used for the
ratios) and CPU time of this process (process_time; scikit-learn may use
several threads, so its CPU time can exceed its wall time).  The machine may
be shared: clusterlab and scikit-learn take turns (A B A B ...), so both see
the same load, and medians are steadier than single runs.  The last lines state the
goals of the quantization issue and whether they are met.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "py"))

import numpy as np
from PIL import Image
from sklearn.cluster import KMeans as SKKMeans
from sklearn.datasets import load_sample_image

from clusterlab.kmeans import KMeans
from clusterlab.quantize import quantize

REPEAT = 5
TIME_GOAL = 1.0  # quantize time / scikit-learn time
ERR_GOAL = 1.01  # quantize mse / scikit-learn mse


def median_times(*fs):
    """(median wall seconds, median CPU seconds, last result) of REPEAT calls of each
    function, the functions taking turns."""
    walls, cpus, outs = [[] for _ in fs], [[] for _ in fs], [None] * len(fs)
    for _ in range(REPEAT):
        for j, f in enumerate(fs):
            c, t = time.process_time(), time.perf_counter()
            outs[j] = f()
            walls[j].append(time.perf_counter() - t)
            cpus[j].append(time.process_time() - c)
    return [(statistics.median(w), statistics.median(c), o) for w, c, o in zip(walls, cpus, outs)]


def photo():
    img = Image.fromarray(load_sample_image("china.jpg")).resize((1024, 1024), Image.BICUBIC)
    return img.tobytes(), img.size


def main():
    rows = []
    raw, (w, h) = photo()
    X = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.float64)

    def sk_quant():
        km = SKKMeans(8, n_init=1, random_state=0).fit(X)
        return km, km.predict(X)

    (t_cl, c_cl, q), (t_sk, c_sk, (km, lab)) = median_times(
        lambda: quantize(raw, w, h, 8, channels=3, random_state=0), sk_quant)
    P = np.floor(km.cluster_centers_ + 0.5).clip(0, 255)
    sk_mse = float(((X - P[lab]) ** 2).mean())
    rows.append(("quantize 1024x1024 RGB, K=8", t_cl, c_cl, t_sk, c_sk, q.mse, sk_mse))

    rng = np.random.default_rng(0)
    centres = rng.uniform(-10, 10, size=(8, 2))
    pts = centres[rng.integers(0, 8, 20_000)] + rng.normal(size=(20_000, 2))
    pts_list = pts.tolist()
    (t_cl2, c_cl2, mine), (t_sk2, c_sk2, sk) = median_times(
        lambda: KMeans(8, random_state=0).fit(pts_list), lambda: SKKMeans(8, n_init=1, random_state=0).fit(pts))
    rows.append(("KMeans(8) 20000 x 2", t_cl2, c_cl2, t_sk2, c_sk2, mine.inertia_ / len(pts), sk.inertia_ / len(pts)))

    print(f"median of {REPEAT} runs; s = wall seconds, cpu = CPU seconds of this process")
    print(f"{'task':28s} {'clusterlab s':>12s} {'cpu':>6s} {'sklearn s':>10s} {'cpu':>6s} {'time ratio':>10s} "
          f"{'err clusterlab':>14s} {'err sklearn':>11s} {'err ratio':>9s}")
    for name, a, ca, b, cb, e1, e2 in rows:
        print(f"{name:28s} {a:12.3f} {ca:6.3f} {b:10.3f} {cb:6.3f} {a / b:10.2f} {e1:14.3f} {e2:11.3f} {e1 / e2:9.4f}")
    print("err = mse per channel value (quantize) or inertia per point (KMeans); "
          f"Python {sys.version.split()[0]}")
    name, a, _, b, _, e1, e2 = rows[0]
    print(f"quantize time ratio (clusterlab / sklearn, wall) = {a / b:.2f}   goal <= {TIME_GOAL}: "
          f"{'met' if a / b <= TIME_GOAL else 'NOT met'}")
    print(f"quantize mse ratio  (clusterlab / sklearn)       = {e1 / e2:.4f} goal <= {ERR_GOAL}: "
          f"{'met' if e1 / e2 <= ERR_GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
