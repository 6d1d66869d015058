"""Hierarchical (agglomerative) clustering with scipy's output conventions.

===============================  =============================================
``merge_steps(y, method)``       each merge with the updated distance matrix
``linkage(y, method, metric)``   the merge tree Z, row for row as scipy's
``fcluster(Z, t, criterion)``    flat cluster labels 1..k (scipy's numbering)
``inconsistent(Z, d)``           scipy's inconsistency statistics of each merge
``cut_tree(Z, n_clusters)``      flat cluster labels 0..k-1 (scipy's numbering)
``leaves_list(Z)``               observation ids in dendrogram order
``dendrogram(Z, labels)``        coordinates of a dendrogram (scipy's dict)
``LANCE_WILLIAMS``               the linkage methods: one row each
===============================  =============================================

``Z`` is a list of rows ``[id1, id2, height, size]``: row ``i`` merges
clusters ``id1 < id2`` into the new cluster ``n + i`` of ``size``
observations at distance ``height``; ids ``0 .. n-1`` are the observations.
Ids and sizes are ``int``, heights are ``float``.

The module reads in the lecture's order: (1) the distance matrix, (2) how
the distances to a merged cluster follow from the old ones (the
Lance-Williams table), (3) the algorithm step by step, (4) the same, fast,
(5) cutting the tree into flat clusters, (6) drawing it.  The fast
algorithms themselves live in :mod:`clusterlab._hierarchy_algorithms`.

The lecture's five points a-e:

>>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
>>> for row in linkage(X, "single"):
...     print(row[0], row[1], round(row[2], 3), row[3])
0 1 1.0 2
3 4 2.0 2
2 6 2.236 3
5 7 4.472 5
>>> fcluster(linkage(X, "single"), 2, criterion="maxclust")
[1, 1, 2, 2, 2]
"""

from __future__ import annotations

import math
import numbers
import warnings
from bisect import bisect_left
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple

from . import _hierarchy_algorithms as algorithms
from ._language import decimals as in_decimals
from ._language import say, say_count
from ._text import text_table
from ._validate import as_int, as_list, as_matrix, as_number, choice, not_offered, public_names
from .distance import condensed_size, get_kernel
from .exceptions import ClusterWarning

__all__ = [
    "LANCE_WILLIAMS",
    "METHODS",
    "MAX_STEPS_N",
    "ClusterWarning",
    "LinkageMethod",
    "MergeStep",
    "cut_tree",
    "dendrogram",
    "fcluster",
    "inconsistent",
    "lance_williams",
    "leaves_list",
    "linkage",
    "merge_steps",
]

MAX_STEPS_N = 30  # merge_steps prints matrices; larger n is unreadable and O(n^3)
_INF = math.inf
_COLORS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9")


# ------------------------------------------------ 1. the distance matrix ----


def _is_flat(items) -> bool:
    """True if ``items`` is a flat sequence of numbers (a condensed distance list)."""
    return all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in items)


def _warn_if_distance_matrix(rows, name):
    """Warn when observations look like a square distance matrix passed by mistake."""
    n = len(rows)
    if len(rows[0]) != n:
        return
    for i, row in enumerate(rows):
        if row[i] != 0.0 or min(row) < 0.0 or any(row[j] != rows[j][i] for j in range(i)):
            return
    warnings.warn(
        say("warning.distance_matrix", name=name),
        ClusterWarning,
        stacklevel=4,
    )


def _read_input(y, method, metric, name="y"):
    """Validate ``y``: ("condensed", flat list) or ("rows", observations)."""
    if not isinstance(method, str):
        raise TypeError(say("error.method_type", method=method))
    choice(method, "method", list(LANCE_WILLIAMS))
    get_kernel(metric)  # validates the metric name even for condensed input
    items = as_list(y)
    if items is None:
        raise TypeError(say("error.linkage_input", name=name, kind=type(y).__name__))
    if not items:
        raise ValueError(say("error.linkage_empty", name=name))
    if _is_flat(items):
        # 1-D input is a condensed distance list, as in scipy (the metric is not used).
        flat = [as_number(v, f"{name}[{i}]") for i, v in enumerate(items)]
        condensed_size(len(flat))  # checks the length
        for i, d in enumerate(flat):
            if d < 0:
                raise ValueError(say("error.negative_distance", name=name, i=i, d=d))
        return "condensed", flat
    rows = as_matrix(items, name, min_rows=2)
    if LANCE_WILLIAMS[method].euclidean_only and metric != "euclidean":
        raise ValueError(say("error.euclidean_only", method=method, metric=metric))
    _warn_if_distance_matrix(rows, name)
    return "rows", rows


