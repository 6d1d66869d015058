"""Search for coordinates of the ten points A-J of the Indonesian tutorial (seed 004).

The tutorial shows its points only in pictures, but it states two narratives
about them, and ``clusterlab.datasets.ten_points()`` must reproduce both:

1. K-means (Euclidean, K = 3) started from the points C, G and I assigns
   C1 = {A,B,C,D,E,H}, C2 = {F,G}, C3 = {I,J} in iteration 1, then
   {A,B,C,D}, {E,F,G}, {H,I,J} in iteration 2, and nothing changes in
   iteration 3.
2. Agglomerative clustering with centroid linkage (scipy's
   ``linkage(X, "centroid")``) merges AB, IJ, CD, AB+CD, FG, E+FG, EFG+H,
   ABCD+EFGH and finally everything with IJ.

This script searches the square [0, 10]^2 (differential evolution, then
SLSQP) and then a grid (steps of ``--step``, simulated annealing from the
rounded continuous optimum) for a layout that maximises the smallest *margin* over all the
inequalities the two narratives need:

* every point is nearer its stated centroid than the other two, and its
  three centroid distances are pairwise different (no ties at all);
* at every merge the stated pair of clusters is the closest pair, and the
  merge heights increase (no inversion, distinct heights).

so a float rounding difference can never flip a decision.  Observations must
also lie at least ``--min-sep`` apart so the picture stays readable.  The
result is checked once more with scipy and scikit-learn and printed; the
coordinates are then copied by hand into ``py/clusterlab/datasets.py``.
Runs at development time only (numpy, scipy and scikit-learn).

    .venv/bin/python tools/search_ten_points.py --step 0.5 --seeds 4
"""

from __future__ import annotations

import argparse
import math
import random

import numpy as np

NAMES = "ABCDEFGHIJ"
IDX = {c: i for i, c in enumerate(NAMES)}
INIT = [IDX["C"], IDX["G"], IDX["I"]]
# labels after each K-means assignment (iterations 1, 2, 3)
KM_LABELS = [
    [0, 0, 0, 0, 0, 1, 1, 0, 2, 2],  # {A,B,C,D,E,H} {F,G} {I,J}
    [0, 0, 0, 0, 1, 1, 1, 2, 2, 2],  # {A,B,C,D} {E,F,G} {H,I,J}
    [0, 0, 0, 0, 1, 1, 1, 2, 2, 2],  # unchanged
]
MERGES = ["AB", "IJ", "CD", ("AB", "CD"), "FG", ("E", "FG"), ("EFG", "H"),
          ("ABCD", "EFGH"), ("ABCDEFGH", "IJ")]


def _merge_pairs():
    """The merges as pairs of member strings."""
    out = []
    for m in MERGES:
        out.append((m[0], m[1]) if isinstance(m, str) else m)
    return out


MERGE_PAIRS = _merge_pairs()


def margins(P) -> list[float]:
    """Every margin the two narratives need (all must be > 0; bigger is safer).

    Plain Python on a list of (x, y) pairs: for ten points this is several
    times faster than numpy's per-call overhead.
    """
    P = [(float(x), float(y)) for x, y in P]
    hyp = math.hypot
    out = []
    C = [P[i] for i in INIT]
    for lab in KM_LABELS:
        for i, (x, y) in enumerate(P):
            d = [hyp(x - cx, y - cy) for cx, cy in C]
            k = lab[i]
            o = [d[j] for j in range(3) if j != k]
            out.append(o[0] - d[k])
            out.append(o[1] - d[k])
            out.append(abs(o[0] - o[1]))
        C = []
        for k in range(3):
            m = [P[i] for i in range(10) if lab[i] == k]
            C.append((sum(p[0] for p in m) / len(m), sum(p[1] for p in m) / len(m)))
    cents = {c: P[i] for i, c in enumerate(NAMES)}
    prev = 0.0
    for a, b in MERGE_PAIRS:
        keys = list(cents)
        h = hyp(cents[a][0] - cents[b][0], cents[a][1] - cents[b][1])
        rest = min(
            (hyp(cents[x][0] - cents[y][0], cents[x][1] - cents[y][1])
             for i, x in enumerate(keys) for y in keys[i + 1:] if {x, y} != {a, b}),
            default=math.inf,
        )
        if rest < math.inf:
            out.append(rest - h)
        out.append(h - prev)
        prev = h
        na, nb = len(a), len(b)
        (ax, ay), (bx, by) = cents.pop(a), cents.pop(b)
        cents[a + b] = ((na * ax + nb * bx) / (na + nb), (na * ay + nb * by) / (na + nb))
    return out


def separation(P) -> float:
    P = [(float(x), float(y)) for x, y in P]
    return min(math.hypot(P[i][0] - P[j][0], P[i][1] - P[j][1])
               for i in range(10) for j in range(i + 1, 10))


def penalised(v, min_sep, target=0.5):
    """Objective of the continuous stage (to minimise): minus the smallest margin,
    plus a share of every margin's shortfall below ``target`` (which guides the
    search while constraints are still violated) and of the separation shortfall."""
    P = np.asarray(v).reshape(10, 2)
    m = margins(P)
    val = min(m) + 0.2 * sum(min(0.0, x - target) for x in m)
    s = separation(P)
    if s < min_sep:
        val -= 10 * (min_sep - s)
    return -val


