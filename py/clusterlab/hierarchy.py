"""Hierarchical (agglomerative) clustering with scipy's output conventions.

===============================  =============================================
``linkage(y, method, metric)``   the merge tree Z, row for row as scipy's
``fcluster(Z, t, criterion)``    flat cluster labels 1..k (scipy's numbering)
``cut_tree(Z, n_clusters)``      flat cluster labels 0..k-1 (scipy's numbering)
``leaves_list(Z)``               observation ids in dendrogram order
``dendrogram(Z, labels)``        coordinates of a dendrogram (scipy's dict)
``merge_steps(y, method)``       each merge with the updated distance matrix
===============================  =============================================

``Z`` is a list of rows ``[id1, id2, height, size]``: row ``i`` merges
clusters ``id1 < id2`` into the new cluster ``n + i`` of ``size``
observations at distance ``height``; ids ``0 .. n-1`` are the observations.
Ids and sizes are ``int``, heights are ``float``.

The lecture's five points a-e:

>>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
>>> for row in linkage(X, "single"):
...     print(row[0], row[1], round(row[2], 3), row[3])
0 1 1.0 2
3 4 2.0 2
2 6 2.236 3
5 7 4.472 5
>>> fcluster(linkage(X, "single"), 2)
[1, 1, 2, 2, 2]
"""

from __future__ import annotations

import math
import numbers
from array import array
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import lt

from ._validate import _rows_of, as_int, as_matrix, as_number, choice
from .distance import condensed_size, get_metric, pdist

__all__ = [
    "METHODS",
    "MAX_STEPS_N",
    "MergeStep",
    "cut_tree",
    "dendrogram",
    "fcluster",
    "leaves_list",
    "linkage",
    "merge_steps",
]

METHODS = ("single", "complete", "average", "weighted", "centroid", "median", "ward")
_EUCLIDEAN_ONLY = ("centroid", "median", "ward")
MAX_STEPS_N = 30  # merge_steps prints matrices; larger n is unreadable and O(n^3)
_MAX_DISTANCE = 1e150  # squares of larger distances overflow in the update formulas
_INF = math.inf
_COLORS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9")


# ---------------------------------------------------------------- input ----
#
# The distance matrix is ONE flat ``array('d')`` of m*m doubles (row-major,
# symmetric, ``inf`` on the diagonal), not m row arrays.  See :class:`_Matrix`
# for why; these helpers only build it.


def _is_flat(items) -> bool:
    """True if ``items`` is a flat sequence of numbers (a condensed distance list)."""
    return all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in items)


def _fill(D, n, i, upper):
    """Write the distances of observation i to i+1 .. n-1 into row i and column i.

    Both are single slice assignments done in C (the column one with step n).
    """
    D[i * n + i + 1 : (i + 1) * n] = upper
    D[(i + 1) * n + i :: n] = upper


def _square_from_condensed(flat, n):
    """Flat n x n matrix (``inf`` diagonal) from a condensed list; and row maxima."""
    D = array("d", [_INF]) * (n * n)
    maxima = []
    start = 0
    for i in range(n - 1):
        stop = start + n - 1 - i
        upper = flat[start:stop]
        maxima.append(max(upper))  # max over a list: no float boxing
        _fill(D, n, i, array("d", upper))
        start = stop
    return D, maxima


def _square_from_rows(rows, metric):
    """Flat matrix and row maxima of observations; C-level ``map`` for Euclidean.

    ``math.dist`` copies any non-tuple argument into a tuple on every call, so
    the rows are made tuples once (about 40% faster at n = 2000).
    """
    n = len(rows)
    if metric != "euclidean":
        return _square_from_condensed(pdist(rows, metric), n)
    rows = [tuple(r) for r in rows]
    D = array("d", [_INF]) * (n * n)
    maxima = []
    dist = math.dist
    for i in range(n - 1):
        upper = list(map(dist, repeat(rows[i]), rows[i + 1 :]))
        maxima.append(max(upper))
        _fill(D, n, i, array("d", upper))
    return D, maxima