def _matrix(kind, items, metric):
    """The n x n distance matrix (``inf`` on the diagonal) of :func:`_read_input`'s answer."""
    if kind == "condensed":
        return algorithms.matrix_from_condensed(items, condensed_size(len(items)))
    return algorithms.matrix_from_rows(items, metric)


# --------------------------------------- 2. the Lance-Williams update ----
#
# When clusters i and j merge, the distance from any other cluster k to the
# union follows from the old distances alone (Lance and Williams, 1967):
#
#   d(k, i+j) = alpha_i d(k,i) + alpha_j d(k,j) + beta d(i,j) + gamma |d(k,i) - d(k,j)|
#
# The coefficients depend on the cluster sizes n_i, n_j, n_k; for centroid,
# median and Ward the d's are squared Euclidean distances.  Each method is
# one row of LANCE_WILLIAMS.  A row may name a fast ``update`` that computes
# the same formula for a whole row of the matrix at once, in scipy's order of
# operations (so that Z equals scipy's bit for bit); without one, the
# coefficients are used directly by :func:`lance_williams`.
#
# Adding a method is one row here (the fast ``update`` is optional) and its
# test in tests/test_hierarchy.py; linkage, merge_steps, the input checks and
# the choice of algorithm (the ``reducible`` flag) all read this table.


class LinkageMethod(NamedTuple):
    """One row of the Lance-Williams table."""

    #: (n_i, n_j, n_k) -> (alpha_i, alpha_j, beta, gamma)
    coefficients: Callable
    #: the formula holds for squared Euclidean distances only
    euclidean_only: bool
    #: a merged cluster is never nearer to another than the nearer of its two parts,
    #: so the nearest-neighbour chain finds the same merges
    reducible: bool
    #: optional fast form: (Dx, Dy, d_xy, n_x, n_y, sizes) -> the new row
    update: Callable | None = None


def _single(Dx, Dy, dxy, nx, ny, sizes):
    return [a if a < b else b for a, b in zip(Dx, Dy)]


def _complete(Dx, Dy, dxy, nx, ny, sizes):
    return [a if a > b else b for a, b in zip(Dx, Dy)]


def _average(Dx, Dy, dxy, nx, ny, sizes):
    fx, fy = float(nx), float(ny)  # int * float is the same double, but slower per element
    s = fx + fy
    return [(fx * a + fy * b) / s for a, b in zip(Dx, Dy)]


def _weighted(Dx, Dy, dxy, nx, ny, sizes):
    return [0.5 * (a + b) for a, b in zip(Dx, Dy)]


# centroid, median, ward: scipy keeps unsquared distances and squares inside;
# a negative radicand (non-Euclidean input) gives 0 where scipy gives NaN.


def _centroid(Dx, Dy, dxy, nx, ny, sizes):
    sqrt = math.sqrt
    fx, fy = float(nx), float(ny)
    s = fx + fy
    c = nx * ny * dxy * dxy / s
    return [sqrt(v) if (v := ((fx * a * a + fy * b * b) - c) / s) > 0 else 0.0
            for a, b in zip(Dx, Dy)]


def _median(Dx, Dy, dxy, nx, ny, sizes):
    sqrt = math.sqrt
    c = 0.25 * dxy * dxy
    return [sqrt(v) if (v := 0.5 * (a * a + b * b) - c) > 0 else 0.0 for a, b in zip(Dx, Dy)]


