"""clusterlab.hierarchy against scipy.cluster.hierarchy, plus properties and errors."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.cluster import hierarchy as H
from scipy.spatial.distance import pdist

from clusterlab import distance
from clusterlab import hierarchy as h
from clusterlab.distance import distance_matrix, squareform

METHODS = h.METHODS
MONOTONE = ("single", "complete", "average", "weighted", "ward")
GENERAL = ("single", "complete", "average", "weighted")  # methods for any metric
SIZES = [(2, 1), (3, 2), (4, 1), (5, 3), (9, 2), (16, 10), (31, 4), (64, 2), (120, 5), (200, 3)]
AE = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]


def data(n, p, seed=0):
    return np.random.default_rng(seed * 1000 + n * 10 + p).normal(size=(n, p))


def assert_same_Z(ours, theirs):
    ours = np.asarray(ours, dtype=float)
    assert ours.shape == theirs.shape
    np.testing.assert_array_equal(ours[:, [0, 1, 3]], theirs[:, [0, 1, 3]])
    np.testing.assert_allclose(ours[:, 2], theirs[:, 2], rtol=1e-9, atol=1e-12)


# ------------------------------------------------------------- linkage ----


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("condensed", [False, True], ids=["observations", "condensed"])
def test_linkage_equals_scipy(method, condensed):
    for n, p in SIZES:
        X = data(n, p)
        y = pdist(X) if condensed else X
        assert_same_Z(h.linkage(y.tolist(), method), H.linkage(y, method))


@pytest.mark.parametrize("method", GENERAL)
@pytest.mark.parametrize("metric", ["cityblock", "correlation", "sqeuclidean"])
def test_linkage_other_metrics_equal_scipy(method, metric):
    for n, p in [(3, 3), (10, 4), (50, 6), (150, 3)]:
        X = data(n, p, seed=1)
        assert_same_Z(h.linkage(X.tolist(), method, metric), H.linkage(X, method, metric))
        # the same distances given as a condensed list
        assert_same_Z(h.linkage(pdist(X, metric).tolist(), method), H.linkage(X, method, metric))


@pytest.mark.parametrize("method", METHODS)
def test_linkage_ties_follow_scipy(method):
    rng = np.random.default_rng(7)
    for _ in range(25):
        n, p = int(rng.integers(2, 30)), int(rng.integers(1, 3))
        X = rng.integers(0, 4, size=(n, p)).astype(float)  # duplicates and equal distances
        assert_same_Z(h.linkage(X.tolist(), method), H.linkage(X, method))


def test_linkage_accepts_numpy_and_returns_plain_python():
    X = data(12, 3)
    Z = h.linkage(X, "ward")
    assert isinstance(Z, list) and all(isinstance(r, list) for r in Z)
    a, b, dist, size = Z[0]
    assert type(a) is int and type(b) is int and type(dist) is float and type(size) is int
    assert_same_Z(h.linkage(pdist(X), "average"), H.linkage(pdist(X), "average"))


def test_linkage_lecture_example():
    Z = h.linkage(AE, "single")
    assert [r[:2] for r in Z] == [[0, 1], [3, 4], [2, 6], [5, 7]]
    heights = [r[2] for r in Z]
    assert heights == pytest.approx([1.0, 2.0, math.sqrt(5), math.sqrt(20)], rel=1e-12)
    assert [r[3] for r in Z] == [2, 2, 3, 5]


@pytest.mark.parametrize("method", METHODS)
def test_linkage_on_wide_data_equals_scipy(method):
    """n = 30 observations of p = 5000 features, like the NCI60 lesson."""
    X = data(30, 5000, seed=5)
    assert_same_Z(h.linkage(X.tolist(), method), H.linkage(X, method))
    if method in GENERAL:
        for metric in ("cityblock", "correlation", "sqeuclidean"):
            assert_same_Z(h.linkage(X.tolist(), method, metric), H.linkage(X, method, metric))


# ------------------------------------------ one distance kernel, shared ----


@pytest.mark.parametrize("metric", ["euclidean", "correlation"])
def test_hierarchy_and_distance_share_the_kernel(monkeypatch, metric):
    """A spy in place of the metric's kernel sees every distance of pdist and of linkage."""
    calls = []
    real = distance.KERNELS[metric]

    def spy(u, rows):
        calls.append(len(rows))
        return real.distances(u, rows)

    monkeypatch.setitem(distance.KERNELS, metric, distance.Kernel(real.prepare, spy))
    X = data(12, 6, seed=6).tolist()
    pairs = 12 * 11 // 2
    expected = {
        "pdist": lambda: distance.pdist(X, metric),
        "distance_matrix": lambda: distance_matrix(X, metric),
        "complete": lambda: h.linkage(X, "complete", metric),
        "single": lambda: h.linkage(X, "single", metric),  # the matrix-free path
        "merge_steps": lambda: h.merge_steps(X, "average", metric),
    }
    results = {}
    for name, call in expected.items():
        calls.clear()
        results[name] = call()
        assert len(calls) == 11 and sum(calls) == pairs, name  # one call per row, each pair once
    monkeypatch.undo()
    assert results["complete"] == h.linkage(X, "complete", metric)
    assert results["single"] == h.linkage(X, "single", metric)
    assert_same_Z(results["single"], H.linkage(np.array(X), "single", metric))