def continuous(seed, min_sep, maxiter=400):
    """Stage 1: differential evolution on [0, 10]^20, then SLSQP maximising the
    smallest margin t subject to margins >= t and separation >= min_sep."""
    from scipy.optimize import differential_evolution, minimize

    r = differential_evolution(penalised, [(0, 10)] * 20, args=(min_sep,), seed=seed,
                               maxiter=maxiter, popsize=25, tol=1e-10, polish=False)
    x0 = np.append(r.x, min(margins(r.x.reshape(10, 2))))
    cons = [
        {"type": "ineq", "fun": lambda x: np.array(margins(x[:20].reshape(10, 2))) - x[20]},
        {"type": "ineq", "fun": lambda x: separation(x[:20].reshape(10, 2)) - min_sep},
    ]
    r = minimize(lambda x: -x[20], x0, method="SLSQP", constraints=cons,
                 bounds=[(0, 10)] * 20 + [(None, None)], options={"maxiter": 500})
    return r.x[:20].reshape(10, 2)


def grid_score(G, step, min_sep):
    """Smallest margin of grid layout ``G`` (integers; coordinates are G * step),
    with a steep penalty when two points are closer than ``min_sep``."""
    P = [(x * step, y * step) for x, y in G]
    s = separation(P)
    return min(margins(P)) - (10 * (min_sep - s) if s < min_sep else 0.0)


def refine(P, step, min_sep, rng, n_steps=40000, restarts=3):
    """Stage 2: round the continuous layout to the grid, then simulated annealing
    on the grid (one coordinate moves by one step at a time) maximising the
    smallest margin.  Returns (margin, layout)."""
    top = round(10 / step)
    start = [[min(top, max(0, round(v / step))) for v in row] for row in P]
    best = (grid_score(start, step, min_sep), start)
    for _ in range(restarts):
        G = [row[:] for row in start]
        cur = grid_score(G, step, min_sep)
        for t in range(n_steps):
            temp = 0.05 * (1 - t / n_steps) + 1e-4
            i, j = rng.randrange(10), rng.randrange(2)
            old = G[i][j]
            new = min(top, max(0, old + rng.choice((-1, 1))))
            if new == old:
                continue
            G[i][j] = new
            val = grid_score(G, step, min_sep)
            if val >= cur or rng.random() < math.exp((val - cur) / temp):
                cur = val
                if val > best[0]:
                    best = (val, [row[:] for row in G])
            else:
                G[i][j] = old
    return best[0], np.array(best[1], float) * step


def verify(P: np.ndarray) -> None:
    """Check both narratives independently with numpy, scipy and scikit-learn."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.cluster import KMeans

    def partition(labels):
        groups = {}
        for name, lab in zip(NAMES, labels):
            groups.setdefault(lab, []).append(name)
        return sorted("".join(g) for g in groups.values())

    Z = linkage(P, "centroid")
    groups = {i: NAMES[i] for i in range(10)}
    order = []
    for k, (a, b, h, _) in enumerate(Z):
        x, y = sorted((groups[int(a)], groups[int(b)]))
        groups[10 + k] = "".join(sorted(x + y))
        order.append((x, y, round(float(h), 4)))
    assert [(x, y) for x, y, _ in order] == [tuple(sorted(p)) for p in MERGE_PAIRS], order
    assert partition(fcluster(Z, 2, "maxclust")) == ["ABCDEFGH", "IJ"]
    assert partition(fcluster(Z, 3, "maxclust")) == ["ABCD", "EFGH", "IJ"]
    C = P[INIT]
    for lab in KM_LABELS:
        d = ((P[:, None] - C[None]) ** 2).sum(-1)
        assert list(d.argmin(1)) == lab
        C = np.array([P[np.array(lab) == k].mean(0) for k in range(3)])
    km = KMeans(3, init=P[INIT], n_init=1, tol=0, algorithm="lloyd").fit(P)
    assert list(km.labels_) == KM_LABELS[-1], km.labels_
    print("merges (pair, height):", order)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--step", type=float, default=0.5, help="grid step (default 0.5)")
    ap.add_argument("--min-sep", type=float, default=1.0, help="least distance between two points")
    ap.add_argument("--seeds", type=int, default=4, help="number of differential-evolution runs")
    ap.add_argument("--maxiter", type=int, default=400)
    args = ap.parse_args(argv)
    results = []
    for seed in range(args.seeds):
        P = continuous(seed, args.min_sep, args.maxiter)
        val, G = refine(P, args.step, args.min_sep, random.Random(seed))
        print(f"seed {seed}: continuous min margin {min(margins(P)):.4f}, "
              f"on the grid {val:.4f}: {G.tolist()}", flush=True)
        results.append((val, G))
    val, P = max(results, key=lambda t: t[0])
    print(f"best min margin {val:.4f}, separation {separation(P):.3f}")
    for name, (x, y) in zip(NAMES, P):
        print(f"    {name}: ({x:g}, {y:g})")
    if val > 0:
        verify(P)


if __name__ == "__main__":
    main()