def _ward(Dx, Dy, dxy, nx, ny, sizes):
    sqrt = math.sqrt
    nxy = nx + ny
    coef = {}  # per cluster size: the three coefficients, rounded as scipy rounds them
    for nk in set(sizes):
        t = 1.0 / (nxy + nk)
        coef[nk] = ((nk + nx) * t, (nk + ny) * t, nk * t * dxy * dxy)
    return [sqrt(v) if (v := ca * a * a + cb * b * b - cc) > 0 else 0.0
            for a, b, (ca, cb, cc) in zip(Dx, Dy, map(coef.__getitem__, sizes))]


# fmt: off
LANCE_WILLIAMS = {
    #            (alpha_i, alpha_j, beta, gamma) of sizes i, j (merged) and k
    "single":   LinkageMethod(lambda i, j, k: (0.5, 0.5, 0.0, -0.5),
                              euclidean_only=False, reducible=True, update=_single),
    "complete": LinkageMethod(lambda i, j, k: (0.5, 0.5, 0.0, 0.5),
                              euclidean_only=False, reducible=True, update=_complete),
    "average":  LinkageMethod(lambda i, j, k: (i / (i + j), j / (i + j), 0.0, 0.0),
                              euclidean_only=False, reducible=True, update=_average),
    "weighted": LinkageMethod(lambda i, j, k: (0.5, 0.5, 0.0, 0.0),
                              euclidean_only=False, reducible=True, update=_weighted),
    "centroid": LinkageMethod(lambda i, j, k: (i / (i + j), j / (i + j), -i * j / (i + j) ** 2, 0.0),
                              euclidean_only=True, reducible=False, update=_centroid),
    "median":   LinkageMethod(lambda i, j, k: (0.5, 0.5, -0.25, 0.0),
                              euclidean_only=True, reducible=False, update=_median),
    "ward":     LinkageMethod(lambda i, j, k: ((i + k) / (i + j + k), (j + k) / (i + j + k),
                                               -k / (i + j + k), 0.0),
                              euclidean_only=True, reducible=True, update=_ward),
}
# fmt: on
METHODS = tuple(LANCE_WILLIAMS)


def lance_williams(method, Dx, Dy, dxy, nx, ny, sizes):
    """The Lance-Williams formula of ``method``, read from its coefficients.

    ``Dx`` and ``Dy`` are the distances of every cluster to clusters x and y
    (sizes ``nx``, ``ny``; ``sizes`` those of every cluster), ``dxy`` the
    distance between x and y.  Returns the distances to the merged cluster;
    ``inf`` (the diagonal, removed clusters) stays ``inf``.  This is the
    textbook form, one element at a time; ``linkage`` uses the row's fast
    ``update`` when it has one, which gives the same numbers up to rounding.

    >>> lance_williams("complete", [0.0, 2.0, 5.0], [2.0, 0.0, 3.0], 2.0, 1, 1, [1, 1, 1])[2]
    5.0
    >>> lance_williams("average", [0.0, 2.0, 5.0], [2.0, 0.0, 3.0], 2.0, 1, 1, [1, 1, 1])[2]
    4.0
    """
    row = LANCE_WILLIAMS[method]
    square = row.euclidean_only
    dij = dxy * dxy if square else dxy
    out = []
    for a, b, nk in zip(Dx, Dy, sizes):
        if a == _INF or b == _INF:
            out.append(_INF)
            continue
        if square:
            a, b = a * a, b * b
        alpha_i, alpha_j, beta, gamma = row.coefficients(nx, ny, nk)
        d = alpha_i * a + alpha_j * b + beta * dij + gamma * abs(a - b)
        out.append((math.sqrt(d) if d > 0 else 0.0) if square else d)
    return out


def _update_of(method):
    """The function that computes the new row after a merge, for ``method``."""
    return LANCE_WILLIAMS[method].update or partial(lance_williams, method)


# --------------------------------------------------- 3. step by step ----