def _read_input(y, method, metric, name="y"):
    """Validate ``y``: ("condensed", flat list) or ("rows", observations)."""
    if not isinstance(method, str):
        raise TypeError(f"method must be a name such as 'single', got {method!r}.")
    choice(method, "method", METHODS)
    get_metric(metric)  # validates the metric name even for condensed input
    items = _rows_of(y)
    if items is None:
        raise TypeError(
            f"{name} must be observations (a list of rows of numbers) or a condensed "
            f"distance list, got {type(y).__name__}."
        )
    if not items:
        raise ValueError(f"{name} is empty; give at least 2 observations.")
    if _is_flat(items):
        # 1-D input is a condensed distance list, as in scipy (the metric is not used).
        flat = [as_number(v, f"{name}[{i}]") for i, v in enumerate(items)]
        condensed_size(len(flat))  # checks the length
        for i, d in enumerate(flat):
            if d < 0:
                raise ValueError(
                    f"{name}[{i}] is {d}, but distances cannot be negative; "
                    "pass the output of pdist (a flat list is read as condensed distances)."
                )
        return "condensed", flat
    rows = as_matrix(items, name, min_rows=2)
    if method in _EUCLIDEAN_ONLY and metric != "euclidean":
        raise ValueError(
            f"method={method!r} needs Euclidean distances, got metric={metric!r}; "
            "use metric='euclidean' or a method such as 'average'."
        )
    return "rows", rows


def _check_biggest(maxima, name="y"):
    """Reject distances above _MAX_DISTANCE (or NaN), given the maxima of the rows."""
    biggest = max(maxima)
    if not biggest <= _MAX_DISTANCE:
        raise ValueError(
            f"{name} gives distances up to {biggest!r}, above {_MAX_DISTANCE:g}; "
            "rescale the data (for example divide by its largest value)."
        )


def _distance_matrix(y, method, metric, name="y"):
    """Validate ``y``; return (flat n x n matrix with inf diagonal, n)."""
    return _matrix_of(*_read_input(y, method, metric, name), metric, name)


def _matrix_of(kind, items, metric, name="y"):
    """(flat n x n matrix with inf diagonal, n) from :func:`_read_input`'s answer."""
    if kind == "condensed":
        n = condensed_size(len(items))
        D, maxima = _square_from_condensed(items, n)
    else:
        n = len(items)
        D, maxima = _square_from_rows(items, metric)
    _check_biggest(maxima, name)
    return D, n


def _check_linkage(Z, name="Z"):
    """Validate a linkage matrix; return (n, left ids, right ids, heights, sizes)."""
    rows = as_matrix(Z, name)
    if len(rows[0]) != 4:
        raise ValueError(
            f"{name} must have 4 columns [id1, id2, height, size], got {len(rows[0])}; "
            "pass the output of linkage."
        )
    n = len(rows) + 1
    used = bytearray(2 * n - 1)
    left, right, heights, sizes = [], [], [], []
    count = [1] * n
    for i, (a, b, h, s) in enumerate(rows):
        for v in (a, b):
            if not v.is_integer() or v < 0 or v >= n + i:
                raise ValueError(
                    f"{name}[{i}] uses cluster id {v:g}, but row {i} may only use ids "
                    f"0..{n + i - 1} (observations, then earlier rows); pass the output of linkage."
                )
            if used[int(v)]:
                raise ValueError(
                    f"{name}[{i}] uses cluster {int(v)} a second time; "
                    "each cluster is merged once. Pass the output of linkage."
                )
            used[int(v)] = 1
        if h < 0:
            raise ValueError(f"{name}[{i}] has negative height {h}; heights are distances >= 0.")
        a, b = int(a), int(b)
        size = count[a] + count[b]
        if s != size:
            raise ValueError(
                f"{name}[{i}] says size {s:g} but clusters {a} and {b} hold {size} "
                "observations; pass the output of linkage."
            )
        count.append(size)
        left.append(a)
        right.append(b)
        heights.append(h)
        sizes.append(size)
    return n, left, right, heights, sizes


# ------------------------------------------------------------ algorithms ----


