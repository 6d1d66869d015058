"""K-means clustering with every step visible, and scikit-learn's API.

==================================  ===================================================
``KMeans(n_clusters, ...)``         the estimator: ``fit``, ``predict``, ``transform``
``KMeans.history_``                 one :class:`Step` per iteration (the lecture's tables)
``Step.table()``                    one iteration as a text table
``history_table(model, step)``      the same, called on a fitted model
``within_cluster_variation(X, l)``  W(C_k) of ISLR eq. 12.17 for every cluster
``elbow(X, ks)``                    list of (k, inertia) for an elbow plot
``NotFittedError``                  raised by ``predict``/``transform`` before ``fit``
``ConvergenceWarning``              fewer distinct clusters than asked for
==================================  ===================================================

Ten cities' population density, clustered from the starting centroids of
cities H (244) and G (777), as in the course:

>>> density = [636, 473, 487, 576, 788, 639, 777, 244, 511, 468]
>>> km = KMeans(2, init=[[244], [777]]).fit(density)
>>> km.labels_
[1, 0, 0, 1, 1, 1, 1, 0, 0, 0]
>>> [c[0] for c in km.cluster_centers_]
[436.6, 683.2]
>>> km.n_iter_, len(km.history_)
(3, 3)
>>> km.history_[0].labels          # first assignment, from 244 and 777
[1, 0, 0, 1, 1, 1, 1, 0, 1, 0]

The algorithm (Lloyd's) repeats two steps: **assign** every observation to
its nearest centroid, then **update** every centroid to the mean of its
observations, and **checks** whether any observation changed cluster.  It
stops when none did (the course's rule), when the centroids moved less than
``tol`` (scikit-learn's rule), or after ``max_iter`` iterations.  With
``tol=0`` and explicit initial centroids the result equals scikit-learn's
``KMeans(init=..., n_init=1, tol=0, algorithm="lloyd")``.

Speed: the assignment step uses Hamerly's triangle-inequality bounds, which
skip most distance computations once the clusters settle.  The bounds only
skip a point when its centroid is nearer than every other by a safety
margin, so the labels are exactly those of plain Lloyd.

Empty clusters (a centroid that attracts no observation, or only
observations of weight 0) are handled as in scikit-learn: the centroid is
moved onto the observation farthest from its own centroid (the farthest
first; ties go to the lowest index), and that observation's weight is taken
out of its old cluster's mean.  If every observation sits exactly on its
centroid the empty centroid keeps its place (scikit-learn would move it to
the data mean); a :class:`ConvergenceWarning` then says so.

Reproducibility: ``random_state`` seeds a :class:`random.Random` whose
``random()`` and ``sample()`` give the same numbers on every CPython
version, and sums use :func:`math.fsum`, so a seed gives the same result on
CPython 3.11 and in Pyodide.
"""

from __future__ import annotations

import math
import random
import warnings
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import mul, sub

from ._validate import as_int, as_matrix, as_number, as_vector, choice

__all__ = [
    "ConvergenceWarning",
    "KMeans",
    "NotFittedError",
    "Step",
    "elbow",
    "history_table",
    "within_cluster_variation",
]

#: ``history_`` keeps each observation's distance to every centroid only when
#: n_observations * n_clusters is at most this; otherwise ``Step.distances`` is None.
HISTORY_DISTANCE_LIMIT = 100_000

_INF = float("inf")
_dist = math.dist


class NotFittedError(ValueError, AttributeError):
    """Raised when ``predict``/``transform`` is called before ``fit``."""


class ConvergenceWarning(UserWarning):
    """Fewer distinct clusters than ``n_clusters`` (duplicate observations)."""