@dataclass
class MergeStep:
    """One merge of :func:`merge_steps` and the distance matrix after it."""

    step: int                     #: 1, 2, ..., n-1
    merged: tuple                 #: names of the two clusters joined, e.g. ('c', '{d,e}')
    name: str                     #: name of the new cluster, e.g. '{c,d,e}'
    members: list                 #: labels in the new cluster, in input order
    height: float                 #: distance at which they merge
    names: list = field(default_factory=list)    #: cluster names after the merge
    matrix: list = field(default_factory=list)   #: distances between those clusters

    def to_text(self, decimals: int = 1) -> str:
        """The merge and the matrix as a small table rounded to ``decimals``."""
        decimals = as_int(decimals, "decimals", minimum=0, maximum=15)
        head = say("steps.merge", step=self.step, left=self.merged[0], right=self.merged[1],
                   height=in_decimals(self.height, max(decimals, 3)), name=self.name)
        rows = [[nm, *(in_decimals(v, decimals) for v in row)] for nm, row in zip(self.names, self.matrix)]
        width = max(len(c) for row in rows for c in row)
        return head + "\n" + text_table(["", *self.names], rows, width=width)

    def __str__(self) -> str:
        return self.to_text()


def merge_steps(y, method="single", metric="euclidean", labels=None):
    """Every merge with the updated cluster-distance matrix, for up to 30 observations.

    Same input as :func:`linkage`; the merges agree with it (for ties the
    first pair in matrix order is merged).  Clusters are named by their
    labels (default ``a``, ``b``, ... for up to 26 observations, else
    ``0``, ``1``, ...), e.g. ``{a,b}``; the new cluster takes the place of the
    first of the two.  Returns a list of :class:`MergeStep`.

    >>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
    >>> print(merge_steps(X, "single")[0])
    step 1: merge a and b at 1.000 -> {a,b}
           {a,b}      c      d      e
    {a,b}    0.0    4.5    7.8    6.7
    c        4.5    0.0    3.6    2.2
    d        7.8    3.6    0.0    2.0
    e        6.7    2.2    2.0    0.0
    """
    D = _matrix(*_read_input(y, method, metric), metric).rows()  # rows, for the deletions below
    n = len(D)
    if n > MAX_STEPS_N:
        raise ValueError(say("error.merge_steps_size", limit=MAX_STEPS_N, n=n))
    if labels is None:
        labels = [chr(97 + i) for i in range(n)] if n <= 26 else [str(i) for i in range(n)]
    else:
        items = as_list(labels)
        if items is None or len(items) != n:
            raise ValueError(say("error.merge_labels", n=n))
        labels = [str(v) for v in items]
        if len(set(labels)) != n:
            raise ValueError(say("error.merge_labels_distinct"))
    update = _update_of(method)
    names = list(labels)
    members = [[i] for i in range(n)]
    size = [1] * n
    steps = []
    for k in range(1, n):
        h, i, j = min((D[i][j], i, j) for i in range(len(D)) for j in range(i + 1, len(D)))
        new = update(D[i], D[j], h, size[i], size[j], size)
        new_members = sorted(members[i] + members[j])
        new_name = "{" + ",".join(labels[m] for m in new_members) + "}"
        merged = (names[i], names[j])
        size[i] += size[j]
        members[i] = new_members
        names[i] = new_name
        D[i] = new
        for r, row in enumerate(D):
            row[i] = new[r]
        for lst in (D, size, members, names):
            del lst[j]
        for row in D:
            del row[j]
        D[i][i] = _INF
        matrix = [[0.0 if a == b else D[a][b] for b in range(len(D))] for a in range(len(D))]
        steps.append(MergeStep(k, merged, new_name, [labels[m] for m in new_members], h,
                               list(names), matrix))
    return steps


# ----------------------------------------------------------- 4. linkage ----