class _Matrix:
    """Symmetric m x m cluster-distance matrix stored flat in one ``array('d')``.

    Why flat: every merge rewrites one row *and one column*.  With a list of m
    row arrays the column is a Python loop that touches a different object
    (and cache line) per row, and at n = 2000 (32 MB) that loop dominated and
    grew faster than n^2.  In one flat array a column is the extended slice
    ``d[p::m]``, which ``array`` assigns in a single C loop; a row is a
    contiguous slice copy.  Dead clusters hold ``inf`` in their column (so
    ``min`` over a row skips them); their row is never read.  :meth:`keep`
    drops dead rows/columns so the per-merge O(m) work tracks the live count.
    """

    __slots__ = ("d", "m", "_infs")

    def __init__(self, d, m):
        self.d = d
        self.m = m
        self._infs = array("d", [_INF]) * m

    def row(self, p):
        """Row p as a new array (a C-speed copy, safe to keep after updates)."""
        return self.d[p * self.m : (p + 1) * self.m]

    def get(self, p, q):
        return self.d[p * self.m + q]

    def merge(self, x, y, new):
        """Cluster y's row and column become ``new``; cluster x's column becomes inf."""
        d, m = self.d, self.m
        d[y * m : (y + 1) * m] = new
        d[y::m] = new
        d[x::m] = self._infs

    def nearest_after(self, p):
        """(position, distance) of the nearest cluster at a position after p."""
        start = p * self.m + p + 1
        rest = self.d[start : (p + 1) * self.m]
        v = min(rest)
        if v == _INF:
            raise ValueError("no finite distances left; check the input for inf/NaN values.")
        return rest.index(v) + p + 1, v

    def worth_compacting(self, live):
        """True when a quarter of the positions are dead (amortised O(n^2) in total)."""
        return 4 * live < 3 * self.m and live > 8

    def keep(self, keep):
        """Keep rows and columns ``keep`` (positions, in increasing order).

        Two passes of C-level slice copies, so no float is ever boxed: the kept
        rows are concatenated (k x m); then column ``keep[j]`` of that block,
        a strided slice, is by symmetry row j of the result and is appended.
        """
        d, m = self.d, self.m
        rows = array("d")
        for p in keep:
            rows += d[p * m : (p + 1) * m]
        self.d = d = None  # free the old matrix before the second copy (peak memory)
        out = array("d")
        for p in keep:
            out += rows[p::m]
        self.d, self.m = out, len(keep)
        self._infs = array("d", [_INF]) * self.m


def _new_row(method, Dx, Dy, dxy, nx, ny, size):
    """Lance-Williams: distances of every cluster to x+y, scipy's formulas.

    Entries that are ``inf`` in ``Dx`` or ``Dy`` (dead clusters, the diagonal)
    stay ``inf``.  centroid/median/ward work on unsquared distances as scipy
    does; a negative radicand (non-Euclidean input) gives 0 where scipy gives NaN.
    Sizes are turned into floats once (``int * float`` is the same double but
    slower per element); the operation order is scipy's, so results are bit-equal.
    """
    sqrt = math.sqrt
    fx, fy = float(nx), float(ny)
    if method == "complete":
        return [a if a > b else b for a, b in zip(Dx, Dy)]
    if method == "average":
        s = fx + fy
        return [(fx * a + fy * b) / s for a, b in zip(Dx, Dy)]
    if method == "weighted":
        return [0.5 * (a + b) for a, b in zip(Dx, Dy)]
    if method == "ward":
        nxy = nx + ny
        coef = {}  # per cluster size: the three Lance-Williams coefficients, scipy's rounding
        for ni in set(size):
            t = 1.0 / (nxy + ni)
            coef[ni] = ((ni + nx) * t, (ni + ny) * t, ni * t * dxy * dxy)
        return [
            sqrt(v) if (v := ca * a * a + cb * b * b - cc) > 0 else 0.0
            for a, b, (ca, cb, cc) in zip(Dx, Dy, map(coef.__getitem__, size))
        ]
    if method == "centroid":
        s = fx + fy
        c = nx * ny * dxy * dxy / s
        return [sqrt(v) if (v := ((fx * a * a + fy * b * b) - c) / s) > 0 else 0.0 for a, b in zip(Dx, Dy)]
    if method == "median":
        c = 0.25 * dxy * dxy
        return [sqrt(v) if (v := 0.5 * (a * a + b * b) - c) > 0 else 0.0 for a, b in zip(Dx, Dy)]
    return [a if a < b else b for a, b in zip(Dx, Dy)]  # single