@dataclass
class Step:
    """One iteration of K-means: the assignment made from ``centroids``.

    ``distances[i][j]`` is the Euclidean distance from observation i to
    centroid j (None for big data, see ``HISTORY_DISTANCE_LIMIT``);
    ``labels[i]`` the nearest centroid (0-based); ``changed`` the indices of
    the observations whose cluster differs from the previous step (all of
    them in step 0); ``inertia`` the weighted sum of squared distances to
    the assigned centroids.
    """

    iteration: int
    centroids: list
    labels: list
    changed: list
    inertia: float
    distances: list | None = field(default=None, repr=False)

    def table(self, row_names=None, decimals: int = 2, X=None) -> str:
        """This step as a text table: distances to each centroid and the cluster.

        Clusters are shown 1-based (C1, C2, ...) as in the lecture; a ``*``
        marks an observation that changed cluster.  ``X`` adds the
        observations' values as columns.
        """
        n = len(self.labels)
        k = len(self.centroids)
        names = [str(r) for r in row_names] if row_names is not None else [str(i) for i in range(n)]
        if len(names) != n:
            raise ValueError(f"row_names has {len(names)} names but there are {n} observations.")
        fmt = f"{{:.{as_int(decimals, 'decimals', minimum=0)}f}}"
        cent = "; ".join(
            f"C{j + 1} = (" + ", ".join(fmt.format(v) for v in c) + ")" for j, c in enumerate(self.centroids)
        )
        header = ["obs"]
        if X is not None:
            X = as_matrix(X, "X")
            header += [f"x{j + 1}" for j in range(len(X[0]))]
        if self.distances is not None:
            header += [f"d(C{j + 1})" for j in range(k)]
        header += ["cluster", "moved"]
        changed = set(self.changed)
        rows = []
        for i in range(n):
            row = [names[i]]
            if X is not None:
                row += [fmt.format(v) for v in X[i]]
            if self.distances is not None:
                row += [fmt.format(d) for d in self.distances[i]]
            row += [f"C{self.labels[i] + 1}", "*" if i in changed else ""]
            rows.append(row)
        widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
        lines = [f"iteration {self.iteration + 1}: {cent}"]
        for r in [header, *rows]:
            lines.append("  ".join(v.ljust(w) if c == 0 else v.rjust(w) for c, (v, w) in enumerate(zip(r, widths))).rstrip())
        lines.append(f"inertia = {fmt.format(self.inertia)}")
        return "\n".join(lines)


# ---------------------------------------------------------------- kernels
# These take validated lists of float rows; W is a list of weights or None.


def _assign(X, C):
    """Assign: the index of the nearest centroid for every row (ties: lowest index)."""
    k = len(C)
    out = []
    append = out.append
    for x in X:
        ds = list(map(_dist, C, repeat(x, k)))
        append(ds.index(min(ds)))
    return out


def _sums(X, W, labels, k):
    """Per-cluster weighted coordinate sums and total weights (math.fsum: exact)."""
    d = len(X[0])
    groups = [[] for _ in range(k)]
    if W is None:
        for x, a in zip(X, labels):
            groups[a].append(x)
        sums = [[math.fsum(col) for col in zip(*g)] if g else [0.0] * d for g in groups]
        weights = [float(len(g)) for g in groups]
    else:
        wgroups = [[] for _ in range(k)]
        for x, w, a in zip(X, W, labels):
            groups[a].append(x)
            wgroups[a].append(w)
        sums = [
            [math.fsum(map(mul, col, wg)) for col in zip(*g)] if g else [0.0] * d
            for g, wg in zip(groups, wgroups)
        ]
        weights = [math.fsum(wg) for wg in wgroups]
    return sums, weights


def _update(X, W, labels, C_old):
    """Update: every centroid becomes the weighted mean of its observations.

    Empty clusters take the farthest observation (see the module docstring).
    Returns the new centroids and whether an empty cluster could not be filled.
    """
    k = len(C_old)
    sums, weights = _sums(X, W, labels, k)
    stuck = False
    empty = [j for j in range(k) if weights[j] <= 0.0]
    if empty:
        far = list(map(_dist, X, map(C_old.__getitem__, labels)))
        order = sorted(range(len(X)), key=lambda i: -far[i])
        if W is not None:
            order = [i for i in order if W[i] > 0.0]
        order = [i for i in order if far[i] > 0.0]
        for j, i in zip(empty, order):
            w = 1.0 if W is None else W[i]
            old = labels[i]
            sums[old] = [s - w * v for s, v in zip(sums[old], X[i])]
            weights[old] -= w
            sums[j] = [w * v for v in X[i]]
            weights[j] = w
        stuck = len(order) < len(empty)
    C = [
        [s / wt for s in sm] if wt > 0.0 else list(c)
        for sm, wt, c in zip(sums, weights, C_old)
    ]
    return C, stuck


