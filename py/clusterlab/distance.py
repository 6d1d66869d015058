"""Distance measures between observations, with scipy's names and layout.

========================  ==================================================
``euclidean(u, v)``       straight-line distance  sqrt(sum (u_j - v_j)^2)
``sqeuclidean(u, v)``     squared Euclidean distance (what K-means minimises)
``cityblock(u, v)``       city-block (Manhattan) distance  sum |u_j - v_j|
``correlation(u, v)``     1 - Pearson correlation of the two profiles
``pdist(X, metric)``      condensed distances of all pairs, in scipy's order
``squareform(y)``         condensed <-> square matrix, like scipy
``distance_matrix(X)``    the full n x n matrix as a list of lists
========================  ==================================================

The lecture's five points a-e:

>>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
>>> [round(d, 1) for d in distance_matrix(X)[0]]
[0.0, 1.0, 5.0, 8.5, 7.2]
"""

from __future__ import annotations

import math

from ._validate import as_matrix, as_vector, choice

__all__ = [
    "METRICS",
    "cityblock",
    "correlation",
    "distance_matrix",
    "euclidean",
    "get_metric",
    "pdist",
    "sqeuclidean",
    "squareform",
]


def _pair(u, v):
    u = as_vector(u, "u")
    v = as_vector(v, "v")
    if len(u) != len(v):
        raise ValueError(
            f"u has {len(u)} values but v has {len(v)}; both observations need the same features."
        )
    return u, v


def _sqeuclidean(u, v):
    return math.fsum((a - b) * (a - b) for a, b in zip(u, v))


def _euclidean(u, v):
    return math.sqrt(_sqeuclidean(u, v))


def _cityblock(u, v):
    return math.fsum(abs(a - b) for a, b in zip(u, v))


def _correlation(u, v):
    n = len(u)
    mu = math.fsum(u) / n
    mv = math.fsum(v) / n
    du = [a - mu for a in u]
    dv = [b - mv for b in v]
    suu = math.fsum(a * a for a in du)
    svv = math.fsum(b * b for b in dv)
    if suu == 0.0 or svv == 0.0:
        raise ValueError(
            "correlation distance is undefined for a constant observation "
            "(its standard deviation is 0); drop constant rows or use another metric."
        )
    r = math.fsum(a * b for a, b in zip(du, dv)) / math.sqrt(suu * svv)
    return max(0.0, min(2.0, 1.0 - r))


# The fast kernels take already validated lists of floats.
METRICS = {
    "euclidean": _euclidean,
    "sqeuclidean": _sqeuclidean,
    "cityblock": _cityblock,
    "correlation": _correlation,
}


def euclidean(u, v) -> float:
    """Euclidean distance between two observations.

    >>> euclidean([1, 2], [5, 5])
    5.0
    """
    return _euclidean(*_pair(u, v))


def sqeuclidean(u, v) -> float:
    """Squared Euclidean distance.

    >>> sqeuclidean([1, 2], [5, 5])
    25.0
    """
    return _sqeuclidean(*_pair(u, v))


def cityblock(u, v) -> float:
    """City-block (Manhattan) distance: the sum of absolute differences.

    >>> cityblock([1, 2], [5, 5])
    7.0
    """
    return _cityblock(*_pair(u, v))


def correlation(u, v) -> float:
    """Correlation distance, 1 - r, where r is Pearson's correlation (as scipy).

    >>> correlation([1, 2, 3], [2, 4, 6])
    0.0
    """
    u, v = _pair(u, v)
    if len(u) < 2:
        raise ValueError("correlation needs observations with at least 2 features.")
    return _correlation(u, v)


def get_metric(metric):
    """Return the two-argument distance function named by ``metric``.

    ``metric`` is a name from :data:`METRICS` or any callable ``f(u, v)``.
    """
    if callable(metric):
        return metric
    if not isinstance(metric, str):
        raise TypeError(f"metric must be a name such as 'euclidean' or a function, got {metric!r}.")
    return METRICS[choice(metric, "metric", list(METRICS))]


def pdist(X, metric="euclidean") -> list[float]:
    """Condensed distance list: d(0,1), d(0,2), ..., d(0,n-1), d(1,2), ... (scipy's order).

    >>> pdist([[0, 0], [3, 4], [6, 8]])
    [5.0, 10.0, 5.0]
    """
    rows = as_matrix(X, "X", min_rows=1)
    f = get_metric(metric)
    if metric == "correlation" and len(rows[0]) < 2:
        raise ValueError("correlation needs observations with at least 2 features.")
    n = len(rows)
    out = []
    for i in range(n - 1):
        ri = rows[i]
        for j in range(i + 1, n):
            d = f(ri, rows[j])
            if callable(metric):
                d = float(d)
                if not math.isfinite(d) or d < 0:
                    raise ValueError(f"metric returned {d!r} for rows {i} and {j}; it must return a finite number >= 0.")
            out.append(d)
    return out


def condensed_size(m: int) -> int:
    """Number of observations n for a condensed list of length ``m`` = n(n-1)/2.

    >>> condensed_size(10)
    5
    """
    n = round((1 + math.sqrt(1 + 8 * m)) / 2)
    if n * (n - 1) // 2 != m:
        raise ValueError(
            f"a condensed distance list has n(n-1)/2 entries, but {m} is not of that form "
            "(valid lengths are 1, 3, 6, 10, 15, ...); pass the output of pdist."
        )
    return n


def squareform(y) -> list:
    """Convert a condensed list to a square matrix, or a square matrix back (like scipy).

    >>> squareform([5.0, 10.0, 5.0])
    [[0.0, 5.0, 10.0], [5.0, 0.0, 5.0], [10.0, 5.0, 0.0]]
    >>> squareform([[0, 1], [1, 0]])
    [1.0]
    """
    items = getattr(y, "tolist", lambda: y)()
    items = list(items)
    if items and not isinstance(items[0], (int, float)) and hasattr(items[0], "__len__"):
        D = as_matrix(items, "y")
        n = len(D)
        if any(len(r) != n for r in D):
            raise ValueError(f"y is a {n} x {len(D[0])} matrix; a distance matrix must be square.")
        for i in range(n):
            if D[i][i] != 0.0:
                raise ValueError(f"y[{i}][{i}] is {D[i][i]}; a distance matrix has zeros on its diagonal.")
            for j in range(i + 1, n):
                if D[i][j] != D[j][i]:
                    raise ValueError(f"y is not symmetric: y[{i}][{j}] != y[{j}][{i}].")
        return [D[i][j] for i in range(n) for j in range(i + 1, n)]
    if not items:
        return [[0.0]]
    flat = as_vector(items, "y")
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
    if len(rows) == 1:
        return [[0.0]]
    return squareform(pdist(rows, metric))
