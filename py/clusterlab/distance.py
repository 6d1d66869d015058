"""Distance measures between observations, with scipy's names and layout.

========================  ==================================================
``euclidean(u, v)``       straight-line distance  sqrt(sum (u_j - v_j)^2)
``sqeuclidean(u, v)``     squared Euclidean distance (what K-means minimises)
``cityblock(u, v)``       city-block (Manhattan) distance  sum |u_j - v_j|
``correlation(u, v)``     1 - Pearson correlation of the two profiles
``pdist(X, metric)``      condensed distances of all pairs, in scipy's order
``squareform(y)``         condensed <-> square matrix, like scipy
``distance_matrix(X)``    the full n x n matrix as a list of lists
``KERNELS[metric]``       the one fast routine behind each metric (see below)
========================  ==================================================

The lecture's five points a-e:

>>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
>>> [round(d, 1) for d in distance_matrix(X)[0]]
[0.0, 1.0, 5.0, 8.5, 7.2]

**One kernel per metric.**  Every distance in clusterlab (these functions,
``pdist``, ``distance_matrix`` and :mod:`clusterlab.hierarchy`) comes from
the metric's :class:`Kernel` in :data:`KERNELS`: ``prepare`` turns validated
rows into the form the metric is fastest on, once per data set, and
``distances(u, rows)`` gives the distances from one prepared row to many,
with the per-coordinate work done in C:

- euclidean: ``math.dist`` on tuples (``math.dist`` copies any other
  sequence into a tuple on every call, so rows become tuples once);
- sqeuclidean: the square ``d * d`` of that (not ``d ** 2``: the browser's
  ``pow`` rounds differently);
- cityblock: ``math.fsum(map(abs, map(sub, u, v)))``;
- correlation: each row is centred and scaled to length 1 once; for two such
  rows ``1 - r = |u - v|^2 / 2``, so it is ``math.dist`` again.

Sums are ``math.fsum`` (correctly rounded), never ``sum`` or
``math.sumprod``: ``sum`` of floats rounds differently from Python 3.12 on,
and ``sumprod`` is not correctly rounded, so they would make the build
(CPython 3.11) and the browser (Pyodide, 3.14) disagree in the last bit.
``math.dist`` gives the same bits in both.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import repeat
from operator import sub
from typing import NamedTuple

from ._language import say
from ._validate import as_list, as_matrix, as_vector, choice, not_offered, public_names

__all__ = [
    "KERNELS",
    "METRICS",
    "Kernel",
    "cityblock",
    "correlation",
    "distance_matrix",
    "distance_rows",
    "euclidean",
    "get_kernel",
    "get_metric",
    "pdist",
    "sqeuclidean",
    "squareform",
]

_dist = math.dist
_fsum = math.fsum


class Kernel(NamedTuple):
    """How one metric computes distances: prepare the rows once, then one-to-many."""

    prepare: Callable      #: validated rows (lists of floats) -> prepared rows
    distances: Callable    #: (prepared u, prepared rows) -> list of distances u to each


# ------------------------------------------------------------- kernels ----


def _as_tuples(rows):
    return [tuple(r) for r in rows]


def _euclidean_from(u, rows):
    return list(map(_dist, repeat(u), rows))


def _sqeuclidean_from(u, rows):
    return [d * d for d in map(_dist, repeat(u), rows)]


def _cityblock_from(u, rows):
    return [_fsum(map(abs, map(sub, u, v))) for v in rows]


def _unit_profile(row, i=0):
    """Row i centred to mean 0 and scaled to length 1, as a tuple.

    The row is first scaled by a power of two, which is exact, so that huge or
    tiny values neither overflow nor underflow; correlation ignores scale.
    """
    if len(row) < 2:
        raise ValueError(say("error.correlation_features"))
    f = math.ldexp(1.0, -math.frexp(max(map(abs, row)))[1])
    row = [x * f for x in row]
    mean = _fsum(row) / len(row)
    centred = [x - mean for x in row]
    norm = math.sqrt(_fsum([x * x for x in centred]))
    if norm == 0.0:
        raise ValueError(say("error.correlation_constant", i=i))
    return tuple([x / norm for x in centred])


def _unit_profiles(rows):
    return [_unit_profile(r, i) for i, r in enumerate(rows)]


def _correlation_from(u, rows):
    # |u - v|^2 = 2 - 2r for unit profiles; clamp to [0, 2] as scipy does.
    return [h if (h := 0.5 * d * d) < 2.0 else 2.0 for d in map(_dist, repeat(u), rows)]


KERNELS = {
    "euclidean": Kernel(_as_tuples, _euclidean_from),
    "sqeuclidean": Kernel(_as_tuples, _sqeuclidean_from),
    "cityblock": Kernel(_as_tuples, _cityblock_from),
    "correlation": Kernel(_unit_profiles, _correlation_from),
}


def _custom_kernel(f):
    """A Kernel for a user's function ``f(u, v)`` (rows stay lists; results are checked)."""

    def distances(u, rows):
        out = []
        for v in rows:
            d = float(f(u, v))
            if not math.isfinite(d) or d < 0:
                raise ValueError(say("error.metric_value", d=d, u=u, v=v))
            out.append(d)
        return out

    return Kernel(list, distances)