def _inertia(X, W, C, labels):
    d = map(_dist, X, map(C.__getitem__, labels))
    if W is None:
        return math.fsum(v * v for v in d)
    return math.fsum(w * v * v for w, v in zip(W, d))


def _tolerance(X, tol):
    """scikit-learn's absolute tolerance: tol times the mean per-feature variance."""
    if tol == 0:
        return 0.0
    n = len(X)
    var = []
    for col in zip(*X):
        m = math.fsum(col) / n
        var.append(math.fsum((v - m) * (v - m) for v in col) / n)
    return math.fsum(var) / len(var) * tol


def _margin(X, C):
    """A distance far above rounding error, used to make Hamerly's pruning exact."""
    pts = [*X, *C]
    lo = [min(col) for col in zip(*pts)]
    hi = [max(col) for col in zip(*pts)]
    return 1e-9 * _dist(lo, hi)


def _nearest_two(x, C, k):
    """(index of the nearest centre, its distance, distance to the second nearest).

    The second distance is Hamerly's lower bound; with one centre it is inf.
    """
    ds = list(map(_dist, C, repeat(x, k)))
    m1 = min(ds)
    a = ds.index(m1)
    ds[a] = _INF
    return a, m1, min(ds)


def _lloyd(X, W, C, max_iter, tol, record=False, pruned=True):
    """Run Lloyd's algorithm from centroids ``C``; ``tol`` is absolute (see ``_tolerance``).

    ``pruned=True`` uses Hamerly's bounds; ``pruned=False`` is the plain
    textbook loop (kept as the reference the tests compare against).
    Returns (labels, centroids, inertia, n_iter, history, stuck).
    """
    n, k = len(X), len(C)
    C = [list(c) for c in C]
    eps = _margin(X, C)
    labels = [-1] * n
    upper = [0.0] * n
    lower = [0.0] * n
    history = []
    strict = False
    stuck = False
    it = 0
    for it in range(max_iter):
        # assign
        old = list(labels)
        if not pruned:
            labels = _assign(X, C)
        elif it == 0 or k == 1:
            for i, x in enumerate(X):
                labels[i], upper[i], lower[i] = _nearest_two(x, C, k)
        else:
            half = []
            for j, c in enumerate(C):
                half.append(0.5 * min(_dist(c, c2) for j2, c2 in enumerate(C) if j2 != j))
            for i in range(n):
                a = labels[i]
                u = upper[i]
                bound = half[a] if half[a] > lower[i] else lower[i]
                if u + eps < bound:
                    continue
                x = X[i]
                u = _dist(x, C[a])
                upper[i] = u
                if u + eps < bound:
                    continue
                labels[i], upper[i], lower[i] = _nearest_two(x, C, k)
        same = labels == old
        if record:
            dists = None
            if n * k <= HISTORY_DISTANCE_LIMIT:
                dists = [[_dist(x, c) for c in C] for x in X]
            changed = [i for i in range(n) if labels[i] != old[i]]
            history.append(Step(it, [list(c) for c in C], list(labels), changed, _inertia(X, W, C, labels), dists))
        # update
        C_new, stuck = _update(X, W, labels, C)
        shifts = list(map(_dist, C, C_new))
        C = C_new
        # check whether anything changed
        if same:
            strict = True
            break
        if math.fsum(s * s for s in shifts) <= tol:
            break
        if pruned and k > 1:
            top = sorted(range(k), key=shifts.__getitem__, reverse=True)
            other = [shifts[top[1]] if j == top[0] else shifts[top[0]] for j in range(k)]
            upper = list(map(float.__add__, upper, map(shifts.__getitem__, labels)))
            lower = list(map(sub, lower, map(other.__getitem__, labels)))
    if not strict:
        labels = _assign(X, C)
    return labels, C, _inertia(X, W, C, labels), it + 1, history, stuck


