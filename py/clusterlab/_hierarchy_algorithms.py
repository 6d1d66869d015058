"""The fast algorithms behind :mod:`clusterlab.hierarchy` (private).

:mod:`clusterlab.hierarchy` says *what* each linkage method does, in its
Lance-Williams table; this module makes it fast for thousands of
observations, in pure Python, with scipy's answers bit for bit:

================================  =============================================
:class:`Matrix`                   the n x n cluster distances, one flat array
:func:`matrix_from_condensed`     ... from a condensed distance list
:func:`matrix_from_rows`          ... from observations, via the metric's kernel
:func:`mst_single`                single linkage = Prim's minimum spanning tree
:func:`mst_single_from_rows`      the same without any matrix (distances on demand)
:func:`nn_chain`                  nearest-neighbour chain, for reducible methods
:func:`generic`                   Muellner's generic algorithm, for the others
:func:`monocrit_labels` & co.     fcluster's walks over the tree (scipy's)
================================  =============================================

The linkage algorithms are O(n^2) time.  They take the method's update
``update(Dx, Dy, dxy, nx, ny, sizes)`` from the table: given the rows of
clusters x and y, the distances of every cluster to their union.
"""

from __future__ import annotations

import math
from array import array
from itertools import compress
from operator import lt

from ._language import say
from .distance import distance_rows, get_kernel

_INF = math.inf
MAX_DISTANCE = 1e150  # squares of larger distances overflow in the update formulas


# ------------------------------------------------------- the matrix ----


class Matrix:
    """Symmetric m x m cluster-distance matrix stored flat in one ``array('d')``.

    Row-major, ``inf`` on the diagonal.  Why flat: every merge rewrites one row
    *and one column*.  With a list of m row arrays the column is a Python loop
    that touches a different object (and cache line) per row, and at n = 2000
    (32 MB) that loop dominated and grew faster than n^2.  In one flat array a
    column is the extended slice ``d[p::m]``, which ``array`` assigns in a
    single C loop; a row is a contiguous slice copy.  Dead clusters hold
    ``inf`` in their column (so ``min`` over a row skips them); their row is
    never read.  :meth:`keep` drops dead rows/columns so the per-merge O(m)
    work tracks the live count.
    """

    __slots__ = ("d", "m", "_infs")

    def __init__(self, m):
        self.d = array("d", [_INF]) * (m * m)
        self.m = m
        self._infs = array("d", [_INF]) * m

    def fill_upper(self, i, upper):
        """Distances of cluster i to i+1 .. m-1 into row i and column i (C-level slices)."""
        d, m = self.d, self.m
        upper = array("d", upper)
        d[i * m + i + 1 : (i + 1) * m] = upper
        d[(i + 1) * m + i :: m] = upper

    def row(self, p):
        """Row p as a new array (a C-speed copy, safe to keep after updates)."""
        return self.d[p * self.m : (p + 1) * self.m]

    def rows(self):
        """Every row, as arrays."""
        return [self.row(p) for p in range(self.m)]

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
            raise ValueError(say("error.no_finite"))
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


def check_biggest(maxima, name="y"):
    """Reject distances above MAX_DISTANCE (or NaN), given the maxima of the rows."""
    biggest = max(maxima)
    if not biggest <= MAX_DISTANCE:
        raise ValueError(say("error.too_far", name=name, biggest=biggest, limit=MAX_DISTANCE))


def _matrix_of_uppers(uppers, n):
    """Matrix from the distances of each i to i+1 .. n-1; checks their size."""
    M = Matrix(n)
    maxima = []
    for i, upper in enumerate(uppers):
        maxima.append(max(upper))  # max over a list: no float boxing
        M.fill_upper(i, upper)
    check_biggest(maxima)
    return M


def matrix_from_condensed(flat, n):
    """Matrix of a condensed distance list (scipy's order) of n observations."""
    starts = [i * n - i * (i + 1) // 2 for i in range(n)]
    return _matrix_of_uppers((flat[a : a + n - 1 - i] for i, a in enumerate(starts[:-1])), n)


def matrix_from_rows(rows, metric):
    """Matrix of the distances between observations, from the metric's kernel."""
    return _matrix_of_uppers(distance_rows(rows, metric), len(rows))


# -------------------------------------------------- single linkage ----


def relabel(merges, n):
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


def mst_single(M):
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
    return relabel(merges, n)


def mst_single_from_rows(rows, metric):
    """Prim's algorithm on observations, computing each distance when needed.

    Single linkage reads every distance exactly once (row x against the points
    not yet in the tree), so no n x n matrix is built: the same kernel calls
    as the matrix would make, about half the time, none of the memory.  The
    metric's kernel is symmetric to the bit, so the distances equal the
    matrix's.  The largest distance is still checked, after the fact.
    """
    kernel = get_kernel(metric)
    rest = kernel.prepare(rows)
    distances = kernel.distances
    n = len(rest)
    ids = list(range(n))
    merges = []
    maxima = []
    best = [_INF] * (n - 1)
    x = 0
    point = rest.pop(0)
    del ids[0]
    for _ in range(n - 1):
        row = distances(point, rest)
        maxima.append(max(row))
        best = [d if d < b else b for b, d in zip(best, row)]
        h = min(best)
        pos = best.index(h)
        y = ids.pop(pos)
        point = rest.pop(pos)
        del best[pos]
        merges.append((x, y, h))
        x = y
    check_biggest(maxima)
    return relabel(merges, n)


# ------------------------------------------------- reducible methods ----


def nn_chain(M, update):
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
        new = array("d", update(M.row(x), M.row(y), m, nx, ny, size))
        size[x] = 0
        size[y] = nx + ny
        live.remove(x)
        M.merge(x, y, new)
    return relabel(merges, n)


# --------------------------------------------- non-reducible methods ----


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


def generic(M, update):
    """Muellner's generic algorithm (scipy's fast_linkage) for centroid/median.

    Cluster ``o`` (an observation id; the heap key) sits at position
    ``pos[o]`` of the matrix, which is compacted to the live clusters now and then.
    ``size`` is indexed by id, ``size_at`` (for ``update``) by position.
    """
    n = M.m
    size = [1] * n
    size_at = [1] * n
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
            size_at = [size_at[p] for p in live]
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
        size_at[px] = 0
        size_at[py] = nx + ny
        new = array("d", update(M.row(px), M.row(py), dist, nx, ny, size_at))
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


# ------------------------------------------ walking the tree (fcluster) ----


def max_dists(n, left, right, heights):
    """For each row, the largest height in its subtree (scipy's maxdists)."""
    md = []
    for a, b, h in zip(left, right, heights):
        if a >= n and md[a - n] > h:
            h = md[a - n]
        if b >= n and md[b - n] > h:
            h = md[b - n]
        md.append(h)
    return md


def monocrit_labels(n, left, right, mc, cutoff):
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


def count_clusters(n, left, right, mc, thresh, max_nc):
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
