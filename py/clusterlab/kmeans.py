"""K-means clustering with every step visible, and scikit-learn's API.

==================================  ===================================================
``KMeans(n_clusters, ...)``         the estimator: ``fit``, ``predict``, ``transform``
``KMeans.history_``                 one :class:`Step` per iteration (the lecture's tables)
``Step.table()``                    one iteration as a text table
``history_table(model, step)``      the same, called on a fitted model
``within_cluster_variation(X, l)``  W(C_k) of ISLR eq. 12.17 for every cluster
``elbow(X, ks)``                    (k, best inertia of ``n_init`` starts) per k
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

Speed (the algorithm is in :mod:`clusterlab._lloyd`, shared with
:mod:`clusterlab.quantize`): rows are tuples for ``math.dist``, and the
assignment step uses Hamerly's triangle-inequality bounds, which skip most
distance computations once the clusters settle.  The bounds only skip a
point when its centroid is nearer than every other by a safety margin, so
the labels are exactly those of plain Lloyd.  On wide data (more features
than observations, e.g. NCI60's 64 x 6830) with several starts, the
distances between observations are computed once and each start runs on
them alone, with no work per feature (``PairwiseLloyd``); it gives plain
Lloyd's labels or hands the start back to it.  Only the best start's steps
are recorded in ``history_``, and a step's distances are computed when
first read.

Empty clusters (a centroid that attracts no observation, or only
observations of weight 0) are handled as in scikit-learn: the centroid is
moved onto the observation farthest from its own centroid (the farthest
first; ties go to the lowest index), and that observation leaves its old
cluster.  If every observation sits exactly on its
centroid the empty centroid keeps its place (scikit-learn would move it to
the data mean); a :class:`ConvergenceWarning` then says so.

Reproducibility: ``random_state`` seeds a :class:`random.Random` whose
``random()`` and ``sample()`` give the same numbers on every CPython
version, and sums use :func:`math.fsum`, so a seed gives the same result on
CPython 3.11 and in Pyodide.
"""

from __future__ import annotations

import inspect
import math
import random
import warnings
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from operator import mul, truediv

from ._language import coordinates, say
from ._language import decimals as in_decimals
from ._lloyd import (
    FloatMeans,
    PairwiseLloyd,
    distance_columns,
    inertia,
    kmeanspp,
    lloyd,
    margin,
    nearest_two,
    pairwise_pays,
    random_init,
)
from ._text import text_table
from ._validate import (
    as_int,
    as_list,
    as_matrix,
    as_number,
    as_seed,
    as_vector,
    choice,
    public_names,
)
from .exceptions import ConvergenceWarning, NotFittedError

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

_dist = math.dist


@dataclass
class Step:
    """One iteration of K-means: the assignment made from ``centroids``.

    ``labels[i]`` is the nearest centroid of observation i (0-based);
    ``changed`` the indices of the observations whose cluster differs from
    the previous step (all of them in step 0); ``inertia`` the weighted sum
    of squared distances to the assigned centroids; ``distances[i][j]`` the
    Euclidean distance from observation i to centroid j, computed when first
    read (None for big data, see ``HISTORY_DISTANCE_LIMIT``).
    """

    iteration: int
    centroids: list
    labels: list
    changed: list
    inertia: float
    _rows: list | None = field(default=None, repr=False, compare=False)

    @property
    def distances(self) -> list | None:
        rows = self._rows
        if rows is None or len(rows) * len(self.centroids) > HISTORY_DISTANCE_LIMIT:
            return None
        if not hasattr(self, "_distances"):
            C = [tuple(c) for c in self.centroids]
            self._distances = [list(map(_dist, C, repeat(x))) for x in rows]
        return self._distances

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
            raise ValueError(say("error.row_names", got=len(names), n=n))
        fmt = partial(in_decimals, places=as_int(decimals, "decimals", minimum=0))
        cent = "; ".join(f"C{j + 1} = (" + coordinates(map(fmt, c)) + ")" for j, c in enumerate(self.centroids))
        header = [say("table.obs")]
        columns = [names]
        if X is not None:
            X = as_matrix(X, "X")
            header += [f"x{j + 1}" for j in range(len(X[0]))]
            columns += [list(map(fmt, col)) for col in zip(*X)]
        distances = self.distances
        if distances is not None:
            header += [f"d(C{j + 1})" for j in range(k)]
            columns += [list(map(fmt, col)) for col in zip(*distances)]
        changed = set(self.changed)
        header += [say("table.cluster"), say("table.moved")]
        columns += [[f"C{a + 1}" for a in self.labels], ["*" if i in changed else "" for i in range(n)]]
        table = text_table(header, zip(*columns))
        head = say("table.iteration", it=self.iteration + 1, centroids=cent)
        return f"{head}\n{table}\n{say('table.inertia', inertia=fmt(self.inertia))}"