def test_matrix_free_single_linkage_equals_the_matrix_path():
    """Single linkage on observations computes no matrix; on pdist's list it does: same Z."""
    X = data(40, 7, seed=7).tolist()
    for metric in ("euclidean", "sqeuclidean", "cityblock", "correlation"):
        assert h.linkage(X, "single", metric) == h.linkage(distance.pdist(X, metric), "single")


# --------------------------------------------- the Lance-Williams table ----


@pytest.mark.parametrize("method", METHODS)
def test_fast_updates_follow_the_lance_williams_coefficients(method):
    rng = np.random.default_rng(8)
    for _ in range(20):
        m = int(rng.integers(3, 12))
        # distances of a small Euclidean configuration, so the squared formulas apply
        P = rng.normal(size=(m, 2))
        D = np.sqrt(((P[:, None] - P[None]) ** 2).sum(-1))
        np.fill_diagonal(D, np.inf)
        sizes = rng.integers(1, 6, size=m).tolist()
        x, y = 0, 1
        args = (D[x].tolist(), D[y].tolist(), float(D[x, y]), sizes[x], sizes[y], sizes)
        fast = h.LANCE_WILLIAMS[method].update(*args)
        slow = h.lance_williams(method, *args)
        assert slow[x] == slow[y] == math.inf
        np.testing.assert_allclose(fast[2:], slow[2:], rtol=1e-12, atol=1e-12)


def test_table_flags():
    assert h.METHODS == tuple(h.LANCE_WILLIAMS)
    assert {m for m, row in h.LANCE_WILLIAMS.items() if row.euclidean_only} == {"centroid", "median", "ward"}
    assert {m for m, row in h.LANCE_WILLIAMS.items() if not row.reducible} == {"centroid", "median"}


@pytest.mark.parametrize("like", ["complete", "average", "ward", "centroid"])
def test_a_new_method_is_one_row_of_the_table(monkeypatch, like):
    """A row without a fast update works everywhere, from its coefficients alone."""
    row = h.LANCE_WILLIAMS[like]
    monkeypatch.setitem(h.LANCE_WILLIAMS, "new", row._replace(update=None))
    X = data(40, 3, seed=9)
    assert_same_Z(h.linkage(X.tolist(), "new"), H.linkage(X, like))
    assert_same_Z(h.linkage(pdist(X).tolist(), "new"), H.linkage(X, like))
    steps = h.merge_steps(X[:8].tolist(), "new")
    assert [s.height for s in steps] == pytest.approx([s.height for s in h.merge_steps(X[:8].tolist(), like)])
    if row.euclidean_only:
        with pytest.raises(ValueError, match="method='new' needs Euclidean distances"):
            h.linkage(X.tolist(), "new", "cityblock")


# ------------------------------------------------ a distance matrix given ----


def test_linkage_warns_when_given_a_square_distance_matrix():
    D = distance_matrix(AE)
    for call in (lambda: h.linkage(D, "average"), lambda: h.merge_steps(D, "average")):
        with pytest.warns(h.ClusterWarning, match=r"looks like a distance matrix.*squareform\(D\).*observations") as w:
            call()
        assert w[0].filename == __file__  # points at the caller's line
    assert issubclass(h.ClusterWarning, UserWarning)
    # what to do instead does not warn, and gives the lecture's tree
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert h.linkage(squareform(D), "single") == h.linkage(AE, "single")
        h.linkage(AE, "single")
        h.linkage([[0, 1, 2], [1, 0, 3], [2, 4, 0]])  # not symmetric
        h.linkage([[1, 1], [1, 1]])                   # not a zero diagonal
        h.linkage([[0, 1, 2], [1, 0, 3]])             # not square


