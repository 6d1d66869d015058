"""Checks for a learner's own K-means: ``assign`` and ``update``, with answers that explain.

=========================================  ==================================================
``check_assign(assign)``                   the reader's ``assign(points, centroids)`` on five cases
``check_update(update)``                   the reader's ``update(points, labels, k)`` on five cases
``check_kmeans(assign, update)``           both, in one report
``play_kmeans(assign, update, X, init)``   run the reader's functions to the end: a ``StepPlayer``
``Report``                                 what a check found: ``ok``, ``problems``, printable
``Verdict(ok, text)``                      one answer checked: "✓ Right: ..." or "✗ Not yet: ..."
=========================================  ==================================================

The reader writes the two steps of K-means (Lloyd's algorithm):

- ``assign(points, centroids)`` returns, for every point, the number of its
  nearest centroid (0, 1, ..., K-1); on a tie the lower number wins, as in
  clusterlab and scikit-learn;
- ``update(points, labels, k)`` returns the k new centroids, each the mean of
  the points with that label.  A cluster may end up with no point: its
  centroid must still be placed somewhere (any point of the data space is
  accepted; clusterlab and scikit-learn take a far-away observation).

Points and centroids are lists of rows (one row per point, one number per
variable), also for one variable: ``[[636], [473], ...]``.  The expected
answers come from clusterlab: the assignment is the first step of a
:class:`~clusterlab.kmeans.KMeans` started from the given centroids.  A wrong
answer is explained with the numbers of the first observation or centroid it
concerns, not just called wrong:

>>> def assign(points, centroids):          # the farthest centroid: a slip
...     return [max(range(len(centroids)), key=lambda j: sum((p - c) ** 2 for p, c in zip(x, centroids[j])))
...             for x in points]
>>> report = check_assign(assign)
>>> report.ok
False
>>> print(report.problems[0])
the lecture's points a-e, centroids a and d: labels[0] is 1, but observation 0 at (1, 1) is closer to centroid 0 (distance 0) than to centroid 1 (8.49). Every point went to its farthest centroid: take the smallest distance (min), not the largest.
"""

from __future__ import annotations

import copy
import html as _html
import math
import numbers
import warnings

from ._language import say
from ._validate import as_int, as_matrix
from .player import StepPlayer, _short, iteration_frames

__all__ = ["Report", "Verdict", "check_assign", "check_kmeans", "check_update", "play_kmeans"]

_A_TO_E = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
_TEN = [[0, 0.5], [0, 1.5], [3.5, 3.5], [1, 3.5], [7, 5], [10, 2.5], [7, 0.5], [7.5, 9], [0, 9.5], [2, 10]]
_CITIES = [[636], [473], [487], [576], [788], [639], [777], [244], [511], [468]]

#: (name, points, centroids) given to the reader's assign(); a report shows
#: the name in clusterlab's language (``check.assign_case_<i>`` in _language)
ASSIGN_CASES = [
    ("the lecture's points a-e, centroids a and d", _A_TO_E, [[1, 1], [7, 7]]),
    ("the ten points A-J, centroids C, G and I", _TEN, [[3.5, 3.5], [7, 0.5], [0, 9.5]]),
    ("one variable: ten cities' density, centroids 244 and 777", _CITIES, [[244], [777]]),
    ("ties: the point 2 is halfway between centroids 1 and 3, the point 4 between 3 and 5",
     [[0], [2], [3], [4], [6]], [[1], [3], [5]]),
    ("a centroid that no point is nearest to", [[0, 0], [1, 0], [0, 1], [-1, -1]], [[0, 0], [10, 10], [0.5, 0.5]]),
]

#: (name, points, labels, k) given to the reader's update(); the name as above
UPDATE_CASES = [
    ("the lecture's points a-e in two clusters", _A_TO_E, [0, 0, 1, 1, 1], 2),
    ("the ten points A-J after the first assignment", _TEN, [0, 0, 0, 0, 0, 1, 1, 0, 2, 2], 3),
    ("one variable: ten cities' density", _CITIES, [1, 0, 0, 1, 1, 1, 1, 0, 1, 0], 2),
    ("labels in any order, a cluster of one point", _A_TO_E, [2, 2, 0, 1, 0], 3),
    ("an empty cluster: no point has label 1", _TEN, [0, 0, 0, 0, 2, 2, 2, 2, 2, 2], 3),
]

_TOL = 1e-9