def linkage(y, method="single", metric="euclidean", optimal_ordering=False):
    """Agglomerative clustering; the merge tree Z exactly as scipy's ``linkage``.

    ``y`` is either observations (n rows of numbers) or, like scipy, a flat
    condensed distance list such as :func:`clusterlab.distance.pdist` returns
    (then ``metric`` is not used, and centroid/median/ward take the distances
    to be Euclidean).  ``method`` is one of :data:`METHODS`; ``metric`` a name
    from :data:`clusterlab.distance.KERNELS` or a function ``f(u, v)``.
    Returns Z as rows ``[id1, id2, height, size]`` (ints, float, int).
    A square matrix with zeros on its diagonal gives a :class:`ClusterWarning`:
    it is read as observations, though it is probably a distance matrix.

    >>> linkage([[0, 0], [0, 1], [5, 5]], "complete")
    [[0, 1, 1.0, 2], [2, 3, 7.0710678118654755, 3]]
    >>> linkage([1.0, 5.0, 4.0])          # condensed d(0,1), d(0,2), d(1,2)
    [[0, 1, 1.0, 2], [2, 3, 4.0, 3]]

    scipy's ``optimal_ordering=True`` (reordering the leaves) is refused.
    """
    not_offered("linkage", say("error.hint_optimal_ordering"), optimal_ordering=(optimal_ordering, False))
    kind, items = _read_input(y, method, metric)
    if method == "single":  # single linkage is the minimum spanning tree
        if kind == "rows" and not callable(metric):
            return algorithms.mst_single_from_rows(items, metric)  # no matrix needed
        return algorithms.mst_single(_matrix(kind, items, metric))
    M = _matrix(kind, items, metric)
    if LANCE_WILLIAMS[method].reducible:
        return algorithms.nn_chain(M, _update_of(method))
    return algorithms.generic(M, _update_of(method))


# ---------------------------------------------------------- 5. cutting ----


def _check_linkage(Z, name="Z"):
    """Validate a linkage matrix; return (n, left ids, right ids, heights, sizes)."""
    rows = as_matrix(Z, name)
    if len(rows[0]) != 4:
        raise ValueError(say("error.linkage_columns", name=name, got=len(rows[0])))
    n = len(rows) + 1
    used = bytearray(2 * n - 1)
    left, right, heights, sizes = [], [], [], []
    count = [1] * n
    for i, (a, b, h, s) in enumerate(rows):
        for v in (a, b):
            if not v.is_integer() or v < 0 or v >= n + i:
                raise ValueError(say("error.linkage_id", name=name, i=i, v=v, last=n + i - 1))
            if used[int(v)]:
                raise ValueError(say("error.linkage_reused", name=name, i=i, v=int(v)))
            used[int(v)] = 1
        if h < 0:
            raise ValueError(say("error.linkage_negative", name=name, i=i, h=h))
        a, b = int(a), int(b)
        size = count[a] + count[b]
        if s != size:
            raise ValueError(say("error.linkage_size", name=name, i=i, s=s, a=a, b=b, size=size))
        count.append(size)
        left.append(a)
        right.append(b)
        heights.append(h)
        sizes.append(size)
    return n, left, right, heights, sizes



def inconsistent(Z, d=2):
    """Inconsistency statistics of every merge, row for row as scipy's ``inconsistent``.

    Row ``i`` is ``[mean, std, count, coefficient]`` of the heights of merge
    ``i`` and the merges up to ``d`` levels below it (``d=2``: itself and its
    two sub-merges); the coefficient is ``(height - mean) / std``, 0 where
    ``std`` is 0.  A merge much higher than those below it is "inconsistent":
    a natural place to cut.

    >>> Z = linkage([[0], [1], [5], [6], [20]], "single")
    >>> [round(c, 3) for *_, c in inconsistent(Z)]
    [0.0, 0.0, 1.155, 0.707]
    """
    n, left, right, heights, _ = _check_linkage(Z)
    d = as_int(d, "d", minimum=0)
    return [_inconsistency(n, left, right, heights, i, d) for i in range(n - 1)]


def _inconsistency(n, left, right, heights, i, d):
    """One row of :func:`inconsistent`, summed in scipy's order (post-order, so the floats agree)."""
    count, total, squares = 0, 0.0, 0.0
    stack = [(i, 1, False)]
    while stack:
        row, level, expanded = stack.pop()
        if expanded or level >= d:
            h = heights[row]
            count, total, squares = count + 1, total + h, squares + h * h
            continue
        stack.append((row, level, True))
        for child in (right[row], left[row]):  # left is popped, so summed, first
            if child >= n:
                stack.append((child - n, level + 1, False))
    mean = total / count
    var = (squares - total * total) / count if count < 2 else (squares - total * total / count) / (count - 1)
    if var <= 0:
        return [mean, 0.0, float(count), 0.0]
    std = math.sqrt(var)
    return [mean, std, float(count), (heights[i] - mean) / std]