# ------------------------------------------------- fcluster and friends ----


def cut_heights(Z):
    """Thresholds strictly between consecutive distinct heights (no float ties)."""
    hs = sorted(set(Z[:, 2].tolist()))
    return [hs[0] / 2] + [(a + b) / 2 for a, b in zip(hs, hs[1:])][:: max(1, len(hs) // 6)] + [hs[-1] * 2]


@pytest.mark.parametrize("method", METHODS)
def test_flat_clusters_and_leaves_equal_scipy(method):
    for n, p in SIZES[1:]:
        X = data(n, p, seed=2)
        Zs = H.linkage(X, method)
        Z = h.linkage(X.tolist(), method)
        assert h.leaves_list(Z) == H.leaves_list(Zs).tolist()
        ks = sorted({1, 2, 3, n // 2, n - 1, n, n + 3} - {0})
        for k in ks:
            assert h.fcluster(Z, k, criterion="maxclust") == H.fcluster(Zs, k, criterion="maxclust").tolist()
        for t in cut_heights(Zs):
            assert h.fcluster(Z, t, criterion="distance") == H.fcluster(Zs, t, criterion="distance").tolist()
        # Largest k first: scipy fills the k = n column wrongly unless it comes first.
        ks = sorted((k for k in ks if k <= n), reverse=True)
        assert h.cut_tree(Z, n_clusters=ks) == H.cut_tree(Zs, n_clusters=ks).tolist()
        for k in ks:
            assert h.cut_tree(Z, n_clusters=k) == H.cut_tree(Zs, n_clusters=k).ravel().tolist()
    if method in MONOTONE:
        Zs = H.linkage(data(20, 2), method)
        Z = h.linkage(data(20, 2), method)
        ts = cut_heights(Zs)
        assert h.cut_tree(Z, height=ts) == H.cut_tree(Zs, height=ts).tolist()
        assert h.cut_tree(Z) == H.cut_tree(Zs).tolist()


@pytest.mark.parametrize("method", METHODS)
def test_inconsistent_and_its_fcluster_equal_scipy(method):
    for n, p in SIZES[1:8]:
        Zs = H.linkage(data(n, p, seed=4), method)
        Z = h.linkage(data(n, p, seed=4).tolist(), method)
        for d in (0, 1, 2, 3, 6):
            # the same Z gives the same floats; our own Z may differ from scipy's in the last bit
            assert np.array_equal(np.array(h.inconsistent(Zs.tolist(), d)), H.inconsistent(Zs, d))
            np.testing.assert_allclose(h.inconsistent(Z, d), H.inconsistent(Zs, d), rtol=1e-9, atol=1e-9)
            coefficients = sorted(set(H.inconsistent(Zs, d)[:, 3].tolist()))
            cuts = [-1.0, 0.0, 9.0] + [(a + b) / 2 for a, b in zip(coefficients, coefficients[1:])]
            for t in cuts:
                want = H.fcluster(Zs, t, criterion="inconsistent", depth=d).tolist()
                assert h.fcluster(Zs.tolist(), t, criterion="inconsistent", depth=d) == want
                assert h.fcluster(Zs.tolist(), t, "inconsistent", R=H.inconsistent(Zs, d)) == want
                # on our own Z, away from coefficients that scipy's Z gives a bit apart
                if min(abs(t - c) for c in coefficients) > 1e-9:
                    assert h.fcluster(Z, t, criterion="inconsistent", depth=d) == want


def test_fcluster_without_a_criterion_refuses_and_says_what_scipy_would_give():
    """scipy's default criterion is 'inconsistent': fcluster(Z, 4) there is not four clusters."""
    from clusterlab.datasets import load_nci60

    X = load_nci60().standardized().data
    Zs = H.linkage(np.array(X), "complete")
    scipy_default = H.fcluster(Zs, 4)
    assert len(set(scipy_default.tolist())) == 1  # one cluster of 64: the trap
    with pytest.raises(ValueError) as error:
        h.fcluster(Zs.tolist(), 4)
    message = str(error.value)
    for words in ("criterion='inconsistent'", "gives 1 cluster here", "criterion='maxclust'", "criterion='distance'"):
        assert words in message
    a_e = H.linkage(np.array([[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]), "complete")
    assert H.fcluster(a_e, 3).tolist() == [1] * 5
    with pytest.raises(ValueError, match="gives 1 cluster here"):
        h.fcluster(a_e.tolist(), 3)
    with pytest.raises(ValueError, match="R must have one row"):
        h.fcluster(a_e.tolist(), 1, "inconsistent", R=[[0, 0, 1, 0]])
    with pytest.raises(ValueError, match="unknown criterion 'monocrit'"):
        h.fcluster(a_e.tolist(), 1, "monocrit")


@pytest.mark.parametrize("method", METHODS)
def test_dendrogram_equals_scipy(method):
    for n, p in SIZES:
        X = data(n, p, seed=3)
        Zs = H.linkage(X, method)
        Z = h.linkage(X.tolist(), method)
        labels = [f"x{i}" for i in range(n)]
        for kwargs in ({}, {"labels": labels}, {"color_threshold": float(np.median(Zs[:, 2])) * 1.0001},
                       {"color_threshold": 0}):
            ours, theirs = h.dendrogram(Z, **kwargs), H.dendrogram(Zs, no_plot=True, **kwargs)
            for key in ("ivl", "leaves", "color_list", "leaves_color_list"):
                assert ours[key] == list(theirs[key]), key
            assert ours["icoord"] == theirs["icoord"]
            np.testing.assert_allclose(ours["dcoord"], theirs["dcoord"], rtol=1e-9)


def test_dendrogram_deep_tree_needs_no_recursion():
    X = [[i * (i + 1) / 2] for i in range(1500)]  # growing gaps: merges add one point at a time
    d = h.dendrogram(h.linkage(X, "single"))
    assert len(d["leaves"]) == 1500 and d["icoord"][-1][0] == 5.0


# --------------------------------------------------------- merge_steps ----


LECTURE_STEPS = [
    (("a", "b"), 1.0, ["{a,b}", "c", "d", "e"],
     [[0.0, 4.5, 7.8, 6.7], [4.5, 0.0, 3.6, 2.2], [7.8, 3.6, 0.0, 2.0], [6.7, 2.2, 2.0, 0.0]]),
    (("d", "e"), 2.0, ["{a,b}", "c", "{d,e}"], [[0.0, 4.5, 6.7], [4.5, 0.0, 2.2], [6.7, 2.2, 0.0]]),
    (("c", "{d,e}"), math.sqrt(5), ["{a,b}", "{c,d,e}"], [[0.0, 4.5], [4.5, 0.0]]),
    (("{a,b}", "{c,d,e}"), math.sqrt(20), ["{a,b,c,d,e}"], [[0.0]]),
]


def test_merge_steps_lecture_single_linkage():
    assert [[round(v, 1) for v in row] for row in distance_matrix(AE)] == [
        [0.0, 1.0, 5.0, 8.5, 7.2], [1.0, 0.0, 4.5, 7.8, 6.7], [5.0, 4.5, 0.0, 3.6, 2.2],
        [8.5, 7.8, 3.6, 0.0, 2.0], [7.2, 6.7, 2.2, 2.0, 0.0]]
    steps = h.merge_steps(AE, "single")
    assert len(steps) == 4
    for s, (merged, height, names, matrix) in zip(steps, LECTURE_STEPS):
        assert s.merged == merged
        assert s.height == pytest.approx(height, rel=1e-12)
        assert s.names == names
        assert [[round(v, 1) for v in row] for row in s.matrix] == matrix
    assert steps[2].height == pytest.approx(2.236, abs=1e-3) and steps[3].height == pytest.approx(4.472, abs=1e-3)
    assert steps[-1].members == ["a", "b", "c", "d", "e"]
    text = steps[1].to_text(decimals=2)
    assert "merge d and e at 2.000 -> {d,e}" in text and "6.71" in text
    assert str(steps[0]) == steps[0].to_text(1)


def test_merge_steps_complete_linkage_matrix():
    s = h.merge_steps(AE, "complete", labels=["A", "B", "C", "D", "E"])
    assert s[0].names == ["{A,B}", "C", "D", "E"]
    assert [round(v, 1) for v in s[0].matrix[0]] == [0.0, 5.0, 8.5, 7.2]


def merged_sets(Z, n):
    members = [{i} for i in range(n)]
    out = []
    for a, b, height, _ in Z:
        members.append(members[int(a)] | members[int(b)])
        out.append((frozenset(members[-1]), height))
    return out


@pytest.mark.parametrize("method", METHODS)
def test_merge_steps_agree_with_linkage(method):
    for n, p in [(2, 1), (5, 2), (12, 3), (30, 2)]:
        X = data(n, p, seed=4).tolist()
        steps = h.merge_steps(X, method, labels=[str(i) for i in range(n)])
        want = merged_sets(h.linkage(X, method), n)
        got = [(frozenset(int(m) for m in s.members), s.height) for s in steps]
        if method in MONOTONE:  # same merges; order may differ only between equal heights
            got.sort(key=lambda t: t[1])
        assert [g[0] for g in got] == [w[0] for w in want]
        assert [g[1] for g in got] == pytest.approx([w[1] for w in want], rel=1e-12)


def test_merge_steps_too_many_observations():
    with pytest.raises(ValueError, match="at most 30 observations"):
        h.merge_steps(data(31, 2).tolist())


# ---------------------------------------------------------- properties ----

coords = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False).map(lambda v: round(v, 2))


@st.composite
def point_sets(draw, max_n=25):
    n = draw(st.integers(2, max_n))
    p = draw(st.integers(1, 3))
    return [[draw(coords) for _ in range(p)] for _ in range(n)]


@pytest.mark.filterwarnings("ignore::scipy.cluster.hierarchy.ClusterWarning")
@pytest.mark.filterwarnings("ignore::clusterlab.hierarchy.ClusterWarning")
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(X=point_sets(), method=st.sampled_from(METHODS))
def test_property_equals_scipy_and_monotone(X, method):
    Z = h.linkage(X, method)
    assert_same_Z(Z, H.linkage(np.array(X), method))
    heights = [r[2] for r in Z]
    if method in MONOTONE:
        assert all(a <= b for a, b in zip(heights, heights[1:]))
    n = len(X)
    k = 1 + n // 3
    labels = h.fcluster(Z, k, criterion="maxclust")
    assert len(set(labels)) <= k and sorted(set(labels)) == list(range(1, len(set(labels)) + 1))


junk_number = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 5), st.booleans(), st.none(),
    st.text(max_size=2),
)
junk = st.one_of(
    st.lists(junk_number, max_size=8),
    st.lists(st.lists(junk_number, max_size=4), max_size=6),
    st.lists(st.floats(-10, 10), max_size=12),
    point_sets(8),
    junk_number,
)


@settings(max_examples=300, deadline=2000)
@given(y=junk, method=st.sampled_from(METHODS + ("nearest", 3)),
       metric=st.sampled_from(["euclidean", "cityblock", "correlation", "sqeuclidean", "chebyshev", None]))
def test_property_any_input_works_or_raises_documented_errors(y, method, metric):
    try:
        Z = h.linkage(y, method, metric)
    except (ValueError, TypeError):
        return
    n = len(Z) + 1
    assert h.leaves_list(Z) and len(h.dendrogram(Z)["leaves"]) == n
    assert len(h.fcluster(Z, 2, criterion="maxclust")) == n and len(h.cut_tree(Z, n_clusters=1)) == n


@settings(max_examples=150, deadline=2000)
@given(Z=st.one_of(st.lists(st.lists(junk_number, min_size=4, max_size=4), max_size=4), junk),
       t=junk_number, criterion=st.sampled_from(["maxclust", "distance", "inconsistent"]))
def test_property_tree_functions_raise_documented_errors(Z, t, criterion):
    for call in (lambda: h.fcluster(Z, t, criterion), lambda: h.cut_tree(Z, n_clusters=t),
                 lambda: h.leaves_list(Z), lambda: h.dendrogram(Z, color_threshold=t)):
        try:
            call()
        except (ValueError, TypeError):
            pass


# ------------------------------------------------------------ bad input ----


@pytest.mark.parametrize("y, exc, match", [
    ([], ValueError, "y is empty"),
    ([[1, 2]], ValueError, "at least 2 are needed"),
    ([[1, 2], [3]], ValueError, "ragged"),
    ([[1, "a"], [2, 3]], TypeError, r"y\[0\]\[1\] must be a number"),
    ([[1, float("nan")], [2, 3]], ValueError, "remove or impute"),
    ([[1, math.inf], [2, 3]], ValueError, "remove or impute"),
    ([1.0, 2.0], ValueError, "n\\(n-1\\)/2 entries"),
    ([1.0, -2.0, 3.0], ValueError, "cannot be negative"),
    ([1.0, True, 3.0], TypeError, "list of numbers"),
    ("abc", TypeError, "observations"),
    (None, TypeError, "observations"),
    ([[0, 0], [1e200, 0]], ValueError, "rescale"),
])
def test_linkage_bad_input(y, exc, match):
    with pytest.raises(exc, match=match):
        h.linkage(y)


def test_linkage_bad_method_and_metric():
    with pytest.raises(ValueError, match="unknown method 'nearest'; use one of 'single'"):
        h.linkage(AE, "nearest")
    with pytest.raises(TypeError, match="method must be a name"):
        h.linkage(AE, None)
    with pytest.raises(ValueError, match="unknown metric 'chebyshev'"):
        h.linkage(AE, "average", "chebyshev")
    for method in ("centroid", "median", "ward"):
        with pytest.raises(ValueError, match=f"method='{method}' needs Euclidean distances"):
            h.linkage(AE, method, "cityblock")
    with pytest.raises(ValueError, match="constant observation"):
        h.linkage([[1, 1], [1, 2]], "single", "correlation")


GOOD_Z = h.linkage(AE, "single")


@pytest.mark.parametrize("Z, match", [
    ([], "Z is empty"),
    ([[0, 1, 1.0]], "4 columns"),
    ([[0, 1, 1.0, 2], [0, 2, 2.0, 3]], "second time"),
    ([[0, 3, 1.0, 2], [1, 2, 2.0, 3]], "may only use ids 0..2"),
    ([[0, 1.5, 1.0, 2], [2, 3, 2.0, 3]], "may only use ids"),
    ([[0, 1, -1.0, 2], [2, 3, 2.0, 3]], "negative height"),
    ([[0, 1, 1.0, 5], [2, 3, 2.0, 3]], "says size 5"),
])
def test_bad_linkage_matrix(Z, match):
    for f in (h.leaves_list, h.dendrogram, lambda Z: h.fcluster(Z, 2, criterion="maxclust"), lambda Z: h.cut_tree(Z, 2)):
        with pytest.raises(ValueError, match=match):
            f(Z)


def test_bad_t_and_n_clusters():
    with pytest.raises(ValueError, match="t must be at least 1"):
        h.fcluster(GOOD_Z, 0, criterion="maxclust")
    with pytest.raises(TypeError, match="t must be a whole number"):
        h.fcluster(GOOD_Z, 2.5, criterion="maxclust")
    with pytest.raises(ValueError, match="cut height must be >= 0"):
        h.fcluster(GOOD_Z, -1.0, criterion="distance")
    with pytest.raises(ValueError, match="unknown criterion 'maxclust_monocrit'"):
        h.fcluster(GOOD_Z, 2, criterion="maxclust_monocrit")
    with pytest.raises(ValueError, match="d must be at least 0"):
        h.fcluster(GOOD_Z, 2, criterion="inconsistent", depth=-1)
    with pytest.raises(ValueError, match="n_clusters must be at most 5"):
        h.cut_tree(GOOD_Z, n_clusters=6)
    with pytest.raises(ValueError, match="n_clusters must be at least 1"):
        h.cut_tree(GOOD_Z, n_clusters=[2, 0])
    with pytest.raises(TypeError, match="n_clusters must be a whole number or a list"):
        h.cut_tree(GOOD_Z, n_clusters="2")
    with pytest.raises(ValueError, match="not both"):
        h.cut_tree(GOOD_Z, n_clusters=2, height=1.0)


def test_bad_dendrogram_and_merge_steps_options():
    with pytest.raises(ValueError, match="one label per observation \\(5\\), got 2"):
        h.dendrogram(GOOD_Z, labels=["a", "b"])
    with pytest.raises(ValueError, match="unknown orientation 'up'"):
        h.dendrogram(GOOD_Z, orientation="up")
    with pytest.raises(ValueError, match="does not offer truncate_mode='lastp'"):
        h.dendrogram(GOOD_Z, truncate_mode="lastp")
    with pytest.raises(ValueError, match="does not offer ax="):
        h.dendrogram(GOOD_Z, ax="an axis")
    with pytest.raises(ValueError, match="does not offer optimal_ordering=True"):
        h.linkage([[0], [1], [3]], optimal_ordering=True)
    with pytest.raises(ValueError, match="does not offer monocrit="):
        h.fcluster(GOOD_Z, 1, "distance", monocrit=[1, 2, 3])
    with pytest.raises(ValueError, match="labels must be distinct"):
        h.merge_steps(AE, labels=["a", "a", "b", "c", "d"])
    with pytest.raises(ValueError, match="one name per observation"):
        h.merge_steps(AE, labels=["a"])