# ---------------------------------------------------------------- helpers
# These take validated rows (tuples of floats); W is a list of weights or None.
# The algorithm itself (k-means++, assignment, Lloyd's loop) is in _lloyd.


def _tolerance(X, tol):
    """scikit-learn's absolute tolerance: tol times the mean per-feature variance.

    The variances' sum is the mean squared distance to the mean row, so the
    work per feature is one ``fsum`` of a column.
    """
    if tol == 0:
        return 0.0
    n, d = len(X), len(X[0])
    mean = tuple(map(truediv, map(math.fsum, zip(*X)), repeat(float(n))))
    dist = list(map(_dist, X, repeat(mean, n)))
    return math.fsum(map(mul, dist, dist)) / n / d * tol


def _run(X, W, C, max_iter, tol, eps, *, record=False, first_columns=None, assignments=None):
    """One run of Lloyd from centroids C: (LloydResult, history)."""
    history = []

    def on_step(it, centres, labels, changed):
        history.append(Step(it, [list(c) for c in centres], list(labels), changed,
                            inertia(X, W, centres, labels), X))

    run = lloyd(X, C, FloatMeans(X, W), max_iter, tol, eps=eps, first_columns=first_columns,
                assignments=assignments, on_step=on_step if record else None)
    return run, history


def _best_start(X, W, starts, max_iter, tol, eps, pairwise=None):
    """(index of the first start whose run ends with the lowest inertia, its PairwiseRun or None).

    Starts are lists of row indices.  With ``pairwise`` (a
    :class:`PairwiseLloyd`) the runs give the labels of plain Lloyd and
    inertias to within ``inertia_margin``; when runs that end in different
    clusters are within that margin of the lowest, their exact inertias decide.
    """
    if pairwise is None:
        inertias = [_run(X, W, [X[i] for i in seeds], max_iter, tol, eps)[0].inertia for seeds in starts]
        return inertias.index(min(inertias)), None
    runs, exact = [], {}
    for s, seeds in enumerate(starts):
        run = pairwise.run(seeds, max_iter, tol)
        if run is None:  # a near tie or an empty cluster: plain Lloyd decides
            exact[s] = _run(X, W, [X[i] for i in seeds], max_iter, tol, eps)[0].inertia
        runs.append(run)
    approx = [exact[s] if run is None else run.inertia for s, run in enumerate(runs)]
    lowest = min(approx)
    near = [s for s in range(len(runs)) if approx[s] <= lowest + pairwise.inertia_margin]
    keys = {s: _partition_key(runs[s].centre_labels, runs[s].labels) for s in near if s not in exact}
    if len(near) == len(keys) and len(set(keys.values())) == 1:
        return near[0], runs[near[0]]  # one clustering, found first by near[0]
    best, seen = None, {}
    for s in near:
        if s not in exact:
            if keys[s] not in seen:
                seen[keys[s]] = _exact_inertia(X, W, runs[s], len(starts[s]))
            exact[s] = seen[keys[s]]
        if best is None or exact[s] < exact[best]:
            best = s
    return best, runs[best]


def _partition_key(centre_labels, labels):
    """The same for two runs whose clusters differ only in their numbers."""
    number = {}
    for a in centre_labels:
        number.setdefault(a, len(number))
    return tuple(map(number.__getitem__, centre_labels)), tuple(map(number.__getitem__, labels))