# ---------------------------------------------------------- initialisation


def _weighted_index(rng, cumulative):
    """Index drawn with probability proportional to the increments of ``cumulative``."""
    r = rng.random() * cumulative[-1]
    return min(bisect_right(cumulative, r), len(cumulative) - 1)


def _init_random(X, W, k, rng):
    """K distinct observations drawn at random (with probability ~ weight)."""
    n = len(X)
    if W is None:
        return [list(X[i]) for i in rng.sample(range(n), k)]
    idx = list(range(n))
    w = list(W)
    chosen = []
    for _ in range(k):
        cum = list(accumulate(w))
        if cum[-1] <= 0.0:  # only zero-weight observations are left
            pos = rng.randrange(len(idx))
        else:
            pos = _weighted_index(rng, cum)
        chosen.append(idx.pop(pos))
        w.pop(pos)
    return [list(X[i]) for i in chosen]


def _init_kmeanspp(X, W, k, rng):
    """scikit-learn's greedy k-means++: 2 + int(ln k) candidate centres per step."""
    n = len(X)
    w = W if W is not None else [1.0] * n
    trials = 2 + int(math.log(k))
    first = _weighted_index(rng, list(accumulate(w)))
    centres = [list(X[first])]
    closest = [d * d for d in map(_dist, X, repeat(X[first], n))]
    for _ in range(1, k):
        cum = list(accumulate(map(mul, w, closest)))
        if cum[-1] <= 0.0:
            cands = [rng.randrange(n) for _ in range(trials)]
        else:
            cands = [_weighted_index(rng, cum) for _ in range(trials)]
        best = None
        for c in cands:
            dc = [min(a, d * d) for a, d in zip(closest, map(_dist, X, repeat(X[c], n)))]
            pot = math.fsum(map(mul, w, dc))
            if best is None or pot < best[0]:
                best = (pot, c, dc)
        closest = best[2]
        centres.append(list(X[best[1]]))
    return centres


# ---------------------------------------------------------------- estimator


def _check_weights(sample_weight, n):
    if sample_weight is None:
        return None
    w = as_vector(sample_weight, "sample_weight")
    if len(w) != n:
        raise ValueError(
            f"sample_weight has {len(w)} values but X has {n} observations; give one weight per observation."
        )
    if any(v < 0 for v in w):
        raise ValueError("sample_weight contains negative values; weights must be >= 0.")
    if not any(v > 0 for v in w):
        raise ValueError("sample_weight is all zero; at least one observation needs a positive weight.")
    if all(v == 1.0 for v in w):
        return None
    return w