CRITERIA = ("maxclust", "distance", "inconsistent")


def fcluster(Z, t, criterion=None, depth=2, R=None, monocrit=None):
    """Flat clusters from a merge tree, numbered 1..k exactly as scipy's ``fcluster``.

    ``criterion="maxclust"``: at most ``t`` clusters, ``t`` a whole number >= 1.
    ``criterion="distance"``: cut at height ``t`` >= 0, so that no cluster
    merges observations further apart than ``t`` (by the linkage's measure).
    ``criterion="inconsistent"``: scipy's default; keep together every subtree
    whose merges all have an inconsistency coefficient <= ``t`` (see
    :func:`inconsistent`; ``depth`` and ``R`` as in scipy).

    The criterion must be given: scipy's default is "inconsistent", so
    ``fcluster(Z, 4)`` there does *not* mean four clusters.  Here it raises
    an error that says what scipy would do and what to write.

    >>> Z = linkage([[0], [1], [5], [6], [20]], "single")
    >>> fcluster(Z, 2, criterion="maxclust")
    [1, 1, 1, 1, 2]
    >>> fcluster(Z, 1.5, criterion="distance")
    [1, 1, 2, 2, 3]
    >>> fcluster(Z, 0.5, criterion="inconsistent")
    [1, 1, 2, 2, 3]
    """
    n, left, right, heights, _ = _check_linkage(Z)
    not_offered("fcluster", say("error.hint_monocrit"), monocrit=(monocrit, None))
    if criterion is None:
        raise ValueError(say("error.no_criterion", t=t, scipy_says=_what_scipy_gives(Z, t)))
    choice(criterion, "criterion", CRITERIA)
    if criterion == "inconsistent":
        t = as_number(t, "t")
        if R is None:
            R = inconsistent(Z, depth)
        else:
            R = as_matrix(R, "R")
            if len(R) != n - 1 or len(R[0]) != 4:
                raise ValueError(say("error.inconsistent_R", rows=n - 1, got=len(R), cols=len(R[0])))
        most = algorithms.max_dists(n, left, right, [row[3] for row in R])
        return algorithms.monocrit_labels(n, left, right, most, t)
    md = algorithms.max_dists(n, left, right, heights)
    if criterion == "distance":
        t = as_number(t, "t")
        if t < 0:
            raise ValueError(say("error.negative_cut", t=t))
        return algorithms.monocrit_labels(n, left, right, md, t)
    t = as_int(t, "t", minimum=1)
    if t >= n:
        return list(range(1, n + 1))
    lo, hi = -1, n - 1
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        if algorithms.count_clusters(n, left, right, md, md[mid], t) > t:
            lo = mid
        else:
            hi = mid
    return algorithms.monocrit_labels(n, left, right, md, md[hi])


def _what_scipy_gives(Z, t):
    """What scipy's default criterion makes of ``fcluster(Z, t)``, for the message asking for a criterion."""
    try:
        scipy_k = len(set(fcluster(Z, t, criterion="inconsistent")))
    except (TypeError, ValueError):
        return say("error.scipy_not_a_number")
    return say_count("error.scipy_gives", scipy_k, k=scipy_k)


def _preorder(n, left, right, node):
    """Observation ids under ``node``, left to right."""
    if node < n:
        return [node]
    out = []
    stack = [node]
    while stack:
        v = stack.pop()
        if v < n:
            out.append(v)
        else:
            stack.append(right[v - n])
            stack.append(left[v - n])
    return out


def leaves_list(Z):
    """Observation ids in the order the dendrogram draws them (scipy's ``leaves_list``).

    >>> leaves_list(linkage([[0], [10], [1]], "single"))
    [1, 0, 2]
    """
    n, left, right, _, _ = _check_linkage(Z)
    return _preorder(n, left, right, 2 * n - 2)


