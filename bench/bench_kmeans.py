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

Times are the best of ``REPEAT`` runs (wall clock, perf_counter).
"""

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

REPEAT = 3


def best_time(f):
    best, out = float("inf"), None
    for _ in range(REPEAT):
        t = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t)
    return best, out


def photo():
    img = Image.fromarray(load_sample_image("china.jpg")).resize((1024, 1024), Image.BICUBIC)
    return img.tobytes(), img.size


def main():
    rows = []
    raw, (w, h) = photo()
    X = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.float64)

    t_cl, q = best_time(lambda: quantize(raw, w, h, 8, channels=3, random_state=0))

    def sk_quant():
        km = SKKMeans(8, n_init=1, random_state=0).fit(X)
        return km, km.predict(X)

    t_sk, (km, lab) = best_time(sk_quant)
    P = np.floor(km.cluster_centers_ + 0.5).clip(0, 255)
    sk_mse = float(((X - P[lab]) ** 2).mean())
    rows.append(("quantize 1024x1024 RGB, K=8", t_cl, t_sk, q.mse, sk_mse))

    rng = np.random.default_rng(0)
    centres = rng.uniform(-10, 10, size=(8, 2))
    pts = centres[rng.integers(0, 8, 20_000)] + rng.normal(size=(20_000, 2))
    pts_list = pts.tolist()
    t_cl2, mine = best_time(lambda: KMeans(8, random_state=0).fit(pts_list))
    t_sk2, sk = best_time(lambda: SKKMeans(8, n_init=1, random_state=0).fit(pts))
    rows.append(("KMeans(8) 20000 x 2", t_cl2, t_sk2, mine.inertia_ / len(pts), sk.inertia_ / len(pts)))

    print(f"{'task':30s} {'clusterlab s':>12s} {'sklearn s':>10s} {'time ratio':>10s} "
          f"{'err clusterlab':>14s} {'err sklearn':>11s} {'err ratio':>9s}")
    for name, a, b, e1, e2 in rows:
        print(f"{name:30s} {a:12.3f} {b:10.3f} {a / b:10.2f} {e1:14.3f} {e2:11.3f} {e1 / e2:9.4f}")
    print("err = mse per channel value (quantize) or inertia per point (KMeans); "
          f"goals: quantize time ratio <= 1.0, err ratio <= 1.01. Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
