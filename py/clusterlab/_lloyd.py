"""The K-means core shared by :mod:`clusterlab.kmeans` and :mod:`clusterlab.quantize`.

=====================================  ====================================================
``kmeanspp(X, W, k, rng)``             scikit-learn's greedy k-means++ seeding (indices of X)
``random_init(X, W, k, rng)``          K distinct rows drawn at random, as in the course
``nearest_two(columns)``               nearest centre, its distance and the second nearest's
``lloyd(X, C, means, max_iter, tol)``  Lloyd's loop with Hamerly's bounds -> :class:`LloydResult`
``FloatMeans(X, W)``                   centres as exact (``fsum``) weighted means of float rows
``IntegerMeans(totals, dims)``         centres from exact integer totals (a colour histogram)
``PairwiseLloyd(X, W).run(seeds)``     plain Lloyd's labels for wide data, from row distances
=====================================  ====================================================

Rows are tuples (``math.dist``, the library's Euclidean kernel, copies any
other sequence into a tuple on every call).  Every result is a function of
the data and the seed only: sums are ``math.fsum`` or integers, never the
built-in ``sum`` of floats (which rounds differently from Python 3.12 on),
so CPython 3.11 and Pyodide give the same bits.

>>> X = [(0.0,), (1.0,), (9.0,), (10.0,)]
>>> r = lloyd(X, [(0.0,), (1.0,)], FloatMeans(X, None), max_iter=10, tol=0.0)
>>> r.labels, r.centres, r.inertia, r.n_iter
([0, 0, 1, 1], [(0.5,), (9.5,)], 1.0, 3)
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import itemgetter, mul, ne, sub, truediv

_dist = math.dist
_fsum = math.fsum


@dataclass
class LloydResult:
    """One run of Lloyd's algorithm.

    ``labels`` (nearest centre of every point, unless ``final=False`` and
    the run stopped on ``tol`` or ``max_iter``), ``centres`` (tuples),
    ``inertia`` (weighted sum of squared distances to the centres, or None
    when not asked for), ``n_iter`` (assignments made, counted as
    scikit-learn does).
    """

    labels: list
    centres: list
    inertia: float | None
    n_iter: int


# ---------------------------------------------------------------- seeding


def weighted_index(rng, cumulative):
    """Index drawn with probability proportional to the increments of ``cumulative``."""
    r = rng.random() * cumulative[-1]
    return min(bisect_right(cumulative, r), len(cumulative) - 1)


def random_init(X, W, k, rng):
    """Indices of K distinct observations drawn at random (with probability ~ weight)."""
    n = len(X)
    if W is None:
        return rng.sample(range(n), k)
    idx = list(range(n))
    w = list(W)
    chosen = []
    for _ in range(k):
        cum = list(accumulate(w))
        if cum[-1] <= 0.0:  # only zero-weight observations are left
            pos = rng.randrange(len(idx))
        else:
            pos = weighted_index(rng, cum)
        chosen.append(idx.pop(pos))
        w.pop(pos)
    return chosen


def kmeanspp(X, W, k, rng, squared_row=None):
    """Indices of ``k`` seeds: scikit-learn's greedy k-means++ (2 + int(ln k) candidates per seed).

    ``W`` are weights (None: all 1).  ``squared_row(i)`` gives the squared
    distances from ``X[i]`` to every row (default: computed with
    ``math.dist``); callers that keep a distance matrix pass its rows.
    """
    n = len(X)
    if squared_row is None:
        def squared_row(i):
            return [d * d for d in map(_dist, X, repeat(X[i], n))]
    w = W if W is not None else [1.0] * n
    trials = 2 + int(math.log(k))
    first = weighted_index(rng, list(accumulate(w)))
    seeds = [first]
    closest = squared_row(first)
    for _ in range(1, k):
        cum = list(accumulate([a * b for a, b in zip(w, closest)]))
        if cum[-1] <= 0.0:  # every point sits on a seed
            candidates = [rng.randrange(n) for _ in range(trials)]
        else:
            candidates = [weighted_index(rng, cum) for _ in range(trials)]
        best = None
        for c in candidates:
            dc = [a if a < b else b for a, b in zip(closest, squared_row(c))]  # min() calls cost more
            potential = _fsum([a * b for a, b in zip(w, dc)])
            if best is None or potential < best[0]:
                best = (potential, c, dc)
        closest = best[2]
        seeds.append(best[1])
    return seeds


# ---------------------------------------------------------------- assignment


def distance_columns(X, C):
    """For every centre, the distances of all rows to it (lazy ``map`` objects)."""
    n = len(X)
    return [map(_dist, X, repeat(c, n)) for c in C]


def nearest_two(columns):
    """(labels, nearest distances, second-nearest distances) from ``columns[j]`` =
    the distances of every point to centre j.  Ties go to the lowest index; with
    one centre the second distance is inf (it is Hamerly's lower bound).

    >>> nearest_two([[1.0, 5.0], [2.0, 3.0], [1.0, 9.0]])
    ([0, 1], [1.0, 3.0], [1.0, 5.0])
    """
    if len(columns) == 1:
        d = list(columns[0])
        return [0] * len(d), d, [math.inf] * len(d)
    rows = list(zip(*columns))
    d1 = list(map(min, rows))
    return list(map(tuple.index, rows, d1)), d1, list(map(itemgetter(1), map(sorted, rows)))


def margin(X, C):
    """A distance far above rounding error, used to make Hamerly's pruning exact.

    No distance between the rows, the centres ``C`` and the means of rows
    exceeds twice the largest distance from ``X[0]``; 1e-9 of that is
    far above the rounding error of a distance or a sum of two.
    """
    return 2e-9 * max(map(_dist, repeat(X[0]), [*X, *C]))


def inertia(X, W, C, labels):
    """Weighted sum of squared distances of the rows to their centres (``math.fsum``)."""
    d = list(map(_dist, X, map(C.__getitem__, labels)))
    if W is not None:
        return _fsum(map(mul, map(mul, W, d), d))
    return _fsum(map(mul, d, d))


# ---------------------------------------------------------------- centres


class FloatMeans:
    """Centres as weighted means of float rows, each coordinate summed with ``math.fsum``.

    A cluster's mean is recomputed only when its members changed, so it is
    always the exact function of its members that plain Lloyd computes.
    """

    def __init__(self, X, W):
        self.X, self.weights = X, W
        self._dirty = set()
        self._sums = []  # per cluster: (column sums, weight), or None when it weighs nothing

    def start(self, labels, k):
        self.labels = labels  # the loop's list, updated in place
        self._dirty = set(range(k))
        self._stale = set()
        self._sums = [None] * k

    def move(self, i, a, b):
        self._dirty.update((a, b))

    def relocate(self, i, a, j):
        """Point i leaves cluster a for the empty cluster j (see :func:`lloyd`).

        As in scikit-learn, a's sums lose the point by subtraction; both
        clusters are summed afresh at the next update.
        """
        w = self.weight(i)
        x = self.X[i]
        sums, total = self._sums[a]
        self._sums[a] = (tuple(map(sub, sums, map(mul, repeat(w), x))), total - w)
        self._sums[j] = (tuple(map(mul, repeat(w), x)), w)
        self._stale.update((a, j))

    def centres(self, old):
        """The new centres (a cluster without weight keeps its old centre) and the empty clusters."""
        if self._dirty:
            groups = {j: [] for j in self._dirty}
            for i, a in enumerate(self.labels):
                g = groups.get(a)
                if g is not None:
                    g.append(i)
            for j, members in groups.items():
                self._sums[j] = self.sums(members)
        self._dirty, self._stale = self._stale, set()
        new = [tuple(map(truediv, s[0], repeat(s[1]))) if s and s[1] > 0.0 else c
               for s, c in zip(self._sums, old)]
        return new, [j for j, s in enumerate(self._sums) if not s or s[1] <= 0.0]

    def sums(self, members):
        """(the weighted column sums of the rows ``members``, their weight), or None if they weigh nothing."""
        if not members:
            return None
        columns = zip(*map(self.X.__getitem__, members))
        if self.weights is None:
            return tuple(map(_fsum, columns)), float(len(members))
        w = list(map(self.weights.__getitem__, members))
        total = _fsum(w)
        if total <= 0.0:
            return None
        return tuple(map(_fsum, map(map, repeat(mul), columns, repeat(w)))), total

    def mean(self, members):
        """The weighted mean of the rows ``members`` (a tuple), or None if they weigh nothing."""
        s = self.sums(members)
        return None if s is None else tuple(map(truediv, s[0], repeat(s[1])))

    def weight(self, i):
        return 1.0 if self.weights is None else self.weights[i]


class IntegerMeans:
    """Centres of points given by exact integer totals ``[count, sum x1, sum x2, ...]``.

    Every point is the mean of its totals, weighted by its count; a
    cluster's totals are updated by integer addition for each point that
    moves, so the centres are exact means at the cost of a few additions.
    """

    def __init__(self, totals, dims):
        self.totals = [t[: dims + 1] for t in totals]
        self.weights = [t[0] for t in totals]
        self.X = [tuple(v / t[0] for v in t[1:]) for t in self.totals]

    def start(self, labels, k):
        width = len(self.totals[0])
        self.tot = tot = [[0] * width for _ in range(k)]
        for t, a in zip(self.totals, labels):
            ta = tot[a]
            for f, v in enumerate(t):
                ta[f] += v

    def move(self, i, a, b):
        t, ta, tb = self.totals[i], self.tot[a], self.tot[b]
        for f, v in enumerate(t):
            ta[f] -= v
            tb[f] += v

    relocate = move  # integer sums: exact either way

    def centres(self, old):
        new = [tuple(v / t[0] for v in t[1:]) if t[0] else c for t, c in zip(self.tot, old)]
        return new, [j for j, t in enumerate(self.tot) if not t[0]]

    def weight(self, i):
        return self.weights[i]


# ---------------------------------------------------------------- Lloyd's loop


def lloyd(X, C, means, max_iter, tol, *, eps=None, pruned=True, final=True, with_inertia=True,
          first_columns=None, assignments=None, on_step=None):
    """Lloyd's algorithm from centres ``C``: assign, update, check; returns :class:`LloydResult`.

    ``means`` (:class:`FloatMeans` or :class:`IntegerMeans`) turns labels into
    centres.  Stops when no point changes cluster, when the squared centre
    shifts sum to at most ``tol`` (absolute), or after ``max_iter``
    assignments; in the last two cases the labels come from one
    more assignment (unless ``final=False``).

    ``pruned=True`` uses Hamerly's bounds: a point is compared with the
    centres only when its centre may have changed.  A point is skipped only
    when its centre is nearer than every other by the safety margin ``eps``
    (default :func:`margin`), so the labels are exactly those of plain Lloyd
    (``pruned=False``, kept as the reference the tests compare against).

    Empty clusters are handled as in scikit-learn: such a centre moves onto
    the point farthest from its own centre (the farthest first; ties go to
    the lowest index), which then leaves its old cluster.

    ``first_columns``: the distances of the points to ``C`` when the caller
    already has them; ``assignments``: the labels of every assignment after
    the first, when a :class:`PairwiseLloyd` run already found them (the
    loop then only updates, records and checks).  ``on_step(it, C, labels,
    changed)`` is called after every assignment (for ``KMeans.history_``).
    """
    n, k = len(X), len(C)
    W = means.weights
    if eps is None:
        eps = margin(X, C)
    labels, upper, lower = nearest_two(first_columns or distance_columns(X, C))
    means.start(labels, k)
    assigned = [-1] * n  # labels of the previous assignment
    strict = False
    it = 0
    for it in range(max_iter):
        if it and k > 1:  # assign (the first assignment is made above; one centre takes all)
            if pruned and assignments is None:
                _reassign(X, C, labels, upper, lower, means, eps)
            else:
                new = assignments[it] if assignments else nearest_two(distance_columns(X, C))[0]
                for i in compress(range(n), map(ne, new, labels)):
                    means.move(i, labels[i], new[i])
                labels[:] = new
        same = labels == assigned
        if on_step is not None:
            on_step(it, C, labels, [i for i in range(n) if labels[i] != assigned[i]])
        assigned = list(labels)
        # update
        new_C, empty = means.centres(C)
        if empty and _fill_empty(X, C, labels, upper, lower, means, empty):
            new_C = means.centres(C)[0]
        shifts = list(map(_dist, C, new_C))
        C = new_C
        # check whether anything changed
        if same:  # the labels of this assignment (not those an empty cluster took)
            strict = True
            labels = assigned
            break
        if _fsum(map(mul, shifts, shifts)) <= tol:
            break
        if pruned and k > 1:  # Hamerly: bounds follow the centres
            top = sorted(range(k), key=shifts.__getitem__, reverse=True)
            other = [shifts[top[1]] if j == top[0] else shifts[top[0]] for j in range(k)]
            upper = [u + shifts[a] for u, a in zip(upper, labels)]
            lower = [lo - other[a] for lo, a in zip(lower, labels)]
    if not strict and final:  # stopped by tol or max_iter: labels may be stale
        labels = assignments[-1] if assignments else nearest_two(distance_columns(X, C))[0]
    return LloydResult(labels, C, inertia(X, W, C, labels) if with_inertia else None, it + 1)


def _reassign(X, C, labels, upper, lower, means, eps):
    """Hamerly's assignment step: only points whose bounds overlap are compared with the centres."""
    k = len(C)
    half = [0.5 * min(_dist(c, c2) for j2, c2 in enumerate(C) if j2 != j) for j, c in enumerate(C)]
    # comprehensions (not map chains of operator functions) run these loops fastest, in Pyodide by 2x
    maybe = [i for i, u, a, lo in zip(range(len(X)), upper, labels, lower)
             if u + eps >= (half[a] if half[a] > lo else lo)]  # max() costs more
    for i in maybe:
        a = labels[i]
        x = X[i]
        u = upper[i] = _dist(x, C[a])
        h, lo = half[a], lower[i]
        if u + eps < (h if h > lo else lo):
            continue
        ds = list(map(_dist, C, repeat(x, k)))
        m = min(ds)
        b = ds.index(m)
        upper[i] = m
        ds[b] = math.inf
        lower[i] = min(ds)
        if b != a:
            labels[i] = b
            means.move(i, a, b)


#: Rounding scale of a mean, relative to its length (see :func:`_fill_empty`).
_ON_CENTRE = 1e-12


def _fill_empty(X, C, labels, upper, lower, means, empty):
    """Move every empty cluster's centre onto the point farthest from its own centre;
    False if every point sits on its centre (the empty centres then stay).

    A point sits on its centre when it is nearer than ``_ON_CENTRE`` times the
    centre's length: the mean of equal points can round a few units of the
    last place away from them, and moving an empty centre onto such a point
    only swaps the two clusters' names at every step, until ``max_iter``.
    """
    far = list(map(_dist, X, map(C.__getitem__, labels)))
    near = [_ON_CENTRE * math.hypot(*c) for c in C]
    order = sorted(range(len(X)), key=lambda i: -far[i])
    order = [i for i in order if far[i] > near[labels[i]] and means.weight(i) > 0.0]
    for j, i in zip(empty, order):
        means.relocate(i, labels[i], j)
        labels[i] = j
        upper[i] = lower[i] = 0.0
    return bool(order)


# ---------------------------------------------------------------- wide data

#: ``PairwiseLloyd`` keeps two n x n matrices; beyond this many rows it is not used.
PAIRWISE_MAX_ROWS = 512


def pairwise_pays(n, p, n_starts):
    """Whether :class:`PairwiseLloyd` is worth its n^2/2 distances: wide data (more
    features than rows), several starts from observations, and n small enough."""
    return n_starts > 1 and p >= n and n <= PAIRWISE_MAX_ROWS


@dataclass
class PairwiseRun:
    """A run of :class:`PairwiseLloyd`: final ``labels``, ``centre_labels`` (the
    clusters whose means are the final centres), ``n_iter``, ``inertia`` (to
    within ``PairwiseLloyd.inertia_margin``) and ``assignments`` (the labels of
    every assignment, for :func:`lloyd` to replay the run)."""

    labels: list
    centre_labels: list
    n_iter: int
    inertia: float
    assignments: list


class PairwiseLloyd:
    """Lloyd's algorithm on wide data without computing a centre.

    The squared distance from row i to the weighted mean of the rows S
    (weight W) follows from the squared distances D2 between rows:

        d2(i, S) = A(i, S) / W - Q(S),   A(i, S) = sum over j in S of w_j D2[i][j],
        Q(S) = sum over j in S of w_j A(j, S) / (2 W^2)

    (Q is half the mean squared distance within S), so once the n x n
    distances are known every step costs O(n^2) and nothing per feature.  The seeds are rows, so k-means++ and the first assignment
    also come from the matrix.

    The results are those of plain Lloyd (:func:`lloyd`) or none: a label is
    taken only when its centre is nearer than the second by ``2 * margin``
    (a bound far above the rounding error of either computation), and a run
    that meets a near tie, an empty cluster or a shift within the margin of
    ``tol`` returns None, for the caller to run :func:`lloyd` instead.
    """

    def __init__(self, X, W):
        n = len(X)
        self.weights = W
        self.D = D = [[0.0] * n for _ in range(n)]
        for i, x in enumerate(X):
            row = D[i]
            for j, d in enumerate(map(_dist, repeat(x, n - i - 1), X[i + 1:]), i + 1):
                row[j] = D[j][i] = d
        self.D2 = [list(map(mul, r, r)) for r in D]
        largest = max(map(max, self.D2))
        radius = max(map(_dist, X, repeat((0.0,) * len(X[0]), n)))
        # rounding in the centres and in the sums: some 1e-16 of these; 1e-9 is safe
        self.margin = 1e-9 * (largest + math.sqrt(largest) * radius) + 1e-300
        self.inertia_margin = 2.0 * self.margin * (n if W is None else _fsum(W))

    def squared_row(self, i):
        return self.D2[i]

    def _cluster(self, members):
        """(members, weight W, column d2(i, S) for every row i, Q) of the cluster ``members``,
        or None if it weighs nothing."""
        W = self.weights
        get = itemgetter(*members) if len(members) > 1 else (lambda r, j=members[0]: (r[j],))
        if W is None:
            total = float(len(members))
            A = list(map(_fsum, map(get, self.D2)))
            mean_a = _fsum(get(A)) / total
        else:
            w = get(W)
            total = _fsum(w)
            if total <= 0.0:
                return None  # weighs nothing: an empty cluster
            A = [_fsum(map(mul, get(r), w)) for r in self.D2]
            mean_a = _fsum(map(mul, get(A), w)) / total
        q = mean_a / (2.0 * total)
        return members, total, [a / total - q for a in A], q

    def _assign(self, clusters):
        """Labels from the clusters' columns, or None at a near tie."""
        labels, d1, d2 = nearest_two([c[2] for c in clusters])
        if len(clusters) > 1 and min(map(sub, d2, d1)) <= 2.0 * self.margin:
            return None
        return labels

    def run(self, seeds, max_iter, tol):
        """Lloyd from the rows ``seeds``; a :class:`PairwiseRun`, or None (see the class)."""
        k = len(seeds)
        labels = nearest_two([self.D[s] for s in seeds])[0]
        assignments = [labels]
        clusters = [None] * k  # per cluster: (members, weight, column, Q)
        assigned = [-1] * len(labels)
        centre_labels = labels
        strict = False
        it = 0
        for it in range(max_iter):
            if it and k > 1:
                labels = self._assign(clusters)
                if labels is None:
                    return None
                assignments.append(labels)
            same = labels == assigned
            assigned = labels
            groups = [[] for _ in range(k)]
            for i, a in enumerate(labels):
                groups[a].append(i)
            if not all(groups):
                return None  # an empty cluster: leave it to lloyd
            shifts = []
            for j, members in enumerate(groups):
                old = clusters[j]
                if old is not None and old[0] == members:
                    shifts.append(0.0)
                    continue
                clusters[j] = new = self._cluster(members)
                if new is None:
                    return None
                if old is None:  # from the seed row to the mean
                    shifts.append(new[2][seeds[j]])
                else:  # between the old and the new mean
                    shifts.append(self._mean_over(new[2], old[0]) - old[3])
            centre_labels = labels
            if same:
                strict = True
                break
            total = _fsum(shifts)
            if abs(total - tol) <= k * self.margin:
                return None
            if total <= tol:
                break
        if not strict:
            labels = self._assign(clusters) if k > 1 else labels
            if labels is None:
                return None
            assignments.append(labels)
        d2 = [clusters[a][2][i] for i, a in enumerate(labels)]
        W = self.weights
        inertia = _fsum(d2) if W is None else _fsum(map(mul, W, d2))
        return PairwiseRun(labels, centre_labels, it + 1, inertia, assignments)

    def _mean_over(self, column, members):
        W = self.weights
        get = itemgetter(*members) if len(members) > 1 else (lambda r, j=members[0]: (r[j],))
        if W is None:
            return _fsum(get(column)) / len(members)
        w = get(W)
        return _fsum(map(mul, get(column), w)) / _fsum(w)