def cut_tree(Z, n_clusters=None, height=None):
    """Flat clusters numbered 0..k-1 exactly as scipy's ``cut_tree``.

    ``n_clusters`` an int gives a flat list with one label per observation.
    A list of ints (or ``height`` a list of heights) gives one row per
    observation with one column per value, like scipy's 2-D array; with
    neither, all n columns (n, n-1, ..., 1 clusters).  ``height`` is only
    meaningful for monotone trees (not centroid/median).  (scipy 1.17 leaves
    the column for ``n_clusters == n`` all zeros unless it is listed first;
    here it is always 0..n-1.)

    >>> Z = linkage([[0], [1], [5], [6], [20]], "single")
    >>> cut_tree(Z, n_clusters=2)
    [0, 0, 0, 0, 1]
    >>> cut_tree(Z, n_clusters=[3, 2])
    [[0, 0], [0, 0], [1, 0], [1, 0], [2, 1]]
    """
    n, left, right, heights, _ = _check_linkage(Z)
    if n_clusters is not None and height is not None:
        raise ValueError(say("error.cut_both"))
    # scipy's node order: breadth-first from the root, then a stable sort by height
    # in which later-visited nodes of equal height come first.
    bfs = []
    queue = deque([2 * n - 2])
    while queue:
        v = queue.popleft()
        if v >= n:
            bfs.append(v)
            queue.append(right[v - n])
            queue.append(left[v - n])
    nodes = sorted(reversed(bfs), key=lambda v: heights[v - n])
    scalar = False
    if n_clusters is None and height is None:
        cols = list(range(n))
    elif height is not None:
        scalar = isinstance(height, numbers.Real)
        values = [height] if scalar else as_list(height)
        if values is None:
            raise TypeError(say("error.height_type", height=height))
        if not values:
            raise ValueError(say("error.height_empty"))
        node_heights = [heights[v - n] for v in nodes]
        cols = [bisect_left(node_heights, as_number(h, "height")) for h in values]
    else:
        scalar = isinstance(n_clusters, numbers.Integral) or isinstance(n_clusters, float)
        values = [n_clusters] if scalar else as_list(n_clusters)
        if values is None:
            raise TypeError(say("error.n_clusters_type", n_clusters=n_clusters))
        if not values:
            raise ValueError(say("error.n_clusters_empty"))
        cols = [n - as_int(k, "n_clusters", minimum=1, maximum=n) for k in values]
    last = max(cols)
    wanted = {}
    for j, c in enumerate(cols):
        wanted.setdefault(c, []).append(j)
    out = [[0] * len(cols) for _ in range(n)]
    group = list(range(n))

    def record(step):
        for j in wanted.get(step, ()):
            for i in range(n):
                out[i][j] = group[i]

    record(0)
    for step, v in enumerate(nodes[:last], 1):
        idx = _preorder(n, left, right, v)
        old = [group[i] for i in idx]
        lo, hi = min(old), max(old)
        group = [g - 1 if g > hi else g for g in group]
        for i in idx:
            group[i] = lo
        record(step)
    if scalar:
        return [row[0] for row in out]
    return out



# ------------------------------------------------- 6. dendrogram data ----