class Report:
    """The outcome of a check: ``ok``, the ``problems`` found, and a printable summary.

    ``print(report)`` (or the report as a cell's last line) shows one line per
    case, a tick or a cross, and what to fix.
    """

    def __init__(self, sections):
        self.sections = sections  # [(function name, [(case, problem or None)])]

    @property
    def problems(self) -> list[str]:
        """One message per failed case: ``"<case>: <what is wrong>"``."""
        return [f"{case}: {problem}" for _, results in self.sections for case, problem in results if problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def __repr__(self):
        lines = []
        for name, results in self.sections:
            right = sum(problem is None for _, problem in results)
            lines.append(say("check.cases", name=name, right=right, total=len(results)))
            for case, problem in results:
                lines.append(f"  {'✓' if problem is None else '✗'} {case}")
                if problem:
                    lines.append(f"      {problem}")
        lines.append(_all_right([name for name, _ in self.sections]) if self.ok else say("check.fix_first"))
        return "\n".join(lines)

    __str__ = __repr__

    def _repr_html_(self):
        return _wrapping(repr(self))


class Verdict:
    """The outcome of checking one answer: ``ok`` and a sentence saying why.

    >>> Verdict(False, "8.5 is the largest distance; the closest pair is a and b.")
    ✗ Not yet: 8.5 is the largest distance; the closest pair is a and b.
    """

    def __init__(self, ok, text):
        self.ok, self.text = bool(ok), str(text)

    def __repr__(self):
        return say("check.right" if self.ok else "check.not_yet", text=self.text)

    __str__ = __repr__

    def _repr_html_(self):
        return _wrapping(repr(self))


def _wrapping(text) -> str:
    """Text in a ``<pre>`` whose long lines wrap: in the site a printed table
    scrolls sideways, but a check's answer is sentences."""
    return f'<pre class="clp-report">{_html.escape(text, quote=False)}</pre>'


def _all_right(names) -> str:
    """The last line of a report without problems: "All right: your f and g agree ..."."""
    if len(names) == 1:
        return say("check.all_right_one", name=names[0])
    return say("check.all_right_many", names=", ".join(names[:-1]), last=names[-1])


# ------------------------------------------------------------ formatting


def _point(row) -> str:
    return "(" + ", ".join(_short(v) for v in row) + ")"


def _close(a, b) -> bool:
    return math.isclose(a, b, rel_tol=_TOL, abs_tol=_TOL)


def _call(fn, name, *args):
    """Call the reader's function on copies; return (result, problem)."""
    copies = copy.deepcopy(args)
    try:
        result = fn(*copies)
    except Exception as exc:  # noqa: BLE001 - the reader's code may raise anything
        return None, say("check.raised", name=name, error=type(exc).__name__, exc=exc)
    if copies != args:
        return None, say("check.changed_input", name=name)
    return result, None


def _as_list(result, name, what):
    if result is None:
        return None, say("check.returned_none", name=name)
    if isinstance(result, (str, bytes)) or not hasattr(result, "__len__"):
        return None, say("check.not_a_list", name=name, what=what, kind=type(result).__name__, value=repr(result))
    return list(result), None


# ----------------------------------------------------------------- assign


def _labels_problem(result, n, k):
    """Why ``result`` is not a list of n labels in 0..k-1 (None if it is one)."""
    labels, problem = _as_list(result, "assign", say("check.what_labels"))
    if problem:
        return labels, problem
    if len(labels) != n:
        return labels, say("check.label_count", got=len(labels), n=n)
    for i, lab in enumerate(labels):
        if isinstance(lab, bool) or not isinstance(lab, numbers.Integral):
            return labels, say("check.label_type", i=i, value=repr(lab), kind=type(lab).__name__, last=k - 1)
    if any(lab < 0 or lab >= k for lab in labels):
        i = next(i for i, lab in enumerate(labels) if lab < 0 or lab >= k)
        hint = say("check.one_too_high") if all(1 <= lab <= k for lab in labels) else ""
        return labels, say("check.label_range", i=i, value=labels[i], k=k, last=k - 1) + hint
    return [int(v) for v in labels], None


def _reference_step(points, centroids):
    """clusterlab's first assignment from ``centroids``: (labels, distances)."""
    from .kmeans import KMeans

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate points or an unused centroid: fine here
        step = KMeans(len(centroids), init=centroids, n_init=1, max_iter=1, tol=0).fit(points).history_[0]
    return step.labels, step.distances


def _assign_problem(assign, points, centroids):
    result, problem = _call(assign, "assign", points, centroids)
    if problem:
        return problem
    labels, problem = _labels_problem(result, len(points), len(centroids))
    if problem:
        return problem
    expected, dist = _reference_step(points, centroids)
    wrong = [i for i, (got, want) in enumerate(zip(labels, expected)) if got != want]
    if not wrong:
        return None
    i = wrong[0]
    got, want = labels[i], expected[i]
    d = dist[i]
    others = len(wrong) - 1
    more = "" if not others else say("check.one_more_wrong") if others == 1 else say("check.more_wrong", count=others)
    if _close(d[got], d[want]):
        return say("check.tie", i=i, got=got, want=want, point=_point(points[i]), d=_short(d[want])) + more
    message = say("check.closer", i=i, got=got, want=want, point=_point(points[i]), d_want=_short(d[want]),
                  d_got=_short(d[got]))
    farthest = [max(range(len(row)), key=row.__getitem__) for row in dist]
    if labels == farthest and len(centroids) > 1:
        return message + say("check.farthest")
    return message + more


def check_assign(assign) -> Report:
    """Run the reader's ``assign(points, centroids)`` on :data:`ASSIGN_CASES`.

    >>> import math
    >>> def assign(points, centroids):
    ...     return [min(range(len(centroids)), key=lambda j: math.dist(x, centroids[j])) for x in points]
    >>> check_assign(assign).ok
    True
    """
    _check_callable(assign, "assign", "points, centroids")
    return Report([("assign", [(say(f"check.assign_case_{i}"), _assign_problem(assign, X, C))
                               for i, (_, X, C) in enumerate(ASSIGN_CASES)])])


# ----------------------------------------------------------------- update


def _means(points, labels, k):
    """The mean of each cluster's points (None for an empty cluster), with exact sums."""
    groups = [[] for _ in range(k)]
    for x, lab in zip(points, labels):
        groups[lab].append(x)
    return [[math.fsum(col) / len(g) for col in zip(*g)] if g else None for g in groups]


def _centroids_problem(result, k, p):
    """Why ``result`` is not k centroids of p numbers each (None if it is)."""
    rows, problem = _as_list(result, "update", say("check.what_centroids", k=k))
    if problem:
        return rows, problem
    if len(rows) != k:
        return rows, say("check.centroid_count", got=len(rows), k=k)
    out = []
    for j, row in enumerate(rows):
        if isinstance(row, numbers.Real) and p == 1:
            row = [row]
        if isinstance(row, (str, bytes)) or not hasattr(row, "__len__"):
            return rows, say("check.centroid_type", j=j, value=repr(row), p=p)
        row = list(row)
        if len(row) != p:
            return rows, say("check.centroid_length", j=j, got=len(row), p=p)
        for v in row:
            if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(v):
                return rows, say("check.centroid_finite", j=j, value=repr(row))
        out.append([float(v) for v in row])
    return out, None


def _run_update(update, points, labels, k):
    """Call the reader's update; return (centroids, problem), explaining an empty cluster."""
    result, problem = _call(update, "update", points, labels, k)
    centroids = None
    if not problem:
        centroids, problem = _centroids_problem(result, k, len(points[0]))
    if not problem:
        return centroids, None
    empty = [j for j in range(k) if j not in labels]
    about_empty = empty and (
        problem.key in ("check.raised", "check.centroid_count")
        or problem.key.startswith("check.centroid_") and problem.fields.get("j") in empty
    )
    if about_empty:
        problem = f"{problem}{'' if problem.endswith('.') else '.'}{say('check.empty', j=empty[0])}"
    return None, problem


def _update_problem(update, points, labels, k):
    centroids, problem = _run_update(update, points, labels, k)
    if problem:
        return problem
    expected = _means(points, labels, k)
    for j, (got, want) in enumerate(zip(centroids, expected)):
        if want is None or all(map(_close, got, want)):
            continue
        members = [i for i, lab in enumerate(labels) if lab == j]
        message = say("check.not_mean", j=j, members=", ".join(map(str, members)), want=_point(want),
                      got=_point(got))
        return message + _update_hint(got, want, points, members)
    return None


def _update_hint(got, want, points, members):
    """A guess at the slip behind a wrong centroid."""
    m = len(members)
    sums = [math.fsum(points[i][c] for i in members) for c in range(len(want))]
    overall = [math.fsum(col) / len(points) for col in zip(*points)]
    if all(map(_close, got, sums)):
        return say("check.hint_sum", m=m)
    firsts = [i for i in members if all(map(_close, got, points[i]))]
    if firsts:
        return say("check.hint_point", i=firsts[0], m=m)
    if all(map(_close, got, overall)):
        return say("check.hint_all")
    for wrong in (m - 1, m + 1, len(points)):
        if wrong > 0 and all(_close(g, s / wrong) for g, s in zip(got, sums)):
            return say("check.hint_divisor", wrong=wrong, m=m)
    if all(_close(g, s // m) for g, s in zip(got, sums)):
        return say("check.hint_floor")
    return ""


def check_update(update) -> Report:
    """Run the reader's ``update(points, labels, k)`` on :data:`UPDATE_CASES`.

    >>> def update(points, labels, k):          # sums instead of means: a slip
    ...     sums = [[0.0] * len(points[0]) for _ in range(k)]
    ...     for x, lab in zip(points, labels):
    ...         sums[lab] = [s + v for s, v in zip(sums[lab], x)]
    ...     return sums
    >>> print(check_update(update).problems[0])
    the lecture's points a-e in two clusters: centroid 0 should be the mean of observations 0, 1, (1.5, 1), but update gave (3, 2). That is their sum: divide by the number of points, 2.
    """
    _check_callable(update, "update", "points, labels, k")
    return Report([("update", [(say(f"check.update_case_{i}"), _update_problem(update, X, L, k))
                               for i, (_, X, L, k) in enumerate(UPDATE_CASES)])])


def check_kmeans(assign, update) -> Report:
    """Both checks in one report: ``check_assign`` then ``check_update``."""
    return Report(check_assign(assign).sections + check_update(update).sections)


def _check_callable(fn, name, args):
    if not callable(fn):
        raise TypeError(say("error.not_callable", name=name, args=args, kind=type(fn).__name__))


# ------------------------------------------------------------------- play


def play_kmeans(
    assign, update, X, init, names=None, *, max_iter=20, title=None, xlabel=None, ylabel=None, width=None, height=None
):
    """Run K-means with the reader's ``assign`` and ``update`` from ``init``; return a StepPlayer.

    It alternates assign and update until no point changes cluster (or
    ``max_iter`` assignments), and draws every step like
    :func:`clusterlab.player.kmeans_player`.  A function that returns
    something unusable stops it with a message saying what is wrong.
    ``width`` and ``height`` size the figures, as in ``kmeans_player``.

    >>> import math
    >>> def assign(points, centroids):
    ...     return [min(range(len(centroids)), key=lambda j: math.dist(x, centroids[j])) for x in points]
    >>> def update(points, labels, k):
    ...     return [[sum(col) / len(col) for col in zip(*[x for x, l in zip(points, labels) if l == j])] for j in range(k)]
    >>> play_kmeans(assign, update, [[0], [1], [9], [10]], [[0], [10]], names="abcd")
    <StepPlayer: 4 steps, showing step 1>
    """
    _check_callable(assign, "assign", "points, centroids")
    _check_callable(update, "update", "points, labels, k")
    X = as_matrix(X, "X")
    C = as_matrix(init, "init")
    k, p = len(C), len(X[0])
    if len(C[0]) != p:
        raise ValueError(say("error.init_variables", got=len(C[0]), p=p))
    max_iter = as_int(max_iter, "max_iter", minimum=1)
    iterations, previous, settled = [], None, False
    for _ in range(max_iter):  # what stops the run is an error message, in clusterlab's language
        result, problem = _call(assign, "assign", X, C)
        labels, problem = (None, problem) if problem else _labels_problem(result, len(X), k)
        if problem:
            raise ValueError(say("error.iteration", it=len(iterations) + 1, problem=problem))
        iterations.append((C, labels))
        if labels == previous:
            settled = True
            break
        C, problem = _run_update(update, X, labels, k)
        if problem:
            raise ValueError(say("error.iteration", it=len(iterations), problem=problem))
        previous = labels
    figures, captions = iteration_frames(
        X, iterations, C, names, update_caption=say("check.your_update"), xlabel=xlabel, ylabel=ylabel,
        width=width, height=height,
    )
    if not settled:
        captions[-1] += say("check.stopped", max_iter=max_iter)
    return StepPlayer(figures, captions, title=title)