def _exact_inertia(X, W, run, k):
    """The inertia plain Lloyd computes for a PairwiseRun: centroids are fsum means."""
    groups = [[] for _ in range(k)]
    for i, a in enumerate(run.centre_labels):
        groups[a].append(i)
    means = FloatMeans(X, W)
    return inertia(X, W, [means.mean(g) for g in groups], run.labels)


# ---------------------------------------------------------------- estimator


def _check_weights(sample_weight, n):
    if sample_weight is None:
        return None
    w = as_vector(sample_weight, "sample_weight")
    if len(w) != n:
        raise ValueError(say("error.sample_weight_count", got=len(w), n=n))
    if any(v < 0 for v in w):
        raise ValueError(say("error.sample_weight_negative"))
    if not any(v > 0 for v in w):
        raise ValueError(say("error.sample_weight_zero"))
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
    algorithm, copy_x, verbose : scikit-learn's, accepted so that its code
        runs unchanged: ``"lloyd"`` or ``"elkan"`` (an exact speed-up of
        Lloyd's, so the same clusters), ``copy_x`` has nothing to do (X is
        never changed), and ``verbose`` must be 0 (read ``history_`` instead).

    As in scikit-learn, ``fit(X, y)`` ignores ``y`` (labels are not used to
    cluster), weights go by name, ``fit(X, sample_weight=w)``, and
    ``get_params``/``set_params`` make the estimator work with
    ``sklearn.base.clone``.  The ``repr`` shows the parameters that differ
    from their defaults, as scikit-learn's does.

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
    >>> km
    KMeans(init='random', n_clusters=2, n_init=5, random_state=0)
    """

    def __init__(self, n_clusters=8, *, init="k-means++", n_init="auto", max_iter=300, tol=1e-4,
                 verbose=0, random_state=None, copy_x=True, algorithm="lloyd"):
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.verbose = verbose
        self.random_state = random_state
        self.copy_x = copy_x
        self.algorithm = algorithm

    # -- scikit-learn's estimator protocol ---------------------------------
    @classmethod
    def _param_names(cls):
        return sorted(name for name in inspect.signature(cls.__init__).parameters if name != "self")

    def get_params(self, deep=True):
        """The constructor's parameters, by name (scikit-learn's ``get_params``)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params):
        """Set constructor parameters by name; returns ``self`` (scikit-learn's ``set_params``)."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(say("error.invalid_parameter", name=name, estimator=self, valid=valid))
            setattr(self, name, value)
        return self

    def __repr__(self):
        defaults = {name: p.default for name, p in inspect.signature(KMeans.__init__).parameters.items()}
        changed = [f"{name}={value!r}" for name, value in self.get_params().items()
                   if not _same(value, defaults[name])]
        return f"{type(self).__name__}({', '.join(changed)})"

    # -- parameter checks --------------------------------------------------
    def _check_params(self, X):
        n, d = len(X), len(X[0])
        k = as_int(self.n_clusters, "n_clusters", minimum=1)
        if k > n:
            raise ValueError(say("error.too_many_clusters", k=k, n=n))
        init = self.init
        if isinstance(init, str):
            init = choice(init, "init", ["k-means++", "random"])
        else:
            try:
                init = as_matrix(init, "init")
            except (TypeError, ValueError) as e:
                raise type(e)(say("error.init_wrapped", error=str(e), k=k)) from None
            if len(init) != k or len(init[0]) != d:
                raise ValueError(say("error.init_shape", rows=len(init), cols=len(init[0]), k=k, d=d))
        if self.n_init == "auto":
            n_init = 10 if init == "random" else 1
        else:
            if isinstance(self.n_init, str):
                raise ValueError(say("error.n_init", n_init=self.n_init))
            n_init = as_int(self.n_init, "n_init", minimum=1)
            if not isinstance(init, str) and n_init != 1:
                warnings.warn(
                    say("warning.n_init_changed", n_init=n_init),
                    RuntimeWarning,
                    stacklevel=3,
                )
                n_init = 1
        max_iter = as_int(self.max_iter, "max_iter", minimum=1)
        tol = as_number(self.tol, "tol")
        if tol < 0:
            raise ValueError(say("error.tol_negative", tol=tol))
        as_seed(self.random_state)
        choice(self.algorithm, "algorithm", ["lloyd", "elkan"])
        if not isinstance(self.copy_x, bool):
            raise TypeError(say("error.copy_x", value=self.copy_x))
        if self.verbose not in (0, False):
            raise ValueError(say("error.verbose", value=self.verbose))
        return k, init, n_init, max_iter, tol

    def fit(self, X, y=None, sample_weight=None):
        """Compute the clustering; returns ``self``.  ``y`` is ignored, as in scikit-learn."""
        X = as_matrix(X, "X")
        k, init, n_init, max_iter, tol = self._check_params(X)
        W = _check_weights(sample_weight, len(X))
        rows = list(map(tuple, X))  # math.dist is fastest on tuples
        distinct = len(set(rows))
        if distinct < k:
            warnings.warn(
                say("warning.duplicates", distinct=distinct, k=k),
                ConvergenceWarning,
                stacklevel=2,
            )
        tol = _tolerance(rows, tol)
        if isinstance(init, str):
            C0, eps, first, found = self._best_start(rows, W, k, init, n_init, max_iter, tol)
        else:
            C0 = list(map(tuple, init))
            eps, first, found = margin(rows, C0), None, None
        # the best start's run, recording its steps (cheaper than recording every run);
        # with the assignments PairwiseLloyd found, only the centres are computed again
        run, history = _run(rows, W, C0, max_iter, tol, eps, record=True, first_columns=first,
                            assignments=found.assignments if found else None)
        labels = run.labels
        if distinct >= k and len(set(labels)) < k:
            warnings.warn(
                say("warning.fewer_clusters", found=len(set(labels)), k=k),
                ConvergenceWarning,
                stacklevel=2,
            )
        self.labels_ = labels
        self.cluster_centers_ = [list(c) for c in run.centres]
        self.inertia_ = run.inertia
        self.n_iter_ = run.n_iter
        self.history_ = history
        self.n_features_in_ = len(X[0])
        return self

    def _best_start(self, rows, W, k, init, n_init, max_iter, tol):
        """The initial centroids of the best of ``n_init`` starts drawn from the rows, with
        the pruning margin, their distances to the rows and the PairwiseLloyd run, if any."""
        n, d = len(rows), len(rows[0])
        rng = random.Random(self.random_state)
        pairwise = PairwiseLloyd(rows, W) if pairwise_pays(n, d, n_init) else None
        if init == "random":
            starts = [random_init(rows, W, k, rng) for _ in range(n_init)]
        else:
            squared_row = pairwise.squared_row if pairwise else None
            starts = [kmeanspp(rows, W, k, rng, squared_row) for _ in range(n_init)]
        eps = margin(rows, [])
        best, found = _best_start(rows, W, starts, max_iter, tol, eps, pairwise) if n_init > 1 else (0, None)
        first = [pairwise.D[i] for i in starts[best]] if pairwise else None
        return [rows[i] for i in starts[best]], eps, first, found

    def fit_predict(self, X, y=None, sample_weight=None):
        """Fit and return ``labels_`` (``y`` is ignored)."""
        return self.fit(X, sample_weight=sample_weight).labels_

    def _check_fitted(self, X, what):
        if not hasattr(self, "cluster_centers_"):
            raise NotFittedError(say("error.not_fitted", what=what))
        X = as_matrix(X, "X")
        if len(X[0]) != self.n_features_in_:
            raise ValueError(say("error.features_changed", got=len(X[0]), p=self.n_features_in_))
        return X

    def predict(self, X):
        """Index of the nearest fitted centroid for each observation."""
        X = list(map(tuple, self._check_fitted(X, "predict")))
        return nearest_two(distance_columns(X, list(map(tuple, self.cluster_centers_))))[0]

    def transform(self, X):
        """Euclidean distance from each observation to each centroid (n x K)."""
        X = self._check_fitted(X, "transform")
        C = list(map(tuple, self.cluster_centers_))
        return [list(map(_dist, C, repeat(x))) for x in map(tuple, X)]

    def fit_transform(self, X, y=None, sample_weight=None):
        """Fit, then return ``transform(X)`` (``y`` is ignored)."""
        return self.fit(X, sample_weight=sample_weight).transform(X)

    def score(self, X, y=None, sample_weight=None):
        """Opposite of the inertia of X under the fitted centroids (as scikit-learn; ``y`` is ignored)."""
        X = self._check_fitted(X, "score")
        W = _check_weights(sample_weight, len(X))
        X = list(map(tuple, X))
        C = list(map(tuple, self.cluster_centers_))
        return -inertia(X, W, C, nearest_two(distance_columns(X, C))[0])


def _same(value, default) -> bool:
    """Whether a parameter still has its default (1e-4 == 0.0001; 0 is not False)."""
    return type(value) is type(default) and value == default


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
        raise NotFittedError(say("error.not_fitted_history"))
    step = as_int(step, "step", minimum=-len(model.history_), maximum=len(model.history_) - 1)
    return model.history_[step].table(row_names=row_names, decimals=decimals, X=X)


def within_cluster_variation(X, labels) -> list[float]:
    """W(C_k) for k = 0, 1, ...: ISLR eq. 12.17, (1/|C_k|) sum_{i,i' in C_k} ||x_i - x_i'||^2.

    The sum runs over ordered pairs (i, i'), so each pair of observations
    counts twice: here the one pair, 2 apart, gives (4 + 4) / 2, and
    summing it once would give half.  Computed the fast way, as
    2 * sum_{i in C_k} ||x_i - mean_k||^2 (equal to the pairwise form).
    Clusters without observations get 0.0.

    >>> within_cluster_variation([[0, 0], [2, 0], [10, 10]], [0, 0, 1])
    [4.0, 0.0]
    """
    X = as_matrix(X, "X")
    labs = _rows_list(labels)
    if len(labs) != len(X):
        raise ValueError(say("error.label_count", got=len(labs), n=len(X)))
    rows = list(map(tuple, X))
    groups = [[] for _ in range(max(labs) + 1)]
    for i, a in enumerate(labs):
        groups[a].append(i)
    means, out = FloatMeans(rows, None), []
    for members in groups:
        m = means.mean(members)
        d = [_dist(rows[i], m) for i in members] if members else []
        out.append(2.0 * math.fsum(map(mul, d, d)))
    return out


def _rows_list(labels):
    labs = as_list(labels)
    if labs is None:
        raise TypeError(say("error.labels_type", kind=type(labels).__name__))
    return [as_int(v, f"labels[{i}]", minimum=0) for i, v in enumerate(labs)]


def elbow(X, ks=range(1, 9), *, init="k-means++", n_init=10, random_state=0, sample_weight=None) -> list:
    """Inertia of the best of ``n_init`` K-means runs for each k in ``ks``, as (k, inertia) pairs.

    >>> [(k, round(w, 1)) for k, w in elbow([[1], [2], [10], [11]], ks=[1, 2])]
    [(1, 82.0), (2, 1.0)]

    Each k keeps the lowest inertia that its ``n_init`` starts reach, so the
    curve is only as good as those starts.  The larger k, the more local
    optima there are, and the default 10 starts can miss the lowest inertia
    there is; raise ``n_init`` when the tail of the curve matters.  On the
    iris petals, 10 starts give 11.06 for k = 6, where 100 starts find 11.03:

    >>> from clusterlab.datasets import load_iris
    >>> petals = load_iris(columns=["Petal.Length", "Petal.Width"]).data
    >>> [round(w, 2) for n_init in (10, 100) for _, w in elbow(petals, ks=[6], n_init=n_init)]
    [11.06, 11.03]
    """
    out = []
    for k in ks:
        km = KMeans(k, init=init, n_init=n_init, random_state=random_state).fit(X, sample_weight=sample_weight)
        out.append((k, km.inertia_))
    return out


__dir__ = public_names(__all__)  # dir() and tab completion show the module's own names