def _relabel(merges, n):
    """Sort merges by height (stable) and give ids as scipy's union-find does."""
    merges.sort(key=lambda m: m[2])
    parent = list(range(2 * n - 1))
    count = [1] * (2 * n - 1)
    Z = []
    for k, (x, y, h) in enumerate(merges):
        roots = []
        for v in (x, y):
            root = v
            while parent[root] != root:
                root = parent[root]
            while parent[v] != root:
                parent[v], v = root, parent[v]
            roots.append(root)
        a, b = sorted(roots)
        new = n + k
        parent[a] = parent[b] = new
        count[new] = count[a] + count[b]
        Z.append([a, b, h, count[new]])
    return Z


def _mst_single(M):
    """Single linkage via Prim's minimum spanning tree, O(n^2) (scipy's order)."""
    n = M.m
    merges = []
    rest = list(range(1, n))
    best = [_INF] * (n - 1)
    x = 0
    for _ in range(n - 1):
        row = M.row(x)
        best = [d if d < b else b for b, d in zip(best, map(row.__getitem__, rest))]
        h = min(best)
        pos = best.index(h)
        y = rest.pop(pos)
        del best[pos]
        merges.append((x, y, h))
        x = y
    return _relabel(merges, n)


def _mst_single_euclidean(rows):
    """Prim's algorithm on observations, computing each distance when needed.

    Single linkage reads every distance exactly once (row x against the points
    not yet in the tree), so no n x n matrix is built: the same ``math.dist``
    calls as the matrix would make, about half the time, none of the memory.
    The largest distance is still checked, after the fact.
    """
    rest = [tuple(r) for r in rows]
    n = len(rest)
    ids = list(range(n))
    dist = math.dist
    merges = []
    maxima = []
    best = [_INF] * (n - 1)
    x = 0
    point = rest.pop(0)
    del ids[0]
    for _ in range(n - 1):
        row = list(map(dist, repeat(point), rest))
        maxima.append(max(row))
        best = [d if d < b else b for b, d in zip(best, row)]
        h = min(best)
        pos = best.index(h)
        y = ids.pop(pos)
        point = rest.pop(pos)
        del best[pos]
        merges.append((x, y, h))
        x = y
    _check_biggest(maxima)
    return _relabel(merges, n)


def _nn_chain(M, method):
    """Nearest-neighbour chain for reducible methods, O(n^2) (scipy's nn_chain).

    Positions in the matrix are compacted to the live clusters now and then;
    ``orig`` maps positions back to observation ids (the order is kept, so
    ties are broken as in scipy).
    """
    n = M.m
    size = [1] * n
    orig = list(range(n))
    live = list(range(n))
    chain = []
    merges = []
    for _ in range(n - 1):
        if M.worth_compacting(len(live)):
            new_pos = {p: k for k, p in enumerate(live)}
            chain = [new_pos[p] for p in chain]
            M.keep(live)
            size = [size[p] for p in live]
            orig = [orig[p] for p in live]
            live = list(range(len(live)))
        if not chain:
            chain.append(live[0])
        while True:
            x = chain[-1]
            row = M.row(x)
            m = min(row)
            if len(chain) > 1 and row[chain[-2]] <= m:
                y = chain[-2]
                break
            y = row.index(m)
            chain.append(y)
        del chain[-2:]
        if x > y:
            x, y = y, x
        nx, ny = size[x], size[y]
        merges.append((orig[x], orig[y], m))
        new = array("d", _new_row(method, M.row(x), M.row(y), m, nx, ny, size))
        size[x] = 0
        size[y] = nx + ny
        live.remove(x)
        M.merge(x, y, new)
    return _relabel(merges, n)