def get_kernel(metric) -> Kernel:
    """The :class:`Kernel` of ``metric``: a name from :data:`KERNELS` or a function ``f(u, v)``.

    >>> k = get_kernel("euclidean")
    >>> rows = k.prepare([[0, 0], [3, 4], [6, 8]])
    >>> k.distances(rows[0], rows[1:])
    [5.0, 10.0]
    """
    if callable(metric):
        return _custom_kernel(metric)
    if not isinstance(metric, str):
        raise TypeError(say("error.metric_type", metric=metric))
    return KERNELS[choice(metric, "metric", list(KERNELS))]


# --------------------------------------------------------- one pair ----


def _pair(u, v):
    """Two observations as lists of floats, with the same number of features."""
    u, v = as_vector(u, "u"), as_vector(v, "v")
    if len(u) != len(v):
        raise ValueError(say("error.same_features", u=len(u), v=len(v)))
    return u, v


def _between(metric, u, v, w=None, centered=True):
    u, v = _pair(u, v)
    if w is not None or not centered:
        return _weighted(metric, u, v, [1.0] * len(u) if w is None else _weights(w, len(u)), centered)
    kernel = KERNELS[metric]
    a, b = kernel.prepare([u, v])
    return kernel.distances(a, [b])[0]


def _weights(w, p):
    """scipy's ``w``: one weight >= 0 per feature."""
    w = as_vector(w, "w")
    if len(w) != p:
        raise ValueError(say("error.weight_count", w=len(w), p=p))
    if any(x < 0 for x in w):
        raise ValueError(say("error.weight_negative"))
    return w


def _weighted(metric, u, v, w, centered=True):
    """A distance with a weight per feature, as scipy's ``w`` (and correlation's ``centered``)."""
    if metric == "cityblock":
        return math.fsum(wi * abs(a - b) for a, b, wi in zip(u, v, w))
    if metric == "correlation":
        total = math.fsum(w)
        if total == 0:
            raise ValueError(say("error.weight_zero"))
        mean_u = math.fsum(a * b for a, b in zip(u, w)) / total if centered else 0.0
        mean_v = math.fsum(a * b for a, b in zip(v, w)) / total if centered else 0.0
        du, dv = [a - mean_u for a in u], [b - mean_v for b in v]
        uv = math.fsum(wi * a * b for a, b, wi in zip(du, dv, w)) / total
        uu = math.fsum(wi * a * a for a, wi in zip(du, w)) / total
        vv = math.fsum(wi * b * b for b, wi in zip(dv, w)) / total
        return abs(1.0 - uv / math.sqrt(uu * vv))
    squares = math.fsum(wi * (a - b) ** 2 for a, b, wi in zip(u, v, w))
    return squares if metric == "sqeuclidean" else math.sqrt(squares)


def euclidean(u, v, w=None) -> float:
    """Euclidean distance between two observations (``w``: a weight per feature, as scipy).

    >>> euclidean([1, 2], [5, 5])
    5.0
    >>> euclidean([1, 2], [5, 5], w=[1, 0])
    4.0
    """
    return _between("euclidean", u, v, w)


def sqeuclidean(u, v, w=None) -> float:
    """Squared Euclidean distance (``w``: a weight per feature).

    >>> sqeuclidean([1, 2], [5, 5])
    25.0
    """
    return _between("sqeuclidean", u, v, w)


def cityblock(u, v, w=None) -> float:
    """City-block (Manhattan) distance: the sum of absolute differences (``w``: a weight per feature).

    >>> cityblock([1, 2], [5, 5])
    7.0
    """
    return _between("cityblock", u, v, w)


def correlation(u, v, w=None, centered=True) -> float:
    """Correlation distance, 1 - r, where r is Pearson's correlation (as scipy).

    ``w`` weights the features and ``centered=False`` leaves out the means
    (1 - cosine similarity), both as in scipy.

    >>> correlation([1, 2, 3], [2, 4, 6])
    0.0
    >>> round(correlation([1, 2, 3], [3, 2, 1]), 12)
    2.0
    """
    return _between("correlation", u, v, w, centered)


METRICS = {
    "euclidean": euclidean,
    "sqeuclidean": sqeuclidean,
    "cityblock": cityblock,
    "correlation": correlation,
}