class KMeans:
    """K-means clustering (Lloyd's algorithm) with scikit-learn's interface.

    Parameters
    ----------
    n_clusters : number of clusters K (1 <= K <= number of observations).
    init : ``"k-means++"`` (scikit-learn's greedy variant), ``"random"``
        (K distinct observations drawn at random, as in the course), or a
        list of K initial centroids.
    n_init : number of initialisations; the run with the lowest inertia is
        kept (R's ``nstart``).  ``"auto"``: 10 for ``"random"``, else 1.
    max_iter : maximum number of iterations of one run.
    tol : stop when the summed squared centroid shift is at most ``tol``
        times the mean per-feature variance of X (scikit-learn's rule);
        ``tol=0`` stops only when no observation changes cluster.
    random_state : int or None, seeds the initialisation.

    Fitted attributes: ``labels_`` (ints 0..K-1), ``cluster_centers_``
    (lists of floats), ``inertia_`` (weighted sum of squared distances to
    the nearest centroid), ``n_iter_`` (iterations of the best run, counted
    as scikit-learn does: the last one is the one in which nothing changed),
    ``n_features_in_`` and ``history_`` (one :class:`Step` per iteration of
    the best run).  If a run stops on ``tol`` or ``max_iter``, ``labels_``
    come from one more assignment with the final centroids, which is not in
    ``history_``.

    >>> km = KMeans(2, init="random", n_init=5, random_state=0)
    >>> km.fit_predict([[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]])
    [1, 1, 0, 0, 0]
    >>> round(km.inertia_, 2)
    7.83
    """

    def __init__(self, n_clusters=8, *, init="k-means++", n_init="auto", max_iter=300, tol=1e-4, random_state=None):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def __repr__(self):
        return f"KMeans(n_clusters={self.n_clusters!r}, init={self.init!r}, random_state={self.random_state!r})"

    # -- parameter checks --------------------------------------------------
    def _check_params(self, X):
        n, d = len(X), len(X[0])
        k = as_int(self.n_clusters, "n_clusters", minimum=1)
        if k > n:
            raise ValueError(
                f"n_clusters={k} but X has only {n} observation(s); choose n_clusters <= {n}."
            )
        init = self.init
        if isinstance(init, str):
            init = choice(init, "init", ["k-means++", "random"])
        else:
            try:
                init = as_matrix(init, "init")
            except (TypeError, ValueError) as e:
                raise type(e)(f"{e} (init must be 'k-means++', 'random' or a list of {k} centroids)") from None
            if len(init) != k or len(init[0]) != d:
                raise ValueError(
                    f"init has shape ({len(init)}, {len(init[0])}) but needs ({k}, {d}): "
                    f"one row per cluster, one value per feature."
                )
        if self.n_init == "auto":
            n_init = 10 if init == "random" else 1
        else:
            if isinstance(self.n_init, str):
                raise ValueError(f"n_init must be 'auto' or a whole number >= 1, got {self.n_init!r}.")
            n_init = as_int(self.n_init, "n_init", minimum=1)
            if not isinstance(init, str) and n_init != 1:
                warnings.warn(
                    f"explicit initial centroids were given, so n_init={n_init} is changed to 1 "
                    "(every run would be the same).",
                    RuntimeWarning,
                    stacklevel=3,
                )
                n_init = 1
        max_iter = as_int(self.max_iter, "max_iter", minimum=1)
        tol = as_number(self.tol, "tol")
        if tol < 0:
            raise ValueError(f"tol must be >= 0, got {tol}; use 0 to stop only when no label changes.")
        rs = self.random_state
        if rs is not None and (isinstance(rs, bool) or not isinstance(rs, int)):
            raise TypeError(f"random_state must be an int seed or None, got {rs!r}.")
        return k, init, n_init, max_iter, tol

    def fit(self, X, sample_weight=None):
        """Compute the clustering; returns ``self``."""
        X = as_matrix(X, "X")
        k, init, n_init, max_iter, tol = self._check_params(X)
        W = _check_weights(sample_weight, len(X))
        rng = random.Random(self.random_state)
        distinct = len(set(map(tuple, X)))
        if distinct < k:
            warnings.warn(
                f"X has only {distinct} distinct observation(s) but n_clusters={k}; "
                "some clusters will be duplicates. Use n_clusters <= the number of distinct observations.",
                ConvergenceWarning,
                stacklevel=2,
            )
        tol = _tolerance(X, tol)
        best = None
        for _ in range(n_init):
            if init == "random":
                C0 = _init_random(X, W, k, rng)
            elif init == "k-means++":
                C0 = _init_kmeanspp(X, W, k, rng)
            else:
                C0 = init
            run = _lloyd(X, W, C0, max_iter, tol, record=True)
            if best is None or run[2] < best[2]:
                best = run
        labels, C, inertia, n_iter, history, _stuck = best
        if distinct >= k and len(set(labels)) < k:
            warnings.warn(
                f"Number of distinct clusters ({len(set(labels))}) found smaller than n_clusters ({k}).",
                ConvergenceWarning,
                stacklevel=2,
            )
        self.labels_ = labels
        self.cluster_centers_ = C
        self.inertia_ = inertia
        self.n_iter_ = n_iter
        self.history_ = history
        self.n_features_in_ = len(X[0])
        return self

    def fit_predict(self, X, sample_weight=None):
        """Fit and return ``labels_``."""
        return self.fit(X, sample_weight).labels_

    def _check_fitted(self, X, what):
        if not hasattr(self, "cluster_centers_"):
            raise NotFittedError(f"This KMeans is not fitted yet; call fit(X) before {what}(X).")
        X = as_matrix(X, "X")
        if len(X[0]) != self.n_features_in_:
            raise ValueError(
                f"X has {len(X[0])} feature(s) but the model was fitted with {self.n_features_in_}; "
                "give the same features as in fit."
            )
        return X

    def predict(self, X):
        """Index of the nearest fitted centroid for each observation."""
        return _assign(self._check_fitted(X, "predict"), self.cluster_centers_)

    def transform(self, X):
        """Euclidean distance from each observation to each centroid (n x K)."""
        X = self._check_fitted(X, "transform")
        return [[_dist(x, c) for c in self.cluster_centers_] for x in X]

    def fit_transform(self, X, sample_weight=None):
        """Fit, then return ``transform(X)``."""
        return self.fit(X, sample_weight).transform(X)

    def score(self, X, sample_weight=None):
        """Opposite of the inertia of X under the fitted centroids (as scikit-learn)."""
        X = self._check_fitted(X, "score")
        W = _check_weights(sample_weight, len(X))
        return -_inertia(X, W, self.cluster_centers_, _assign(X, self.cluster_centers_))