class _Heap:
    """Binary min-heap of values keyed 0..m-1 with change_value (scipy's Heap)."""

    __slots__ = ("vals", "key_at", "pos", "size")

    def __init__(self, values):
        self.vals = list(values)
        self.size = len(self.vals)
        self.key_at = list(range(self.size))
        self.pos = list(range(self.size))
        for i in reversed(range(self.size // 2)):
            self._down(i)

    def _swap(self, i, j):
        vals, key_at, pos = self.vals, self.key_at, self.pos
        vals[i], vals[j] = vals[j], vals[i]
        ki, kj = key_at[i], key_at[j]
        key_at[i], key_at[j] = kj, ki
        pos[ki], pos[kj] = j, i

    def _up(self, i):
        vals = self.vals
        while i > 0 and vals[(i - 1) >> 1] > vals[i]:
            self._swap(i, (i - 1) >> 1)
            i = (i - 1) >> 1

    def _down(self, i):
        vals, size = self.vals, self.size
        c = 2 * i + 1
        while c < size:
            if c + 1 < size and vals[c + 1] < vals[c]:
                c += 1
            if vals[i] > vals[c]:
                self._swap(i, c)
                i = c
                c = 2 * i + 1
            else:
                break

    def remove_min(self):
        self._swap(0, self.size - 1)
        self.size -= 1
        self._down(0)

    def change(self, key, value):
        i = self.pos[key]
        old = self.vals[i]
        self.vals[i] = value
        if value < old:
            self._up(i)
        else:
            self._down(i)


def _generic(M, method):
    """Muellner's generic algorithm (scipy's fast_linkage) for centroid/median.

    Cluster ``o`` (an observation id; the heap key) sits at position
    ``pos[o]`` of the matrix, which is compacted to the live clusters now and then.
    """
    n = M.m
    size = [1] * n
    cid = list(range(n))
    pos = list(range(n))
    orig = list(range(n))
    live = list(range(n))
    neighbor = [0] * (n - 1)
    min_dist = [0.0] * (n - 1)
    for x in range(n - 1):
        neighbor[x], min_dist[x] = M.nearest_after(x)
    heap = _Heap(min_dist)
    Z = []
    for k in range(n - 1):
        if M.worth_compacting(len(live)):
            M.keep(live)
            orig = [orig[p] for p in live]
            for p, o in enumerate(orig):
                pos[o] = p
            live = list(range(len(orig)))
        for _ in range(n - k):
            x, dist = heap.key_at[0], heap.vals[0]
            y = neighbor[x]
            if dist == M.get(pos[x], pos[y]):
                break
            p, dist = M.nearest_after(pos[x])
            y = neighbor[x] = orig[p]
            min_dist[x] = dist
            heap.change(x, dist)
        heap.remove_min()
        id_x, id_y = sorted((cid[x], cid[y]))
        nx, ny = size[x], size[y]
        Z.append([id_x, id_y, dist, nx + ny])
        size[x] = 0
        size[y] = nx + ny
        cid[y] = n + k
        px, py = pos[x], pos[y]
        new = array("d", _new_row(method, M.row(px), M.row(py), dist, nx, ny, None))
        live.remove(px)
        M.merge(px, py, new)
        _redirect(neighbor, size, x, y)
        # Lower bounds: clusters before y that are now closer to y.  The
        # comparison runs in C (map/compress); dead positions hold inf.
        closer = map(lt, new, map(min_dist.__getitem__, orig[:py]))
        for p in compress(range(py), closer):
            z = orig[p]
            neighbor[z] = y
            min_dist[z] = new[p]
            heap.change(z, new[p])
        if y < n - 1:  # id n-1 never dies, so a live cluster follows y
            p, d = M.nearest_after(py)
            neighbor[y] = orig[p]
            min_dist[y] = d
            heap.change(y, d)
    return Z


def _redirect(neighbor, size, x, y):
    """Live clusters whose neighbour candidate was x (they all precede x) now point at y."""
    z = -1
    while True:
        try:
            z = neighbor.index(x, z + 1, x)
        except ValueError:
            return
        if size[z]:
            neighbor[z] = y


# ---------------------------------------------------------------- public ----


def linkage(y, method="single", metric="euclidean"):
    """Agglomerative clustering; the merge tree Z exactly as scipy's ``linkage``.

    ``y`` is either observations (n rows of numbers) or, like scipy, a flat
    condensed distance list such as :func:`clusterlab.distance.pdist` returns
    (then ``metric`` is not used, and centroid/median/ward take the distances
    to be Euclidean).  ``method`` is one of :data:`METHODS`; ``metric`` a name
    from :data:`clusterlab.distance.METRICS` or a function ``f(u, v)``.
    Returns Z as rows ``[id1, id2, height, size]`` (ints, float, int).

    >>> linkage([[0, 0], [0, 1], [5, 5]], "complete")
    [[0, 1, 1.0, 2], [2, 3, 7.0710678118654755, 3]]
    >>> linkage([1.0, 5.0, 4.0])          # condensed d(0,1), d(0,2), d(1,2)
    [[0, 1, 1.0, 2], [2, 3, 4.0, 3]]
    """
    kind, items = _read_input(y, method, metric)
    if method == "single" and metric == "euclidean" and kind == "rows":
        return _mst_single_euclidean(items)
    M = _Matrix(*_matrix_of(kind, items, metric))  # M holds the only reference
    if method == "single":
        return _mst_single(M)
    if method in ("centroid", "median"):
        return _generic(M, method)
    return _nn_chain(M, method)


def _max_dists(n, left, right, heights):
    """For each row, the largest height in its subtree (scipy's maxdists)."""
    md = []
    for a, b, h in zip(left, right, heights):
        if a >= n and md[a - n] > h:
            h = md[a - n]
        if b >= n and md[b - n] > h:
            h = md[b - n]
        md.append(h)
    return md


def _monocrit_labels(n, left, right, mc, cutoff):
    """scipy's cluster_monocrit: subtrees with mc <= cutoff form clusters, numbered 1.."""
    T = [0] * n
    visited = bytearray(2 * n - 1)
    stack = [2 * n - 2]
    leader = -1
    n_cluster = 0
    while stack:
        root = stack[-1] - n
        a, b = left[root], right[root]
        if leader == -1 and mc[root] <= cutoff:
            leader = root
            n_cluster += 1
        if a >= n and not visited[a]:
            visited[a] = 1
            stack.append(a)
            continue
        if b >= n and not visited[b]:
            visited[b] = 1
            stack.append(b)
            continue
        for leaf in (a, b):
            if leaf < n:
                if leader == -1:
                    n_cluster += 1
                T[leaf] = n_cluster
        if leader == root:
            leader = -1
        stack.pop()
    return T


def _count_clusters(n, left, right, mc, thresh, max_nc):
    """Number of clusters at threshold ``thresh`` (stops early above ``max_nc``)."""
    visited = bytearray(2 * n - 1)
    stack = [2 * n - 2]
    nc = 0
    while stack:
        root = stack[-1] - n
        a, b = left[root], right[root]
        if mc[root] <= thresh:
            nc += 1
            if nc > max_nc:
                return nc
            stack.pop()
            visited[a] = visited[b] = 1
            continue
        pushed = False
        for child in (a, b):
            if not visited[child]:
                visited[child] = 1
                if child >= n:
                    stack.append(child)
                    pushed = True
                    break
                nc += 1
                if nc > max_nc:
                    return nc
        if not pushed:
            stack.pop()
    return nc


def fcluster(Z, t, criterion="maxclust"):
    """Flat clusters from a merge tree, numbered 1..k exactly as scipy's ``fcluster``.

    ``criterion="maxclust"`` (the default here; scipy's default 'inconsistent'
    is not offered): at most ``t`` clusters, ``t`` a whole number >= 1.
    ``criterion="distance"``: cut at height ``t`` >= 0, so that no cluster
    merges observations further apart than ``t`` (by the linkage's measure).

    >>> Z = linkage([[0], [1], [5], [6], [20]], "single")
    >>> fcluster(Z, 2)
    [1, 1, 1, 1, 2]
    >>> fcluster(Z, 1.5, criterion="distance")
    [1, 1, 2, 2, 3]
    """
    n, left, right, heights, _ = _check_linkage(Z)
    choice(criterion, "criterion", ["maxclust", "distance"])
    md = _max_dists(n, left, right, heights)
    if criterion == "distance":
        t = as_number(t, "t")
        if t < 0:
            raise ValueError(f"t is {t}, but a cut height must be >= 0.")
        return _monocrit_labels(n, left, right, md, t)
    t = as_int(t, "t", minimum=1)
    if t >= n:
        return list(range(1, n + 1))
    lo, hi = -1, n - 1
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        if _count_clusters(n, left, right, md, md[mid], t) > t:
            lo = mid
        else:
            hi = mid
    return _monocrit_labels(n, left, right, md, md[hi])


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
        raise ValueError("give n_clusters or height, not both.")
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
        values = [height] if scalar else _rows_of(height)
        if values is None:
            raise TypeError(f"height must be a number or a list of numbers, got {height!r}.")
        if not values:
            raise ValueError("height is empty; give a number or a list of numbers.")
        node_heights = [heights[v - n] for v in nodes]
        cols = [bisect_left(node_heights, as_number(h, "height")) for h in values]
    else:
        scalar = isinstance(n_clusters, numbers.Integral) or isinstance(n_clusters, float)
        values = [n_clusters] if scalar else _rows_of(n_clusters)
        if values is None:
            raise TypeError(f"n_clusters must be a whole number or a list of them, got {n_clusters!r}.")
        if not values:
            raise ValueError("n_clusters is empty; give a whole number or a list of them.")
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


def dendrogram(Z, labels=None, color_threshold=None, orientation="top",
               above_threshold_color="C0", no_plot=True):
    """Coordinates of a dendrogram, the dict scipy's ``dendrogram`` returns.

    Keys: ``icoord``/``dcoord`` (4 x- and 4 y-values of each U-shaped link;
    leaves sit at x = 5, 15, 25, ...), ``ivl`` (leaf labels, left to right),
    ``leaves`` (observation ids), ``color_list`` (one colour per link) and
    ``leaves_color_list``.  Links below ``color_threshold`` (default 0.7 x the
    largest height) get ``C1``, ``C2``, ... per cluster; the rest
    ``above_threshold_color``.  ``orientation`` is only checked and stored
    (``"orientation"``) for the plot; nothing is drawn (``no_plot`` must be True).

    >>> d = dendrogram(linkage([[0], [1], [5]], "single"), labels=["a", "b", "c"])
    >>> d["ivl"], d["icoord"], d["dcoord"]
    (['c', 'a', 'b'], [[15.0, 15.0, 25.0, 25.0], [5.0, 5.0, 20.0, 20.0]], [[0.0, 1.0, 1.0, 0.0], [0.0, 4.0, 4.0, 1.0]])
    """
    n, left, right, heights, _ = _check_linkage(Z)
    choice(orientation, "orientation", ["top", "bottom", "left", "right"])
    if no_plot is not True:
        raise ValueError("no_plot must be True; draw the returned dict with clusterlab.plot.")
    if labels is not None:
        labels = _rows_of(labels)
        if labels is None or len(labels) != n:
            raise ValueError(
                f"labels must give one label per observation ({n}), "
                f"got {'none' if labels is None else len(labels)}."
            )
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


# ---------------------------------------------------------- merge steps ----


def _fmt(x, decimals):
    return f"{x:.{decimals}f}"


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
        head = (f"step {self.step}: merge {self.merged[0]} and {self.merged[1]} "
                f"at {_fmt(self.height, max(decimals, 3))} -> {self.name}")
        cells = [[_fmt(v, decimals) for v in row] for row in self.matrix]
        w = max([len(s) for s in self.names] + [len(c) for row in cells for c in row])
        lines = [head, " " * w + "".join(f"  {s:>{w}}" for s in self.names)]
        for nm, row in zip(self.names, cells):
            lines.append(f"{nm:<{w}}" + "".join(f"  {c:>{w}}" for c in row))
        return "\n".join(lines)

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
    D, n = _distance_matrix(y, method, metric)
    D = [D[i * n : (i + 1) * n] for i in range(n)]  # rows, for the deletions below
    if n > MAX_STEPS_N:
        raise ValueError(
            f"merge_steps shows matrices for at most {MAX_STEPS_N} observations, got {n}; "
            "use linkage for larger data."
        )
    if labels is None:
        labels = [chr(97 + i) for i in range(n)] if n <= 26 else [str(i) for i in range(n)]
    else:
        items = _rows_of(labels)
        if items is None or len(items) != n:
            raise ValueError(f"labels must give one name per observation ({n}).")
        labels = [str(v) for v in items]
        if len(set(labels)) != n:
            raise ValueError("labels must be distinct so that the clusters can be told apart.")
    names = list(labels)
    members = [[i] for i in range(n)]
    size = [1] * n
    steps = []
    for k in range(1, n):
        h, i, j = min((D[i][j], i, j) for i in range(len(D)) for j in range(i + 1, len(D)))
        new = _new_row(method, D[i], D[j], h, size[i], size[j], size)
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