def get_metric(metric):
    """Return the two-argument distance function named by ``metric``.

    ``metric`` is a name from :data:`METRICS` or any callable ``f(u, v)``.
    """
    if callable(metric):
        return metric
    get_kernel(metric)  # checks the name
    return METRICS[metric]


# ------------------------------------------------------ many pairs ----


def distance_rows(rows, metric="euclidean"):
    """Yield, for i = 0 .. n-2, the distances from row i to rows i+1 .. n-1.

    ``rows`` must already be validated (lists of floats, as ``as_matrix``
    returns).  This is the loop behind :func:`pdist` and the distance
    matrices of :mod:`clusterlab.hierarchy`.

    >>> list(distance_rows([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0]]))
    [[5.0, 10.0], [5.0]]
    """
    kernel = get_kernel(metric)
    if len(rows) < 2:
        return
    prepared = kernel.prepare(rows)
    distances = kernel.distances
    for i in range(len(prepared) - 1):
        yield distances(prepared[i], prepared[i + 1 :])


def pdist(X, metric="euclidean", *, out=None, **kwargs) -> list[float]:
    """Condensed distance list: d(0,1), d(0,2), ..., d(0,n-1), d(1,2), ... (scipy's order).

    scipy's ``out`` (a numpy array to fill) and the metrics' options (``w``
    and the like) are refused with a message rather than ignored.

    >>> pdist([[0, 0], [3, 4], [6, 8]])
    [5.0, 10.0, 5.0]
    """
    not_offered("pdist", say("error.hint_pdist_out"), out=(out, None))
    if kwargs:
        names = ", ".join(sorted(kwargs))
        raise ValueError(say("error.pdist_options", names=names))
    rows = as_matrix(X, "X", min_rows=1)
    if metric == "correlation" and len(rows[0]) < 2:
        raise ValueError(say("error.correlation_features"))
    out = []
    for upper in distance_rows(rows, metric):
        out += upper
    return out


def condensed_size(m: int) -> int:
    """Number of observations n for a condensed list of length ``m`` = n(n-1)/2.

    >>> condensed_size(10)
    5
    """
    n = round((1 + math.sqrt(1 + 8 * m)) / 2)
    if n * (n - 1) // 2 != m:
        raise ValueError(say("error.condensed_length", m=m))
    return n


def squareform(X, force="no", checks=True) -> list:
    """Convert a condensed list to a square matrix, or a square matrix back (as scipy's).

    ``force="tomatrix"`` or ``"tovector"`` says which way, as in scipy (an
    error if ``X`` is the other kind); ``checks=False`` skips the check that a
    matrix is symmetric with zeros on its diagonal.

    >>> squareform([5.0, 10.0, 5.0])
    [[0.0, 5.0, 10.0], [5.0, 0.0, 5.0], [10.0, 5.0, 0.0]]
    >>> squareform([[0, 1], [1, 0]])
    [1.0]
    """
    choice(force, "force", ["no", "tomatrix", "tovector"])
    items = as_list(X)
    if items is None:
        raise TypeError(say("error.squareform_type", kind=type(X).__name__))
    is_matrix = bool(items) and not isinstance(items[0], (int, float)) and hasattr(items[0], "__len__")
    if force != "no" and is_matrix != (force == "tovector"):
        kind = say("error.kind_square_matrix") if is_matrix else say("error.kind_condensed")
        raise ValueError(say("error.squareform_force", force=force, kind=kind))
    if is_matrix:
        D = as_matrix(items, "X")
        n = len(D)
        if any(len(r) != n for r in D):
            raise ValueError(say("error.not_square", n=n, m=len(D[0])))
        for i in range(n if checks else 0):
            if D[i][i] != 0.0:
                raise ValueError(say("error.diagonal", i=i, value=D[i][i]))
            for j in range(i + 1, n):
                if D[i][j] != D[j][i]:
                    raise ValueError(say("error.not_symmetric", i=i, j=j))
        return [D[i][j] for i in range(n) for j in range(i + 1, n)]
    if not items:
        return [[0.0]]
    flat = as_vector(items, "X")
    n = condensed_size(len(flat))
    D = [[0.0] * n for _ in range(n)]
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            D[i][j] = D[j][i] = flat[k]
            k += 1
    return D


def distance_matrix(X, metric="euclidean") -> list[list[float]]:
    """All pairwise distances as an n x n list of lists.

    >>> distance_matrix([[0, 0], [3, 4]])
    [[0.0, 5.0], [5.0, 0.0]]
    """
    rows = as_matrix(X, "X")
    n = len(rows)
    D = [[0.0] * n for _ in range(n)]
    for i, upper in enumerate(distance_rows(rows, metric)):
        D[i][i + 1 :] = upper
        for j, d in enumerate(upper, i + 1):
            D[j][i] = d
    return D


__dir__ = public_names(__all__)  # dir() and tab completion show the module's own names
