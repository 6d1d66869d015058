"""clusterlab.hierarchy.linkage against scipy.cluster.hierarchy.linkage.

For each method and n = 250, 500, 1000, 2000 (random 5-D data, fixed seed,
observations in, distances computed inside as a user would call it) prints
the time of clusterlab and scipy, their ratio, and clusterlab's time ratio
n -> 2n (about 4 for O(n^2); the goal is <= 4.4).

    .venv/bin/python bench/bench_hierarchy.py            # full run
    .venv/bin/python bench/bench_hierarchy.py --quick    # n = 100 ... 400
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from scipy.cluster import hierarchy as scipy_hierarchy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "py"))
from clusterlab import hierarchy  # noqa: E402

DIM = 5
SEED = 2024


def best_time(repeats, f, *args):
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        f(*args)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller n (100, 200, 400)")
    args = parser.parse_args(argv)
    sizes = [100, 200, 400] if args.quick else [250, 500, 1000, 2000]
    rng = np.random.default_rng(SEED)
    data = {n: rng.normal(size=(n, DIM)) for n in sizes}
    lists = {n: X.tolist() for n, X in data.items()}
    print(f"linkage on random {DIM}-D data; best times in seconds (clusterlab: of 3 runs, 2 at n >= 1000; scipy: of 5)")
    print(f"{'method':<9} {'n':>5} {'clusterlab':>11} {'scipy':>9} {'ratio':>8} {'n->2n':>6}")
    worst = 0.0
    for method in hierarchy.METHODS:
        previous = None
        for n in sizes:
            ours = best_time(3 if n < 1000 else 2, hierarchy.linkage, lists[n], method)
            theirs = best_time(5, scipy_hierarchy.linkage, data[n], method)
            growth = f"{ours / previous:6.2f}" if previous else f"{'':6}"
            if previous:
                worst = max(worst, ours / previous)
            previous = ours
            print(f"{method:<9} {n:>5} {ours:11.3f} {theirs:9.4f} {ours / theirs:8.0f} {growth}", flush=True)
    print(f"largest n->2n time ratio: {worst:.2f} (goal <= 4.4 for O(n^2))")


if __name__ == "__main__":
    main()
