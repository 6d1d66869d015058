"""Wide data: the NCI60 lesson (64 cell lines x 6830 genes) against scipy and scikit-learn.

The data are ``clusterlab.datasets.load_nci60()`` standardised as in the
ISLP lab (scikit-learn's ``StandardScaler``: every gene mean 0, standard
deviation 1 dividing by n); clusterlab gets the same floats as lists.  For
each call the script prints clusterlab's time, the reference's, their ratio,
and a check that the answers agree:

- ``pdist`` for every metric (scipy's ``pdist``), and ``distance_matrix``;
- ``linkage`` complete, average and single on the observations (scipy);
- ``KMeans(4, n_init=20, random_state=0).fit`` (scikit-learn's, same
  arguments; the check compares the inertias, since the random starts differ).

Timing as in ``bench_hierarchy.py``: the minimum over interleaved rounds of
CPU seconds of this process (``time.process_time``; the wall minimum is shown
beside it), the ratio from CPU.  scikit-learn and scipy run on one thread
(threadpoolctl), so their CPU time is their wall time and the ratio compares
one core with one core.

    .venv/bin/python bench/bench_wide.py              # 3 rounds
    .venv/bin/python bench/bench_wide.py --repeat 5
"""

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.cluster import hierarchy as scipy_hierarchy
from scipy.spatial import distance as scipy_distance
from sklearn.cluster import KMeans as SKKMeans
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "py"))
sys.path.insert(0, str(HERE))
from bench_hierarchy import one_time  # noqa: E402

from clusterlab import datasets, distance, hierarchy  # noqa: E402
from clusterlab.kmeans import KMeans  # noqa: E402

GOALS = {  # issue 18, CPython, seconds
    "pdist euclidean": 0.45,
    "pdist correlation": 0.8,
    "KMeans(4, n_init=20)": 1.0,
}


def nci60_standardised():
    X = np.array(datasets.load_nci60().data)
    return StandardScaler().fit_transform(X)


def agree_distances(ours, theirs):
    err = np.max(np.abs(np.asarray(ours) - theirs) / np.maximum(np.abs(theirs), 1e-300))
    return f"max rel diff {err:.1e}"


def agree_trees(ours, theirs):
    ours = np.asarray(ours, dtype=float)
    same = np.array_equal(ours[:, [0, 1, 3]], theirs[:, [0, 1, 3]])
    err = np.max(np.abs(ours[:, 2] - theirs[:, 2]) / theirs[:, 2])
    return f"{'same merges' if same else 'MERGES DIFFER'}, heights {err:.1e}"


def agree_kmeans(ours, theirs):
    return f"inertia {ours.inertia_:.1f} vs {theirs.inertia_:.1f}"


def tasks(X, L):
    """(name, clusterlab call, reference call, check) for every benchmark."""
    out = []
    for metric in ("euclidean", "sqeuclidean", "cityblock", "correlation"):
        out.append((f"pdist {metric}",
                    lambda m=metric: distance.pdist(L, m),
                    lambda m=metric: scipy_distance.pdist(X, m),
                    agree_distances))
    out.append(("distance_matrix",
                lambda: distance.distance_matrix(L),
                lambda: scipy_distance.squareform(scipy_distance.pdist(X)),
                agree_distances))
    for method in ("complete", "average", "single"):
        out.append((f"linkage {method}",
                    lambda m=method: hierarchy.linkage(L, m),
                    lambda m=method: scipy_hierarchy.linkage(X, m),
                    agree_trees))
    out.append(("KMeans(4, n_init=20)",
                lambda: KMeans(4, n_init=20, random_state=0).fit(L),
                lambda: SKKMeans(4, n_init=20, random_state=0).fit(X),
                agree_kmeans))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--only", default="", help="comma-separated task names to run (default: all)")
    args = parser.parse_args(argv)
    X = nci60_standardised()
    L = X.tolist()
    todo = [t for t in tasks(X, L) if not args.only or t[0] in args.only.split(",")]
    best = {name: [np.inf] * 4 for name, *_ in todo}  # cl cpu, cl wall, ref cpu, ref wall
    checks = {}
    with threadpool_limits(1):
        for _ in range(args.repeat):
            for name, ours, theirs, check in todo:
                for k, f in ((0, ours), (2, theirs)):
                    cpu, wall = one_time(f)
                    best[name][k] = min(best[name][k], cpu)
                    best[name][k + 1] = min(best[name][k + 1], wall)
                if name not in checks:
                    checks[name] = check(ours(), theirs())
    print(f"standardised NCI60, {X.shape[0]} x {X.shape[1]}; seconds, minimum over {args.repeat} "
          "interleaved rounds; ratio = clusterlab cpu / reference cpu")
    print(f"{'call':<22} {'cl cpu':>7} {'cl wall':>7} {'ref cpu':>7} {'ref wall':>8} {'ratio':>6}  check")
    for name, *_ in todo:
        cc, cw, rc, rw = best[name]
        print(f"{name:<22} {cc:7.3f} {cw:7.3f} {rc:7.3f} {rw:8.3f} {cc / max(rc, 1e-9):6.1f}  {checks[name]}")
    for name, goal in GOALS.items():
        if name in best:
            cpu = best[name][0]
            print(f"goal {name} <= {goal} s: {cpu:.3f} s, {'met' if cpu <= goal else 'NOT met'}")


if __name__ == "__main__":
    main()