def history_table(model, step: int = 0, row_names=None, decimals: int = 2, X=None) -> str:
    """Iteration ``step`` (0-based) of a fitted model's ``history_`` as a text table.

    >>> km = KMeans(2, init=[[244], [777]]).fit([636, 473, 487, 576])
    >>> print(history_table(km, 0, row_names="ABCD", decimals=0))
    iteration 1: C1 = (244); C2 = (777)
    obs  d(C1)  d(C2)  cluster  moved
    A      392    141       C2      *
    B      229    304       C1      *
    C      243    290       C1      *
    D      332    201       C2      *
    inertia = 171772
    """
    if not hasattr(model, "history_"):
        raise NotFittedError("This KMeans is not fitted yet; call fit(X) before history_table.")
    step = as_int(step, "step", minimum=-len(model.history_), maximum=len(model.history_) - 1)
    return model.history_[step].table(row_names=row_names, decimals=decimals, X=X)


def within_cluster_variation(X, labels) -> list[float]:
    """W(C_k) for k = 0, 1, ...: ISLR eq. 12.17, (1/|C_k|) sum_{i,i' in C_k} ||x_i - x_i'||^2.

    Computed the fast way, as 2 * sum_{i in C_k} ||x_i - mean_k||^2 (equal to
    the pairwise form).  Clusters without observations get 0.0.

    >>> within_cluster_variation([[0, 0], [2, 0], [10, 10]], [0, 0, 1])
    [4.0, 0.0]
    """
    X = as_matrix(X, "X")
    labs = _rows_list(labels)
    if len(labs) != len(X):
        raise ValueError(f"labels has {len(labs)} entries but X has {len(X)} observations; give one label each.")
    k = max(labs) + 1
    sums, weights = _sums(X, None, labs, k)
    out = []
    for j in range(k):
        if weights[j] == 0:
            out.append(0.0)
            continue
        m = [s / weights[j] for s in sums[j]]
        out.append(2.0 * math.fsum(_dist(x, m) ** 2 for x, a in zip(X, labs) if a == j))
    return out


def _rows_list(labels):
    labs = getattr(labels, "tolist", lambda: labels)()
    try:
        labs = list(labs)
    except TypeError:
        raise TypeError(f"labels must be a list of cluster numbers, got {type(labels).__name__}.") from None
    return [as_int(v, f"labels[{i}]", minimum=0) for i, v in enumerate(labs)]


def elbow(X, ks=range(1, 9), *, init="k-means++", n_init=10, random_state=0, sample_weight=None) -> list:
    """Inertia of the best of ``n_init`` K-means runs for each k in ``ks``.

    >>> [(k, round(w, 1)) for k, w in elbow([[1], [2], [10], [11]], ks=[1, 2])]
    [(1, 82.0), (2, 1.0)]
    """
    out = []
    for k in ks:
        km = KMeans(k, init=init, n_init=n_init, random_state=random_state).fit(X, sample_weight)
        out.append((k, km.inertia_))
    return out