def dendrogram(Z, p=30, truncate_mode=None, color_threshold=None, get_leaves=True, orientation="top",
               labels=None, count_sort=False, distance_sort=False, show_leaf_counts=True, no_plot=False,
               no_labels=False, leaf_font_size=None, leaf_rotation=None, leaf_label_func=None,
               show_contracted=False, link_color_func=None, ax=None, above_threshold_color="C0"):
    """Coordinates of a dendrogram, the dict scipy's ``dendrogram`` returns.

    Keys: ``icoord``/``dcoord`` (4 x- and 4 y-values of each U-shaped link;
    leaves sit at x = 5, 15, 25, ...), ``ivl`` (leaf labels, left to right),
    ``leaves`` (observation ids), ``color_list`` (one colour per link) and
    ``leaves_color_list``.  Links below ``color_threshold`` (default 0.7 x the
    largest height) get ``C1``, ``C2``, ... per cluster; the rest
    ``above_threshold_color``.  ``orientation`` is only checked and stored
    (``"orientation"``) for the plot.  The parameters are scipy's, in scipy's
    order.  Nothing is drawn, whatever ``no_plot`` says (there is no
    matplotlib here): :func:`clusterlab.plot.dendrogram` draws.  scipy's
    truncation, sorting and drawing options are refused unless left at their
    defaults.

    >>> d = dendrogram(linkage([[0], [1], [5]], "single"), labels=["a", "b", "c"])
    >>> d["ivl"], d["icoord"], d["dcoord"]
    (['c', 'a', 'b'], [[15.0, 15.0, 25.0, 25.0], [5.0, 5.0, 20.0, 20.0]], [[0.0, 1.0, 1.0, 0.0], [0.0, 4.0, 4.0, 1.0]])
    """
    n, left, right, heights, _ = _check_linkage(Z)
    choice(orientation, "orientation", ["top", "bottom", "left", "right"])
    not_offered("dendrogram", say("error.hint_dendrogram_tree"),
                truncate_mode=(truncate_mode, None), count_sort=(count_sort, False),
                distance_sort=(distance_sort, False), get_leaves=(get_leaves, True))
    not_offered("dendrogram", say("error.hint_dendrogram_draw"),
                show_leaf_counts=(show_leaf_counts, True), no_labels=(no_labels, False),
                leaf_font_size=(leaf_font_size, None), leaf_rotation=(leaf_rotation, None),
                leaf_label_func=(leaf_label_func, None), show_contracted=(show_contracted, False),
                link_color_func=(link_color_func, None), ax=(ax, None))
    if labels is not None:
        labels = as_list(labels)
        if labels is None or len(labels) != n:
            got = say("error.got_none") if labels is None else len(labels)
            raise ValueError(say("error.dendrogram_labels", n=n, got=got))
    if color_threshold is None:
        color_threshold = 0.7 * max(heights)
    else:
        color_threshold = as_number(color_threshold, "color_threshold")
    icoord, dcoord, colors, ivl, leaves = [], [], [], [], []
    color_at = 0
    below = False
    # Iterative version of scipy's recursion.  A frame is [node, iv, stage, left result].
    stack = [[2 * n - 2, 0.0, 0, None]]
    ret = None
    while stack:
        frame = stack[-1]
        node, iv, stage = frame[0], frame[1], frame[2]
        if node < n:
            leaves.append(node)
            ivl.append(str(node) if labels is None else labels[node])
            ret = (iv + 5.0, 10.0, 0.0)
            stack.pop()
            continue
        r = node - n
        if stage == 0:
            frame[2] = 1
            stack.append([left[r], iv, 0, None])
            continue
        h = heights[r]
        if stage == 1:
            frame[3] = ret
            if h >= color_threshold or color_threshold <= 0:
                if below:
                    color_at = (color_at + 1) % len(_COLORS)
                below = False
            else:
                below = True
            frame[2] = 2
            frame.append(above_threshold_color if not below else _COLORS[color_at])
            stack.append([right[r], iv + ret[1], 0, None])
            continue
        (xa, wa, ha), (xb, wb, hb) = frame[3], ret
        icoord.append([xa, xa, xb, xb])
        dcoord.append([ha, h, h, hb])
        colors.append(frame[4])
        ret = ((xa + xb) / 2, wa + wb, h)
        stack.pop()
    leaf_colors = [None] * n
    for xs, ys, c in zip(icoord, dcoord, colors):
        for xv, yv in zip(xs, ys):
            if yv == 0.0 and xv % 5 == 0 and xv % 2 == 1:
                leaf_colors[(int(xv) - 5) // 10] = c
    return {
        "icoord": icoord,
        "dcoord": dcoord,
        "ivl": ivl,
        "leaves": leaves,
        "color_list": colors,
        "leaves_color_list": leaf_colors,
        "orientation": orientation,
    }


__dir__ = public_names(__all__)  # dir() and tab completion show the module's own names
